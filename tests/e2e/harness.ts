import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/envelope';
import { findChromium } from '../../electron/core/documents/chromium-path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST = path.resolve(process.env.KLKCHC_DIST_DIR ?? path.join(ROOT, 'dist'));
export const BROWSER_BUNDLE = path.join(DIST, 'node', 'browser.cjs');

export interface RunningApp {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  /** Calls the API over HTTP with the token, as the renderer does. */
  call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>>;
  stop(): Promise<void>;
}

/** The environment browser mode runs in: a build in KLKCHC_DIST_DIR outside the project still loads the project's native modules. */
export function bundleEnv(): NodeJS.ProcessEnv {
  return { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') };
}

/**
 * Runs browser mode with `args` until it exits by itself (a start-up that is refused); fails
 * after `timeoutMs` if it starts serving instead.
 */
export async function runAppToExit(
  args: string[],
  timeoutMs = 20_000,
): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, [BROWSER_BUNDLE, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: bundleEnv(),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser mode did not exit:\n${output}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Starts browser mode as `npm start` does (the built bundle), on a free port and a temp data folder. */
export async function startApp(options: { dataDir?: string } = {}): Promise<RunningApp> {
  if (!fs.existsSync(BROWSER_BUNDLE)) throw new Error('dist/ is missing: run "npm run build" before the e2e tests.');
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-e2e-'));
  const child = spawn(process.execPath, [BROWSER_BUNDLE, '--data-dir', dataDir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: bundleEnv(),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start:\n${output}`)), 20_000);
    const check = () => {
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  const app: RunningApp = {
    url,
    origin: parsed.origin,
    token,
    dataDir,
    process: child,
    output: () => output,
    async call(name, input) {
      const response = await fetch(`${parsed.origin}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-klkchc-token': token },
        body: JSON.stringify(input),
      });
      const result = (await response.json()) as ApiResult<unknown>;
      if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
      return result.value as ApiOutput<typeof name>;
    },
    async stop() {
      if (child.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    },
  };
  return app;
}

/** The browser the app itself would print with (CHROMIUM_PATH first, then the usual places). */
export function chromiumPath(): string {
  const found = findChromium();
  if (!found) {
    throw new Error('Chromium not found. Install it with "apt-get install -y chromium" or set CHROMIUM_PATH.');
  }
  return found;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Console errors and page exceptions seen so far (a clean run has none). */
  problems: string[];
  close(): Promise<void>;
}

/** Debian Chromium through playwright-core, with every background network feature off. */
export async function launchBrowser(options: { width?: number; height?: number } = {}): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: options.width ?? 1366, height: options.height ?? 800 },
    locale: 'vi-VN',
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const E2E_OFFICE = {
  name: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình',
  parentBody: 'UBND huyện Lộc Bình',
  placeName: 'Lộc Bình',
};

/** Skips the first-run screen through the API (tests of other features start here). */
export async function setUpOffice(app: RunningApp): Promise<void> {
  await app.call('settings.setupOffice', { office: E2E_OFFICE, operatorName: 'Nguyễn Thị Thư' });
}

/**
 * Web-first checks for vitest (playwright-core has no `expect` of its own): each waits until
 * the page shows what a person would see, or fails after `timeout`.
 */
export const see = {
  async visible(locator: Locator, timeout = 10_000): Promise<void> {
    await locator.first().waitFor({ state: 'visible', timeout });
  },
  async hidden(locator: Locator, timeout = 10_000): Promise<void> {
    await locator.first().waitFor({ state: 'hidden', timeout });
  },
  async count(locator: Locator, expected: number, timeout = 10_000): Promise<void> {
    await expect.poll(() => locator.count(), { timeout }).toBe(expected);
  },
  async value(locator: Locator, expected: string, timeout = 10_000): Promise<void> {
    await expect.poll(() => locator.inputValue(), { timeout }).toBe(expected);
  },
  async text(locator: Locator, expected: string | RegExp, timeout = 10_000): Promise<void> {
    await expect
      .poll(() => locator.first().innerText(), { timeout })
      .toMatch(typeof expected === 'string' ? new RegExp(expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : expected);
  },
  async focused(locator: Locator, timeout = 10_000): Promise<void> {
    await expect.poll(() => locator.evaluate((element) => element === document.activeElement), { timeout }).toBe(true);
  },
};
