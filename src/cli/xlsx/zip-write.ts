/**
 * The package of a written workbook compressed with Node's zlib. exceljs and jszip compress with pako (deflate in
 * JavaScript): a quarter to a third of writing a ranking of 200 unit sheets went to it, most of that starting a new
 * deflate state per part. The parts, their names, order and dates are the package's own; only the compressed bytes
 * differ from what jszip would write (each part reads back to the same bytes).
 */
import { crc32 as nativeCrc32, deflateRawSync } from "node:zlib";
import type { XlsxPackage } from "./package";

/** CRC-32 of the zip format (zlib.crc32 from Node 20.15; a table otherwise). */
let table: Uint32Array | null = null;
function crc32(data: Buffer): number {
  if (typeof nativeCrc32 === "function") return nativeCrc32(data) >>> 0;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS time and date of a part (local time, as jszip writes them). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.max(1980, d.getFullYear());
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  data: Buffer;
  method: number;
  time: number;
  date: number;
  offset: number;
}

/** Beyond these the package would need zip64: jszip writes it then (no workbook PAR Scorer writes comes near). */
const MAX_ENTRIES = 0xffff;
const MAX_SIZE = 0xffffffff;

/** What zlib keeps ahead of the position it compresses (MIN_LOOKAHEAD): a window this much larger than a part. */
const LOOKAHEAD = 262;

/**
 * The smallest deflate window (2^9 to 2^15 bytes) that holds the whole part and zlib's lookahead. zlib's window and
 * its state for it are made anew for every part (a ranking has a thousand, mostly a few kilobytes); with a window
 * this size, no match is further back than the window reaches, so the deflated bytes are the same as with the
 * default 32 KB, made in about half the time (test/cli/zip-write.test.ts).
 */
export function windowBitsFor(length: number): number {
  for (let bits = 9; bits < 15; bits++) if (length + LOOKAHEAD <= 1 << bits) return bits;
  return 15;
}

/** The package as .xlsx bytes: deflated with zlib, or by jszip when it needs zip64. */
export async function packageBytes(pkg: XlsxPackage, level: number): Promise<Buffer> {
  return deflatedPackage(pkg, level) ?? pkg.toJSZip().generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level } });
}

/** The zip's parts deflated at `level` with zlib, in the zip's order; null when the package would need zip64. */
export function deflatedPackage(pkg: XlsxPackage, level: number): Buffer | null {
  const entries: Entry[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const file of pkg.entries()) {
    const name = Buffer.from(file.name, "utf8");
    const raw = file.dir ? Buffer.alloc(0) : typeof file.data === "string" ? Buffer.from(file.data, "utf8") : file.data;
    if (raw.length > MAX_SIZE) return null;
    const deflated = file.dir ? raw : deflateRawSync(raw, { level, windowBits: windowBitsFor(raw.length) });
    // Stored when deflating gains nothing (as an empty folder entry is).
    const method = deflated.length < raw.length ? 8 : 0;
    const data = method === 8 ? deflated : raw;
    const { time, date } = dosTime(file.date);
    const entry: Entry = { name, crc: crc32(raw), size: raw.length, data, method, time, date, offset };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed: 2.0
    header.writeUInt16LE(0x0800, 6); // names in UTF-8
    header.writeUInt16LE(method, 8);
    header.writeUInt16LE(time, 10);
    header.writeUInt16LE(date, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(raw.length, 22);
    header.writeUInt16LE(name.length, 26);
    header.writeUInt16LE(0, 28);
    chunks.push(header, name, data);
    offset += header.length + name.length + data.length;
    if (offset > MAX_SIZE) return null;
    entries.push(entry);
  }
  if (entries.length > MAX_ENTRIES) return null;
  const directoryStart = offset;
  for (const e of entries) {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(e.method, 10);
    header.writeUInt16LE(e.time, 12);
    header.writeUInt16LE(e.date, 14);
    header.writeUInt32LE(e.crc, 16);
    header.writeUInt32LE(e.data.length, 20);
    header.writeUInt32LE(e.size, 24);
    header.writeUInt16LE(e.name.length, 28);
    // extra, comment, disk, internal attributes: 0; external attributes: a folder's bit for folders
    header.writeUInt32LE(e.name[e.name.length - 1] === 0x2f ? 0x10 : 0, 38);
    header.writeUInt32LE(e.offset, 42);
    chunks.push(header, e.name);
    offset += header.length + e.name.length;
  }
  if (offset > MAX_SIZE) return null;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(offset - directoryStart, 12);
  end.writeUInt32LE(directoryStart, 16);
  chunks.push(end);
  return Buffer.concat(chunks);
}
