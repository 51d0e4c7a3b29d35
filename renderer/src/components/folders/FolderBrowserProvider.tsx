import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { setInAppFolderChooser } from '../../platform/browser-platform';
import { FolderBrowserDialog, type FolderBrowseRequest } from './FolderBrowserDialog';

interface FolderBrowserValue {
  /** Whether the app's own chooser is used (browser mode); Electron shows the system dialogs. */
  inApp: boolean;
  browse(request: FolderBrowseRequest): Promise<string | null>;
}

const FolderBrowserContext = createContext<FolderBrowserValue>({
  inApp: false,
  browse: () => Promise.resolve(null),
});

export function useFolderBrowser(): FolderBrowserValue {
  return useContext(FolderBrowserContext);
}

/**
 * Shows the app's own folder chooser when asked, and in browser mode stands in for the system
 * folder dialog behind `api.chooseFolder` (see setInAppFolderChooser).
 */
export function FolderBrowserProvider({ inApp, children }: { inApp: boolean; children: ReactNode }) {
  const [request, setRequest] = useState<FolderBrowseRequest | null>(null);
  const resolver = useRef<((path: string | null) => void) | null>(null);

  const browse = useCallback((next: FolderBrowseRequest) => {
    resolver.current?.(null);
    setRequest(next);
    return new Promise<string | null>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  useEffect(() => {
    if (!inApp) return undefined;
    setInAppFolderChooser((folder) => browse({ pick: 'folder', purpose: folder.purpose, title: folder.title }));
    return () => setInAppFolderChooser(null);
  }, [browse, inApp]);

  const done = (path: string | null) => {
    resolver.current?.(path);
    resolver.current = null;
    setRequest(null);
  };

  const value = useMemo(() => ({ inApp, browse }), [inApp, browse]);
  return (
    <FolderBrowserContext.Provider value={value}>
      {children}
      {request && <FolderBrowserDialog request={request} onDone={done} />}
    </FolderBrowserContext.Provider>
  );
}
