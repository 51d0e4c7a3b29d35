import { describe, expect, it } from 'vitest';
import {
  editorReducer,
  initialEditorState,
  isEditable,
  type EditorEvent,
  type EditorState,
} from '../../../renderer/src/features/inspections/editor-state';
import { inspectionDetail } from '../support/inspection-detail';

const run = (state: EditorState, ...events: EditorEvent[]) => events.reduce(editorReducer, state);
const typed = (place: string): EditorEvent => ({ type: 'edited', changes: { place } });

describe('the inspection editor’s state', () => {
  it('starts in the mode the record’s status calls for', () => {
    expect(initialEditorState(inspectionDetail('planned')).mode).toEqual({ kind: 'planned' });
    expect(initialEditorState(inspectionDetail('draft')).mode).toEqual({ kind: 'draft', confirming: false });
    expect(initialEditorState(inspectionDetail('finalised')).mode).toEqual({ kind: 'locked', asking: null });
    expect(initialEditorState(inspectionDetail('remedied')).mode).toEqual({ kind: 'locked', asking: null });
  });

  it('takes typing only in a draft or an amendment', () => {
    for (const status of ['planned', 'finalised'] as const) {
      const state = initialEditorState(inspectionDetail(status));
      expect(run(state, typed('Hội trường'), { type: 'resultSet', criterionId: 'k1', result: 'pass' })).toBe(state);
    }
    const draft = run(initialEditorState(inspectionDetail('draft')), typed('Hội trường'), {
      type: 'noteSet',
      criterionId: 'k1',
      note: 'Thiếu sổ',
    });
    expect(draft.content.place).toBe('Hội trường');
    expect(draft.content.results).toEqual([{ criterionId: 'k1', result: null, note: 'Thiếu sổ' }]);
    const withResult = run(draft, { type: 'resultSet', criterionId: 'k1', result: 'fail' });
    expect(withResult.content.results).toEqual([{ criterionId: 'k1', result: 'fail', note: 'Thiếu sổ' }]);
  });

  it('amends a locked record only after a reason, and cancelling brings back what was stored', () => {
    const locked = initialEditorState(inspectionDetail('finalised'));
    expect(run(locked, { type: 'amendBegun', reason: 'x' }).mode.kind).toBe('locked');
    const asked = run(locked, { type: 'ask', question: 'amend' });
    expect(asked.mode).toEqual({ kind: 'locked', asking: 'amend' });
    const amending = run(asked, { type: 'amendBegun', reason: 'Sai địa điểm' }, typed('Hội trường UBND xã'));
    expect(amending.mode).toEqual({ kind: 'amending', reason: 'Sai địa điểm' });
    expect(isEditable(amending.mode)).toBe(true);
    const cancelled = run(amending, { type: 'amendEnded' });
    expect(cancelled.mode).toEqual({ kind: 'locked', asking: null });
    expect(cancelled.content.place).toBe('Trụ sở trường');
  });

  it('never opens a dialog that does not belong to the mode', () => {
    const draft = initialEditorState(inspectionDetail('draft'));
    expect(run(draft, { type: 'ask', question: 'amend' })).toBe(draft);
    expect(run(draft, { type: 'ask', question: 'reinspect' })).toBe(draft);
    const locked = initialEditorState(inspectionDetail('finalised'));
    expect(run(locked, { type: 'ask', question: 'finalise' })).toBe(locked);
    const planned = initialEditorState(inspectionDetail('planned'));
    expect(run(planned, { type: 'ask', question: 'amend' })).toBe(planned);
  });

  it('runs one action at a time and locks the draft when finalising answers', () => {
    const draft = run(initialEditorState(inspectionDetail('draft')), { type: 'ask', question: 'finalise' });
    expect(draft.mode).toEqual({ kind: 'draft', confirming: true });
    const running = run(draft, { type: 'running', action: 'finalise' });
    expect(running).toMatchObject({ running: 'finalise', mode: { kind: 'draft', confirming: false } });
    expect(run(running, { type: 'running', action: 'upgrade' }).running).toBe('finalise');
    expect(run(running, { type: 'ask', question: 'finalise' })).toBe(running);
    const done = run(running, { type: 'answered', detail: inspectionDetail('finalised', { rev: 'rev-9' }) });
    expect(done).toMatchObject({ running: null, mode: { kind: 'locked', asking: null }, showProblems: false });
    expect(done.detail.rev).toBe('rev-9');
  });

  it('marks the fields the core refused, and lets the clerk try again', () => {
    const running = run(initialEditorState(inspectionDetail('draft')), { type: 'running', action: 'finalise' });
    const refused = run(running, { type: 'refused', fields: { place: 'inspections.finalise.place' } });
    expect(refused).toMatchObject({
      running: null,
      showProblems: true,
      serverErrors: { place: 'inspections.finalise.place' },
      mode: { kind: 'draft' },
    });
  });

  it('stops a draft for good when its save is refused, and keeps it read-only', () => {
    const draft = run(initialEditorState(inspectionDetail('draft')), { type: 'revSaved', rev: 'rev-2' });
    expect(draft.detail.rev).toBe('rev-2');
    const conflict = run(draft, { type: 'saveRefused', cause: 'finalised' });
    expect(conflict.mode).toEqual({ kind: 'conflict', cause: 'finalised' });
    expect(isEditable(conflict.mode)).toBe(false);
    expect(run(conflict, typed('lost'))).toBe(conflict);
    expect(run(conflict, { type: 'revSaved', rev: 'rev-3' })).toBe(conflict);
  });
});
