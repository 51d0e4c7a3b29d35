import type { DesktopBridge } from '../../../shared/api/bridge';
import { createBrowserBridge, takeToken } from './browser-platform';

declare global {
  interface Window {
    /** Present in the Electron shell (electron/preload); absent in browser mode. */
    api?: DesktopBridge;
  }
}

export type PlatformMode = 'electron' | 'browser';

export interface Platform {
  mode: PlatformMode;
  bridge: DesktopBridge;
}

/** Electron's preload bridge when present; otherwise the loopback server, if we hold its token. */
export function detectPlatform(offlineMessage: string): Platform | null {
  if (window.api) return { mode: 'electron', bridge: window.api };
  const token = takeToken();
  if (!token) return null;
  return { mode: 'browser', bridge: createBrowserBridge(token, offlineMessage) };
}
