import type { checklistEndpoints } from '../../../../shared/api/checklists';
import type { HandlerMap } from '../../api/handler-map';
import type { ChecklistService } from './checklist-service';

export function checklistHandlers(checklists: ChecklistService): HandlerMap<typeof checklistEndpoints> {
  return {
    'checklists.list': ({ includeInactive }) => checklists.list(includeInactive),
    'checklists.get': ({ checklistId, versionId }) => checklists.get(checklistId, versionId),
    'checklists.create': ({ header, content }) => checklists.create(header, content),
    'checklists.save': (input) => checklists.save(input),
  };
}
