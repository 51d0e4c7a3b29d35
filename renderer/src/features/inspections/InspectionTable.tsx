import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { Box, Chip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { gridKeyAction } from '../../components/grid-keys';
import type { InspectionSummary } from '../../../../shared/domain/inspection';
import { formatDate } from '../../../../shared/format/date';
import { StatusChip } from './StatusChip';

interface InspectionTableProps {
  label: string;
  rows: InspectionSummary[];
  activeIndex: number;
  onActiveIndexChange(index: number): void;
  onOpen(row: InspectionSummary): void;
  /** Delete on a row (the plan's schedule: remove the unit from the scope). */
  onDelete?(row: InspectionSummary): void;
  showPlan: boolean;
  /** Extra cell at the end of each row (e.g. a planned-date editor). */
  extra?(row: InspectionSummary): ReactNode;
}

const ROW_HEIGHT = 42;

/**
 * Inspections as a keyboard grid: ↑/↓, Page Up/Down, Home/End move; Enter opens; Delete
 * (where offered) acts on the row. Rows carry the unit name so tests and screen readers find
 * them by it.
 */
export function InspectionTable(props: InspectionTableProps) {
  const { label, rows, activeIndex, onActiveIndexChange, onOpen, onDelete, showPlan, extra } = props;
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const columns = showPlan
    ? '110px minmax(220px, 1.6fr) minmax(180px, 1fr) 120px 130px'
    : `110px minmax(240px, 1.6fr) 120px 130px${extra ? ' 220px' : ''}`;

  useEffect(() => {
    const node = scrollRef.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"]`);
    node?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return;
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const action = gridKeyAction(event.key, activeIndex, rows.length, pageRows);
    const row = action ? rows[action.index] : undefined;
    if (!action || !row || (action.kind === 'remove' && !onDelete)) return;
    event.preventDefault();
    if (action.kind === 'move') onActiveIndexChange(action.index);
    else if (action.kind === 'open') onOpen(row);
    else onDelete?.(row);
  };

  const header = (text: string) => (
    <Box
      role="columnheader"
      sx={{ px: 1, fontWeight: 600, fontSize: 13, color: 'text.secondary', alignSelf: 'center' }}
    >
      {text}
    </Box>
  );
  return (
    <Box
      role="grid"
      aria-label={label}
      aria-rowcount={rows.length + 1}
      tabIndex={0}
      aria-activedescendant={activeIndex >= 0 && rows[activeIndex] ? `inspection-row-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
      sx={{
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        flexGrow: 1,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.paper',
        '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 1 },
      }}
    >
      <Box
        role="row"
        sx={{
          display: 'grid',
          gridTemplateColumns: columns,
          height: 36,
          bgcolor: 'grey.50',
          borderBottom: 1,
          borderColor: 'divider',
        }}
      >
        {header(t('inspections.columns.date'))}
        {header(t('inspections.columns.unit'))}
        {showPlan && header(t('inspections.columns.plan'))}
        {header(t('inspections.columns.kind'))}
        {header(t('inspections.columns.status'))}
        {!showPlan && extra && header(t('inspections.fields.plannedDate'))}
      </Box>
      <Box ref={scrollRef} role="rowgroup" sx={{ overflow: 'auto', flexGrow: 1, minHeight: 0 }}>
        {rows.map((row, index) => {
          const selected = index === activeIndex;
          const date = row.inspectionDate ?? row.plannedDate;
          return (
            <Box
              key={row.id}
              id={`inspection-row-${index}`}
              data-index={index}
              role="row"
              aria-selected={selected}
              onClick={() => onActiveIndexChange(index)}
              onDoubleClick={() => onOpen(row)}
              sx={{
                display: 'grid',
                gridTemplateColumns: columns,
                minHeight: ROW_HEIGHT,
                alignItems: 'center',
                borderBottom: 1,
                borderColor: 'divider',
                cursor: 'default',
                bgcolor: selected ? 'action.selected' : undefined,
                '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
              }}
            >
              <Box
                role="gridcell"
                sx={{ px: 1, fontSize: 14, color: row.inspectionDate ? 'text.primary' : 'text.secondary' }}
              >
                {date ? formatDate(date) : t('plans.schedule.noDate')}
              </Box>
              <Box role="gridcell" sx={{ px: 1, py: 0.5, overflowWrap: 'anywhere' }}>
                <Typography component="span" sx={{ fontWeight: 500, fontSize: 14 }}>
                  {row.unitName}
                </Typography>
                {row.isSample && (
                  <Chip
                    label={t('common.sampleBadge')}
                    size="small"
                    variant="outlined"
                    color="warning"
                    sx={{ ml: 1, height: 20, fontSize: 11 }}
                  />
                )}
              </Box>
              {showPlan && (
                <Box role="gridcell" sx={{ px: 1, py: 0.5, fontSize: 13, overflowWrap: 'anywhere' }}>
                  {row.planTitle}
                </Box>
              )}
              <Box role="gridcell" sx={{ px: 1, fontSize: 13 }}>
                {t(`inspections.kinds.${row.kind}`)}
              </Box>
              <Box role="gridcell" sx={{ px: 1 }}>
                <StatusChip status={row.status} />
              </Box>
              {!showPlan && extra && (
                <Box role="gridcell" sx={{ px: 1 }}>
                  {extra(row)}
                </Box>
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
