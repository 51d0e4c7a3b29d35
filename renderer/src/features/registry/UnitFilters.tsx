import { forwardRef, memo } from 'react';
import { Button, InputAdornment, MenuItem, Stack, TextField } from '@mui/material';
import SearchIcon from '@mui/icons-material/Search';
import { useTranslation } from 'react-i18next';
import { MANAGING_BODIES, UNIT_KINDS, type ManagingBody, type UnitKind } from '../../../../shared/domain/unit';
import type { UnitListRequest } from './useUnitList';

interface UnitFiltersProps {
  request: UnitListRequest;
  /** Merges a change into the request (stable across renders). */
  onPatch(patch: Partial<UnitListRequest>): void;
  onSearchKeyDown?(event: React.KeyboardEvent<HTMLInputElement>): void;
}

/** Search-as-you-type plus kind, managing body and status filters. */
export const UnitFilters = forwardRef<HTMLInputElement, UnitFiltersProps>(function UnitFilters(
  { request, onPatch, onSearchKeyDown },
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
        sx={{ flex: '1 1 340px', maxWidth: 520 }}
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
        active={request.active}
        filtered={
          request.kinds.length > 0 ||
          request.managingBodies.length > 0 ||
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
  active: UnitListRequest['active'];
  filtered: boolean;
  onPatch(patch: Partial<UnitListRequest>): void;
}

/** Separate and memoised: typing in the search box does not re-render these menus. */
const FilterSelects = memo(function FilterSelects({
  kinds,
  managingBodies,
  active,
  filtered,
  onPatch,
}: FilterSelectsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        select
        label={t('registry.filters.kind')}
        value={kinds}
        onChange={(event) => {
          const selected = event.target.value as unknown as UnitKind[] | string;
          onPatch({ kinds: typeof selected === 'string' ? (selected.split(',') as UnitKind[]) : selected });
        }}
        slotProps={{
          select: {
            multiple: true,
            renderValue: (selected) =>
              (selected as UnitKind[]).map((kind) => t(`registry.kinds.${kind}`)).join(', ') || t('common.all'),
            displayEmpty: true,
          },
          inputLabel: { shrink: true },
        }}
        // Several kinds chosen wrap onto a second line rather than end in "…".
        sx={{ width: 220, '& .MuiSelect-select.MuiInputBase-input': { whiteSpace: 'normal' } }}
        fullWidth={false}
      >
        {UNIT_KINDS.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {t(`registry.kinds.${kind}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={t('registry.filters.managingBody')}
        value={managingBodies}
        onChange={(event) => {
          const selected = event.target.value as unknown as ManagingBody[] | string;
          onPatch({
            managingBodies: typeof selected === 'string' ? (selected.split(',') as ManagingBody[]) : selected,
          });
        }}
        slotProps={{
          select: {
            multiple: true,
            renderValue: (selected) =>
              (selected as ManagingBody[]).map((body) => t(`registry.managingBodies.${body}`)).join(', ') ||
              t('common.all'),
            displayEmpty: true,
          },
          inputLabel: { shrink: true },
        }}
        sx={{ width: 200, '& .MuiSelect-select.MuiInputBase-input': { whiteSpace: 'normal' } }}
        fullWidth={false}
      >
        {MANAGING_BODIES.map((body) => (
          <MenuItem key={body} value={body}>
            {t(`registry.managingBodies.${body}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        label={t('registry.filters.active')}
        value={active}
        onChange={(event) => onPatch({ active: event.target.value as UnitListRequest['active'] })}
        sx={{ width: 180 }}
        fullWidth={false}
      >
        <MenuItem value="active">{t('registry.filters.activeOnly')}</MenuItem>
        <MenuItem value="inactive">{t('registry.filters.inactiveOnly')}</MenuItem>
        <MenuItem value="all">{t('registry.filters.all')}</MenuItem>
      </TextField>
      {filtered && (
        <Button
          onClick={() => onPatch({ query: '', kinds: [], managingBodies: [], active: 'active' })}
          sx={{ mt: 0.5 }}
        >
          {t('registry.filters.clear')}
        </Button>
      )}
    </>
  );
});
