import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyInspectionContent, type InspectionContent } from '../../../shared/domain/inspection';
import {
  DEBOUNCE_MS,
  DraftSaver,
  MAX_WAIT_MS,
  type SaveState,
} from '../../../renderer/src/features/inspections/draft-saver';
import type { ApiInput } from '../../../shared/api/contract';

type Payload = ApiInput<'inspections.saveDraft'>;

function setup(options: { conflictOn?: number } = {}) {
  const sent: Payload[] = [];
  const exits: Payload[] = [];
  const states: SaveState[] = [];
  let answer: (() => void) | null = null;
  const saver = new DraftSaver('01890000-0000-7000-8000-000000000001', 'rev-1', emptyInspectionContent(), {
    save: (payload) => {
      sent.push(payload);
      if (options.conflictOn === sent.length) return Promise.reject(new Error('conflict'));
      return new Promise((resolve) => {
        answer = () =>
          resolve({ id: payload.id, rev: `rev-${sent.length + 1}`, status: 'draft', updatedAt: 'x', changed: true });
      });
    },
    saveOnExit: (payload) => {
      exits.push(payload);
      return true;
    },
    conflictOf: (error) => (error instanceof Error && error.message === 'conflict' ? 'changed' : null),
    onState: (state) => states.push(state),
    onRev: () => undefined,
  });
  saver.setEnabled(true);
  return { saver, sent, exits, states, reply: () => answer?.() };
}

const typed = (text: string): InspectionContent => ({ ...emptyInspectionContent(), strengths: text });

describe('the draft autosaver', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves after a quiet pause, and at most a second after the first unsaved change', async () => {
    const { saver, sent } = setup();
    saver.update(typed('N'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS - 1);
    expect(sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((payload) => payload.content.strengths)).toEqual(['N']);

    // Typing without a pause still saves within MAX_WAIT_MS.
    const { saver: busy, sent: busySent } = setup();
    for (let elapsed = 0; elapsed < MAX_WAIT_MS + 200; elapsed += 200) {
      busy.update(typed(`text ${elapsed}`));
      await vi.advanceTimersByTimeAsync(200);
    }
    expect(busySent.length).toBeGreaterThanOrEqual(1);
  });

  it('keeps one save in flight and sends what changed meanwhile next, with a rising sequence', async () => {
    const { saver, sent, reply } = setup();
    saver.update(typed('one'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    saver.update(typed('one two'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 3);
    expect(sent).toHaveLength(1);
    reply();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent.map((payload) => [payload.content.strengths, payload.seq, payload.rev])).toEqual([
      ['one', 1, 'rev-1'],
      ['one two', 2, 'rev-2'],
    ]);
  });

  it('writes nothing when the content is back to what was saved, and sends on page exit what is unsaved', async () => {
    const { saver, sent, exits } = setup();
    saver.update(typed('x'));
    saver.update(emptyInspectionContent());
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 2);
    expect(sent).toHaveLength(0);
    saver.update(typed('closing now'));
    saver.saveOnExit();
    expect(exits.map((payload) => payload.content.strengths)).toEqual(['closing now']);
  });

  it('stops on a conflict and says so', async () => {
    const { saver, sent, states } = setup({ conflictOn: 1 });
    saver.update(typed('a'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    saver.update(typed('ab'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 3);
    expect(sent).toHaveLength(1);
    expect(states.at(-1)).toEqual({ kind: 'conflict', cause: 'changed' });
  });

  it('does nothing while disabled (a planned or finalised record)', async () => {
    const { saver, sent, exits } = setup();
    saver.setEnabled(false);
    saver.update(typed('locked'));
    saver.saveOnExit();
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS * 3);
    expect(sent).toHaveLength(0);
    expect(exits).toHaveLength(0);
  });
});
