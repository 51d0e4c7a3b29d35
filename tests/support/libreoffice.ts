import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Set to 1 on a machine that cannot have LibreOffice: its checks are then skipped, and say why. */
export const NO_LIBREOFFICE_ENV = 'KLKCHC_NO_LIBREOFFICE';

const INSTALL_HINT =
  'Install it (Debian: apt-get install --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui; ' +
  'Windows/macOS: libreoffice.org) or point SOFFICE_PATH at soffice';

/** CSV import as a person opening the file gets it: UTF-8, comma, and formulas evaluated (token 13). */
export const CSV_IMPORT_EVALUATING = 'CSV:44,34,76,1,,0,false,true,false,false,false,-1,true';
/** CSV export of what the cells show (values, not formulas), UTF-8, comma. */
export const CSV_EXPORT_VALUES = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false';

/** soffice from SOFFICE_PATH (only there, when set), else the usual install places or PATH; null when none. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.SOFFICE_PATH) return fs.existsSync(env.SOFFICE_PATH) ? env.SOFFICE_PATH : null;
  const candidates = [
    '/usr/bin/soffice',
    '/usr/bin/libreoffice',
    '/usr/local/bin/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
    'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
    ...(env.PATH ?? '').split(path.delimiter).map((dir) => path.join(dir, 'soffice')),
  ];
  return candidates.find((candidate) => fs.existsSync(candidate)) ?? null;
}

/**
 * soffice, or the reason to skip when the machine says it has none. Missing without that say-so
 * is an error: a check that quietly passes when its tool is absent proves nothing.
 */
export function requireSoffice(env: NodeJS.ProcessEnv = process.env): { soffice: string } | { skip: string } {
  const soffice = findSoffice(env);
  if (soffice) return { soffice };
  if (env[NO_LIBREOFFICE_ENV] === '1') {
    return { skip: `${NO_LIBREOFFICE_ENV}=1: this machine has no LibreOffice, so files are not opened in it` };
  }
  throw new Error(`LibreOffice (soffice) not found. ${INSTALL_HINT}, or set ${NO_LIBREOFFICE_ENV}=1 to skip.`);
}

/** Converts `input` with LibreOffice into `outDir` and returns the new file's path; fails loudly. */
export function convert(
  soffice: string,
  input: string,
  options: { to: string; extension: string; infilter?: string; outDir: string; profileDir: string },
): string {
  const result = spawnSync(
    soffice,
    [
      `-env:UserInstallation=${pathToFileURL(options.profileDir).href}`,
      '--headless',
      ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
      '--convert-to',
      options.to,
      '--outdir',
      options.outDir,
      input,
    ],
    { timeout: 120_000, encoding: 'utf8' },
  );
  const output = path.join(options.outDir, `${path.parse(input).name}.${options.extension}`);
  if (result.status !== 0 || !fs.existsSync(output)) {
    // A .docx that "could not be loaded" usually means LibreOffice without Writer.
    throw new Error(
      `soffice could not convert ${input} (${result.status ?? result.error?.message}): ${result.stderr}. ${INSTALL_HINT}`,
    );
  }
  return output;
}

/** RFC 4180 CSV (quoted fields may hold separators, quotes and line breaks) into rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
