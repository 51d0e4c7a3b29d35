import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A real, tiny disk (tmpfs) to fill up, where the machine allows mounting (root on Linux, as
 * in CI). Returns null elsewhere; callers then inject ENOSPC instead. Mounted under `parent`:
 * under /media it stands for a USB stick the desktop mounted.
 */
export function mountSmallDisk(sizeKb: number, parent = os.tmpdir()): { dir: string; unmount(): void } | null {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return null;
  let dir: string;
  try {
    fs.mkdirSync(parent, { recursive: true });
    dir = fs.mkdtempSync(path.join(parent, 'klkchc-small-disk-'));
  } catch {
    return null;
  }
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  return {
    dir,
    unmount() {
      execFileSync('umount', [dir], { stdio: 'ignore' });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
