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
import type { BackupService } from '../features/backup/backup-service';
import type { FolderMemory } from '../files/folder-memory';
import { ReportService } from '../features/reports/report-service';
import { ReportDocuments } from '../features/reports/report-documents';
import { StatisticsService } from '../features/reports/statistics-service';

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
  /** Backups and restores: one for the whole life of the core, since a restore replaces the rest. */
  backup: BackupService;
  /** The last folder used, per purpose. */
  folders: FolderMemory;
  reports: ReportService;
  reportDocuments: ReportDocuments;
  statistics: StatisticsService;
  transfer: TransferService;
}

/** What printing documents needs from the shell: its PDF engine and where the fonts are. */
export interface DocumentDeps {
  pdf: PdfRenderer;
  resourcesDir: string;
}

/** What lives as long as the core, above any one database: handed to every set of services. */
export interface LastingDeps {
  backup: BackupService;
  folders: FolderMemory;
}

/** The services, built in dependency order over one open database. */
export function createServices(
  db: Db,
  clock: Clock,
  files: FileStore,
  runtime: RuntimeInfo,
  documents: DocumentDeps,
  lasting: LastingDeps,
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
  // A report's header names the office as the minutes do (the documents' settings, else the office's own).
  const reports = new ReportService(db, clock, writes, settings, {
    parentBody: () => {
      const names = minutes.getSettings();
      return names.parentBody.trim() || names.officeParentBody;
    },
    placeName: () => {
      const names = minutes.getSettings();
      return names.placeName.trim() || names.officePlaceName;
    },
  });
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
    ...lasting,
    reports,
    reportDocuments: new ReportDocuments(reports, { files, ...documents }),
    statistics: new StatisticsService(reports),
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
