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
