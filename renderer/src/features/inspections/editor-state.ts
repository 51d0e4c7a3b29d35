import {
  isLockedStatus,
  type InspectionContent,
  type InspectionDetail,
  type ResultValue,
} from '../../../../shared/domain/inspection';

/** A request the editor sends to the core; one at a time, and the buttons wait for it. */
export type EditorAction = 'start' | 'finalise' | 'amend' | 'remedy' | 'reinspect' | 'upgrade' | 'schedule';

/**
 * What the screen is doing with the record, as one value: which of these it is decides what
 * can be typed, which buttons and banners show and which dialog is open. (Loading it, and a
 * failed load, come before the editor exists: the page shows those from its query.)
 */
export type EditorMode =
  /** In the plan, not started: only its planned date changes; "Bắt đầu" makes it a draft. */
  | { kind: 'planned' }
  /** Being recorded; it saves itself. `confirming`: the "finalise?" question is open. */
  | { kind: 'draft'; confirming: boolean }
  /** Finalised (or remedied): read-only; asking for a reason to amend, or a re-inspection date. */
  | { kind: 'locked'; asking: 'amend' | 'reinspect' | null }
  /** A finalised record being changed for the reason the clerk gave. */
  | { kind: 'amending'; reason: string }
  /** Saving stopped: the draft was saved elsewhere ('changed') or finalised there ('finalised'). */
  | { kind: 'conflict'; cause: 'changed' | 'finalised' };

export interface EditorState {
  mode: EditorMode;
  /** The record as the core last answered it. */
  detail: InspectionDetail;
  /** What the clerk sees and types (equal to `detail.content` until they change something). */
  content: InspectionContent;
  running: EditorAction | null;
  /** Missing fields are marked once the clerk tried to finalise (or the core named some). */
  showProblems: boolean;
  /** Field errors the core answered with (keys as in finaliseProblems). */
  serverErrors: Record<string, string>;
}

export type EditorEvent =
  | { type: 'edited'; changes: Partial<InspectionContent> }
  | { type: 'resultSet'; criterionId: string; result: ResultValue | null }
  | { type: 'noteSet'; criterionId: string; note: string }
  /** Autosave stored a revision. */
  | { type: 'revSaved'; rev: string }
  | { type: 'saveRefused'; cause: 'changed' | 'finalised' }
  | { type: 'ask'; question: 'amend' | 'reinspect' | 'finalise' }
  | { type: 'dismissed' }
  | { type: 'amendBegun'; reason: string }
  /** Leaves the amendment without saving (cancelled, or nothing changed): back to the stored content. */
  | { type: 'amendEnded' }
  /** A finalise attempt found missing fields: mark them. */
  | { type: 'problemsShown' }
  | { type: 'running'; action: EditorAction }
  /** The core answered an action with the record as it now is. */
  | { type: 'answered'; detail: InspectionDetail }
  /** The core refused an action (field errors, when it named some). */
  | { type: 'refused'; fields?: Record<string, string> | undefined };

function modeOf(detail: InspectionDetail): EditorMode {
  if (detail.status === 'planned') return { kind: 'planned' };
  if (detail.status === 'draft') return { kind: 'draft', confirming: false };
  return { kind: 'locked', asking: null };
}

export function initialEditorState(detail: InspectionDetail): EditorState {
  return {
    mode: modeOf(detail),
    detail,
    content: detail.content,
    running: null,
    showProblems: false,
    serverErrors: {},
  };
}

/** Only a draft, or a finalised record under amendment, takes what is typed. */
export function isEditable(mode: EditorMode): boolean {
  return mode.kind === 'draft' || mode.kind === 'amending';
}

/** A finalised or remedied record (typing into it asks for an amendment reason). */
export function isLocked(state: EditorState): boolean {
  return isLockedStatus(state.detail.status);
}

function edit(state: EditorState, change: (content: InspectionContent) => InspectionContent): EditorState {
  return isEditable(state.mode) ? { ...state, content: change(state.content) } : state;
}

function withResult(
  content: InspectionContent,
  criterionId: string,
  change: { result?: ResultValue | null; note?: string },
): InspectionContent {
  const known = content.results.find((item) => item.criterionId === criterionId);
  const others = content.results.filter((item) => item.criterionId !== criterionId);
  return {
    ...content,
    results: [
      ...others,
      {
        criterionId,
        result: change.result === undefined ? (known?.result ?? null) : change.result,
        note: change.note ?? known?.note ?? '',
      },
    ],
  };
}

/** Every change of mode in one place; events that do not apply to the current mode change nothing. */
export function editorReducer(state: EditorState, event: EditorEvent): EditorState {
  const { mode } = state;
  switch (event.type) {
    case 'edited':
      return edit(state, (content) => ({ ...content, ...event.changes }));
    case 'resultSet':
      return edit(state, (content) => withResult(content, event.criterionId, { result: event.result }));
    case 'noteSet':
      return edit(state, (content) => withResult(content, event.criterionId, { note: event.note }));
    case 'revSaved':
      return mode.kind === 'draft' ? { ...state, detail: { ...state.detail, rev: event.rev } } : state;
    case 'saveRefused':
      return mode.kind === 'draft' ? { ...state, mode: { kind: 'conflict', cause: event.cause } } : state;
    case 'ask':
      if (state.running) return state;
      if (event.question === 'finalise')
        return mode.kind === 'draft' ? { ...state, mode: { kind: 'draft', confirming: true } } : state;
      return mode.kind === 'locked' ? { ...state, mode: { kind: 'locked', asking: event.question } } : state;
    case 'dismissed':
      if (mode.kind === 'draft') return { ...state, mode: { kind: 'draft', confirming: false } };
      if (mode.kind === 'locked') return { ...state, mode: { kind: 'locked', asking: null } };
      return state;
    case 'amendBegun':
      // The reason comes from the dialog that asked for it.
      return mode.kind === 'locked' && mode.asking === 'amend'
        ? { ...state, mode: { kind: 'amending', reason: event.reason } }
        : state;
    case 'amendEnded':
      return mode.kind === 'amending'
        ? {
            ...state,
            mode: { kind: 'locked', asking: null },
            content: state.detail.content,
            showProblems: false,
            serverErrors: {},
          }
        : state;
    case 'problemsShown':
      return { ...state, showProblems: true, serverErrors: {} };
    case 'running':
      if (state.running) return state;
      // An answered question closes its dialog.
      return {
        ...state,
        running: event.action,
        mode:
          mode.kind === 'draft'
            ? { kind: 'draft', confirming: false }
            : mode.kind === 'locked'
              ? { kind: 'locked', asking: null }
              : mode,
      };
    case 'answered':
      // The record as answered, in the mode its status calls for (a finalised draft locks).
      return initialEditorState(event.detail);
    case 'refused':
      return event.fields
        ? { ...state, running: null, serverErrors: event.fields, showProblems: true }
        : { ...state, running: null };
  }
}
