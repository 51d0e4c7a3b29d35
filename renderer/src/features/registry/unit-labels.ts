import type { TFunction } from 'i18next';
import {
  MANAGING_BODIES,
  SCHOOL_LEVELS,
  SCHOOL_TYPES,
  UNIT_KINDS,
  type ManagingBody,
  type SchoolLevel,
  type SchoolType,
  type UnitKind,
} from '../../../../shared/domain/unit';

/** Every label a grid row shows, looked up once per language instead of once per cell. */
export interface RowLabels {
  kinds: Record<UnitKind, string>;
  schoolLevels: Record<SchoolLevel, string>;
  schoolKinds: Record<SchoolLevel, string>;
  /** After the level, for a school that is not a regular one ("bán trú"). */
  schoolTypesShort: Record<Exclude<SchoolType, 'regular'>, string>;
  managingBodies: Record<ManagingBody, string>;
  active: string;
  inactive: string;
  sample: string;
  sampleTitle: string;
  edit: string;
  loading: string;
}

export function rowLabels(t: TFunction): RowLabels {
  const table = <K extends string>(keys: readonly K[], prefix: string) =>
    Object.fromEntries(keys.map((key) => [key, t(`${prefix}.${key}`)])) as Record<K, string>;
  return {
    kinds: table(UNIT_KINDS, 'registry.kinds'),
    schoolLevels: table(SCHOOL_LEVELS, 'registry.schoolLevels'),
    schoolKinds: table(SCHOOL_LEVELS, 'registry.schoolKinds'),
    schoolTypesShort: table(
      SCHOOL_TYPES.filter((type): type is Exclude<SchoolType, 'regular'> => type !== 'regular'),
      'registry.schoolTypesShort',
    ),
    managingBodies: table(MANAGING_BODIES, 'registry.managingBodies'),
    active: t('registry.status.active'),
    inactive: t('registry.status.inactive'),
    sample: t('registry.sampleShort'),
    sampleTitle: t('registry.sampleTitle'),
    edit: t('common.edit'),
    loading: t('common.loading'),
  };
}
