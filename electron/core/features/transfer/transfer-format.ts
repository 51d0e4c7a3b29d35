import { z } from 'zod';

/**
 * A transfer package, inside its sealed file: gzip of newline-separated JSON. The first line is
 * the header; then, for each table, a line {"table": name, "columns": [...]} followed by one JSON
 * array of values per row in those columns; the last line {"end": true, "rows": n} proves the
 * package is whole. Arrays, not objects: no key of a package ever becomes a property name.
 */
export const PACKAGE_FORMAT = 'klkchc-transfer';
export const PACKAGE_FORMAT_VERSION = 1;

/** Limits a package must keep before anything of it is used (hostile or broken files). */
export const PACKAGE_LIMITS = {
  /** One line of the payload (one row). */
  maxLineBytes: 2 * 1024 * 1024,
  /** One text value. */
  maxTextLength: 200_000,
  rows: 5_000_000,
  /** The payload once unpacked. */
  maxUnpackedBytes: 4 * 1024 * 1024 * 1024,
  tables: 64,
  columns: 64,
} as const;

const officeSchema = z
  .object({
    officeId: z.string().uuid(),
    name: z.string().min(1).max(300),
    parentBody: z.string().max(300),
  })
  .strict();

export const packageScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('plans'), planIds: z.array(z.string().uuid()).min(1).max(1000) }).strict(),
  z
    .object({
      kind: z.literal('changes'),
      since: z.string().max(40).nullable(),
      /**
       * The last package exchanged between sender and recipient, in the sender's log: what this
       * one follows on from. A recipient without it in its own log (the package never arrived,
       * or its data was restored from an older backup) may lack what that package carried.
       */
      after: z
        .object({ packageId: z.string().uuid(), at: z.string().max(40) })
        .strict()
        .nullable()
        .optional(),
    })
    .strict(),
]);
export type PackageScope = z.infer<typeof packageScopeSchema>;

export const packageHeaderSchema = z
  .object({
    format: z.literal(PACKAGE_FORMAT),
    formatVersion: z.number().int().min(1),
    packageId: z.string().uuid(),
    createdAt: z.string().max(40),
    appVersion: z.string().max(40),
    schemaVersion: z.number().int().min(1),
    sender: officeSchema,
    /** The office it was made for, when one was chosen. */
    recipient: officeSchema.nullable(),
    scope: packageScopeSchema,
    /** Rows per table, as written. */
    counts: z.record(z.string().max(64), z.number().int().min(0)),
  })
  .strict();
export type PackageHeader = z.infer<typeof packageHeaderSchema>;

export const tableLineSchema = z
  .object({
    table: z.string().regex(/^[a-z_]{1,64}$/),
    columns: z
      .array(z.string().regex(/^[a-z_]{1,64}$/))
      .min(1)
      .max(PACKAGE_LIMITS.columns),
  })
  .strict();

export const endLineSchema = z.object({ end: z.literal(true), rows: z.number().int().min(0) }).strict();
