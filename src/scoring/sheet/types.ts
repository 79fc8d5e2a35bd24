import { CellValue } from "../values";
import { CodeSource, RowEntry } from "./ledger";
import { SectionWord } from "./row-kinds";

/** The columns the reader recognises in a unit's self-assessment sheet. */
export type ColumnRole =
  | "code"
  | "name"
  | "max"
  | "value"
  | "self"
  | "appraised"
  | "final"
  | "survey"
  | "evidence"
  | "notes"
  | "appraisalReason"
  | "explanation"
  | "finalReason";

/**
 * The appraisal council's text columns (par appraise merge writes them): the reason for the round-1 appraised score
 * ("Lý do thẩm định"), the unit's explanation ("Giải trình của đơn vị") and the reason for the final score ("Lý do
 * (vòng 2)"). Read per criterion, never as scores.
 */
export type AppraisalTextRole = "appraisalReason" | "explanation" | "finalReason";
export const APPRAISAL_TEXT_ROLES: readonly AppraisalTextRole[] = ["appraisalReason", "explanation", "finalReason"];

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
  /** The cell's formula ("=PAR.SCORE(D7;\"1.1.1\")"), where it holds one. */
  formula?: string;
}

/** One criterion row of a unit's sheet (rows without a readable code are not criterion rows). */
export interface UnitRow {
  /** 0-based row index in the grid. */
  row: number;
  /** Normalised criterion code ("1.1.1"). */
  code: string;
  /** The code cell as typed (for messages: "I.1.1", "1.1."); for a code read from the name, the name cell. */
  codeCell: UnitCell;
  /** Where the code was read (absent: the code column). */
  codeSource?: CodeSource;
  name: UnitCell | null;
  max: UnitCell | null;
  value: UnitCell | null;
  self: UnitCell | null;
  appraised: UnitCell | null;
  survey: UnitCell | null;
  evidence: UnitCell | null;
  notes: UnitCell | null;
  /**
   * The council's final score after the unit's explanation (round 2: "Điểm cuối cùng"); absent or null when the
   * sheet has no such column.
   */
  final?: UnitCell | null;
  /** Round 1's reason ("Lý do thẩm định"), the unit's explanation ("Giải trình của đơn vị"), round 2's reason. */
  appraisalReason?: UnitCell | null;
  explanation?: UnitCell | null;
  finalReason?: UnitCell | null;
}

/** The columns a number can be typed in: the score columns, the maximum and the result. */
export type FigureRole = "max" | "value" | "self" | "appraised" | "final" | "survey";

/** How a row without a criterion code was read (see ledger.ts RowReadAs). */
export type OtherRowKind = "band" | "total" | "bonus" | "penalty" | "text" | "not-understood";

/** A non-empty row of the table that is not a criterion row: kept, so that nothing is dropped in silence. */
export interface OtherRow {
  row: number;
  kind: OtherRowKind;
  /** The row's first text (code or name column, else any text cell). */
  text: string;
  /** A band row: the points its text states ("…: 1 điểm"). */
  points: number | null;
  /** A bonus or penalty row: what its words say ("Điểm cộng/ Điểm trừ" is both). */
  section?: SectionWord;
  /** The row's cells in the columns that hold figures, where they hold something. */
  cells: Partial<Record<FigureRole, UnitCell>>;
  /** The row's first non-empty cell (for findings). */
  cell: string;
  /** The row's evidence and notes cells (a bonus or penalty line placed as its criterion keeps them). */
  evidence: UnitCell | null;
  notes: UnitCell | null;
  /** A band row: its criterion's code; a bonus or penalty line: the catalogue criterion it names, when one does. */
  code?: string;
  /** A band row: the score columns in which it was chosen. */
  chosen?: ("self" | "appraised" | "final")[];
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
  /** The table's non-empty rows that are not criterion rows (bands, totals, bonus/penalty lines, notes…). */
  others?: OtherRow[];
  /**
   * Set when the code column is a running counter (1, 2, 3 … n) and no code could be read from the names either:
   * the header's cell and the cells where codes were looked for (prepareUnit refuses the sheet, naming them).
   */
  codeless?: { header: string; looked: string[] };
  /** Criteria with two bands chosen in one column (set by prepareUnit; validation reports them). */
  conflicts?: { code: string; column: "self" | "appraised" | "final"; cells: string[] }[];
  /** The catalogue the rows were prepared for (prepareUnit): a unit is prepared once per catalogue. */
  preparedFor?: object;
  /** Every non-empty row of the sheet's table and title, as read (see ledger.ts). */
  ledger?: RowEntry[];
  /**
   * Cells of the sheet that hold a formula with no calculated value (Grid.uncalculated), with the formula: each is
   * named by validation (formula-uncalculated), never read as a blank in silence.
   */
  uncalculated?: { cell: string; formula: string }[];
  /** The assessment year the sheet states ("… NĂM 2018" in its title), or null. */
  year?: number | null;
}
