/**
 * A written workbook's package held in memory while PAR Scorer finishes it (its cells written as XML, its charts
 * added) and before zip-write.ts compresses it. exceljs's writing steps put their parts into it (write.ts), or it is
 * read from a zip at once. It replaces jszip there, whose every read went through its asynchronous pipeline (a task
 * per part, the thread idle in between): for the thousand parts of a ranking of 200 unit sheets, much of the time
 * finishing it took. The parts are kept in their order with jszip's rules: a part replaced keeps its place and takes
 * the time it is replaced at, a new part goes last, after the folders it is in when they are new (as jszip's
 * file(name, data) adds them), and a read part keeps the time its header gives, read as UTC (as jszip reads it).
 */
import { inflateRawSync } from "node:zlib";
import type JSZip from "jszip";

export interface PackagePart {
  /** The part's name in the zip ("xl/worksheets/sheet1.xml"); a folder's ends with "/". */
  name: string;
  dir: boolean;
  date: Date;
  /** A folder's is empty. Text is written as UTF-8. */
  data: Buffer | string;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** A package that cannot be opened: only one PAR Scorer's writer made can be, so this is a bug, not bad input. */
export class PackageError extends Error {}

/** A DOS time and date as jszip reads them: the fields taken as UTC. */
function dosDate(time: number, date: number): Date {
  return new Date(Date.UTC(((date >> 9) & 0x7f) + 1980, ((date >> 5) & 0x0f) - 1, date & 0x1f, (time >> 11) & 0x1f, (time >> 5) & 0x3f, (time & 0x1f) << 1));
}

/** The folder a part is in ("xl/worksheets" for "xl/worksheets/sheet1.xml"), or "" at the top. */
function parentFolder(name: string): string {
  const path = name.endsWith("/") ? name.slice(0, -1) : name;
  const slash = path.lastIndexOf("/");
  return slash > 0 ? path.slice(0, slash) : "";
}

export class XlsxPackage {
  private readonly parts = new Map<string, PackagePart>();

  /** The parts of a zip (stored or deflated), in the order of its central directory. */
  static read(zip: Buffer): XlsxPackage {
    const pkg = new XlsxPackage();
    let end = -1;
    for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
      if (zip.readUInt32LE(i) === EOCD) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new PackageError("no end of central directory");
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    for (let n = 0; n < count; n++) {
      if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) throw new PackageError("damaged central directory");
      const method = zip.readUInt16LE(at + 10);
      const time = zip.readUInt16LE(at + 12);
      const date = zip.readUInt16LE(at + 14);
      const compressedSize = zip.readUInt32LE(at + 20);
      const nameLength = zip.readUInt16LE(at + 28);
      const extraLength = zip.readUInt16LE(at + 30);
      const commentLength = zip.readUInt16LE(at + 32);
      const attributes = zip.readUInt32LE(at + 38);
      const local = zip.readUInt32LE(at + 42);
      const name = zip.toString("utf8", at + 46, at + 46 + nameLength);
      if (local + 30 > zip.length || zip.readUInt32LE(local) !== LOCAL) throw new PackageError(`damaged local header of ${name}`);
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      if (start + compressedSize > zip.length) throw new PackageError(`${name} runs past the end`);
      const raw = zip.subarray(start, start + compressedSize);
      if (method !== 0 && method !== 8) throw new PackageError(`${name}: compression method ${method}`);
      const dir = (attributes & 0x10) !== 0 || name.endsWith("/");
      pkg.parts.set(name, { name, dir, date: dosDate(time, date), data: dir ? Buffer.alloc(0) : method === 8 ? inflateRawSync(raw) : raw });
      at += 46 + nameLength + extraLength + commentLength;
    }
    return pkg;
  }

  /** Whether the package has this part (a folder is not one). */
  has(name: string): boolean {
    const part = this.parts.get(name);
    return part !== undefined && !part.dir;
  }

  /** The part's text (UTF-8), or null when the package has no such part. */
  text(name: string): string | null {
    const part = this.parts.get(name);
    if (!part || part.dir) return null;
    return typeof part.data === "string" ? part.data : part.data.toString("utf8");
  }

  /** Adds or replaces a part, as jszip's file(name, data) does (see above). */
  set(name: string, data: string | Buffer): void {
    const parent = parentFolder(name);
    if (parent) this.addFolder(parent);
    this.parts.set(name, { name, dir: false, date: new Date(), data });
  }

  /** Adds a folder unless it is there (its own folders first), as jszip's folder(name) does. */
  addFolder(name: string): void {
    const folder = name.endsWith("/") ? name : `${name}/`;
    if (this.parts.has(folder)) return;
    const parent = parentFolder(folder);
    if (parent) this.addFolder(parent);
    this.parts.set(folder, { name: folder, dir: true, date: new Date(), data: Buffer.alloc(0) });
  }

  /** The parts in the package's order. */
  entries(): IterableIterator<PackagePart> {
    return this.parts.values();
  }

  /** The same parts in a jszip package (to write what zip-write.ts does not: a package that needs zip64). */
  toJSZip(): JSZip {
    const zip = new (require("jszip") as typeof JSZip)();
    for (const part of this.parts.values()) {
      if (part.dir) zip.file(part.name, null, { dir: true, date: part.date, createFolders: false });
      else zip.file(part.name, part.data, { date: part.date, createFolders: false, binary: typeof part.data !== "string" });
    }
    return zip;
  }
}
