// The scale case (tests/bench/README.md), built once and cached: 10,000 units, 100 plans, 200,000
// inspections with 20 criteria each (and their team, representatives, requests; a draft's
// undecided criteria have no result row, as the service stores them).
// Deterministic: every id, revision, name and date comes from the seed, so two runs (or two
// machines) build the same database. Reusable by any bench (minutes, reports, backup):
//
//   const scale = ensureScaleDatabase(SCALE_CASE, seed);      // built on first use, then cached
//   const dataDir = copyScaleDatabase(scale, context.dir);      // a private copy to open and write
//   const core = createCore({ dataDir, mode: 'test', appVersion: 'bench' });
//
// The cache lives under the OS temp folder, keyed by shape, seed, schema version and generator
// version, so a new migration or a change here builds afresh. Never write to the cached file.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createCore, type Core } from '../../electron/core/app/create-core';
import { DATABASE_FILE_NAME } from '../../electron/core/app/paths';
import { LATEST_SCHEMA_VERSION, migrations } from '../../electron/core/db/migrations';
import { fsyncFile } from '../../electron/core/files/atomic-write';
import { unitEntity } from '../../electron/core/features/registry/unit-entity';
import { personSortKey } from '../../electron/core/features/officials/official-service';
import type { UnitInput, UnitKind } from '../../shared/domain/unit';
import { searchKey } from '../../shared/text/search';
import { seededRandom } from './measure';

/** Bump when the generated content changes (it is part of the cache key). */
export const SCALE_GENERATOR_VERSION = 5;

export interface ScaleShape {
  name: string;
  units: number;
  plans: number;
  /** Regular inspections (one per unit in scope); 1% more are re-inspections. */
  inspections: number;
  criteria: number;
}

export const SCALE_CASE: ScaleShape = { name: 'scale', units: 10_000, plans: 100, inspections: 200_000, criteria: 20 };
export const OFFICE_CASE: ScaleShape = { name: 'office', units: 500, plans: 5, inspections: 5_000, criteria: 20 };
/** For `npm run bench -- --quick`: the same shape, small. */
export const QUICK_CASE: ScaleShape = { name: 'quick', units: 1_000, plans: 10, inspections: 10_000, criteria: 20 };

export interface ScaleDatabase {
  shape: ScaleShape;
  seed: number;
  /** The cached data folder (holds klkchc.sqlite3). Read only. */
  dir: string;
  file: string;
  bytes: number;
  /** Milliseconds spent building, or null when it came from the cache. */
  buildMs: number | null;
  /** Ids a bench can use: a plan, a draft with results, a finalised inspection. */
  sample: { planId: string; draftId: string; finalisedId: string; checklistVersionId: string };
}

export function scaleCacheRoot(): string {
  return path.join(os.tmpdir(), 'klkchc-bench-cache');
}

function cacheKey(shape: ScaleShape, seed: number): string {
  return [
    shape.name,
    `u${shape.units}`,
    `p${shape.plans}`,
    `i${shape.inspections}`,
    `c${shape.criteria}`,
    `seed${seed}`,
    `schema${LATEST_SCHEMA_VERSION}`,
    // Every migration, not only the last: branches may add migrations below the last number.
    createHash('sha256')
      .update(migrations.map((migration) => `${migration.version}:${migration.name}`).join(','))
      .digest('hex')
      .slice(0, 8),
    `gen${SCALE_GENERATOR_VERSION}`,
  ].join('-');
}

/** The database for this shape and seed: from the cache, or built now (then cached). */
export function ensureScaleDatabase(
  shape: ScaleShape,
  seed: number,
  options: { cacheRoot?: string; log?: (line: string) => void } = {},
): ScaleDatabase {
  const root = options.cacheRoot ?? scaleCacheRoot();
  const dir = path.join(root, cacheKey(shape, seed));
  const file = path.join(dir, DATABASE_FILE_NAME);
  const manifest = path.join(dir, 'manifest.json');
  if (fs.existsSync(manifest) && fs.existsSync(file)) {
    const sample = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { sample: ScaleDatabase['sample'] }).sample;
    return { shape, seed, dir, file, bytes: fs.statSync(file).size, buildMs: null, sample };
  }
  fs.mkdirSync(root, { recursive: true });
  // Build beside the cache and rename at the end: a crashed build never looks finished.
  const building = fs.mkdtempSync(path.join(root, `${cacheKey(shape, seed)}.building-`));
  const started = performance.now();
  options.log?.(`building the ${shape.name} case (${shape.inspections} inspections) in ${building}…`);
  const core = createCore({ dataDir: building, mode: 'test', appVersion: 'bench', validateOutput: false });
  let sample: ScaleDatabase['sample'];
  try {
    sample = generateScaleData(core, shape, seed);
  } finally {
    core.close();
  }
  fs.rmSync(path.join(building, 'tmp'), { recursive: true, force: true });
  fs.writeFileSync(path.join(building, 'manifest.json'), JSON.stringify({ shape, seed, sample }, null, 2));
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(building, dir);
  const buildMs = Math.round(performance.now() - started);
  options.log?.(`built in ${buildMs} ms`);
  return { shape, seed, dir, file, bytes: fs.statSync(file).size, buildMs, sample };
}

/**
 * A private copy of the cached database in `targetDir`, ready for createCore. The cached file
 * is closed and checkpointed (no -wal beside it), so a plain file copy is a whole database.
 */
export function copyScaleDatabase(scale: ScaleDatabase, targetDir: string): string {
  fs.mkdirSync(targetDir, { recursive: true });
  const target = path.join(targetDir, DATABASE_FILE_NAME);
  fs.copyFileSync(scale.file, target);
  // On disk before anything is timed: otherwise the system writes the copy (up to 1 GB) back
  // while the benchmark runs, and the figures measure that instead (a second or more).
  fsyncFile(target);
  return targetDir;
}

const FAMILY = ['Nguyễn', 'Hoàng', 'Lành', 'Vi', 'Lương', 'Đinh', 'Nông', 'Trần', 'Lăng', 'Hà', 'Triệu', 'Lộc'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Thị Thu', 'Minh', 'Thị Hồng', 'Quang'];
const GIVEN = ['An', 'Bình', 'Chiến', 'Dung', 'Đào', 'Giang', 'Hạnh', 'Hùng', 'Khánh', 'Linh', 'Mai', 'Nam', 'Sơn'];
const PLACES = ['Hiệp Hạ', 'Khánh Xuân', 'Xuân Dương', 'Tú Đoạn', 'Tam Gia', 'Nhượng Bạn', 'Đông Quan', 'Lợi Bác'];
const DISTRICTS = ['Lộc Bình', 'Đình Lập', 'Cao Lộc', 'Văn Lãng', 'Tràng Định', 'Bình Gia', 'Bắc Sơn', 'Hữu Lũng'];
const NOTES = ['', '', '', 'Chưa niêm yết đầy đủ', 'Cần bổ sung', 'Đã khắc phục tại chỗ', ''];
const BASE_TIME = Date.UTC(2019, 8, 1, 1, 0, 0);

/** UUIDv7-shaped ids and revisions drawn from the seeded generator (reproducible). */
class Ids {
  private readonly random: () => number;
  private clock = BASE_TIME;
  constructor(seed: number) {
    this.random = seededRandom(seed ^ 0x5eed);
  }
  private hex(length: number): string {
    let out = '';
    while (out.length < length)
      out += Math.floor(this.random() * 0x100000000)
        .toString(16)
        .padStart(8, '0');
    return out.slice(0, length);
  }
  id(): string {
    this.clock += 1;
    const time = this.clock.toString(16).padStart(12, '0');
    const rest = this.hex(19);
    const variant = ((parseInt(rest[3] ?? '0', 16) & 0x3) | 0x8).toString(16);
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${rest.slice(0, 3)}-${variant}${rest.slice(4, 7)}-${rest.slice(7, 19)}`;
  }
  rev(): string {
    return `1-${this.hex(16)}`;
  }
  at(): string {
    return new Date(this.clock).toISOString();
  }
}

function isoDay(year: number, dayOfYear: number): string {
  return new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);
}

/**
 * Writes the whole case into an open core (its office set up here), in one transaction per
 * plan, through explicit INSERTs: the progress triggers keep the summary as they would in use.
 */
export function generateScaleData(core: Core, shape: ScaleShape, seed: number): ScaleDatabase['sample'] {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const ids = new Ids(seed);
  const db = core.db;
  const office = core.services.settings.officeId();
  core.services.settings.update({
    office: { name: 'Phòng Giáo dục và Đào tạo (bench)', parentBody: 'UBND huyện (bench)', placeName: 'Lộc Bình' },
    operatorName: 'Bench',
  });
  const meta = () => {
    const at = ids.at();
    return {
      id: ids.id(),
      created_at: at,
      updated_at: at,
      changed_by_office: office,
      rev: ids.rev(),
      rev_history: '[]',
    };
  };

  // Units
  const insertUnit = db.prepare(`
    INSERT INTO units (id, code, code_key, name, name_key, sort_key, search_key, kind, school_level, school_type, managing_body,
      parent_id, head_name, head_title, address, phone, active, notes, is_sample,
      created_at, updated_at, changed_by_office, rev, rev_history)
    VALUES (@id, @code, @code_key, @name, @name_key, @sort_key, @search_key, @kind, @school_level, @school_type, @managing_body,
      @parent_id, @head_name, @head_title, @address, @phone, @active, @notes, 0,
      @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
  const units: { id: string; kind: UnitKind; name: string; head: string }[] = [];
  db.transaction(() => {
    for (let index = 0; index < shape.units; index += 1) {
      const kind: UnitKind =
        index % 10 < 7 ? 'school' : index % 10 < 8 ? 'commune' : index % 10 < 9 ? 'department' : 'publicService';
      const place = `${pick(PLACES)} ${Math.floor(index / 80) + 1}`;
      const district = DISTRICTS[index % DISTRICTS.length] ?? 'Lộc Bình';
      const name =
        kind === 'school'
          ? `Trường ${pick(['Mầm non', 'Tiểu học', 'THCS', 'TH và THCS'])} ${place} (${district})`
          : kind === 'commune'
            ? `UBND xã ${place} (${district})`
            : kind === 'department'
              ? `${pick(['Phòng Nội vụ', 'Phòng Tư pháp', 'Phòng Tài chính - Kế hoạch'])} huyện ${district} ${index}`
              : `Trung tâm Văn hóa huyện ${district} ${index}`;
      const head = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
      const input: UnitInput = {
        code: `S${String(index).padStart(5, '0')}`,
        name,
        kind,
        schoolLevel: kind === 'school' ? 'primary' : null,
        schoolType: kind === 'school' ? 'regular' : null,
        managingBody: kind === 'school' ? 'education' : 'district',
        parentId: null,
        headName: head,
        headTitle: kind === 'school' ? 'Hiệu trưởng' : 'Thủ trưởng',
        address: `Xã ${place}, huyện ${district}`,
        phone: '0205 3840 123',
        active: true,
        notes: '',
      };
      const row = meta();
      insertUnit.run({ ...row, ...unitEntity.toColumns({ ...input, isSample: false }) });
      units.push({ id: row.id, kind, name, head });
    }
  })();

  // A checklist of `criteria` criteria in groups of five.
  const checklistId = ids.id();
  const versionId = ids.id();
  const criterionIds: string[] = [];
  db.transaction(() => {
    const at = ids.at();
    db.prepare(
      `INSERT INTO checklists (id, name, target, description, is_default, active, created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (?, 'Bộ tiêu chí (bench)', 'any', '', 0, 1, ?, ?, ?, ?, '[]')`,
    ).run(checklistId, at, at, office, ids.rev());
    db.prepare(
      `INSERT INTO checklist_versions (id, checklist_id, version_no, note, created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (?, ?, 1, '', ?, ?, ?, ?, '[]')`,
    ).run(versionId, checklistId, at, at, office, ids.rev());
    const insertGroup = db.prepare(
      `INSERT INTO checklist_groups (id, version_id, position, title, created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]')`,
    );
    const insertCriterion = db.prepare(
      `INSERT INTO checklist_criteria (id, version_id, group_id, lineage_id, position, text, created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]')`,
    );
    let groupId = '';
    for (let index = 0; index < shape.criteria; index += 1) {
      if (index % 5 === 0) {
        groupId = ids.id();
        insertGroup.run(groupId, versionId, index / 5 + 1, `Nhóm tiêu chí ${index / 5 + 1}`, at, at, office, ids.rev());
      }
      const id = ids.id();
      criterionIds.push(id);
      insertCriterion.run(
        id,
        versionId,
        groupId,
        id,
        (index % 5) + 1,
        `Tiêu chí số ${index + 1} về kỷ luật, kỷ cương hành chính`,
        at,
        at,
        office,
        ids.rev(),
      );
    }
  })();

  // Officials
  const officials: { id: string; name: string }[] = [];
  db.transaction(() => {
    const insert = db.prepare(
      `INSERT INTO officials (id, name, name_key, sort_key, position, organization, phone, active, notes, is_sample,
         created_at, updated_at, changed_by_office, rev, rev_history)
       VALUES (@id, @name, @name_key, @sort_key, 'Chuyên viên', 'Phòng GD&ĐT', '', 1, '', 0,
         @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`,
    );
    for (let index = 0; index < 200; index += 1) {
      const name = `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
      const row = meta();
      insert.run({
        ...row,
        name,
        name_key: searchKey(name, 'Chuyên viên', 'Phòng GD&ĐT'),
        sort_key: personSortKey(name),
      });
      officials.push({ id: row.id, name });
    }
  })();

  const insertPlan = db.prepare(`
    INSERT INTO plans (id, title, title_key, issuer, period_kind, period_year, decision_number, decision_date,
      decision_signer, decision_signer_title, legal_basis, target_percent, checklist_id, notes, is_sample,
      created_at, updated_at, changed_by_office, rev, rev_history)
    VALUES (@id, @title, @title_key, 'Phòng GD&ĐT (bench)', 'schoolYear', @year, @decision, @decision_date,
      'Lương Văn Hùng', 'Trưởng phòng', 'Chỉ thị số 26/CT-TTg', @target, @checklist_id, '', 0,
      @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
  const insertMember = db.prepare(`
    INSERT INTO plan_members (id, plan_id, official_id, role, position, ord, created_at, updated_at, changed_by_office, rev, rev_history)
    VALUES (@id, @plan_id, @official_id, @role, 'Chuyên viên', @ord, @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
  const insertScope = db.prepare(`
    INSERT INTO plan_units (id, plan_id, unit_id, created_at, updated_at, changed_by_office, rev, rev_history)
    VALUES (@id, @plan_id, @unit_id, @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
  const insertInspection = db.prepare(`
    INSERT INTO inspections (id, plan_id, unit_id, kind, original_id, status, planned_date, checklist_version_id,
      inspection_date, start_time, end_time, place, minutes_number, strengths, limitations, causes, unit_response,
      conclusion, finalised_at, finalised_by, is_sample, created_at, updated_at, changed_by_office, rev, rev_history)
    VALUES (@id, @plan_id, @unit_id, @kind, @original_id, @status, @planned_date, @checklist_version_id,
      @inspection_date, @start_time, @end_time, @place, @minutes_number, @strengths, @limitations, '', '',
      @conclusion, @finalised_at, @finalised_by, 0, @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
  const insertTeam = db.prepare(`
    INSERT INTO inspection_team (id, inspection_id, official_id, name, position, role, ord, created_at, updated_at, changed_by_office, rev, rev_history)
    VALUES (@id, @inspection_id, @official_id, @name, 'Chuyên viên', @role, @ord, @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
  const insertRepresentative = db.prepare(`
    INSERT INTO inspection_representatives (id, inspection_id, name, position, ord, created_at, updated_at, changed_by_office, rev, rev_history)
    VALUES (@id, @inspection_id, @name, 'Hiệu trưởng', 0, @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);
  // Results are owned rows of their inspection (no sync columns): written with it, covered by its rev.
  const insertResult = db.prepare(`
    INSERT INTO inspection_results (inspection_id, criterion_id, result, note)
    VALUES (@inspection_id, @criterion_id, @result, @note)`);
  const insertRequest = db.prepare(`
    INSERT INTO inspection_requests (id, inspection_id, text, due_date, remedied_date, ord, created_at, updated_at, changed_by_office, rev, rev_history)
    VALUES (@id, @inspection_id, @text, @due_date, @remedied_date, @ord, @created_at, @updated_at, @changed_by_office, @rev, @rev_history)`);

  const perPlan = Math.max(1, Math.floor(shape.inspections / shape.plans));
  const sample = { planId: '', draftId: '', finalisedId: '', checklistVersionId: versionId };
  const roles = ['leader', 'deputy', 'member', 'secretary'] as const;
  for (let planIndex = 0; planIndex < shape.plans; planIndex += 1) {
    db.transaction(() => {
      const year = 2015 + (planIndex % 10);
      const planRow = meta();
      const title = `Kiểm tra KLKCHC năm học ${year}–${year + 1} — đợt ${planIndex + 1}`;
      insertPlan.run({
        ...planRow,
        title,
        title_key: searchKey(title),
        year,
        decision: `${100 + planIndex}/QĐ-UBND`,
        decision_date: isoDay(year, 250),
        target: planIndex % 4 === 0 ? 80 : 100,
        checklist_id: checklistId,
      });
      const team = roles.map((role, ord) => ({
        role,
        ord,
        official: officials[(planIndex * 4 + ord) % officials.length]!,
      }));
      for (const member of team) {
        insertMember.run({
          ...meta(),
          plan_id: planRow.id,
          official_id: member.official.id,
          role: member.role,
          ord: member.ord,
        });
      }
      // Each plan covers a contiguous window of units (wrapping), so units belong to several plans.
      const start = Math.floor((planIndex * shape.units) / shape.plans);
      const doneShare = 0.5 + 0.5 * random(); // how far along this plan is
      const inScope = new Set<string>();
      for (let offset = 0; offset < perPlan; offset += 1) {
        const unit = units[(start + offset) % units.length]!;
        // With fewer units than inspections (the office case) a unit gets a second visit.
        if (!inScope.has(unit.id)) insertScope.run({ ...meta(), plan_id: planRow.id, unit_id: unit.id });
        inScope.add(unit.id);
        const roll = random();
        const status = roll < doneShare * 0.88 ? 'finalised' : roll < doneShare ? 'remedied' : 'draft';
        const day = Math.floor(random() * 240);
        const inspection = meta();
        const finalised = status !== 'draft';
        insertInspection.run({
          ...inspection,
          plan_id: planRow.id,
          unit_id: unit.id,
          kind: 'regular',
          original_id: null,
          status,
          planned_date: isoDay(year, 255 + day),
          checklist_version_id: versionId,
          inspection_date: isoDay(year, 255 + day),
          start_time: '08:00',
          end_time: '10:30',
          place: `Trụ sở ${unit.name}`,
          minutes_number: finalised ? `${offset + 1}/BB-ĐKT` : '',
          strengths: 'Đơn vị ban hành đầy đủ các văn bản, quy chế; cán bộ chấp hành tốt giờ giấc.',
          limitations: random() < 0.4 ? 'Việc sắp xếp hồ sơ, sổ sách chưa khoa học.' : '',
          conclusion: finalised ? 'Đơn vị chấp hành tốt kỷ luật, kỷ cương hành chính.' : '',
          finalised_at: finalised ? inspection.created_at : null,
          finalised_by: finalised ? 'Bench' : '',
        });
        for (const member of team.slice(0, 3)) {
          insertTeam.run({
            ...meta(),
            inspection_id: inspection.id,
            official_id: member.official.id,
            name: member.official.name,
            role: member.role,
            ord: member.ord,
          });
        }
        insertRepresentative.run({ ...meta(), inspection_id: inspection.id, name: unit.head });
        let failed = 0;
        for (const criterionId of criterionIds) {
          const value = random();
          const result = status === 'draft' && value < 0.3 ? null : value < 0.9 ? 'pass' : value < 0.97 ? 'fail' : 'na';
          if (result === 'fail') failed += 1;
          const note = result === 'fail' ? pick(NOTES) : '';
          // As the service stores them: an undecided criterion without a note has no row.
          if (result === null && note === '') continue;
          insertResult.run({ inspection_id: inspection.id, criterion_id: criterionId, result, note });
        }
        if (finalised && failed > 0) {
          for (let index = 0; index < Math.min(2, failed); index += 1) {
            insertRequest.run({
              ...meta(),
              inspection_id: inspection.id,
              text: 'Khắc phục ngay các tồn tại đã nêu và báo cáo kết quả.',
              due_date: isoDay(year, 285 + day),
              remedied_date: status === 'remedied' ? isoDay(year, 280 + day) : null,
              ord: index,
            });
          }
        }
        // 1% are followed by a re-inspection of the same unit (a unit inspected twice).
        if (finalised && random() < 0.01) {
          const follow = meta();
          insertInspection.run({
            ...follow,
            plan_id: planRow.id,
            unit_id: unit.id,
            kind: 'reinspection',
            original_id: inspection.id,
            status: random() < 0.5 ? 'finalised' : 'planned',
            planned_date: isoDay(year, 300 + day),
            checklist_version_id: versionId,
            inspection_date: null,
            start_time: '',
            end_time: '',
            place: '',
            minutes_number: '',
            strengths: '',
            limitations: '',
            conclusion: '',
            finalised_at: null,
            finalised_by: '',
          });
        }
        if (planIndex === 0 && status === 'draft' && !sample.draftId) sample.draftId = inspection.id;
        if (planIndex === 0 && status === 'finalised' && !sample.finalisedId) sample.finalisedId = inspection.id;
      }
      if (planIndex === 0) sample.planId = planRow.id;
    })();
  }
  // Each of the app's writes digests its inspections for reports before it commits; these plain
  // INSERTs only marked them, so they are digested here, once (reports.bench.ts measures a
  // whole rebuild apart).
  core.services.reports.queries.digest.refresh();
  // No ANALYZE/optimize here: the app never runs one, so the figures are those of an office's
  // file, whose query plans are chosen without statistics.
  return sample;
}
