import type { Migration } from './types';
import { migration0001 } from './0001_settings';
import { migration0002 } from './0002_units';
import { migration0010 } from './0010_officials';
import { migration0011 } from './0011_checklists';
import { migration0012 } from './0012_plans';
import { migration0013 } from './0013_inspections';
import { migration0014 } from './0014_audit';
import { migration0015 } from './0015_progress';
import { migration0020 } from './0020_minutes_numbers';
import { migration0021 } from './0021_inspection_search_index';
import { migration0022 } from './0022_plan_team_parent_body';
import { migration0023 } from './0023_school_type';
import { migration0024 } from './0024_progress_by_level';
import { migration0030 } from './0030_reports';
import { migration0031 } from './0031_result_findings_index';
import { migration0040 } from './0040_transfer';
import { migration0041 } from './0041_progress_district';
import { migration0042 } from './0042_report_digest';

/**
 * Every migration, in order. A feature appends its own file and one line here; versions only
 * grow (gaps are allowed, reordering is not). See SYNC-RULES.md before adding a table.
 */
export const migrations: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
  migration0020,
  migration0021,
  migration0022,
  migration0023,
  migration0024,
  migration0030,
  migration0031,
  migration0040,
  migration0041,
  migration0042,
];

export const LATEST_SCHEMA_VERSION = migrations.at(-1)?.version ?? 0;
