import { useSyncExternalStore } from 'react';

/**
 * Pages are addressed by the URL hash ("#/registry"), which works the same from the app://
 * protocol in Electron and from the loopback server, and survives a reload. The page list
 * itself is in pages.tsx.
 */
export interface Route {
  page: string;
  /** What follows the page: "#/plans/ID" → ["ID"]. */
  params: string[];
}

function parse(hash: string): Route {
  const [page = '', ...params] = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return { page, params };
}

function subscribe(callback: () => void) {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parse(hash);
}

export function navigate(page: string, ...params: string[]) {
  window.location.hash = `#/${[page, ...params].map(encodeURIComponent).join('/')}`;
}
