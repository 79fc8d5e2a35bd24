import { CellValue } from "../values";

/** The columns the reader recognises in a unit's self-assessment sheet. */
export type ColumnRole = "code" | "name" | "max" | "value" | "self" | "appraised" | "evidence" | "notes";

/** Where the header row is and which 0-based column plays which role. */
export interface HeaderMap {
  /** 0-based index of the header row. */
  row: number;
  columns: Partial<Record<ColumnRole, number>>;
}

/** One cell of a unit row: its value as read, and its A1 address. */
export interface UnitCell {
  value: CellValue;
  cell: string;
}

/** One criterion row of a unit's sheet (rows without a readable code are not criterion rows). */
export interface UnitRow {
  /** 0-based row index in the grid. */
  row: number;
  /** Normalised criterion code ("1.1.1"). */
  code: string;
  /** The code cell as typed (for messages: "I.1.1", "1.1."). */
  codeCell: UnitCell;
  name: UnitCell | null;
  max: UnitCell | null;
  value: UnitCell | null;
  self: UnitCell | null;
  appraised: UnitCell | null;
  evidence: UnitCell | null;
  notes: UnitCell | null;
}

/** A unit's self-assessment sheet, read: who, where the header is, and its criterion rows in sheet order. */
export interface UnitSheet {
  sheet: string;
  /** The unit's name ("Sở Tư pháp"), from a title cell such as "Đơn vị: Sở Tư pháp", else the file name. */
  unit: string;
  header: HeaderMap;
  rows: UnitRow[];
  /** The catalogue the sheet names in a title cell ("Bộ tiêu chí: dien-bien-2018"), or null. */
  catalogRef: string | null;
}
