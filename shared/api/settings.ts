import { z } from 'zod';
import { defineEndpoints } from './define';
import { officeInputSchema, settingsSchema, settingsUpdateSchema } from '../domain/settings';

export const settingsEndpoints = defineEndpoints({
  'settings.get': { input: z.object({}), output: settingsSchema },
  'settings.setupOffice': {
    input: z.object({ office: officeInputSchema, operatorName: z.string().max(120).optional() }),
    output: settingsSchema,
  },
  'settings.update': { input: settingsUpdateSchema, output: settingsSchema },
});
