import type { Contract } from '../../../shared/api/contract';
import type { HandlerMap } from '../api/handler-map';
import type { Services } from './services';
import { systemHandlers } from './system-handlers';
import type { DataHealth } from '../db/health';
import { settingsHandlers } from '../features/settings/handlers';
import { registryHandlers } from '../features/registry/handlers';
import { unitImportHandlers } from '../features/unit-import/handlers';
import { officialHandlers } from '../features/officials/handlers';
import { checklistHandlers } from '../features/checklists/handlers';
import { planHandlers } from '../features/plans/handlers';
import { inspectionHandlers } from '../features/inspections/handlers';
import { progressHandlers } from '../features/progress/handlers';
import { auditHandlers } from '../features/audit/handlers';
import { minutesHandlers } from '../features/minutes/handlers';
import { backupHandlers } from '../features/backup/handlers';
import { folderHandlers } from '../features/folders/handlers';
import { reportHandlers } from '../features/reports/handlers';
import { transferHandlers } from '../features/transfer/handlers';

/** Every endpoint of the contract, answered. A missing one fails type-checking. */
export function allHandlers(services: Services, health: DataHealth): HandlerMap<Contract> {
  return {
    ...systemHandlers(health),
    ...settingsHandlers(services.settings),
    ...registryHandlers(services.registry),
    ...unitImportHandlers(services.unitImport, services.unitExport),
    ...officialHandlers(services.officials),
    ...checklistHandlers(services.checklists),
    ...planHandlers(services.plans),
    ...inspectionHandlers(services.inspections),
    ...progressHandlers(services.progress),
    ...auditHandlers(services.audit),
    ...minutesHandlers(services.minutes, services.minutesBatches),
    ...backupHandlers(services.backup),
    ...folderHandlers(services.folders, services.settings.get().mode),
    ...reportHandlers(services.reports, services.reportDocuments, services.statistics, services.files),
    ...transferHandlers(services.transfer, services.files, services.folders),
  };
}
