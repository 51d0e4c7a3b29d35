import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { fontHint, type FontHint } from '../encoding/text-encoding';

/**
 * The XML side of an OpenDocument spreadsheet: a bounded streaming parse, element names
 * whatever prefixes the file chose, and the styles that say which font a cell or a run of
 * text is drawn in (a ".VnTime" font is the clue to TCVN3 text, "VNI-Times" to VNI).
 */

/** Namespaces by the prefixes LibreOffice uses; elements are named "table:table-cell" whatever the file's prefix. */
const PREFIXES: Record<string, string> = {
  'urn:oasis:names:tc:opendocument:xmlns:office:1.0': 'office',
  'urn:oasis:names:tc:opendocument:xmlns:table:1.0': 'table',
  'urn:oasis:names:tc:opendocument:xmlns:text:1.0': 'text',
  'urn:oasis:names:tc:opendocument:xmlns:style:1.0': 'style',
  'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0': 'fo',
  'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0': 'svg',
  'urn:oasis:names:tc:opendocument:xmlns:drawing:1.0': 'draw',
  'urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0': 'calcext',
};

const ODF_PREFIXES = new Set(Object.values(PREFIXES));

/** Real files nest about a dozen deep and declare ~50 namespaces on the root element. */
const MAX_DEPTH = 256;
const MAX_ATTRIBUTES = 512;
/** Elements declaring namespaces inside one another (real files: the root only). */
const MAX_SCOPES = 32;
/** Characters without a "<": no cell or attribute of a unit list comes near; saxes would hold it all. */
const MAX_TEXT_RUN = 4 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export interface OdsElement {
  /** "table:table-cell", whatever prefix the file bound to the table namespace. */
  name: string;
  /** By the same canonical names; unprefixed attributes as written. */
  attributes: Record<string, string>;
}

export interface XmlHandler {
  open(element: OdsElement, depth: number): void;
  close(name: string, depth: number): void;
  text(text: string): void;
}

/** Thrown for XML that is malformed or past the bounds above; the reader turns it into "unreadable". */
export class OdsXmlError extends Error {}

/**
 * The file's prefixes → canonical ones, declared on one element for it and its descendants.
 * Files almost always use LibreOffice's prefixes, so names are taken as written unless a
 * declaration in scope says otherwise (saxes' own namespace handling costs a third of the read).
 */
interface Scope {
  depth: number;
  parent: Scope | null;
  own: Map<string, string>;
  asWritten: boolean;
}

function declare(parent: Scope, tag: SaxesTagPlain, depth: number, nesting: number): Scope {
  if (nesting >= MAX_SCOPES) throw new OdsXmlError('too many nested namespace declarations');
  const own = new Map<string, string>();
  for (const [name, value] of Object.entries(tag.attributes)) {
    if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
    const uri = value.trim();
    own.set(name === 'xmlns' ? '' : name.slice(6), PREFIXES[uri] ?? `{${uri}}`);
  }
  // Other vocabularies (xlink, loext…) are never matched, so only ODF's own prefixes must be the usual ones.
  let asWritten = parent.asWritten;
  for (const [prefix, usual] of own) {
    const odf = ODF_PREFIXES.has(usual) || ODF_PREFIXES.has(prefix);
    if (prefix === '' ? ODF_PREFIXES.has(usual) : odf && prefix !== usual) asWritten = false;
  }
  return { depth, parent, own, asWritten };
}

function lookup(scope: Scope | null, prefix: string): string | undefined {
  for (let current = scope; current; current = current.parent) {
    const found = current.own.get(prefix);
    if (found !== undefined) return found;
  }
  return undefined;
}

function canonical(scope: Scope, name: string, isElement: boolean): string {
  const colon = name.indexOf(':');
  if (colon < 0) {
    const namespace = isElement ? lookup(scope, '') : undefined;
    return namespace === undefined ? name : `${namespace}:${name}`;
  }
  const prefix = name.slice(0, colon);
  if (prefix === 'xmlns' || prefix === 'xml') return name;
  return `${lookup(scope, prefix) ?? `{?${prefix}}`}:${name.slice(colon + 1)}`;
}

function element(scope: Scope, tag: SaxesTagPlain): OdsElement {
  if (scope.asWritten) return { name: tag.name, attributes: tag.attributes };
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(tag.attributes)) attributes[canonical(scope, name, false)] = value;
  return { name: canonical(scope, tag.name, true), attributes };
}

/**
 * Parses one XML part in chunks, once, calling the handler per element. saxes expands no
 * entities beyond the five predefined ones, so the memory used is bounded by the part's size
 * (checked by the zip guard), the depth and attribute caps, and the text-run cap.
 */
export function parseXml(bytes: Buffer, handler: XmlHandler): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const scopes: Scope[] = [{ depth: 0, parent: null, own: new Map(), asWritten: true }];
  let depth = 0;
  let attributes = 0;
  let declares = false;
  parser.on('opentagstart', () => {
    attributes = 0;
    declares = false;
    if (depth >= MAX_DEPTH) throw new OdsXmlError('nested too deep');
  });
  parser.on('attribute', ({ name }) => {
    attributes += 1;
    if (attributes > MAX_ATTRIBUTES) throw new OdsXmlError('too many attributes');
    if (name.startsWith('xmlns')) declares = true;
  });
  parser.on('opentag', (tag) => {
    depth += 1;
    if (declares) scopes.push(declare(scopes.at(-1)!, tag, depth, scopes.length));
    handler.open(element(scopes.at(-1)!, tag), depth);
  });
  parser.on('closetag', (tag) => {
    const scope = scopes.at(-1)!;
    handler.close(scope.asWritten ? tag.name : canonical(scope, tag.name, true), depth);
    if (scope.depth === depth) scopes.pop();
    depth -= 1;
  });
  parser.on('text', (text) => handler.text(text));
  parser.on('cdata', (text) => handler.text(text));
  const decoder = new TextDecoder('utf-8');
  let run = 0;
  for (let offset = 0; offset < bytes.length; offset += CHUNK_BYTES) {
    const chunk = decoder.decode(bytes.subarray(offset, offset + CHUNK_BYTES), { stream: true });
    const lastTag = chunk.lastIndexOf('<');
    run = lastTag < 0 ? run + chunk.length : chunk.length - lastTag - 1;
    if (run > MAX_TEXT_RUN) throw new OdsXmlError('text run too long');
    parser.write(chunk);
  }
  parser.write(decoder.decode());
  parser.close();
}

/** What a style says, as far as reading a unit list goes. */
interface StyleRecord {
  parent: string | undefined;
  fontName: string | undefined;
  fontFamily: string | undefined;
  display: string | undefined;
}

/** "'.VnTime', serif" → ".VnTime" (svg:font-family and fo:font-family are CSS font lists). */
function firstFamily(list: string): string {
  const quoted = /^\s*(['"])(.*?)\1/.exec(list);
  if (quoted) return quoted[2] ?? '';
  return (list.split(',')[0] ?? '').trim();
}

const CHAIN_LIMIT = 32;

/**
 * Styles from styles.xml (common styles, defaults, font faces) and content.xml (automatic
 * styles, font faces). Feed it the elements of each part; ask it for fonts by style name.
 */
export class OdsStyles {
  private readonly faces = new Map<string, string>();
  private readonly styles = new Map<string, StyleRecord>();
  private readonly defaults = new Map<string, StyleRecord>();
  private readonly cellFonts = new Map<string, FontHint | null>();
  private current: { key: string; isDefault: boolean; record: StyleRecord; depth: number } | null = null;
  /** styles.xml's automatic styles serve its headers and footers only; cells never use them. */
  private skipDepth = 0;

  /** Handles styles.xml on its own. */
  stylesXml(): XmlHandler {
    return {
      open: (element, depth) => {
        if (this.skipDepth > 0) return;
        if (element.name === 'office:automatic-styles' || element.name === 'office:master-styles') {
          this.skipDepth = depth;
          return;
        }
        this.open(element, depth);
      },
      close: (_name, depth) => {
        if (this.skipDepth === depth) this.skipDepth = 0;
        else if (this.skipDepth === 0) this.close(depth);
      },
      text: () => undefined,
    };
  }

  /** One element of a styles section. */
  open(element: OdsElement, depth: number): void {
    const { name, attributes } = element;
    if (name === 'style:font-face') {
      const face = attributes['style:name'];
      const family = attributes['svg:font-family'];
      if (face !== undefined) this.faces.set(face, family !== undefined ? firstFamily(family) : face);
      return;
    }
    if (name === 'style:style' || name === 'style:default-style') {
      const family = attributes['style:family'] ?? '';
      const record: StyleRecord = {
        parent: attributes['style:parent-style-name'],
        fontName: undefined,
        fontFamily: undefined,
        display: undefined,
      };
      const isDefault = name === 'style:default-style';
      this.current = {
        key: isDefault ? family : `${family}/${attributes['style:name'] ?? ''}`,
        isDefault,
        record,
        depth,
      };
      return;
    }
    if (!this.current) return;
    if (name === 'style:text-properties') {
      this.current.record.fontName = attributes['style:font-name'];
      this.current.record.fontFamily = attributes['fo:font-family'];
    } else if (name === 'style:table-properties') {
      this.current.record.display = attributes['table:display'];
    }
  }

  close(depth: number): void {
    const current = this.current;
    if (!current || current.depth !== depth) return;
    (current.isDefault ? this.defaults : this.styles).set(current.key, current.record);
    this.current = null;
  }

  private fontOf(record: StyleRecord | undefined): string | undefined {
    if (record?.fontName !== undefined) return this.faces.get(record.fontName) ?? record.fontName;
    if (record?.fontFamily !== undefined) return firstFamily(record.fontFamily);
    return undefined;
  }

  /** The first value `pick` finds up the style's parents (bounded: a loop of parents ends). */
  private inherited(family: string, name: string | undefined, pick: (record: StyleRecord) => string | undefined) {
    let key = name;
    for (let step = 0; key !== undefined && step < CHAIN_LIMIT; step += 1) {
      const record = this.styles.get(`${family}/${key}`);
      if (!record) return undefined;
      const value = pick(record);
      if (value !== undefined) return value;
      key = record.parent;
    }
    return undefined;
  }

  /** A cell's font: its style, up to "Default", then the family's default style. */
  cellFont(styleName: string | undefined): FontHint | null {
    const key = styleName ?? '';
    const known = this.cellFonts.get(key);
    if (known !== undefined) return known;
    const pick = (record: StyleRecord) => this.fontOf(record);
    const font =
      this.inherited('table-cell', styleName, pick) ??
      this.inherited('table-cell', 'Default', pick) ??
      this.fontOf(this.defaults.get('table-cell'));
    const hint = fontHint(font);
    if (this.cellFonts.size < 10_000) this.cellFonts.set(key, hint);
    return hint;
  }

  /** A span's or paragraph's own font; undefined when it sets none (the text keeps the font around it). */
  textFont(family: 'text' | 'paragraph', styleName: string | undefined): FontHint | null | undefined {
    const font = this.inherited(family, styleName, (record) => this.fontOf(record));
    return font === undefined ? undefined : fontHint(font);
  }

  tableHidden(styleName: string | undefined): boolean {
    return this.inherited('table', styleName, (record) => record.display) === 'false';
  }
}
