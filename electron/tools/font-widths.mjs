// Writes electron/core/documents/tinos-widths.ts: the advance widths of Tinos (regular and
// bold) for the characters Vietnamese documents use, read from the font's TrueType files.
// The Word export breaks its centred header and title lines with them (Word cannot balance
// lines itself). Run again only when the bundled font changes:
//   node electron/tools/font-widths.mjs [folder with Tinos-Regular.ttf and Tinos-Bold.ttf]
// (Debian's fonts-croscore puts them in /usr/share/fonts/truetype/croscore.)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const folder = process.argv[2] ?? '/usr/share/fonts/truetype/croscore';

function tables(buffer) {
  const count = buffer.readUInt16BE(4);
  const found = new Map();
  for (let index = 0; index < count; index += 1) {
    const at = 12 + index * 16;
    found.set(buffer.toString('latin1', at, at + 4), buffer.readUInt32BE(at + 8));
  }
  return found;
}

/** Code point → glyph id, from the Windows Unicode BMP subtable (format 4). */
function glyphMap(buffer, cmap) {
  const count = buffer.readUInt16BE(cmap + 2);
  for (let index = 0; index < count; index += 1) {
    const at = cmap + 4 + index * 8;
    if (buffer.readUInt16BE(at) !== 3 || buffer.readUInt16BE(at + 2) !== 1) continue;
    const table = cmap + buffer.readUInt32BE(at + 4);
    const segments = buffer.readUInt16BE(table + 6) / 2;
    const ends = table + 14;
    const starts = ends + segments * 2 + 2;
    const deltas = starts + segments * 2;
    const offsets = deltas + segments * 2;
    return (codePoint) => {
      for (let segment = 0; segment < segments; segment += 1) {
        if (codePoint > buffer.readUInt16BE(ends + segment * 2)) continue;
        const start = buffer.readUInt16BE(starts + segment * 2);
        if (codePoint < start) return 0;
        const delta = buffer.readInt16BE(deltas + segment * 2);
        const rangeOffset = buffer.readUInt16BE(offsets + segment * 2);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        const glyph = buffer.readUInt16BE(offsets + segment * 2 + rangeOffset + (codePoint - start) * 2);
        return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error('no Unicode cmap');
}

function widthsOf(file, chars) {
  const buffer = fs.readFileSync(file);
  const at = tables(buffer);
  const unitsPerEm = buffer.readUInt16BE(at.get('head') + 18);
  const metrics = buffer.readUInt16BE(at.get('hhea') + 34);
  const hmtx = at.get('hmtx');
  const glyph = glyphMap(buffer, at.get('cmap'));
  const widths = [...chars].map((char) => {
    const id = glyph(char.codePointAt(0));
    if (id === 0) throw new Error(`${path.basename(file)} has no ${char}`);
    return buffer.readUInt16BE(hmtx + Math.min(id, metrics - 1) * 4);
  });
  return { unitsPerEm, widths };
}

const ranges = [
  [0x20, 0x7e],
  [0xc0, 0xc3],
  [0xc8, 0xca],
  [0xcc, 0xcd],
  [0xd2, 0xd5],
  [0xd9, 0xda],
  [0xdd, 0xdd],
  [0xe0, 0xe3],
  [0xe8, 0xea],
  [0xec, 0xed],
  [0xf2, 0xf5],
  [0xf9, 0xfa],
  [0xfd, 0xfd],
  [0x102, 0x103],
  [0x110, 0x111],
  [0x128, 0x129],
  [0x168, 0x169],
  [0x1a0, 0x1a1],
  [0x1af, 0x1b0],
  [0x1ea0, 0x1ef9],
  [0x2013, 0x2014],
  [0x2018, 0x2019],
  [0x201c, 0x201d],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
];
let chars = '';
for (const [from, to] of ranges) for (let code = from; code <= to; code += 1) chars += String.fromCodePoint(code);

const regular = widthsOf(path.join(folder, 'Tinos-Regular.ttf'), chars);
const bold = widthsOf(path.join(folder, 'Tinos-Bold.ttf'), chars);
const out = `// Written by electron/tools/font-widths.mjs from Tinos ${path.basename(folder)}: do not edit.

/** Advance widths of Tinos (the metrics of Times New Roman) in font units, per character of \`chars\`. */
export const TINOS_WIDTHS = {
  unitsPerEm: ${regular.unitsPerEm},
  chars: ${JSON.stringify(chars)},
  regular: [${regular.widths.join(', ')}],
  bold: [${bold.widths.join(', ')}],
} as const;
`;
fs.writeFileSync(path.join(root, 'electron/core/documents/tinos-widths.ts'), out);
console.log(`${chars.length} characters`);
