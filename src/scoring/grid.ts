import { CellValue } from "./values";

/** A rectangle of cells, 0-based and inclusive: a merged area A3:B4 is { top: 2, left: 0, bottom: 3, right: 1 }. */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * One worksheet as the core sees it, whichever host read it (Office.js or an .xlsx file): cell values by
 * 0-based row and column from A1, and the formulas where there are any. Rows may be ragged, and sparse: a row
 * without data may be a hole (undefined), so memory follows the cells that hold data, not the sheet's size.
 * Always read cells through cellAt / formulaAt.
 */
export interface Grid {
  /** The worksheet's name, as shown on its tab. */
  name: string;
  values: CellValue[][];
  /** Formula text ("=SUM(D5:D8)") where a cell holds a formula; absent or null elsewhere. */
  formulas?: (string | null)[][];
  /**
   * Merged areas, when the host could tell them (a merged cell's value is in its top-left cell only, the other
   * cells read as blank). Absent: unknown (an older Excel); [] : none.
   */
  merges?: CellRect[];
  /**
   * Hyperlink targets of cells that have one ("https://…", "tai-lieu/kh-15.pdf", "#'Phụ lục'!A1"), by 0-based row
   * and column; absent when the host did not read them. A cell's value stays what it shows.
   */
  links?: (string | null)[][];
  /**
   * A1 addresses of cells that hold a formula but no calculated value: the file was saved by a tool that never
   * calculated it (a script, a converter), so the cell reads as blank though it is not. Only a file reader sets
   * this (Excel, through Office.js, always has the values); validation names each such cell (formula-uncalculated).
   */
  uncalculated?: string[];
}

const letters: string[] = [];

/** Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(col: number): string {
  return (letters[col] ??= computeLetters(col));
}

function computeLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based row and column. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Addresses made by cellAddress, by column then row: the same few thousand cells are read in every unit's sheet. */
const addresses: string[][] = [];
/** Rows whose addresses are kept (a sheet's table is a few hundred rows; the largest catalogues ten thousand). */
const KEPT_ROWS = 20_000;
const KEPT_COLUMNS = 64;

/**
 * a1(row, col), the string made once per cell position and reused (criterion rows read a dozen addresses each:
 * making them anew for every sheet was a tenth of reading a large one).
 */
export function cellAddress(row: number, col: number): string {
  if (row >= KEPT_ROWS || col >= KEPT_COLUMNS) return a1(row, col);
  let column = addresses[col];
  if (column === undefined) addresses[col] = column = [];
  let address = column[row];
  if (address === undefined) column[row] = address = columnLetters(col) + String(row + 1);
  return address;
}

/** 0-based row and column of an A1 address ("$B$7" too); null when it is not one. */
export function parseA1(address: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!m) return null;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function cellAt(grid: Grid, row: number, col: number): CellValue {
  return grid.values[row]?.[col] ?? null;
}

export function formulaAt(grid: Grid, row: number, col: number): string | null {
  return grid.formulas?.[row]?.[col] ?? null;
}

/** Number of columns of the widest row. */
export function gridWidth(grid: Grid): number {
  return grid.values.reduce((w, row) => Math.max(w, row.length), 0);
}
