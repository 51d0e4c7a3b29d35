/**
 * The OLE2 compound file (MS-CFB) that holds an Excel 97–2003 workbook: a little file system
 * of sectors chained through a FAT, a directory of named streams, and a "mini stream" for
 * streams under 4 KB. Every chain is walked with a visited set and every offset checked
 * against the file, so a truncated or hostile file ends in `CompoundFileError`, never a hang
 * or a read past the end.
 */

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
/** Sector ids above this are markers (FAT/DIFAT sectors, end of chain, free). */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_SIZE = 128;

export class CompoundFileError extends Error {
  constructor(
    message: string,
    /** The file ends before a sector it points to: most often a copy cut short. */
    readonly truncated = false,
  ) {
    super(message);
    this.name = 'CompoundFileError';
  }
}

export type EntryType = 'storage' | 'stream' | 'root' | 'other';

export interface DirectoryEntry {
  name: string;
  type: EntryType;
  startSector: number;
  size: number;
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return MAGIC.every((value, index) => bytes[index] === value);
}

function entryType(code: number): EntryType {
  if (code === 1) return 'storage';
  if (code === 2) return 'stream';
  if (code === 5) return 'root';
  return 'other';
}

export class CompoundFile {
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniStreamCutoff: number;
  private readonly sectorCount: number;
  private readonly fat: Uint32Array;
  private miniFat: Uint32Array | null = null;
  private miniStream: Buffer | null = null;
  readonly entries: DirectoryEntry[];

  constructor(private readonly bytes: Buffer) {
    if (bytes.length < 512 || !isCompoundFile(bytes)) throw new CompoundFileError('not a compound file');
    const sectorShift = bytes.readUInt16LE(0x1e);
    const miniShift = bytes.readUInt16LE(0x20);
    if (sectorShift !== 9 && sectorShift !== 12) throw new CompoundFileError(`sector shift ${sectorShift}`);
    if (miniShift !== 6) throw new CompoundFileError(`mini sector shift ${miniShift}`);
    this.sectorSize = 1 << sectorShift;
    this.miniSectorSize = 1 << miniShift;
    this.miniStreamCutoff = bytes.readUInt32LE(0x38);
    // Sectors after the header; a last sector cut short still counts (reads are checked).
    this.sectorCount = Math.ceil((bytes.length - this.sectorSize) / this.sectorSize);
    this.fat = this.readFat();
    this.entries = this.readDirectory(bytes.readUInt32LE(0x30));
  }

  private sector(id: number): Buffer {
    const start = (id + 1) * this.sectorSize;
    const end = start + this.sectorSize;
    if (id > MAX_REGULAR_SECTOR || end > this.bytes.length) {
      // A sector listed but missing: the file was cut short (a copy from a pulled USB stick).
      if (start < this.bytes.length && id <= MAX_REGULAR_SECTOR) return this.bytes.subarray(start);
      throw new CompoundFileError(`sector ${id} beyond the end of the file`, true);
    }
    return this.bytes.subarray(start, end);
  }

  /** The FAT sectors' ids: 109 in the header, the rest in a chain of DIFAT sectors. */
  private fatSectorIds(): number[] {
    const count = this.bytes.readUInt32LE(0x2c);
    if (count > this.sectorCount) throw new CompoundFileError(`${count} FAT sectors in a file of ${this.sectorCount}`);
    const ids: number[] = [];
    for (let index = 0; index < HEADER_DIFAT_ENTRIES && ids.length < count; index += 1) {
      const id = this.bytes.readUInt32LE(0x4c + index * 4);
      if (id === FREE_SECTOR) break;
      ids.push(id);
    }
    let difat = this.bytes.readUInt32LE(0x44);
    const seen = new Set<number>();
    const perSector = this.sectorSize / 4 - 1;
    while (ids.length < count && difat <= MAX_REGULAR_SECTOR) {
      if (seen.has(difat)) throw new CompoundFileError('DIFAT chain loops');
      seen.add(difat);
      const sector = this.sector(difat);
      if (sector.length < this.sectorSize) throw new CompoundFileError('DIFAT sector cut short', true);
      for (let index = 0; index < perSector && ids.length < count; index += 1) {
        const id = sector.readUInt32LE(index * 4);
        if (id === FREE_SECTOR) continue;
        ids.push(id);
      }
      difat = sector.readUInt32LE(perSector * 4);
    }
    return ids;
  }

  private readFat(): Uint32Array {
    const ids = this.fatSectorIds();
    const perSector = this.sectorSize / 4;
    const fat = new Uint32Array(ids.length * perSector);
    ids.forEach((id, index) => {
      const sector = this.sector(id);
      for (let entry = 0; entry < perSector; entry += 1) {
        fat[index * perSector + entry] = entry * 4 + 4 <= sector.length ? sector.readUInt32LE(entry * 4) : FREE_SECTOR;
      }
    });
    return fat;
  }

  /** The sector ids of a chain, in order; a loop or a pointer outside the table is an error. */
  private chain(start: number, table: Uint32Array, limit: number): number[] {
    const ids: number[] = [];
    const seen = new Set<number>();
    let id = start;
    while (id !== END_OF_CHAIN) {
      if (id >= table.length || seen.has(id)) throw new CompoundFileError(`broken chain at ${id}`, id >= table.length);
      if (ids.length >= limit) throw new CompoundFileError('chain longer than the file');
      seen.add(id);
      ids.push(id);
      id = table[id]!;
    }
    return ids;
  }

  private readRegular(start: number, size: number | null): Buffer {
    if (start === END_OF_CHAIN || start === FREE_SECTOR) return Buffer.alloc(0);
    // Some writers leave a chain a sector longer than its stream: only the file bounds it.
    const ids = this.chain(start, this.fat, this.sectorCount);
    const data = Buffer.concat(ids.map((id) => this.sector(id)));
    if (size === null) return data;
    if (data.length < size) throw new CompoundFileError('stream shorter than its size', true);
    return data.subarray(0, size);
  }

  private readDirectory(start: number): DirectoryEntry[] {
    const data = this.readRegular(start, null);
    const entries: DirectoryEntry[] = [];
    for (let offset = 0; offset + DIRECTORY_ENTRY_SIZE <= data.length; offset += DIRECTORY_ENTRY_SIZE) {
      const nameBytes = Math.min(data.readUInt16LE(offset + 64), 64);
      const name = data
        .subarray(offset, offset + Math.max(0, nameBytes - 2))
        .toString('utf16le')
        .replace(/\0+$/, '');
      // Version 3 files keep only the low 32 bits; a size past the file is a lie, caught on read.
      const size = data.readUInt32LE(offset + 120);
      entries.push({ name, type: entryType(data[offset + 66]!), startSector: data.readUInt32LE(offset + 116), size });
    }
    if (entries[0]?.type !== 'root') throw new CompoundFileError('no root entry');
    return entries;
  }

  /** The stream with this name (case-insensitive, as the format says), or null. */
  find(name: string): DirectoryEntry | null {
    const wanted = name.toLowerCase();
    return this.entries.find((entry) => entry.type === 'stream' && entry.name.toLowerCase() === wanted) ?? null;
  }

  read(entry: DirectoryEntry): Buffer {
    if (entry.size > this.bytes.length * 2) throw new CompoundFileError('stream larger than the file');
    if (entry.size >= this.miniStreamCutoff) return this.readRegular(entry.startSector, entry.size);
    return this.readMini(entry.startSector, entry.size);
  }

  private readMini(start: number, size: number): Buffer {
    if (size === 0) return Buffer.alloc(0);
    if (!this.miniFat || !this.miniStream) {
      const root = this.entries[0]!;
      this.miniStream = this.readRegular(root.startSector, root.size);
      const miniFatBytes = this.readRegular(this.bytes.readUInt32LE(0x3c), null);
      this.miniFat = new Uint32Array(Math.floor(miniFatBytes.length / 4));
      for (let index = 0; index < this.miniFat.length; index += 1)
        this.miniFat[index] = miniFatBytes.readUInt32LE(index * 4);
    }
    const ids = this.chain(start, this.miniFat, this.miniFat.length);
    const stream = this.miniStream;
    const parts = ids.map((id) => {
      const offset = id * this.miniSectorSize;
      if (offset + this.miniSectorSize > stream.length)
        throw new CompoundFileError('mini sector outside the mini stream');
      return stream.subarray(offset, offset + this.miniSectorSize);
    });
    const data = Buffer.concat(parts);
    if (data.length < size) throw new CompoundFileError('stream shorter than its size', true);
    return data.subarray(0, size);
  }
}
