import type { Db } from '../db/open';
import type { Clock } from './clock';
import { RegistryService } from '../features/registry/registry-service';
import type { RuntimeInfo } from '../features/settings/settings-service';
import { SettingsService } from '../features/settings/settings-service';
import type { FileStore } from '../files/file-store';
import { UnitImportService } from '../features/unit-import/unit-import-service';
import { UnitExportService } from '../features/unit-export/unit-export-service';
import { createPlanningServices, type PlanningServices } from '../features/plans/services';

/** Everything the handlers can reach. A feature adds its service here. */
export interface Services extends PlanningServices {
  db: Db;
  clock: Clock;
  files: FileStore;
  settings: SettingsService;
  registry: RegistryService;
  unitImport: UnitImportService;
  unitExport: UnitExportService;
}

export function createServices(db: Db, clock: Clock, files: FileStore, runtime: RuntimeInfo): Services {
  const settings = new SettingsService(db, runtime);
  const officeId = () => settings.officeId();
  return {
    db,
    clock,
    files,
    settings,
    registry: new RegistryService(db, clock, officeId),
    unitImport: new UnitImportService(db, clock, files, officeId),
    unitExport: new UnitExportService(db, clock, files, () => settings.language(), officeId),
    ...createPlanningServices(db, clock, officeId, () => settings.get().operatorName),
  };
}
