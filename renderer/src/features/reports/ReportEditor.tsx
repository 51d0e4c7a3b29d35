import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Chip, Divider, Paper, Stack, Tooltip, Typography } from '@mui/material';
import ArticleIcon from '@mui/icons-material/Article';
import FormatBoldIcon from '@mui/icons-material/FormatBold';
import FormatItalicIcon from '@mui/icons-material/FormatItalic';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { Report, ReportBlock, ReportBody, ReportFields, ReportRun } from '../../../../shared/domain/report';
import { formatDate, formatDateTime } from '../../../../shared/format/date';
import { useApi } from '../../api/ApiContext';
import { errorMessage } from '../../api/errors';
import { useApiQuery } from '../../api/useApiQuery';
import { ApiErrorAlert } from '../../components/ApiErrorAlert';
import { navigate } from '../../app/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotifier } from '../../components/Notifier';
import { PageHeader } from '../../components/PageHeader';
import { CountedUnitsDialog } from './CountedUnitsDialog';
import { ReasonDialog } from '../../components/ReasonDialog';
import { blockLabel, ReportBlocks } from './ReportBlocks';
import { splitLongText } from './rich-text';
import { ReportDraftDialog } from './ReportDraftDialog';
import { ReportFieldsForm } from './ReportFieldsForm';
import { ReportPreviewDialog } from './ReportPreviewDialog';
import { useReportSaver } from './useReportSaver';

type Dialogs = 'preview' | 'finalise' | 'remove' | 'redraft' | 'reason' | null;

let added = 0;
/** An id for a paragraph the clerk adds (letters first, as block ids must be). */
function newBlockId(): string {
  added += 1;
  return `n${Date.now().toString(36)}${added}`;
}

/** The keyboard into a paragraph, once it is drawn: at its start, or after its last letter (the end of a paste). */
function focusBlock(blockId: string, at: 'start' | 'end' = 'start'): void {
  requestAnimationFrame(() => {
    const box = document.querySelector<HTMLElement>(`[data-block="${blockId}"] [role="textbox"]`);
    if (!box) return;
    box.focus();
    if (at === 'end') {
      const range = document.createRange();
      range.selectNodeContents(box);
      range.collapse(false);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
    }
  });
}

/**
 * One results report: its fields and its drafted text, edited in place (a draft saves itself;
 * a finalised report changes only by an amendment with a reason), every count a link to the
 * units behind it; preview, print, PDF and Word from the preview.
 */
export function ReportEditor({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const { notify } = useNotifier();
  const [report, setReport] = useState<Report | null>(null);
  // What the editor shows; `edited` when it differs from what was loaded (a save is due).
  const [doc, setDoc] = useState<{ fields: ReportFields; body: ReportBody; edited: boolean } | null>(null);
  const fields = doc?.fields ?? null;
  const body = doc?.body ?? null;
  const [generation, setGeneration] = useState(0);
  const [amending, setAmending] = useState(false);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [counted, setCounted] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  /** The report as the core holds it now: shown afresh, edits not yet saved dropped. */
  const load = useCallback((next: Report) => {
    setReport(next);
    setDoc({ fields: next.fields, body: next.body, edited: false });
    setGeneration((value) => value + 1);
  }, []);
  const saver = useReportSaver(api, report, setReport, t('common.unexpected'));
  // A draft opened (or just drafted) puts the keyboard in its first paragraph, unless the clerk
  // is already somewhere: the fields above it are many Tab presses long.
  const focusedFirst = useRef(false);
  useEffect(() => {
    if (focusedFirst.current || !report || report.status !== 'draft') return;
    focusedFirst.current = true;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const first = report.body.blocks.find((block) => block.kind === 'paragraph');
    if (first) focusBlock(first.id);
  }, [report]);
  const finalised = report?.status === 'finalised';
  const readOnly = finalised && !amending;

  // Loaded once (and again on "Tải lại"), not whenever reports change elsewhere: that would drop
  // what is being typed. Each new answer is shown afresh.
  const reportQuery = useApiQuery('reports.get', { id }, { topics: [] });
  const [shownVersion, setShownVersion] = useState(0);
  if (reportQuery.data && reportQuery.version !== shownVersion) {
    setShownVersion(reportQuery.version);
    load(reportQuery.data);
  }

  // Every edit goes through `update` (stable, so unchanged paragraphs do not render again while
  // one is typed in); the save follows from the new state.
  const update = useCallback(
    (
      change: (current: {
        fields: ReportFields;
        body: ReportBody;
      }) => Partial<{ fields: ReportFields; body: ReportBody }>,
    ) => {
      setDoc((current) => (current ? { ...current, ...change(current), edited: true } : current));
    },
    [],
  );
  const { change: saveLater } = saver;
  useEffect(() => {
    if (doc?.edited && !finalised) saveLater({ fields: doc.fields, body: doc.body });
  }, [doc, finalised, saveLater]);
  const setBlocks = useCallback(
    (change: (blocks: ReportBlock[]) => ReportBlock[]) =>
      update((current) => ({ body: { ...current.body, blocks: change(current.body.blocks) } })),
    [update],
  );
  const blocks = body?.blocks ?? [];
  const onFields = useCallback((next: ReportFields) => update(() => ({ fields: next })), [update]);
  const onRuns = useCallback(
    (blockId: string, runs: ReportRun[]) =>
      setBlocks((list) =>
        list.map((block) =>
          block.id === blockId && (block.kind === 'paragraph' || block.kind === 'heading') ? { ...block, runs } : block,
        ),
      ),
    [setBlocks],
  );
  const onMove = useCallback(
    (blockId: string, by: -1 | 1) => {
      setBlocks((list) => {
        const at = list.findIndex((block) => block.id === blockId);
        const to = at + by;
        if (at < 0 || to < 0 || to >= list.length) return list;
        const next = [...list];
        const [moved] = next.splice(at, 1);
        if (moved) next.splice(to, 0, moved);
        return next;
      });
      // The moved paragraph keeps the keyboard.
      focusBlock(blockId);
    },
    [setBlocks],
  );
  // A paragraph goes at one click; the notice brings it back (its button, or Ctrl+Z). The blocks
  // are read through a ref so the handler stays stable (rows render again only when they change).
  const blocksNow = useRef(blocks);
  useEffect(() => {
    blocksNow.current = body?.blocks ?? [];
  }, [body]);
  const onDelete = useCallback(
    (blockId: string) => {
      const at = blocksNow.current.findIndex((block) => block.id === blockId);
      const removed = blocksNow.current[at];
      if (!removed) return;
      setBlocks((list) => list.filter((block) => block.id !== blockId));
      const what = blockLabel(t, removed, at + 1).toLowerCase();
      notify({
        message: t('reports.editor.deleted', { what }),
        severity: 'info',
        undo: () =>
          setBlocks((list) =>
            list.some((block) => block.id === removed.id) ? list : [...list.slice(0, at), removed, ...list.slice(at)],
          ),
      });
    },
    [notify, setBlocks, t],
  );
  const onAddAfter = useCallback(
    (blockId: string | null) => {
      const fresh: ReportBlock = { id: newBlockId(), kind: 'paragraph', runs: [] };
      setBlocks((list) => {
        const at = blockId === null ? list.length - 1 : list.findIndex((block) => block.id === blockId);
        const next = [...list];
        next.splice(at + 1, 0, fresh);
        return next;
      });
      focusBlock(fresh.id);
    },
    [setBlocks],
  );
  const onAddLinesAfter = useCallback(
    (blockId: string, lines: string[]) => {
      const fresh: ReportBlock[] = lines.map((text) => ({
        id: newBlockId(),
        kind: 'paragraph',
        runs: splitLongText(text).map((piece) => ({ text: piece })),
      }));
      setBlocks((list) => {
        const at = list.findIndex((block) => block.id === blockId);
        const next = [...list];
        next.splice(at < 0 ? list.length : at + 1, 0, ...fresh);
        return next;
      });
      const last = fresh.at(-1);
      if (last) focusBlock(last.id, 'end');
    },
    [setBlocks],
  );

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setFailure(null);
    try {
      await work();
    } catch (error) {
      setFailure(errorMessage(error, t('common.unexpected')));
    } finally {
      setBusy(false);
    }
  };

  const openPreview = async () => {
    if (!finalised && !(await saver.flush())) return;
    setDialog('preview');
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || document.querySelector('[role="dialog"]')) return;
      if (event.key.toLowerCase() === 's' && !finalised) {
        event.preventDefault();
        void saver.flush();
      }
      if (event.key.toLowerCase() === 'p') {
        event.preventDefault();
        void openPreview();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!report && reportQuery.error) {
    return (
      <Box sx={{ p: 3 }}>
        <ApiErrorAlert error={reportQuery.error} onRetry={reportQuery.reload} />
      </Box>
    );
  }
  if (!report || !fields || !body) {
    return (
      <Typography sx={{ p: 3 }} color="text.secondary" role="status">
        {t('common.loading')}
      </Typography>
    );
  }

  const saveLabel =
    saver.state === 'saving'
      ? t('common.saving')
      : saver.state === 'pending'
        ? t('reports.unsaved')
        : saver.state === 'failed'
          ? t('reports.saveFailed')
          : t('reports.allSaved');

  return (
    <Box sx={{ overflow: 'auto', pb: 6 }}>
      <PageHeader title={fields.title || t('reports.untitled')}>
        <Chip color={finalised ? 'success' : 'default'} label={t(`reports.statuses.${report.status}`)} />
        {!finalised && (
          <Typography
            variant="body2"
            noWrap
            sx={{ flexShrink: 0 }}
            color={saver.state === 'failed' ? 'error' : 'text.secondary'}
            role="status"
            aria-live="polite"
          >
            {saveLabel}
          </Typography>
        )}
        <Button
          variant="contained"
          startIcon={<ArticleIcon />}
          onClick={() => void openPreview()}
          aria-keyshortcuts="Control+P"
          disabled={busy || amending}
        >
          {t('reports.preview')} (Ctrl+P)
        </Button>
      </PageHeader>
      <Stack spacing={2} sx={{ px: 3, maxWidth: 1100 }}>
        <Typography variant="body2" color="text.secondary">
          {t('reports.scopeLine', {
            plans: report.plans.map((plan) => plan.title).join('; '),
            from: formatDate(report.periodFrom),
            to: formatDate(report.periodTo),
            asOf: formatDate(report.asOf),
          })}
        </Typography>
        {saver.failure && (
          <Alert
            severity="error"
            role="alert"
            action={
              saver.failure.conflict ? (
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => {
                    // The edits made here are dropped; the report as stored now is shown.
                    saver.reset(report);
                    reportQuery.reload();
                  }}
                >
                  {t('reports.reload')}
                </Button>
              ) : undefined
            }
          >
            {saver.failure.message}
          </Alert>
        )}
        <ApiErrorAlert error={reportQuery.error} onRetry={reportQuery.reload} />
        {failure && (
          <Alert severity="error" role="alert" onClose={() => setFailure(null)}>
            {failure}
          </Alert>
        )}
        {finalised && (
          <Alert severity={amending ? 'warning' : 'success'}>
            {amending
              ? t('reports.amendingHelp')
              : t('reports.finalisedHelp', {
                  at: formatDateTime(report.finalisedAt),
                  by: report.finalisedBy || t('audit.unknownOperator'),
                })}
          </Alert>
        )}
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
          {!finalised && (
            <>
              <Button
                onClick={() => void saver.flush()}
                disabled={busy || saver.state === 'saved'}
                aria-keyshortcuts="Control+S"
              >
                {t('common.save')} (Ctrl+S)
              </Button>
              <Button onClick={() => void saver.flush().then((ok) => ok && setDialog('redraft'))} disabled={busy}>
                {t('reports.redraft')}
              </Button>
              <Button
                variant="outlined"
                color="success"
                onClick={() => void saver.flush().then((ok) => ok && setDialog('finalise'))}
                disabled={busy}
              >
                {t('reports.finalise')}
              </Button>
              <Button color="error" onClick={() => setDialog('remove')} disabled={busy}>
                {t('reports.remove')}
              </Button>
            </>
          )}
          {finalised && !amending && (
            <Button variant="outlined" onClick={() => setAmending(true)} disabled={busy}>
              {t('reports.amend.start')}
            </Button>
          )}
          {finalised && amending && (
            <>
              <Button variant="contained" onClick={() => setDialog('reason')} disabled={busy}>
                {t('reports.amend.save')}
              </Button>
              <Button
                onClick={() => {
                  setAmending(false);
                  load(report);
                }}
                disabled={busy}
              >
                {t('reports.amend.cancel')}
              </Button>
            </>
          )}
        </Stack>

        <Paper component="section" aria-label={t('reports.fieldsLabel')} sx={{ p: 2.5 }}>
          <Typography variant="h6" component="h2" sx={{ fontSize: 17, mb: 2 }}>
            {t('reports.fieldsLabel')}
          </Typography>
          <ReportFieldsForm key={generation} fields={fields} readOnly={readOnly} onChange={onFields} />
        </Paper>

        <Paper component="section" aria-label={t('reports.editor.textLabel')} sx={{ p: 2.5 }}>
          <Stack direction="row" spacing={1} alignItems="center" sx={{ mb: 1 }}>
            <Typography variant="h6" component="h2" sx={{ fontSize: 17, flexGrow: 1 }}>
              {t('reports.editor.textLabel')}
            </Typography>
            {!readOnly && (
              <>
                <Tooltip describeChild title={`${t('reports.editor.bold')} (Ctrl+B)`}>
                  <Button
                    size="small"
                    startIcon={<FormatBoldIcon />}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => document.execCommand('bold')}
                    aria-keyshortcuts="Control+B"
                  >
                    {t('reports.editor.bold')}
                  </Button>
                </Tooltip>
                <Tooltip describeChild title={`${t('reports.editor.italic')} (Ctrl+I)`}>
                  <Button
                    size="small"
                    startIcon={<FormatItalicIcon />}
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => document.execCommand('italic')}
                    aria-keyshortcuts="Control+I"
                  >
                    {t('reports.editor.italic')}
                  </Button>
                </Tooltip>
                <Divider orientation="vertical" flexItem />
                <Button size="small" startIcon={<AddIcon />} onClick={() => onAddAfter(null)}>
                  {t('reports.editor.addAtEnd')}
                </Button>
              </>
            )}
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
            {readOnly ? t('reports.editor.readOnlyHelp') : t('reports.editor.help')}
          </Typography>
          <ReportBlocks
            blocks={blocks}
            generation={generation}
            readOnly={readOnly}
            onRuns={onRuns}
            onMove={onMove}
            onDelete={onDelete}
            onAddAfter={onAddAfter}
            onAddLinesAfter={onAddLinesAfter}
            onCount={setCounted}
          />
          {report.appendixRows > 0 && (
            <Typography variant="body2" color="text.secondary" sx={{ mt: 2 }}>
              {t('reports.appendixNote', { count: report.appendixRows })}
            </Typography>
          )}
        </Paper>

        {report.amendments.length > 0 && (
          <Paper component="section" aria-label={t('reports.amend.history')} sx={{ p: 2.5 }}>
            <Typography variant="h6" component="h2" sx={{ fontSize: 17, mb: 1 }}>
              {t('reports.amend.history')}
            </Typography>
            {report.amendments.map((amendment) => (
              <Typography key={amendment.id} variant="body2">
                {t('reports.amend.line', {
                  at: formatDateTime(amendment.at),
                  by: amendment.operator || t('audit.unknownOperator'),
                  reason: amendment.reason,
                  count: amendment.changes.length,
                })}
              </Typography>
            ))}
          </Paper>
        )}
      </Stack>

      {dialog === 'preview' && (
        <ReportPreviewDialog reportId={report.id} title={fields.title} onClose={() => setDialog(null)} />
      )}
      {dialog === 'redraft' && (
        <ReportDraftDialog
          report={report}
          onClose={() => setDialog(null)}
          onDone={(next) => {
            setDialog(null);
            saver.reset(next);
            load(next);
            notify({ message: t('reports.redrafted'), severity: 'success' });
          }}
        />
      )}
      <ConfirmDialog
        open={dialog === 'finalise'}
        title={t('reports.finaliseTitle')}
        message={t('reports.finaliseMessage')}
        confirmLabel={t('reports.finalise')}
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          setDialog(null);
          void act(async () => {
            const done = await api.call('reports.finalise', { id: report.id, rev: saver.rev.current });
            saver.reset(done);
            load(done);
            notify({ message: t('reports.finalised'), severity: 'success' });
          });
        }}
      />
      <ConfirmDialog
        open={dialog === 'remove'}
        title={t('reports.removeTitle')}
        message={t('reports.removeMessage')}
        confirmLabel={t('reports.remove')}
        onCancel={() => setDialog(null)}
        onConfirm={() => {
          setDialog(null);
          void act(async () => {
            await saver.flush();
            await api.call('reports.remove', { id: report.id, rev: saver.rev.current });
            navigate('reports');
          });
        }}
      />
      {dialog === 'reason' && (
        <ReasonDialog
          texts={{
            title: t('reports.amend.title'),
            help: t('reports.amend.help'),
            label: t('reports.amend.reason'),
            required: t('reports.amend.reasonRequired'),
            confirm: t('reports.amend.save'),
          }}
          onCancel={() => setDialog(null)}
          onConfirm={(reason) => {
            setDialog(null);
            void act(async () => {
              const amended = await api.call('reports.amend', { id: report.id, rev: report.rev, fields, body, reason });
              setAmending(false);
              load(amended);
              notify({ message: t('reports.amend.saved'), severity: 'success' });
            });
          }}
        />
      )}
      {counted && <CountedUnitsDialog reportId={report.id} countRef={counted} onClose={() => setCounted(null)} />}
    </Box>
  );
}
