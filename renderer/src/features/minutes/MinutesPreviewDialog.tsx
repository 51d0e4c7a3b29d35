import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  Alert,
  AppBar,
  Box,
  Button,
  Dialog,
  Divider,
  IconButton,
  Stack,
  TextField,
  Toolbar,
  Tooltip,
  Typography,
} from '@mui/material';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import InfoOutlinedIcon from '@mui/icons-material/InfoOutlined';
import { useTranslation } from 'react-i18next';
import type { PendingDownload } from '../../../../shared/api/files';
import { MAX_MINUTES_NUMBER } from '../../../../shared/domain/minutes';
import { useApi } from '../../api/ApiContext';
import { ApiCallError, errorMessage } from '../../api/errors';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { DocumentOutputButtons } from '../../components/DocumentOutputButtons';
import { PdfPages } from './PdfPages';
import { decodeBase64 } from './pdf-pages';

type Busy = 'print' | 'pdf' | 'docx' | 'number' | null;

const ZOOMS = [0.6, 0.75, 0.9, 1, 1.25, 1.5];

interface MinutesPreviewDialogProps {
  inspectionId: string;
  unitName: string;
  onClose(): void;
}

/**
 * The minutes exactly as they print: the PDF itself, drawn page by page. From here the clerk
 * prints (the system dialog), saves the PDF, exports to Word, or changes the number.
 * Ctrl+P prints, Esc closes.
 */
export function MinutesPreviewDialog({ inspectionId, unitName, onClose }: MinutesPreviewDialogProps) {
  const { t } = useTranslation();
  const api = useApi();
  // Shown inside the dialog: while it is open the rest of the window is hidden from screen readers.
  const [message, setMessage] = useState<{ text: string; severity: 'success' | 'error' } | null>(null);
  const titleId = useId();
  const query = useApiQuery('minutes.preview', { inspectionId });
  const preview = query.data;
  const [busy, setBusy] = useState<Busy>(null);
  const [zoom, setZoom] = useState(1);
  const [editingNumber, setEditingNumber] = useState<string | null>(null);
  const [numberError, setNumberError] = useState<string | null>(null);
  // Where the keyboard goes when the number field closes (it held the focus): back to "Đổi số"
  // after Esc, to Print after a save (the number button returns with the new preview).
  const changeButton = useRef<HTMLButtonElement>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const focusAfterEdit = useRef<'change' | 'print' | null>(null);
  useEffect(() => {
    if (editingNumber !== null || !focusAfterEdit.current) return;
    (focusAfterEdit.current === 'change' ? changeButton.current : printButton.current)?.focus();
    focusAfterEdit.current = null;
  }, [editingNumber]);

  const decoded = useMemo(() => (preview ? decodeBase64(preview.pdfBase64) : null), [preview]);
  // After a new number the old pages go away at once: the preview is drawn again from the new PDF only.
  const pdf = query.loading ? null : decoded;

  const run = useCallback(
    async (kind: Exclude<Busy, 'number' | null>) => {
      if (busy) return;
      setBusy(kind);
      setMessage(null);
      try {
        let download: PendingDownload;
        if (kind === 'print') {
          download = await api.call('minutes.printHtml', { inspectionId });
          await api.printDownload(download);
        } else {
          download = await api.call(kind === 'pdf' ? 'minutes.exportPdf' : 'minutes.exportDocx', { inspectionId });
          if (await api.saveDownload(download)) {
            setMessage({ text: t('minutes.saved', { file: download.fileName }), severity: 'success' });
          }
        }
      } catch (error) {
        setMessage({ text: errorMessage(error, t('common.unexpected')), severity: 'error' });
      } finally {
        setBusy(null);
      }
    },
    [api, busy, inspectionId, t],
  );

  const saveNumber = async (event: FormEvent) => {
    event.preventDefault();
    const number = Number(editingNumber);
    if (!Number.isInteger(number) || number < 1 || number > MAX_MINUTES_NUMBER) {
      setNumberError(t('minutes.validation.number'));
      return;
    }
    setBusy('number');
    try {
      const { numberText } = await api.call('minutes.setNumber', { inspectionId, number });
      focusAfterEdit.current = 'print';
      setEditingNumber(null);
      setNumberError(null);
      setMessage({ text: t('minutes.numberSaved', { number: numberText }), severity: 'success' });
      query.reload();
    } catch (error) {
      setNumberError(
        error instanceof ApiCallError && error.fields?.number
          ? t(error.fields.number)
          : errorMessage(error, t('common.unexpected')),
      );
    } finally {
      setBusy(null);
    }
  };

  const zoomIndex = ZOOMS.indexOf(zoom);
  return (
    <Dialog fullScreen open onClose={busy ? undefined : onClose} aria-labelledby={titleId}>
      <AppBar position="static" color="default" elevation={1}>
        <Toolbar variant="dense" sx={{ gap: 1, flexWrap: 'wrap', py: 0.5 }}>
          <Typography id={titleId} variant="h6" component="h2" noWrap sx={{ flexGrow: 1, minWidth: 200 }}>
            {t('minutes.previewTitle', { unit: unitName })}
          </Typography>
          {preview && editingNumber === null && (
            <Stack direction="row" spacing={1} alignItems="center">
              <Typography variant="body2" aria-live="polite">
                {t('minutes.number')}: <b>{preview.numberText || t('minutes.numberBlank')}</b>
              </Typography>
              {preview.numberTyped ? (
                <Tooltip describeChild title={t('minutes.numberTypedHelp')}>
                  <InfoOutlinedIcon fontSize="small" color="action" aria-label={t('minutes.numberTypedHelp')} />
                </Tooltip>
              ) : (
                preview.numberText !== '' && (
                  <Tooltip describeChild title={t('minutes.numberHelp')}>
                    <Button
                      size="small"
                      ref={changeButton}
                      onClick={() => setEditingNumber(String(Number.parseInt(preview.numberText, 10) || ''))}
                    >
                      {t('minutes.changeNumber')}
                    </Button>
                  </Tooltip>
                )
              )}
            </Stack>
          )}
          {editingNumber !== null && (
            <Box
              component="form"
              onSubmit={(event) => void saveNumber(event)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.stopPropagation();
                  focusAfterEdit.current = 'change';
                  setEditingNumber(null);
                  setNumberError(null);
                }
              }}
              sx={{ display: 'flex', gap: 1, alignItems: 'flex-start' }}
            >
              <TextField
                size="small"
                autoFocus
                label={t('minutes.number')}
                value={editingNumber}
                onChange={(event) =>
                  setEditingNumber(event.target.value.replace(/\D/g, '').slice(0, String(MAX_MINUTES_NUMBER).length))
                }
                error={numberError !== null}
                helperText={numberError ?? t('minutes.numberHelp')}
                slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                sx={{ width: 260 }}
              />
              <Button type="submit" variant="outlined" disabled={busy !== null} sx={{ mt: 0.25 }}>
                {t('minutes.saveNumber')}
              </Button>
            </Box>
          )}
          <Divider orientation="vertical" flexItem />
          {preview && (
            <Typography variant="body2" color="text.secondary">
              {t('minutes.pageCount', { count: preview.pageCount })}
            </Typography>
          )}
          <Tooltip describeChild title={t('minutes.zoomOut')}>
            <span>
              <IconButton
                aria-label={t('minutes.zoomOut')}
                disabled={zoomIndex <= 0}
                onClick={() => setZoom(ZOOMS[zoomIndex - 1] ?? zoom)}
              >
                <ZoomOutIcon />
              </IconButton>
            </span>
          </Tooltip>
          <Typography variant="body2" sx={{ width: 44, textAlign: 'center' }} aria-live="polite">
            {Math.round(zoom * 100)}%
          </Typography>
          <Tooltip describeChild title={t('minutes.zoomIn')}>
            <span>
              <IconButton
                aria-label={t('minutes.zoomIn')}
                disabled={zoomIndex >= ZOOMS.length - 1}
                onClick={() => setZoom(ZOOMS[zoomIndex + 1] ?? zoom)}
              >
                <ZoomInIcon />
              </IconButton>
            </span>
          </Tooltip>
          <Divider orientation="vertical" flexItem />
          <DocumentOutputButtons
            busy={busy}
            texts={{
              print: t('minutes.print'),
              printing: t('minutes.printing'),
              savePdf: t('minutes.savePdf'),
              exportWord: t('minutes.exportWord'),
              preparing: t('minutes.preparing'),
              close: t('minutes.close'),
            }}
            onRun={(output) => void run(output)}
            onClose={onClose}
            printRef={printButton}
          />
        </Toolbar>
      </AppBar>
      <Box
        component="section"
        aria-label={t('minutes.previewLabel')}
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
        {query.error === null && !pdf && (
          <Typography sx={{ p: 6, textAlign: 'center' }} color="text.secondary" role="status">
            {t('minutes.previewLoading')}
          </Typography>
        )}
        {pdf && <PdfPages key={query.version} data={pdf} zoom={zoom} />}
      </Box>
    </Dialog>
  );
}
