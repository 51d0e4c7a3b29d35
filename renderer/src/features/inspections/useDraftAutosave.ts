import { useEffect, useState } from 'react';
import type { InspectionContent } from '../../../../shared/domain/inspection';
import type { ApiClient } from '../../api/client';
import { ApiCallError } from '../../api/errors';
import { CommonError } from '../../../../shared/api/errors';
import { InspectionError } from '../../../../shared/api/inspections';
import { DraftSaver, type SaveState } from './draft-saver';
import { saveDraftKeepalive } from './keepalive';

export type { SaveState } from './draft-saver';

interface Options {
  api: ApiClient;
  inspectionId: string;
  /** The revision the editor loaded. */
  initialRev: string;
  /** False while the record is not a draft (planned, finalised): nothing is saved. */
  enabled: boolean;
  content: InspectionContent;
  initialContent: InspectionContent;
  /** Every saved revision, so other actions (finalise) start from it. */
  onRev(rev: string): void;
}

/** Wires a DraftSaver to React: content changes, window blur, page hide/close, unmount. */
export function useDraftAutosave({ api, inspectionId, initialRev, enabled, content, initialContent, onRev }: Options) {
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: null });
  const [saver] = useState(
    () =>
      new DraftSaver(inspectionId, initialRev, initialContent, {
        save: (payload) => api.call('inspections.saveDraft', payload),
        saveOnExit: saveDraftKeepalive,
        isConflict: (error) =>
          error instanceof ApiCallError &&
          (error.code === CommonError.conflict || error.code === InspectionError.locked),
        onState: setState,
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
