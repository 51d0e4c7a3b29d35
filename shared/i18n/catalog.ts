/**
 * A translation catalog with the same keys as the Vietnamese one, every leaf a string; a leaf
 * may also have a singular form `<key>_one` (Vietnamese has none), which i18next uses when the
 * count is 1 ("1 unit" beside "{{count}} units").
 */
export type CatalogShape<T> = { [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]> } & {
  [K in keyof T as T[K] extends string ? `${K & string}_one` : never]?: string;
};
