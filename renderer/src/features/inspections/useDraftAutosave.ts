import { useEffect, useState } from 'react';
import type { InspectionContent } from '../../../../shared/domain/inspection';
import { useApi } from '../../api/ApiContext';
import { CommonError } from '../../../../shared/api/errors';
import { InspectionError } from '../../../../shared/api/inspections';
import { ApiCallError } from '../../api/errors';
import { DraftSaver, type ConflictCause, type SaveState } from './draft-saver';
import { callKeepalive } from '../../api/keepalive';

export type { SaveState } from './draft-saver';

interface Options {
  inspectionId: string;
  /** The revision the editor loaded. */
  initialRev: string;
  /** False while the record is not a draft (planned, finalised, in conflict): nothing is saved. */
  enabled: boolean;
  content: InspectionContent;
  initialContent: InspectionContent;
  /** Every saved revision, so other actions (finalise) start from it. Stable (the saver is made once). */
  onRev(rev: string): void;
  /** Saving stopped for good: someone else changed or finalised the record. Stable, as onRev. */
  onConflict(cause: ConflictCause): void;
}

function conflictOf(error: unknown): ConflictCause | null {
  if (!(error instanceof ApiCallError)) return null;
  if (error.code === CommonError.conflict) return 'changed';
  if (error.code === InspectionError.locked) return 'finalised';
  return null;
}

/** Wires a DraftSaver to React: content changes, window blur, page hide/close, unmount. */
export function useDraftAutosave({
  inspectionId,
  initialRev,
  enabled,
  content,
  initialContent,
  onRev,
  onConflict,
}: Options) {
  const api = useApi();
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const [saver] = useState(
    () =>
      new DraftSaver(inspectionId, initialRev, initialContent, {
        save: (payload) => api.call('inspections.saveDraft', payload),
        saveOnExit: (payload) => callKeepalive('inspections.saveDraft', payload),
        conflictOf,
        onState: (next) => {
          setState(next);
          if (next.kind === 'conflict') onConflict(next.cause);
        },
        onRev,
      }),
  );

  useEffect(() => {
    saver.setEnabled(enabled);
  }, [saver, enabled]);

  useEffect(() => {
    saver.update(content);
  }, [saver, content]);

  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') saver.saveOnExit();
    };
    const onPageHide = () => saver.saveOnExit();
    const onBlur = () => void saver.flush();
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('blur', onBlur);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('visibilitychange', onVisibility);
      saver.dispose();
    };
  }, [saver]);

  return { state, saver };
}
