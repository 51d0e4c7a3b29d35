import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore, type Core, type CoreOptions } from '../../electron/core/app/create-core';
import type { Clock } from '../../electron/core/kernel/clock';
import type { ApiInput, ApiName, ApiOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/envelope';

/** An API answer with ok: false, thrown by `call` so a test can `await expect(...).rejects`. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(`${error.code}: ${error.message}`);
  }
}

export interface TestCore {
  core: Core;
  dir: string;
  /** Calls the API through the router, exactly as IPC and browser mode do. */
  call<K extends ApiName>(name: K, input: ApiInput<K>): Promise<ApiOutput<K>>;
  /** Calls with a payload that is expected to fail; returns the error envelope. */
  fail(name: string, payload: unknown): Promise<ApiError>;
  /** Closes and reopens the same data folder (a restart of the app). */
  reopen(): Promise<TestCore>;
  close(): void;
}

export function tempDir(prefix = 'klkchc-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A real core on a real SQLite file in a fresh temp folder. */
export function createTestCore(
  options: { dir?: string; clock?: Clock; integrityCheck?: CoreOptions['integrityCheck'] } = {},
): TestCore {
  const dir = options.dir ?? tempDir();
  const core = createCore({
    dataDir: dir,
    mode: 'test',
    appVersion: '0.0.0-test',
    validateOutput: true,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.integrityCheck ? { integrityCheck: options.integrityCheck } : {}),
  });
  const harness: TestCore = {
    core,
    dir,
    async call(name, input) {
      const result = await core.router.call(name, input);
      if (!result.ok) throw new ApiFailure(result.error);
      return result.value as ApiOutput<typeof name>;
    },
    async fail(name, payload) {
      const result = await core.router.call(name, payload);
      if (result.ok)
        throw new Error(`${name} was expected to fail but answered ${JSON.stringify(result.value).slice(0, 200)}`);
      return result.error;
    },
    reopen() {
      core.close();
      return Promise.resolve(createTestCore({ ...options, dir }));
    },
    close() {
      core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}

export const TEST_OFFICE = {
  name: 'Phòng Giáo dục và Đào tạo huyện Lộc Bình',
  parentBody: 'UBND huyện Lộc Bình',
  placeName: 'Lộc Bình',
};

/** A core whose office is already set up (what every feature test starts from). */
export async function createReadyCore(options: { clock?: Clock } = {}): Promise<TestCore> {
  const harness = createTestCore(options);
  await harness.call('settings.setupOffice', { office: TEST_OFFICE, operatorName: 'Nguyễn Thị Thư' });
  return harness;
}
