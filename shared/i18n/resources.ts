import { common as viCommon } from './vi/common';
import { errors as viErrors } from './vi/errors';
import { registry as viRegistry } from './vi/registry';
import { settings as viSettings } from './vi/settings';
import { setup as viSetup } from './vi/setup';
import { shell as viShell } from './vi/shell';
import { validation as viValidation } from './vi/validation';
import { officials as viOfficials } from './vi/officials';
import { checklists as viChecklists } from './vi/checklists';
import { plans as viPlans } from './vi/plans';
import { inspections as viInspections } from './vi/inspections';
import { progress as viProgress } from './vi/progress';
import { audit as viAudit } from './vi/audit';
import { minutes as viMinutes } from './vi/minutes';
import { documents as viDocuments } from './vi/documents';
import { reports as viReports } from './vi/reports';
import { statistics as viStatistics } from './vi/statistics';
import { unitImport as viUnitImport } from './vi/unitImport';
import { files as viFiles } from './vi/files';
import { backup as viBackup } from './vi/backup';
import { transfer as viTransfer } from './vi/transfer';
import { common as enCommon } from './en/common';
import { errors as enErrors } from './en/errors';
import { registry as enRegistry } from './en/registry';
import { settings as enSettings } from './en/settings';
import { setup as enSetup } from './en/setup';
import { shell as enShell } from './en/shell';
import { validation as enValidation } from './en/validation';
import { officials as enOfficials } from './en/officials';
import { checklists as enChecklists } from './en/checklists';
import { plans as enPlans } from './en/plans';
import { inspections as enInspections } from './en/inspections';
import { progress as enProgress } from './en/progress';
import { audit as enAudit } from './en/audit';
import { minutes as enMinutes } from './en/minutes';
import { documents as enDocuments } from './en/documents';
import { reports as enReports } from './en/reports';
import { statistics as enStatistics } from './en/statistics';
import { unitImport as enUnitImport } from './en/unitImport';
import { files as enFiles } from './en/files';
import { backup as enBackup } from './en/backup';
import { transfer as enTransfer } from './en/transfer';
import type { CatalogShape } from './catalog';
import type { Language } from '../domain/settings';

/**
 * Every string of the interface, Vietnamese first. A feature adds `vi/<feature>.ts`,
 * `en/<feature>.ts` (typed against the Vietnamese one, so a missing key fails type-checking)
 * and one line in each object below.
 */
export const vi = {
  common: viCommon,
  validation: viValidation,
  errors: viErrors,
  settings: viSettings,
  setup: viSetup,
  registry: viRegistry,
  shell: viShell,
  officials: viOfficials,
  checklists: viChecklists,
  plans: viPlans,
  inspections: viInspections,
  progress: viProgress,
  audit: viAudit,
  minutes: viMinutes,
  documents: viDocuments,
  reports: viReports,
  statistics: viStatistics,
  unitImport: viUnitImport,
  files: viFiles,
  backup: viBackup,
  transfer: viTransfer,
};

export const en: CatalogShape<typeof vi> = {
  common: enCommon,
  validation: enValidation,
  errors: enErrors,
  settings: enSettings,
  setup: enSetup,
  registry: enRegistry,
  shell: enShell,
  officials: enOfficials,
  checklists: enChecklists,
  plans: enPlans,
  inspections: enInspections,
  progress: enProgress,
  audit: enAudit,
  minutes: enMinutes,
  documents: enDocuments,
  reports: enReports,
  statistics: enStatistics,
  unitImport: enUnitImport,
  files: enFiles,
  backup: enBackup,
  transfer: enTransfer,
};

export const catalogs: Record<Language, CatalogShape<typeof vi>> = { vi, en };
