/**
 * A generated sheet's cells written as worksheet XML directly, the way exceljs writes them, without building an
 * exceljs model cell by cell. The ranking of `par aggregate` holds up to 300 unit summary sheets of one layout:
 * building and rendering their exceljs models was most of the time writing it took. write.ts adds such a sheet to
 * the exceljs workbook as a shell (name, columns, views, print setup, autofilter, page breaks, charts: everything
 * but its cells), and splices the XML made here into the written shell: <dimension>, <sheetData> and <mergeCells>.
 *
 * The XML is what exceljs writes for the same spec (write.ts's addSheet), cell for cell: the same cells created
 * (merged cells take their first cell's style, a merged area's first cell exists even when the spec has none),
 * the same row spans and heights, the same merge order. Style ids come from the exceljs-written sheets that used
 * the same looks first (a sheet with a look not seen before is written by exceljs), strings from the workbook's
 * shared strings table (a string not in it is added at its end). A spec this module does not reproduce (formulas,
 * dates, a merge that is not a plain range or overlaps another) is not `writable`: exceljs writes it.
 */
import { columnLetters } from "../../scoring/grid";
import { CellStyle, estimatedRowHeights, SheetSpec, SpecCell } from "../../scoring/report/sheet-spec";

/** One look of a cell (write.ts's shared style key): exceljs gives each its style id. */
export function styleKey(style: CellStyle | undefined, isDate: boolean): string {
  if (!style) return isDate ? PLAIN_DATE : PLAIN;
  const s = style;
  return `${s.bold ?? ""}|${s.italic ?? ""}|${s.size ?? ""}|${s.fill ?? ""}|${s.wrap ?? ""}|${s.indent ?? ""}|${s.align ?? ""}|${s.border ?? ""}|${isDate}|${s.numFmt ?? ""}`;
}

const PLAIN = "||||||||false|";
const PLAIN_DATE = "||||||||true|";

/** A cell exceljs would create: its look (the merged area's first cell's, for the others) and its value. */
interface Cell {
  col: number;
  key: string;
  /** null: no value (not written unless styled); a merged area's other cells have none. */
  value: string | number | boolean | null;
  merged: boolean;
}

interface Row {
  /** 1-based */
  number: number;
  cells: Cell[];
  height?: number;
}

/** The cells of a spec as exceljs would hold them, ready to write. */
export interface SheetCells {
  /** Whether this module writes the sheet (else exceljs does). */
  writable: boolean;
  /** The looks of the cells created, in the order exceljs meets them. */
  keys: Set<string>;
  rows: Row[];
  /** Merged areas in the order exceljs writes them (by their first non-first cell, row by row). */
  merges: string[];
}

/** A1 range "B2:D4" → 1-based bounds; null unless a plain range of several cells, top-left first. */
function plainRange(range: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6}):([A-Z]{1,3})([1-9]\d{0,6})$/.exec(range);
  if (!m) return null;
  const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const box = { top: Number(m[2]), left: col(m[1]), bottom: Number(m[4]), right: col(m[3]) };
  if (box.bottom < box.top || box.right < box.left || (box.bottom === box.top && box.right === box.left) || box.right > 16384) return null;
  return box;
}

/** What writeCell (write.ts) stores for a spec cell; undefined when this module does not write it. */
function cellValue(spec: SpecCell): string | number | boolean | null | undefined {
  const v = spec.value;
  if (spec.formula || v instanceof Date) return undefined;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "boolean") return v;
  return v === null ? null : undefined;
}

/** The cells exceljs would create for `spec` in addSheet (cells, then merges, then row heights). */
export function sheetCells(spec: SheetSpec): SheetCells {
  let writable = true;
  const grid: (Cell | undefined)[][] = [];
  const at = (r: number, c: number): Cell => {
    const row = (grid[r] ??= []);
    return (row[c] ??= { col: c, key: PLAIN, value: null, merged: false });
  };
  for (let r = 0; r < spec.rows.length; r++) {
    const specRow = spec.rows[r];
    if (!specRow || specRow.length === 0) continue;
    const row: (Cell | undefined)[] = (grid[r + 1] = []);
    for (let c = 0; c < specRow.length; c++) {
      const specCell = specRow[c];
      if (!specCell) continue;
      const value = cellValue(specCell);
      if (value === undefined) writable = false;
      row[c + 1] = { col: c + 1, key: styleKey(specCell.style, specCell.value instanceof Date), value: value ?? null, merged: false };
    }
  }
  const boxes: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const range of spec.merges ?? []) {
    const box = plainRange(range);
    const overlaps = box && boxes.some((b) => box.top <= b.bottom && b.top <= box.bottom && box.left <= b.right && b.left <= box.right);
    if (!box || overlaps) {
      writable = false;
      continue;
    }
    boxes.push(box);
    const master = at(box.top, box.left);
    for (let r = box.top; r <= box.bottom; r++) {
      for (let c = box.left; c <= box.right; c++) {
        if (r === box.top && c === box.left) continue;
        const cell = at(r, c);
        cell.key = master.key;
        cell.value = null;
        cell.merged = true;
      }
    }
  }
  const heights = estimatedRowHeights(spec);
  const numbers = new Set<number>();
  grid.forEach((row, r) => row && numbers.add(r));
  for (const [r, h] of heights) if (h) numbers.add(r + 1);
  const keys = new Set<string>();
  const rows: Row[] = [];
  const mergeOrder = new Map<string, string>();
  for (const number of [...numbers].sort((a, b) => a - b)) {
    const cells = (grid[number] ?? []).filter((c): c is Cell => c !== undefined);
    const height = heights.get(number - 1);
    rows.push(height ? { number, cells, height } : { number, cells });
    for (const cell of cells) {
      keys.add(cell.key);
      if (!cell.merged) continue;
      const box = boxes.find((b) => number >= b.top && number <= b.bottom && cell.col >= b.left && cell.col <= b.right)!;
      const master = `${columnLetters(box.left - 1)}${box.top}`;
      if (!mergeOrder.has(master)) mergeOrder.set(master, `${master}:${columnLetters(box.right - 1)}${box.bottom}`);
    }
  }
  // A sheet without cells keeps what exceljs writes for it.
  return { writable: writable && rows.length > 0, keys, rows, merges: [...mergeOrder.values()] };
}

/** exceljs's xmlEncode: the five entities, control characters (but tab, line feed, carriage return) dropped. */
// eslint-disable-next-line no-control-regex
const NEEDS_ENCODING = /["&'<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;
export function xmlText(text: string): string {
  if (!NEEDS_ENCODING.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/["&'<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (ch) => ({ '"': "&quot;", "&": "&amp;", "'": "&apos;", "<": "&lt;", ">": "&gt;" })[ch] ?? "");
}

/**
 * The workbook's shared strings table as exceljs wrote it, strings added at its end. Only plain entries (<si><t>)
 * are looked up; a string is compared as written (encoded), so that text exceljs changed on writing is never
 * matched to another.
 */
export class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly added: string[] = [];
  private size: number;
  private count: number;

  constructor(private readonly xml: string) {
    const open = /<sst\b[^>]*>/.exec(xml);
    if (!open) throw new Error("sharedStrings.xml: no <sst>");
    this.count = Number(/\bcount="(\d+)"/.exec(open[0])?.[1] ?? 0);
    let n = 0;
    for (const m of xml.slice(open.index + open[0].length).matchAll(/<si>(?:<t(?: xml:space="preserve")?>([^<]*)<\/t>|<t\/>)?|<si\/>/g)) {
      if (m[0].startsWith("<si>") && m[1] !== undefined && !this.index.has(m[1])) this.index.set(m[1], n);
      n++;
    }
    this.size = n;
  }

  /** The index of the string (encoded as XML text), added when new. */
  id(encoded: string): number {
    this.count++;
    let i = this.index.get(encoded);
    if (i === undefined) {
      i = this.size++;
      this.index.set(encoded, i);
      this.added.push(encoded);
    }
    return i;
  }

  toXml(): string {
    const entries = this.added.map((t) => (/^\s|\n|\s$/.test(t) ? `<si><t xml:space="preserve">${t}</t></si>` : `<si><t>${t}</t></si>`)).join("");
    const closed = this.xml.lastIndexOf("</sst>");
    const body = closed >= 0 ? `${this.xml.slice(0, closed)}${entries}</sst>` : this.xml.replace(/<sst\b([^>]*)\/>/, `<sst$1>${entries}</sst>`);
    return body.replace(/<sst\b[^>]*>/, (open) => open.replace(/\bcount="\d+"/, `count="${this.count}"`).replace(/\buniqueCount="\d+"/, `uniqueCount="${this.size}"`));
  }
}

/** A look's style id, learned from the sheets exceljs wrote; undefined when none of them used it. */
export type StyleIds = (key: string) => number | undefined;

export class MissingStyle extends Error {}

/**
 * The shell's XML (the sheet as exceljs wrote it without cells) with the cells, its dimension and merged areas
 * written in. Throws MissingStyle when a look has no style id yet (write.ts then lets exceljs write the cells).
 */
export function filledSheetXml(shell: string, cells: SheetCells, styles: StyleIds, strings: SharedStrings): string {
  const parts: string[] = [];
  // The dimension as exceljs's Range.expand computes it (a row of heights only counts with column 0).
  let top = 0;
  let left = 0;
  let bottom = 0;
  let right = 0;
  for (const row of cells.rows) {
    const min = row.cells.length ? row.cells[0].col : 0;
    const max = row.cells.length ? row.cells[row.cells.length - 1].col : 0;
    if (!top || row.number < top) top = row.number;
    if (!left || min < left) left = min;
    if (!bottom || row.number > bottom) bottom = row.number;
    if (!right || max > right) right = max;
    // One string per row: a sheet of 12,000 rows never holds a million small pieces at once.
    const xml: string[] = [`<row r="${row.number}"`];
    if (row.height) xml.push(` ht="${row.height}" customHeight="1"`);
    if (min > 0) xml.push(` spans="${min}:${max}"`);
    xml.push(` x14ac:dyDescent="0.25">`);
    for (const cell of row.cells) {
      const s = styles(cell.key);
      if (s === undefined) throw new MissingStyle(cell.key);
      if (cell.value === null && !cell.merged && !s) continue;
      const address = `${columnLetters(cell.col - 1)}${row.number}`;
      const style = s ? ` s="${s}"` : "";
      const v = cell.value;
      if (v === null) xml.push(`<c r="${address}"${style}/>`);
      else if (typeof v === "string") xml.push(`<c r="${address}"${style} t="s"><v>${strings.id(xmlText(v))}</v></c>`);
      else if (typeof v === "boolean") xml.push(`<c r="${address}"${style} t="b"><v>${v ? 1 : 0}</v></c>`);
      else xml.push(`<c r="${address}"${style}><v>${xmlText(String(v))}</v></c>`);
    }
    xml.push(`</row>`);
    parts.push(xml.join(""));
  }
  if (left === 0 && top) throw new MissingStyle("dimension");
  const sheetData = parts.length ? `<sheetData>${parts.join("")}</sheetData>` : "<sheetData/>";
  const dimension = top ? `<dimension ref="${columnLetters(left - 1)}${top}:${columnLetters(right - 1)}${bottom}"/>` : null;
  const merges = cells.merges.length ? `<mergeCells count="${cells.merges.length}">${cells.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>` : "";

  let xml = shell;
  const data = /<sheetData\/>|<sheetData>[\s\S]*?<\/sheetData>/.exec(xml);
  if (!data) throw new Error("worksheet without <sheetData>");
  let rest = xml.slice(data.index + data[0].length);
  if (/^<mergeCells\b/.test(rest)) throw new Error("shell with merged cells");
  // <mergeCells> goes after <sheetProtection> and <autoFilter>, when the shell has them.
  const after = /^(?:<sheetProtection\b[^>]*\/>)?(?:<autoFilter\b[^>]*\/>|<autoFilter\b[\s\S]*?<\/autoFilter>)?/.exec(rest)![0];
  rest = `${after}${merges}${rest.slice(after.length)}`;
  xml = `${xml.slice(0, data.index)}${sheetData}${rest}`;
  const dim = /<dimension\b[^>]*\/>/.exec(xml);
  if (dim) xml = `${xml.slice(0, dim.index)}${dimension ?? ""}${xml.slice(dim.index + dim[0].length)}`;
  else if (dimension) xml = xml.replace(/(<sheetPr\b[^>]*\/>|<sheetPr\b[\s\S]*?<\/sheetPr>)?(?=<sheetViews\b|<sheetFormatPr\b)/, (pr: string) => `${pr}${dimension}`);
  return xml;
}
