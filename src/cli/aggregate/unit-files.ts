/**
 * Where `par aggregate --per-unit DIR` writes each unit's summary: DIR/<the workbook's name>.xlsx, a second unit of
 * the same workbook as "<name> - <unit>.xlsx", and names that would clash (the same file name in two folders, or
 * differing only in case) numbered "(2)", "(3)"… in the files' order, so every run names them alike.
 */
import { basename, extname, join } from "node:path";

const UNSAFE = /[\\/:*?"<>|]|\p{Cc}/gu;

export class UnitFileNames {
  private readonly taken = new Set<string>();

  constructor(private readonly dir: string) {}

  private claim(stem: string): string {
    const clean = stem.replace(UNSAFE, "-").trim() || "don-vi";
    let name = clean;
    for (let n = 2; this.taken.has(name.toLowerCase()); n++) name = `${clean} (${n})`;
    this.taken.add(name.toLowerCase());
    return join(this.dir, `${name}.xlsx`);
  }

  /** The first unit of each workbook, named for the workbook (known before any is read: planned up front). */
  forFiles(files: string[]): Map<string, string> {
    return new Map(files.map((file) => [file, this.claim(basename(file, extname(file)))]));
  }

  /** A further unit of a workbook that holds several. */
  forUnit(file: string, unit: string): string {
    return this.claim(`${basename(file, extname(file))} - ${unit}`);
  }
}
