import { useCallback, useId, useMemo, useState } from 'react';
import { Alert, AppBar, Box, Dialog, Toolbar, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { PendingDownload } from '../../../../shared/api/files';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DocumentOutputButtons } from '../../components/DocumentOutputButtons';
import { PdfPages } from '../minutes/PdfPages';
import { decodeBase64 } from '../minutes/pdf-pages';

type Busy = 'print' | 'pdf' | 'docx' | null;

/**
 * The report exactly as it prints (the PDF itself, page by page), and from here: print, save the
 * PDF, export to Word — the same three ways out as the minutes. Ctrl+P prints, Esc closes.
 */
export function ReportPreviewDialog({
  reportId,
  title,
  onClose,
}: {
  reportId: string;
  title: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const titleId = useId();
  const query = useApiQuery('reports.preview', { id: reportId });
  const preview = query.data;
  const [message, setMessage] = useState<{ text: string; severity: 'success' | 'error' } | null>(null);
  const [busy, setBusy] = useState<Busy>(null);

  const pdf = useMemo(() => (preview ? decodeBase64(preview.pdfBase64) : null), [preview]);

  const run = useCallback(
    async (kind: Exclude<Busy, null>) => {
      if (busy) return;
      setBusy(kind);
      setMessage(null);
      try {
        let download: PendingDownload;
        if (kind === 'print') {
          download = await api.call('reports.printHtml', { id: reportId });
          await api.printDownload(download);
        } else {
          download = await api.call(kind === 'pdf' ? 'reports.exportPdf' : 'reports.exportDocx', { id: reportId });
          if (await api.saveDownload(download)) {
            setMessage({ text: t('reports.saved', { file: download.fileName }), severity: 'success' });
          }
        }
      } catch (error) {
        setMessage({ text: errorMessage(error, t('common.unexpected')), severity: 'error' });
      } finally {
        setBusy(null);
      }
    },
    [api, busy, reportId, t],
  );

  return (
    <Dialog fullScreen open onClose={busy ? undefined : onClose} aria-labelledby={titleId}>
      <AppBar position="static" color="default" elevation={1}>
        <Toolbar variant="dense" sx={{ gap: 1, flexWrap: 'wrap', py: 0.5 }}>
          <Typography id={titleId} variant="h6" component="h2" noWrap sx={{ flex: '1 1 200px', minWidth: 0 }}>
            {t('reports.previewTitle', { title })}
          </Typography>
          {preview && (
            <Typography variant="body2" color="text.secondary">
              {t('reports.pageCount', { count: preview.pageCount })}
            </Typography>
          )}
          <DocumentOutputButtons
            busy={busy}
            texts={{
              print: t('reports.print'),
              printing: t('reports.printing'),
              savePdf: t('reports.savePdf'),
              exportWord: t('reports.exportWord'),
              preparing: t('reports.preparing'),
              close: t('common.close'),
            }}
            onRun={(output) => void run(output)}
            onClose={onClose}
          />
        </Toolbar>
      </AppBar>
      <Box
        component="section"
        aria-label={t('reports.previewLabel')}
        sx={{ flexGrow: 1, overflow: 'auto', bgcolor: '#e7e9ed' }}
      >
        {message && (
          <Alert
            severity={message.severity}
            role={message.severity === 'error' ? 'alert' : 'status'}
            onClose={() => setMessage(null)}
            sx={{ mx: 3, mt: 2 }}
          >
            {message.text}
          </Alert>
        )}
        <ApiErrorAlert error={query.error} onRetry={query.reload} sx={{ m: 3 }} />
        {!query.error && !pdf && (
          <Typography sx={{ p: 6, textAlign: 'center' }} color="text.secondary" role="status">
            {t('reports.previewLoading')}
          </Typography>
        )}
        {pdf && <PdfPages data={pdf} zoom={1} />}
      </Box>
    </Dialog>
  );
}
