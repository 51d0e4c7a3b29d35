import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAppToExit, setUpOffice, startApp, type RunningApp } from './harness';

const running: RunningApp[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'klkchc-e2e-lock-'));
  dirs.push(dir);
  return dir;
}

describe('two processes on one data folder', () => {
  it('the second browser-mode process is refused, naming the first, and the first keeps working', async () => {
    const dataDir = dataFolder();
    const first = await startApp({ dataDir });
    running.push(first);
    await setUpOffice(first);

    const second = await runAppToExit(['--data-dir', dataDir, '--port', '0']);
    expect(second.code).toBe(2);
    const pid = first.process.pid ?? 0;
    expect(second.output).toContain(
      `Thư mục dữ liệu ${dataDir} đang được một phiên khác của ứng dụng dùng ở chế độ trình duyệt (tiến trình ${pid} trên máy ${os.hostname()}, từ `,
    );
    expect(second.output).toContain(`in browser mode (process ${pid} on computer ${os.hostname()}, since `);
    expect(second.output).toContain(path.join(dataDir, 'klkchc.lock'));
    // One line for the person, no stack.
    expect(second.output.trim().split('\n')).toHaveLength(1);
    expect(second.output).not.toMatch(/\bat \S+ \(|Error:/);

    await first.call('settings.update', { operatorName: 'Lành Thị Hạnh' });
    expect((await first.call('settings.get', {})).operatorName).toBe('Lành Thị Hạnh');
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'klkchc.lock'), 'utf8'))).toMatchObject({
      pid,
      mode: 'browser',
    });
  });

  it('a lock left by a killed process (SIGKILL) is taken over at the next start; a clean stop leaves none', async () => {
    const dataDir = dataFolder();
    const first = await startApp({ dataDir });
    await setUpOffice(first);
    await new Promise<void>((resolve) => {
      first.process.once('exit', () => resolve());
      first.process.kill('SIGKILL');
    });
    expect(fs.existsSync(path.join(dataDir, 'klkchc.lock'))).toBe(true);

    const again = await startApp({ dataDir });
    running.push(again);
    expect((await again.call('settings.get', {})).office?.name).toBeTruthy();
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'klkchc.lock'), 'utf8'))).toMatchObject({
      pid: again.process.pid,
    });
    await again.stop();
    expect(fs.existsSync(path.join(dataDir, 'klkchc.lock'))).toBe(false);
  });
});
