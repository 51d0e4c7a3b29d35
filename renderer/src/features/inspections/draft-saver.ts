import type { ApiInput, ApiOutput } from '../../../../shared/api/contract';
import type { InspectionContent } from '../../../../shared/domain/inspection';

export type SaveState =
  | { kind: 'saved'; at: Date | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  /** Saving stopped: the draft was saved elsewhere ('changed') or finalised there ('finalised'). */
  | { kind: 'conflict'; cause: ConflictCause };

export type ConflictCause = 'changed' | 'finalised';

/** Quiet time after the last keystroke before saving, and the longest a change may wait. */
export const DEBOUNCE_MS = 600;
export const MAX_WAIT_MS = 1000;
/** After a failed save, retries wait 1 s, 2 s, 4 s… up to 30 s (a full disk does not heal in a second). */
export const RETRY_FIRST_MS = 1000;
export const RETRY_MAX_MS = 30_000;

/**
 * The wait before retry number `failures`: doubling, capped, and between 75 % and 100 % of the
 * step, so several windows that failed together do not all come back at the same instant.
 */
export function retryDelay(failures: number, random: () => number = Math.random): number {
  const step = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, failures - 1));
  return Math.round(step * (0.75 + 0.25 * random()));
}

type SavePayload = ApiInput<'inspections.saveDraft'>;

export interface DraftSaverPorts {
  save(payload: SavePayload): Promise<ApiOutput<'inspections.saveDraft'>>;
  /** A request that outlives the page; false when it cannot be used (then `save` is used). */
  saveOnExit(payload: SavePayload): boolean;
  /** For answers that mean "stop: someone else changed the record" (CONFLICT, locked), why; else null. */
  conflictOf(error: unknown): ConflictCause | null;
  onState(state: SaveState): void;
  onRev(rev: string): void;
  /** For the retry jitter; Math.random unless a test fixes it. */
  random?(): number;
}

function newEditorId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Saves a draft as the clerk types: 600 ms after the last change, at most 1 s after the first
 * unsaved one, at once on `flush` (window blur, before finalising), and with a request that
 * outlives the page when it is hidden or closed — so a crash or a closed tab loses at most
 * about a second of typing. One save is in flight at a time; what changed meanwhile goes in
 * the next. The editor's id and a sequence number let the core accept a save sent before the
 * previous answer arrived. A failed save (a full disk, a pulled stick) stays on screen until a
 * save succeeds, and is retried after a growing pause (retryDelay) rather than at once; a new
 * change, `flush` or `retryNow` tries again without waiting for the pause. Plain TypeScript (no
 * React), driven by useDraftAutosave.
 */
export class DraftSaver {
  private readonly editorId = newEditorId();
  private seq = 0;
  private rev: string;
  private latest: string;
  private saved: string;
  private inFlight: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private firstDirtyAt: number | null = null;
  private stopped = false;
  private enabled = false;
  /** Failed saves in a row; 0 once one succeeds. */
  private failures = 0;
  private failedMessage: string | null = null;

  constructor(
    private readonly inspectionId: string,
    rev: string,
    content: InspectionContent,
    private readonly ports: DraftSaverPorts,
  ) {
    this.rev = rev;
    this.latest = JSON.stringify(content);
    this.saved = this.latest;
  }

  currentRev(): string {
    return this.rev;
  }

  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
  }

  /** The editor's content changed. */
  update(content: InspectionContent): void {
    this.latest = JSON.stringify(content);
    if (!this.enabled || this.stopped || this.latest === this.saved) return;
    // A failure stays said until a save succeeds: no "Chưa lưu" over it.
    if (!this.inFlight && this.failures === 0) this.ports.onState({ kind: 'pending' });
    // A change is tried at the typing pace, even while a failure waits for its retry.
    this.schedule(DEBOUNCE_MS);
  }

  /** The clerk asked to try again now ("Thử lại"). */
  retryNow(): void {
    if (!this.enabled || this.stopped || this.inFlight) return;
    void this.send();
  }

  /** Saves now and waits for it. */
  async flush(): Promise<void> {
    if (!this.enabled) return;
    await this.inFlight;
    await this.send();
    await this.inFlight;
  }

  /** The page is going away: send what is unsaved with a request that outlives it. */
  saveOnExit(): void {
    if (!this.enabled || this.stopped || this.latest === this.saved) return;
    const payload = this.payload(this.latest);
    if (!this.ports.saveOnExit(payload)) void this.ports.save(payload).catch(() => undefined);
  }

  /** After an action changed the record (start, finalise, upgrade): carry on from it. */
  reset(rev: string, content: InspectionContent): void {
    this.cancelTimer();
    this.rev = rev;
    this.latest = JSON.stringify(content);
    this.saved = this.latest;
    this.stopped = false;
    this.failures = 0;
    this.failedMessage = null;
    this.ports.onState({ kind: 'saved', at: null });
  }

  /** Leaving the editor inside the app: save what is left, stop the timer. */
  dispose(): void {
    this.cancelTimer();
    if (this.enabled && !this.stopped && this.latest !== this.saved) void this.send();
  }

  private payload(body: string): SavePayload {
    this.seq += 1;
    return {
      id: this.inspectionId,
      rev: this.rev,
      editorId: this.editorId,
      seq: this.seq,
      content: JSON.parse(body) as InspectionContent,
    };
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.firstDirtyAt = null;
  }

  private schedule(delay: number): void {
    if (this.timer) clearTimeout(this.timer);
    const now = Date.now();
    this.firstDirtyAt ??= now;
    const wait = Math.max(0, Math.min(delay, this.firstDirtyAt + MAX_WAIT_MS - now));
    this.timer = setTimeout(() => void this.send(), wait);
  }

  /** The next automatic try after a failure, however long ago the first unsaved change was. */
  private scheduleRetry(): void {
    this.cancelTimer();
    this.timer = setTimeout(() => void this.send(), retryDelay(this.failures, this.ports.random));
  }

  private send(): Promise<void> {
    if (this.stopped || this.inFlight || this.latest === this.saved) return this.inFlight ?? Promise.resolve();
    this.cancelTimer();
    const body = this.latest;
    if (this.failures === 0) this.ports.onState({ kind: 'saving' });
    const request = this.ports
      .save(this.payload(body))
      .then((answer) => {
        this.rev = answer.rev;
        this.saved = body;
        this.failures = 0;
        this.failedMessage = null;
        this.ports.onRev(answer.rev);
        this.ports.onState(this.latest === body ? { kind: 'saved', at: new Date() } : { kind: 'pending' });
      })
      .catch((error: unknown) => {
        const cause = this.ports.conflictOf(error);
        if (cause) {
          this.stopped = true;
          this.ports.onState({ kind: 'conflict', cause });
          return;
        }
        this.failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        // Said once; the same failure again changes nothing on screen.
        if (message !== this.failedMessage) this.ports.onState({ kind: 'failed', message });
        this.failedMessage = message;
      })
      .finally(() => {
        this.inFlight = null;
        if (this.stopped || !this.enabled || this.latest === this.saved) return;
        if (this.failures > 0) this.scheduleRetry();
        // Whatever arrived while this save was on its way goes next.
        else this.schedule(0);
      });
    this.inFlight = request;
    return request;
  }
}
