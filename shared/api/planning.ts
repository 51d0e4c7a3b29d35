import { auditEndpoints } from './audit';
import { checklistEndpoints } from './checklists';
import { inspectionEndpoints } from './inspections';
import { officialEndpoints } from './officials';
import { planEndpoints } from './plans';
import { progressEndpoints } from './progress';

/** Plans, checklists, officials, inspections, progress and the audit trail (one line in contract.ts). */
export const planningEndpoints = {
  ...officialEndpoints,
  ...checklistEndpoints,
  ...planEndpoints,
  ...inspectionEndpoints,
  ...progressEndpoints,
  ...auditEndpoints,
} as const;
