import { useMemo, useRef, useState } from 'react';
import {
  Alert,
  Box,
  Checkbox,
  Chip,
  FormControlLabel,
  LinearProgress,
  Stack,
  Switch,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import {
  SCHOOL_LEVELS,
  SCHOOL_TYPES,
  UNIT_KINDS,
  type SchoolLevel,
  type SchoolType,
  type UnitKind,
} from '../../../../shared/domain/unit';
import { ROW_STATUSES, type PreviewRow, type RowOverride, type RowStatus } from '../../../../shared/domain/unit-import';
import { issueText } from './issue-text';
import type { WizardState } from './useImportWizard';

const ROW_HEIGHT = 56;
// Everything but the text columns has a fixed width; wider screens give the room to the text.
// Why a row is refused or changes comes right after its name: on a 1366-pixel screen the columns
// further right are scrolled to, and the reason is what the clerk must read.
const COLUMNS =
  '40px 48px 112px minmax(180px, 2fr) minmax(190px, 1.4fr) 140px 130px 190px minmax(130px, 1fr) 112px minmax(100px, 0.8fr)';
/** Below this width the grid scrolls sideways instead of squeezing the reasons column. */
const MIN_WIDTH = 1420;

const STATUS_COLOR: Record<RowStatus, 'success' | 'info' | 'default' | 'warning' | 'error'> = {
  new: 'success',
  update: 'info',
  unchanged: 'default',
  duplicate: 'warning',
  error: 'error',
  skipped: 'default',
};

interface PreviewStepProps {
  state: WizardState;
  onCorrect(
    row: number,
    change: { kind?: UnitKind; schoolLevel?: SchoolLevel | null; schoolType?: SchoolType | null },
  ): void;
  onToggle(row: number): void;
  onUpdateExisting(value: boolean): void;
}

/** Step 3: every row with its status and reason, filterable; kinds, levels and types can be corrected here. */
export function PreviewStep({ state, onCorrect, onToggle, onUpdateExisting }: PreviewStepProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<RowStatus | 'all'>('all');
  const preview = state.preview;
  const rows = useMemo(
    () => (preview ? (filter === 'all' ? preview.rows : preview.rows.filter((row) => row.status === filter)) : []),
    [preview, filter],
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns a mutable object the React Compiler cannot memoise; that is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  if (!preview) return null;
  if (preview.mappingErrors.length > 0) {
    return (
      <Alert severity="error" role="alert">
        {preview.mappingErrors.map((issue) => issueText(t, issue)).join(' ')}
      </Alert>
    );
  }
  const total = preview.rows.length;

  return (
    <Stack spacing={1.5} sx={{ minHeight: 0, flexGrow: 1 }}>
      <Stack direction="row" spacing={2} alignItems="center" flexWrap="wrap" useFlexGap>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={filter}
          onChange={(_, value: RowStatus | 'all' | null) => value && setFilter(value)}
          aria-label={t('unitImport.preview.filterLabel')}
        >
          <ToggleButton value="all">{t('unitImport.preview.all', { count: total })}</ToggleButton>
          {ROW_STATUSES.map((status) => (
            <ToggleButton key={status} value={status} disabled={preview.counts[status] === 0}>
              {t(`unitImport.statuses.${status}`)} ({preview.counts[status]})
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <FormControlLabel
          control={
            <Switch checked={state.updateExisting} onChange={(event) => onUpdateExisting(event.target.checked)} />
          }
          label={t('unitImport.preview.updateExisting')}
        />
        <Typography variant="caption" color="text.secondary">
          {t('unitImport.preview.updateHelp')}
        </Typography>
      </Stack>
      <Box sx={{ height: 4 }}>
        {state.busy === 'previewing' && <LinearProgress aria-label={t('unitImport.preview.refreshing')} />}
      </Box>
      {state.error && (
        <Alert severity="error" role="alert">
          {state.error}
        </Alert>
      )}
      <Box
        role="grid"
        aria-label={t('unitImport.preview.tableLabel')}
        aria-rowcount={rows.length + 1}
        sx={{
          display: 'flex',
          flexDirection: 'column',
          minHeight: 0,
          flexGrow: 1,
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          overflowX: 'auto',
          '& > [role="rowgroup"]': { minWidth: MIN_WIDTH },
        }}
      >
        <Box role="rowgroup">
          <Box
            role="row"
            sx={{
              display: 'grid',
              gridTemplateColumns: COLUMNS,
              minHeight: 36,
              alignItems: 'center',
              bgcolor: 'grey.50',
              borderBottom: 1,
              borderColor: 'divider',
              fontSize: 13,
              fontWeight: 600,
              color: 'text.secondary',
              '& > *': { px: 0.75 },
            }}
          >
            <Box role="columnheader" aria-label={t('unitImport.preview.include')} />
            <Box role="columnheader">{t('unitImport.preview.columns.row')}</Box>
            <Box role="columnheader">{t('unitImport.preview.columns.status')}</Box>
            <Box role="columnheader">{t('unitImport.preview.columns.name')}</Box>
            <Box role="columnheader">{t('unitImport.preview.columns.reasons')}</Box>
            <Box role="columnheader">{t('unitImport.preview.columns.kind')}</Box>
            <Box role="columnheader">{t('unitImport.preview.columns.schoolLevel')}</Box>
            <Box role="columnheader">{t('unitImport.preview.columns.schoolType')}</Box>
            <Box role="columnheader">{t('unitImport.preview.columns.head')}</Box>
            <Box role="columnheader">{t('unitImport.preview.columns.phone')}</Box>
            <Box role="columnheader">{t('unitImport.preview.columns.notes')}</Box>
          </Box>
        </Box>
        <Box
          ref={scrollRef}
          role="rowgroup"
          sx={{ flexGrow: 1, minHeight: 240, overflow: 'auto', position: 'relative' }}
        >
          {rows.length === 0 ? (
            <Typography color="text.secondary" sx={{ p: 2 }} role="status">
              {t('unitImport.preview.empty')}
            </Typography>
          ) : (
            <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index];
                if (!row) return null;
                return (
                  <PreviewLine
                    key={row.row}
                    row={row}
                    top={item.start}
                    included={!state.excluded.has(row.row)}
                    override={state.overrides.get(row.row)}
                    updateExisting={state.updateExisting}
                    onCorrect={onCorrect}
                    onToggle={onToggle}
                  />
                );
              })}
            </Box>
          )}
        </Box>
      </Box>
    </Stack>
  );
}

interface PreviewLineProps {
  row: PreviewRow;
  top: number;
  included: boolean;
  /** What the clerk chose for this row; shown at once, before the refreshed preview arrives. */
  override: RowOverride | undefined;
  updateExisting: boolean;
  onCorrect: PreviewStepProps['onCorrect'];
  onToggle(row: number): void;
}

function PreviewLine({ row, top, included, override, updateExisting, onCorrect, onToggle }: PreviewLineProps) {
  const { t } = useTranslation();
  const kind = override?.kind ?? row.kind;
  const schoolLevel = override?.schoolLevel !== undefined ? override.schoolLevel : row.schoolLevel;
  // Once the clerk has looked at the row and corrected it, the kind is theirs, not a guess.
  const inferred = row.kindInferred && override === undefined;
  const writable = row.status === 'new' || (row.status === 'update' && updateExisting);
  const correctable = row.status === 'new' || row.status === 'update' || row.status === 'error';
  const reasons = [
    ...(row.skipReason ? [t(`unitImport.skipReasons.${row.skipReason}`)] : []),
    ...row.errors.map((issue) => issueText(t, issue)),
    ...row.warnings.map((issue) => issueText(t, issue)),
    ...(row.status === 'update' && row.changes.length > 0
      ? [
          t('unitImport.preview.changes', {
            fields: row.changes.map((field) => t(`unitImport.fields.${field}`)).join(', '),
          }),
        ]
      : []),
  ].join(' ');
  const dim = row.status === 'skipped' || row.status === 'unchanged' || !included;
  return (
    <Box
      role="row"
      aria-label={`${row.row} ${row.name}`}
      sx={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${top}px)`,
        display: 'grid',
        gridTemplateColumns: COLUMNS,
        alignItems: 'center',
        borderBottom: 1,
        borderColor: 'divider',
        fontSize: 14,
        color: dim ? 'text.secondary' : undefined,
        bgcolor: row.status === 'error' ? 'rgba(211, 47, 47, 0.04)' : undefined,
        '& > [role="gridcell"]': { px: 0.75, overflow: 'hidden' },
      }}
    >
      <Box role="gridcell">
        {writable && (
          <Checkbox
            size="small"
            checked={included}
            onChange={() => onToggle(row.row)}
            slotProps={{ input: { 'aria-label': t('unitImport.preview.includeRow', { row: row.row }) } }}
          />
        )}
      </Box>
      <Box role="gridcell">{row.row}</Box>
      <Box role="gridcell">
        <Chip
          size="small"
          label={t(`unitImport.statuses.${row.status}`)}
          color={STATUS_COLOR[row.status]}
          variant={row.status === 'new' || row.status === 'error' ? 'filled' : 'outlined'}
          sx={{ height: 22, fontSize: 12 }}
        />
      </Box>
      <Box role="gridcell">
        {/* A long name wraps to a second line rather than hiding behind a tooltip. */}
        <Typography
          sx={{ ...clamped(2), fontSize: 14, lineHeight: 1.25, fontWeight: row.status === 'skipped' ? 400 : 500 }}
        >
          {row.name}
        </Typography>
        {/* The code, and the name as the file wrote it when it was converted, under the name. */}
        {(row.code !== '' || row.originalName !== null) && (
          <Typography noWrap variant="caption" color="text.secondary" component="p">
            {[
              row.code === '' ? '' : t('unitImport.preview.codeLine', { code: row.code }),
              row.originalName === null ? '' : t('unitImport.preview.original', { text: row.originalName }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography>
        )}
      </Box>
      <Box role="gridcell" title={reasons}>
        <Typography
          sx={{
            fontSize: 12.5,
            lineHeight: 1.3,
            color: row.errors.length > 0 ? 'error.main' : 'text.secondary',
            display: '-webkit-box',
            WebkitLineClamp: 3,
            WebkitBoxOrient: 'vertical',
            overflow: 'hidden',
          }}
        >
          {reasons}
        </Typography>
      </Box>
      <Box role="gridcell">
        {correctable ? (
          <Box
            component="select"
            value={kind}
            aria-label={t('unitImport.preview.kindFor', { row: row.row })}
            onChange={(event: React.ChangeEvent<HTMLSelectElement>) =>
              onCorrect(row.row, { kind: event.target.value as UnitKind })
            }
            sx={selectSx}
          >
            {UNIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`registry.kinds.${kind}`)}
              </option>
            ))}
          </Box>
        ) : null}
        {correctable && inferred && (
          <Typography variant="caption" color="text.secondary" component="p" noWrap>
            {t('unitImport.preview.inferred')}
          </Typography>
        )}
      </Box>
      <Box role="gridcell">
        {correctable && kind === 'school' ? (
          <Box
            component="select"
            value={schoolLevel ?? ''}
            aria-label={t('unitImport.preview.levelFor', { row: row.row })}
            onChange={(event: React.ChangeEvent<HTMLSelectElement>) =>
              onCorrect(row.row, { schoolLevel: (event.target.value || null) as SchoolLevel | null })
            }
            sx={selectSx}
          >
            <option value="" />
            {SCHOOL_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`registry.schoolLevels.${level}`)}
              </option>
            ))}
          </Box>
        ) : null}
      </Box>
      <Box role="gridcell">
        {correctable && row.kind === 'school' ? (
          <Box
            component="select"
            value={row.schoolType ?? 'regular'}
            aria-label={t('unitImport.preview.typeFor', { row: row.row })}
            onChange={(event: React.ChangeEvent<HTMLSelectElement>) =>
              onCorrect(row.row, { schoolType: event.target.value as SchoolType })
            }
            sx={selectSx}
          >
            {SCHOOL_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`registry.schoolTypes.${type}`)}
              </option>
            ))}
          </Box>
        ) : null}
      </Box>
      <Box role="gridcell">
        <Typography noWrap sx={{ fontSize: 14 }}>
          {row.headName}
        </Typography>
        {row.headTitle && (
          <Typography noWrap variant="caption" color="text.secondary" component="p">
            {row.headTitle}
          </Typography>
        )}
      </Box>
      <Box role="gridcell">
        <Typography noWrap sx={{ fontSize: 14 }}>
          {row.phone}
        </Typography>
      </Box>
      <Box role="gridcell">
        <Typography sx={clamped(2)}>{row.notes}</Typography>
      </Box>
    </Box>
  );
}

/** Text cut after `lines` lines (the row's height is fixed for the virtual list). */
function clamped(lines: number) {
  return {
    fontSize: 13,
    lineHeight: 1.3,
    display: '-webkit-box',
    WebkitLineClamp: lines,
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  } as const;
}

const selectSx = {
  width: '100%',
  font: 'inherit',
  fontSize: 13,
  py: 0.5,
  px: 0.5,
  border: 1,
  borderColor: 'divider',
  borderRadius: 1,
  bgcolor: 'background.paper',
  color: 'text.primary',
} as const;
