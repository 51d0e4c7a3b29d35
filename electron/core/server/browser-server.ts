import http from 'node:http';
import fs from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import type { Core } from '../app/create-core';
import { AppError, explainSystemError } from '../kernel/errors';
import { SECURITY_HEADERS } from '../security/csp';
import { resolveStatic, mimeType } from './static-files';
import { answerUnreadBody, bodyChunks, declaredLength, readBody } from './request-body';
import { formatMegabytes, MAX_UPLOAD_BYTES } from '../files/file-store';
import { translate, type TranslateParams } from '../../../shared/i18n/translate';
import type { ApiResult } from '../../../shared/api/envelope';
import type { ApiErrorCode } from '../../../shared/api/error-codes';

export const TOKEN_HEADER = 'x-klkchc-token';
const MAX_JSON_BYTES = 10 * 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

export interface BrowserServerOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed only in tests; normally random per launch. */
  token?: string;
  /** Smaller only in tests: the largest API body and the largest upload, in bytes. */
  limits?: { jsonBytes?: number; uploadBytes?: number };
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameToken(given: string | undefined, expected: Buffer): boolean {
  if (!given) return false;
  const buffer = Buffer.from(given);
  return buffer.length === expected.length && timingSafeEqual(buffer, expected);
}

function send(
  res: http.ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), JSON_TYPE);
}

/** A file as the response body; a read error (the file removed meanwhile) ends the response instead of the process. */
function sendFile(res: http.ServerResponse, file: string): void {
  pipeline(fs.createReadStream(file), res, () => undefined);
}

/** A percent-encoded URL part or header, or `fallback` when it is malformed. */
function decodeOr(text: string, fallback: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return fallback;
  }
}

function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Browser mode: the same API as the Electron shell, over HTTP on the loopback interface only.
 * Every API and file request must carry the per-launch token; every request must name this
 * server in its Host header (so a web page cannot reach it through DNS rebinding).
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const expected = Buffer.from(token);
  const { core } = options;
  const jsonLimit = options.limits?.jsonBytes ?? MAX_JSON_BYTES;
  const uploadLimit = options.limits?.uploadBytes ?? MAX_UPLOAD_BYTES;
  let allowedHosts = new Set<string>();
  const language = () => {
    try {
      return core.services.settings.language();
    } catch {
      return 'vi' as const;
    }
  };
  const failure = (
    code: ApiErrorCode,
    messageKey = `errors.${code}`,
    params?: TranslateParams,
  ): ApiResult<unknown> => ({
    ok: false,
    error: { code, message: translate(language(), messageKey, params) },
  });

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[klkchc] request failed', error);
      if (!res.headersSent) sendJson(res, 500, failure('INTERNAL'));
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) {
      send(res, 421, 'Misdirected request', 'text/plain; charset=utf-8');
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^https?:\/\//, '').toLowerCase())) {
      send(res, 403, 'Forbidden origin', 'text/plain; charset=utf-8');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${host}`);
    const headerToken = req.headers[TOKEN_HEADER];
    const givenToken = typeof headerToken === 'string' ? headerToken : (url.searchParams.get('token') ?? undefined);

    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      // Only the app's own script sends the token in a header, never a form or a link.
      if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, expected))
        return sendJson(res, 401, failure('UNAUTHORIZED'));
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'Unsupported media type', 'text/plain; charset=utf-8');
      }
      const body = await readBody(req, jsonLimit);
      if (body === null) {
        const refusal = failure('VALIDATION', 'errors.VALIDATION_generic');
        return answerUnreadBody(req, res, 413, JSON.stringify(refusal), JSON_TYPE);
      }
      let payload: unknown;
      try {
        payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return sendJson(res, 400, failure('VALIDATION', 'errors.VALIDATION_generic'));
      }
      // A malformed name is passed on as it is: the router answers UNKNOWN_CALL.
      const raw = url.pathname.slice('/api/'.length);
      const name = decodeOr(raw, raw);
      const result = await core.router.call(name, payload);
      return sendJson(res, 200, result);
    }

    if (url.pathname === '/files/upload') {
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      if (!sameToken(typeof headerToken === 'string' ? headerToken : undefined, expected))
        return sendJson(res, 401, failure('UNAUTHORIZED'));
      const rawName = req.headers['x-file-name'];
      const name = typeof rawName === 'string' ? decodeOr(rawName, 'tep') : 'tep';
      try {
        const declared = declaredLength(req) ?? 0;
        // Refused before a byte is stored when the size given is already too large.
        if (declared > uploadLimit) {
          const params = { size: formatMegabytes(declared), limit: formatMegabytes(uploadLimit) };
          throw new AppError('FILE_TOO_LARGE', { params });
        }
        const file = await core.files.receiveUpload(name, bodyChunks(req), uploadLimit);
        return sendJson(res, 200, { ok: true, value: file });
      } catch (error) {
        // Too large, or the disk filled up while receiving: said plainly, like an API error.
        const known = explainSystemError(error, { file: core.paths.databaseFile, dir: core.paths.dataDir });
        if (!known) throw error;
        const refusal = JSON.stringify(failure(known.code, known.messageKey, known.params));
        return answerUnreadBody(req, res, known.code === 'FILE_TOO_LARGE' ? 413 : 200, refusal, JSON_TYPE);
      }
    }

    if (url.pathname.startsWith('/files/download/')) {
      if (req.method !== 'GET') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
      if (!sameToken(givenToken, expected)) return sendJson(res, 401, failure('UNAUTHORIZED'));
      const id = url.pathname.slice('/files/download/'.length);
      let file: { path: string; name: string; size: number };
      try {
        file = core.files.download(id);
      } catch {
        return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      }
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': mimeType(file.name),
        'Content-Length': String(file.size),
        'Content-Disposition': contentDisposition(file.name),
        'Cache-Control': 'no-store',
      });
      return sendFile(res, file.path);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
    const file = resolveStatic(options.staticDir, url.pathname);
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    const isHtml = file.endsWith('.html');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeType(file),
      'Cache-Control': isHtml ? 'no-store' : 'public, max-age=31536000, immutable',
    });
    if (req.method === 'HEAD') return void res.end();
    sendFile(res, file);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
