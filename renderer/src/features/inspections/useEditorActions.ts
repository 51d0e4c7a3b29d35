import type { Dispatch } from 'react';
import { useTranslation } from 'react-i18next';
import type { InspectionDetail } from '../../../../shared/domain/inspection';
import { finaliseProblems } from '../../../../shared/domain/inspection-rules';
import { useApi } from '../../api/ApiContext';
import { useDataEvents } from '../../api/data-events';
import { ApiCallError, errorMessage } from '../../api/errors';
import { useNotifier, type Notice } from '../../components/Notifier';
import type { DraftSaver } from './draft-saver';
import type { EditorAction, EditorEvent, EditorState } from './editor-state';

/**
 * What the editor asks of the core. Each action is one at a time (`running` in the state),
 * and each uses what the core answered: the record itself, or for a planned date and a new
 * re-inspection the row, which is enough to update the record shown without reading it again.
 */
export function useEditorActions(state: EditorState, dispatch: Dispatch<EditorEvent>, saver: DraftSaver) {
  const { t } = useTranslation();
  const api = useApi();
  const events = useDataEvents();
  const { notify } = useNotifier();
  const { detail, mode } = state;
  const id = detail.id;

  const perform = async (action: EditorAction, call: () => Promise<InspectionDetail>, done?: Notice) => {
    if (state.running) return;
    dispatch({ type: 'running', action });
    try {
      const next = await call();
      saver.reset(next.rev, next.content);
      dispatch({ type: 'answered', detail: next });
      // The plan's schedule and figures, and this record's history, moved.
      events.changed(['inspections', 'progress', 'audit']);
      if (done) notify(done);
    } catch (error) {
      dispatch({ type: 'refused', fields: error instanceof ApiCallError ? error.fields : undefined });
      notify({ message: errorMessage(error, t('common.unexpected')), severity: 'error' });
    }
  };

  // The screen turning into a filled-in draft says it.
  const start = () => perform('start', () => api.call('inspections.start', { id }));

  /** Checks what the minutes need first: missing fields are marked instead of asking. */
  const tryFinalise = async () => {
    if (mode.kind !== 'draft' || state.running) return;
    await saver.flush();
    dispatch({ type: 'problemsShown' });
    const count = Object.keys(finaliseProblems(state.content, detail.checklist.groups)).length;
    if (count > 0) notify({ message: t('inspections.editor.problems', { count }), severity: 'error' });
    else dispatch({ type: 'ask', question: 'finalise' });
  };

  const finalise = () =>
    perform(
      'finalise',
      async () => {
        await saver.flush();
        return api.call('inspections.finalise', { id, rev: saver.currentRev() });
      },
      { message: t('inspections.editor.finalised') },
    );

  const saveAmendment = async () => {
    if (mode.kind !== 'amending') return;
    const { reason } = mode;
    if (JSON.stringify(state.content) === JSON.stringify(detail.content)) {
      dispatch({ type: 'amendEnded' });
      notify({ message: t('inspections.editor.amendNothing'), severity: 'info' });
      return;
    }
    const content = state.content;
    await perform('amend', () => api.call('inspections.amend', { id, rev: detail.rev, content, reason }), {
      message: t('inspections.editor.amended'),
    });
  };

  const remedy = (requestId: string, date: string | null) =>
    perform(
      'remedy',
      () => api.call('inspections.setRemedied', { id, rev: detail.rev, requestId, remediedDate: date }),
      {
        message: t('inspections.editor.remedySaved'),
      },
    );

  const upgrade = () =>
    perform(
      'upgrade',
      async () => {
        await saver.flush();
        return api.call('inspections.upgradeChecklist', { id, rev: saver.currentRev() });
      },
      { message: t('inspections.editor.upgraded') },
    );

  const schedule = (plannedDate: string | null) =>
    perform(
      'schedule',
      async () => {
        const row = await api.call('inspections.schedule', { id, rev: detail.rev, plannedDate });
        return { ...detail, plannedDate: row.plannedDate, status: row.status, rev: row.rev, updatedAt: row.updatedAt };
      },
      { message: t('inspections.editor.scheduled'), severity: 'info' },
    );

  const reinspect = (plannedDate: string | null) =>
    perform(
      'reinspect',
      async () => {
        const row = await api.call('inspections.planReinspection', { originalId: id, plannedDate });
        const { kind, status, inspectionDate } = row;
        return {
          ...detail,
          reinspections: [
            ...detail.reinspections,
            { id: row.id, kind, status, plannedDate: row.plannedDate, inspectionDate },
          ],
        };
      },
      { message: t('inspections.editor.reinspectCreated') },
    );

  return { start, tryFinalise, finalise, saveAmendment, remedy, upgrade, schedule, reinspect };
}
