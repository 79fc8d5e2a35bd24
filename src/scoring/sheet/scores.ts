import { Catalog, catalogNodes, CatalogNode, LeafScore, leaves, nodePart } from "../catalog";
import { score } from "../rules";
import { isNotApplicableText, readInput, readMax } from "../values";
import { UnitCell, UnitRow, UnitSheet } from "./types";

export type ScoreColumn = "self" | "appraised";

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

/** A score cell as a leaf score: points, not applicable, blank (null), or "invalid" (text, not a number). */
export function readScoreCell(cell: UnitCell | null): LeafScore | "invalid" {
  if (!cell) return null;
  const value = cell.value;
  // Numbers and blanks, the usual cells, read as readInput would read them.
  if (typeof value === "number") return Number.isFinite(value) ? value : "invalid";
  if (value === null || value === undefined) return null;
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

const isNa = (cell: UnitCell | null) => typeof cell?.value === "string" && isNotApplicableText(cell.value);

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
  for (const node of catalogNodes(catalog)) {
    if (node.children.length === 0) continue;
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
    const value = readScoreCell(row[column]);
    scores.set(node.code, value === "invalid" ? null : value);
  }
  return scores;
}

const filled = (cell: UnitCell | null) =>
  cell !== null && cell.value !== null && cell.value !== undefined && !(typeof cell.value === "string" && cell.value.trim() === "");

/**
 * Whether any criterion row has a self or appraised score, or (a sheet scored by the rules) a result: a fresh
 * template has none.
 */
export function hasScores(unit: UnitSheet): boolean {
  const byRules = unit.header.columns.self === undefined;
  return unit.rows.some((r) => filled(r.self) || filled(r.appraised) || (byRules && filled(r.value)));
}
