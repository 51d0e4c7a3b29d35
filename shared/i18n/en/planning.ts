import type { CatalogShape } from '../catalog';
import type { planning as vi } from '../vi/planning';
import { audit } from './audit';
import { checklists } from './checklists';
import { inspections } from './inspections';
import { officials } from './officials';
import { plans } from './plans';
import { progress } from './progress';

export const planning: CatalogShape<typeof vi> = { officials, checklists, plans, inspections, progress, audit };
