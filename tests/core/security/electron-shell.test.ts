import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import type { ApiResult } from '../../../shared/api/envelope';
import { IPC } from '../../../shared/api/ipc';
import { TEST_OFFICE, tempDir } from '../../support/core-harness';
import {
  FakeWebContents,
  type FakeBrowserWindow,
  type FakeIpcEvent,
  type ShellRecord,
} from '../../support/electron-shell/fake-electron';
import { builtBundle, loadBundle, loadMainBundle } from '../../support/electron-shell/load-main-bundle';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const DIST = path.resolve(process.env.KLKCHC_DIST_DIR ?? path.join(ROOT, 'dist'));
const PAGE = 'app://klkchc/index.html#/registry';

/** URLs no page of the app may go to or fetch. */
const FOREIGN = [
  'https://example.com/',
  'http://127.0.0.1:3000/',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://other/index.html',
  'app://klkchc.evil.example/index.html',
  'ws://127.0.0.1:9229/',
];
const OWN = ['app://klkchc/index.html', 'app://klkchc/index.html#/plans/1', 'app://klkchc/assets/app.js'];

async function until(ready: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !ready(); waited += 10) {
    if (waited > 20_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Reliability tests 11 and 12 (tests/README.md) on the shell as shipped: the built main bundle runs
 * in plain Node against a recording stand-in for `electron`; the test then plays Electron's part —
 * creates web contents, navigates, asks for permissions, sends requests and IPC calls — and checks
 * what the shell's own handlers answer.
 */
describe('the built Electron shell', () => {
  let record: ShellRecord;
  let restore: () => void;
  let dataDir: string;
  let main: FakeBrowserWindow;
  let before: { windows: number; schemes: unknown[] };

  /** An IPC call as the preload makes it, from `sender` (a frame at `frameUrl`). */
  const invoke = async (channel: string, event: FakeIpcEvent, ...args: unknown[]): Promise<ApiResult<unknown>> => {
    const handler = record.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no IPC handler for ${channel}`);
    return (await handler(event, ...args)) as ApiResult<unknown>;
  };
  const fromApp = (): FakeIpcEvent => ({ sender: main.webContents, senderFrame: { url: PAGE } });
  const call = (name: unknown, payload: unknown, event = fromApp()) => invoke(IPC.call, event, name, payload);
  const errorCode = (result: ApiResult<unknown>) => (result.ok ? 'ok' : result.error.code);

  beforeAll(async () => {
    dataDir = tempDir('klkchc-shell-');
    const shell = loadMainBundle({
      bundle: builtBundle(ROOT, DIST, 'main.cjs'),
      root: ROOT,
      args: ['--data-dir', dataDir],
    });
    record = shell.record;
    restore = shell.restore;
    before = { windows: record.windows.length, schemes: [...record.privilegedSchemes] };
    record.app.becomeReady();
    await until(() => record.windows.length > 0 || record.errorBoxes.length > 0, 'the main window');
    if (record.errorBoxes.length > 0) throw new Error(`the shell failed: ${JSON.stringify(record.errorBoxes)}`);
    main = record.windows[0]!;
  });

  afterAll(() => {
    record?.app.emit('before-quit', { preventDefault: () => undefined });
    record?.app.emit('will-quit');
    restore?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts on --data-dir, sandboxed, single-instance, with app:// privileged before ready', () => {
    expect(record.app.paths.get('userData')).toBe(dataDir);
    expect(record.app.calls).toEqual(expect.arrayContaining(['enableSandbox', 'requestSingleInstanceLock']));
    expect(before.windows).toBe(0);
    expect(before.schemes).toMatchObject([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(fs.existsSync(path.join(dataDir, 'klkchc.sqlite3'))).toBe(true);
    expect(record.menu).not.toBeNull();
  });

  it('opens one window: isolated, sandboxed, no Node, web security, the built preload, the app’s own page', () => {
    expect(record.windows).toHaveLength(1);
    expect(main.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: path.join(DIST, 'electron', 'preload.cjs'),
    });
    expect(fs.existsSync(String(main.options.webPreferences?.preload))).toBe(true);
    expect(main.loadedUrl).toBe('app://klkchc/index.html');
  });

  it('guards every web contents: navigation and redirects only inside the app, no new windows, no webviews', () => {
    const later = new FakeWebContents();
    record.app.emit('web-contents-created', { preventDefault: () => undefined }, later);
    for (const contents of [main.webContents, later]) {
      for (const url of FOREIGN) {
        expect.soft(contents.dispatch('will-navigate', url), `navigate ${url}`).toBe(true);
        expect.soft(contents.dispatch('will-redirect', url), `redirect ${url}`).toBe(true);
      }
      for (const url of OWN) {
        expect.soft(contents.dispatch('will-navigate', url), `navigate ${url}`).toBe(false);
        expect.soft(contents.dispatch('will-redirect', url), `redirect ${url}`).toBe(false);
      }
      expect(contents.windowOpenHandler).not.toBeNull();
      for (const url of [...FOREIGN, ...OWN]) {
        expect
          .soft(contents.windowOpenHandler?.({ url, frameName: '', features: '' }), url)
          .toEqual({ action: 'deny' });
      }
      expect(contents.dispatch('will-attach-webview', {}, { src: 'https://example.com/' })).toBe(true);
    }
  });

  it('denies every permission, whether asked for or checked', () => {
    const session = record.sessions.get('')!;
    expect(session.permissionRequestHandler).not.toBeNull();
    expect(session.permissionCheckHandler).not.toBeNull();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid']) {
      const answers: boolean[] = [];
      session.permissionRequestHandler?.(main.webContents, permission, (granted) => answers.push(granted), {});
      expect.soft(answers, permission).toEqual([false]);
      expect
        .soft(session.permissionCheckHandler?.(main.webContents, permission, 'app://klkchc', {}), permission)
        .toBe(false);
    }
  });

  it('lets no request leave the app', () => {
    const listener = record.sessions.get('')!.beforeRequest;
    expect(listener).not.toBeNull();
    const cancelled = (url: string) => {
      let answer: { cancel?: boolean } | undefined;
      listener?.({ url, method: 'GET', resourceType: 'xhr' }, (response) => (answer = response));
      return answer?.cancel;
    };
    for (const url of [...FOREIGN.filter((url) => !url.startsWith('data:') && !url.startsWith('javascript:'))]) {
      expect.soft(cancelled(url), url).toBe(true);
    }
    for (const url of [...OWN, 'blob:app://klkchc/5c1f', 'data:image/png;base64,AAAA', 'devtools://devtools/x']) {
      expect.soft(cancelled(url), url).toBe(false);
    }
  });

  it('serves app:// from the built renderer with the CSP, and nothing outside it', async () => {
    const handler = record.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const fetchApp = async (url: string) => handler!(new Request(url));
    const index = await fetchApp('app://klkchc/index.html');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<div id="root">');
    for (const url of [
      'app://klkchc/..%2f..%2fpackage.json',
      'app://klkchc/%2e%2e%2fmain.cjs',
      'app://other/index.html',
    ]) {
      expect.soft((await fetchApp(url)).status, url).toBe(404);
    }
  });

  it('answers IPC only from its own window’s app:// page', async () => {
    expect(await call('system.ping', {})).toEqual({ ok: true, value: { pong: true } });
    const stranger = new FakeWebContents();
    const untrusted: FakeIpcEvent[] = [
      { sender: stranger, senderFrame: { url: PAGE } },
      { sender: main.webContents, senderFrame: { url: 'https://evil.example/' } },
      { sender: main.webContents, senderFrame: { url: 'file:///C:/Users/Public/x.html' } },
      { sender: main.webContents, senderFrame: { url: 'app://klkchc.evil.example/index.html' } },
      { sender: main.webContents, senderFrame: null },
    ];
    // Every channel the shell registers, with arguments it would otherwise accept.
    const validArgs: Record<string, unknown[]> = {
      [IPC.call]: ['system.ping', {}],
      [IPC.openFile]: [[{ name: 'Excel', extensions: ['xlsx'] }]],
      [IPC.saveDownload]: [{ downloadId: 'abcdefgh', fileName: 'a.csv', size: 1 }],
      [IPC.printDownload]: [{ downloadId: 'abcdefgh', fileName: 'a.html', size: 1 }],
      [IPC.saveDownloadsToFolder]: [[{ downloadId: 'abcdefgh', fileName: 'a.csv', size: 1 }]],
    };
    expect([...record.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC).sort());
    for (const channel of record.ipcHandlers.keys()) {
      for (const event of untrusted) {
        const answer = await invoke(channel, event, ...(validArgs[channel] ?? []));
        expect.soft(errorCode(answer), `${channel} from ${event.senderFrame?.url ?? 'no frame'}`).toBe('UNAUTHORIZED');
      }
    }
  });

  it('reaches every API route of the contract over the IPC call channel', async () => {
    expect(await call('settings.setupOffice', { office: TEST_OFFICE, operatorName: 'Nguyễn Thị Thư' })).toMatchObject({
      ok: true,
    });
    // The control: a name the router does not know is answered UNKNOWN_CALL.
    expect(errorCode(await call('registry.noSuchCall', {}))).toBe('UNKNOWN_CALL');
    const names = Object.keys(contract);
    expect(names.length).toBeGreaterThan(50);
    for (const name of names) {
      const answer = await call(name, {});
      expect.soft(typeof answer.ok, name).toBe('boolean');
      // Refused for its empty payload is fine; not found is not.
      expect.soft(errorCode(answer), name).not.toBe('UNKNOWN_CALL');
    }
  });

  it('refuses invalid names and payloads on every channel', async () => {
    for (const name of [42, '', 'x'.repeat(101), null, { name: 'system.ping' }]) {
      expect.soft(errorCode(await call(name, {})), JSON.stringify(name)).toBe('VALIDATION');
    }
    expect(errorCode(await call('registry.create', { unit: 5 }))).toBe('VALIDATION');
    expect(errorCode(await call('registry.get', { id: '../../etc/passwd' }))).toBe('VALIDATION');
    const refused: [string, unknown][] = [
      [IPC.openFile, [{ name: 1, extensions: ['xlsx'] }]],
      [IPC.openFile, [{ name: 'x', extensions: ['../exe'] }]],
      [IPC.saveDownload, { downloadId: '../../x', fileName: 'a.csv', size: 1 }],
      [IPC.printDownload, null],
      [IPC.saveDownloadsToFolder, []],
      [IPC.chooseFolder, { purpose: '../etc', title: 'x' }],
      [IPC.chooseFolder, { purpose: 'backup', title: 'x'.repeat(201) }],
    ];
    for (const [channel, argument] of refused) {
      expect.soft(errorCode(await invoke(channel, fromApp(), argument)), channel).toBe('VALIDATION');
    }
    // A valid request reaches its dialog (the stand-in's person cancels it).
    expect(await invoke(IPC.openFile, fromApp(), [{ name: 'Excel', extensions: ['xlsx'] }])).toEqual({
      ok: true,
      value: null,
    });
    expect(await invoke(IPC.chooseFolder, fromApp(), { purpose: 'transfer', title: 'Gửi dữ liệu' })).toEqual({
      ok: true,
      value: null,
    });
  });

  it('quits when its window closes, once the automatic backup on quitting has run', async () => {
    expect(record.app.calls).not.toContain('quit');
    main.emit('closed');
    expect(record.app.calls.filter((call) => call === 'quit')).toHaveLength(1);
    // The first quit is held while the backup of what changed runs; then it quits for good.
    let held = 0;
    record.app.emit('before-quit', { preventDefault: () => (held += 1) });
    expect(held).toBe(1);
    await until(() => record.app.calls.filter((call) => call === 'quit').length === 2, 'the second quit');
    let heldAgain = 0;
    record.app.emit('before-quit', { preventDefault: () => (heldAgain += 1) });
    expect(heldAgain).toBe(0);
  });
});

describe('the built preload', () => {
  it('exposes only the six bridge functions, each bound to its own IPC channel', async () => {
    const exposed = new Map<string, unknown>();
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
      ipcRenderer: {
        invoke: (...args: unknown[]) => {
          invoked.push(args);
          return Promise.resolve({ ok: true, value: null });
        },
      },
    };
    const restore = loadBundle({ bundle: builtBundle(ROOT, DIST, 'preload.cjs'), root: ROOT, electron });
    try {
      expect([...exposed.keys()]).toEqual(['api']);
      const api = exposed.get('api') as Record<string, (...args: unknown[]) => Promise<unknown>>;
      expect(Object.keys(api).sort()).toEqual(
        ['call', 'chooseFolder', 'openFile', 'printDownload', 'saveDownload', 'saveDownloadsToFolder'].sort(),
      );
      // Functions only: no ipcRenderer, no Node object reaches the page.
      for (const value of Object.values(api)) expect(typeof value).toBe('function');
      await api.call!('system.ping', {});
      await api.openFile!([]);
      await api.saveDownload!({ downloadId: 'd' });
      await api.printDownload!({ downloadId: 'p' });
      await api.saveDownloadsToFolder!([{ downloadId: 's' }]);
      await api.chooseFolder!({ purpose: 'backup', title: 'Sao lưu' });
      expect(invoked).toEqual([
        [IPC.call, 'system.ping', {}],
        [IPC.openFile, []],
        [IPC.saveDownload, { downloadId: 'd' }],
        [IPC.printDownload, { downloadId: 'p' }],
        [IPC.saveDownloadsToFolder, [{ downloadId: 's' }]],
        [IPC.chooseFolder, { purpose: 'backup', title: 'Sao lưu' }],
      ]);
    } finally {
      restore();
    }
  });
});
