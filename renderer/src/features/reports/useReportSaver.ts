import { useCallback, useEffect, useRef, useState } from 'react';
import type { Report, ReportBody, ReportFields } from '../../../../shared/domain/report';
import type { ApiClient } from '../../api/client';
import { CommonError } from '../../../../shared/api/errors';
import { ApiCallError, errorMessage } from '../../api/errors';
import { callKeepalive } from '../../api/keepalive';

export type SaveState = 'saved' | 'pending' | 'saving' | 'failed';

/** How long the clerk may pause typing before a draft saves itself. */
const AUTOSAVE_MS = 1200;

/**
 * Saves a draft report as it is edited: one save at a time, on the revision the last save
 * answered, again at once if something changed while it was on its way. `flush` is awaited
 * before anything that reads the stored report (preview, finalise, draft again).
 */
export function useReportSaver(
  api: ApiClient,
  report: Report | null,
  onSaved: (report: Report) => void,
  unexpected: string,
) {
  const [state, setState] = useState<SaveState>('saved');
  const [failure, setFailure] = useState<{ message: string; conflict: boolean } | null>(null);
  const latest = useRef<{ fields: ReportFields; body: ReportBody } | null>(null);
  const rev = useRef(report?.rev ?? '');
  const id = report?.id ?? '';
  const dirty = useRef(false);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    if (report) rev.current = report.rev;
  }, [report]);

  const save = useCallback(async (): Promise<void> => {
    while (dirty.current && latest.current) {
      const sent = latest.current;
      dirty.current = false;
      setState('saving');
      try {
        const answer = await api.call('reports.save', { id, rev: rev.current, ...sent });
        rev.current = answer.rev;
        setFailure(null);
        if (!dirty.current) onSaved(answer);
      } catch (error) {
        dirty.current = true;
        setState('failed');
        setFailure({
          message: errorMessage(error, unexpected),
          conflict: error instanceof ApiCallError && error.code === CommonError.conflict,
        });
        throw error;
      }
    }
    setState('saved');
  }, [api, id, onSaved, unexpected]);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    try {
      while (running.current) await running.current;
      if (!dirty.current) return true;
      running.current = save().finally(() => {
        running.current = null;
      });
      await running.current;
      return true;
    } catch {
      return false;
    }
  }, [save]);

  const change = useCallback(
    (next: { fields: ReportFields; body: ReportBody }) => {
      latest.current = next;
      dirty.current = true;
      setState('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
    },
    [flush],
  );

  /** Forgets unsaved edits (the report was reloaded or drafted again). */
  const reset = useCallback((next: Report) => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    dirty.current = false;
    latest.current = null;
    rev.current = next.rev;
    setState('saved');
    setFailure(null);
  }, []);

  // Leaving the report (another page, another report) saves what is still waiting.
  const flushOnLeave = useRef(flush);
  useEffect(() => {
    flushOnLeave.current = flush;
  }, [flush]);
  useEffect(
    () => () => {
      if (dirty.current) void flushOnLeave.current();
      else if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // Closing the tab or window: what is still waiting goes in a request that outlives the page
  // (browser mode; in Electron the call itself reaches the core as the window closes). While
  // anything is unsaved, the browser asks before the page is left (browser mode only: Electron
  // would cancel closing the window without asking).
  useEffect(() => {
    const onPageHide = () => {
      if (!dirty.current || !latest.current) return;
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      const payload = { id, rev: rev.current, ...latest.current };
      if (callKeepalive('reports.save', payload)) dirty.current = false;
      else void flushOnLeave.current();
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty.current || window.api) return;
      event.preventDefault();
      // Older browsers ask only when a value is set.
      event.returnValue = '';
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [id]);

  return { state, failure, change, flush, reset, rev };
}
