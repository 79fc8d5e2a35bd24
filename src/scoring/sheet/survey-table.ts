/**
 * The survey table the Department of Home Affairs keeps (điều tra xã hội học): one row per unit, one column per
 * survey criterion, the points in the cells.
 *
 *   Đơn vị                     | 3.1  | 3.2
 *   UBND huyện Mường Chà       | 2,5  | 2,75
 *   UBND huyện Tuần Giáo       | 3    | Không áp dụng
 *
 * A unit is found by its name (case, diacritics and spaces aside; "UBND" / "Ủy ban nhân dân" in front ignored when
 * that leaves one match). Every cell that is not a number, blank or "Không áp dụng" is an error at its cell.
 */
import { Catalog, effectiveMax, findNode, LeafScore, nodePart } from "../catalog";
import type { SheetIssue } from "../catalog/sheet";
import { a1, cellAt, Grid, gridWidth } from "../grid";
import { Lang, t } from "../i18n/messages";
import { CellValue, fold, formatNumber, readInput } from "../values";
import { readCode } from "./codes";

const UNIT_HEADERS = ["don vi", "ten don vi", "co quan", "ten co quan", "unit"];

export interface SurveyRow {
  unit: string;
  /** A1 address of the unit's name cell. */
  cell: string;
  scores: Map<string, { score: LeafScore; cell: string }>;
}

export interface SurveyTable {
  sheet: string;
  rows: SurveyRow[];
  issues: SheetIssue[];
}

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** The header row: a unit column and at least one criterion-code column, within the first 30 rows. */
function findSurveyHeader(grid: Grid): { row: number; unitCol: number; codes: { col: number; code: string }[] } | null {
  const width = gridWidth(grid);
  for (let row = 0; row < Math.min(30, grid.values.length); row++) {
    let unitCol = -1;
    const codes: { col: number; code: string }[] = [];
    for (let col = 0; col < width; col++) {
      const v = cellAt(grid, row, col);
      if (typeof v === "string" && UNIT_HEADERS.includes(fold(v).replace(/[:.]+$/, ""))) {
        if (unitCol < 0) unitCol = col;
        continue;
      }
      const code = typeof v === "string" || typeof v === "number" ? readCode(v) : null;
      if (code) codes.push({ col, code });
    }
    if (unitCol >= 0 && codes.length > 0) return { row, unitCol, codes };
  }
  return null;
}

/** Whether a sheet is a survey table (a unit column and criterion-code columns). */
export function isSurveyTable(grid: Grid): boolean {
  return findSurveyHeader(grid) !== null;
}

/** Reads a survey table; cells that are not points are issues at their cells (the table is then not to be used). */
export function readSurveyTable(grid: Grid, lang: Lang = "vi"): SurveyTable {
  const issues: SheetIssue[] = [];
  const header = findSurveyHeader(grid);
  if (!header) {
    issues.push({ sheet: grid.name, cell: "A1", code: null, severity: "error", message: t("survey.noHeader", { sheet: grid.name }, lang) });
    return { sheet: grid.name, rows: [], issues };
  }
  const rows: SurveyRow[] = [];
  for (let row = header.row + 1; row < grid.values.length; row++) {
    const name = cellAt(grid, row, header.unitCol);
    if (isBlank(name)) continue;
    const scores = new Map<string, { score: LeafScore; cell: string }>();
    for (const { col, code } of header.codes) {
      const value = cellAt(grid, row, col);
      const cell = a1(row, col);
      let score: LeafScore | "invalid";
      try {
        const input = readInput(value);
        score = input.kind === "blank" ? null : input.kind === "notApplicable" ? "notApplicable" : input.kind === "number" && !input.date && !input.percent && input.value >= 0 ? input.value : "invalid";
      } catch {
        score = "invalid";
      }
      if (score === "invalid") {
        issues.push({ sheet: grid.name, cell, code, severity: "error", message: t("survey.badCell", { code, text: String(value), unit: String(name) }, lang) });
        continue;
      }
      if (score !== null) scores.set(code, { score, cell });
    }
    rows.push({ unit: String(name).trim(), cell: a1(row, header.unitCol), scores });
  }
  return { sheet: grid.name, rows, issues };
}

const withoutBody = (name: string) => fold(name).replace(/^(?:ubnd|uy ban nhan dan)\s+/, "");

/** The table's row of a unit: its name folded, else without "UBND" in front; null when none or several. */
export function surveyRowOf(table: SurveyTable, unit: string): SurveyRow | null {
  const exact = table.rows.filter((r) => fold(r.unit) === fold(unit));
  if (exact.length === 1) return exact[0];
  if (exact.length > 1) return null;
  const loose = table.rows.filter((r) => withoutBody(r.unit) === withoutBody(unit));
  return loose.length === 1 ? loose[0] : null;
}

/**
 * A unit's survey points for its catalogue: each column must be a survey criterion of the catalogue, each value at
 * most its maximum. Problems are messages naming the cell; the points are not used then.
 */
export function surveyScores(table: SurveyTable, row: SurveyRow, catalog: Catalog, lang: Lang = "vi"): { scores: Map<string, LeafScore>; problems: string[] } {
  const scores = new Map<string, LeafScore>();
  const problems: string[] = [];
  for (const [code, { score, cell }] of row.scores) {
    const node = findNode(catalog, code);
    const where = `${table.sheet}!${cell}`;
    if (!node || node.children.length > 0 || !nodePart(catalog, code).survey) {
      problems.push(t("survey.notSurveyCode", { code, cell: where, catalog: catalog.id }, lang));
      continue;
    }
    const max = effectiveMax(node);
    if (typeof score === "number" && max !== null && score > max + 1e-9) {
      problems.push(t("survey.overMax", { code, cell: where, value: formatNumber(score, lang), max: formatNumber(max, lang) }, lang));
      continue;
    }
    scores.set(code, score);
  }
  return { scores, problems };
}
