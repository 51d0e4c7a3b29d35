import type { registryEndpoints } from '../../../../shared/api/registry';
import type { HandlerMap } from '../../api/handler-map';
import type { RegistryService } from './registry-service';

export function registryHandlers(registry: RegistryService): HandlerMap<typeof registryEndpoints> {
  return {
    'registry.list': (input) => registry.list(input),
    'registry.get': ({ id }) => registry.get(id),
    'registry.counts': () => registry.counts(),
    'registry.create': ({ unit }) => registry.create(unit),
    'registry.update': ({ id, rev, unit }) => registry.update(id, rev, unit),
    'registry.setActive': ({ id, rev, active }) => registry.setActive(id, rev, active),
    'registry.undo': ({ undoId }) => registry.undoChange(undoId),
    'registry.loadSample': () => registry.loadSample(),
    'registry.removeSample': () => registry.removeSample(),
  };
}
