import { z } from 'zod';
import { defineEndpoints } from './define';

export const systemEndpoints = defineEndpoints({
  'system.ping': { input: z.object({}), output: z.object({ pong: z.literal(true) }) },
});
