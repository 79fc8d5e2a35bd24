/**
 * The parts of a zip workbook (.xlsx, .xlsm, .ods) that scoring needs, unpacked with Node's zlib and handed to
 * SheetJS as an uncompressed zip. Reading the zip here rather than in SheetJS: a damaged central directory or
 * deflate stream is an error at once (SheetJS's own unzip can loop forever on some damaged files), each part's
 * size is bounded (a zip bomb stops at the bound), and pictures, drawings, themes, macros and printer settings
 * are never inflated.
 */
import type * as SheetJS from "@e965/xlsx";
import * as zlib from "node:zlib";

/** SheetJS, loaded the first time a zip is repacked for it (the fast .xlsx reader never needs it). */
const sheetjs = (): typeof SheetJS => require("./sheetjs") as typeof SheetJS;

export class ZipError extends Error {}

/** The parts unpack to more bytes than allowed (limits.ts): a limit, not damage. */
export class ZipBudgetError extends ZipError {}

/** Parts that scoring never reads. */
const UNUSED =
  /(^|\/)(media|drawings|charts|chartsheets|theme|printerSettings|embeddings|customXml|ctrlProps|activeX|diagrams|pivotCache|pivotTables|externalLinks|slicers|slicerCaches|queryTables|tables|threadedComments|persons|revisions|richData|docProps|Pictures|Thumbnails|Configurations2)\/|vbaProject\.bin$|calcChain\.xml$|(^|\/)comments\d*\.xml$|\.vml$|^settings\.xml$|^meta\.xml$/i;

const MAX_ENTRIES = 100_000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  crc: number;
  localOffset: number;
  /** MS-DOS time and date of the entry, as its central directory gives them. */
  dosTime: number;
  dosDate: number;
  /** External attributes (bit 4: a folder, for MS-DOS). */
  attributes: number;
}

function endOfCentralDirectory(buf: Buffer): number {
  const last = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= last; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  throw new ZipError("no end of central directory");
}

/** The entries of the zip's central directory, in its order. Throws ZipError when it is damaged. */
export function zipEntries(buf: Buffer): ZipEntry[] {
  const end = endOfCentralDirectory(buf);
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  if (count > MAX_ENTRIES) throw new ZipError("too many entries");
  const list: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ZipError("damaged central directory");
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (at + 46 + nameLength > buf.length) throw new ZipError("damaged central directory");
    list.push({
      name: buf.toString("utf8", at + 46, at + 46 + nameLength),
      method: buf.readUInt16LE(at + 10),
      crc: buf.readUInt32LE(at + 16),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      dosTime: buf.readUInt16LE(at + 12),
      dosDate: buf.readUInt16LE(at + 14),
      attributes: buf.readUInt32LE(at + 38),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return list;
}

/** The entry's bytes unpacked (checked against its size and checksum), at most `budget` of them. */
export function unpack(buf: Buffer, entry: ZipEntry, budget: number): Buffer {
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw new ZipError(`damaged entry ${entry.name}`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError(`truncated entry ${entry.name}`);
  if (entry.size > budget) throw new ZipBudgetError("the workbook unpacks to more than the size read");
  const raw = buf.subarray(start, end);
  let data: Buffer;
  if (entry.method === 0) data = raw;
  else if (entry.method === 8) {
    try {
      data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.size) });
    } catch (e) {
      throw new ZipError(`damaged entry ${entry.name}: ${(e as Error).message}`);
    }
  } else throw new ZipError(`entry ${entry.name} is compressed with method ${entry.method}`);
  if (data.length !== entry.size) throw new ZipError(`entry ${entry.name} has the wrong size`);
  const crc32 = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  if (crc32 && crc32(data) >>> 0 !== entry.crc >>> 0) throw new ZipError(`entry ${entry.name} is damaged (checksum)`);
  return data;
}

export interface ZipPart {
  name: string;
  data: Buffer;
}

/**
 * The zip's parts that scoring reads, at most `maxBytes` unpacked, shown to `inspect` (which may throw). Throws
 * ZipError when the zip is damaged, ZipBudgetError past `maxBytes`.
 */
export function unpackScoringParts(buf: Buffer, maxBytes: number, inspect: (parts: ZipPart[]) => void = () => undefined): ZipPart[] {
  let budget = maxBytes;
  const parts: ZipPart[] = [];
  for (const entry of zipEntries(buf)) {
    if (entry.name.endsWith("/") || UNUSED.test(entry.name)) continue;
    const data = unpack(buf, entry, budget);
    budget -= data.length;
    parts.push({ name: entry.name, data });
  }
  if (parts.length === 0) throw new ZipError("empty zip");
  inspect(parts);
  return parts;
}

/** The parts repacked as an uncompressed zip for SheetJS. */
export function repackForSheetJS(parts: ZipPart[]): Buffer {
  const XLSX = sheetjs();
  const container = XLSX.CFB.utils.cfb_new();
  // cfb_new adds a placeholder stream; a zip has none.
  XLSX.CFB.utils.cfb_del(container, "/\u0001Sh33tJ5");
  if (namesApart(parts.map((p) => p.name))) {
    // Added without a lookup each, then sorted once: the container cfb_add builds part by part (it re-sorts the
    // whole container after each part), in a fraction of the time.
    for (const { name, data } of parts) XLSX.CFB.utils.cfb_add(container, `/${name}`, data, { unsafe: true });
    XLSX.CFB.utils.cfb_gc(container);
  } else {
    // Names that the container's lookup takes for one another (case, control characters): its own merging decides.
    for (const { name, data } of parts) XLSX.CFB.utils.cfb_add(container, `/${name}`, data);
  }
  return XLSX.CFB.write(container, { type: "buffer", fileType: "zip", compression: false }) as Buffer;
}

/**
 * The zip's parts that scoring reads, at most `maxBytes` unpacked, shown to `inspect` (which may throw) and then
 * repacked uncompressed for SheetJS. Throws ZipError when the zip is damaged, ZipBudgetError past `maxBytes`.
 */
export function scoringParts(buf: Buffer, maxBytes: number, inspect: (parts: ZipPart[]) => void = () => undefined): Buffer {
  return repackForSheetJS(unpackScoringParts(buf, maxBytes, inspect));
}

/**
 * Whether no two part names (nor a name and SheetJS's placeholder stream "\u0001Sh33tJ5") are the same to the
 * container's lookup (CFB.find: upper case, NUL removed, \u0001–\u0006 read as "!"), and none is empty: then adding
 * each part without that lookup gives the same container.
 */
function namesApart(names: string[]): boolean {
  const seen = new Set<string>([lookupKey("\u0001Sh33tJ5")]);
  for (const name of names) {
    const key = lookupKey(name);
    if (name === "" || seen.has(key)) return false;
    seen.add(key);
  }
  return true;
}

function lookupKey(name: string): string {
  let key = "";
  for (const ch of name.toUpperCase()) {
    const code = ch.charCodeAt(0);
    key += code === 0 ? "" : code <= 6 ? "!" : ch;
  }
  return key;
}
