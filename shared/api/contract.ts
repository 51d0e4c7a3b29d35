import type { z } from 'zod';
import { systemEndpoints } from './system';
import { settingsEndpoints } from './settings';
import { registryEndpoints } from './registry';
import { unitImportEndpoints } from './unit-import';
import { officialEndpoints } from './officials';
import { checklistEndpoints } from './checklists';
import { planEndpoints } from './plans';
import { inspectionEndpoints } from './inspections';
import { progressEndpoints } from './progress';
import { auditEndpoints } from './audit';
import { minutesEndpoints } from './minutes';
import { backupEndpoints } from './backup';
import { folderEndpoints } from './folders';
import { reportEndpoints } from './reports';
import { transferEndpoints } from './transfer';

/**
 * The whole API: every call the renderer can make, with its input and output schemas. The
 * core's router and the renderer's client are both typed from this one object (after Actual
 * Budget's handler map). A feature adds its own `api/<feature>.ts` and one line here.
 */
export const contract = {
  ...systemEndpoints,
  ...settingsEndpoints,
  ...registryEndpoints,
  ...unitImportEndpoints,
  ...officialEndpoints,
  ...checklistEndpoints,
  ...planEndpoints,
  ...inspectionEndpoints,
  ...progressEndpoints,
  ...auditEndpoints,
  ...minutesEndpoints,
  ...backupEndpoints,
  ...folderEndpoints,
  ...reportEndpoints,
  ...transferEndpoints,
} as const;

export type Contract = typeof contract;
export type ApiName = keyof Contract;
/** What a caller passes (before defaults and cleaning). */
export type ApiInput<K extends ApiName> = z.input<Contract[K]['input']>;
export type ApiOutput<K extends ApiName> = z.output<Contract[K]['output']>;

export function isApiName(name: string): name is ApiName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
