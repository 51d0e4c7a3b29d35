import type { planningEndpoints } from '../../../../shared/api/planning';
import type { HandlerMap } from '../../api/handler-map';
import { auditHandlers } from '../audit/handlers';
import { checklistHandlers } from '../checklists/handlers';
import { inspectionHandlers } from '../inspections/handlers';
import { officialHandlers } from '../officials/handlers';
import { progressHandlers } from '../progress/handlers';
import type { PlanningServices } from './services';
import { planHandlers } from './handlers';

export function planningHandlers(services: PlanningServices): HandlerMap<typeof planningEndpoints> {
  return {
    ...officialHandlers(services.officials),
    ...checklistHandlers(services.checklists),
    ...planHandlers(services.plans),
    ...inspectionHandlers(services.inspections),
    ...progressHandlers(services.progress),
    ...auditHandlers(services.audit),
  };
}
