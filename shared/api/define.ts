import type { z } from 'zod';

/** One API call: the schema its input must satisfy and the schema of what it answers. */
export interface Endpoint<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
}

export type EndpointMap = Record<string, Endpoint>;

/** Keeps literal keys and schema types while checking the shape. */
export function defineEndpoints<const M extends EndpointMap>(map: M): M {
  return map;
}
