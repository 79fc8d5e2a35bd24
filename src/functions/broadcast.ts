/**
 * The one helper behind every PAR.* custom function: broadcasts a scalar (1×1) argument against the value
 * range, runs the core once per cell, and turns the core's errors into Excel errors in that cell only.
 * No Office.js here beyond an optional look at the `CustomFunctions` global, so it runs under jest.
 */
import { CellValue, isParError, Lang, MessageKey, ScoreResult, t } from "../scoring";

/** What Excel passes for an `any[][]` parameter: rows of cell values (an omitted optional one is null/undefined). */
export type Matrix = unknown[][];

export type CellErrorKind = "invalidValue" | "notAvailable";

/** The Excel error code of each kind (the values of CustomFunctions.ErrorCode). */
export const ERROR_CODES: Record<CellErrorKind, string> = { invalidValue: "#VALUE!", notAvailable: "#N/A" };

/**
 * Stand-in for CustomFunctions.Error when the global is absent (tests, a plain browser): it carries the same
 * `code` ("#VALUE!", "#N/A") and `message`.
 */
export class CellError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "CellError";
  }
}

export type ExcelError = CustomFunctions.Error | CellError;

interface CustomFunctionsGlobal {
  Error?: new (code: CustomFunctions.ErrorCode, message?: string) => CustomFunctions.Error;
  ErrorCode?: Record<CellErrorKind, CustomFunctions.ErrorCode>;
}

/** A #VALUE! / #N/A error with a message: Excel's own error object when running in Excel, else a CellError. */
export function cellError(kind: CellErrorKind, message: string): ExcelError {
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  if (cf && typeof cf.Error === "function" && cf.ErrorCode) return new cf.Error(cf.ErrorCode[kind], message);
  return new CellError(ERROR_CODES[kind], message);
}

/** Excel's display language decides the language of results and messages: English for en-*, else Vietnamese. */
export function functionsLang(): Lang {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  const lang = office?.context?.displayLanguage;
  return typeof lang === "string" && lang.toLowerCase().startsWith("en") ? "en" : "vi";
}

/** A thrown value as an Excel error: an unknown criterion code is #N/A, anything else #VALUE!; core messages are Vietnamese. */
export function toCellError(e: unknown): ExcelError {
  if (e instanceof CellError) return e;
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  if (cf && typeof cf.Error === "function" && e instanceof cf.Error) return e;
  if (isParError(e)) return cellError(e.key === "catalog.unknownCode" ? "notAvailable" : "invalidValue", e.text(functionsLang()));
  return cellError("invalidValue", e instanceof Error ? e.message : String(e));
}

/**
 * Excel's error values a custom function may return (CustomFunctions.ErrorCode); #REF! and #NAME? are input-only
 * errors, and newer ones (#SPILL!, #CALC!…) are not in the enum.
 */
const RETURNABLE = new Set(["#DIV/0!", "#N/A", "#NUM!", "#NULL!", "#VALUE!"]);

/**
 * The Excel error an input cell holds ("#DIV/0!"), else null. Excel passes an error cell as a data-type value
 * ({ type: "Error", basicValue: "#DIV/0!" }, metadata allowErrorForDataTypeAny) or as a CustomFunctions.Error
 * ({ code: "#DIV/0!" }); text that merely reads "#DIV/0!" is text.
 */
export function excelErrorOf(v: unknown): string | null {
  if (v === null || typeof v !== "object" || v instanceof Date || Array.isArray(v)) return null;
  const o = v as { type?: unknown; basicValue?: unknown; code?: unknown };
  if (o.type === "Error" && typeof o.basicValue === "string" && o.basicValue.startsWith("#")) return o.basicValue;
  if (typeof o.code === "string" && o.code.startsWith("#")) return o.code;
  return null;
}

/**
 * An input cell's Excel error passed through, as Excel's own functions do: the same error (SUM over a #DIV/0! is
 * #DIV/0!). #REF! and #NAME?, which a function cannot return, become #VALUE! saying which error the input holds.
 */
export function passedError(code: string): ExcelError {
  if (!RETURNABLE.has(code)) return cellError("invalidValue", t("input.excelError", { code }, functionsLang()));
  const cf = (globalThis as { CustomFunctions?: CustomFunctionsGlobal }).CustomFunctions;
  if (cf && typeof cf.Error === "function") return new cf.Error(code as CustomFunctions.ErrorCode);
  return new CellError(code, "");
}

/** The first Excel error among cells, passed through; null when there is none. */
export function firstPassedError(cells: unknown[]): ExcelError | null {
  for (const c of cells) {
    const code = excelErrorOf(c);
    if (code) return passedError(code);
  }
  return null;
}

/**
 * A cell value as the core reads it. Excel passes data-type values (metadata allowCustomDataForDataTypeAny)
 * as objects: their basicValue (else their text) is used.
 */
export function asCell(v: unknown): CellValue {
  if (v === null || v === undefined || typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return v;
  if (typeof v === "object") {
    const rich = v as { basicValue?: unknown; text?: unknown };
    if (rich.basicValue !== undefined && typeof rich.basicValue !== "object") return asCell(rich.basicValue);
    if (typeof rich.text === "string") return rich.text;
  }
  return String(v);
}

export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A score as Excel shows it: blank stays blank, "Không áp dụng" passes through, otherwise the points. */
export function scoreToCell(result: ScoreResult): number | string {
  if (result.kind === "blank") return "";
  if (result.kind === "notApplicable") return t("na.label", {}, functionsLang());
  return result.points;
}

/** An argument as a matrix: an omitted one is a single blank cell; a stray scalar is 1×1. */
function asMatrix(arg: Matrix | null | undefined | unknown): Matrix {
  if (arg === null || arg === undefined) return [[null]];
  if (!Array.isArray(arg)) return [[arg]];
  if (arg.length === 0) return [[null]];
  return arg.map((row) => (Array.isArray(row) ? row : [row]));
}

const dims = (m: Matrix) => ({ rows: m.length, cols: m.reduce((w, row) => Math.max(w, row.length), 0) });

/**
 * How many rows are in use: a whole-column reference (D:D) passes all 1,048,576 rows of the sheet, so trailing rows
 * blank in every range argument are left out of the result (which then spills over the rows in use only).
 */
function rowsInUse(matrices: Matrix[], rows: number): number {
  const ranges = matrices.filter((m) => m.length === rows && rows > 1);
  if (ranges.length === 0) return rows;
  let last = rows;
  while (last > 1 && ranges.every((m) => (m[last - 1] ?? []).every(isBlank))) last--;
  return last;
}

/**
 * Runs `fn` once per cell. The result has the shape of the first argument that is not 1×1 (the value range,
 * usually); every other argument must be 1×1 (broadcast) or have that same shape, else the whole result is a
 * single #VALUE! naming the mismatch. A cell whose computation throws gets its own error; the others are kept.
 */
export function mapCells(
  args: Array<Matrix | null | undefined>,
  labels: Array<MessageKey & `label.${string}`>,
  fn: (...cells: CellValue[]) => unknown,
): unknown[][] {
  const matrices = args.map(asMatrix);
  const sizes = matrices.map(dims);
  const lead = sizes.findIndex((s) => s.rows !== 1 || s.cols !== 1);
  const shape = lead < 0 ? { rows: 1, cols: 1 } : sizes[lead];
  for (let i = 0; i < sizes.length; i++) {
    const s = sizes[i];
    const scalar = s.rows === 1 && s.cols === 1;
    if (!scalar && (s.rows !== shape.rows || s.cols !== shape.cols)) {
      const lang = functionsLang();
      const label = (k: number) => (labels[k] ? t(labels[k], {}, lang) : `#${k + 1}`);
      const params = { label: label(i), rows: s.rows, cols: s.cols, lead: label(lead), leadRows: shape.rows, leadCols: shape.cols };
      return [[cellError("invalidValue", t("range.shape", params, lang))]];
    }
  }
  const out: unknown[][] = [];
  const rows = rowsInUse(matrices, shape.rows);
  for (let r = 0; r < rows; r++) {
    const row: unknown[] = [];
    for (let c = 0; c < shape.cols; c++) {
      const raw = matrices.map((m, i) => {
        const s = sizes[i];
        return s.rows === 1 && s.cols === 1 ? m[0][0] : m[r][c];
      });
      const error = firstPassedError(raw);
      if (error) {
        row.push(error);
        continue;
      }
      const cells = raw.map(asCell);
      try {
        row.push(fn(...cells));
      } catch (e) {
        row.push(toCellError(e));
      }
    }
    out.push(row);
  }
  return out;
}

/**
 * All cells of a range, row by row (for functions that reduce a range to one number; their blank cells count for
 * nothing, so a whole-column reference needs no trimming). An Excel error in the range is thrown as it is.
 */
export function flatten(arg: Matrix | null | undefined): CellValue[] {
  const cells = asMatrix(arg).flat();
  const error = firstPassedError(cells);
  if (error) throw error;
  return cells.map(asCell);
}
