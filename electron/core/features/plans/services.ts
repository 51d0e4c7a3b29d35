import type { Db } from '../../db/open';
import type { Clock } from '../../app/clock';
import { AuditTrail } from '../audit/audit-trail';
import { ChecklistService } from '../checklists/checklist-service';
import { InspectionService } from '../inspections/inspection-service';
import { OfficialService } from '../officials/official-service';
import { ProgressService } from '../progress/progress-service';
import { PlanService } from './plan-service';
import { SamplePlans } from './sample-plans';

/** The services of planning and recording inspections, built in dependency order. */
export interface PlanningServices {
  audit: AuditTrail;
  officials: OfficialService;
  checklists: ChecklistService;
  inspections: InspectionService;
  plans: PlanService;
  progress: ProgressService;
  /** Adds the sample plans to the registry's "Nạp dữ liệu mẫu" / "Xóa dữ liệu mẫu". */
  withSamplePlans<T extends { sampleSteps: { load(): void; remove(): void }[] }>(registry: T): T;
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
  const officials = new OfficialService(db, clock, officeId, audit);
  const plans = new PlanService(db, clock, officeId, audit, inspections);
  return {
    audit,
    officials,
    checklists,
    inspections,
    plans,
    progress: new ProgressService(db, clock),
    withSamplePlans(registry) {
      registry.sampleSteps.push(new SamplePlans(db, clock, officeId, officials, plans, inspections));
      return registry;
    },
  };
}
