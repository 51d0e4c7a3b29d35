import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Box, Button, CircularProgress, Paper, Stack, TextField, Tooltip, Typography } from '@mui/material';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import DoneAllIcon from '@mui/icons-material/DoneAll';
import LockIcon from '@mui/icons-material/Lock';
import EditNoteIcon from '@mui/icons-material/EditNote';
import { useTranslation } from 'react-i18next';
import {
  countResults,
  isLockedStatus,
  type CriterionResult,
  type InspectionContent,
  type InspectionDetail,
  type ResultValue,
} from '../../../../shared/domain/inspection';
import { finaliseProblems } from '../../../../shared/domain/inspection-rules';
import { newRowId } from '../../../../shared/domain/row-id';
import { formatDate, formatDateTime } from '../../../../shared/format/date';
import { useApi } from '../../api/ApiContext';
import { ApiCallError, errorMessage } from '../../api/errors';
import { navigate } from '../../app/routes';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotifier } from '../../components/Notifier';
import { AmendDialog } from './AmendDialog';
import { CriteriaList } from './CriteriaList';
import { DateField } from './DateField';
import { HistoryPanel } from './HistoryPanel';
import { lockedKey } from './locked-key';
import { PeopleEditor, newPerson } from './PeopleEditor';
import { ReinspectDialog } from './ReinspectDialog';
import { RequestsEditor } from './RequestsEditor';
import { SaveStateLabel } from './SaveStateLabel';
import { StatusChip } from './StatusChip';
import { TimeField } from './TimeField';
import { useDraftAutosave } from './useDraftAutosave';
import { MinutesActions } from '../minutes/MinutesActions';

/** Loads the inspection, then hands it to the editor (keyed, so a reload starts afresh). */
export function InspectionPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const [detail, setDetail] = useState<InspectionDetail | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    api
      .call('inspections.get', { id })
      .then((answer) => live && setDetail(answer))
      .catch((error: unknown) => live && setFailure(errorMessage(error, t('common.unexpected'))));
    return () => {
      live = false;
    };
  }, [api, id, t, generation]);
  if (failure)
    return (
      <Alert severity="error" sx={{ m: 3 }}>
        {failure}
      </Alert>
    );
  if (!detail) {
    return (
      <Box sx={{ p: 4, display: 'grid', placeItems: 'center' }} role="status" aria-label={t('common.loading')}>
        <CircularProgress />
      </Box>
    );
  }
  return (
    <InspectionEditor
      key={`${detail.id}:${generation}`}
      initial={detail}
      onReload={() => {
        setDetail(null);
        setGeneration((value) => value + 1);
      }}
    />
  );
}

type Errors = Record<string, string>;

/**
 * The screen clerks spend their day in: one inspection, dense and keyboard first. A draft saves
 * itself as it is typed (useDraftAutosave); a finalised record is read-only until the clerk
 * gives a reason, and then saving makes an amendment.
 */
function InspectionEditor({ initial, onReload }: { initial: InspectionDetail; onReload(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { notify } = useNotifier();
  const [detail, setDetail] = useState(initial);
  const [content, setContent] = useState<InspectionContent>(initial.content);
  const [showProblems, setShowProblems] = useState(false);
  const [serverErrors, setServerErrors] = useState<Errors>({});
  const [amendReason, setAmendReason] = useState<string | null>(null);
  const [asking, setAsking] = useState<'amend' | 'finalise' | 'reinspect' | null>(null);
  const [busy, setBusy] = useState(false);

  const locked = isLockedStatus(detail.status);
  const readOnly = detail.status === 'planned' || (locked && amendReason === null);
  const groups = detail.checklist.groups;
  const { state: saveState, saver } = useDraftAutosave({
    api,
    inspectionId: initial.id,
    initialRev: initial.rev,
    enabled: detail.status === 'draft',
    content,
    initialContent: initial.content,
    onRev: useCallback((rev: string) => setDetail((current) => ({ ...current, rev })), []),
  });

  const errors: Errors = useMemo(
    () => (showProblems ? { ...serverErrors, ...finaliseProblems(content, groups) } : serverErrors),
    [content, groups, serverErrors, showProblems],
  );
  const results = useMemo(
    () => new Map<string, CriterionResult>(content.results.map((item) => [item.criterionId, item])),
    [content.results],
  );
  const counts = countResults(groups, content.results);

  const replace = useCallback(
    (next: InspectionDetail) => {
      setDetail(next);
      setContent(next.content);
      saver.reset(next.rev, next.content);
    },
    [saver],
  );

  const patch = useCallback((changes: Partial<InspectionContent>) => {
    setContent((current) => ({ ...current, ...changes }));
  }, []);

  const setResult = useCallback((criterionId: string, result: ResultValue | null) => {
    setContent((current) => {
      const others = current.results.filter((item) => item.criterionId !== criterionId);
      const known = current.results.find((item) => item.criterionId === criterionId);
      return { ...current, results: [...others, { criterionId, result, note: known?.note ?? '' }] };
    });
  }, []);
  const setNote = useCallback((criterionId: string, note: string) => {
    setContent((current) => {
      const others = current.results.filter((item) => item.criterionId !== criterionId);
      const known = current.results.find((item) => item.criterionId === criterionId);
      return { ...current, results: [...others, { criterionId, result: known?.result ?? null, note }] };
    });
  }, []);

  const askAmend = useCallback(() => {
    if (locked && amendReason === null) setAsking('amend');
  }, [amendReason, locked]);

  const allPass = useCallback(() => {
    if (readOnly) return askAmend();
    const missing = groups.flatMap((group) => group.criteria).filter((criterion) => !results.get(criterion.id)?.result);
    for (const criterion of missing) setResult(criterion.id, 'pass');
    notify({ message: t('inspections.editor.allPassDone', { count: missing.length }), severity: 'info' });
  }, [askAmend, groups, notify, readOnly, results, setResult, t]);

  const fail = (error: unknown) => {
    if (error instanceof ApiCallError && error.fields) {
      setServerErrors(error.fields);
      setShowProblems(true);
    }
    notify({ message: errorMessage(error, t('common.unexpected')), severity: 'error' });
  };

  const start = async () => {
    setBusy(true);
    try {
      replace(await api.call('inspections.start', { id: detail.id }));
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const tryFinalise = async () => {
    if (detail.status !== 'draft') return;
    await saver.flush();
    setShowProblems(true);
    setServerErrors({});
    const problems = finaliseProblems(content, groups);
    const count = Object.keys(problems).length;
    if (count > 0) {
      notify({ message: t('inspections.editor.problems', { count }), severity: 'error' });
      return;
    }
    setAsking('finalise');
  };

  const finalise = async () => {
    setAsking(null);
    setBusy(true);
    try {
      await saver.flush();
      const done = await api.call('inspections.finalise', { id: detail.id, rev: saver.currentRev() });
      replace(done);
      setShowProblems(false);
      notify({ message: t('inspections.editor.finalised') });
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const saveAmendment = async () => {
    if (amendReason === null) return;
    setBusy(true);
    try {
      const before = JSON.stringify(detail.content);
      if (JSON.stringify(content) === before) {
        notify({ message: t('inspections.editor.amendNothing'), severity: 'info' });
      } else {
        replace(await api.call('inspections.amend', { id: detail.id, rev: detail.rev, content, reason: amendReason }));
        notify({ message: t('inspections.editor.amended') });
      }
      setAmendReason(null);
      setShowProblems(false);
      setServerErrors({});
    } catch (error) {
      fail(error);
    } finally {
      setBusy(false);
    }
  };

  const cancelAmendment = () => {
    setAmendReason(null);
    setContent(detail.content);
    setShowProblems(false);
    setServerErrors({});
  };

  const remedy = async (requestId: string, date: string | null) => {
    try {
      replace(
        await api.call('inspections.setRemedied', { id: detail.id, rev: detail.rev, requestId, remediedDate: date }),
      );
      notify({ message: t('inspections.editor.remedySaved') });
    } catch (error) {
      fail(error);
    }
  };

  const reinspect = async (date: string | null) => {
    setAsking(null);
    try {
      await api.call('inspections.planReinspection', { originalId: detail.id, plannedDate: date });
      replace(await api.call('inspections.get', { id: detail.id }));
      notify({ message: t('inspections.editor.reinspectCreated') });
    } catch (error) {
      fail(error);
    }
  };

  const upgrade = async () => {
    try {
      await saver.flush();
      replace(await api.call('inspections.upgradeChecklist', { id: detail.id, rev: saver.currentRev() }));
      notify({ message: t('inspections.editor.upgraded') });
    } catch (error) {
      fail(error);
    }
  };

  const schedule = async (date: string | null) => {
    try {
      await api.call('inspections.schedule', { id: detail.id, rev: detail.rev, plannedDate: date });
      replace(await api.call('inspections.get', { id: detail.id }));
      notify({ message: t('inspections.editor.scheduled'), severity: 'info' });
    } catch (error) {
      fail(error);
    }
  };

  // Shortcuts: Ctrl+Enter finalise, Ctrl+S save (or save the amendment), Ctrl+E amend, Alt+D all pass.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      const key = event.key.toLowerCase();
      const ctrl = event.ctrlKey || event.metaKey;
      if (ctrl && key === 'enter') {
        event.preventDefault();
        void tryFinalise();
      } else if (ctrl && key === 's') {
        event.preventDefault();
        if (amendReason !== null) void saveAmendment();
        else void saver.flush();
      } else if (ctrl && key === 'e') {
        event.preventDefault();
        askAmend();
      } else if (event.altKey && key === 'd') {
        event.preventDefault();
        allPass();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  /** A character typed into a locked record opens the reason dialog (and is not typed anywhere). */
  const guard = (event: React.KeyboardEvent) => lockedKey(event, readOnly && locked, askAmend);
  const text = (field: 'place' | 'minutesNumber', max: number, autoFocus = false) => (
    <TextField
      label={t(`inspections.fields.${field}`)}
      value={content[field]}
      autoFocus={autoFocus}
      error={Boolean(errors[field])}
      helperText={errors[field] ? t(errors[field] ?? '') : ' '}
      onChange={(event) => patch({ [field]: event.target.value })}
      onKeyDown={guard}
      slotProps={{ htmlInput: { readOnly, maxLength: max } }}
    />
  );
  const long = (field: 'strengths' | 'limitations' | 'causes' | 'unitResponse' | 'conclusion') => (
    <TextField
      label={t(`inspections.fields.${field}`)}
      value={content[field]}
      multiline
      minRows={2}
      maxRows={12}
      error={Boolean(errors[field])}
      helperText={errors[field] ? t(errors[field] ?? '') : undefined}
      onChange={(event) => patch({ [field]: event.target.value })}
      onKeyDown={guard}
      slotProps={{ htmlInput: { readOnly, maxLength: 8000 } }}
      sx={{ mb: 2 }}
    />
  );

  const missing = counts.total - counts.pass - counts.fail - counts.na;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, flexGrow: 1 }}>
      <Paper square elevation={1} sx={{ px: 3, py: 1.5, zIndex: 1 }}>
        <Stack direction="row" spacing={2} alignItems="center">
          <Button startIcon={<ArrowBackIcon />} onClick={() => navigate('plans', detail.planId)} sx={{ flexShrink: 0 }}>
            {t('inspections.editor.back')}
          </Button>
          <Box sx={{ flexGrow: 1, minWidth: 0 }}>
            <Typography variant="h5" component="h1" noWrap sx={{ fontWeight: 500 }}>
              {detail.unit.name}
            </Typography>
            <Typography variant="body2" color="text.secondary" noWrap>
              {t(`inspections.kinds.${detail.kind}`)} · {detail.plan.title} ·{' '}
              {t('inspections.editor.checklistVersion', {
                name: detail.checklist.checklistName,
                version: detail.checklist.versionNo,
              })}
            </Typography>
          </Box>
          <StatusChip status={detail.status} size="medium" />
          {detail.status === 'draft' && <SaveStateLabel state={saveState} />}
          {/* Action area: the minutes helper drops <MinutesActions inspectionId={detail.id} /> here. */}
          <Stack
            direction="row"
            spacing={1}
            data-slot="inspection-actions"
            sx={{ flexShrink: 0, '& .MuiButton-root': { whiteSpace: 'nowrap' } }}
          >
            <MinutesActions inspectionId={detail.id} unitName={detail.unit.name} />
            {detail.status === 'draft' && (
              <Button
                variant="contained"
                startIcon={<DoneAllIcon />}
                disabled={busy}
                onClick={() => void tryFinalise()}
                aria-keyshortcuts="Control+Enter"
              >
                {t('inspections.editor.finaliseShortcut')}
              </Button>
            )}
            {locked && amendReason === null && (
              <>
                <Button startIcon={<EditNoteIcon />} onClick={askAmend} aria-keyshortcuts="Control+E">
                  {t('inspections.editor.amend')} (Ctrl+E)
                </Button>
                <Button onClick={() => setAsking('reinspect')}>{t('inspections.editor.reinspect')}</Button>
              </>
            )}
            {amendReason !== null && (
              <>
                <Button variant="contained" disabled={busy} onClick={() => void saveAmendment()}>
                  {t('inspections.editor.amendSave')}
                </Button>
                <Button onClick={cancelAmendment}>{t('inspections.editor.amendCancel')}</Button>
              </>
            )}
          </Stack>
        </Stack>
      </Paper>

      <Box sx={{ overflow: 'auto', flexGrow: 1, px: 3, py: 2 }}>
        <Stack spacing={2} sx={{ maxWidth: 1280 }}>
          {detail.status === 'planned' && (
            <Alert
              severity="info"
              action={
                <Button variant="contained" autoFocus disabled={busy} onClick={() => void start()}>
                  {t('inspections.editor.start')}
                </Button>
              }
            >
              {t('inspections.editor.startHelp')}
            </Alert>
          )}
          {locked && amendReason === null && (
            <Alert severity="success" icon={<LockIcon />}>
              {detail.finalisedBy
                ? t('inspections.editor.lockedBanner', {
                    time: formatDateTime(detail.finalisedAt),
                    operator: detail.finalisedBy,
                  })
                : t('inspections.editor.lockedBannerNoOperator', { time: formatDateTime(detail.finalisedAt) })}
            </Alert>
          )}
          {amendReason !== null && (
            <Alert severity="warning">{t('inspections.editor.amendMode', { reason: amendReason })}</Alert>
          )}
          {detail.status === 'draft' && detail.checklist.versionId !== detail.checklist.latestVersionId && (
            <Alert
              severity="info"
              action={<Button onClick={() => void upgrade()}>{t('inspections.editor.upgrade')}</Button>}
            >
              {t('inspections.editor.upgradeBanner', {
                name: detail.checklist.checklistName,
                latest: detail.checklist.latestVersionNo,
                current: detail.checklist.versionNo,
              })}
            </Alert>
          )}
          {detail.original && (
            <Alert
              severity="info"
              action={
                <Button onClick={() => navigate('inspections', detail.original?.id ?? '')}>
                  {t('inspections.open')}
                </Button>
              }
            >
              {t('inspections.editor.original', { date: formatDate(detail.original.inspectionDate) })}
            </Alert>
          )}
          {saveState.kind === 'conflict' && (
            <Alert severity="error" action={<Button onClick={onReload}>{t('common.retry')}</Button>}>
              {t('inspections.editor.saveState.conflict')}
            </Alert>
          )}

          <Section title={t('inspections.editor.sections.general')}>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', columnGap: 2 }}>
              {detail.status === 'planned' ? (
                <DateField
                  label={t('inspections.fields.plannedDate')}
                  value={detail.plannedDate}
                  commitOnly
                  onChange={(date) => void schedule(date)}
                  helperText=" "
                />
              ) : (
                <DateField
                  label={t('inspections.fields.inspectionDate')}
                  value={content.inspectionDate}
                  readOnly={readOnly}
                  autoFocus={detail.status === 'draft'}
                  errorKey={errors.inspectionDate}
                  helperText=" "
                  onChange={(inspectionDate) => patch({ inspectionDate })}
                  onKeyDown={guard}
                />
              )}
              <TimeField
                label={t('inspections.fields.startTime')}
                value={content.startTime}
                readOnly={readOnly}
                errorKey={errors.startTime}
                helperText=" "
                onChange={(startTime) => patch({ startTime })}
                onKeyDown={guard}
              />
              <TimeField
                label={t('inspections.fields.endTime')}
                value={content.endTime}
                readOnly={readOnly}
                errorKey={errors.endTime}
                helperText=" "
                onChange={(endTime) => patch({ endTime })}
                onKeyDown={guard}
              />
              {text('minutesNumber', 60)}
            </Box>
            {text('place', 300)}
          </Section>

          <Section title={t('inspections.editor.sections.people')}>
            <PeopleEditor
              title={t('inspections.fields.team')}
              rows={content.team}
              withRole
              readOnly={readOnly}
              addLabel={t('inspections.editor.addMember')}
              errors={errors}
              errorPrefix="team"
              make={newPerson}
              onChange={(team) =>
                patch({
                  team: team.map((row) => ({ ...row, role: row.role ?? 'member', officialId: row.officialId ?? null })),
                })
              }
              onLockedAttempt={askAmend}
            />
            <PeopleEditor
              title={t('inspections.fields.representatives')}
              rows={content.representatives}
              withRole={false}
              readOnly={readOnly}
              addLabel={t('inspections.editor.addRepresentative')}
              errors={errors}
              errorPrefix="representatives"
              make={() => ({ id: newRowId(), name: '', position: '' })}
              onChange={(representatives) =>
                patch({ representatives: representatives.map(({ id, name, position }) => ({ id, name, position })) })
              }
              onLockedAttempt={askAmend}
            />
          </Section>

          <Section
            title={t('inspections.editor.sections.results')}
            aside={
              <Stack direction="row" spacing={2} alignItems="center">
                <Typography variant="body2" color="text.secondary" aria-live="polite">
                  {t('inspections.editor.counts', { ...counts, missing })}
                </Typography>
                {!readOnly && (
                  <Tooltip title={t('inspections.editor.allPassShortcut')}>
                    <Button size="small" variant="outlined" onClick={allPass} aria-keyshortcuts="Alt+D">
                      {t('inspections.editor.allPass')} (Alt+D)
                    </Button>
                  </Tooltip>
                )}
              </Stack>
            }
          >
            <CriteriaList
              groups={groups}
              results={results}
              readOnly={readOnly}
              errors={errors}
              onResult={setResult}
              onNote={setNote}
              onLockedAttempt={askAmend}
            />
          </Section>

          <Section title={t('inspections.editor.sections.findings')}>
            {long('strengths')}
            {long('limitations')}
            {long('causes')}
          </Section>

          <Section title={t('inspections.editor.sections.requests')}>
            <RequestsEditor
              requests={content.requests}
              readOnly={readOnly}
              locked={locked}
              errors={errors}
              onChange={(requests) => patch({ requests })}
              onRemedied={(requestId, date) => void remedy(requestId, date)}
              onLockedAttempt={askAmend}
            />
          </Section>

          <Section title={t('inspections.editor.sections.closing')}>
            {long('unitResponse')}
            {long('conclusion')}
          </Section>

          {(detail.reinspections.length > 0 || locked) && (
            <Section title={t('inspections.editor.followUps')}>
              {detail.reinspections.length === 0 ? (
                <Typography variant="body2" color="text.secondary">
                  {t('progress.noReinspections')}
                </Typography>
              ) : (
                detail.reinspections.map((follow) => (
                  <Stack key={follow.id} direction="row" spacing={2} alignItems="center" sx={{ mb: 1 }}>
                    <StatusChip status={follow.status} />
                    <Typography variant="body2">
                      {formatDate(follow.inspectionDate ?? follow.plannedDate) || t('plans.schedule.noDate')}
                    </Typography>
                    <Button size="small" onClick={() => navigate('inspections', follow.id)}>
                      {t('inspections.open')}
                    </Button>
                  </Stack>
                ))
              )}
            </Section>
          )}

          <Section title={t('inspections.editor.history')}>
            <HistoryPanel inspectionId={detail.id} amendments={detail.amendments} version={detail.rev} />
          </Section>
        </Stack>
      </Box>

      {asking === 'amend' && (
        <AmendDialog
          onCancel={() => setAsking(null)}
          onConfirm={(reason) => {
            setAsking(null);
            setAmendReason(reason);
          }}
        />
      )}
      {asking === 'reinspect' && (
        <ReinspectDialog onCancel={() => setAsking(null)} onConfirm={(date) => void reinspect(date)} />
      )}
      <ConfirmDialog
        open={asking === 'finalise'}
        title={t('inspections.editor.finaliseConfirmTitle')}
        message={t('inspections.editor.finaliseConfirm')}
        confirmLabel={t('inspections.editor.finalise')}
        onConfirm={() => void finalise()}
        onCancel={() => setAsking(null)}
      />
    </Box>
  );
}

function Section({ title, aside, children }: { title: string; aside?: React.ReactNode; children: React.ReactNode }) {
  return (
    <Paper component="section" aria-label={title} sx={{ p: 2 }}>
      <Stack direction="row" alignItems="center" sx={{ mb: 1.5 }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1, fontSize: 17 }}>
          {title}
        </Typography>
        {aside}
      </Stack>
      {children}
    </Paper>
  );
}
