import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert, Button, Snackbar } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { isTypingTarget } from './typing-target';

export interface Notice {
  message: string;
  severity?: 'success' | 'info' | 'warning' | 'error';
  /** Offered as a button and on Ctrl+Z while the notice is shown. */
  undo?: () => void | Promise<void>;
}

interface NotifierValue {
  notify(notice: Notice): void;
}

const NotifierContext = createContext<NotifierValue>({ notify: () => undefined });

export function useNotifier(): NotifierValue {
  return useContext(NotifierContext);
}

/** Short messages at the bottom of the window; the last change can be undone from there. */
export function NotifierProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [notice, setNotice] = useState<(Notice & { key: number }) | null>(null);
  const counter = useRef(0);
  const notify = useCallback((next: Notice) => {
    counter.current += 1;
    setNotice({ ...next, key: counter.current });
  }, []);
  const undo = notice?.undo;
  const runUndo = useCallback(() => {
    if (!undo) return;
    setNotice(null);
    void undo();
  }, [undo]);

  useEffect(() => {
    if (!undo) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z' && !isTypingTarget(event.target)) {
        event.preventDefault();
        runUndo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, runUndo]);

  const value = useMemo(() => ({ notify }), [notify]);
  return (
    <NotifierContext.Provider value={value}>
      {children}
      <Snackbar
        key={notice?.key}
        open={notice !== null}
        autoHideDuration={notice?.severity === 'error' ? null : 8000}
        onClose={(_, reason) => {
          if (reason !== 'clickaway') setNotice(null);
        }}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}
      >
        <Alert
          severity={notice?.severity ?? 'success'}
          variant="filled"
          onClose={() => setNotice(null)}
          action={
            notice?.undo ? (
              <Button color="inherit" size="small" onClick={runUndo}>
                {t('common.undo')} (Ctrl+Z)
              </Button>
            ) : undefined
          }
          sx={{ minWidth: 360 }}
        >
          {notice?.message}
        </Alert>
      </Snackbar>
    </NotifierContext.Provider>
  );
}
