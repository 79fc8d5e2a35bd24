import { CellValue } from "../values";
import { RowEntry } from "./ledger";

/** The columns the reader recognises in a unit's self-assessment sheet. */
export type ColumnRole = "code" | "name" | "max" | "value" | "self" | "appraised" | "survey" | "evidence" | "notes";

/** A column of the header as read: its text (the rows of a multi-row header joined with " / ") and its role. */
export interface HeaderColumn {
  col: number;
  text: string;
  /** A1 address of the column's cell in the header's first row. */
  cell: string;
  role: ColumnRole | null;
}

/** Where the header is and which 0-based column plays which role. */
export interface HeaderMap {
  /** 0-based index of the header's first row (a group header "Tự đánh giá" merged over sub-headers). */
  top: number;
  /** 0-based index of the header's last row: criterion rows start below it. */
  row: number;
  columns: Partial<Record<ColumnRole, number>>;
  /** Every column with header text, recognised or not (named in messages when a column is missing). */
  found: HeaderColumn[];
  /** A row numbering the columns under the header ("(1) (2) (3)…"), not a criterion row. */
  numberingRow?: number;
}

/**
 * How the sheet numbers its criteria: "literal" (codes as written: 1, 1.3, 1.3.1, also I.1.1), or "relative"
 * (fields in Roman numerals, criteria numbered within their field and sub-criteria within their criterion:
 * I, 1, 2, 2.1 or a, b… standing for 1, 1.1, 1.2, 1.2.1).
 */
export type Numbering = "literal" | "relative";

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
  survey: UnitCell | null;
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
  /** How the codes in `rows` were read. */
  numbering: Numbering;
  /**
   * The rows under the other numbering, when the sheet can be read both ways (it has Roman numerals or letters
   * in its code column): the one that matches the catalogue better is chosen by resolveNumbering.
   */
  alternative?: { numbering: Numbering; rows: UnitRow[] };
  /** Every non-empty row of the sheet's table and title, as read (see ledger.ts). */
  ledger?: RowEntry[];
  /** The assessment year the sheet states ("… NĂM 2018" in its title), or null. */
  year?: number | null;
}
