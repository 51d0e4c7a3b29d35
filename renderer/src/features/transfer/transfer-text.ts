import type { i18n as I18n, TFunction } from 'i18next';

/** A kind of record in words ("Đơn vị"), or its table name when the catalog does not know it. */
export function tableName(t: TFunction, i18n: I18n, table: string): string {
  const key = `transfer.tables.${table}`;
  return i18n.exists(key) ? t(key) : table;
}

/** A record's field in words ("Địa chỉ"), or its name when the catalog does not know it. */
export function fieldName(t: TFunction, i18n: I18n, field: string): string {
  const key = `transfer.fields.${field}`;
  return i18n.exists(key) ? t(key) : field;
}

/** What a package holds: "Toàn bộ dữ liệu", "Một số kế hoạch"… ('' for an unknown scope). */
export function scopeName(t: TFunction, scope: string): string {
  return scope === 'all' || scope === 'plans' || scope === 'changes' ? t(`transfer.scopes.${scope}`) : scope;
}

/** The records of a package, all kinds together. */
export function totalRecords(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, count) => sum + count, 0);
}
