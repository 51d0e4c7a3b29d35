import { z } from 'zod';
import { defineEndpoints } from './define';
import { officeInputSchema, settingsSchema, settingsUpdateSchema } from '../domain/settings';

export const settingsEndpoints = defineEndpoints({
  'settings.get': { input: z.object({}), output: settingsSchema },
  'settings.setupOffice': {
    input: settingsUpdateSchema.pick({ operatorName: true }).extend({ office: officeInputSchema }),
    output: settingsSchema,
  },
  'settings.update': { input: settingsUpdateSchema, output: settingsSchema },
});
