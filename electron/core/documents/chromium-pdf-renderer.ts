import type { Browser, BrowserContext, BrowserType, Page } from 'playwright-core';
import { AppError } from '../kernel/errors';
import { findChromium } from './chromium-path';
import type { PdfRenderer } from './pdf-renderer';

/**
 * PDF through the PC's own Chromium (or Chrome, or Edge) driven by playwright-core: browser mode,
 * the tests and the benchmarks. One browser per renderer, started on first use and kept alive;
 * its pages are reused, so a batch of 81 minutes pays the start-up once. The pages run no
 * script and have no network: the documents are self-contained.
 */

const LAUNCH_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-extensions',
];

interface Session {
  browser: Browser;
  context: BrowserContext;
}

export interface ChromiumPdfRendererOptions {
  executablePath?: string;
  /** Pages rendering at once; two suits the office PCs (and our 2-core machines). */
  parallelism?: number;
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.slice(0, 300) ?? '';
}

export function createChromiumPdfRenderer(options: ChromiumPdfRendererOptions = {}): PdfRenderer {
  const parallelism = Math.max(1, options.parallelism ?? 2);
  let session: Promise<Session> | null = null;
  const idle: Page[] = [];
  const waiting: ((page: Page | null) => void)[] = [];
  let open = 0;

  async function launch(): Promise<Session> {
    const executablePath = options.executablePath ?? findChromium();
    if (!executablePath) throw new AppError('documents.NO_BROWSER', { messageKey: 'documents.errors.noBrowser' });
    // Loaded on first use only: the packaged Electron app prints with its own engine and
    // does not ship playwright-core.
    let chromium: BrowserType;
    try {
      // The bundled browser mode is CommonJS: `require` there honours NODE_PATH (builds outside
      // the project folder); tests run this file as ESM, where only import() exists.
      ({ chromium } =
        typeof require === 'function'
          ? // eslint-disable-next-line @typescript-eslint/no-require-imports
            (require('playwright-core') as { chromium: BrowserType })
          : await import('playwright-core'));
    } catch (error) {
      throw new AppError('documents.NO_BROWSER', { messageKey: 'documents.errors.noBrowser', cause: error });
    }
    try {
      const browser = await chromium.launch({
        executablePath,
        headless: true,
        // The sandbox needs user namespaces that Linux containers and root sessions lack; the
        // pages here run no script and reach no network.
        args: process.platform === 'linux' ? ['--no-sandbox', ...LAUNCH_ARGS] : LAUNCH_ARGS,
      });
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true, acceptDownloads: false });
      // Nothing a document asks for may leave the machine (it asks for nothing: fonts are inlined).
      await context.route(/^(?!data:)/, (route) => route.abort());
      browser.on('disconnected', () => {
        session = null;
        idle.length = 0;
        open = 0;
      });
      return { browser, context };
    } catch (error) {
      throw new AppError('documents.BROWSER_FAILED', {
        messageKey: 'documents.errors.browserFailed',
        params: { path: executablePath, reason: reasonOf(error) },
        cause: error,
      });
    }
  }

  function current(): Promise<Session> {
    if (!session) {
      session = launch();
      session.catch(() => {
        session = null;
      });
    }
    return session;
  }

  async function acquire(): Promise<Page> {
    const { context } = await current();
    const ready = idle.pop();
    if (ready && !ready.isClosed()) return ready;
    if (open < parallelism) {
      open += 1;
      try {
        return await context.newPage();
      } catch (error) {
        open -= 1;
        throw error;
      }
    }
    const handed = await new Promise<Page | null>((resolve) => waiting.push(resolve));
    return handed ?? acquire();
  }

  function release(page: Page, broken: boolean): void {
    if (broken || page.isClosed()) {
      open = Math.max(0, open - 1);
      void page.close().catch(() => undefined);
      waiting.shift()?.(null);
      return;
    }
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  }

  return {
    parallelism,
    async render(html) {
      const page = await acquire();
      let broken = false;
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // Web fonts load asynchronously; a PDF taken earlier would embed a fallback font.
        await page.evaluate('document.fonts.ready.then(() => true)');
        return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
      } catch (error) {
        broken = true;
        if (error instanceof AppError) throw error;
        throw new AppError('documents.RENDER_FAILED', {
          messageKey: 'documents.errors.renderFailed',
          params: { reason: reasonOf(error) },
          cause: error,
        });
      } finally {
        release(page, broken);
      }
    },
    async rasterize(html, size) {
      const page = await acquire();
      let broken = false;
      try {
        await page.setViewportSize({ width: Math.ceil(size.width), height: Math.ceil(size.height) });
        await page.setContent(html, { waitUntil: 'load' });
        await page.evaluate('document.fonts.ready.then(() => true)');
        const png = await page.screenshot({
          type: 'png',
          clip: { x: 0, y: 0, width: size.width, height: size.height },
        });
        return new Uint8Array(png);
      } catch (error) {
        broken = true;
        if (error instanceof AppError) throw error;
        throw new AppError('documents.RENDER_FAILED', {
          messageKey: 'documents.errors.renderFailed',
          params: { reason: reasonOf(error) },
          cause: error,
        });
      } finally {
        release(page, broken);
      }
    },
    async close() {
      const closing = session;
      session = null;
      idle.length = 0;
      open = 0;
      for (const resolve of waiting.splice(0)) resolve(null);
      if (!closing) return;
      try {
        const { browser } = await closing;
        await browser.close();
      } catch {
        // It never started, or has already gone.
      }
    },
  };
}
