import type { Db } from '../../db/open';
import type { Clock } from '../../app/clock';
import { AuditTrail } from '../audit/audit-trail';
import { ChecklistService } from '../checklists/checklist-service';
import { InspectionService } from '../inspections/inspection-service';
import { OfficialService } from '../officials/official-service';
import { ProgressService } from '../progress/progress-service';
import { PlanService } from './plan-service';

/** The services of planning and recording inspections, built in dependency order. */
export interface PlanningServices {
  audit: AuditTrail;
  officials: OfficialService;
  checklists: ChecklistService;
  inspections: InspectionService;
  plans: PlanService;
  progress: ProgressService;
}

export function createPlanningServices(
  db: Db,
  clock: Clock,
  officeId: () => string,
  operatorName: () => string,
): PlanningServices {
  const audit = new AuditTrail(db, clock, officeId, operatorName);
  const checklists = new ChecklistService(db, clock, officeId, audit);
  const inspections = new InspectionService(db, clock, officeId, audit, checklists);
  return {
    audit,
    officials: new OfficialService(db, clock, officeId, audit),
    checklists,
    inspections,
    plans: new PlanService(db, clock, officeId, audit, inspections),
    progress: new ProgressService(db, clock),
  };
}
