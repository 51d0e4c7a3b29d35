import {
  defaultManagingBody,
  unitInputSchema,
  type UnitInput,
  type UnitInputRaw,
} from '../../../../../shared/domain/unit';
import type {
  ImportField,
  PreviewRow,
  RowIssue,
  RowStatus,
  StatusCounts,
} from '../../../../../shared/domain/unit-import';
import { hasTranslation } from '../../../../../shared/i18n/translate';
import { foldVietnamese } from '../../../../../shared/text/fold';
import { changedUnitFields, codeKey, sameContent, unitInputFromRow, type UnitRow } from '../../registry/unit-entity';
import type { ReadRow } from '../mapping/row-reader';
import { nameKindKey, type ExistingUnits } from './existing-units';

/**
 * Each read row against the registry: new, update (same code; or, without a code, same folded
 * name and kind), unchanged (an update that changes nothing), duplicate of an earlier row of
 * the file, or error with its reasons. The same function serves the preview and, inside the
 * write transaction, the apply step, so what is written is what the rules say at that moment.
 */

type UnitReadRow = Extract<ReadRow, { type: 'unit' }>;

export interface PlannedRow {
  read: UnitReadRow;
  status: RowStatus;
  /** The registry unit this row updates. */
  existing: UnitRow | null;
  /** Validated content (parentId set separately through `parentTarget`). */
  input: UnitInput | null;
  /** `existing.id`, or `new:<row>` until the unit is created. */
  target: string;
  /** undefined: keep the existing parent; null: none; otherwise a target. */
  parentTarget: string | null | undefined;
  parentLabel: string;
  duplicateOf: number | null;
  errors: RowIssue[];
  warnings: RowIssue[];
  changes: ImportField[];
  excluded: boolean;
}

export interface PlanOptions {
  updateExisting: boolean;
  /** Rows the user unticked (apply only). */
  excluded: ReadonlySet<number>;
}

const FIELD_OF_INPUT: Record<keyof UnitInput, ImportField> = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  schoolLevel: 'schoolLevel',
  schoolType: 'schoolType',
  managingBody: 'managingBody',
  parentId: 'parent',
  headName: 'headName',
  headTitle: 'headTitle',
  address: 'address',
  phone: 'phone',
  active: 'active',
  notes: 'notes',
};

function newTarget(row: number): string {
  return `new:${row}`;
}

function rawInput(read: UnitReadRow, existing: UnitRow | null): UnitInputRaw {
  const { unit } = read;
  const text = unit.text;
  if (!existing) {
    return {
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      schoolLevel: unit.kind === 'school' ? unit.schoolLevel : null,
      schoolType: unit.kind === 'school' ? unit.schoolType : null,
      managingBody: unit.managingBody ?? defaultManagingBody(unit.kind),
      parentId: null,
      headName: text.headName ?? '',
      headTitle: text.headTitle ?? '',
      address: text.address ?? '',
      phone: text.phone ?? '',
      active: unit.active ?? true,
      notes: text.notes ?? '',
    };
  }
  // An update takes only what the file says; an empty cell keeps what the registry has.
  const base = unitInputFromRow(existing);
  const kind = unit.kindExplicit ? unit.kind : base.kind;
  let schoolLevel = base.schoolLevel;
  if (unit.levelExplicit || (unit.kindExplicit && kind !== base.kind)) schoolLevel = unit.schoolLevel;
  if (kind === 'school' && schoolLevel === null) schoolLevel = unit.schoolLevel;
  let schoolType = base.schoolType;
  if (unit.typeExplicit || (unit.kindExplicit && kind !== base.kind)) schoolType = unit.schoolType;
  if (kind === 'school' && schoolType === null) schoolType = unit.schoolType;
  return {
    code: text.code ?? base.code,
    name: unit.name || base.name,
    kind,
    schoolLevel: kind === 'school' ? schoolLevel : null,
    schoolType: kind === 'school' ? schoolType : null,
    managingBody: unit.managingBody ?? base.managingBody,
    parentId: null,
    headName: text.headName ?? base.headName,
    headTitle: text.headTitle ?? base.headTitle,
    address: text.address ?? base.address,
    phone: text.phone ?? base.phone,
    active: unit.active ?? base.active,
    notes: text.notes ?? base.notes,
  };
}

function validate(raw: UnitInputRaw, errors: RowIssue[]): UnitInput | null {
  const parsed = unitInputSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const seen = new Set<string>();
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '');
    const field = (FIELD_OF_INPUT as Record<string, ImportField | undefined>)[key] ?? null;
    if (seen.has(key)) continue;
    seen.add(key);
    // Our schemas' messages are i18n keys; anything else (a zod default) is shown generically.
    errors.push({ field, key: hasTranslation(issue.message) ? issue.message : 'validation.invalid' });
  }
  return null;
}

/**
 * The unit a row updates: by its code; else the one unit of the same name and kind (with a code
 * nobody has, one that has no code yet). Several such units, and none named exactly as the row,
 * is 'ambiguous': updating one of them at random would change the wrong unit.
 */
function findMatch(
  code: string,
  name: string,
  nameKey: string,
  kind: string,
  existing: ExistingUnits,
): UnitRow | null | 'ambiguous' {
  if (code !== '') {
    const byCode = existing.byCode.get(code);
    if (byCode) return byCode;
  }
  const candidates = (existing.byNameKind.get(nameKindKey(nameKey, kind)) ?? []).filter(
    (candidate) => code === '' || candidate.code_key === '',
  );
  if (candidates.length <= 1) return candidates[0] ?? null;
  const exact = candidates.filter((candidate) => candidate.name === name);
  return exact.length === 1 ? exact[0]! : 'ambiguous';
}

function differences(existing: UnitRow, input: UnitInput): ImportField[] {
  return changedUnitFields(existing, { ...input, parentId: existing.parent_id }).map((key) => FIELD_OF_INPUT[key]);
}

/** Rows of the file → planned rows (unit rows only, in file order). */
export function planRows(rows: readonly ReadRow[], existing: ExistingUnits, options: PlanOptions): PlannedRow[] {
  const planned: PlannedRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const read of rows) {
    if (read.type !== 'unit') continue;
    const errors = [...read.errors];
    const warnings = [...read.warnings];
    const plan: PlannedRow = {
      read,
      status: 'error',
      existing: null,
      input: null,
      target: newTarget(read.row),
      parentTarget: undefined,
      parentLabel: read.unit.text.parent ?? '',
      duplicateOf: null,
      errors,
      warnings,
      changes: [],
      excluded: options.excluded.has(read.row),
    };
    planned.push(plan);
    if (errors.length > 0) continue;

    // Folded once per row: folding is most of the cost of a 10,000-row preview.
    const code = codeKey(read.unit.code);
    const nameKey = foldVietnamese(read.unit.name);
    const found = findMatch(code, read.unit.name, nameKey, read.unit.kind, existing);
    if (found === 'ambiguous') {
      const namesakes = existing.byNameKind.get(nameKindKey(nameKey, read.unit.kind)) ?? [];
      errors.push({
        field: 'name',
        key: 'unitImport.reasons.nameAmbiguous',
        params: { value: read.unit.name, count: namesakes.length },
      });
      continue;
    }
    const match = found;
    const keys = [code !== '' ? `code:${code}` : `name:${nameKindKey(nameKey, read.unit.kind)}`];
    if (match) keys.push(`unit:${match.id}`);
    const earlier = keys.map((key) => firstRowOf.get(key)).find((row) => row !== undefined);
    if (earlier !== undefined) {
      plan.status = 'duplicate';
      plan.duplicateOf = earlier;
      errors.push({ field: null, key: 'unitImport.reasons.duplicateOf', params: { row: earlier } });
      continue;
    }
    for (const key of keys) firstRowOf.set(key, read.row);

    plan.existing = match;
    if (match) {
      plan.target = match.id;
      if (!plan.parentLabel && match.parent_id) plan.parentLabel = existing.byId.get(match.parent_id)?.name ?? '';
    }
    const input = validate(rawInput(read, match), errors);
    if (!input) continue;
    const inputCode = input.code === read.unit.code ? code : codeKey(input.code);
    const ownerOfCode = inputCode === '' ? undefined : existing.byCode.get(inputCode);
    if (ownerOfCode && ownerOfCode.id !== match?.id) {
      errors.push({
        field: 'code',
        key: 'unitImport.reasons.duplicateCodeInRegistry',
        params: { code: input.code, name: ownerOfCode.name },
      });
      continue;
    }
    plan.input = input;
    if (match) {
      if (read.unit.kindExplicit && match.kind !== input.kind) {
        warnings.push({
          field: 'kind',
          key: 'unitImport.reasons.kindChanged',
          params: { from: match.kind, to: input.kind },
        });
      }
      plan.status = 'update';
    } else {
      const sameName = (existing.byNameKind.get(nameKindKey(nameKey, input.kind)) ?? [])[0];
      if (sameName) {
        warnings.push({
          field: 'name',
          key: 'unitImport.reasons.sameNameExists',
          params: { name: sameName.name, code: sameName.code },
        });
      }
      plan.status = 'new';
    }
  }
  resolveParents(planned, existing);
  for (const plan of planned) {
    if (plan.status !== 'update' || !plan.existing || !plan.input) continue;
    const parentId = plan.parentTarget === undefined ? plan.existing.parent_id : plan.parentTarget;
    // The registry's own rule decides "nothing to write", so a second import changes 0 rows.
    if (sameContent(plan.existing, { ...plan.input, parentId })) {
      plan.status = 'unchanged';
      continue;
    }
    plan.changes = differences(plan.existing, plan.input);
    if (parentId !== plan.existing.parent_id) plan.changes.push('parent');
    if (!options.updateExisting) plan.warnings.push({ field: null, key: 'unitImport.reasons.notUpdated' });
  }
  return planned;
}

function resolveParents(planned: PlannedRow[], existing: ExistingUnits): void {
  const writable = planned.filter((plan) => plan.status === 'new' || plan.status === 'update');
  const fileByCode = new Map<string, PlannedRow>();
  const fileByName = new Map<string, PlannedRow[]>();
  for (const plan of writable) {
    const input = plan.input as UnitInput;
    if (codeKey(input.code) !== '') fileByCode.set(codeKey(input.code), plan);
    const key = foldVietnamese(input.name);
    const sameName = fileByName.get(key);
    if (sameName) sameName.push(plan);
    else fileByName.set(key, [plan]);
  }
  const byTarget = new Map(planned.map((plan) => [plan.target, plan]));

  for (const plan of writable) {
    const text = plan.read.unit.text.parent;
    if (text === undefined) continue;
    const key = codeKey(text);
    let target: string | undefined = fileByCode.get(key)?.target ?? existing.byCode.get(key)?.id;
    if (target === undefined) {
      const folded = foldVietnamese(text);
      const targets = new Set<string>([
        ...(fileByName.get(folded) ?? []).map((candidate) => candidate.target),
        ...(existing.byName.get(folded) ?? []).map((row) => row.id),
      ]);
      if (targets.size > 1) {
        fail(plan, { field: 'parent', key: 'unitImport.reasons.parentAmbiguous', params: { value: text } });
        continue;
      }
      target = targets.values().next().value;
    }
    if (target === undefined) {
      fail(plan, { field: 'parent', key: 'unitImport.reasons.parentNotFound', params: { value: text } });
      continue;
    }
    if (target === plan.target) {
      fail(plan, { field: 'parent', key: 'unitImport.reasons.parentSelf' });
      continue;
    }
    plan.parentTarget = target;
  }

  // Cycles: walk up from each row's new parent through the file's and the registry's parents.
  const parentOf = (target: string): string | null => {
    const plan = byTarget.get(target);
    if (plan && plan.parentTarget !== undefined && (plan.status === 'new' || plan.status === 'update')) {
      return plan.parentTarget;
    }
    return existing.byId.get(target)?.parent_id ?? null;
  };
  const limit = planned.length + existing.byId.size + 1;
  for (const plan of writable) {
    if (plan.status === 'error' || !plan.parentTarget) continue;
    let cursor: string | null = plan.parentTarget;
    for (let steps = 0; cursor !== null && steps < limit; steps += 1) {
      if (cursor === plan.target) {
        fail(plan, { field: 'parent', key: 'unitImport.reasons.parentCycle' });
        break;
      }
      cursor = parentOf(cursor);
    }
  }

  // A unit whose parent is a new row that will not be written cannot be written either.
  for (let changed = true; changed;) {
    changed = false;
    for (const plan of writable) {
      if (plan.status === 'error' || plan.excluded || !plan.parentTarget?.startsWith('new:')) continue;
      const parent = byTarget.get(plan.parentTarget);
      if (!parent || (parent.status === 'new' && !parent.excluded)) continue;
      const key = parent.excluded ? 'unitImport.reasons.parentExcluded' : 'unitImport.reasons.parentHasError';
      fail(plan, { field: 'parent', key, params: { row: parent.read.row } });
      changed = true;
    }
  }
}

function fail(plan: PlannedRow, issue: RowIssue): void {
  plan.errors.push(issue);
  plan.status = 'error';
}

export function emptyCounts(): StatusCounts {
  return { new: 0, update: 0, unchanged: 0, duplicate: 0, error: 0, skipped: 0 };
}

/** What the wizard shows: every listed row (blank rows only counted), in file order. */
export function previewRows(
  rows: readonly ReadRow[],
  planned: readonly PlannedRow[],
): {
  rows: PreviewRow[];
  counts: StatusCounts;
  blankRows: number;
} {
  const plannedByRow = new Map(planned.map((plan) => [plan.read.row, plan]));
  const counts = emptyCounts();
  const out: PreviewRow[] = [];
  let blankRows = 0;
  for (const read of rows) {
    if (read.type === 'blank') {
      blankRows += 1;
      continue;
    }
    if (read.type === 'skip') {
      counts.skipped += 1;
      out.push({
        row: read.row,
        status: 'skipped',
        skipReason: read.reason,
        unitId: null,
        duplicateOf: null,
        code: '',
        name: read.name,
        kind: 'other',
        kindInferred: false,
        schoolLevel: null,
        schoolType: null,
        managingBody: 'district',
        parent: '',
        headName: '',
        headTitle: '',
        address: '',
        phone: '',
        active: true,
        notes: '',
        originalName: null,
        changes: [],
        errors: [],
        warnings: [],
      });
      continue;
    }
    const plan = plannedByRow.get(read.row);
    if (!plan) continue;
    counts[plan.status] += 1;
    const shown = plan.input ?? rawInput(read, plan.existing);
    out.push({
      row: read.row,
      status: plan.status,
      skipReason: null,
      unitId: plan.existing?.id ?? null,
      duplicateOf: plan.duplicateOf,
      code: shown.code,
      name: shown.name,
      kind: shown.kind,
      kindInferred: read.unit.kindInferred,
      schoolLevel: shown.schoolLevel ?? null,
      schoolType: shown.schoolType ?? null,
      managingBody: shown.managingBody,
      parent: plan.parentLabel,
      headName: shown.headName,
      headTitle: shown.headTitle,
      address: shown.address,
      phone: shown.phone,
      active: shown.active,
      notes: shown.notes,
      originalName: read.originalName,
      changes: plan.changes,
      errors: plan.errors,
      warnings: plan.warnings,
    });
  }
  return { rows: out, counts, blankRows };
}
