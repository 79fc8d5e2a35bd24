/**
 * Reads an .xlsx file into the core's Grids (one per worksheet) with exceljs. The file is only ever read (into a
 * buffer), never opened for writing. A file that cannot be opened is a CliError from read-file.ts; one that is not
 * a readable .xlsx becomes a WorkbookError. Both say, in Vietnamese (and English), which file and what to do.
 *
 * Cell values, as the core sees them:
 * - numbers, strings, booleans as they are; an empty string is null;
 * - dates (date-formatted numbers) as a JS Date: what Excel shows is the Date's UTC wall clock. A date without a
 *   time of day is set to 12:00 UTC, so that both the UTC getters and the local getters of any time zone between
 *   UTC−11 and UTC+11 (Việt Nam is UTC+7) see the same day, and dd/mm/yyyy never shifts by one;
 * - rich text: the runs' text concatenated;
 * - hyperlinks: the displayed text, except that the link target is returned when the text is empty, is a file
 *   name ("bao-cao-2018.pdf"), or is the link itself (with or without "http://", "mailto:", a trailing "/"), so
 *   evidence checks see the real address; a described link ("Kế hoạch số 125/KH-STP") stays its text;
 * - formulas (also shared and array formulas): their cached result, with "=" + the formula text in
 *   grid.formulas; a formula without a cached result is null;
 * - error values ("#N/A", "#VALUE!", also as a formula's result): the error text as a string;
 * - merged cells: the value only in the range's top-left (master) cell, null elsewhere; the areas in grid.merges.
 */
import ExcelJS from "exceljs";
import { CellRect, Grid } from "../../scoring/grid";
import { FLAGS_SHEET, OWNED_SHEET, OWNED_SHEET_HEADER } from "../../scoring/report/sheet-spec";
import { CellValue } from "../../scoring/values";
import { CliError } from "../errors";
import { readRegularFile } from "../read-file";
import { loadKeepingSheetNames } from "./sheet-names";

export type SheetState = "visible" | "hidden" | "veryHidden";

export interface WorkbookData {
  /** The path as the caller gave it. */
  file: string;
  /** One grid per worksheet, in tab order (hidden sheets included: see sheetStates). */
  grids: Grid[];
  sheetStates: Record<string, SheetState>;
}

export type WorkbookErrorCode = "empty" | "encrypted-or-xls" | "not-xlsx";

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
    .map((row) => row[0])
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

/** A workbook that cannot be read or written, with a message for the user in Vietnamese and in English. */
export class WorkbookError extends CliError {
  constructor(
    override readonly code: WorkbookErrorCode,
    readonly file: string,
    message: string,
    messageEn: string,
    readonly detail?: string,
  ) {
    super(message, messageEn, code);
    this.name = "WorkbookError";
  }
}

const FIX_VI = "Mở tệp bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).";
const FIX_EN = "Open it in Excel and save it again as an Excel Workbook (.xlsx).";

function unreadable(code: WorkbookErrorCode, file: string, detail?: string): WorkbookError {
  switch (code) {
    case "empty":
      return new WorkbookError(
        code,
        file,
        `Không đọc được tệp ${file}: tệp rỗng (0 byte), có thể chưa sao chép hoặc tải về xong. Lấy lại tệp gốc.`,
        `Cannot read ${file}: the file is empty (0 bytes); it may not have finished copying or downloading. Get the original file again.`,
        detail,
      );
    case "encrypted-or-xls":
      return new WorkbookError(
        code,
        file,
        `Không đọc được tệp ${file}: đây là tệp .xls cũ (Excel 97-2003) hoặc tệp .xlsx được đặt mật khẩu. ` +
          `Mở tệp bằng Excel, bỏ mật khẩu (nếu có) và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).`,
        `Cannot read ${file}: it is an old .xls file (Excel 97-2003) or a password-protected .xlsx. ` +
          `Open it in Excel, remove the password (if any) and save it as an Excel Workbook (.xlsx).`,
        detail,
      );
    default:
      return new WorkbookError(
        "not-xlsx",
        file,
        `Không đọc được tệp ${file}: tệp không phải định dạng Excel .xlsx hợp lệ (có thể bị hỏng hoặc là tệp .xls cũ). ${FIX_VI}`,
        `Cannot read ${file}: it is not a valid Excel .xlsx file (it may be damaged or an old .xls file). ${FIX_EN}`,
        detail,
      );
  }
}

/** The OLE2 compound-file signature: old .xls files, and password-protected (encrypted) .xlsx files. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** A zip file's first local header. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Loads an .xlsx buffer into an exceljs Workbook; anything unreadable is a WorkbookError naming `file`. */
export async function loadWorkbookBuffer(buf: Buffer, file: string): Promise<ExcelJS.Workbook> {
  if (buf.length === 0) throw unreadable("empty", file);
  if (buf.subarray(0, CFB_SIGNATURE.length).equals(CFB_SIGNATURE)) throw unreadable("encrypted-or-xls", file);
  if (!buf.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) throw unreadable("not-xlsx", file, "not a zip file");
  const workbook = new ExcelJS.Workbook();
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

export async function readWorkbook(path: string): Promise<WorkbookData> {
  return readWorkbookBuffer(await readRegularFile(path), path);
}

export async function readWorkbookBuffer(buf: Buffer, file: string): Promise<WorkbookData> {
  const workbook = await loadWorkbookBuffer(buf, file);
  return workbookData(workbook, file);
}

/** The grids and sheet states of a loaded workbook. */
export function workbookData(workbook: ExcelJS.Workbook, file: string): WorkbookData {
  const grids: Grid[] = [];
  const sheetStates: Record<string, SheetState> = {};
  for (const ws of workbook.worksheets) {
    grids.push(worksheetGrid(ws));
    sheetStates[ws.name] = ws.state === "hidden" || ws.state === "veryHidden" ? ws.state : "visible";
  }
  return { file, grids, sheetStates };
}

/**
 * One worksheet as a Grid, sparse: a row exists only where a cell holds a value or a formula (cells that are only
 * formatted do not count), each row as long as its last such cell, so memory and time follow the data and not the
 * sheet's stated dimension (one stray cell at XFD1048576 costs one cell). `formulas` is there only when the sheet
 * has a formula; `merges` lists the merged areas.
 */
export function worksheetGrid(ws: ExcelJS.Worksheet): Grid {
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const value = cellValue(cell);
      const formula = formulaText(cell);
      if (value === null && formula === null) return;
      (values[rowNumber - 1] ??= [])[colNumber - 1] = value;
      if (formula !== null) ((formulas ??= [])[rowNumber - 1] ??= [])[colNumber - 1] = formula;
    });
  });
  const grid: Grid = { name: ws.name, values, merges: mergedAreas(ws) };
  return formulas ? { ...grid, formulas } : grid;
}

/** The merged areas of a worksheet, 0-based (exceljs keeps them by master cell, 1-based). */
function mergedAreas(ws: ExcelJS.Worksheet): CellRect[] {
  const merges = (ws as unknown as { _merges?: Record<string, { model?: { top: number; left: number; bottom: number; right: number } }> })._merges ?? {};
  const areas: CellRect[] = [];
  for (const range of Object.values(merges)) {
    const m = range?.model;
    if (!m) continue;
    areas.push({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 });
  }
  return areas;
}

function formulaText(cell: ExcelJS.Cell): string | null {
  if (cell.type !== ExcelJS.ValueType.Formula) return null;
  const f = cell.formula;
  if (typeof f !== "string" || f.trim() === "") return null;
  return f.startsWith("=") ? f : `=${f}`;
}

/** The value of one exceljs cell as the core sees it (see the module comment). */
export function cellValue(cell: ExcelJS.Cell): CellValue {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      return scalar((cell as unknown as { result: unknown }).result);
    case ExcelJS.ValueType.Hyperlink: {
      const v = cell.value as ExcelJS.CellHyperlinkValue;
      return hyperlinkValue(scalar(v.text as unknown), v.hyperlink);
    }
    default:
      return scalar(cell.value);
  }
}

/** A raw exceljs value (or formula result) as a CellValue. */
function scalar(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return v === "" ? null : v;
  if (typeof v === "boolean") return v;
  if (v instanceof Date) return excelDate(v);
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) {
      const text = (o.richText as { text?: unknown }[]).map((r) => (r?.text == null ? "" : String(r.text))).join("");
      return text === "" ? null : text;
    }
    if (typeof o.error === "string") return o.error;
    if ("hyperlink" in o) return hyperlinkValue(scalar(o.text), o.hyperlink as string | undefined);
    if ("result" in o) return scalar(o.result);
    if ("sharedString" in o) return scalar(o.sharedString);
    if ("text" in o) return scalar(o.text);
  }
  return String(v);
}

/** A date from exceljs (Excel's wall clock as UTC): date-only values move to 12:00 UTC (see the module comment). */
function excelDate(d: Date): Date | null {
  const t = d.getTime();
  if (Number.isNaN(t)) return null;
  const dayMs = 86_400_000;
  return t % dayMs === 0 ? new Date(t + dayMs / 2) : new Date(t);
}

/** "bao-cao-cchc-2018.pdf", "Kế hoạch CCHC.docx": no path characters, an extension with a letter. */
const FILE_NAME_RE = /^[^\\/:*?"<>|\r\n]+\.(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,5}$/;

function bareLink(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/^(https?:\/\/|ftp:\/\/|mailto:|file:\/\/\/?)/, "")
    .replace(/^www\./, "")
    .replace(/\/+$/, "");
}

/**
 * A hyperlink cell's value: its text, or the link target when the text is empty, a file name, or the link itself.
 */
export function hyperlinkValue(text: CellValue, hyperlink: string | undefined | null): CellValue {
  const link = typeof hyperlink === "string" && hyperlink.trim() !== "" ? hyperlink.trim() : null;
  if (link === null) return text;
  if (text === null || text === undefined || (typeof text === "string" && text.trim() === "")) return link;
  if (typeof text !== "string") return text;
  const shown = text.trim();
  if (bareLink(shown) === bareLink(link)) return link;
  // An internal link ("#Sheet2!A1") to a cell: the text is what the user means.
  if (link.startsWith("#")) return text;
  if (FILE_NAME_RE.test(shown)) return link;
  return text;
}
