/**
 * Reads a workbook (.xlsx, .xlsm, .xls, .ods, .csv: workbook/read.ts, with SheetJS) into the core's Grids, one per
 * worksheet; loads an .xlsx into exceljs for the writers that add sheets to a copy of it. The file is only ever
 * read (into a buffer), never opened for writing. A file that cannot be opened is a CliError from read-file.ts;
 * one that is not a readable workbook becomes a WorkbookError. Both say, in Vietnamese (and English), which file
 * and what to do.
 *
 * Cell values, as the core sees them:
 * - numbers, strings, booleans as they are; an empty string is null;
 * - dates (date-formatted numbers) as a JS Date: what Excel shows is the Date's UTC wall clock. A date without a
 *   time of day is set to 12:00 UTC, so that both the UTC getters and the local getters of any time zone between
 *   UTC−11 and UTC+11 (Việt Nam is UTC+7) see the same day, and dd/mm/yyyy never shifts by one. A date-formatted
 *   number Excel shows no date for (negative, or from the year 10000 on) stays the number;
 * - booleans as they are; a boolean cell with no value (`<c t="b"/>`) is empty, not FALSE;
 * - rich text: the runs' text concatenated;
 * - hyperlinks: the displayed text, except that the link target is returned when the text is empty, is a file
 *   name ("bao-cao-2018.pdf"), or is the link itself (with or without "http://", "mailto:", a trailing "/"), so
 *   evidence checks see the real address; a described link ("Kế hoạch số 125/KH-STP") stays its text;
 * - formulas (also shared and array formulas): their cached result, with "=" + the formula text in
 *   grid.formulas; a formula without a cached result (a file saved by a tool that never calculated) is null, and
 *   its cell is listed in grid.uncalculated (validation names it: formula-uncalculated);
 * - error values ("#N/A", "#VALUE!", also as a formula's result): the error text as a string;
 * - merged cells: the value only in the range's top-left (master) cell, null elsewhere; the areas in grid.merges;
 * - a worksheet that cannot be read (its part missing from the file, or damaged) is listed in unreadSheets, with
 *   why: never left out in silence.
 */
import type ExcelJS from "exceljs";
import { FLAGS_SHEET, OWNED_SHEET, OWNED_SHEET_HEADER } from "../../scoring/report/sheet-spec";
import { readRegularFile } from "../read-file";
import { unreadable, WorkbookError, WorkbookErrorCode } from "../workbook/errors";
import { readWorkbookBytes, SheetState, WorkbookData, WorkbookFormat } from "../workbook/read";
import { DEFAULT_LIMITS, maxBytes, overLimit, ReadLimits } from "../workbook/limits";

export { hyperlinkValue } from "../workbook/hyperlinks";
export { WorkbookError };
export type { SheetState, WorkbookData, WorkbookErrorCode, WorkbookFormat };

/** The very hidden worksheet in which PAR Scorer lists the sheets it generated (sheet-spec.ts; see write.ts). */
export { OWNED_SHEET };

/** Whether a row is the header PAR Scorer writes in row 1 of its "_par" list. */
export function isOwnedListHeader(row: readonly unknown[]): boolean {
  return OWNED_SHEET_HEADER.every((text, i) => row[i] === text);
}

/**
 * The sheets PAR Scorer generated in a workbook that was read (listed in "_par"), and "_par" itself. Only a very
 * hidden "_par" with PAR Scorer's header is its list: a user's own sheet of that name hides nothing.
 */
export function ownedSheetNames(data: WorkbookData): string[] {
  const list = data.grids.find((g) => g.name === OWNED_SHEET);
  if (!list || data.sheetStates[OWNED_SHEET] !== "veryHidden" || !isOwnedListHeader(list.values[0] ?? [])) return [];
  const present = new Set(data.grids.map((g) => g.name));
  const names = list.values
    .slice(1)
    .map((row) => row?.[0])
    .filter((v): v is string => typeof v === "string" && present.has(v));
  return [...new Set([OWNED_SHEET, ...names])];
}

/**
 * Whether PAR Scorer wrote the whole workbook (a ranking, an exported catalogue): every sheet but its bookkeeping
 * is listed as generated. A user's workbook it added a summary to still holds the unit's own sheet.
 */
export function isGeneratedWorkbook(data: WorkbookData): boolean {
  const owned = new Set(ownedSheetNames(data));
  const others = data.grids.filter((g) => g.name !== OWNED_SHEET && g.name !== FLAGS_SHEET);
  return owned.size > 1 && others.every((g) => owned.has(g.name));
}

/** Loads an .xlsx buffer into an exceljs Workbook; anything unreadable is a WorkbookError naming `file`. */
export async function loadWorkbookBuffer(buf: Buffer, file: string): Promise<ExcelJS.Workbook> {
  if (buf.length === 0) throw unreadable("empty", file);
  // exceljs is loaded when first needed: scoring reads with SheetJS only, and a worker thread need not load it.
  const [{ default: Excel }, { loadKeepingSheetNames }] = await Promise.all([import("exceljs"), import("./sheet-names")]);
  const workbook = new Excel.Workbook();
  try {
    await loadKeepingSheetNames(workbook, buf);
  } catch (e) {
    throw unreadable("not-xlsx", file, (e as Error)?.message ?? String(e));
  }
  // A zip that is not a workbook (a .docx, an .ods, any other zip) loads as a workbook without sheets.
  if (workbook.worksheets.length === 0) throw unreadable("not-xlsx", file, "no worksheets");
  return workbook;
}

/** Loads an .xlsx file into an exceljs Workbook (for writers that add sheets to a copy of it). */
export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  return loadWorkbookBuffer(await readRegularFile(path), path);
}

/** Reads a workbook within the reading limits (workbook/limits.ts; --max-cells), which say how far to read. */
export async function readWorkbook(path: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<WorkbookData> {
  const buf = await readRegularFile(path, { maxBytes: maxBytes(limits), error: () => overLimit("bytes", path, limits) });
  return readWorkbookBuffer(buf, path, limits);
}

export async function readWorkbookBuffer(buf: Buffer, file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<WorkbookData> {
  return readWorkbookBytes(buf, file, limits);
}
