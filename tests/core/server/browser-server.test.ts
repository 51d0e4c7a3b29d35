import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../electron/core/server/browser-server';
import { createReadyCore, tempDir, type TestCore } from '../../support/core-harness';
import { naiveJoin, traversalAttempts } from './traversal-attempts';
import { chunked, rawRequest } from './raw-http';

function request(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer },
) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const INDEX_HTML = '<!doctype html><title>app</title>';
const JSON_LIMIT = 64 * 1024;
const UPLOAD_LIMIT = 256 * 1024;

describe('browser-mode server', () => {
  let harness: TestCore;
  let server: BrowserServer;
  let webRoot: string;
  let staticDir: string;
  let host: string;
  const token = 'test-token-0123456789abcdefghij';
  /** Files a traversal out of the static folder would reach, each with its own content. */
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    harness = await createReadyCore();
    // web-root/app is served; its parent, its siblings (one whose name starts like the static
    // folder's) and the data folder beside them hold secrets.
    webRoot = tempDir('klkchc-web-');
    staticDir = path.join(webRoot, 'app');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), INDEX_HTML);
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    for (const [folder, label] of [
      [webRoot, 'parent'],
      [path.join(webRoot, 'other'), 'sibling'],
      [path.join(webRoot, 'app-private'), 'prefix-sibling'],
      [harness.dir, 'data-folder'],
    ] as const) {
      fs.mkdirSync(folder, { recursive: true });
      const file = path.join(folder, 'secret.txt');
      fs.writeFileSync(file, `SECRET of the ${label}`);
      secrets.set(file, `SECRET of the ${label}`);
    }
    server = await startBrowserServer({
      core: harness.core,
      staticDir,
      token,
      limits: { jsonBytes: JSON_LIMIT, uploadBytes: UPLOAD_LIMIT },
    });
    host = `127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server.close();
    harness.close();
    fs.rmSync(webRoot, { recursive: true, force: true });
  });

  const api = (name: string, body: unknown, headers: Record<string, string> = {}) =>
    request(server.port, {
      method: 'POST',
      path: `/api/${name}`,
      headers: { Host: host, 'Content-Type': 'application/json', 'x-klkchc-token': token, ...headers },
      body: JSON.stringify(body),
    });

  it('listens on loopback only and prints a tokenised address', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${token}`);
  });

  it('serves the API with the token', async () => {
    const response = await api('system.ping', {});
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ ok: true, value: { pong: true } });
  });

  it('refuses API calls without the token, with a wrong one, or with the token only in the URL', async () => {
    expect((await api('system.ping', {}, { 'x-klkchc-token': '' })).status).toBe(401);
    expect((await api('system.ping', {}, { 'x-klkchc-token': `${token}x` })).status).toBe(401);
    const inUrl = await request(server.port, {
      method: 'POST',
      path: `/api/system.ping?token=${token}`,
      headers: { Host: host, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(inUrl.status).toBe(401);
  });

  it('refuses foreign Host headers (DNS rebinding) and foreign origins', async () => {
    expect((await request(server.port, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(421);
    expect((await api('system.ping', {}, { Host: `attacker.test:${server.port}` })).status).toBe(421);
    expect((await api('system.ping', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('system.ping', {}, { Origin: `http://${host}` })).status).toBe(200);
  });

  it('accepts only JSON bodies on the API (no form posts) and bounded sizes', async () => {
    expect((await api('system.ping', {}, { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    const malformed = await request(server.port, {
      method: 'POST',
      path: '/api/system.ping',
      headers: { Host: host, 'Content-Type': 'application/json', 'x-klkchc-token': token },
      body: '{not json',
    });
    expect(malformed.status).toBe(400);
    expect(JSON.parse(malformed.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('serves static files with the CSP', async () => {
    const index = await request(server.port, { path: '/', headers: { Host: host } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(server.port, { path: '/assets/app.js', headers: { Host: host } })).status).toBe(200);
  });

  it('places each secret where a naive join of one of the attempts would find it', () => {
    const attempts = traversalAttempts({ secrets: [...secrets.keys()], staticDir });
    for (const file of secrets.keys()) {
      const reaching = attempts.filter((attempt) => naiveJoin(staticDir, attempt) === file);
      expect(reaching.length, file).toBeGreaterThan(3);
    }
  });

  it('serves nothing outside the static folder, whatever the encoding of the path', async () => {
    const attempts = traversalAttempts({ secrets: [...secrets.keys()], staticDir });
    expect(attempts.length).toBeGreaterThan(40);
    for (const attempt of attempts) {
      // Raw bytes on the wire: no client library normalises the path first.
      const answer = await rawRequest({
        port: server.port,
        head: `GET ${attempt} HTTP/1.1\r\nHost: ${host}\r\nConnection: close`,
      });
      for (const secret of secrets.values()) expect.soft(answer.body, attempt).not.toContain(secret);
      // Refused, or the app's own page for what looks like one of its routes.
      if (answer.status === 200) expect.soft(answer.body, attempt).toBe(INDEX_HTML);
      else expect.soft(answer.status, attempt).toBeGreaterThanOrEqual(400);
    }
  });

  /** The head of a POST with the token, on a keep-alive connection (the server must still close it). */
  const postHead = (target: string, headers: string[]) =>
    [`POST ${target} HTTP/1.1`, `Host: ${host}`, `x-klkchc-token: ${token}`, 'Connection: keep-alive', ...headers].join(
      '\r\n',
    );
  /** The files (not folders) in the core's temp folder: where uploads are stored. */
  const uploads = () =>
    fs.existsSync(harness.core.paths.tempDir)
      ? fs
          .readdirSync(harness.core.paths.tempDir, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => path.join(entry.parentPath, entry.name))
      : [];

  /** The answer to an over-limit body: 413 with `Connection: close`, whole, then a clean close. */
  async function expectRefusedWhole(answer: Awaited<ReturnType<typeof rawRequest>>, code: string) {
    expect(answer.error, 'no reset or broken pipe on the client').toBeNull();
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(answer.whole, 'the whole answer arrived').toBe(true);
    expect(JSON.parse(answer.body)).toMatchObject({ ok: false, error: { code } });
    expect(answer.serverClosed, 'the server closed the connection after answering').toBe(true);
    // And the server is still fine.
    expect(JSON.parse((await api('system.ping', {})).body)).toEqual({ ok: true, value: { pong: true } });
  }

  describe('a body over its limit', () => {
    const json = (bytes: number) => Buffer.from(`{"padding":"${'x'.repeat(bytes - 14)}"}`);

    it('declared too large: refused before reading, answered whole, connection closed', async () => {
      const body = json(JSON_LIMIT * 8);
      const answer = await rawRequest({
        port: server.port,
        head: postHead('/api/system.ping', ['Content-Type: application/json', `Content-Length: ${body.length}`]),
        body: [body],
      });
      await expectRefusedWhole(answer, 'VALIDATION');
    });

    it('sent in chunks past the limit: answered whole while the client is still sending', async () => {
      const piece = Buffer.alloc(16 * 1024, 0x20);
      const answer = await rawRequest({
        port: server.port,
        head: postHead('/api/system.ping', ['Content-Type: application/json', 'Transfer-Encoding: chunked']),
        body: chunked(Array.from({ length: 64 }, () => piece)),
      });
      await expectRefusedWhole(answer, 'VALIDATION');
    });

    it('from a slow client still sending after the answer: closed only after its last byte', async () => {
      const piece = Buffer.alloc(8 * 1024, 0x20);
      const answer = await rawRequest({
        port: server.port,
        head: postHead('/api/system.ping', ['Content-Type: application/json', 'Transfer-Encoding: chunked']),
        body: chunked(Array.from({ length: 40 }, () => piece)),
        pieceDelayMs: 5,
      });
      // Closing on a client still sending resets the connection, and a reset can cost the client
      // the answer it has not read yet (Windows drops it): the server waits for the last piece.
      expect(answer.sentAllAfterMs, 'the client sent its whole body').toBeGreaterThan(0);
      expect(answer.serverClosedAfterMs).toBeGreaterThanOrEqual(answer.sentAllAfterMs);
      expect(answer.answeredAfterMs, 'answered before the body was all sent').toBeLessThan(answer.sentAllAfterMs);
      await expectRefusedWhole(answer, 'VALIDATION');
    });

    it('from a client that stops sending half-way: answered at once, closed after a bounded wait', async () => {
      const piece = Buffer.alloc(16 * 1024, 0x20);
      const answer = await rawRequest({
        port: server.port,
        head: postHead('/api/system.ping', ['Content-Type: application/json', 'Transfer-Encoding: chunked']),
        body: chunked(
          Array.from({ length: 8 }, () => piece),
          true,
        ),
      });
      expect(answer.answeredAfterMs).toBeGreaterThanOrEqual(0);
      expect(answer.answeredAfterMs).toBeLessThan(1_500);
      await expectRefusedWhole(answer, 'VALIDATION');
    });

    it('an upload declared too large: refused before a byte is stored', async () => {
      const before = uploads();
      const answer = await rawRequest({
        port: server.port,
        head: postHead('/files/upload', ['x-file-name: lon.xlsx', `Content-Length: ${UPLOAD_LIMIT * 4}`]),
        body: [Buffer.alloc(UPLOAD_LIMIT * 4, 1)],
      });
      await expectRefusedWhole(answer, 'FILE_TOO_LARGE');
      expect(uploads()).toEqual(before);
    });

    it('an upload streamed past the limit: the partial file is removed', async () => {
      const before = uploads();
      const piece = Buffer.alloc(32 * 1024, 1);
      const answer = await rawRequest({
        port: server.port,
        head: postHead('/files/upload', ['x-file-name: lon.xlsx', 'Transfer-Encoding: chunked']),
        body: chunked(Array.from({ length: 32 }, () => piece)),
      });
      await expectRefusedWhole(answer, 'FILE_TOO_LARGE');
      expect(uploads()).toEqual(before);
    });

    it('a body just under the limit is still taken', async () => {
      const body = json(JSON_LIMIT - 1);
      const answer = await rawRequest({
        port: server.port,
        head: postHead('/api/system.ping', [
          'Content-Type: application/json',
          `Content-Length: ${body.length}`,
          'Connection: close',
        ]),
        body: [body],
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toEqual({ ok: true, value: { pong: true } });
    });
  });

  it('takes uploads only with the token and gives them an id', async () => {
    const refused = await request(server.port, {
      method: 'POST',
      path: '/files/upload',
      headers: { Host: host },
      body: 'x',
    });
    expect(refused.status).toBe(401);
    const uploaded = await request(server.port, {
      method: 'POST',
      path: '/files/upload',
      headers: { Host: host, 'x-klkchc-token': token, 'x-file-name': encodeURIComponent('../../Danh sách trường.csv') },
      body: 'STT;Tên\n1;Trường A\n',
    });
    const result = JSON.parse(uploaded.body) as { ok: boolean; value: { fileId: string; name: string; size: number } };
    expect(result.ok).toBe(true);
    expect(result.value.name).toBe('Danh sách trường.csv');
    const opened = harness.core.files.open(result.value.fileId);
    expect(fs.readFileSync(opened.path, 'utf8')).toBe('STT;Tên\n1;Trường A\n');
  });

  it('answers a malformed call name or file name plainly instead of failing', async () => {
    const badCall = await api('%E0%A4%A', {});
    expect(badCall.status).toBe(200);
    expect(JSON.parse(badCall.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CALL' } });
    const badName = await request(server.port, {
      method: 'POST',
      path: '/files/upload',
      headers: { Host: host, 'x-klkchc-token': token, 'x-file-name': '%E0%A4%A.csv' },
      body: 'a;b\n',
    });
    expect(badName.status).toBe(200);
    expect(JSON.parse(badName.body)).toMatchObject({ ok: true, value: { name: 'tep', size: 4 } });
  });

  it('hands out prepared downloads only with the token', async () => {
    const download = await harness.core.files.createDownload('Danh mục đơn vị.csv', (file) =>
      fs.writeFileSync(file, 'a;b'),
    );
    expect(
      (await request(server.port, { path: `/files/download/${download.downloadId}`, headers: { Host: host } })).status,
    ).toBe(401);
    const ok = await request(server.port, {
      path: `/files/download/${download.downloadId}?token=${token}`,
      headers: { Host: host },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toBe('a;b');
    expect(ok.headers['content-disposition']).toContain("filename*=UTF-8''Danh%20m%E1%BB%A5c");
  });
});

describe('temporary files', () => {
  it('an upload is deleted once the import has read it', async () => {
    const harness = await createReadyCore();
    try {
      const chunks = [new TextEncoder().encode('STT;Tên đơn vị\n1;Trường Mầm non Hoa Sen\n')];
      const file = await harness.core.files.receiveUpload('danh sach.csv', chunks);
      const stored = harness.core.files.open(file.fileId).path;
      await harness.call('unitImport.inspect', { fileId: file.fileId });
      expect(fs.existsSync(stored)).toBe(false);
      const again = await harness.fail('unitImport.inspect', { fileId: file.fileId });
      expect(again.code).toBe('FILE_NOT_FOUND');
    } finally {
      harness.close();
    }
  });
});
