import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { gridKeyAction } from '../../components/grid-keys';
import type { UnitSort } from '../../../../shared/api/registry';
import type { Unit } from '../../../../shared/domain/unit';
import { UnitRow } from './UnitRow';
import { GridFrame, ROW_HEIGHT } from './unit-table-styles';
import { rowLabels } from './unit-labels';

/**
 * Rows are keyed by their slot on screen, not by their index in the list: while scrolling, the
 * same few dozen row elements are updated in place instead of being created and thrown away.
 * Must exceed the rows in view plus overscan.
 */
const RECYCLED_ROWS = 96;

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
  /** The rows shown belong to an earlier search; the new answer is on its way. */
  busy: boolean;
}

/**
 * The registry as a grid that stays smooth at 10,000 units: only the rows in view exist in
 * the page. Keyboard: arrows, Page Up/Down, Home/End move; Enter or F2 edits; Delete
 * deactivates (or reactivates) the selected unit.
 */
export function UnitTable(props: UnitTableProps) {
  const { total, rowAt, ensureRange, activeIndex, onActiveIndexChange, onEdit, onToggleActive, sort, onSortChange } =
    props;
  const { t, i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- relabel when the language changes
  const labels = useMemo(() => rowLabels(t), [t, i18n.language]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns a mutable object the React Compiler cannot memoise; that is expected.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
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

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const pageRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const action = gridKeyAction(event.key, activeIndex, total, pageRows);
    if (!action) return;
    if (action.kind === 'move') {
      event.preventDefault();
      onActiveIndexChange(action.index);
      return;
    }
    const unit = rowAt(action.index);
    if (!unit) return;
    event.preventDefault();
    if (action.kind === 'open') onEdit(unit);
    else onToggleActive(unit);
  };

  const header = (label: string, key?: UnitSort) => (
    <div
      role="columnheader"
      className={key ? 'sortable' : undefined}
      aria-sort={key && key === sort ? (key === 'updated' ? 'descending' : 'ascending') : undefined}
      onClick={key ? () => onSortChange(key) : undefined}
    >
      {label}
      {key === sort ? ' ▾' : ''}
    </div>
  );

  return (
    <GridFrame
      role="grid"
      aria-label={t('registry.listLabel')}
      aria-rowcount={total + 1}
      aria-colcount={8}
      tabIndex={0}
      aria-busy={props.busy}
      aria-activedescendant={activeIndex >= 0 && rowAt(activeIndex) ? `unit-row-${activeIndex}` : undefined}
      onKeyDown={onKeyDown}
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="head">
          {header(t('registry.fields.code'), 'code')}
          {header(t('registry.fields.name'), 'name')}
          {header(t('registry.fields.kind'), 'kind')}
          {header(t('registry.fields.managingBody'))}
          {header(t('registry.fields.headName'))}
          {header(t('registry.fields.phone'))}
          {header(t('registry.fields.status'))}
          <div role="columnheader" aria-label={t('common.edit')} />
        </div>
      </div>
      <div ref={scrollRef} role="rowgroup" className="scroller">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <UnitRow
              key={item.index % RECYCLED_ROWS}
              index={item.index}
              start={item.start}
              unit={rowAt(item.index)}
              selected={item.index === activeIndex}
              labels={labels}
              onSelect={onActiveIndexChange}
              onEdit={onEdit}
            />
          ))}
        </div>
      </div>
    </GridFrame>
  );
}
