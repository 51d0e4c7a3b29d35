import type { planEndpoints } from '../../../../shared/api/plans';
import type { HandlerMap } from '../../api/handler-map';
import type { PlanService } from './plan-service';

export function planHandlers(plans: PlanService): HandlerMap<typeof planEndpoints> {
  return {
    'plans.list': ({ query }) => plans.list(query),
    'plans.get': ({ id }) => plans.get(id),
    'plans.create': ({ plan, team, scope }) => plans.create(plan, team, scope),
    'plans.update': ({ id, rev, plan }) => plans.update(id, rev, plan),
    'plans.setTeam': ({ planId, teamRev, team }) => plans.setTeam(planId, teamRev, team),
    'plans.previewScope': ({ planId, selection }) => plans.previewScope(planId, selection),
    'plans.addScope': ({ planId, selection }) => plans.addScope(planId, selection),
    'plans.removeScope': ({ planId, unitIds }) => plans.removeScope(planId, unitIds),
  };
}
