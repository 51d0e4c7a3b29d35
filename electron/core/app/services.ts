import type { Db } from '../db/open';
import type { Clock } from './clock';
import { RegistryService } from '../features/registry/registry-service';
import type { RuntimeInfo } from '../features/settings/settings-service';
import { SettingsService } from '../features/settings/settings-service';
import type { FileStore } from '../files/file-store';
import { UnitImportService } from '../features/unit-import/unit-import-service';
import { UnitExportService } from '../features/unit-export/unit-export-service';
import { createPlanningServices, type PlanningServices } from '../features/plans/services';
import { MinutesService } from '../features/minutes/minutes-service';
import { MinutesBatchJobs } from '../features/minutes/batch-jobs';
import type { PdfRenderer } from '../features/minutes/pdf-renderer';

/** Everything the handlers can reach. A feature adds its service here. */
export interface Services extends PlanningServices {
  db: Db;
  clock: Clock;
  files: FileStore;
  settings: SettingsService;
  registry: RegistryService;
  unitImport: UnitImportService;
  unitExport: UnitExportService;
  minutes: MinutesService;
  minutesBatches: MinutesBatchJobs;
}

/** What printing documents needs from the shell: its PDF engine and where the fonts are. */
export interface DocumentDeps {
  pdf: PdfRenderer;
  resourcesDir: string;
}

export function createServices(
  db: Db,
  clock: Clock,
  files: FileStore,
  runtime: RuntimeInfo,
  documents: DocumentDeps,
): Services {
  const settings = new SettingsService(db, runtime);
  const officeId = () => settings.officeId();
  const planning = createPlanningServices(db, clock, officeId, () => settings.get().operatorName);
  const minutes = new MinutesService({
    db,
    clock,
    officeId,
    settings,
    files,
    inspections: planning.inspections,
    ...documents,
  });
  const registry = planning.withSamplePlans(new RegistryService(db, clock, officeId, planning.audit));
  return {
    db,
    clock,
    files,
    settings,
    registry,
    unitImport: new UnitImportService(db, clock, files, officeId, planning.audit),
    unitExport: new UnitExportService(registry, clock, files, () => settings.language()),
    ...planning,
    minutes,
    minutesBatches: new MinutesBatchJobs(minutes, () => settings.language()),
  };
}
