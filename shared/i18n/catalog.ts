/** A translation catalog with the same keys as the Vietnamese one, every leaf a string. */
export type CatalogShape<T> = { [K in keyof T]: T[K] extends string ? string : CatalogShape<T[K]> };
