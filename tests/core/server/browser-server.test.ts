import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../../electron/core/server/browser-server';
import { createReadyCore, tempDir, type TestCore } from '../../support/core-harness';

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

describe('browser-mode server', () => {
  let harness: TestCore;
  let server: BrowserServer;
  let staticDir: string;
  let host: string;
  const token = 'test-token-0123456789abcdefghij';

  beforeAll(async () => {
    harness = await createReadyCore();
    staticDir = tempDir('klkchc-static-');
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>app</title>');
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(harness.dir, 'secret.txt'), 'do not serve');
    server = await startBrowserServer({ core: harness.core, staticDir, token });
    host = `127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server.close();
    harness.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
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

  it('serves static files with the CSP, and nothing outside the app folder', async () => {
    const index = await request(server.port, { path: '/', headers: { Host: host } });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'none'");
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    expect((await request(server.port, { path: '/assets/app.js', headers: { Host: host } })).status).toBe(200);
    for (const attempt of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/a%00.js',
    ]) {
      const response = await request(server.port, { path: attempt, headers: { Host: host } });
      expect(response.body, attempt).not.toContain('do not serve');
    }
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
