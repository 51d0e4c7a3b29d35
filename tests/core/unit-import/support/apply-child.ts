// Run by crash-apply.test.ts in its own process (through tests/support/crash): imports a CSV
// into a data folder. The 'apply' mark starts the count, so the plan's points are the apply's.
import { createCore } from '../../../../electron/core/app/create-core';
import { crashMark } from '../../../support/crash/crash-hooks';

async function call<T>(core: ReturnType<typeof createCore>, name: string, payload: unknown): Promise<T> {
  const result = await core.router.call(name, payload);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value as T;
}

const [dataDir, csvPath] = process.argv.slice(2);
if (!dataDir || !csvPath) throw new Error('usage: apply-child <dataDir> <csv>');
const core = createCore({ dataDir, mode: 'test', appVersion: 'crash-test', validateOutput: false });
const { fileId } = core.files.registerPath(csvPath);
const inspected = await call<{ sessionId: string }>(core, 'unitImport.inspect', { fileId });
const analyzed = await call<{ header: unknown; columns: { field: string }[] }>(core, 'unitImport.analyze', {
  sessionId: inspected.sessionId,
  sheet: 0,
});
const request = {
  sessionId: inspected.sessionId,
  sheet: 0,
  header: analyzed.header,
  mapping: analyzed.columns.map((column) => column.field),
};
crashMark('apply');
const result = await call<{ created: number }>(core, 'unitImport.apply', request);
process.stdout.write(`created ${result.created}\n`);
core.close();
