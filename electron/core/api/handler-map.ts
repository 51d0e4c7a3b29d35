import type { z } from 'zod';
import type { EndpointMap } from '../../../shared/api/define';

/** The functions that answer a group of endpoints: validated input in, output out. */
export type HandlerMap<M extends EndpointMap> = {
  [K in keyof M]: (input: z.output<M[K]['input']>) => z.output<M[K]['output']> | Promise<z.output<M[K]['output']>>;
};
