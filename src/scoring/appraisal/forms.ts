import { CatalogNode, LeafScore } from "../catalog";
import { a1, cellAt, Grid, gridWidth } from "../grid";
import { readScoreCell } from "../sheet/scores";
import { CellValue, fold } from "../values";

/**
 * The council's forms (phiếu thẩm định) as rows of values: what the CLI writes to a workbook and reads back.
 *
 * Round 1: one form per agency, one row per unit and criterion of that agency; the agency fills "Điểm thẩm định"
 * and "Lý do". Round 2: one form per unit whose appraised scores differ from its own, one row per changed
 * criterion; the unit writes its explanation, the council the final score and its reason.
 */

export type Round = 1 | 2;

export const ROUND1_HEADERS = [
  "Đơn vị",
  "Mã",
  "Tiêu chí",
  "Điểm tối đa",
  "Điểm tự chấm",
  "Tài liệu kiểm chứng",
  "Giải trình",
  "Điểm thẩm định",
  "Lý do",
] as const;

export const ROUND2_HEADERS = [
  "Đơn vị",
  "Mã",
  "Tiêu chí",
  "Điểm tối đa",
  "Điểm tự chấm",
  "Điểm thẩm định",
  "Lý do thẩm định",
  "Giải trình của đơn vị",
  "Điểm cuối cùng",
  "Lý do (vòng 2)",
] as const;

/** The columns merge writes in a unit's copy (the reader reads "Điểm thẩm định" and "Điểm cuối cùng" as scores). */
export const COPY_COLUMNS = {
  appraised: "Điểm thẩm định",
  reason: "Lý do thẩm định",
  explanation: "Giải trình của đơn vị",
  final: "Điểm cuối cùng",
  reason2: "Lý do (vòng 2)",
} as const;

/** The label above a round-1 form's header naming its agency, and above a round-2 form's naming its unit. */
export const AGENCY_LABEL = "Cơ quan thẩm định";
export const UNIT_LABEL = "Đơn vị được thẩm định";

export interface FormLayout {
  round: Round;
  headers: readonly string[];
  /** 0-based columns: the unit, the code, the maximum, the score filled in, its reason; the unit's explanation (round 2). */
  unit: number;
  code: number;
  max: number;
  score: number;
  reason: number;
  explanation: number | null;
  /** The first column the person filling the form may edit (the rest of the sheet is protected). */
  editableFrom: number;
}

export function formLayout(round: Round): FormLayout {
  return round === 1
    ? { round, headers: ROUND1_HEADERS, unit: 0, code: 1, max: 3, score: 7, reason: 8, explanation: null, editableFrom: 7 }
    : { round, headers: ROUND2_HEADERS, unit: 0, code: 1, max: 3, score: 8, reason: 9, explanation: 7, editableFrom: 7 };
}

/** A score as a form shows it: points, "Không áp dụng", or blank. */
export function shownScore(score: LeafScore | undefined): number | string | null {
  if (score === undefined || score === null) return null;
  return score === "notApplicable" ? "Không áp dụng" : score;
}

const text = (v: CellValue | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  return s === "" ? null : s;
};

/** What a round-1 form needs of one unit: its name, its self scores, and its evidence and notes cells' text. */
export interface FormUnit {
  unit: string;
  self: ReadonlyMap<string, LeafScore>;
  evidence: ReadonlyMap<string, string | null>;
  notes: ReadonlyMap<string, string | null>;
}

/** Round 1: one row per unit and criterion (units in the order given, criteria in catalogue order). */
export function round1Rows(units: FormUnit[], criteria: CatalogNode[]): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const u of units) {
    for (const node of criteria) {
      rows.push([u.unit, node.code, node.name, node.max, shownScore(u.self.get(node.code)), u.evidence.get(node.code) ?? null, u.notes.get(node.code) ?? null, null, null]);
    }
  }
  return rows;
}

/** What a round-2 form needs of one merged unit: self and round-1 scores, round-1 reasons. */
export interface Round2Unit {
  unit: string;
  self: ReadonlyMap<string, LeafScore>;
  appraised: ReadonlyMap<string, LeafScore>;
  reasons: ReadonlyMap<string, string | null>;
}

/** Whether two leaf scores differ (points compared to the hundredth of a point the index uses). */
export function scoresDiffer(a: LeafScore | undefined, b: LeafScore | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (typeof x === "number" && typeof y === "number") return Math.abs(x - y) > 0.005;
  return x !== y;
}

/** The criteria whose round-1 score differs from the unit's own, in catalogue order. */
export function changedCriteria(unit: Round2Unit, criteria: CatalogNode[]): CatalogNode[] {
  return criteria.filter((n) => unit.appraised.has(n.code) && unit.appraised.get(n.code) !== null && scoresDiffer(unit.self.get(n.code), unit.appraised.get(n.code)));
}

/** Round 2: one row per changed criterion of the unit. */
export function round2Rows(unit: Round2Unit, changed: CatalogNode[]): CellValue[][] {
  return changed.map((node) => [
    unit.unit,
    node.code,
    node.name,
    node.max,
    shownScore(unit.self.get(node.code)),
    shownScore(unit.appraised.get(node.code)),
    unit.reasons.get(node.code) ?? null,
    null,
    null,
    null,
  ]);
}

/* ---------------------------------------------------------------------------------------------------------------
 * Reading a filled form
 * ------------------------------------------------------------------------------------------------------------- */

/** One row of a filled form, as read. */
export interface FormEntry {
  /** The form's file name (as messages name it) and sheet. */
  form: string;
  sheet: string;
  /** 1-based row number. */
  row: number;
  unit: string;
  unitCell: string;
  /** The code as typed (normalised: "1.1." → "1.1"). */
  code: string;
  codeCell: string;
  /** The score filled in: points, not applicable, null (blank) or "invalid" (text that is no number). */
  score: LeafScore | "invalid";
  /** The score cell as typed (for messages). */
  text: string;
  scoreCell: string;
  reason: string | null;
  /** Round 2: the unit's explanation. */
  explanation: string | null;
  /** The agency the form belongs to (round 1), from its "Cơ quan thẩm định:" label, or null. */
  agency: string | null;
}

export interface ReadForm {
  round: Round;
  agency: string | null;
  entries: FormEntry[];
}

const HEADER_ROWS = 10;
const key = (v: CellValue): string => (typeof v === "string" ? fold(v).replace(/[\s:*.]+$/, "").trim() : "");

/**
 * Reads a filled form of `round`; null when the sheet is not one (its header is not found in the first 10 rows).
 * The columns are found by their header texts, in any order (a clerk may move them); numbers typed as text
 * ("0,5") are read as numbers, a blank score stays blank (never 0).
 */
export function readFormGrid(grid: Grid, form: string, round: Round): ReadForm | null {
  const layout = formLayout(round);
  const wanted = layout.headers.map((h) => key(h));
  const width = gridWidth(grid);
  for (let r = 0; r < Math.min(HEADER_ROWS, grid.values.length); r++) {
    const cols = new Map<string, number>();
    for (let c = 0; c < width; c++) {
      const k = key(cellAt(grid, r, c));
      if (k && !cols.has(k)) cols.set(k, c);
    }
    const at = (i: number) => cols.get(wanted[i]);
    if (at(layout.unit) === undefined || at(layout.code) === undefined || at(layout.score) === undefined) continue;
    // A round-2 form (it has "Điểm cuối cùng") is never read as a round-1 form, though it shows "Điểm thẩm định" too.
    if (round === 1 && cols.has(key(COPY_COLUMNS.final))) continue;
    const agency = labelAbove(grid, r, AGENCY_LABEL);
    const entries: FormEntry[] = [];
    const unitCol = at(layout.unit)!;
    const codeCol = at(layout.code)!;
    const scoreCol = at(layout.score)!;
    const reasonCol = at(layout.reason);
    const maxCol = at(layout.max);
    const explanationCol = layout.explanation === null ? undefined : at(layout.explanation);
    for (let row = r + 1; row < grid.values.length; row++) {
      const unit = text(cellAt(grid, row, unitCol));
      const codeValue = cellAt(grid, row, codeCol);
      const code = text(codeValue)?.replace(/\s+/g, "").replace(/\.+$/, "") ?? null;
      const scoreValue = cellAt(grid, row, scoreCol);
      const reason = reasonCol === undefined ? null : text(cellAt(grid, row, reasonCol));
      if (unit === null && code === null && text(scoreValue) === null && reason === null) continue;
      const max = maxCol === undefined ? null : cellAt(grid, row, maxCol);
      const score = readScoreCell({ value: scoreValue, cell: a1(row, scoreCol) }, typeof max === "number" ? max : null);
      entries.push({
        form,
        sheet: grid.name,
        row: row + 1,
        unit: unit ?? "",
        unitCell: a1(row, unitCol),
        code: code ?? "",
        codeCell: a1(row, codeCol),
        score,
        text: text(scoreValue) ?? "",
        scoreCell: a1(row, scoreCol),
        reason,
        explanation: explanationCol === undefined ? null : text(cellAt(grid, row, explanationCol)),
        agency,
      });
    }
    return { round, agency, entries };
  }
  return null;
}

/**
 * Whether a sheet is one of the council's forms (its header row holds every column of a round-1 or round-2 form):
 * a form lists many units, so it is never read as one unit's self-assessment.
 */
export function isAppraisalForm(grid: Grid): boolean {
  const width = gridWidth(grid);
  for (let r = 0; r < Math.min(HEADER_ROWS, grid.values.length); r++) {
    const texts = new Set<string>();
    for (let c = 0; c < width; c++) texts.add(key(cellAt(grid, r, c)));
    if ([ROUND1_HEADERS, ROUND2_HEADERS].some((headers) => headers.every((h) => texts.has(key(h))))) return true;
  }
  return false;
}

/** The text after "<label>:" in a cell above the header row, or null. */
export function labelAbove(grid: Grid, headerRow: number, label: string): string | null {
  const wantedLabel = fold(label);
  for (let r = 0; r < headerRow; r++) {
    for (let c = 0; c < gridWidth(grid); c++) {
      const v = cellAt(grid, r, c);
      if (typeof v !== "string") continue;
      const m = /^([^:\n]{1,60}):\s*([\s\S]*\S)\s*$/.exec(v.trim());
      if (m && fold(m[1]).trim() === wantedLabel) return m[2];
    }
  }
  return null;
}

/** The 0-based column whose header (in rows top..row) reads `header`, or null. */
export function columnNamed(grid: Grid, top: number, row: number, header: string): number | null {
  const wantedKey = key(header);
  for (let r = top; r <= row; r++) {
    for (let c = 0; c < gridWidth(grid); c++) if (key(cellAt(grid, r, c)) === wantedKey) return c;
  }
  return null;
}
