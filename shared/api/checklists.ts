import { z } from 'zod';
import { defineEndpoints } from './define';
import { idSchema } from '../domain/common';
import {
  checklistContentSchema,
  checklistHeaderSchema,
  checklistSaveSchema,
  checklistSchema,
  checklistVersionInfoSchema,
  checklistVersionSchema,
} from '../domain/checklist';

const checklistWithVersion = z.object({
  checklist: checklistSchema,
  version: checklistVersionSchema,
  versions: z.array(checklistVersionInfoSchema),
});

export const checklistEndpoints = defineEndpoints({
  'checklists.list': {
    input: z.object({ includeInactive: z.boolean().default(false) }),
    output: z.array(checklistSchema),
  },
  /** A checklist with one version (the newest unless `versionId` names another) and its version list. */
  'checklists.get': {
    input: z.object({ checklistId: idSchema, versionId: idSchema.nullable().default(null) }),
    output: checklistWithVersion,
  },
  'checklists.create': {
    input: z.object({ header: checklistHeaderSchema, content: checklistContentSchema }),
    output: checklistWithVersion,
  },
  /**
   * Saves the editor's whole content. If the newest version is used by a finalised inspection,
   * a new version is made (`newVersion: true`); otherwise the newest version changes in place.
   */
  'checklists.save': {
    input: checklistSaveSchema,
    output: checklistWithVersion.extend({ changed: z.boolean(), newVersion: z.boolean() }),
  },
});
