/**
 * Column maps: one description per entity of how its fields are stored, from which the row
 * type, the SELECT list, the INSERT and UPDATE statements (record-table.ts) and the mappers
 * between rows and content all come. Adding a field to an entity is one line here plus its
 * migration, its schema in shared/ and the screens that show it.
 */

export type SqlValue = string | number | null;

/** How one field is kept in one column. `T` is the field's value, `S` what SQLite holds. */
export interface Column<T = unknown, S extends SqlValue = SqlValue, N extends string = string> {
  readonly name: N;
  /** Set when the row is made and never changed by an update (its parent, its kind, sample flag). */
  readonly insertOnly: boolean;
  toSql(value: T): S;
  fromSql(value: S): T;
}

// Methods are bivariant in their parameters, so every column fits this shape.
export type Fields = Record<string, Column<unknown, SqlValue>>;

type FieldValue<C> = C extends Column<infer T, SqlValue> ? T : never;
type SqlOf<C> = C extends Column<unknown, infer S> ? S : never;
type NameOf<C> = C extends Column<unknown, SqlValue, infer N> ? N : never;

/** What a record holds, by field name ("headName"). */
export type Content<F extends Fields> = { [K in keyof F]: FieldValue<F[K]> };

/** Columns computed from the content (search and sort keys), by column: their SQL values. */
export type DerivedValues = Record<string, SqlValue>;
export type Derivations<F extends Fields, D extends DerivedValues> = { [K in keyof D]: (content: Content<F>) => D[K] };

/** The sync columns of every office-data row. */
export interface MetaColumns {
  id: string;
  created_at: string;
  updated_at: string;
  changed_by_office: string;
  rev: string;
  rev_history: string;
  deleted_at: string | null;
}

export const META_COLUMNS = [
  'id',
  'created_at',
  'updated_at',
  'changed_by_office',
  'rev',
  'rev_history',
  'deleted_at',
] as const satisfies readonly (keyof MetaColumns)[];

/** A row as SQLite returns it, by column name ("head_name"). */
export type RowOf<F extends Fields, D extends DerivedValues> = MetaColumns & {
  [K in keyof F as NameOf<F[K]>]: SqlOf<F[K]>;
} & D;

function column<T, S extends SqlValue, N extends string>(
  name: N,
  toSql: (value: T) => S,
  fromSql: (value: S) => T,
): Column<T, S, N> & { once(): Column<T, S, N> } {
  const made = { name, insertOnly: false, toSql, fromSql };
  return { ...made, once: () => ({ ...made, insertOnly: true }) };
}

const same = <T>(value: T): T => value;

export const col = {
  text: <N extends string>(name: N) => column<string, string, N>(name, same, same),
  optionalText: <N extends string>(name: N) => column<string | null, string | null, N>(name, same, same),
  /** One of a closed list (the table's CHECK holds the same list). */
  oneOf: <T extends string, N extends string>(name: N, _values: readonly T[]) => column<T, T, N>(name, same, same),
  optionalOneOf: <T extends string, N extends string>(name: N, _values: readonly T[]) =>
    column<T | null, T | null, N>(name, same, same),
  integer: <N extends string>(name: N) => column<number, number, N>(name, same, same),
  /** A yes/no kept as 0/1 (STRICT tables have no booleans). */
  flag: <N extends string>(name: N) =>
    column<boolean, number, N>(
      name,
      (value) => (value ? 1 : 0),
      (value) => value === 1,
    ),
};

export interface Entity<F extends Fields = Fields, D extends DerivedValues = DerivedValues> {
  readonly table: string;
  readonly fields: F;
  readonly derived: Derivations<F, D>;
  /** Every column, meta first, as the SELECT lists them. */
  readonly columns: readonly string[];
  /** Content columns an update may write (fields that are not insert-only, and derived ones). */
  readonly updatable: readonly string[];
  /** "u.id, u.code, …" for a table aliased `alias`. */
  select(alias?: string): string;
  /** The columns of `content`, derived ones included. */
  toColumns(content: Content<F>): Record<string, SqlValue>;
  fromRow(row: RowOf<F, D>): Content<F>;
}

/** Builds the column map of one table. */
export function defineEntity<F extends Fields, D extends DerivedValues = Record<never, never>>(spec: {
  table: string;
  fields: F;
  derived?: Derivations<F, D>;
}): Entity<F, D> {
  const derived = (spec.derived ?? {}) as Derivations<F, D>;
  const fieldEntries = Object.entries(spec.fields) as [keyof F & string, Column<unknown, SqlValue>][];
  const derivedNames = Object.keys(derived);
  const columns = [...META_COLUMNS, ...fieldEntries.map(([, c]) => c.name), ...derivedNames];
  const duplicate = columns.find((name, index) => columns.indexOf(name) !== index);
  if (duplicate) throw new Error(`${spec.table}: column ${duplicate} mapped twice`);
  const updatable = [...fieldEntries.filter(([, c]) => !c.insertOnly).map(([, c]) => c.name), ...derivedNames];
  return {
    table: spec.table,
    fields: spec.fields,
    derived,
    columns,
    updatable,
    select(alias) {
      return alias ? columns.map((name) => `${alias}.${name}`).join(', ') : columns.join(', ');
    },
    toColumns(content) {
      const out: Record<string, SqlValue> = {};
      for (const [field, c] of fieldEntries) out[c.name] = c.toSql(content[field]);
      for (const name of derivedNames) out[name] = (derived[name] as (value: Content<F>) => SqlValue)(content);
      return out;
    },
    fromRow(row) {
      const values = row as unknown as Record<string, SqlValue>;
      const content: Partial<Record<keyof F, unknown>> = {};
      for (const [field, c] of fieldEntries) content[field] = c.fromSql(values[c.name] ?? null);
      return content as Content<F>;
    },
  };
}

/** The fields whose stored values differ between two versions of a record's content. */
export function changedFields<F extends Fields>(
  entity: Pick<Entity<F>, 'fields'>,
  before: Content<F>,
  after: Content<F>,
): { field: keyof F & string; before: SqlValue; after: SqlValue }[] {
  const changes: { field: keyof F & string; before: SqlValue; after: SqlValue }[] = [];
  for (const [field, c] of Object.entries(entity.fields) as [keyof F & string, Column<unknown, SqlValue>][]) {
    const old = c.toSql(before[field]);
    const next = c.toSql(after[field]);
    if (old !== next) changes.push({ field, before: old, after: next });
  }
  return changes;
}
