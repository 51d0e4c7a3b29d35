import type { CountRef, CountedUnit } from '../../../../shared/domain/report';
import { breakdownKey, type ReportFigures, type UnitRecord } from './report-figures';
import { compareText, lineKey, recordedLines } from './report-text';

/**
 * The units behind one number of a report: the figures counted again for the number's plans
 * and the report's period, then the units that number counts. Some numbers count units (each
 * once, over several plans: in scope, inspected, not inspected, overdue, re-inspections), the
 * others count records (a unit's inspection under one plan), as the drafted text does.
 */
export function countedUnits(
  figures: ReportFigures,
  ref: CountRef,
  inspectionIdOf: (record: UnitRecord) => string | null,
): CountedUnit[] {
  const planTitle = new Map(figures.plans.map((plan) => [plan.id, plan.title]));
  const unitName = (unitId: string) => figures.units.get(unitId)?.name ?? '';
  const matchesKind = (unitId: string) => {
    if (ref.unitKind === null) return true;
    const unit = figures.units.get(unitId);
    if (!unit || unit.kind !== ref.unitKind) return false;
    return (
      ref.schoolLevel === null || breakdownKey(unit.kind, unit.level) === breakdownKey(ref.unitKind, ref.schoolLevel)
    );
  };
  const fromRecord = (record: UnitRecord): CountedUnit => ({
    unitId: record.unitId,
    unitName: unitName(record.unitId),
    planTitle: planTitle.get(record.planId) ?? '',
    inspectionId: inspectionIdOf(record),
    date: record.date,
  });
  const records = figures.records.filter((record) => matchesKind(record.unitId));
  const onePerUnit = (units: CountedUnit[]) => {
    const seen = new Set<string>();
    return units.filter((unit) => !seen.has(unit.unitId) && seen.add(unit.unitId));
  };
  const unitsOf = (unitIds: Iterable<string>, planId: (unitId: string) => string): CountedUnit[] =>
    [...unitIds].filter(matchesKind).map((unitId) => ({
      unitId,
      unitName: unitName(unitId),
      planTitle: planTitle.get(planId(unitId)) ?? '',
      inspectionId: null,
      date: null,
    }));

  switch (ref.what) {
    case 'inspected':
      return onePerUnit(records.map(fromRecord));
    case 'scope':
    case 'notInspected': {
      const inspected = new Set(figures.records.map((record) => record.unitId));
      const planOf = new Map<string, string>();
      for (const plan of figures.plans) {
        const members =
          ref.what === 'scope' ? [...plan.notInspected, ...inspectedOf(figures, plan.id)] : plan.notInspected;
        for (const unitId of members) if (!planOf.has(unitId)) planOf.set(unitId, plan.id);
      }
      const units = [...planOf.keys()].filter((unitId) => ref.what === 'scope' || !inspected.has(unitId));
      return sortByName(unitsOf(units, (unitId) => planOf.get(unitId) ?? ''));
    }
    case 'criterionFail':
    case 'criterionPass': {
      if (ref.criterion === null) return records.filter((record) => record.fail > 0).map(fromRecord);
      const criterion = figures.criteria.find((item) => item.lineage === ref.criterion);
      if (!criterion) return [];
      const failing = new Set(criterion.failing);
      if (ref.what === 'criterionFail') return records.filter((record) => failing.has(record)).map(fromRecord);
      const notApplicable = new Set(criterion.notApplicable);
      return records
        .filter(
          (record) =>
            record.versionId !== null &&
            (figures.versionLineages.get(record.versionId)?.has(criterion.lineage) ?? false) &&
            !failing.has(record) &&
            !notApplicable.has(record),
        )
        .map(fromRecord);
    }
    case 'limitationText':
    case 'causeText': {
      const wanted = lineKey(ref.text ?? '');
      return records
        .filter((record) =>
          recordedLines(ref.what === 'limitationText' ? record.limitations : record.causes).some(
            (line) => lineKey(line) === wanted,
          ),
        )
        .map(fromRecord);
    }
    case 'requestText': {
      const wanted = lineKey(ref.text ?? '');
      return records.filter((record) => record.requestLines.includes(wanted)).map(fromRecord);
    }
    case 'requests':
      return records.filter((record) => record.requests > 0).map(fromRecord);
    case 'requestsRemedied':
      return records.filter((record) => record.requestsRemedied).map(fromRecord);
    case 'requestsOverdue':
      return onePerUnit(records.filter((record) => record.requestsOverdue).map(fromRecord));
    case 'reinspectionPlanned':
    case 'reinspectionDone': {
      const list = ref.what === 'reinspectionPlanned' ? figures.reinspections.planned : figures.reinspections.done;
      return onePerUnit(
        list
          .filter((item) => matchesKind(item.unitId))
          .map((item) => ({
            unitId: item.unitId,
            unitName: unitName(item.unitId),
            planTitle: planTitle.get(item.planId) ?? '',
            inspectionId: null,
            date: item.date,
          })),
      );
    }
  }
}

function inspectedOf(figures: ReportFigures, planId: string): string[] {
  return figures.records.filter((record) => record.planId === planId).map((record) => record.unitId);
}

function sortByName(units: CountedUnit[]): CountedUnit[] {
  return units.sort((a, b) => compareText(a.unitName, b.unitName));
}
