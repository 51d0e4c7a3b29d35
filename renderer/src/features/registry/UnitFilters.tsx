import { forwardRef, memo } from 'react';
import { Button, InputAdornment, ListSubheader, MenuItem, Stack, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../../../shared/api/contract';
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
import type { UnitListRequest } from './useUnitList';

/** The registry's counts (whole registry, live units), shown beside each choice. */
export type RegistryCounts = ApiOutput<'registry.counts'>;

interface UnitFiltersProps {
  request: UnitListRequest;
  counts: RegistryCounts | null;
  /** Merges a change into the request (stable across renders). */
  onPatch(patch: Partial<UnitListRequest>): void;
  onSearchKeyDown?(event: React.KeyboardEvent<HTMLInputElement>): void;
}

/** Search-as-you-type plus kind, school level and type, managing body and status filters. */
export const UnitFilters = forwardRef<HTMLInputElement, UnitFiltersProps>(function UnitFilters(
  { request, counts, onPatch, onSearchKeyDown },
  searchRef,
) {
  const { t } = useTranslation();
  return (
    <Stack direction="row" spacing={1.5} sx={{ px: 3, pb: 1.5 }} alignItems="flex-start" flexWrap="wrap" useFlexGap>
      <TextField
        inputRef={searchRef}
        type="search"
        label={t('registry.searchLabel')}
        placeholder={t('registry.searchPlaceholder')}
        value={request.query}
        onChange={(event) => onPatch({ query: event.target.value })}
        onKeyDown={onSearchKeyDown}
        autoComplete="off"
        sx={{ flex: '1 1 280px', maxWidth: 520 }}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <FilterSelects
        kinds={request.kinds}
        managingBodies={request.managingBodies}
        schoolLevels={request.schoolLevels}
        schoolTypes={request.schoolTypes}
        active={request.active}
        counts={counts}
        filtered={
          request.kinds.length > 0 ||
          request.managingBodies.length > 0 ||
          request.schoolLevels.length > 0 ||
          request.schoolTypes.length > 0 ||
          request.active !== 'active' ||
          request.query !== ''
        }
        onPatch={onPatch}
      />
    </Stack>
  );
});

interface FilterSelectsProps {
  kinds: UnitKind[];
  managingBodies: ManagingBody[];
  schoolLevels: SchoolLevel[];
  schoolTypes: SchoolType[];
  active: UnitListRequest['active'];
  counts: RegistryCounts | null;
  filtered: boolean;
  onPatch(patch: Partial<UnitListRequest>): void;
}

interface MultiSelectProps<T extends string> {
  label: string;
  values: readonly T[];
  selected: T[];
  labelOf(value: T): string;
  /** How many units each choice has, shown beside it. */
  countOf?: (value: T) => number | undefined;
  width: number;
  onChange(selected: T[]): void;
}

/** A select of several values; "Tất cả" when none is chosen. */
function MultiSelect<T extends string>({
  label,
  values,
  selected,
  labelOf,
  countOf,
  width,
  onChange,
}: MultiSelectProps<T>) {
  const { t } = useTranslation();
  return (
    <TextField
      select
      label={label}
      value={selected}
      onChange={(event) => {
        const chosen = event.target.value as unknown as T[] | string;
        onChange(typeof chosen === 'string' ? (chosen.split(',') as T[]) : chosen);
      }}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (chosen) => (chosen as T[]).map(labelOf).join(', ') || t('common.all'),
          displayEmpty: true,
        },
        inputLabel: { shrink: true },
      }}
      sx={{ width }}
      fullWidth={false}
    >
      {values.map((value) => {
        const count = countOf?.(value);
        return (
          <MenuItem key={value} value={value}>
            {count === undefined ? labelOf(value) : `${labelOf(value)} (${count})`}
          </MenuItem>
        );
      })}
    </TextField>
  );
}

interface SchoolSelectProps {
  schoolLevels: SchoolLevel[];
  schoolTypes: SchoolType[];
  counts: RegistryCounts | null;
  onChange(levels: SchoolLevel[], types: SchoolType[]): void;
}

/**
 * Schools by level and by type in one menu ("THCS" and "bán trú": the PTDTBT THCS schools):
 * choices within a group widen the list, the two groups narrow each other.
 */
function SchoolSelect({ schoolLevels, schoolTypes, counts, onChange }: SchoolSelectProps) {
  const { t } = useTranslation();
  const chosen = [...schoolLevels.map((level) => `level:${level}`), ...schoolTypes.map((type) => `type:${type}`)];
  const labelOf = (value: string) => {
    const [group, key] = value.split(':');
    return group === 'level' ? t(`registry.schoolLevels.${key}`) : t(`registry.schoolTypes.${key}`);
  };
  const item = (value: string, count: number | undefined) => (
    <MenuItem key={value} value={value} sx={{ pl: 3 }}>
      {count === undefined ? labelOf(value) : `${labelOf(value)} (${count})`}
    </MenuItem>
  );
  return (
    <TextField
      select
      label={t('registry.filters.school')}
      value={chosen}
      onChange={(event) => {
        const picked = event.target.value as unknown as string[] | string;
        const values = typeof picked === 'string' ? picked.split(',') : picked;
        onChange(
          SCHOOL_LEVELS.filter((level) => values.includes(`level:${level}`)),
          SCHOOL_TYPES.filter((type) => values.includes(`type:${type}`)),
        );
      }}
      slotProps={{
        select: {
          multiple: true,
          renderValue: (selected) => (selected as string[]).map(labelOf).join(', ') || t('common.all'),
          displayEmpty: true,
        },
        inputLabel: { shrink: true },
      }}
      sx={{ width: 210 }}
      fullWidth={false}
    >
      <ListSubheader>{t('registry.filters.schoolLevel')}</ListSubheader>
      {SCHOOL_LEVELS.map((level) => item(`level:${level}`, counts?.bySchoolLevel[level]))}
      <ListSubheader>{t('registry.filters.schoolType')}</ListSubheader>
      {SCHOOL_TYPES.map((type) => item(`type:${type}`, counts?.bySchoolType[type]))}
    </TextField>
  );
}

/** Separate and memoised: typing in the search box does not re-render these menus. */
const FilterSelects = memo(function FilterSelects({
  kinds,
  managingBodies,
  schoolLevels,
  schoolTypes,
  active,
  counts,
  filtered,
  onPatch,
}: FilterSelectsProps) {
  const { t } = useTranslation();
  return (
    <>
      <MultiSelect
        label={t('registry.filters.kind')}
        values={UNIT_KINDS}
        selected={kinds}
        labelOf={(kind) => t(`registry.kinds.${kind}`)}
        countOf={(kind) => counts?.byKind[kind]}
        width={200}
        onChange={(selected) => onPatch({ kinds: selected })}
      />
      <SchoolSelect
        schoolLevels={schoolLevels}
        schoolTypes={schoolTypes}
        counts={counts}
        onChange={(levels, types) => onPatch({ schoolLevels: levels, schoolTypes: types })}
      />
      <MultiSelect
        label={t('registry.filters.managingBody')}
        values={MANAGING_BODIES}
        selected={managingBodies}
        labelOf={(body) => t(`registry.managingBodies.${body}`)}
        width={180}
        onChange={(selected) => onPatch({ managingBodies: selected })}
      />
      <TextField
        select
        label={t('registry.filters.active')}
        value={active}
        onChange={(event) => onPatch({ active: event.target.value as UnitListRequest['active'] })}
        sx={{ width: 170 }}
        fullWidth={false}
      >
        <MenuItem value="active">{t('registry.filters.activeOnly')}</MenuItem>
        <MenuItem value="inactive">{t('registry.filters.inactiveOnly')}</MenuItem>
        <MenuItem value="all">{t('registry.filters.all')}</MenuItem>
      </TextField>
      {filtered && (
        <Button
          onClick={() =>
            onPatch({ query: '', kinds: [], managingBodies: [], schoolLevels: [], schoolTypes: [], active: 'active' })
          }
          sx={{ mt: 0.5 }}
        >
          {t('registry.filters.clear')}
        </Button>
      )}
    </>
  );
});
