import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

type HandleWrite = (this: fs.promises.FileHandle, ...args: unknown[]) => Promise<{ bytesWritten: number }>;

/** FileHandle's prototype (not exported by Node), found through a handle. */
async function fileHandlePrototype(): Promise<{ write: HandleWrite }> {
  const probe = path.join(os.tmpdir(), `klkchc-probe-${process.pid}`);
  const handle = await fs.promises.open(probe, 'w');
  const proto = Object.getPrototypeOf(handle) as { write: HandleWrite };
  await handle.close();
  fs.rmSync(probe, { force: true });
  return proto;
}

/**
 * Makes the Nth asynchronous write (FileHandle.write) to a file inside `within` fail with `code`
 * (ENOSPC: the stick is full; EIO: it was pulled), and every later one too, as a dead medium
 * does. Returns how many writes were seen; undo with vi.restoreAllMocks().
 */
export async function failWritesFrom(
  within: string,
  nth: number,
  code: 'ENOSPC' | 'EIO',
): Promise<{ seen: () => number }> {
  const proto = await fileHandlePrototype();
  const original = proto.write;
  const root = path.resolve(within) + path.sep;
  const paths = new WeakMap<object, string>();
  const realOpen = fs.promises.open.bind(fs.promises);
  vi.spyOn(fs.promises, 'open').mockImplementation(async (...args: Parameters<typeof fs.promises.open>) => {
    const handle = await realOpen(...args);
    paths.set(handle, path.resolve(String(args[0])));
    return handle;
  });
  let seen = 0;
  vi.spyOn(proto, 'write').mockImplementation(function (this: fs.promises.FileHandle, ...args: unknown[]) {
    const file = paths.get(this) ?? '';
    if (file.startsWith(root)) {
      seen += 1;
      if (seen >= nth) {
        return Promise.reject(Object.assign(new Error(`${code}: injected`), { code }));
      }
    }
    return original.apply(this, args);
  });
  return { seen: () => seen };
}
