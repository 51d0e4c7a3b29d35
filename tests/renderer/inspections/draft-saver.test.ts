import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyInspectionContent, type InspectionContent } from '../../../shared/domain/inspection';
import {
  DEBOUNCE_MS,
  DraftSaver,
  MAX_WAIT_MS,
  RETRY_MAX_MS,
  retryDelay,
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

/** A port that fails every save (a full disk) until `heal` is called; every answer comes at once. */
function failing(random: () => number = () => 0.5) {
  const sent: number[] = [];
  const states: SaveState[] = [];
  let healthy = false;
  const saver = new DraftSaver('01890000-0000-7000-8000-000000000001', 'rev-1', emptyInspectionContent(), {
    save: (payload) => {
      sent.push(Date.now());
      return healthy
        ? Promise.resolve({
            id: payload.id,
            rev: `rev-${sent.length + 1}`,
            status: 'draft',
            updatedAt: 'x',
            changed: true,
          })
        : Promise.reject(new Error('Không ghi được: ổ đĩa đầy.'));
    },
    saveOnExit: () => true,
    conflictOf: () => null,
    onState: (state) => states.push(state),
    onRev: () => undefined,
    random,
  });
  saver.setEnabled(true);
  return {
    saver,
    sent,
    states,
    heal: () => {
      healthy = true;
    },
  };
}

describe('the draft autosaver on a failing disk', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks only a few times in 5 s, and keeps saying why without flickering', async () => {
    const { saver, sent, states } = failing();
    saver.update(typed('một đoạn văn'));
    await vi.advanceTimersByTimeAsync(5000);
    // 0.6 s (the pause after typing), then 1 s, 2 s later: not one request after another.
    expect(sent.length).toBeGreaterThanOrEqual(2);
    expect(sent.length).toBeLessThanOrEqual(4);
    const firstFailure = states.findIndex((state) => state.kind === 'failed');
    expect(firstFailure).toBeGreaterThan(0);
    // From the first failure on, nothing else is shown: no "saving…" in between.
    expect(states.slice(firstFailure)).toEqual([{ kind: 'failed', message: 'Không ghi được: ổ đĩa đầy.' }]);
  });

  it('waits twice as long after each failure, never more than about 30 s', async () => {
    const { saver, sent } = failing(() => 1);
    saver.update(typed('x'));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    const gaps = sent.slice(1).map((at, index) => at - (sent[index] ?? 0));
    expect(gaps.slice(0, 6)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000]);
    expect(Math.max(...gaps)).toBe(RETRY_MAX_MS);
    expect(sent.length).toBeLessThan(30);
  });

  it('spreads retries with jitter between 75 % and 100 % of each step', () => {
    expect(retryDelay(1, () => 0)).toBe(750);
    expect(retryDelay(1, () => 1)).toBe(1000);
    expect(retryDelay(3, () => 0.5)).toBe(3500);
    expect(retryDelay(20, () => 1)).toBe(RETRY_MAX_MS);
  });

  it('recovers by itself once the disk has room, and then saves at the usual pace', async () => {
    const { saver, sent, states, heal } = failing(() => 1);
    saver.update(typed('a'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 1000 + 2000);
    expect(sent).toHaveLength(3);
    heal();
    await vi.advanceTimersByTimeAsync(4000);
    expect(sent).toHaveLength(4);
    expect(states.at(-1)?.kind).toBe('saved');
    saver.update(typed('ab'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS);
    expect(sent).toHaveLength(5);
  });

  it('tries again at once on "Thử lại", and a new change does not wait for the long pause', async () => {
    const { saver, sent } = failing(() => 1);
    saver.update(typed('a'));
    await vi.advanceTimersByTimeAsync(DEBOUNCE_MS + 1000 + 2000 + 4000);
    expect(sent).toHaveLength(4);
    // The next automatic retry is 8 s away.
    saver.retryNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(5);
    saver.update(typed('ab'));
    await vi.advanceTimersByTimeAsync(MAX_WAIT_MS);
    expect(sent).toHaveLength(6);
  });
});
