import { protocol } from 'electron';
import fs from 'node:fs';
import { APP_HOST, APP_SCHEME } from './security-policy';
import { SECURITY_HEADERS } from '../core/security/csp';
import { mimeType, resolveStatic } from '../core/server/static-files';

/** Must run before `app.ready`: app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://klkchc/ with the same headers as browser mode. */
export function handleAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveStatic(rendererDir, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
    return new Response(fs.readFileSync(file), {
      headers: { ...SECURITY_HEADERS, 'Content-Type': mimeType(file) },
    });
  });
}
