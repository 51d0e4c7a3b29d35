import type { ApiInput, ApiName } from '../../../shared/api/contract';

/** Where browser mode keeps its per-launch token and how it sends it (renderer/src/platform/browser-platform.ts). */
const TOKEN_KEY = 'klkchc.token';
const TOKEN_HEADER = 'x-klkchc-token';
/** Chromium refuses keepalive bodies over 64 KiB. */
const KEEPALIVE_LIMIT = 60 * 1024;

/**
 * The last save as the page goes away (tab closed, reload): a `keepalive` request outlives the
 * page in browser mode. Answers false when it cannot be used — in Electron (an IPC call reaches
 * the main process even as the window closes, so the caller just calls the API) or when the
 * body is too large — and the caller falls back to an ordinary call.
 */
export function callKeepalive<E extends ApiName>(endpoint: E, payload: ApiInput<E>): boolean {
  if (window.api) return false;
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return false;
  const body = JSON.stringify(payload);
  if (new TextEncoder().encode(body).length > KEEPALIVE_LIMIT) return false;
  try {
    void fetch(`./api/${endpoint}`, {
      method: 'POST',
      keepalive: true,
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body,
    }).catch(() => undefined);
    return true;
  } catch {
    return false;
  }
}
