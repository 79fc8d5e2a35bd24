/**
 * What a writer puts in a worksheet, decided once in the core so the .xlsx writer (exceljs) and the Excel writer
 * (Office.js) produce the same layout: cells from A1, their look, column widths, frozen panes, merged cells and
 * an optional chart. Writers add nothing of their own but the mechanics.
 */

/** Number formats used by generated sheets. */
export type NumberFormat = "0.00" | "0.00%" | "0" | "dd/mm/yyyy" | "@";

export type Fill = "header" | "field" | "criterion" | "total" | "error" | "warning" | "ok";

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Font size in points (default: the writer's, 11). */
  size?: number;
  fill?: Fill;
  numFmt?: NumberFormat;
  wrap?: boolean;
  /** Indentation level (criterion depth). */
  indent?: number;
  align?: "left" | "center" | "right";
  /** Thin borders around the cell (table body and header). */
  border?: boolean;
}

/** Text is always written as text: a value starting with = + - @ never becomes a formula. */
export interface SpecCell {
  value: string | number | boolean | Date | null;
  style?: CellStyle;
  /** A formula the add-in itself generated (never user text), e.g. "=SUM(C5:C8)"; value is its cached result. */
  formula?: string;
}

export interface ChartSeries {
  name: string;
  values: number[];
  /** A1 range of the values in this sheet ("D6:D12"), for writers that can draw a native chart. */
  range?: string;
}

/** A bar chart by category (e.g. points by field): the data inline, and where it sits in the sheet. */
export interface ChartIntent {
  type: "bar";
  title: string;
  categories: string[];
  /** A1 range of the category labels in this sheet ("A6:A12"). */
  categoriesRange?: string;
  series: ChartSeries[];
  /** Top-left cell where the chart is placed. */
  anchor: string;
}

/** Which generated sheet this is; writers record it so the add-in can recognise, and regenerate, its own sheets. */
export type SheetKind = "summary" | "plan" | "ranking" | "catalog" | "findings" | "template";

/**
 * Data validation on a block of cells: a custom rule written as an en-US Excel formula relative to the block's
 * top-left cell (as Excel's "Custom" validation is), e.g. =OR(AND(ISNUMBER(E8),E8>=0,E8<=C8),E8="Không áp dụng").
 */
export interface SpecValidation {
  /** A1 range, e.g. "E8:E8" or "E8:F12". */
  range: string;
  formula: string;
  /** Error alert shown when the rule is broken (title and message, in the sheet's language). */
  errorTitle: string;
  errorMessage: string;
  /** Input prompt shown when the cell is selected (optional). */
  prompt?: string;
}

export interface SheetSpec {
  /** Worksheet name (at most 31 characters, none of : \ / ? * [ ]). */
  name: string;
  kind: SheetKind;
  /** Rows from A1; a null cell is left empty. */
  rows: (SpecCell | null)[][];
  /** Column widths in characters, from column A. */
  columnWidths: number[];
  /** Rows (and columns) kept in view when scrolling: the header. */
  freeze?: { rows: number; columns?: number };
  /** Merged ranges, e.g. "A1:H1" for a title. */
  merges?: string[];
  /** 0-based index of the table's header row (for an autofilter). */
  headerRow?: number;
  chart?: ChartIntent;
  /** Data validation rules (the template's score cells). */
  validations?: SpecValidation[];
}

/** How a generated sheet prints: A4, fitted to one page wide, the frozen header repeated on every page. */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Rows repeated at the top of each page ("1:5"), or null. */
  titleRows: string | null;
}

/** The print setup both writers apply: landscape when the columns are wider than a portrait A4 page. */
export function printSetup(spec: SheetSpec): PrintSetup {
  const totalWidth = spec.columnWidths.reduce((a, w) => a + (Number.isFinite(w) && w > 0 ? w : 9), 0);
  return {
    orientation: totalWidth > 110 ? "landscape" : "portrait",
    titleRows: spec.freeze && spec.freeze.rows > 0 ? `1:${spec.freeze.rows}` : null,
  };
}

const FORBIDDEN = /[:\\/?*[\]]/g;

/** A valid, unique worksheet name: forbidden characters replaced, at most 31 characters, " (2)" etc. on clashes. */
export function safeSheetName(wanted: string, taken: Iterable<string>): string {
  const base = wanted.replace(FORBIDDEN, "-").replace(/^'+|'+$/g, "").trim().slice(0, 31) || "Sheet";
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const suffix = ` (${i})`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(name.toLowerCase())) return name;
  }
}

/** True when writing this text as-is could make a spreadsheet treat it as a formula. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@\t\r]/.test(text);
}
