/**
 * Formula injection (OWASP ASVS 5.0 V1.2.10, "CSV injection"): a cell that begins with
 * = + - @ tab, CR or NUL can run as a formula when a spreadsheet opens the file. This is the
 * one rule every export applies.
 */
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** True when a spreadsheet could take the value for a formula. */
export function isFormulaLike(value: string): boolean {
  return FORMULA_START.test(value);
}

/** A CSV field that opens as text: the value behind a single quote (what Excel itself does). */
export function guardCsvValue(value: string): string {
  return isFormulaLike(value) ? `'${value}` : value;
}

/** The value behind the guard again, when a guarded CSV comes back in (the round trip is lossless). */
export function unguardCsvValue(value: string): string {
  return value.startsWith("'") && isFormulaLike(value.slice(1)) ? value.slice(1) : value;
}
