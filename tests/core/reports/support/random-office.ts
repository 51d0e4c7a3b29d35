import fc from 'fast-check';
import type { Db } from '../../../../electron/core/db/open';
import { unitEntity } from '../../../../electron/core/features/registry/unit-entity';
import { SCHOOL_LEVELS, UNIT_KINDS, type SchoolLevel, type UnitKind } from '../../../../shared/domain/unit';
import { searchKey } from '../../../../shared/text/search';

/**
 * A random office written straight into the tables (no service in between, as a transfer from
 * another office could leave them): units, plans with scope (some rows tombstoned), inspections
 * in every status and kind, dated in and out of a period, results, requests, findings typed in
 * several spellings, and a second version of the school checklist (criteria matched by lineage).
 * Locked inspections have a result for every criterion of their version, as the finalise rule
 * makes them.
 */

export const SCHOOL_CHECKLIST = '1d383ac4-c98a-5302-8db6-3288dae85cdc';
export const AGENCY_CHECKLIST = 'fe727f21-7420-5403-ba64-2cc97e6f8c81';

/** Findings typed in several spellings: each variant counts as its canonical line. */
export const FINDINGS = [
  ['Hồ sơ chưa khoa học', '- hồ sơ chưa khoa học.', 'HỒ SƠ CHƯA KHOA HỌC;', '1. Hồ sơ  chưa khoa học'],
  ['Niêm yết chưa kịp thời', 'niêm yết chưa kịp thời', '• Niêm yết chưa kịp thời.'],
  // With the control characters the report's reads use as separators (as a received package may hold).
  ['Đi muộn về sớm', 'a) đi muộn về sớm', 'Đi muộn\u001e về\u001f sớm'],
] as const;

const STATUSES = ['planned', 'draft', 'finalised', 'remedied'] as const;
const RESULTS = ['pass', 'fail', 'na'] as const;

export interface RandomInspection {
  kind: 'regular' | 'reinspection';
  status: (typeof STATUSES)[number];
  /** Where in the period (0–100), or null (no date). */
  day: number | null;
  deleted: boolean;
  /** Version: 0 = the checklist's first, 1 = the school checklist's second. */
  version: 0 | 1;
  results: (typeof RESULTS)[number][];
  limitations: [number, number][];
  causes: [number, number][];
  /** Deadline and remedy in days from today, shifted by 5 (0 = five days before today). */
  requests: { text: [number, number]; due: number | null; remedied: number | null; deleted: boolean }[];
  minutes: number;
}

export interface RandomPlan {
  school: boolean;
  target: number;
  year: number;
  /** Units in scope by index; a second, tombstoned row for some. */
  scope: { unit: number; extraDeletedRow: boolean; deleted: boolean }[];
  inspections: { unit: number; inspection: RandomInspection }[];
}

export interface RandomOffice {
  units: { kind: UnitKind; level: SchoolLevel }[];
  plans: RandomPlan[];
  /** Day offsets from 2019-01-01. */
  from: number;
  length: number;
  today: number;
}

const pair = fc.tuple(fc.nat({ max: FINDINGS.length - 1 }), fc.nat({ max: 3 }));

const inspection: fc.Arbitrary<RandomInspection> = fc.record({
  kind: fc.constantFrom('regular', 'regular', 'regular', 'reinspection'),
  status: fc.constantFrom(...STATUSES, 'finalised', 'remedied'),
  // Where in the period (0–100, a little before and after it): ends are drawn often.
  day: fc.option(fc.oneof(fc.nat({ max: 100 }), fc.constantFrom(0, 3, 97, 100)), { freq: 8 }),
  deleted: fc.nat({ max: 9 }).map((value) => value < 2),
  version: fc.constantFrom(0, 0, 1),
  results: fc.array(fc.constantFrom(...RESULTS, 'pass', 'pass'), { minLength: 40, maxLength: 40 }),
  limitations: fc.array(pair, { maxLength: 3 }),
  causes: fc.array(pair, { maxLength: 2 }),
  requests: fc.array(
    fc.record({
      text: pair,
      // Days from `today` (−5 … +5), so a deadline falls on today itself often.
      due: fc.option(fc.nat({ max: 10 }), { freq: 5 }),
      remedied: fc.option(fc.nat({ max: 10 }), { freq: 2 }),
      deleted: fc.nat({ max: 9 }).map((value) => value < 2),
    }),
    { maxLength: 3 },
  ),
  minutes: fc.nat({ max: 99 }),
});

export const randomOffice: fc.Arbitrary<RandomOffice> = fc
  .record({
    units: fc.array(fc.record({ kind: fc.constantFrom(...UNIT_KINDS), level: fc.constantFrom(...SCHOOL_LEVELS) }), {
      minLength: 1,
      maxLength: 14,
      size: 'medium',
    }),
    planCount: fc.integer({ min: 1, max: 3 }),
    from: fc.nat({ max: 400 }),
    length: fc.nat({ max: 400 }),
    today: fc.nat({ max: 900 }),
    seeds: fc.array(
      fc.record({
        school: fc.boolean(),
        target: fc.integer({ min: 1, max: 100 }),
        year: fc.integer({ min: 2018, max: 2021 }),
        // Per unit: in scope (mostly), with a second tombstoned row, or tombstoned.
        scope: fc.array(fc.nat({ max: 9 }), { minLength: 14, maxLength: 14 }),
        inspections: fc.array(fc.record({ unit: fc.nat({ max: 13 }), inspection }), { minLength: 4, maxLength: 24 }),
      }),
      { minLength: 3, maxLength: 3 },
    ),
  })
  .map(({ units, planCount, from, length, today, seeds }) => ({
    units,
    from,
    length,
    today,
    plans: seeds.slice(0, planCount).map((seed) => ({
      ...seed,
      scope: seed.scope
        .slice(0, units.length)
        .map((roll, unit) => ({ unit, extraDeletedRow: roll === 1, deleted: roll === 2, inScope: roll < 8 }))
        .filter((item) => item.inScope)
        .map(({ inScope: _inScope, ...item }) => item),
      inspections: seed.inspections.map((item) => ({ ...item, unit: item.unit % units.length })),
    })),
  }));

export function dayIso(offset: number): string {
  return new Date(Date.UTC(2019, 0, 1 + offset)).toISOString().slice(0, 10);
}

let counter = 0;
function id(): string {
  counter += 1;
  const hex = counter.toString(16).padStart(12, '0');
  return `00000000-0000-7000-8000-${hex}`;
}

const META = `'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'office', '1-a'`;

export interface Written {
  planIds: string[];
  unitIds: string[];
  /** Criterion ids per checklist and version (0, 1). */
  versions: Map<string, string[]>;
}

function versionsOf(db: Db): Map<string, string[]> {
  const versions = new Map<string, string[]>();
  for (const checklist of [SCHOOL_CHECKLIST, AGENCY_CHECKLIST]) {
    const version = db
      .prepare<[string], { id: string }>(
        `SELECT id FROM checklist_versions WHERE checklist_id = ? ORDER BY version_no LIMIT 1`,
      )
      .get(checklist)!;
    versions.set(
      `${checklist}:0`,
      db
        .prepare<[string], { id: string }>(`SELECT id FROM checklist_criteria WHERE version_id = ? ORDER BY id`)
        .all(version.id)
        .map((row) => row.id),
    );
  }
  return versions;
}

/** A second version of the school checklist: the first five criteria carried over (same lineage), two new. */
function secondSchoolVersion(db: Db, versions: Map<string, string[]>): void {
  const first = versions.get(`${SCHOOL_CHECKLIST}:0`)!;
  const versionId = id();
  const groupId = id();
  db.exec(`INSERT INTO checklist_versions (id, checklist_id, version_no, note, created_at, updated_at, changed_by_office, rev)
    VALUES ('${versionId}', '${SCHOOL_CHECKLIST}', 2, '', ${META})`);
  db.exec(`INSERT INTO checklist_groups (id, version_id, position, title, created_at, updated_at, changed_by_office, rev)
    VALUES ('${groupId}', '${versionId}', 1, 'Nhóm mới', ${META})`);
  const insert =
    db.prepare(`INSERT INTO checklist_criteria (id, version_id, group_id, lineage_id, position, text, created_at, updated_at, changed_by_office, rev)
    VALUES (?, ?, ?, ?, ?, ?, ${META})`);
  const ids: string[] = [];
  const lineage = db.prepare<[string], { lineage_id: string; text: string }>(
    `SELECT lineage_id, text FROM checklist_criteria WHERE id = ?`,
  );
  first.slice(0, 5).forEach((criterionId, index) => {
    const old = lineage.get(criterionId)!;
    const newId = id();
    insert.run(newId, versionId, groupId, old.lineage_id, index + 1, `${old.text} (bản 2)`);
    ids.push(newId);
  });
  for (let index = 0; index < 2; index += 1) {
    const newId = id();
    insert.run(newId, versionId, groupId, newId, 6 + index, `Tiêu chí mới ${index + 1}`);
    ids.push(newId);
  }
  versions.set(`${SCHOOL_CHECKLIST}:1`, ids);
}

function text(parts: [number, number][]): string {
  return parts
    .map(([group, variant]) => {
      const variants = FINDINGS[group] ?? FINDINGS[0];
      return variants[variant % variants.length] ?? '';
    })
    .join('\n');
}

/** Writes the office (inside whatever transaction the caller holds). */
export function writeOffice(db: Db, office: RandomOffice): Written {
  const versions = versionsOf(db);
  secondSchoolVersion(db, versions);
  const unitIds = office.units.map((unit, index) => {
    const unitId = id();
    const columns = unitEntity.toColumns({
      code: '',
      name: `Đơn vị ${String.fromCharCode(65 + (index % 26))}${index}`,
      kind: unit.kind,
      schoolLevel: unit.kind === 'school' ? unit.level : null,
      schoolType: unit.kind === 'school' ? 'regular' : null,
      managingBody: 'district',
      parentId: null,
      headName: '',
      headTitle: '',
      address: '',
      phone: '',
      active: true,
      notes: '',
      isSample: false,
    });
    const names = Object.keys(columns);
    db.prepare(
      `INSERT INTO units (id, ${names.join(', ')}, created_at, updated_at, changed_by_office, rev)
       VALUES (@id, ${names.map((name) => `@${name}`).join(', ')}, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', 'office', '1-a')`,
    ).run({ id: unitId, ...columns });
    return unitId;
  });
  const versionIdOf = (checklist: string, version: 0 | 1) =>
    db
      .prepare<[string], { version_id: string }>(`SELECT version_id FROM checklist_criteria WHERE id = ?`)
      .get(versions.get(`${checklist}:${version}`)![0]!)!.version_id;

  const planIds = office.plans.map((plan, planIndex) => {
    const planId = id();
    const checklist = plan.school ? SCHOOL_CHECKLIST : AGENCY_CHECKLIST;
    const title = `Kế hoạch ${planIndex + 1}`;
    db.prepare(
      `INSERT INTO plans (id, title, title_key, issuer, period_kind, period_year, target_percent, checklist_id, created_at, updated_at, changed_by_office, rev)
       VALUES (?, ?, ?, 'Phòng GD&ĐT', 'calendarYear', ?, ?, ?, ${META})`,
    ).run(planId, title, searchKey(title), plan.year, plan.target, checklist);
    const scope = db.prepare(
      `INSERT INTO plan_units (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, deleted_at)
       VALUES (?, ?, ?, ${META}, ?)`,
    );
    for (const item of plan.scope) {
      scope.run(id(), planId, unitIds[item.unit]!, item.deleted ? '2026-01-02T00:00:00.000Z' : null);
      if (item.extraDeletedRow) scope.run(id(), planId, unitIds[item.unit]!, '2026-01-02T00:00:00.000Z');
    }
    const insertInspection = db.prepare(
      `INSERT INTO inspections (id, plan_id, unit_id, kind, original_id, status, checklist_version_id, inspection_date,
         minutes_number, limitations, causes, finalised_at, created_at, updated_at, changed_by_office, rev, deleted_at)
       VALUES (@id, @plan, @unit, @kind, @original, @status, @version, @date, @minutes, @limitations, @causes, @finalised, ${META}, @deleted)`,
    );
    const insertResult = db.prepare(
      `INSERT INTO inspection_results (inspection_id, criterion_id, result, note) VALUES (?, ?, ?, '')`,
    );
    const insertRequest = db.prepare(
      `INSERT INTO inspection_requests (id, inspection_id, text, due_date, remedied_date, ord, created_at, updated_at, changed_by_office, rev, deleted_at)
       VALUES (?, ?, ?, ?, ?, ?, ${META}, ?)`,
    );
    let lastRegular: string | null = null;
    plan.inspections.forEach(({ unit, inspection: item }, index) => {
      const inspectionId = id();
      const version = plan.school ? item.version : 0;
      const reinspection = item.kind === 'reinspection' && lastRegular !== null;
      const locked = item.status === 'finalised' || item.status === 'remedied';
      insertInspection.run({
        id: inspectionId,
        plan: planId,
        unit: unitIds[unit]!,
        kind: reinspection ? 'reinspection' : 'regular',
        original: reinspection ? lastRegular : null,
        status: item.status,
        version: item.status === 'planned' ? null : versionIdOf(checklist, version),
        date: item.day === null ? null : dayIso(office.from - 3 + Math.round((item.day / 100) * (office.length + 6))),
        minutes: locked ? `${item.minutes}/BB-ĐKT` : '',
        limitations: text(item.limitations),
        causes: text(item.causes),
        // Ties on the date are broken by the finalising time, then the id.
        finalised: locked ? `2026-01-01T00:00:${String(index % 60).padStart(2, '0')}.000Z` : null,
        deleted: item.deleted ? '2026-01-02T00:00:00.000Z' : null,
      });
      if (!reinspection) lastRegular = inspectionId;
      if (item.status !== 'planned') {
        const criteria = versions.get(`${checklist}:${version}`)!;
        criteria.forEach((criterionId, at) => {
          // A draft leaves some criteria undecided; a locked record decides them all.
          if (!locked && at % 3 === 0) return;
          insertResult.run(inspectionId, criterionId, item.results[at % item.results.length]!);
        });
      }
      item.requests.forEach((request, ord) => {
        insertRequest.run(
          id(),
          inspectionId,
          text([request.text]),
          request.due === null ? null : dayIso(office.today + request.due - 5),
          request.remedied === null ? null : dayIso(office.today + request.remedied - 5),
          ord,
          request.deleted ? '2026-01-02T00:00:00.000Z' : null,
        );
      });
    });
    return planId;
  });
  return { planIds, unitIds, versions };
}

/** One change made to an office after a report was counted, straight into the tables. */
export type RandomChange =
  | { what: 'result'; inspection: number; criterion: number; result: (typeof RESULTS)[number] }
  | { what: 'status'; inspection: number; status: 'draft' | 'finalised' | 'remedied' }
  | { what: 'date'; inspection: number; day: number | null }
  | { what: 'deleted'; inspection: number; deleted: boolean }
  | { what: 'unit'; inspection: number; unit: number }
  | { what: 'limitations'; inspection: number; text: [number, number][] }
  | { what: 'request'; inspection: number; change: 'remedy' | 'reopen' | 'delete' | 'add' | 'text'; day: number };

export const randomChanges: fc.Arbitrary<RandomChange[]> = fc.array(
  fc.oneof(
    fc.record({
      what: fc.constant('result' as const),
      inspection: fc.nat(),
      criterion: fc.nat(),
      result: fc.constantFrom(...RESULTS),
    }),
    fc.record({
      what: fc.constant('status' as const),
      inspection: fc.nat(),
      status: fc.constantFrom('draft' as const, 'finalised' as const, 'remedied' as const),
    }),
    fc.record({ what: fc.constant('date' as const), inspection: fc.nat(), day: fc.option(fc.nat({ max: 100 })) }),
    fc.record({ what: fc.constant('deleted' as const), inspection: fc.nat(), deleted: fc.boolean() }),
    fc.record({ what: fc.constant('unit' as const), inspection: fc.nat(), unit: fc.nat() }),
    fc.record({
      what: fc.constant('limitations' as const),
      inspection: fc.nat(),
      text: fc.array(pair, { maxLength: 2 }),
    }),
    fc.record({
      what: fc.constant('request' as const),
      inspection: fc.nat(),
      change: fc.constantFrom('remedy' as const, 'reopen' as const, 'delete' as const, 'add' as const, 'text' as const),
      day: fc.nat({ max: 10 }),
    }),
  ),
  { minLength: 1, maxLength: 12 },
);

/**
 * Applies the changes (an inspection, a criterion or a unit picked by its place, modulo their
 * numbers). A draft is never made locked here: a locked record decides every criterion.
 */
export function changeOffice(db: Db, office: RandomOffice, written: Written, changes: RandomChange[]): void {
  const inspections = db
    .prepare<[string], { id: string; status: string }>(
      `SELECT id, status FROM inspections WHERE plan_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(written.planIds));
  if (inspections.length === 0) return;
  const day = (offset: number | null) =>
    offset === null ? null : dayIso(office.from - 3 + Math.round((offset / 100) * (office.length + 6)));
  for (const change of changes) {
    const inspection = inspections[change.inspection % inspections.length]!;
    const locked = inspection.status === 'finalised' || inspection.status === 'remedied';
    switch (change.what) {
      case 'result': {
        const criteria = db
          .prepare<[string], { criterion_id: string }>(
            `SELECT criterion_id FROM inspection_results WHERE inspection_id = ? ORDER BY criterion_id`,
          )
          .all(inspection.id);
        const criterion = criteria[change.criterion % Math.max(criteria.length, 1)];
        if (criterion) {
          db.prepare(`UPDATE inspection_results SET result = ? WHERE inspection_id = ? AND criterion_id = ?`).run(
            change.result,
            inspection.id,
            criterion.criterion_id,
          );
        }
        break;
      }
      case 'status':
        if (locked || change.status === 'draft') {
          db.prepare(`UPDATE inspections SET status = ? WHERE id = ?`).run(change.status, inspection.id);
          inspection.status = change.status;
        }
        break;
      case 'date':
        db.prepare(`UPDATE inspections SET inspection_date = ? WHERE id = ?`).run(day(change.day), inspection.id);
        break;
      case 'deleted':
        db.prepare(`UPDATE inspections SET deleted_at = ? WHERE id = ?`).run(
          change.deleted ? '2026-01-03T00:00:00.000Z' : null,
          inspection.id,
        );
        break;
      case 'unit':
        db.prepare(`UPDATE inspections SET unit_id = ? WHERE id = ?`).run(
          written.unitIds[change.unit % written.unitIds.length]!,
          inspection.id,
        );
        break;
      case 'limitations':
        db.prepare(`UPDATE inspections SET limitations = ? WHERE id = ?`).run(text(change.text), inspection.id);
        break;
      case 'request': {
        const request = db
          .prepare<[string], { id: string }>(`SELECT id FROM inspection_requests WHERE inspection_id = ? ORDER BY id`)
          .get(inspection.id);
        const date = dayIso(office.today + change.day - 5);
        if (change.change === 'add' || !request) {
          db.prepare(
            `INSERT INTO inspection_requests (id, inspection_id, text, due_date, remedied_date, ord, created_at, updated_at, changed_by_office, rev)
             VALUES (?, ?, ?, ?, NULL, 9, ${META})`,
          ).run(id(), inspection.id, text([[change.day % FINDINGS.length, change.day]]), date);
        } else if (change.change === 'delete') {
          db.prepare(`DELETE FROM inspection_requests WHERE id = ?`).run(request.id);
        } else if (change.change === 'text') {
          db.prepare(`UPDATE inspection_requests SET text = ? WHERE id = ?`).run(
            text([[change.day % FINDINGS.length, change.day]]),
            request.id,
          );
        } else {
          db.prepare(`UPDATE inspection_requests SET remedied_date = ? WHERE id = ?`).run(
            change.change === 'remedy' ? date : null,
            request.id,
          );
        }
        break;
      }
    }
  }
}
