import type { Migration } from './types';
import { migration0001 } from './0001_settings';
import { migration0002 } from './0002_units';

/**
 * Every migration, in order. A feature appends its own file and one line here; versions only
 * grow (gaps are allowed, reordering is not). See SYNC-RULES.md before adding a table.
 */
export const migrations: readonly Migration[] = [migration0001, migration0002];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
