import { audit } from './audit';
import { checklists } from './checklists';
import { inspections } from './inspections';
import { officials } from './officials';
import { plans } from './plans';
import { progress } from './progress';

/** The namespaces of plans, checklists, officials, inspections, progress and the audit trail. */
export const planning = { officials, checklists, plans, inspections, progress, audit };
