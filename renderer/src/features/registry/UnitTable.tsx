import { useEffect, useRef, type KeyboardEvent } from 'react';
import { Box, Chip, IconButton, Skeleton, Tooltip, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { UnitSort } from '../../../../shared/api/registry';
import type { Unit } from '../../../../shared/domain/unit';
import { kindLabel, managingBodyLabel, schoolLevelLabel } from './unit-labels';

const ROW_HEIGHT = 40;
const COLUMNS = '110px minmax(260px, 2.4fr) 150px 140px 120px minmax(160px, 1fr) 130px 130px 48px';

interface UnitTableProps {
  total: number;
  rowAt(index: number): Unit | undefined;
  ensureRange(first: number, last: number): void;
  activeIndex: number;
  onActiveIndexChange(index: number): void;
  onEdit(unit: Unit): void;
  onToggleActive(unit: Unit): void;
  sort: UnitSort;
  onSortChange(sort: UnitSort): void;
  dimmed: boolean;
}

/**
 * The registry as a grid that stays smooth at 10,000 units: only the rows in view exist in
 * the page. Keyboard: arrows, Page Up/Down, Home/End move; Enter or F2 edits; Delete
 * deactivates (or reactivates) the selected unit.
 */
export function UnitTable(props: UnitTableProps) {
  const { total, rowAt, ensureRange, activeIndex, onActiveIndexChange, onEdit, onToggleActive, sort, onSortChange } =
    props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns a mutable object the React Compiler cannot memoise; that is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange]);

  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < total) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, total, virtualizer]);

  const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (total === 0) return;
    const move = (index: number) => {
      event.preventDefault();
      onActiveIndexChange(Math.max(0, Math.min(total - 1, index)));
    };
    const current = Math.max(0, activeIndex);
    switch (event.key) {
      case 'ArrowDown':
        return move(activeIndex < 0 ? 0 : current + 1);
      case 'ArrowUp':
        return move(current - 1);
      case 'PageDown':
        return move(current + pageRows);
      case 'PageUp':
        return move(current - pageRows);
      case 'Home':
        return move(0);
      case 'End':
        return move(total - 1);
      case 'Enter':
      case 'F2': {
        const unit = rowAt(current);
        if (unit) {
          event.preventDefault();
          onEdit(unit);
        }
        return;
      }
      case 'Delete': {
        const unit = rowAt(current);
        if (unit) {
          event.preventDefault();
          onToggleActive(unit);
        }
        return;
      }
      default:
    }
  };

  const header = (label: string, key?: UnitSort) => (
    <Box
      role="columnheader"
      aria-sort={key && key === sort ? (key === 'updated' ? 'descending' : 'ascending') : undefined}
      onClick={key ? () => onSortChange(key) : undefined}
      sx={{
        px: 1,
        display: 'flex',
        alignItems: 'center',
        fontWeight: 600,
        fontSize: 13,
        cursor: key ? 'pointer' : 'default',
        userSelect: 'none',
        color: key === sort ? 'primary.main' : 'text.secondary',
      }}
    >
      {label}
      {key === sort && <ArrowDropDownIcon fontSize="small" />}
    </Box>
  );

  return (
    <Box
      role="grid"
      aria-label={t('registry.listLabel')}
      aria-rowcount={total + 1}
      aria-colcount={9}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 && rowAt(activeIndex) ? `unit-row-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
      sx={{
        flexGrow: 1,
        minHeight: 0,
        display: 'flex',
        flexDirection: 'column',
        bgcolor: 'background.paper',
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        opacity: props.dimmed ? 0.6 : 1,
        transition: 'opacity 120ms',
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 1 },
      }}
    >
      <Box role="rowgroup">
        <Box
          role="row"
          aria-rowindex={1}
          sx={{
            display: 'grid',
            gridTemplateColumns: COLUMNS,
            height: 38,
            borderBottom: 1,
            borderColor: 'divider',
            bgcolor: 'grey.50',
          }}
        >
          {header(t('registry.fields.code'), 'code')}
          {header(t('registry.fields.name'), 'name')}
          {header(t('registry.fields.kind'), 'kind')}
          {header(t('registry.fields.schoolLevel'))}
          {header(t('registry.fields.managingBody'))}
          {header(t('registry.fields.headName'))}
          {header(t('registry.fields.phone'))}
          {header(t('registry.fields.status'))}
          <Box role="columnheader" aria-label={t('common.edit')} />
        </Box>
      </Box>
      <Box ref={scrollRef} role="rowgroup" sx={{ flexGrow: 1, minHeight: 0, overflow: 'auto', position: 'relative' }}>
        <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const unit = rowAt(item.index);
            const selected = item.index === activeIndex;
            return (
              <Box
                key={item.key}
                id={`unit-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                onClick={() => onActiveIndexChange(item.index)}
                onDoubleClick={() => unit && onEdit(unit)}
                sx={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                  display: 'grid',
                  gridTemplateColumns: COLUMNS,
                  alignItems: 'center',
                  borderBottom: 1,
                  borderColor: 'divider',
                  fontSize: 14,
                  cursor: 'default',
                  bgcolor: selected ? 'action.selected' : undefined,
                  color: unit && !unit.active ? 'text.disabled' : undefined,
                  '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
                }}
              >
                {unit ? <UnitCells unit={unit} onEdit={onEdit} /> : <LoadingCells />}
              </Box>
            );
          })}
        </Box>
      </Box>
    </Box>
  );
}

function Cell({ children, title }: { children: React.ReactNode; title?: string }) {
  return (
    <Box
      role="gridcell"
      title={title}
      sx={{ px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
    >
      {children}
    </Box>
  );
}

function UnitCells({ unit, onEdit }: { unit: Unit; onEdit(unit: Unit): void }) {
  const { t } = useTranslation();
  return (
    <>
      <Cell>{unit.code}</Cell>
      <Cell title={unit.name}>
        <Typography component="span" sx={{ fontWeight: 500, fontSize: 14 }}>
          {unit.name}
        </Typography>
        {unit.isSample && (
          <Chip
            label={t('common.sampleBadge')}
            size="small"
            variant="outlined"
            color="warning"
            sx={{ ml: 1, height: 20, fontSize: 11 }}
          />
        )}
      </Cell>
      <Cell>{kindLabel(t, unit)}</Cell>
      <Cell>{schoolLevelLabel(t, unit)}</Cell>
      <Cell>{managingBodyLabel(t, unit)}</Cell>
      <Cell title={unit.headTitle ? `${unit.headName} — ${unit.headTitle}` : unit.headName}>{unit.headName}</Cell>
      <Cell>{unit.phone}</Cell>
      <Cell>
        <Chip
          size="small"
          label={unit.active ? t('registry.status.active') : t('registry.status.inactive')}
          color={unit.active ? 'success' : 'default'}
          variant={unit.active ? 'outlined' : 'filled'}
          sx={{ height: 22, fontSize: 12 }}
        />
      </Cell>
      <Box role="gridcell">
        <Tooltip title={`${t('common.edit')} (Enter)`}>
          <IconButton
            size="small"
            aria-label={`${t('common.edit')} ${unit.name}`}
            onClick={() => onEdit(unit)}
            tabIndex={-1}
          >
            <EditIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      </Box>
    </>
  );
}

function LoadingCells() {
  return (
    <Box role="gridcell" sx={{ gridColumn: '1 / -1', px: 1 }}>
      <Skeleton variant="text" width="60%" />
    </Box>
  );
}
