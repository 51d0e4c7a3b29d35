import { useEffect, useRef } from 'react';

interface Shortcuts {
  /** Ctrl+Enter */
  finalise(): void;
  /** Ctrl+S */
  save(): void;
  /** Ctrl+E */
  amend(): void;
  /** Alt+D */
  allPass(): void;
}

/** The editor's keys, anywhere on the page except inside a dialog (which has its own). */
export function useEditorShortcuts(shortcuts: Shortcuts) {
  // The newest handlers without re-adding the listener on every keystroke's render.
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (document.querySelector('[role="dialog"]')) return;
      const key = event.key.toLowerCase();
      const ctrl = event.ctrlKey || event.metaKey;
      const action =
        ctrl && key === 'enter'
          ? current.current.finalise
          : ctrl && key === 's'
            ? current.current.save
            : ctrl && key === 'e'
              ? current.current.amend
              : event.altKey && key === 'd'
                ? current.current.allPass
                : null;
      if (!action) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
