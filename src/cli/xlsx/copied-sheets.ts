/**
 * The user's own sheets in a summary's copy, made to print: rows tall enough for their wrapped text (a workbook
 * written by a program that stores no row heights shows one clipped line per row, on screen and on paper) and A4
 * fitted to the page width where the sheet has no page setup of its own. Only row heights and print settings
 * change: values, formulas and formats are the user's.
 */
import ExcelJS from "exceljs";
import { parseA1 } from "../../scoring/grid";
import { wrappedLines } from "../../scoring/report/sheet-spec";

const LINE_HEIGHT = 15; // points, for 11 pt text
const DEFAULT_WIDTH = 9; // Excel's default column width, in characters

function textOf(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (typeof value === "object" && "text" in value && typeof value.text === "string") return value.text;
  if (typeof value === "object" && "result" in value && typeof value.result === "string") return value.result;
  return null;
}

/** The width, in characters, of each merged area's top-left cell ("B5" → width of B:D). */
function mergedWidths(ws: ExcelJS.Worksheet, widthOf: (col: number) => number): Map<string, number> {
  const out = new Map<string, number>();
  const merges = (ws.model as unknown as { merges?: string[] }).merges ?? [];
  for (const range of merges) {
    const [from, to] = range.split(":").map(parseA1);
    if (!from || !to) continue;
    let width = 0;
    for (let c = from.col; c <= to.col; c++) width += widthOf(c + 1);
    out.set(`${from.row + 1}:${from.col + 1}`, width);
  }
  return out;
}

/** Grows the rows of one sheet to fit their wrapped text (never shrinks one); returns how many grew. */
export function fitWrappedRows(ws: ExcelJS.Worksheet): number {
  const widthOf = (col: number) => {
    const w = ws.getColumn(col).width;
    return typeof w === "number" && w > 0 ? w : DEFAULT_WIDTH;
  };
  const merged = mergedWidths(ws, widthOf);
  let grown = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    let needed = 0;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (!cell.alignment?.wrapText || (cell.isMerged && cell.master !== cell)) return;
      const text = textOf(cell.value);
      if (!text) return;
      const size = cell.font?.size ?? 11;
      const width = merged.get(`${row.number}:${col}`) ?? widthOf(col);
      const lines = wrappedLines(text, width, { bold: cell.font?.bold, size, indent: cell.alignment.indent });
      needed = Math.max(needed, (lines * LINE_HEIGHT * size) / 11 + (lines > 1 ? 3 : 0));
    });
    const current = row.height ?? LINE_HEIGHT;
    if (needed > current + 0.5) {
      row.height = Math.min(409, Math.ceil(needed));
      grown++;
    }
  });
  return grown;
}

/** A4, fitted to the page width, page numbers in the footer — unless the sheet has page settings of its own. */
function printFitted(ws: ExcelJS.Worksheet): void {
  const setup = ws.pageSetup ?? {};
  if (setup.fitToPage || setup.paperSize !== undefined || setup.printArea) return;
  ws.pageSetup = { ...setup, paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  if (!ws.headerFooter?.oddFooter) ws.headerFooter = { ...ws.headerFooter, oddFooter: "&R&P/&N" };
}

/** Every visible sheet of the user's workbook (before PAR Scorer adds its own), fitted as described above. */
export function fitCopiedSheets(workbook: ExcelJS.Workbook): void {
  for (const ws of workbook.worksheets) {
    if (ws.state === "hidden" || ws.state === "veryHidden") continue;
    fitWrappedRows(ws);
    printFitted(ws);
  }
}
