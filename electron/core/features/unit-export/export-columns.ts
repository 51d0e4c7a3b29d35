import type { Unit } from '../../../../shared/domain/unit';
import type { Language } from '../../../../shared/domain/settings';
import type { ImportField } from '../../../../shared/domain/unit-import';
import { translate } from '../../../../shared/i18n/translate';

/**
 * The columns of an export, in order, with the header text and the width Excel shows. The
 * headers and values are the labels the importer recognises, so an export imports back
 * unchanged (the round trip is tested).
 */
export interface ExportColumn {
  field: Exclude<ImportField, 'ignore'>;
  /** Width in characters. */
  width: number;
  value(unit: Unit, index: number, context: ExportContext): string | number;
}

export interface ExportContext {
  language: Language;
  /** How each parent is named in the file (see `parentLabels`). */
  parentLabels: ReadonlyMap<string, string>;
}

export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  { field: 'number', width: 6, value: (_unit, index) => index + 1 },
  { field: 'code', width: 14, value: (unit) => unit.code },
  { field: 'name', width: 46, value: (unit) => unit.name },
  { field: 'kind', width: 20, value: (unit, _i, { language }) => translate(language, `registry.kinds.${unit.kind}`) },
  {
    field: 'schoolLevel',
    width: 18,
    value: (unit, _i, { language }) =>
      unit.schoolLevel ? translate(language, `registry.schoolLevels.${unit.schoolLevel}`) : '',
  },
  {
    field: 'schoolType',
    width: 26,
    value: (unit, _i, { language }) =>
      unit.schoolType ? translate(language, `registry.schoolTypes.${unit.schoolType}`) : '',
  },
  {
    field: 'managingBody',
    width: 16,
    value: (unit, _i, { language }) => translate(language, `registry.managingBodies.${unit.managingBody}`),
  },
  {
    field: 'parent',
    width: 32,
    value: (unit, _i, { parentLabels }) =>
      unit.parentId ? (parentLabels.get(unit.parentId) ?? unit.parentName ?? '') : '',
  },
  { field: 'headName', width: 26, value: (unit) => unit.headName },
  { field: 'headTitle', width: 22, value: (unit) => unit.headTitle },
  { field: 'address', width: 40, value: (unit) => unit.address },
  { field: 'phone', width: 18, value: (unit) => unit.phone },
  {
    field: 'active',
    width: 17,
    value: (unit, _i, { language }) =>
      translate(language, unit.active ? 'registry.status.active' : 'registry.status.inactive'),
  },
  { field: 'notes', width: 40, value: (unit) => unit.notes },
];

export function columnHeader(column: ExportColumn, language: Language): string {
  return translate(language, `unitImport.columns.${column.field}`);
}
