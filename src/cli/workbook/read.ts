/**
 * Reads a unit's workbook in any format units send (.xlsx, .xlsm, .xls, .ods, .csv) into the core's Grids with
 * SheetJS, reading values, formulas' cached results, hyperlinks, merges and the number formats that tell dates
 * apart — no styles. The cell value rules are those of xlsx/read.ts's header comment, for every format. A .csv is
 * all text (SheetJS is asked not to guess: it would read "0,5" as 5 and 05/01/2019 as the 1st of May), and the
 * core reads numbers, percentages and dd/mm/yyyy dates from text as it does everywhere.
 *
 * An .xlsx is first given to fast-xlsx.ts, which reads the same cells without loading SheetJS and declines any
 * file it does not read exactly as SheetJS would; SheetJS is loaded only for the files it declines and for the
 * other formats.
 */
import type * as XLSX from "@e965/xlsx";
import { basename, extname } from "node:path";
import { a1, CellRect, Grid } from "../../scoring/grid";
import { CellValue } from "../../scoring/values";
import { unreadable, WorkbookError } from "./errors";
import { decodeLinkTarget, hyperlinkValue } from "./hyperlinks";
import { compoundContent, containerOf } from "./format";
import { csvSeparator, decodeText } from "./text-file";
import { repackForSheetJS, unpackScoringParts, ZipBudgetError, ZipPart } from "./zip";
import { readFastWorkbook } from "./fast-xlsx";
import { DAYS_1900_TO_1904, isDateFormat } from "../../scoring/dates";
import { DEFAULT_LIMITS, maxBytes, overLimit, ReadLimits } from "./limits";
import { checkParts } from "./part-scan";
import { untypeEmptyBooleans } from "./sheetjs-prepare";

import type { SheetState } from "../../scoring/sheet/ledger";
export type { SheetState };

export interface WorkbookData {
  /** The path as the caller gave it. */
  file: string;
  /** One grid per worksheet, in tab order (hidden sheets included: see sheetStates). */
  grids: Grid[];
  sheetStates: Record<string, SheetState>;
  /** Chart sheets (no cells: not in grids), listed in the reading's sheet ledger. */
  chartSheets?: string[];
  /** The file's format, as read from its content. */
  format: WorkbookFormat;
  /**
   * Worksheets the reader could not read (their part is missing from the file, or damaged), in tab order: named in
   * the reading's sheet ledger and by the commands, never dropped in silence. Their state is in sheetStates.
   */
  unreadSheets?: UnreadSheet[];
  /** Every sheet above (grids, chart sheets, unread sheets) in tab order, when they are more than the grids. */
  tabOrder?: string[];
}

/** A worksheet that could not be read: its part is not in the file ("missing"), or it is damaged (with why). */
export interface UnreadSheet {
  sheet: string;
  /** "not-worksheet": an Excel 4 macro sheet or a dialog sheet, which holds no table PAR Scorer reads. */
  reason: "missing" | "damaged" | "not-worksheet";
  /** For a damaged sheet: the reader's own words (English), for the curious; for a not-worksheet, "macro" or "dialog". */
  detail?: string;
}

export type WorkbookFormat = "xlsx" | "xls" | "ods" | "csv";

/** SheetJS, loaded the first time a file needs it. */
const sheetjs = (): typeof XLSX => require("./sheetjs") as typeof XLSX;

/** Which reader reads an .xlsx: the fast one with SheetJS for what it declines (the default), or SheetJS alone. */
export type XlsxReader = "auto" | "sheetjs";

const TEXT_EXTENSIONS = new Set([".csv", ".txt"]);

const BASE_OPTIONS: XLSX.ParsingOptions = {
  type: "buffer",
  dense: true,
  cellFormula: true,
  cellNF: true,
  cellHTML: false,
  cellText: false,
  cellStyles: false,
  bookDeps: false,
  bookVBA: false,
  sheetStubs: false,
};

/** Excel's error codes as SheetJS gives them (t: "e"), as the text Excel shows. */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/**
 * Reads a workbook's bytes; anything unreadable is a WorkbookError naming `file`, and so is a workbook past the
 * reading limits (limits.ts) or with a cell beyond Excel's last column or row.
 */
export function readWorkbookBytes(buf: Buffer, file: string, limits: ReadLimits = DEFAULT_LIMITS, reader: XlsxReader = "auto"): WorkbookData {
  if (buf.length === 0) throw unreadable("empty", file);
  if (buf.length > maxBytes(limits)) throw overLimit("bytes", file, limits);
  const container = containerOf(buf);
  let workbook: XLSX.WorkBook;
  let format: WorkbookFormat;
  if (container === "compound") {
    const content = compoundContent(buf);
    if (content === "encrypted") throw unreadable("encrypted", file);
    if (content !== "xls") throw unreadable("encrypted-or-xls", file, "not an Excel workbook");
    workbook = parse(buf, file, BASE_OPTIONS, "encrypted-or-xls");
    format = "xls";
  } else if (container === "zip") {
    const zipCode = /\.ods$/i.test(file) ? "not-workbook" : "not-xlsx";
    const parts = zipParts(buf, file, limits, zipCode);
    const fast = reader === "auto" ? readFastWorkbook(parts) : null;
    if (fast) return workbookData(fast as unknown as XLSX.WorkBook, file, "xlsx");
    // Stubs: a formula cell without a cached value is kept as one (t "z" with its formula), not dropped.
    const zipped = repackForSheetJS(untypeEmptyBooleans(parts));
    // (Not for an .ods, where SheetJS would make a stub of every repeated empty cell.)
    const options = { ...BASE_OPTIONS, sheetStubs: !parts.some((p) => /^content\.xml$/i.test(p.name)) };
    workbook = parse(zipped, file, options, zipCode);
    format = workbook.bookType === "ods" ? "ods" : "xlsx";
    return workbookData(workbook, file, format, (i) => whyUnread(zipped, options, i));
  } else if (TEXT_EXTENSIONS.has(extname(file).toLowerCase())) {
    const { text } = decodeText(buf);
    const name = basename(file, extname(file)).slice(0, 31) || "CSV";
    workbook = parse(text.replace(/^sep=.\r?\n/, ""), file, { ...BASE_OPTIONS, type: "string", raw: true, FS: csvSeparator(text), sheet: name }, "not-workbook");
    format = "csv";
  } else {
    throw unreadable(/\.(xlsx|xlsm)$/i.test(file) ? "not-xlsx" : "not-workbook", file, "not a zip, compound or text file");
  }
  return workbookData(workbook, file, format);
}

/** The zip's parts that scoring reads, within the limits (zip.ts, part-scan.ts). */
function zipParts(buf: Buffer, file: string, limits: ReadLimits, zipCode: "not-xlsx" | "not-workbook"): ZipPart[] {
  try {
    return unpackScoringParts(buf, maxBytes(limits), (unpacked) => checkParts(unpacked, file, limits));
  } catch (e) {
    if (e instanceof ZipBudgetError) throw overLimit("bytes", file, limits);
    if (e instanceof WorkbookError) throw e;
    throw unreadable(zipCode, file, (e as Error)?.message ?? String(e));
  }
}

/**
 * The workbook read by the fast .xlsx reader alone, or null when it declines the file (`why` hears the reason):
 * for the parity test. Limits and damage are errors as in readWorkbookBytes.
 */
export function readWorkbookFast(buf: Buffer, file: string, limits: ReadLimits = DEFAULT_LIMITS, why?: (reason: string) => void): WorkbookData | null {
  if (containerOf(buf) !== "zip") {
    why?.("not a zip");
    return null;
  }
  const fast = readFastWorkbook(zipParts(buf, file, limits, "not-xlsx"), why);
  return fast ? workbookData(fast as unknown as XLSX.WorkBook, file, "xlsx") : null;
}

function parse(data: Buffer | string, file: string, options: XLSX.ParsingOptions, code: "not-xlsx" | "encrypted-or-xls" | "not-workbook"): XLSX.WorkBook {
  // SheetJS writes notes of its own to the console ("ODS number format may be incorrect"): not for the user.
  const { error, warn } = console;
  console.error = console.warn = () => undefined;
  try {
    return sheetjs().read(data, options);
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    // An .xls saved with a password (its FILEPASS record), which SheetJS cannot open.
    if (/password|encrypt/i.test(message)) throw unreadable("encrypted", file, message);
    throw unreadable(code, file, message);
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

/**
 * Why SheetJS left out sheet `index` (it drops a sheet it fails to read without a word): read again, that sheet
 * alone, with SheetJS told to throw; a part that is not in the file is "missing", anything else "damaged".
 */
function whyUnread(data: Buffer, options: XLSX.ParsingOptions, index: number): Omit<UnreadSheet, "sheet"> {
  const { error, warn } = console;
  console.error = console.warn = () => undefined;
  try {
    sheetjs().read(data, { ...options, WTF: true, sheets: index });
  } catch (e) {
    const message = (e as Error)?.message ?? String(e);
    return /^Cannot find file /.test(message) ? { reason: "missing" } : { reason: "damaged", detail: message };
  } finally {
    console.error = error;
    console.warn = warn;
  }
  return { reason: "damaged" };
}

/** The fast reader's account of a sheet it could not read (fast-xlsx.ts's FastWorkBook.Unread). */
type Unread = Record<string, Omit<UnreadSheet, "sheet">>;

function workbookData(
  workbook: XLSX.WorkBook,
  file: string,
  format: WorkbookFormat,
  whyUnread?: (index: number) => Omit<UnreadSheet, "sheet">,
): WorkbookData {
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const grids: Grid[] = [];
  const sheetStates: Record<string, SheetState> = {};
  const chartSheets: string[] = [];
  const unreadSheets: UnreadSheet[] = [];
  const unread = (workbook as { Unread?: Unread }).Unread;
  workbook.SheetNames.forEach((name, i) => {
    const sheet = workbook.Sheets[name];
    const type = (sheet as { "!type"?: string } | undefined)?.["!type"];
    const hidden = workbook.Workbook?.Sheets?.[i]?.Hidden;
    const state: SheetState = hidden === 2 ? "veryHidden" : hidden === 1 ? "hidden" : "visible";
    if (type === "chart") {
      chartSheets.push(name);
      sheetStates[name] = state;
    }
    if (!sheet && (unread?.[name] || whyUnread)) {
      // A sheet the reader failed to read: named, with why.
      unreadSheets.push({ sheet: name, ...(unread?.[name] ?? whyUnread!(i)) });
      sheetStates[name] = state;
      return;
    }
    if (sheet && (type === "macro" || type === "dialog")) {
      unreadSheets.push({ sheet: name, reason: "not-worksheet", detail: type });
      sheetStates[name] = state;
      return;
    }
    if (!sheet || (type && type !== "sheet")) return;
    grids.push(sheetGrid(name, sheet, date1904));
    sheetStates[name] = state;
  });
  if (grids.length === 0 && unreadSheets.length > 0) throw unreadable("damaged-sheets", file, unreadSheets.map((u) => `${u.sheet}: ${u.reason}${u.detail ? ` (${u.detail})` : ""}`).join("; "), unreadSheets.map((u) => u.sheet));
  if (grids.length === 0) throw unreadable(format === "xlsx" ? "not-xlsx" : "not-workbook", file, "no worksheets");
  const tabOrder = workbook.SheetNames.filter((name) => name in sheetStates);
  const others = chartSheets.length > 0 || unreadSheets.length > 0;
  return { file, grids, sheetStates, format, ...(chartSheets.length > 0 ? { chartSheets } : {}), ...(unreadSheets.length > 0 ? { unreadSheets } : {}), ...(others ? { tabOrder } : {}) };
}

/**
 * One worksheet as a sparse Grid: a row exists only where a cell holds a value or a formula, as long as its last
 * such cell; values under a merge other than its top-left cell are dropped.
 */
function sheetGrid(name: string, sheet: XLSX.WorkSheet, date1904: boolean): Grid {
  const data = ((sheet as unknown as { "!data"?: (XLSX.CellObject[] | undefined)[] })["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
  const merges: CellRect[] = (sheet["!merges"] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  let links: (string | null)[][] | undefined;
  let uncalculated: [number, number][] | undefined;
  data.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      const value = cellValue(cell, date1904);
      const formula = typeof cell.f === "string" && cell.f.trim() !== "" ? (cell.f.startsWith("=") ? cell.f : `=${cell.f}`) : null;
      if (value === null && formula === null) return;
      // A formula with no cached value (a stub, t "z"): the file was never calculated.
      if (formula !== null && cell.t === "z") (uncalculated ??= []).push([r, c]);
      (values[r] ??= [])[c] = value;
      const link = linkTarget(cell);
      if (typeof link === "string" && link.trim() !== "") ((links ??= [])[r] ??= [])[c] = link;
      if (formula !== null) ((formulas ??= [])[r] ??= [])[c] = formula;
    });
  });
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom; r++) {
      const row = values[r];
      if (!row) continue;
      for (let c = m.left; c <= m.right; c++) if ((r !== m.top || c !== m.left) && c in row) row[c] = null;
    }
  }
  const grid: Grid = { name, values, merges };
  if (links) grid.links = links;
  if (uncalculated) {
    // A cell under a merge, other than its top-left one, is hidden by it: its value is dropped above, and so is this.
    const hidden = (r: number, c: number) => merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
    const cells = uncalculated.filter(([r, c]) => !hidden(r, c)).map(([r, c]) => a1(r, c));
    if (cells.length > 0) grid.uncalculated = cells;
  }
  return formulas ? { ...grid, formulas } : grid;
}

const DAY_MS = 86_400_000;
/** Serial 25569 is 1970-01-01 in Excel's 1900 date system; the 1904 system counts from 1904-01-01. */
const UNIX_EPOCH_SERIAL = 25569;

/** Serial 2958466 is 10000-01-01 in the 1900 date system: Excel shows no date from there on ("#####"). */
const END_OF_CALENDAR = 2958466;

/**
 * A date-formatted number as a Date whose UTC wall clock is what Excel shows; a date without a time of day at
 * 12:00 UTC, so that every time zone from UTC−11 to UTC+11 sees the same day. Null for a number that is no date
 * Excel can show (negative, or from the year 10000 on: Excel shows "#####"): it stays the number it is, never an
 * invalid Date or one Excel would not show.
 */
function serialDate(serial: number, date1904: boolean): Date | null {
  const days = serial + (date1904 ? DAYS_1900_TO_1904 : 0);
  if (!(serial >= 0 && days < END_OF_CALENDAR)) return null;
  const t = Math.round((days - UNIX_EPOCH_SERIAL) * DAY_MS);
  return new Date(t % DAY_MS === 0 ? t + DAY_MS / 2 : t);
}

/** A hyperlink cell's target, its UTF-8 decoded (see decodeLinkTarget). */
function linkTarget(cell: XLSX.CellObject): string | undefined {
  const raw = (cell as { l?: { Target?: string } }).l?.Target;
  return typeof raw === "string" ? decodeLinkTarget(raw) : undefined;
}

function cellValue(cell: XLSX.CellObject, date1904: boolean): CellValue {
  const value = scalar(cell, date1904);
  const link = linkTarget(cell);
  return link ? hyperlinkValue(value, link) : value;
}

function scalar(cell: XLSX.CellObject, date1904: boolean): CellValue {
  const v = cell.v;
  switch (cell.t) {
    case "n":
      if (typeof v !== "number" || !Number.isFinite(v)) return null;
      return (isDateFormat(cell.z) && serialDate(v, date1904)) || v;
    case "s":
      return typeof v === "string" && v !== "" ? v : null;
    case "b":
      return typeof v === "boolean" ? v : null;
    case "e":
      return typeof v === "number" ? (ERRORS[v] ?? "#VALUE!") : typeof cell.w === "string" ? cell.w : "#VALUE!";
    case "d": {
      if (!(v instanceof Date) || Number.isNaN(v.getTime())) return null;
      const t = Date.UTC(v.getFullYear(), v.getMonth(), v.getDate(), v.getHours(), v.getMinutes(), v.getSeconds(), v.getMilliseconds());
      return new Date(t % DAY_MS === 0 ? t + DAY_MS / 2 : t);
    }
    default:
      return null;
  }
}
