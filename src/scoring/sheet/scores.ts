import { Catalog, catalogNodes, CatalogNode, LeafScore, leaves, nodePart } from "../catalog";
import { score } from "../rules";
import { isNotApplicableText, readInput, readMax } from "../values";
import { UnitCell, UnitRow, UnitSheet } from "./types";

/** A score column: the unit's own, the council's round 1 ("Điểm thẩm định"), the council's final (round 2). */
export type ScoreColumn = "self" | "appraised" | "final";

/** Survey points given apart from the sheet (par aggregate --survey): criterion code → points or not applicable. */
export type SurveyScores = ReadonlyMap<string, LeafScore>;

/** The first row of each code (duplicates are reported by validation, not used twice). */
export function rowsByCode(unit: UnitSheet): Map<string, UnitRow> {
  const map = new Map<string, UnitRow>();
  for (const row of unit.rows) if (!map.has(row.code)) map.set(row.code, row);
  return map;
}

function sheetMax(row: UnitRow | undefined): number | null {
  try {
    return row?.max ? readMax(row.max.value) : null;
  } catch {
    return null;
  }
}

/** Whether some leaf of the catalogue has no maximum (known once per catalogue). */
const lacksMaxima = new WeakMap<Catalog, boolean>();

function hasLeafWithoutMax(catalog: Catalog): boolean {
  let lacks = lacksMaxima.get(catalog);
  if (lacks === undefined) lacksMaxima.set(catalog, (lacks = catalogNodes(catalog).some((n) => n.children.length === 0 && n.max === null)));
  return lacks;
}

/**
 * The catalogue as validation checks this unit against: a leaf the catalogue gives no maximum (a names-only
 * catalogue) takes the maximum the unit's sheet states for it, so scores above it and sums are still checked. Only
 * for checks: the index never uses a sheet's maxima (unitRollups). The catalogue itself is not changed.
 */
export function unitCatalog(catalog: Catalog, unit: UnitSheet, rows: ReadonlyMap<string, UnitRow> = rowsByCode(unit)): Catalog {
  if (!hasLeafWithoutMax(catalog)) return catalog;
  let changed = false;
  const adapt = (node: CatalogNode): CatalogNode => {
    if (node.children.length > 0) {
      const children = node.children.map(adapt);
      return children.every((c, i) => c === node.children[i]) ? node : { ...node, children };
    }
    if (node.max !== null) return node;
    const max = sheetMax(rows.get(node.code));
    if (max === null) return node;
    changed = true;
    return { ...node, max };
  };
  const nodes = catalog.nodes.map(adapt);
  return changed ? { ...catalog, nodes } : catalog;
}

/** "1.500" / "1,500": a number with one separator before exactly three digits reads as 1,5 or as 1500. */
const TWO_WAYS = /^\s*(\d{1,3})[.,](\d{3})\s*$/;

export function twoWayReadings(value: unknown): { small: number; large: number } | null {
  if (typeof value !== "string") return null;
  const m = TWO_WAYS.exec(value);
  if (!m) return null;
  return { small: Number(`${m[1]}.${m[2]}`), large: Number(`${m[1]}${m[2]}`) };
}

/** A percentage typed where points belong ("85%"): never read as 0,85 points. */
export function isPercentText(value: unknown): boolean {
  return typeof value === "string" && /^\s*[+\-−]?\s*\d+(?:[.,]\d+)?\s*%\s*$/.test(value);
}

/**
 * A score cell as a leaf score: points, not applicable, blank (null), or "invalid" (text, not a number; a
 * percentage; a figure that reads two ways, "1.500", unless exactly one reading fits `max`).
 */
export function readScoreCell(cell: UnitCell | null, max: number | null = null): LeafScore | "invalid" {
  if (!cell) return null;
  const value = cell.value;
  // Numbers and blanks, the usual cells, read as readInput would read them.
  if (typeof value === "number") return Number.isFinite(value) ? value : "invalid";
  if (value === null || value === undefined) return null;
  if (isPercentText(value)) return "invalid";
  const two = twoWayReadings(value);
  if (two) {
    if (max === null) return two.small;
    const small = two.small <= max + 0.005;
    const large = two.large <= max + 0.005;
    return small !== large ? (small ? two.small : two.large) : "invalid";
  }
  try {
    const input = readInput(cell.value);
    if (input.kind === "blank") return null;
    if (input.kind === "notApplicable") return "notApplicable";
    if (input.kind === "number" && !input.date) return input.value;
    return "invalid";
  } catch {
    return "invalid";
  }
}

const EXCEL_ERROR = /^#(?:NAME\?|VALUE!|N\/A|REF!|DIV\/0!|NUM!|NULL!|CALC!|SPILL!|BUSY!|GETTING_DATA)$/;

/**
 * A cell holding one of PAR Scorer's own functions (=PAR.SCORE…; LibreOffice may keep it as _xludf.PAR.SCORE), or a
 * formula showing #NAME? whose text the file lost (an .xls saved by LibreOffice keeps an unknown function as "=#N/A"):
 * in a score column, a function the program did not know.
 */
export function isParFormula(cell: UnitCell | null): boolean {
  if (!cell?.formula) return false;
  return /\bPAR\.[A-Z]/i.test(cell.formula) || (typeof cell.value === "string" && cell.value.trim() === "#NAME?" && !/[A-Z]{2,}\(/i.test(cell.formula));
}

/** The formula as a message names it: its own text, or PAR Scorer's when the file lost it. */
export function parFormulaText(cell: UnitCell | null): string {
  return cell?.formula && /\bPAR\.[A-Z]/i.test(cell.formula) ? cell.formula : "=PAR.SCORE(…)";
}

/** The tool's own formula, shown without its result: an error (#NAME? without the add-in) or no cached value. */
export function parFormulaUnevaluated(cell: UnitCell | null): boolean {
  if (!isParFormula(cell)) return false;
  const v = cell!.value;
  return v === null || v === undefined || (typeof v === "string" && (v.trim() === "" || EXCEL_ERROR.test(v.trim())));
}

/**
 * How a leaf's score in one column was arrived at, once, for the index and for validation alike:
 * - "typed": the cell's own points (or not applicable; "invalid" when unreadable);
 * - "computed": the cell is blank (or holds PAR Scorer's formula without its result) and the row has a result the
 *   catalogue's rule scores;
 * - "blank": nothing to score from (no points, no result, or a result without a rule).
 */
export type LeafReading =
  | { how: "typed"; score: LeafScore | "invalid" }
  | { how: "computed"; score: LeafScore; addin: boolean }
  | { how: "blank"; addin: boolean };

export function readLeaf(node: CatalogNode, row: UnitRow, column: ScoreColumn): LeafReading {
  const cell = row[column] ?? null;
  const addin = parFormulaUnevaluated(cell);
  const typed = addin ? null : readScoreCell(cell, node.max);
  if (typed !== null) return { how: "typed", score: typed };
  // Only the unit's own score is computed from its result; an appraisal left blank is not done yet.
  if (column === "self") {
    const computed = ruleScore(node, row);
    if (computed !== null) return { how: "computed", score: computed, addin };
  }
  return { how: "blank", addin };
}

/** A penalty typed negative (−1, as many units type it) is a penalty of 1. */
export function penaltyPoints(score: LeafScore): LeafScore {
  return typeof score === "number" && score < 0 ? -score : score;
}

/**
 * What the rule gives for the row's value (null when there is no rule, no value, or the value is unreadable):
 * used for score-mismatch and, when the sheet has no self-score column, as the self score.
 */
export function ruleScore(node: CatalogNode, row: UnitRow): LeafScore | null {
  if (!node.rule || !row.value) return null;
  try {
    const r = score(node.rule, row.value.value, node.max);
    return r.kind === "points" ? r.points : r.kind === "notApplicable" ? "notApplicable" : null;
  } catch {
    return null;
  }
}

/** The fields and criteria (nodes with children) of a catalogue, in catalogue order, listed once per catalogue. */
const parentLists = new WeakMap<Catalog, readonly CatalogNode[]>();

function parentNodes(catalog: Catalog): readonly CatalogNode[] {
  let list = parentLists.get(catalog);
  if (!list) parentLists.set(catalog, (list = catalogNodes(catalog).filter((n) => n.children.length > 0)));
  return list;
}

const isNa = (cell: UnitCell | null | undefined) => typeof cell?.value === "string" && isNotApplicableText(cell.value);

/**
 * Codes of the field and criterion rows marked "Không áp dụng" in `column` or in the result column: the whole
 * subtree is then not applicable (a unit without administrative procedures skips field 3 at once).
 */
export function notApplicableParents(
  unit: UnitSheet,
  catalog: Catalog,
  column: ScoreColumn | "survey",
  rows: ReadonlyMap<string, UnitRow> = rowsByCode(unit),
): Set<string> {
  const codes = new Set<string>();
  for (const node of parentNodes(catalog)) {
    const row = rows.get(node.code);
    if (row && (isNa(row[column]) || isNa(row.value))) codes.add(node.code);
  }
  return codes;
}

/** The nearest ancestor of `code` in `parents` (a not-applicable field or criterion), or null. */
export function ancestorIn(code: string, parents: ReadonlySet<string>): string | null {
  if (parents.size === 0) return null;
  for (let i = code.lastIndexOf("."); i > 0; i = code.lastIndexOf(".", i - 1)) {
    const parent = code.slice(0, i);
    if (parents.has(parent)) return parent;
  }
  return null;
}

/**
 * Leaf scores of one column for roll-up. Unreadable cells count as unscored (validation reports them). A sheet
 * without a self-score column is scored by the catalogue's rules from its value column. Survey leaves take their
 * points from `survey` when given, else from the sheet's survey column (never from the self or appraised column).
 * A leaf under a field or criterion marked "Không áp dụng" is not applicable.
 */
export function leafScores(unit: UnitSheet, catalog: Catalog, column: ScoreColumn, survey?: SurveyScores): Map<string, LeafScore> {
  const rows = rowsByCode(unit);
  const scores = new Map<string, LeafScore>();
  const fromRules = column === "self" && unit.header.columns.self === undefined;
  const naParents = notApplicableParents(unit, catalog, column, rows);
  const naSurveyParents = new Set([...naParents, ...notApplicableParents(unit, catalog, "survey", rows)]);
  for (const node of leaves(catalog)) {
    const isSurvey = nodePart(catalog, node.code).survey;
    if (ancestorIn(node.code, isSurvey ? naSurveyParents : naParents)) {
      scores.set(node.code, "notApplicable");
      continue;
    }
    const row = rows.get(node.code);
    if (isSurvey) {
      if (survey?.has(node.code)) scores.set(node.code, survey.get(node.code) ?? null);
      else if (row) {
        const value = readScoreCell(row.survey);
        scores.set(node.code, value === "invalid" ? null : value);
      }
      continue;
    }
    if (!row) continue;
    if (fromRules) {
      scores.set(node.code, ruleScore(node, row));
      continue;
    }
    const reading = readLeaf(node, row, column);
    const value = reading.how === "blank" || reading.score === "invalid" ? null : reading.score;
    scores.set(node.code, nodePart(catalog, node.code).kind === "penalty" ? penaltyPoints(value) : value);
  }
  return scores;
}

const filled = (cell: UnitCell | null | undefined) =>
  cell !== null && cell !== undefined && cell.value !== null && cell.value !== undefined && !(typeof cell.value === "string" && cell.value.trim() === "");

/**
 * Whether any criterion row has a self or appraised score, or (a sheet scored by the rules) a result: a fresh
 * template has none.
 */
export function hasScores(unit: UnitSheet): boolean {
  const byRules = unit.header.columns.self === undefined;
  return unit.rows.some((r) => filled(r.self) || filled(r.appraised) || filled(r.final ?? null) || (byRules && filled(r.value)));
}

/** Whether the sheet carries the council's final scores (round 2): a final column with something in it. */
export function hasFinal(unit: UnitSheet): boolean {
  return unit.header.columns.final !== undefined && unit.rows.some((r) => filled(r.final));
}

/**
 * The leaves of a sheet with final scores whose final cell is blank while the unit or round 1 scored them (survey
 * leaves and leaves under "Không áp dụng" in the final column aside): they count at round 1, else self (see
 * finalLeafScores). Empty when the sheet has no final score at all.
 */
export function finalGaps(unit: UnitSheet, catalog: Catalog, rows: ReadonlyMap<string, UnitRow> = rowsByCode(unit)): string[] {
  if (!hasFinal(unit)) return [];
  const na = notApplicableParents(unit, catalog, "final", rows);
  const gaps: string[] = [];
  for (const node of leaves(catalog)) {
    if (nodePart(catalog, node.code).survey || ancestorIn(node.code, na)) continue;
    const row = rows.get(node.code);
    if (!row || filled(row.final)) continue;
    if (filled(row.self) || filled(row.appraised) || filled(row.value)) gaps.push(node.code);
  }
  return gaps;
}

/**
 * Leaf scores of the official figures after a second round: the final score where the council gave one; where the
 * final cell is blank, the round-1 appraised score, else the self score (a final cell typed but unreadable stays
 * unscored: validation reports it). Survey leaves as leafScores reads them.
 */
export function finalLeafScores(unit: UnitSheet, catalog: Catalog, survey?: SurveyScores): Map<string, LeafScore> {
  const scores = leafScores(unit, catalog, "final", survey);
  const rows = rowsByCode(unit);
  let round1: Map<string, LeafScore> | undefined;
  let self: Map<string, LeafScore> | undefined;
  for (const [code, score] of scores) {
    if (score !== null || filled(rows.get(code)?.final)) continue;
    round1 ??= leafScores(unit, catalog, "appraised", survey);
    const appraised = round1.get(code) ?? null;
    scores.set(code, appraised !== null ? appraised : ((self ??= leafScores(unit, catalog, "self", survey)).get(code) ?? null));
  }
  return scores;
}
