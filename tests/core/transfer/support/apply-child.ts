// Run by crash-apply.test.ts in its own process (through tests/support/crash): receives a
// package file into a data folder. The 'apply' mark starts the count, so the plan's points are
// the merge's (the preview's staging database is written before it).
import { createCore } from '../../../../electron/core/app/create-core';
import { crashMark } from '../../../support/crash/crash-hooks';

async function call<T>(core: ReturnType<typeof createCore>, name: string, payload: unknown): Promise<T> {
  const result = await core.router.call(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

const [dataDir, packagePath] = process.argv.slice(2);
if (!dataDir || !packagePath) throw new Error('usage: apply-child <dataDir> <package>');
const core = createCore({ dataDir, mode: 'test', appVersion: 'crash-test', validateOutput: false });
const opened = await call<{ state: string; preview: { sessionId: string } }>(core, 'transfer.open', {
  source: { path: packagePath },
});
crashMark('apply');
const result = await call<{ totals: { add: number } }>(core, 'transfer.apply', {
  sessionId: opened.preview.sessionId,
});
process.stdout.write(`added ${result.totals.add}\n`);
core.close();
