/**
 * Every table of the database, once: what it holds, who writes it, how it travels between
 * offices. Backups count from it, a transfer package walks it, and tests check it against the
 * live schema (tests/core/db/tables.test.ts), so a new table cannot be forgotten.
 *
 * - `office`: office data with the sync columns (SYNC-RULES.md); travels in transfer packages
 *   and merges record by record.
 * - `owned`: rows that are only a part of one parent record, keyed by the parent and a natural
 *   key; no sync columns; they travel and merge with their parent, as one.
 * - `local`: this installation's own state (settings) or caches rebuilt from other tables; never
 *   travels.
 */

export type TableKind = 'office' | 'owned' | 'local';

export interface TableInfo {
  kind: TableKind;
  /** The feature folder (electron/core/features/<owner>) whose repository alone writes it. */
  owner: string;
  description: string;
  /**
   * The record this row belongs to: for `owned` rows, the parent whose revision covers them; for
   * office rows, the record they are a part of (a team member of a plan), which decides what
   * travels together.
   */
  parent?: { table: string; column: string };
  /** With the parent column: the primary key of owned rows. */
  key?: readonly string[];
  /** Unique among live rows (partial unique indexes of the schema), each a list of columns. */
  unique?: readonly (readonly string[])[];
  /** How two offices' separately made records of the same thing are recognised (twins to link). */
  natural?: readonly (readonly string[])[];
  /** Columns computed from the record's content (kept by its column map), with what they hold. */
  derived?: Readonly<Record<string, string>>;
  /** Local caches: the tables they are computed from. */
  computedFrom?: readonly string[];
  /**
   * Parts of a document whose revision covers them (every change to a part gives the document a
   * new revision): they travel with it and a merge decides them with it, never one by one.
   */
  partOf?: string;
}

export const TABLES = {
  settings: {
    kind: 'local',
    owner: 'settings',
    description: 'office identity, language, operator, document settings of this installation',
  },
  units: {
    kind: 'office',
    owner: 'registry',
    description: 'the unit registry (danh mục đơn vị)',
    unique: [['code_key']],
    natural: [['code_key'], ['name_key', 'kind']],
    derived: {
      code_key: 'code without case, diacritics or spaces',
      name_key: 'name folded (no diacritics, lower case)',
      sort_key: 'name in Vietnamese collation order',
      search_key: 'word starts of name, code and head, folded',
    },
  },
  officials: {
    kind: 'office',
    owner: 'officials',
    description: 'officials (cán bộ) that inspection teams are made of',
    derived: {
      name_key: 'word starts of name, position and organisation, folded',
      sort_key: 'given name first, in Vietnamese collation order',
    },
  },
  checklists: {
    kind: 'office',
    owner: 'checklists',
    description: 'checklists (bộ tiêu chí)',
  },
  checklist_versions: {
    kind: 'office',
    owner: 'checklists',
    description: 'versions of a checklist; one used by a finalised inspection never changes',
    parent: { table: 'checklists', column: 'checklist_id' },
  },
  checklist_groups: {
    kind: 'office',
    owner: 'checklists',
    description: 'groups of criteria of a version',
    parent: { table: 'checklist_versions', column: 'version_id' },
  },
  checklist_criteria: {
    kind: 'office',
    owner: 'checklists',
    description: 'criteria of a version; lineage_id follows a criterion across versions',
    parent: { table: 'checklist_versions', column: 'version_id' },
  },
  plans: {
    kind: 'office',
    owner: 'plans',
    description: 'inspection plans (kế hoạch kiểm tra)',
    derived: { title_key: 'word starts of the title, folded' },
  },
  plan_units: {
    kind: 'office',
    owner: 'plans',
    description: "a plan's scope: one live row per unit it covers",
    parent: { table: 'plans', column: 'plan_id' },
    natural: [['plan_id', 'unit_id']],
  },
  plan_members: {
    kind: 'office',
    owner: 'plans',
    description: "a plan's team (đoàn kiểm tra), in order",
    parent: { table: 'plans', column: 'plan_id' },
    natural: [['plan_id', 'official_id']],
  },
  inspections: {
    kind: 'office',
    owner: 'inspections',
    description: 'inspections of a unit under a plan (cuộc kiểm tra) and their findings',
  },
  inspection_team: {
    kind: 'office',
    owner: 'inspections',
    description: 'the team present at an inspection',
    parent: { table: 'inspections', column: 'inspection_id' },
    partOf: 'inspections',
  },
  inspection_representatives: {
    kind: 'office',
    owner: 'inspections',
    description: "the unit's representatives present",
    parent: { table: 'inspections', column: 'inspection_id' },
    partOf: 'inspections',
  },
  inspection_requests: {
    kind: 'office',
    owner: 'inspections',
    description: 'requests to the unit (kiến nghị) with deadlines and remedy dates',
    parent: { table: 'inspections', column: 'inspection_id' },
    partOf: 'inspections',
  },
  inspection_amendments: {
    kind: 'office',
    owner: 'inspections',
    description: 'changes made after finalising, with their reason',
    parent: { table: 'inspections', column: 'inspection_id' },
    partOf: 'inspections',
  },
  inspection_results: {
    kind: 'owned',
    owner: 'inspections',
    description: 'a result per criterion (Đạt / Chưa đạt / Không áp dụng) and its note',
    parent: { table: 'inspections', column: 'inspection_id' },
    partOf: 'inspections',
    key: ['criterion_id'],
  },
  audit_log: {
    kind: 'office',
    owner: 'audit',
    description: 'the audit trail: who changed what, when',
  },
  minutes_numbers: {
    kind: 'office',
    owner: 'minutes',
    description: 'numbers given to minutes per plan and year; never given twice',
    parent: { table: 'inspections', column: 'inspection_id' },
    unique: [['plan_id', 'year', 'number'], ['inspection_id']],
  },
  reports: {
    kind: 'office',
    owner: 'reports',
    description: 'results reports (báo cáo kết quả kiểm tra): fields, the text as one JSON document, the appendix',
  },
  report_amendments: {
    kind: 'office',
    owner: 'reports',
    description: 'changes made to a report after finalising, with their reason',
    parent: { table: 'reports', column: 'report_id' },
  },
  unit_links: {
    kind: 'office',
    owner: 'transfer',
    description: 'a unit registered separately in two offices, linked to the one kept',
    unique: [['twin_id']],
  },
  published_revs: {
    kind: 'local',
    owner: 'transfer',
    description: 'revisions known outside this office (sent or received); only these stay in histories',
  },
  peer_known: {
    kind: 'local',
    owner: 'transfer',
    description: 'per other office, the revision of each record it is known to have',
  },
  exchanges: {
    kind: 'local',
    owner: 'transfer',
    description: 'packages sent and received',
  },
  known_offices: {
    kind: 'local',
    owner: 'transfer',
    description: 'offices met in packages, by id, with their names',
  },
  merge_conflicts: {
    kind: 'local',
    owner: 'transfer',
    description: 'versions that lost a merge or collided, kept until a person decides',
  },
  progress_unit: {
    kind: 'local',
    owner: 'progress',
    description: 'per plan and unit: scope rows and finalised inspections (dashboard summary)',
    computedFrom: ['plan_units', 'inspections', 'units'],
  },
  progress_kind: {
    kind: 'local',
    owner: 'progress',
    description: 'per plan and unit kind: units in scope and inspected',
    computedFrom: ['progress_unit'],
  },
  progress_level: {
    kind: 'local',
    owner: 'progress',
    description: 'per plan and school level: schools in scope and inspected (a PTDTBT THCS is a THCS)',
    computedFrom: ['progress_unit', 'units'],
  },
  progress_district: {
    kind: 'local',
    owner: 'progress',
    description: 'per unit: live plans holding it in scope, and of those the plans it was inspected under',
    computedFrom: ['progress_unit', 'plans'],
  },
  progress_status: {
    kind: 'local',
    owner: 'progress',
    description: 'per plan, inspection kind and status: live inspections',
    computedFrom: ['inspections'],
  },
  progress_requests: {
    kind: 'local',
    owner: 'progress',
    description: 'per plan and deadline: open requests of finalised inspections',
    computedFrom: ['inspections', 'inspection_requests'],
  },
  report_keys: {
    kind: 'local',
    owner: 'reports',
    description: 'a small number for each plan, unit, checklist version and criterion id a report digest names',
    computedFrom: ['plans', 'units', 'checklist_versions', 'checklist_criteria'],
  },
  report_digest: {
    kind: 'local',
    owner: 'reports',
    description:
      'per locked regular inspection: what a results report reads of it (numbers for ids, findings, requests)',
    computedFrom: ['inspections', 'inspection_results', 'inspection_requests', 'report_keys'],
  },
  report_stale: {
    kind: 'local',
    owner: 'reports',
    description: 'inspections whose report digest is to be refreshed (marked by triggers)',
    computedFrom: ['inspections', 'inspection_results', 'inspection_requests'],
  },
} as const satisfies Record<string, TableInfo>;

export type TableName = keyof typeof TABLES;

export function tableInfo(name: string): TableInfo | undefined {
  return Object.prototype.hasOwnProperty.call(TABLES, name) ? (TABLES as Record<string, TableInfo>)[name] : undefined;
}

/** Office tables in an order where every table comes after the tables it refers to. */
export function officeTablesInOrder(references: (table: string) => string[]): string[] {
  const office = Object.entries(TABLES as Record<string, TableInfo>)
    .filter(([, info]) => info.kind !== 'local')
    .map(([name]) => name);
  const done: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (done.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const target of references(table)) if (office.includes(target) && target !== table) visit(target);
    done.push(table);
  };
  office.forEach(visit);
  return done;
}
