/**
 * A writer of legacy Excel 97–2003 `.xls` files, for tests only: BIFF8 records ([MS-XLS]) in a
 * Workbook stream inside a version 3 compound file ([MS-CFB]). It is written from the two
 * specifications, independently of the app's reader, so fixtures stay readable in test code and a
 * misreading of the format in the reader cannot hide behind the same misreading here.
 *
 * The layout follows what Excel itself writes where that costs little (default fonts and style
 * XFs, INDEX/ROW/DBCELL, EXTSST, WINDOW1/WINDOW2), so that other readers — LibreOffice in the
 * self-test — accept the files as they would a real one. What it does not do: encryption (the
 * `encrypted` option only adds the FILEPASS header, the records after it stay in clear, which is
 * enough to test that a reader refuses the file), formulas other than constants, and more than
 * 109 FAT sectors (about 7 MB).
 */

// ---------------------------------------------------------------------------------------------
// Public API

/** A run of rich text with its font name. */
export interface XlsRun {
  text: string;
  font: string;
}

export interface XlsCell {
  /** 0-based. */
  row: number;
  /** 0-based. */
  col: number;
  /**
   * `{ formula: x }` is a FORMULA record whose cached result is x (a string result is followed by a
   * STRING record; null is an empty-string result). `{ error: n }` is a BOOLERR error (0x07 #DIV/0!, 0x2A #N/A…).
   */
  value: string | number | boolean | { formula: string | number | boolean | null } | { error: number };
  /** The cell's font name, e.g. '.VnTime', 'VNI-Times' (default 'Arial'). */
  font?: string;
  /** A number format code such as '000' or 'dd/mm/yyyy', or a built-in format index such as 14. */
  numFmt?: string | number;
  /** Rich text; `value` must be the runs' text joined. Written as SST formatting runs. */
  runs?: XlsRun[];
  /** Write this string as a LABEL record (0x0204) instead of LABELSST. */
  asLabel?: boolean;
  /** Write this number as RK when representable; consecutive RK cells in a row become one MULRK. */
  asRk?: boolean;
}

export interface XlsSheet {
  name: string;
  state?: 'visible' | 'hidden' | 'veryHidden';
  cells: XlsCell[];
  /** Merged areas, 0-based and inclusive. */
  merges?: { r1: number; c1: number; r2: number; c2: number }[];
}

export interface XlsOptions {
  /** Add a FILEPASS record (RC4 header, records left in clear) right after the globals BOF. */
  encrypted?: boolean;
  /** Max bytes of data per SST/CONTINUE record (default 8224, as Excel); small values split strings. */
  maxRecordData?: number;
  /** DATEMODE: dates counted from 1904. */
  date1904?: boolean;
  /** Write an Excel 5/95 (BIFF5) 'Book' stream instead: plain strings, numbers, booleans and errors only. */
  biff5?: boolean;
  /** More streams in the container (e.g. 'SummaryInformation'). */
  extraStreams?: { name: string; data: Buffer }[];
}

export function xlsBytes(sheets: XlsSheet[], options: XlsOptions = {}): Buffer {
  if (sheets.length === 0) throw new Error('a workbook has at least one sheet');
  const biff = options.biff5 ? BIFF5 : BIFF8;
  const book = prepareBook(sheets, biff);
  const workbook = workbookStream(book, biff, options);
  return cfbBytes([{ name: biff.streamName, data: workbook }, ...(options.extraStreams ?? [])], biff.clsid);
}

// ---------------------------------------------------------------------------------------------
// Bytes

class Bytes {
  private readonly parts: Buffer[] = [];
  length = 0;

  u8(value: number): this {
    const buffer = Buffer.alloc(1);
    buffer.writeUInt8(value);
    return this.raw(buffer);
  }
  u16(value: number): this {
    const buffer = Buffer.alloc(2);
    buffer.writeUInt16LE(value);
    return this.raw(buffer);
  }
  u32(value: number): this {
    const buffer = Buffer.alloc(4);
    buffer.writeUInt32LE(value >>> 0);
    return this.raw(buffer);
  }
  f64(value: number): this {
    const buffer = Buffer.alloc(8);
    buffer.writeDoubleLE(value);
    return this.raw(buffer);
  }
  raw(buffer: Buffer): this {
    this.parts.push(buffer);
    this.length += buffer.length;
    return this;
  }
  done(): Buffer {
    return Buffer.concat(this.parts, this.length);
  }
}

const bytes = (): Bytes => new Bytes();

// ---------------------------------------------------------------------------------------------
// Compound file ([MS-CFB], version 3)

const SECTOR = 512;
const MINI_SECTOR = 64;
const MINI_CUTOFF = 4096;
const ENTRIES_PER_FAT_SECTOR = SECTOR / 4;
const DIR_ENTRY = 128;
const HEADER_DIFAT = 109;
const FREESECT = 0xffffffff;
const ENDOFCHAIN = 0xfffffffe;
const FATSECT = 0xfffffffd;
const NOSTREAM = 0xffffffff;
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export interface CfbStream {
  name: string;
  data: Buffer;
}

/** Where a stream's data went: a chain of sectors, regular or mini. */
interface Placement {
  start: number;
  mini: boolean;
}

/**
 * A compound file holding `streams` under the root storage. Streams under the 4096-byte cutoff go in
 * the mini stream, as the specification requires; readers decide where to look by the size alone.
 */
export function cfbBytes(streams: CfbStream[], rootClsid: Buffer = Buffer.alloc(16)): Buffer {
  checkStreamNames(streams);
  const fat = new SectorTable();
  const miniFat: number[] = [];
  const sectors: Buffer[] = [];
  const allocate = (data: Buffer): number => {
    const count = Math.ceil(data.length / SECTOR);
    const start = fat.chain(count);
    sectors.push(pad(data, count * SECTOR));
    return start;
  };

  const miniParts: Buffer[] = [];
  const placements = streams.map((stream): Placement => {
    if (stream.data.length === 0) return { start: ENDOFCHAIN, mini: false };
    if (stream.data.length >= MINI_CUTOFF) return { start: allocate(stream.data), mini: false };
    const count = Math.ceil(stream.data.length / MINI_SECTOR);
    const start = miniFat.length;
    for (let i = 0; i < count; i++) miniFat.push(i === count - 1 ? ENDOFCHAIN : start + i + 1);
    miniParts.push(pad(stream.data, count * MINI_SECTOR));
    return { start, mini: true };
  });

  // The mini stream lives in regular sectors as the root entry's own data.
  const miniStream = Buffer.concat(miniParts);
  const miniStreamStart = miniStream.length > 0 ? allocate(miniStream) : ENDOFCHAIN;
  const miniFatSectors = Math.ceil(miniFat.length / ENTRIES_PER_FAT_SECTOR);
  const miniFatStart = miniFatSectors > 0 ? allocate(u32Table(miniFat, miniFatSectors)) : ENDOFCHAIN;

  const directory = directoryEntries(streams, placements, rootClsid, miniStreamStart, miniStream.length);
  const directoryStart = allocate(directory);

  // The FAT covers every sector, its own included.
  let fatSectors = 0;
  while (fatSectors * ENTRIES_PER_FAT_SECTOR < fat.length + fatSectors) fatSectors++;
  if (fatSectors > HEADER_DIFAT) throw new Error('more than 109 FAT sectors: DIFAT sectors are not supported');
  const fatStart = fat.length;
  for (let i = 0; i < fatSectors; i++) fat.mark(FATSECT);
  sectors.push(u32Table(fat.entries, fatSectors));

  const header = cfbHeader({
    fatSectors,
    fatStart,
    directoryStart,
    miniFatStart,
    miniFatSectors,
  });
  return Buffer.concat([header, ...sectors]);
}

/** The FAT being built: each new chain takes the next sectors in order. */
class SectorTable {
  readonly entries: number[] = [];
  get length(): number {
    return this.entries.length;
  }
  chain(count: number): number {
    const start = this.entries.length;
    for (let i = 0; i < count; i++) this.entries.push(i === count - 1 ? ENDOFCHAIN : start + i + 1);
    return start;
  }
  mark(value: number): void {
    this.entries.push(value);
  }
}

function pad(data: Buffer, length: number): Buffer {
  return data.length === length ? data : Buffer.concat([data, Buffer.alloc(length - data.length)]);
}

/** 32-bit entries filling `sectorCount` sectors, the rest FREESECT. */
function u32Table(entries: number[], sectorCount: number): Buffer {
  const table = Buffer.alloc(sectorCount * SECTOR, 0xff);
  entries.forEach((entry, i) => table.writeUInt32LE(entry, i * 4));
  return table;
}

function checkStreamNames(streams: CfbStream[]): void {
  const seen = new Set<string>();
  for (const { name } of streams) {
    if (name.length === 0 || name.length > 31 || /[/\\:!]/.test(name)) throw new Error(`bad stream name ${name}`);
    const key = name.toUpperCase();
    if (seen.has(key)) throw new Error(`two streams named ${name}`);
    seen.add(key);
  }
}

function cfbHeader(layout: {
  fatSectors: number;
  fatStart: number;
  directoryStart: number;
  miniFatStart: number;
  miniFatSectors: number;
}): Buffer {
  const header = bytes()
    .raw(CFB_SIGNATURE)
    .raw(Buffer.alloc(16)) // header CLSID
    .u16(0x003e) // minor version
    .u16(0x0003) // major version 3: 512-byte sectors
    .u16(0xfffe) // byte order: little-endian
    .u16(9) // sector shift: 2^9
    .u16(6) // mini sector shift: 2^6
    .raw(Buffer.alloc(6))
    .u32(0) // number of directory sectors: must be 0 in version 3
    .u32(layout.fatSectors)
    .u32(layout.directoryStart)
    .u32(0) // transaction signature
    .u32(MINI_CUTOFF)
    .u32(layout.miniFatStart)
    .u32(layout.miniFatSectors)
    .u32(ENDOFCHAIN) // first DIFAT sector: none
    .u32(0); // number of DIFAT sectors
  for (let i = 0; i < HEADER_DIFAT; i++) header.u32(i < layout.fatSectors ? layout.fatStart + i : FREESECT);
  return header.done();
}

interface DirEntry {
  name: string;
  type: 'root' | 'stream';
  left: number;
  right: number;
  child: number;
  black: boolean;
  clsid?: Buffer;
  start: number;
  size: number;
}

function directoryEntries(
  streams: CfbStream[],
  placements: Placement[],
  rootClsid: Buffer,
  miniStreamStart: number,
  miniStreamSize: number,
): Buffer {
  const tree = siblingTree(streams.map((stream) => stream.name));
  const entries: DirEntry[] = [
    {
      name: 'Root Entry',
      type: 'root',
      left: NOSTREAM,
      right: NOSTREAM,
      child: tree.root,
      black: true,
      clsid: rootClsid,
      start: miniStreamStart,
      size: miniStreamSize,
    },
    ...streams.map((stream, i): DirEntry => {
      const node = tree.nodes[i]!;
      return {
        name: stream.name,
        type: 'stream',
        ...node,
        child: NOSTREAM,
        start: placements[i]!.start,
        size: stream.data.length,
      };
    }),
  ];
  const perSector = SECTOR / DIR_ENTRY;
  const total = Math.ceil(entries.length / perSector) * perSector;
  const out = bytes();
  for (let i = 0; i < total; i++) out.raw(i < entries.length ? dirEntry(entries[i]!) : unusedDirEntry());
  return out.done();
}

function dirEntry(entry: DirEntry): Buffer {
  const name = Buffer.alloc(64);
  name.write(entry.name, 'utf16le');
  return bytes()
    .raw(name)
    .u16((entry.name.length + 1) * 2) // length in bytes with the terminating null
    .u8(entry.type === 'root' ? 5 : 2)
    .u8(entry.black ? 1 : 0)
    .u32(entry.left)
    .u32(entry.right)
    .u32(entry.child)
    .raw(entry.clsid ?? Buffer.alloc(16))
    .u32(0) // state bits
    .raw(Buffer.alloc(16)) // creation and modification times
    .u32(entry.start)
    .u32(entry.size)
    .u32(0) // high 32 bits of the size: zero in version 3
    .done();
}

function unusedDirEntry(): Buffer {
  const entry = Buffer.alloc(DIR_ENTRY);
  entry.writeUInt32LE(NOSTREAM, 68);
  entry.writeUInt32LE(NOSTREAM, 72);
  entry.writeUInt32LE(NOSTREAM, 76);
  return entry;
}

/** [MS-CFB] order of names in a storage: shorter first, then by upper-cased UTF-16 code units. */
export function cfbNameOrder(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  const upperA = a.toUpperCase();
  const upperB = b.toUpperCase();
  for (let i = 0; i < a.length; i++) {
    const diff = upperA.charCodeAt(i) - upperB.charCodeAt(i);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The siblings as a valid red-black tree: a balanced binary search tree (every split at the middle, so
 * all leaves are on the last two levels) whose last level is red when it is not full, all else black.
 * Node numbers are directory ids (the stream's index + 1).
 */
function siblingTree(names: string[]): {
  root: number;
  nodes: { left: number; right: number; black: boolean }[];
} {
  const order = names.map((_, i) => i).sort((a, b) => cfbNameOrder(names[a]!, names[b]!));
  const nodes = names.map(() => ({ left: NOSTREAM, right: NOSTREAM, black: true, depth: 0 }));
  const build = (lo: number, hi: number, depth: number): number => {
    if (lo > hi) return NOSTREAM;
    const mid = (lo + hi) >> 1;
    const index = order[mid]!;
    const node = nodes[index]!;
    node.depth = depth;
    node.left = build(lo, mid - 1, depth + 1);
    node.right = build(mid + 1, hi, depth + 1);
    return index + 1;
  };
  const root = build(0, order.length - 1, 0);
  const maxDepth = Math.max(0, ...nodes.map((node) => node.depth));
  const full = names.length === 2 ** (maxDepth + 1) - 1;
  for (const node of nodes) node.black = full || node.depth < maxDepth;
  return { root, nodes: nodes.map(({ left, right, black }) => ({ left, right, black })) };
}

// ---------------------------------------------------------------------------------------------
// BIFF records common to both versions

const RT = {
  FORMULA: 0x0006,
  EOF: 0x000a,
  DATEMODE: 0x0022,
  FILEPASS: 0x002f,
  FONT: 0x0031,
  CONTINUE: 0x003c,
  WINDOW1: 0x003d,
  CODEPAGE: 0x0042,
  DEFCOLWIDTH: 0x0055,
  WSBOOL: 0x0081,
  BOUNDSHEET: 0x0085,
  MULRK: 0x00bd,
  DBCELL: 0x00d7,
  XF: 0x00e0,
  MERGECELLS: 0x00e5,
  SST: 0x00fc,
  LABELSST: 0x00fd,
  EXTSST: 0x00ff,
  DIMENSIONS: 0x0200,
  NUMBER: 0x0203,
  LABEL: 0x0204,
  BOOLERR: 0x0205,
  STRING: 0x0207,
  ROW: 0x0208,
  INDEX: 0x020b,
  RK: 0x027e,
  STYLE: 0x0293,
  FORMAT: 0x041e,
  WINDOW2: 0x023e,
  BOF: 0x0809,
} as const;

const BIFF8_MAX_DATA = 8224;
const ERROR_CODES = new Set([0x00, 0x07, 0x0f, 0x17, 0x1d, 0x24, 0x2a]);
const DEFAULT_FONT = 'Arial';
/** FONT records are numbered 0, 1, 2, 3, 5, 6…: index 4 does not exist. The first font after the four defaults is 5. */
const FIRST_OWN_FONT = 5;
const FIRST_CUSTOM_FORMAT = 164;
/** XFs 0–14 are style XFs and 15 the default cell XF, as Excel writes them; the writer's own cell XFs follow. */
const DEFAULT_CELL_XF = 15;

/** A record sequence with its stream positions. */
class RecordStream {
  private readonly out = bytes();
  constructor(private readonly maxData: number) {}

  get position(): number {
    return this.out.length;
  }
  /** Appends a record and returns the stream position of its header. */
  add(type: number, data: Buffer = Buffer.alloc(0)): number {
    if (data.length > this.maxData) {
      throw new Error(`record 0x${type.toString(16)} has ${data.length} bytes of data, more than ${this.maxData}`);
    }
    const at = this.position;
    this.out.u16(type).u16(data.length).raw(data);
    return at;
  }
  done(): Buffer {
    return this.out.done();
  }
}

/** The parts in which BIFF5 and BIFF8 differ. */
interface Biff {
  version: number;
  streamName: string;
  clsid: Buffer;
  maxData: number;
  codepage: number;
  bof(dt: number): Buffer;
  /** A string with a 1-byte length (font and sheet names). */
  shortString(text: string): Buffer;
  /** A string with a 2-byte length (LABEL, FORMAT, STRING). */
  string(text: string): Buffer;
  xf(ifnt: number, ifmt: number, style: boolean, used: number): Buffer;
  window2(selected: boolean): Buffer;
  dimensions(rows: [number, number], cols: [number, number]): Buffer;
}

/** CLSID bytes of a GUID {xxxxxxxx-0000-0000-C000-000000000046}, in their on-disk order. */
function officeClsid(first: number): Buffer {
  const clsid = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 0xc0, 0, 0, 0, 0, 0, 0, 0x46]);
  clsid.writeUInt32LE(first, 0);
  return clsid;
}

/** All UTF-16 code units ≤ U+00FF: the string can be stored one byte per character. */
function compressible(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

function chars(text: string, highByte: boolean): Buffer {
  return Buffer.from(text, highByte ? 'utf16le' : 'latin1');
}

const BIFF8: Biff = {
  version: 0x0600,
  streamName: 'Workbook',
  clsid: officeClsid(0x00020820), // Excel 97–2003 workbook
  maxData: BIFF8_MAX_DATA,
  codepage: 1200, // UTF-16: BIFF8 strings are Unicode
  bof: (dt) => bytes().u16(0x0600).u16(dt).u16(0x0dbb).u16(0x07cc).u32(0x00000041).u32(0x00000006).done(),
  shortString: (text) => {
    const high = !compressible(text);
    return bytes()
      .u8(text.length)
      .u8(high ? 1 : 0)
      .raw(chars(text, high))
      .done();
  },
  string: (text) => {
    const high = !compressible(text);
    return bytes()
      .u16(text.length)
      .u8(high ? 1 : 0)
      .raw(chars(text, high))
      .done();
  },
  xf: (ifnt, ifmt, style, used) =>
    bytes()
      .u16(ifnt)
      .u16(ifmt)
      .u16(style ? 0xfff5 : 0x0001) // locked; a style XF (parent 0xFFF) or a cell XF whose style is XF 0
      .u8(0x20) // aligned to the bottom
      .u8(0) // no rotation
      .u8(0) // no indent
      .u8(used << 2) // fAtrNum…fAtrProt
      .u32(0) // no borders
      .u32(0)
      .u16(0x40 | (0x41 << 7)) // pattern colours: system foreground and background
      .done(),
  window2: (selected) =>
    bytes()
      .u16(selected ? 0x06b6 : 0x00b6) // grid, headers, zeros, default header colour, outline symbols; selected+paged
      .u16(0) // top row
      .u16(0) // left column
      .u16(0x40) // header colour
      .u16(0)
      .u16(0) // zoom in page break preview: default
      .u16(0) // zoom in normal view: default
      .u32(0)
      .done(),
  dimensions: ([rowFirst, rowLast], [colFirst, colLast]) =>
    bytes().u32(rowFirst).u32(rowLast).u16(colFirst).u16(colLast).u16(0).done(),
};

/** Windows-1252 at 0x80–0x9F, the only range where it differs from Latin-1 (BIFF5 strings are 8-bit). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function cp1252(text: string): Buffer {
  const out = Buffer.alloc(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const high = CP1252_HIGH.indexOf(text[i]!);
    if (high >= 0 && ![0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(0x80 + high)) out[i] = 0x80 + high;
    else if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) out[i] = code;
    else throw new Error(`BIFF5 strings are Windows-1252: cannot write ${JSON.stringify(text[i])}`);
  }
  return out;
}

const BIFF5: Biff = {
  version: 0x0500,
  streamName: 'Book',
  clsid: officeClsid(0x00020810), // Excel 5 workbook
  maxData: 2080,
  codepage: 1252,
  bof: (dt) => bytes().u16(0x0500).u16(dt).u16(0x0dbb).u16(0x07cc).done(),
  shortString: (text) => {
    const encoded = cp1252(text);
    return bytes().u8(encoded.length).raw(encoded).done();
  },
  string: (text) => {
    const encoded = cp1252(text);
    return bytes().u16(encoded.length).raw(encoded).done();
  },
  xf: (ifnt, ifmt, style, used) =>
    bytes()
      .u16(ifnt)
      .u16(ifmt)
      .u16(style ? 0xfff5 : 0x0001)
      .u16(0x20 | (used << 10)) // bottom-aligned; the six attribute-used bits
      .u32(0x40 | (0x41 << 7)) // pattern colours, no pattern, no bottom border
      .u32(0) // no other borders
      .done(),
  window2: (selected) =>
    bytes()
      .u16(selected ? 0x06b6 : 0x00b6)
      .u16(0)
      .u16(0)
      .u32(0) // header colour (RGB)
      .done(),
  dimensions: ([rowFirst, rowLast], [colFirst, colLast]) =>
    bytes().u16(rowFirst).u16(rowLast).u16(colFirst).u16(colLast).u16(0).done(),
};

// ---------------------------------------------------------------------------------------------
// Preparing the workbook: fonts, formats, XFs and shared strings, gathered from the cells

interface FormatRun {
  ich: number;
  ifnt: number;
}

interface SstString {
  text: string;
  runs: FormatRun[];
}

interface PreparedCell {
  row: number;
  col: number;
  xf: number;
  value: XlsCell['value'];
  /** Index in the SST, for strings written as LABELSST. */
  sst?: number;
  /** The RK encoding, for numbers written as RK. */
  rk?: number;
}

interface PreparedSheet {
  sheet: XlsSheet;
  cells: PreparedCell[];
}

interface PreparedBook {
  sheets: PreparedSheet[];
  styles: Styles;
  strings: SharedStrings;
}

class Styles {
  /** The writer's own fonts, after the four defaults; Arial is always first so there are at least five. */
  readonly fonts: string[] = [DEFAULT_FONT];
  readonly formats: { ifmt: number; code: string }[] = [];
  readonly cellXfs: { ifnt: number; ifmt: number }[] = [];

  fontIndex(name: string): number {
    if (name.length === 0 || name.length > 31) throw new Error(`bad font name ${JSON.stringify(name)}`);
    let i = this.fonts.indexOf(name);
    if (i < 0) i = this.fonts.push(name) - 1;
    return FIRST_OWN_FONT + i;
  }

  formatIndex(format: string | number | undefined): number {
    if (format === undefined) return 0;
    if (typeof format === 'number') {
      if (!Number.isInteger(format) || format < 0 || format >= FIRST_CUSTOM_FORMAT) {
        throw new Error(`built-in format index ${format} is not below ${FIRST_CUSTOM_FORMAT}`);
      }
      return format;
    }
    const known = this.formats.find((entry) => entry.code === format);
    if (known) return known.ifmt;
    const ifmt = FIRST_CUSTOM_FORMAT + this.formats.length;
    this.formats.push({ ifmt, code: format });
    return ifmt;
  }

  xfIndex(font: string | undefined, format: string | number | undefined): number {
    const ifmt = this.formatIndex(format);
    if ((font === undefined || font === DEFAULT_FONT) && ifmt === 0) return DEFAULT_CELL_XF;
    const ifnt = this.fontIndex(font ?? DEFAULT_FONT);
    let i = this.cellXfs.findIndex((xf) => xf.ifnt === ifnt && xf.ifmt === ifmt);
    if (i < 0) i = this.cellXfs.push({ ifnt, ifmt }) - 1;
    return DEFAULT_CELL_XF + 1 + i;
  }
}

class SharedStrings {
  readonly unique: SstString[] = [];
  /** References from LABELSST cells, duplicates counted. */
  total = 0;
  private readonly index = new Map<string, number>();

  add(text: string, runs: FormatRun[]): number {
    this.total++;
    const key = JSON.stringify([text, runs]);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.unique.push({ text, runs }) - 1;
      this.index.set(key, i);
    }
    return i;
  }
}

function prepareBook(sheets: XlsSheet[], biff: Biff): PreparedBook {
  const styles = new Styles();
  const strings = new SharedStrings();
  const names = new Set<string>();
  const prepared = sheets.map((sheet): PreparedSheet => {
    if (sheet.name.length === 0 || sheet.name.length > 31 || /[[\]:*?/\\]/.test(sheet.name)) {
      throw new Error(`bad sheet name ${JSON.stringify(sheet.name)}`);
    }
    if (names.has(sheet.name.toUpperCase())) throw new Error(`two sheets named ${sheet.name}`);
    names.add(sheet.name.toUpperCase());
    if (biff === BIFF5 && (sheet.merges?.length ?? 0) > 0) throw new Error('BIFF5 has no merged cells');
    const cells = sortedCells(sheet.cells).map((cell) => prepareCell(cell, styles, strings, biff));
    return { sheet, cells };
  });
  return { sheets: prepared, styles, strings };
}

function sortedCells(cells: XlsCell[]): XlsCell[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  sorted.forEach((cell, i) => {
    if (!Number.isInteger(cell.row) || cell.row < 0 || cell.row > 0xffff) throw new Error(`bad row ${cell.row}`);
    if (!Number.isInteger(cell.col) || cell.col < 0 || cell.col > 0xff) throw new Error(`bad column ${cell.col}`);
    const previous = sorted[i - 1];
    if (previous && previous.row === cell.row && previous.col === cell.col) {
      throw new Error(`two cells at row ${cell.row}, column ${cell.col}`);
    }
  });
  return sorted;
}

function prepareCell(cell: XlsCell, styles: Styles, strings: SharedStrings, biff: Biff): PreparedCell {
  const { value } = cell;
  if (cell.runs && typeof value !== 'string') throw new Error('rich text runs need a string value');
  if (cell.asLabel && typeof value !== 'string') throw new Error('asLabel needs a string value');
  if (cell.asRk && typeof value !== 'number') throw new Error('asRk needs a number value');
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`${value} cannot be stored in a cell`);
  if (typeof value === 'object' && 'error' in value && !ERROR_CODES.has(value.error)) {
    throw new Error(`0x${value.error.toString(16)} is not an error code`);
  }
  if (typeof value === 'object' && 'formula' in value && biff === BIFF5) {
    throw new Error('BIFF5 mode writes no formulas');
  }
  const prepared: PreparedCell = { row: cell.row, col: cell.col, xf: styles.xfIndex(cell.font, cell.numFmt), value };
  if (typeof value === 'string') {
    if (value.length > 32767) throw new Error('a cell holds at most 32767 characters');
    const runs = cell.runs ? formatRuns(value, cell.runs, styles) : [];
    if (biff === BIFF5 && runs.length > 0) throw new Error('BIFF5 mode writes no rich text');
    if (cell.asLabel && runs.length > 0) throw new Error('a LABEL record cannot hold rich text');
    if (!cell.asLabel && biff === BIFF8) prepared.sst = strings.add(value, runs);
  }
  if (typeof value === 'number' && cell.asRk) {
    const rk = rkOf(value);
    if (rk !== undefined) prepared.rk = rk;
  }
  return prepared;
}

function formatRuns(text: string, runs: XlsRun[], styles: Styles): FormatRun[] {
  if (runs.map((run) => run.text).join('') !== text) throw new Error('the runs do not spell the cell value');
  const out: FormatRun[] = [];
  let ich = 0;
  for (const run of runs) {
    if (run.text.length > 0) out.push({ ich, ifnt: styles.fontIndex(run.font) });
    ich += run.text.length;
  }
  return out;
}

/**
 * The RK encoding of `value`, if exact: a 30-bit integer (fInt), or the 30 high bits of a double
 * whose other bits are zero, either of them possibly divided by 100 (fX100).
 */
export function rkOf(value: number): number | undefined {
  const asInt = (n: number): number | undefined =>
    Number.isInteger(n) && n >= -(2 ** 29) && n < 2 ** 29 ? ((n << 2) | 0b10) >>> 0 : undefined;
  const asDouble = (n: number): number | undefined => {
    const buffer = Buffer.alloc(8);
    buffer.writeDoubleLE(n);
    const high = buffer.readUInt32LE(4);
    return buffer.readUInt32LE(0) === 0 && (high & 0b11) === 0 ? high : undefined;
  };
  const direct = asInt(value) ?? asDouble(value);
  if (direct !== undefined) return direct;
  const hundredfold = Math.round(value * 100);
  if (hundredfold / 100 === value) {
    const rk = asInt(hundredfold) ?? asDouble(hundredfold);
    if (rk !== undefined) return (rk | 0b01) >>> 0;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// The workbook stream

function workbookStream(book: PreparedBook, biff: Biff, options: XlsOptions): Buffer {
  const sstLimit = options.maxRecordData ?? BIFF8_MAX_DATA;
  if (!Number.isInteger(sstLimit) || sstLimit < 16 || sstLimit > BIFF8_MAX_DATA) {
    throw new Error(`maxRecordData must be an integer from 16 to ${BIFF8_MAX_DATA}`);
  }
  // The globals' length does not depend on the sheet positions they hold, so one dry run gives them.
  const noPositions = book.sheets.map(() => 0);
  const globalsLength = globalsSubstream(book, biff, options, sstLimit, noPositions).length;
  const sheetStreams: Buffer[] = [];
  const positions: number[] = [];
  let position = globalsLength;
  book.sheets.forEach((sheet, i) => {
    positions.push(position);
    const stream = sheetSubstream(sheet, biff, position, i === activeSheet(book));
    sheetStreams.push(stream);
    position += stream.length;
  });
  const globals = globalsSubstream(book, biff, options, sstLimit, positions);
  if (globals.length !== globalsLength) throw new Error('globals changed length between passes');
  return Buffer.concat([globals, ...sheetStreams]);
}

/** The tab shown when the file opens: the first visible sheet. */
function activeSheet(book: PreparedBook): number {
  return Math.max(
    0,
    book.sheets.findIndex(({ sheet }) => (sheet.state ?? 'visible') === 'visible'),
  );
}

function globalsSubstream(
  book: PreparedBook,
  biff: Biff,
  options: XlsOptions,
  sstLimit: number,
  sheetPositions: number[],
): Buffer {
  const out = new RecordStream(biff.maxData);
  out.add(RT.BOF, biff.bof(0x0005));
  if (options.encrypted) out.add(RT.FILEPASS, filePass());
  out.add(RT.CODEPAGE, bytes().u16(biff.codepage).done());
  out.add(RT.WINDOW1, window1(activeSheet(book)));
  const dateMode = options.date1904 ? 1 : 0;
  out.add(RT.DATEMODE, bytes().u16(dateMode).done());
  writeFormatting(out, book.styles, biff);
  book.sheets.forEach(({ sheet }, i) => out.add(RT.BOUNDSHEET, boundSheet(sheet, sheetPositions[i]!, biff)));
  if (biff === BIFF8) writeSst(out, book.strings, sstLimit);
  out.add(RT.EOF);
  return out.done();
}

/** RC4 encryption header ([MS-XLS] 2.4.117): type 1, version 1.1, then salt, verifier and its hash. */
function filePass(): Buffer {
  const body = Buffer.alloc(48);
  for (let i = 0; i < body.length; i++) body[i] = (i * 37 + 11) & 0xff;
  return bytes().u16(1).u16(1).u16(1).raw(body).done();
}

function window1(activeTab: number): Buffer {
  return bytes()
    .u16(0x01e0) // left
    .u16(0x005a) // top
    .u16(0x3fcf) // width
    .u16(0x2a4e) // height
    .u16(0x0038) // scroll bars and sheet tabs shown
    .u16(activeTab)
    .u16(0) // first tab shown
    .u16(1) // one tab selected
    .u16(0x0258) // tab bar takes 60% of the scroll bar
    .done();
}

function fontRecord(name: string, biff: Biff): Buffer {
  return bytes()
    .u16(200) // 10 pt, in twips
    .u16(0) // not italic, not struck out
    .u16(0x7fff) // automatic colour
    .u16(400) // normal weight
    .u16(0) // no super/subscript
    .u8(0) // no underline
    .u8(0) // family not given
    .u8(0) // ANSI character set
    .u8(0)
    .raw(biff.shortString(name))
    .done();
}

function writeFormatting(out: RecordStream, styles: Styles, biff: Biff): void {
  for (let i = 0; i < 4; i++) out.add(RT.FONT, fontRecord(DEFAULT_FONT, biff));
  for (const name of styles.fonts) out.add(RT.FONT, fontRecord(name, biff));
  // BIFF8 format codes have a 2-byte length, BIFF5 ones a 1-byte length.
  const formatCode = biff === BIFF8 ? biff.string : biff.shortString;
  for (const { ifmt, code } of styles.formats) out.add(RT.FORMAT, bytes().u16(ifmt).raw(formatCode(code)).done());
  // Style XFs as Excel writes them: XF 0 is Normal (uses everything), 1–14 use only their font.
  const styleFonts = [0, 1, 1, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  styleFonts.forEach((ifnt, i) => out.add(RT.XF, biff.xf(ifnt, 0, true, i === 0 ? 0 : 0b111101)));
  out.add(RT.XF, biff.xf(0, 0, false, 0)); // XF 15, the default cell XF: everything from Normal
  for (const { ifnt, ifmt } of styles.cellXfs) out.add(RT.XF, biff.xf(ifnt, ifmt, false, 0b000011)); // own number format and font
  out.add(RT.STYLE, bytes().u16(0x8000).u8(0).u8(0xff).done()); // built-in style Normal on XF 0
}

function boundSheet(sheet: XlsSheet, position: number, biff: Biff): Buffer {
  const state = { visible: 0, hidden: 1, veryHidden: 2 }[sheet.state ?? 'visible'];
  return bytes()
    .u32(position) // stream position of the sheet's BOF
    .u8(state)
    .u8(0) // a worksheet
    .raw(biff.shortString(sheet.name))
    .done();
}

// ---------------------------------------------------------------------------------------------
// The shared string table, split over CONTINUE records the way [MS-XLS] 2.5.293 allows

/** A record whose data goes on in CONTINUE records once `limit` bytes are used. */
class ContinuedRecord {
  private readonly chunks: Bytes[] = [bytes()];
  constructor(private readonly limit: number) {}

  private get current(): Bytes {
    return this.chunks[this.chunks.length - 1]!;
  }
  get space(): number {
    return this.limit - this.current.length;
  }
  /** Where the next byte goes: which record (0 = the first) and the offset in its data. */
  get cursor(): { record: number; offset: number } {
    return { record: this.chunks.length - 1, offset: this.current.length };
  }
  startContinue(): void {
    this.chunks.push(bytes());
  }
  /** Moves on to a CONTINUE record unless `size` more bytes fit in this one. */
  keepTogether(size: number): void {
    if (this.space < size) this.startContinue();
  }
  write(data: Buffer): void {
    if (data.length > this.space) throw new Error('internal: continued record overflow');
    this.current.raw(data);
  }
  /** Appends the records; returns their stream positions. */
  emit(out: RecordStream, type: number): number[] {
    return this.chunks.map((chunk, i) => out.add(i === 0 ? type : RT.CONTINUE, chunk.done()));
  }
}

function writeSst(out: RecordStream, strings: SharedStrings, limit: number): void {
  const sst = new ContinuedRecord(limit);
  sst.write(bytes().u32(strings.total).u32(strings.unique.length).done());
  const bucketSize = Math.max(8, Math.ceil(strings.unique.length / 128));
  const bucketStarts: { record: number; offset: number }[] = [];
  strings.unique.forEach((entry, i) => {
    const start = writeRichString(sst, entry);
    if (i % bucketSize === 0) bucketStarts.push(start);
  });
  const recordPositions = sst.emit(out, RT.SST);
  // EXTSST: where each bucket's first string starts, in the stream and in its record (header included).
  const extSst = bytes().u16(bucketSize);
  for (const { record, offset } of bucketStarts) {
    extSst
      .u32(recordPositions[record]! + 4 + offset)
      .u16(4 + offset)
      .u16(0);
  }
  out.add(RT.EXTSST, extSst.done());
}

/**
 * One XLUnicodeRichExtendedString. Its header (cch, flags, cRun) and first character stay in one
 * record; characters may then run on into CONTINUE records, each of which starts with the option
 * byte again (fHighByte); formatting runs are kept whole (4 bytes) and take no option byte.
 */
function writeRichString(sst: ContinuedRecord, entry: SstString): { record: number; offset: number } {
  const { text, runs } = entry;
  const high = !compressible(text);
  const unit = high ? 2 : 1;
  const rich = runs.length > 0;
  const header = bytes()
    .u16(text.length)
    .u8((high ? 0x01 : 0) | (rich ? 0x08 : 0));
  if (rich) header.u16(runs.length);
  // A surrogate pair is kept in one piece (two units), so that each piece decodes on its own.
  const unitsAt = (i: number): number => (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length ? 2 : 1);
  sst.keepTogether(header.length + (text.length > 0 ? unit * unitsAt(0) : 0));
  const start = sst.cursor;
  sst.write(header.done());
  let i = 0;
  while (i < text.length) {
    if (sst.space < unit * unitsAt(i)) {
      sst.startContinue();
      sst.write(Buffer.from([high ? 1 : 0]));
    }
    let count = Math.min(text.length - i, Math.floor(sst.space / unit));
    if (i + count < text.length && isHighSurrogate(text.charCodeAt(i + count - 1))) count--;
    sst.write(chars(text.slice(i, i + count), high));
    i += count;
  }
  for (const run of runs) {
    sst.keepTogether(4);
    sst.write(bytes().u16(run.ich).u16(run.ifnt).done());
  }
  return start;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

// ---------------------------------------------------------------------------------------------
// A worksheet substream: BOF, INDEX, WSBOOL, DEFCOLWIDTH, DIMENSIONS, row blocks (ROW…, cells…, DBCELL),
// WINDOW2, MERGECELLS, EOF

const ROWS_PER_BLOCK = 32;
const ROW_RECORD_SIZE = 4 + 16;

function sheetSubstream({ sheet, cells }: PreparedSheet, biff: Biff, base: number, active: boolean): Buffer {
  const out = new RecordStream(biff.maxData);
  const blocks = rowBlocks(cells);
  out.add(RT.BOF, biff.bof(0x0010));
  const noPositions = blocks.map(() => 0);
  const indexPlaceholder = indexRecord(biff, cells, 0, noPositions);
  const indexAt = out.add(RT.INDEX, indexPlaceholder); // filled in below, once positions are known
  out.add(RT.WSBOOL, bytes().u16(0x04c1).done()); // a worksheet (not a dialog sheet), Excel's defaults
  const defColWidthAt = out.add(RT.DEFCOLWIDTH, bytes().u16(8).done());
  out.add(RT.DIMENSIONS, biff.dimensions(...dimensions(cells)));
  const dbCells = blocks.map((rows) => writeRowBlock(out, rows, biff));
  out.add(RT.WINDOW2, biff.window2(active));
  for (let i = 0; i < (sheet.merges ?? []).length; i += 1026) {
    out.add(RT.MERGECELLS, mergeCells((sheet.merges ?? []).slice(i, i + 1026)));
  }
  out.add(RT.EOF);
  const stream = out.done();
  const index = indexRecord(
    biff,
    cells,
    base + defColWidthAt,
    dbCells.map((at) => base + at),
  );
  index.copy(stream, indexAt + 4);
  return stream;
}

/** INDEX: the rows in use and the stream positions of DEFCOLWIDTH and of each DBCELL. */
function indexRecord(biff: Biff, cells: PreparedCell[], defColWidth: number, dbCells: number[]): Buffer {
  const [first, last] = dimensions(cells)[0];
  const out = bytes().u32(0);
  if (biff === BIFF8) out.u32(first).u32(last);
  else out.u16(first).u16(last);
  out.u32(defColWidth);
  for (const position of dbCells) out.u32(position);
  return out.done();
}

/** [first row, last row + 1] and [first column, last column + 1]; zeros for an empty sheet. */
function dimensions(cells: PreparedCell[]): [[number, number], [number, number]] {
  if (cells.length === 0) {
    return [
      [0, 0],
      [0, 0],
    ];
  }
  const rows = cells.map((cell) => cell.row);
  const cols = cells.map((cell) => cell.col);
  return [
    [Math.min(...rows), Math.max(...rows) + 1],
    [Math.min(...cols), Math.max(...cols) + 1],
  ];
}

/** Cells grouped by row, rows grouped in blocks of 32 (rows 0–31, 32–63…), as Excel stores them. */
function rowBlocks(cells: PreparedCell[]): PreparedCell[][][] {
  const blocks = new Map<number, Map<number, PreparedCell[]>>();
  for (const cell of cells) {
    const block = blocks.get(Math.floor(cell.row / ROWS_PER_BLOCK)) ?? new Map<number, PreparedCell[]>();
    blocks.set(Math.floor(cell.row / ROWS_PER_BLOCK), block);
    const row = block.get(cell.row) ?? [];
    block.set(cell.row, row);
    row.push(cell);
  }
  return [...blocks.values()].map((block) => [...block.values()]);
}

/** Writes one row block and returns the position of its DBCELL. */
function writeRowBlock(out: RecordStream, rows: PreparedCell[][], biff: Biff): number {
  const firstRowAt = out.position;
  for (const row of rows) out.add(RT.ROW, rowRecord(row));
  const firstCells = rows.map((row) => {
    const at = out.position;
    writeRowCells(out, row, biff);
    return at;
  });
  // DBCELL: back to the first ROW, then each row's first cell relative to the one before
  // (the first relative to the end of the first ROW record).
  const dbCell = bytes().u32(out.position - firstRowAt);
  let previous = firstRowAt + ROW_RECORD_SIZE;
  for (const at of firstCells) {
    if (at - previous > 0xffff) throw new Error('a row block too large for DBCELL offsets');
    dbCell.u16(at - previous);
    previous = at;
  }
  return out.add(RT.DBCELL, dbCell.done());
}

function rowRecord(row: PreparedCell[]): Buffer {
  const first = row[0]!;
  const last = row[row.length - 1]!;
  return bytes()
    .u16(first.row)
    .u16(first.col)
    .u16(last.col + 1)
    .u16(0x00ff) // default height (255 twips)
    .u16(0)
    .u16(0)
    .u16(0x0100) // no outline, not hidden, height not set by hand; reserved byte 1
    .u16(DEFAULT_CELL_XF) // row format (unused: fGhostDirty is 0)
    .done();
}

function writeRowCells(out: RecordStream, row: PreparedCell[], biff: Biff): void {
  let i = 0;
  while (i < row.length) {
    const cell = row[i]!;
    let end = i + 1;
    if (cell.rk !== undefined) {
      while (end < row.length && row[end]!.rk !== undefined && row[end]!.col === row[end - 1]!.col + 1) end++;
    }
    if (end - i >= 2) {
      out.add(RT.MULRK, mulRk(row.slice(i, end)));
    } else {
      writeCell(out, cell, biff);
      end = i + 1;
    }
    i = end;
  }
}

function cellHeader(cell: PreparedCell): Bytes {
  return bytes().u16(cell.row).u16(cell.col).u16(cell.xf);
}

function mulRk(cells: PreparedCell[]): Buffer {
  const first = cells[0]!;
  const out = bytes().u16(first.row).u16(first.col);
  for (const cell of cells) out.u16(cell.xf).u32(cell.rk!);
  return out.u16(cells[cells.length - 1]!.col).done();
}

function writeCell(out: RecordStream, cell: PreparedCell, biff: Biff): void {
  const { value } = cell;
  if (typeof value === 'string') {
    if (cell.sst !== undefined) out.add(RT.LABELSST, cellHeader(cell).u32(cell.sst).done());
    else out.add(RT.LABEL, cellHeader(cell).raw(biff.string(value)).done());
  } else if (typeof value === 'number') {
    if (cell.rk !== undefined) out.add(RT.RK, cellHeader(cell).u32(cell.rk).done());
    else out.add(RT.NUMBER, cellHeader(cell).f64(value).done());
  } else if (typeof value === 'boolean') {
    const bool = value ? 1 : 0;
    out.add(RT.BOOLERR, cellHeader(cell).u8(bool).u8(0).done());
  } else if ('error' in value) {
    out.add(RT.BOOLERR, cellHeader(cell).u8(value.error).u8(1).done());
  } else {
    writeFormula(out, cell, value.formula);
  }
}

/**
 * FORMULA with a constant expression (="text", =42, =TRUE) whose cached result is that constant,
 * so the file reads the same whether a reader takes the cached value or recalculates.
 */
function writeFormula(out: RecordStream, cell: PreparedCell, result: string | number | boolean | null): void {
  const value = bytes();
  if (typeof result === 'number') value.f64(result);
  else {
    // Not a number: a type byte, a value byte, and 0xFFFF in the last two bytes (a NaN pattern).
    const [type, byte] = result === null ? [3, 0] : typeof result === 'boolean' ? [1, result ? 1 : 0] : [0, 0];
    value.u8(type).u8(0).u8(byte).u8(0).u8(0).u8(0).u16(0xffff);
  }
  const tokens = formulaTokens(result);
  out.add(
    RT.FORMULA,
    cellHeader(cell)
      .raw(value.done())
      .u16(0) // flags: not always recalculated, not shared
      .u32(0) // chn: reserved
      .u16(tokens.length)
      .raw(tokens)
      .done(),
  );
  if (typeof result === 'string') out.add(RT.STRING, BIFF8.string(result));
}

function formulaTokens(result: string | number | boolean | null): Buffer {
  const PTG_CONCAT = 0x08;
  const PTG_BOOL = 0x1d;
  const PTG_NUM = 0x1f;
  const PTG_STR = 0x17;
  if (typeof result === 'number') return bytes().u8(PTG_NUM).f64(result).done();
  if (typeof result === 'boolean') {
    const bool = result ? 1 : 0;
    return bytes().u8(PTG_BOOL).u8(bool).done();
  }
  // A string constant holds at most 255 characters: longer text is joined with &.
  const text = result ?? '';
  const out = bytes();
  for (let i = 0; i === 0 || i < text.length; i += 255) {
    out.u8(PTG_STR).raw(BIFF8.shortString(text.slice(i, i + 255)));
    if (i > 0) out.u8(PTG_CONCAT);
  }
  return out.done();
}

function mergeCells(merges: { r1: number; c1: number; r2: number; c2: number }[]): Buffer {
  const out = bytes().u16(merges.length);
  for (const { r1, c1, r2, c2 } of merges) {
    if (r2 < r1 || c2 < c1) throw new Error(`bad merge ${JSON.stringify({ r1, c1, r2, c2 })}`);
    out.u16(r1).u16(r2).u16(c1).u16(c2);
  }
  return out.done();
}
