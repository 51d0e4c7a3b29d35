import type { Contract } from '../../../shared/api/contract';
import type { HandlerMap } from './handler-map';
import type { Services } from '../app/services';
import { systemHandlers } from '../app/system-handlers';
import { settingsHandlers } from '../features/settings/handlers';
import { registryHandlers } from '../features/registry/handlers';
import { unitImportHandlers } from '../features/unit-import/handlers';
import { planningHandlers } from '../features/plans/planning-handlers';
import { minutesHandlers } from '../features/minutes/handlers';

/** Every endpoint of the contract, answered. A missing one fails type-checking. */
export function allHandlers(services: Services): HandlerMap<Contract> {
  return {
    ...systemHandlers(),
    ...settingsHandlers(services.settings),
    ...registryHandlers(services.registry),
    ...unitImportHandlers(services.unitImport, services.unitExport),
    ...planningHandlers(services),
    ...minutesHandlers(services.minutes, services.minutesBatches),
  };
}
