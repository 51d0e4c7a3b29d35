import type { Db } from '../db/open';
import type { Clock } from '../kernel/clock';
import type { FileStore } from '../files/file-store';
import type { RuntimeInfo } from '../features/settings/settings-service';
import { SettingsService } from '../features/settings/settings-service';
import { AuditTrail } from '../features/audit/audit-trail';
import { RegistryService } from '../features/registry/registry-service';
import { UnitImportService } from '../features/unit-import/unit-import-service';
import { UnitExportService } from '../features/unit-export/unit-export-service';
import { OfficialService } from '../features/officials/official-service';
import { ChecklistService } from '../features/checklists/checklist-service';
import { InspectionService } from '../features/inspections/inspection-service';
import { PlanService } from '../features/plans/plan-service';
import { SamplePlans } from '../features/plans/sample-plans';
import { ProgressService } from '../features/progress/progress-service';
import { MinutesService } from '../features/minutes/minutes-service';
import { MinutesBatchJobs } from '../features/minutes/batch-jobs';
import type { PdfRenderer } from '../documents/pdf-renderer';

/** Everything the handlers can reach. A feature adds its service here. */
export interface Services {
  db: Db;
  clock: Clock;
  files: FileStore;
  settings: SettingsService;
  audit: AuditTrail;
  registry: RegistryService;
  unitImport: UnitImportService;
  unitExport: UnitExportService;
  officials: OfficialService;
  checklists: ChecklistService;
  inspections: InspectionService;
  plans: PlanService;
  progress: ProgressService;
  minutes: MinutesService;
  minutesBatches: MinutesBatchJobs;
}

/** What printing documents needs from the shell: its PDF engine and where the fonts are. */
export interface DocumentDeps {
  pdf: PdfRenderer;
  resourcesDir: string;
}

/** The services, built in dependency order over one open database. */
export function createServices(
  db: Db,
  clock: Clock,
  files: FileStore,
  runtime: RuntimeInfo,
  documents: DocumentDeps,
): Services {
  const settings = new SettingsService(db, runtime);
  const officeId = () => settings.officeId();
  const audit = new AuditTrail(db, clock, officeId, () => settings.get().operatorName);
  const checklists = new ChecklistService(db, clock, officeId, audit);
  const inspections = new InspectionService(db, clock, officeId, audit, checklists);
  const officials = new OfficialService(db, clock, officeId, audit);
  const plans = new PlanService(db, clock, officeId, audit, inspections);
  const registry = new RegistryService(db, clock, officeId, audit);
  // The sample plans come and go with the sample district ("Nạp dữ liệu mẫu" / "Xóa dữ liệu mẫu").
  registry.sampleSteps.push(new SamplePlans(db, clock, officeId, officials, plans, inspections));
  const minutes = new MinutesService({ db, clock, officeId, settings, files, inspections, ...documents });
  return {
    db,
    clock,
    files,
    settings,
    audit,
    registry,
    unitImport: new UnitImportService(db, clock, files, officeId, audit),
    unitExport: new UnitExportService(registry, clock, files, () => settings.language()),
    officials,
    checklists,
    inspections,
    plans,
    progress: new ProgressService(db, clock),
    minutes,
    minutesBatches: new MinutesBatchJobs(minutes, () => settings.language()),
  };
}
