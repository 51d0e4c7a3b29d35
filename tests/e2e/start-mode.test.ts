import { describe, expect, it } from 'vitest';
import http from 'node:http';
import { startApp } from './harness';

function rawRequest(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: '127.0.0.1', port, path: '/', method: 'GET', headers: { Host: host } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end();
  });
}

describe('browser mode process', () => {
  it('prints its data file and address, listens on loopback only and checks the Host header', async () => {
    const app = await startApp();
    try {
      expect(app.output()).toContain(`Dữ liệu: ${app.dataDir}`);
      const port = Number(new URL(app.url).port);
      expect(await rawRequest(port, `127.0.0.1:${port}`)).toBe(200);
      expect(await rawRequest(port, `localhost:${port}`)).toBe(200);
      // DNS rebinding: a page on evil.example resolving to 127.0.0.1 sends its own Host.
      expect(await rawRequest(port, `evil.example:${port}`)).toBe(421);
      const page = await fetch(`${app.origin}/`);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    } finally {
      await app.stop();
    }
  });
});

describe('npm start where Electron cannot run', () => {
  it('says so in one line and serves browser mode', async () => {
    const { spawn } = await import('node:child_process');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '..', '..');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-start-'));
    const child = spawn(
      process.execPath,
      [path.join(root, 'electron/tools/start.mjs'), '--data-dir', dataDir, '--port', '0'],
      {
        cwd: root,
        env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await expect
        .poll(
          () => {
            if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
            return /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output)?.[0];
          },
          { timeout: 90_000 },
        )
        .toBeTruthy();
      const url = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(output)?.[0] ?? '';
      expect(output.match(/Electron is unavailable here/g)).toHaveLength(1);
      expect(output).not.toMatch(/Error|at async/);
      expect((await fetch(new URL('/', url))).status).toBe(200);
      expect(fs.existsSync(path.join(dataDir, 'klkchc.sqlite3'))).toBe(true);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
