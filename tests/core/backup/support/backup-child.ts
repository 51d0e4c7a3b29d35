// Run by crash-backup.test.ts in its own process: backs up a data folder to a "stick" folder,
// with the kill plan armed for the backup.
import { createCore } from '../../../../electron/core/app/create-core';
import { armKill, installKillHooks } from '../../../support/kill-at';

await installKillHooks();
const [dataDir, stick, password] = process.argv.slice(2);
if (!dataDir || !stick) throw new Error('usage: backup-child <dataDir> <stick> [password]');
const core = createCore({ dataDir, mode: 'test', appVersion: 'crash-test', validateOutput: false });
armKill();
const started = await core.router.call('backup.start', { folder: stick, password: password ?? null });
if (!started.ok) throw new Error(started.error.message);
const done = await core.services.backup.settle((started.value as { jobId: string }).jobId);
if (done.state !== 'done') throw new Error(done.error);
process.stdout.write(`backed up ${done.result?.fileName ?? ''}\n`);
core.close();
