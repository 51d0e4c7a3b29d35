// Run by crash-restore.test.ts in its own process: restores a backup into a data folder, with
// the kill plan armed only for the restore itself (not the check of the file before it).
import { createCore } from '../../../../electron/core/app/create-core';
import { armKill, installKillHooks } from '../../../support/kill-at';

await installKillHooks();
const [dataDir, backupFile] = process.argv.slice(2);
if (!dataDir || !backupFile) throw new Error('usage: restore-child <dataDir> <backup>');
const core = createCore({ dataDir, mode: 'test', appVersion: 'crash-test', validateOutput: false });
const inspected = await core.router.call('backup.inspect', { source: { path: backupFile }, password: null });
if (!inspected.ok) throw new Error(inspected.error.message);
const { stagingId } = inspected.value as { stagingId: string };
armKill();
const restored = await core.router.call('backup.restore', { stagingId });
if (!restored.ok) throw new Error(restored.error.message);
process.stdout.write('restored\n');
core.close();
