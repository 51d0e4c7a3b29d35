import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { createCore } from '../../electron/core/app/create-core';
import { findChromium } from '../../electron/core/documents/chromium-path';
import type { BenchModule } from './bench-module';
import { generateUnits } from './registry-data';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST = path.resolve(process.env.KLKCHC_DIST_DIR ?? path.join(ROOT, 'dist'));

function summary(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? Number.NaN;
  const round = (value: number) => Math.round(value * 10) / 10;
  return { median_ms: round(at(0.5)), p95_ms: round(at(0.95)), max_ms: round(at(1)), runs: values.length };
}

function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
    return Math.round(kb / 1024);
  } catch {
    return Number.NaN;
  }
}

/**
 * The registry in the real renderer, in Chromium against browser mode, at 10,000 units:
 * cold start to an interactive list, keystroke → filtered list painted, scrolling frame times,
 * renderer heap and server memory.
 */
export const registryUiBench: BenchModule = {
  name: 'registry-ui',
  async run({ dir, seed, quick }) {
    const units = quick ? 1_000 : 10_000;
    const core = createCore({ dataDir: dir, mode: 'test', appVersion: 'bench' });
    await core.router.call('settings.setupOffice', {
      office: { name: 'Phòng GD&ĐT (bench)', parentBody: 'UBND huyện', placeName: 'Lộc Bình' },
    });
    generateUnits(core, units, seed);
    core.close();

    const server = spawn(process.execPath, [path.join(DIST, 'node', 'browser.cjs'), '--data-dir', dir, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      // A build in KLKCHC_DIST_DIR outside the project still loads the project's native modules.
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    });
    let output = '';
    server.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 20_000);
      server.stdout.on('data', () => {
        const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[0]);
        }
      });
    });
    const profile = fs.mkdtempSync(path.join(dir, 'profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium() ?? '/usr/bin/chromium',
      headless: true,
      viewport: { width: 1366, height: 800 },
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
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      // tsx compiles with keepNames, which wraps functions in __name(); functions sent to the page
      // need that helper there too.
      await page.addInitScript('globalThis.__name = (target) => target;');
      // Cold start: navigation to the first row of the 10,000 painted.
      const coldStarts: number[] = [];
      for (let run = 0; run < (quick ? 2 : 5); run += 1) {
        await page.goto(`${url}#/registry`, { waitUntil: 'commit' });
        await page.getByRole('grid', { name: 'Danh sách đơn vị' }).getByRole('row').nth(1).waitFor();
        coldStarts.push(
          await page.evaluate(
            () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
          ),
        );
      }

      // Keystroke → list painted: type queries letter by letter as a clerk does.
      const keystrokes: number[] = await page.evaluate(
        async (queries: string[]) => {
          const input = document.querySelector<HTMLInputElement>('input[type="search"]');
          const grid = document.querySelector('[role="grid"]');
          if (!input || !grid) throw new Error('registry not on screen');
          const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
          const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const settled = () =>
            new Promise<void>((resolve) => {
              if (grid.getAttribute('aria-busy') !== 'true') return resolve();
              const observer = new MutationObserver(() => {
                if (grid.getAttribute('aria-busy') !== 'true') {
                  observer.disconnect();
                  resolve();
                }
              });
              observer.observe(grid, { attributes: true, attributeFilter: ['aria-busy'] });
            });
          const times: number[] = [];
          for (const query of queries) {
            for (let length = 1; length <= query.length; length += 1) {
              const started = performance.now();
              setValue?.call(input, query.slice(0, length));
              input.dispatchEvent(new Event('input', { bubbles: true }));
              await settled();
              await painted();
              times.push(performance.now() - started);
            }
            setValue?.call(input, '');
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await settled();
            await painted();
          }
          return times;
        },
        ['hiep ha', 'truong tieu hoc', 'nguyen van', 'u0999', 'loc binh', 'thcs mau son'],
      );

      // Scrolling: time between frames while the list moves, as a mouse wheel does (120 px, three
      // rows, per frame: 7,200 px/s) and as dragging the scroll bar does (the whole list in 300 frames).
      const scroll = (step: number | null, frames: number) =>
        page.evaluate(
          async ({ step, frames }) => {
            const scroller = document.querySelector<HTMLElement>('[role="grid"] [role="rowgroup"]:last-child');
            if (!scroller) throw new Error('no scroller');
            scroller.scrollTop = 0;
            await new Promise((resolve) => setTimeout(resolve, 300));
            const stride = step ?? scroller.scrollHeight / 300;
            const gaps: number[] = [];
            let last = performance.now();
            for (
              let frame = 0;
              frame < frames && scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2;
              frame += 1
            ) {
              scroller.scrollTop += stride;
              await new Promise((resolve) => requestAnimationFrame(resolve));
              const now = performance.now();
              gaps.push(now - last);
              last = now;
            }
            return gaps.slice(1);
          },
          { step, frames },
        );
      const wheel = await scroll(120, 600);
      const drag = await scroll(null, 300);
      const cdp = await context.newCDPSession(page);
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('Performance.enable');
      const metrics = await cdp.send('Performance.getMetrics');
      const heap = metrics.metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? Number.NaN;
      return {
        units,
        cold_start_to_interactive_list: summary(coldStarts),
        keystroke_to_painted: summary(keystrokes),
        scroll_wheel_frame_gap: { ...summary(wheel), frames_over_32ms: wheel.filter((gap) => gap > 32).length },
        scroll_drag_frame_gap: { ...summary(drag), frames_over_32ms: drag.filter((gap) => gap > 32).length },
        renderer_js_heap_mb: Math.round(heap / (1024 * 1024)),
        server_rss_mb: server.pid ? rssMb(server.pid) : Number.NaN,
      };
    } finally {
      await context.close();
      server.kill('SIGTERM');
    }
  },
};
