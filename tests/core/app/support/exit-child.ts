// Run by data-lock.test.ts in its own process: opens a data folder and exits without closing it.
import { createCore } from '../../../../electron/core/app/create-core';

const [dataDir] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: exit-child <dataDir>');
createCore({ dataDir, mode: 'test', appVersion: 'exit-test', validateOutput: false });
process.stdout.write('opened\n');
process.exit(0);
