import path from 'node:path';
import type { Db } from '../db/open';
import type { Clock } from '../kernel/clock';
import type { FileStore } from '../files/file-store';
import type { RuntimeInfo } from '../features/settings/settings-service';
import { SettingsService } from '../features/settings/settings-service';
import { WritePath } from '../db/write-path';
import { AuditTrail } from '../features/audit/audit-trail';
import { UnitRepo } from '../features/registry/unit-repo';
import { RegistryService } from '../features/registry/registry-service';
import { UnitImportService } from '../features/unit-import/unit-import-service';
import { UnitExportService } from '../features/unit-export/unit-export-service';
import { OfficialService } from '../features/officials/official-service';
import { ChecklistRepo } from '../features/checklists/checklist-repo';
import { ChecklistService } from '../features/checklists/checklist-service';
import { InspectionRepo } from '../features/inspections/inspection-repo';
import { InspectionService } from '../features/inspections/inspection-service';
import { PlanRepo } from '../features/plans/plan-repo';
import { PlanService } from '../features/plans/plan-service';
import { SamplePlans } from '../features/plans/sample-plans';
import { ProgressService } from '../features/progress/progress-service';
import { MinutesService } from '../features/minutes/minutes-service';
import { MinutesBatchJobs } from '../features/minutes/batch-jobs';
import { TransferService } from '../features/transfer/transfer-service';
import type { PdfRenderer } from '../documents/pdf-renderer';

/** Everything the handlers can reach. A feature adds its service here. */
export interface Services {
  db: Db;
  clock: Clock;
  files: FileStore;
  settings: SettingsService;
  /** The one write path for office data. */
  writes: WritePath;
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
  transfer: TransferService;
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
  const audit = new AuditTrail(db, () => settings.get().operatorName);
  const writes = new WritePath(db, clock, () => settings.officeId(), audit);
  // Each table has one owner: its repository, built once and handed to whoever needs it.
  const unitRepo = new UnitRepo(db);
  const checklistRepo = new ChecklistRepo(db);
  const planRepo = new PlanRepo(db);
  const checklists = new ChecklistService(writes, checklistRepo);
  const inspections = new InspectionService(db, writes, new InspectionRepo(db), planRepo, checklists);
  const officials = new OfficialService(db, writes);
  const plans = new PlanService(writes, planRepo, checklistRepo, inspections);
  const registry = new RegistryService(db, writes, unitRepo);
  // The sample plans come and go with the sample district ("Nạp dữ liệu mẫu" / "Xóa dữ liệu mẫu").
  registry.sampleSteps.push(new SamplePlans(db, clock, writes, officials, plans, inspections));
  const minutes = new MinutesService({ db, clock, writes, settings, files, inspections, ...documents });
  return {
    db,
    clock,
    files,
    settings,
    writes,
    audit,
    registry,
    unitImport: new UnitImportService(db, files, writes, unitRepo),
    unitExport: new UnitExportService(registry, clock, files, () => settings.language()),
    officials,
    checklists,
    inspections,
    plans,
    progress: new ProgressService(db, clock),
    minutes,
    minutesBatches: new MinutesBatchJobs(minutes, () => settings.language()),
    transfer: new TransferService({
      db,
      writes,
      databaseFile: runtime.dataFile,
      workDir: path.join(runtime.dataDir, 'tmp', 'transfer'),
      appVersion: runtime.appVersion,
      office: () => {
        const office = settings.requireOffice();
        return { officeId: settings.officeId(), name: office.name, parentBody: office.parentBody };
      },
      operator: () => settings.get().operatorName,
      now: () => clock.now(),
    }),
  };
}
