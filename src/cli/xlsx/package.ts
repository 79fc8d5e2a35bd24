/**
 * A written workbook's package held in memory while PAR Scorer finishes it (its cells written as XML, its charts
 * added) and before zip-write.ts compresses it. exceljs's writing steps put their parts into it (write.ts), or it is
 * read from a zip at once. It replaces jszip there, whose every read went through its asynchronous pipeline (a task
 * per part, the thread idle in between): for the thousand parts of a ranking of 200 unit sheets, much of the time
 * finishing it took. The parts are kept in their order with jszip's rules: a part replaced keeps its place and takes
 * the time it is replaced at, a new part goes last, after the folders it is in when they are new (as jszip's
 * file(name, data) adds them), and a read part keeps the time its header gives, read as UTC (as jszip reads it).
 */
import type JSZip from "jszip";
import { unpack, ZipError, zipEntries } from "../workbook/zip";

export interface PackagePart {
  /** The part's name in the zip ("xl/worksheets/sheet1.xml"); a folder's ends with "/". */
  name: string;
  dir: boolean;
  date: Date;
  /** A folder's is empty. Text is written as UTF-8. */
  data: Buffer | string;
}

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
    try {
      for (const entry of zipEntries(zip)) {
        const { name } = entry;
        const dir = (entry.attributes & 0x10) !== 0 || name.endsWith("/");
        pkg.parts.set(name, { name, dir, date: dosDate(entry.dosTime, entry.dosDate), data: dir ? Buffer.alloc(0) : unpack(zip, entry, Infinity) });
      }
    } catch (e) {
      if (e instanceof ZipError) throw new PackageError(e.message);
      throw e;
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
