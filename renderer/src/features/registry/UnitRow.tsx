import { memo } from 'react';
import type { Unit } from '../../../../shared/domain/unit';
import type { RowLabels } from './unit-labels';

interface UnitRowProps {
  index: number;
  start: number;
  unit: Unit | undefined;
  selected: boolean;
  labels: RowLabels;
  onSelect(index: number): void;
  onEdit(unit: Unit): void;
}

/** One row of the registry grid: plain elements, re-rendered only when its unit or selection changes. */
export const UnitRow = memo(function UnitRow({ index, start, unit, selected, labels, onSelect, onEdit }: UnitRowProps) {
  const style = { transform: `translateY(${start}px)` };
  if (!unit) {
    return (
      <div className="row" role="row" aria-rowindex={index + 2} id={`unit-row-${index}`} style={style}>
        <div className="placeholder" role="gridcell" aria-label={labels.loading} />
      </div>
    );
  }
  const head = unit.headTitle ? `${unit.headName} — ${unit.headTitle}` : unit.headName;
  const type = unit.schoolType && unit.schoolType !== 'regular' ? labels.schoolTypesShort[unit.schoolType] : '';
  const kind = unit.schoolLevel ? labels.schoolKinds[unit.schoolLevel] : labels.kinds[unit.kind];
  return (
    <div
      className={unit.active ? 'row' : 'row inactive'}
      role="row"
      id={`unit-row-${index}`}
      aria-rowindex={index + 2}
      aria-selected={selected}
      style={style}
      onClick={() => onSelect(index)}
      onDoubleClick={() => onEdit(unit)}
    >
      <div className="cell" role="gridcell">
        {unit.code}
      </div>
      <div className="cell named" role="gridcell" title={unit.name}>
        <span className="name">{unit.name}</span>
        {unit.isSample && (
          <span className="badge" title={labels.sampleTitle}>
            {labels.sample}
          </span>
        )}
      </div>
      <div className="cell" role="gridcell" title={type ? `${kind} · ${type}` : kind}>
        {type ? `${kind} · ${type}` : kind}
      </div>
      <div className="cell" role="gridcell">
        {labels.managingBodies[unit.managingBody]}
      </div>
      <div className="cell wraps" role="gridcell" title={head}>
        {unit.headName}
      </div>
      <div className="cell" role="gridcell">
        {unit.phone}
      </div>
      <div className="cell" role="gridcell">
        <span className="status">{unit.active ? labels.active : labels.inactive}</span>
      </div>
      <div role="gridcell">
        <button
          type="button"
          className="edit"
          tabIndex={-1}
          aria-label={`${labels.edit} ${unit.name}`}
          title={`${labels.edit} (Enter)`}
          onClick={(event) => {
            event.stopPropagation();
            onEdit(unit);
          }}
        >
          <svg width="18" height="18" viewBox="0 0 24 24" aria-hidden="true">
            <path
              fill="currentColor"
              d="M3 17.25V21h3.75L17.81 9.94l-3.75-3.75zM20.71 7.04a.996.996 0 0 0 0-1.41l-2.34-2.34a.996.996 0 0 0-1.41 0l-1.83 1.83 3.75 3.75z"
            />
          </svg>
        </button>
      </div>
    </div>
  );
});
