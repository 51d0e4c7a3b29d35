import { useCallback, useMemo, useReducer } from 'react';
import { Box, Button, Stack, TextField, Tooltip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import {
  countResults,
  type CriterionResult,
  type InspectionContent,
  type InspectionDetail,
  type ResultValue,
} from '../../../../shared/domain/inspection';
import { finaliseProblems } from '../../../../shared/domain/inspection-rules';
import { newRowId } from '../../../../shared/domain/row-id';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useNotifier } from '../../components/Notifier';
import { ReasonDialog } from '../../components/ReasonDialog';
import { CriteriaList } from './CriteriaList';
import { DateField } from './DateField';
import type { ConflictCause } from './draft-saver';
import { EditorBanners } from './EditorBanners';
import { EditorHeader } from './EditorHeader';
import { EditorSection } from './EditorSection';
import { editorReducer, initialEditorState, isEditable, isLocked } from './editor-state';
import { FollowUps } from './FollowUps';
import { HistoryPanel } from './HistoryPanel';
import { lockedKey } from './locked-key';
import { PeopleEditor, newPerson } from './PeopleEditor';
import { ReinspectDialog } from './ReinspectDialog';
import { RequestsEditor } from './RequestsEditor';
import { TimeField } from './TimeField';
import { useDraftAutosave } from './useDraftAutosave';
import { useEditorActions } from './useEditorActions';
import { useEditorShortcuts } from './useEditorShortcuts';

type LongField = 'strengths' | 'limitations' | 'causes' | 'unitResponse' | 'conclusion';

/**
 * The screen clerks spend their day in: one inspection, dense and keyboard first. What it is
 * doing (planned, draft, locked, amending, in conflict) is one state (editor-state.ts); a draft
 * saves itself as it is typed (useDraftAutosave); a finalised record is read-only until the
 * clerk gives a reason, and then saving makes an amendment.
 */
export function InspectionEditor({ initial, onReload }: { initial: InspectionDetail; onReload(): void }) {
  const { t } = useTranslation();
  const { notify } = useNotifier();
  const [state, dispatch] = useReducer(editorReducer, initial, initialEditorState);
  const { mode, detail, content } = state;
  const readOnly = !isEditable(mode);
  const locked = isLocked(state);
  const groups = detail.checklist.groups;
  const { state: saveState, saver } = useDraftAutosave({
    inspectionId: initial.id,
    initialRev: initial.rev,
    enabled: mode.kind === 'draft',
    content,
    initialContent: initial.content,
    onRev: useCallback((rev: string) => dispatch({ type: 'revSaved', rev }), []),
    onConflict: useCallback((cause: ConflictCause) => dispatch({ type: 'saveRefused', cause }), []),
  });
  const actions = useEditorActions(state, dispatch, saver);

  const errors = useMemo(
    () => (state.showProblems ? { ...state.serverErrors, ...finaliseProblems(content, groups) } : state.serverErrors),
    [content, groups, state.serverErrors, state.showProblems],
  );
  const results = useMemo(
    () => new Map<string, CriterionResult>(content.results.map((item) => [item.criterionId, item])),
    [content.results],
  );
  const counts = countResults(groups, content.results);

  const patch = useCallback((changes: Partial<InspectionContent>) => dispatch({ type: 'edited', changes }), []);
  const setResult = useCallback(
    (criterionId: string, result: ResultValue | null) => dispatch({ type: 'resultSet', criterionId, result }),
    [],
  );
  const setNote = useCallback(
    (criterionId: string, note: string) => dispatch({ type: 'noteSet', criterionId, note }),
    [],
  );
  const askAmend = useCallback(() => dispatch({ type: 'ask', question: 'amend' }), []);

  const allPass = () => {
    if (readOnly) return askAmend();
    const missing = groups.flatMap((group) => group.criteria).filter((criterion) => !results.get(criterion.id)?.result);
    for (const criterion of missing) setResult(criterion.id, 'pass');
    notify({ message: t('inspections.editor.allPassDone', { count: missing.length }), severity: 'info' });
  };

  useEditorShortcuts({
    finalise: () => void actions.tryFinalise(),
    save: () => (mode.kind === 'amending' ? void actions.saveAmendment() : void saver.flush()),
    amend: askAmend,
    allPass,
  });

  /** A character typed into a locked record opens the reason dialog (and is not typed anywhere). */
  const guard = (event: React.KeyboardEvent) => lockedKey(event, mode.kind === 'locked', askAmend);
  const text = (field: 'place' | 'minutesNumber', max: number) => (
    <TextField
      label={t(`inspections.fields.${field}`)}
      value={content[field]}
      error={Boolean(errors[field])}
      helperText={errors[field] ? t(errors[field] ?? '') : ' '}
      onChange={(event) => patch({ [field]: event.target.value })}
      onKeyDown={guard}
      slotProps={{ htmlInput: { readOnly, maxLength: max } }}
    />
  );
  const long = (field: LongField) => (
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
      <EditorHeader
        state={state}
        saveState={saveState}
        onFinalise={() => void actions.tryFinalise()}
        onAskAmend={askAmend}
        onAskReinspect={() => dispatch({ type: 'ask', question: 'reinspect' })}
        onSaveAmendment={() => void actions.saveAmendment()}
        onCancelAmendment={() => dispatch({ type: 'amendEnded' })}
      />

      <Box sx={{ overflow: 'auto', flexGrow: 1, px: 3, py: 2 }}>
        <Stack spacing={2} sx={{ maxWidth: 1280 }}>
          <EditorBanners
            state={state}
            saveState={saveState}
            onRetrySave={() => saver.retryNow()}
            onStart={() => void actions.start()}
            onUpgrade={() => void actions.upgrade()}
            onReload={onReload}
          />

          <EditorSection title={t('inspections.editor.sections.general')}>
            <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))', columnGap: 2 }}>
              {mode.kind === 'planned' ? (
                <DateField
                  label={t('inspections.fields.plannedDate')}
                  value={detail.plannedDate}
                  commitOnly
                  onChange={(date) => void actions.schedule(date)}
                  helperText=" "
                />
              ) : (
                <DateField
                  label={t('inspections.fields.inspectionDate')}
                  value={content.inspectionDate}
                  readOnly={readOnly}
                  autoFocus={mode.kind === 'draft'}
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
          </EditorSection>

          <EditorSection title={t('inspections.editor.sections.people')}>
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
          </EditorSection>

          <EditorSection
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
          </EditorSection>

          <EditorSection title={t('inspections.editor.sections.findings')}>
            {long('strengths')}
            {long('limitations')}
            {long('causes')}
          </EditorSection>

          <EditorSection title={t('inspections.editor.sections.requests')}>
            <RequestsEditor
              requests={content.requests}
              readOnly={readOnly}
              locked={locked}
              errors={errors}
              onChange={(requests) => patch({ requests })}
              onRemedied={(requestId, date) => void actions.remedy(requestId, date)}
              onLockedAttempt={askAmend}
            />
          </EditorSection>

          <EditorSection title={t('inspections.editor.sections.closing')}>
            {long('unitResponse')}
            {long('conclusion')}
          </EditorSection>

          {(detail.reinspections.length > 0 || locked) && (
            <EditorSection title={t('inspections.editor.followUps')}>
              <FollowUps reinspections={detail.reinspections} />
            </EditorSection>
          )}

          <EditorSection title={t('inspections.editor.history')}>
            <HistoryPanel inspectionId={detail.id} amendments={detail.amendments} version={detail.rev} />
          </EditorSection>
        </Stack>
      </Box>

      {mode.kind === 'locked' && mode.asking === 'amend' && (
        <ReasonDialog
          texts={{
            title: t('inspections.editor.amendTitle'),
            help: t('inspections.editor.amendHelp'),
            label: t('inspections.fields.reason'),
            required: t('inspections.validation.reason'),
            confirm: t('inspections.editor.amendStart'),
          }}
          onCancel={() => dispatch({ type: 'dismissed' })}
          onConfirm={(reason) => dispatch({ type: 'amendBegun', reason })}
        />
      )}
      {mode.kind === 'locked' && mode.asking === 'reinspect' && (
        <ReinspectDialog
          onCancel={() => dispatch({ type: 'dismissed' })}
          onConfirm={(date) => void actions.reinspect(date)}
        />
      )}
      <ConfirmDialog
        open={mode.kind === 'draft' && mode.confirming}
        title={t('inspections.editor.finaliseConfirmTitle')}
        message={t('inspections.editor.finaliseConfirm')}
        confirmLabel={t('inspections.editor.finalise')}
        onConfirm={() => void actions.finalise()}
        onCancel={() => dispatch({ type: 'dismissed' })}
      />
    </Box>
  );
}
