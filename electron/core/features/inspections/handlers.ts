import type { inspectionEndpoints } from '../../../../shared/api/inspections';
import type { HandlerMap } from '../../api/handler-map';
import type { InspectionService } from './inspection-service';

export function inspectionHandlers(inspections: InspectionService): HandlerMap<typeof inspectionEndpoints> {
  return {
    'inspections.list': (input) => inspections.list(input),
    'inspections.get': ({ id }) => inspections.get(id),
    'inspections.create': ({ planId, unitId, plannedDate }) => inspections.create(planId, unitId, plannedDate),
    'inspections.schedule': ({ id, rev, plannedDate }) => inspections.schedule(id, rev, plannedDate),
    'inspections.start': ({ id }) => inspections.start(id),
    'inspections.saveDraft': ({ id, rev, editorId, seq, content }) =>
      inspections.saveDraft(id, rev, editorId, seq, content),
    'inspections.finalise': ({ id, rev }) => inspections.finalise(id, rev),
    'inspections.amend': ({ id, rev, content, reason }) => inspections.amend(id, rev, content, reason),
    'inspections.setRemedied': ({ id, rev, requestId, remediedDate }) =>
      inspections.setRemedied(id, rev, requestId, remediedDate),
    'inspections.planReinspection': ({ originalId, plannedDate }) =>
      inspections.planReinspection(originalId, plannedDate),
    'inspections.upgradeChecklist': ({ id, rev }) => inspections.upgradeChecklist(id, rev),
  };
}
