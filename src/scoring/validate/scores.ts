import { CatalogNode, effectiveMax, LeafScore, nodePart } from "../catalog";
import { ParError } from "../errors";
import { parseRuleCached, ruleScale, score, ScoreResult } from "../rules";
import { ancestorIn, hasScores, isPercentText, parFormulaUnevaluated, readScoreCell, twoWayReadings } from "../sheet/scores";
import { UnitCell, UnitRow } from "../sheet/types";
import { a1 } from "../grid";
import { CellValue, dateToSerial, formatDate, formatInput, formatNumber, readInput, readMax, round2 } from "../values";
import { CheckContext, finding, isLeaf, label, pts } from "./context";
import { Finding } from "./types";

const EPS = 0.005;
type ScoreColumnName = "self" | "appraised" | "final" | "survey";

/**
 * Whether any band of the rule can give negative points: written negative, or an expression that may be (a
 * deduction stops at 0, see Band.floorAtZero). No rule: none.
 */
function ruleAllowsNegative(rule: string | null): boolean {
  if (!rule) return false;
  try {
    return parseRuleCached(rule).bands.some(({ points: p, floorAtZero }) =>
      p.kind === "constant" ? p.value < 0 : p.kind === "linear" ? p.low < 0 || p.high < 0 : p.kind === "expression" && !floorAtZero,
    );
  } catch {
    return false;
  }
}

function maxOf(row: UnitRow): number | null | "invalid" {
  if (!row.max) return null;
  try {
    return readMax(row.max.value);
  } catch {
    return "invalid";
  }
}

/** A cell as the user sees it, for messages (a date as dd/mm/yyyy; an unreadable date as Excel's "#VALUE!"). */
function cellText(value: CellValue): string {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "#VALUE!" : formatDate(dateToSerial(value));
  return String(value ?? "");
}

/**
 * What the criterion's rule gives for the row's result, worked out at most once per leaf (the result check and the
 * self-score check both need it): the rule's result, or the error it threw; null without a rule or a result cell.
 */
type RuleOutcome = { result: ScoreResult } | { error: unknown } | null;

function ruleOutcome(node: CatalogNode, row: UnitRow): RuleOutcome {
  if (!node.rule || !row.value) return null;
  try {
    return { result: score(node.rule, row.value.value, node.max) };
  } catch (error) {
    return { error };
  }
}

/** As ruleScore (sheet/scores.ts) reads an outcome: points, not applicable, or null. */
function outcomeScore(outcome: RuleOutcome): LeafScore | null {
  if (outcome === null || !("result" in outcome)) return null;
  const r = outcome.result;
  return r.kind === "points" ? r.points : r.kind === "notApplicable" ? "notApplicable" : null;
}

/**
 * The row's rule outcome, worked out at most once per leaf (the value check and the self-score check both need it):
 * the last one is kept, as checks go leaf by leaf, rather than a closure made for every leaf.
 */
let outcomeRow: UnitRow | null = null;
let outcomeNode: CatalogNode | null = null;
let lastOutcome: RuleOutcome = null;

function outcomeOf(node: CatalogNode, row: UnitRow): RuleOutcome {
  if (outcomeRow !== row || outcomeNode !== node) {
    lastOutcome = ruleOutcome(node, row);
    outcomeRow = row;
    outcomeNode = node;
  }
  return lastOutcome;
}

function forgetOutcome(): void {
  outcomeRow = null;
  outcomeNode = null;
  lastOutcome = null;
}

function columnLabel(ctx: CheckContext, column: ScoreColumnName): string {
  return label(ctx, `column.${column}`);
}

function checkLeafColumn(ctx: CheckContext, node: CatalogNode, row: UnitRow, column: ScoreColumnName, survey: boolean, out: Finding[]): void {
  const cell = row[column] ?? null;
  if (parFormulaUnevaluated(cell)) return; // PAR Scorer's own formula without its result: see rows.ts
  let score = readScoreCell(cell, node.max);
  if (!cell || score === null || score === "notApplicable") return;
  // Survey criteria are scored by the survey only; anything else is not scored by a survey.
  if (survey !== (column === "survey")) {
    const key = survey ? "score-invalid.surveyOnly" : "score-invalid.notSurvey";
    out.push(finding(ctx, "score-invalid", "warning", node.code, cell.cell, key, { column: columnLabel(ctx, column), text: cellText(cell.value) }));
    return;
  }
  if (score === "invalid") {
    out.push(invalidScore(ctx, node, cell, columnLabel(ctx, column)));
    return;
  }
  const max = node.max;
  if (score < 0 && nodePart(ctx.catalog, node.code).kind === "penalty") {
    out.push(finding(ctx, "score-invalid", "warning", node.code, cell.cell, "score-invalid.penaltySign", { value: pts(ctx, score), points: pts(ctx, -score) }));
    score = -score;
  }
  if (score < 0 && !ruleAllowsNegative(node.rule)) {
    out.push(
      finding(ctx, "score-invalid", "error", node.code, cell.cell, "score-invalid.negative", {
        column: columnLabel(ctx, column),
        value: pts(ctx, score),
        max: max === null ? "?" : pts(ctx, max),
      }),
    );
    return;
  }
  if (max !== null && score > max + EPS) {
    out.push(
      finding(ctx, "score-over-max", "error", node.code, cell.cell, "score-over-max", { column: columnLabel(ctx, column), value: pts(ctx, score), max: pts(ctx, max) }),
    );
    return;
  }
  if (column === "self" && ctx.unit.header.columns.self !== undefined && !survey) {
    const expected = outcomeScore(outcomeOf(node, row));
    if (typeof expected === "number" && Math.abs(expected - score) > EPS) {
      let result = "";
      try {
        // A date that reached the core as a serial (the pane reads values, not formats) is written as the rule's date.
        const dated = ruleScale(parseRuleCached(node.rule!)) === "date";
        result = formatInput(readInput(row.value!.value), dated ? "date" : "plain", ctx.lang);
      } catch {
        result = cellText(row.value!.value);
      }
      out.push(
        finding(ctx, "score-mismatch", "warning", node.code, cell.cell, "score-mismatch.rule", {
          column: columnLabel(ctx, column),
          value: pts(ctx, score),
          rule: node.rule!,
          result,
          expected: pts(ctx, expected),
        }),
      );
    }
  }
}

/** An unreadable score: a percentage, a figure that reads two ways, or text. */
function invalidScore(ctx: CheckContext, node: CatalogNode, cell: UnitCell, column: string): Finding {
  const text = cellText(cell.value);
  if (isPercentText(cell.value)) {
    const asPoints = readInput(cell.value).kind === "number" ? (readInput(cell.value) as { value: number }).value : 0;
    const example = node.max !== null ? pts(ctx, round2(node.max * asPoints)) : pts(ctx, 0.5);
    return finding(ctx, "score-invalid", "error", node.code, cell.cell, "score-invalid.percent", { column, text: text.trim(), asPoints: pts(ctx, asPoints), example });
  }
  const two = twoWayReadings(cell.value);
  if (two && node.max !== null) {
    const both = two.large <= node.max + EPS;
    return finding(ctx, "score-invalid", "error", node.code, cell.cell, "score-invalid.twoWays", {
      column,
      text: text.trim(),
      small: pts(ctx, two.small),
      large: formatNumber(two.large, ctx.lang),
      why: label(ctx, both ? "twoWays.both" : "twoWays.neither"),
      max: pts(ctx, node.max),
    });
  }
  return finding(ctx, "score-invalid", "error", node.code, cell.cell, "score-invalid.text", { column, text });
}

function checkMax(ctx: CheckContext, node: CatalogNode, row: UnitRow, out: Finding[]): void {
  const max = maxOf(row);
  if (max === "invalid") {
    out.push(finding(ctx, "score-invalid", "error", node.code, row.max!.cell, "score-invalid.max", { text: cellText(row.max!.value) }));
    return;
  }
  // ctx.catalog took the sheet's maxima only where the catalogue had none, so a difference is with the catalogue's own.
  const stated = node.max;
  if (isLeaf(node) && max !== null && stated !== null && Math.abs(max - stated) > EPS) {
    out.push(
      finding(ctx, "score-mismatch", "warning", node.code, row.max!.cell, "score-mismatch.max", {
        value: pts(ctx, max),
        expected: pts(ctx, stated),
        catalog: ctx.catalog.id,
      }),
    );
  }
}

/** A child's contribution to its parent's cell: points (not applicable counts 0), or null when unknown. */
function contribution(cell: UnitCell | null | undefined, asMax: boolean): number | null {
  if (!cell) return null;
  if (asMax) {
    try {
      return readMax(cell.value);
    } catch {
      return null;
    }
  }
  const s: LeafScore | "invalid" = readScoreCell(cell);
  return s === "notApplicable" ? 0 : typeof s === "number" ? s : null;
}

const SUM_COLUMNS = ["max", "self", "appraised", "final", "survey"] as const;

function checkSums(ctx: CheckContext, node: CatalogNode, row: UnitRow, out: Finding[]): void {
  // A bonus or penalty section's cell may show its points capped at the section's max.
  const cap = nodePart(ctx.catalog, node.code).kind === "base" ? null : effectiveMax(node);
  for (const column of SUM_COLUMNS) {
    const parentCell = row[column];
    if (readScoreCell(parentCell ?? null) === "notApplicable") continue;
    const parent = contribution(parentCell, column === "max");
    if (parent === null) continue;
    let sum = 0;
    let known = true;
    for (const child of node.children) {
      const childRow = ctx.rows.get(child.code);
      const c = childRow ? contribution(childRow[column], column === "max") : null;
      if (c === null) {
        known = false;
        break;
      }
      sum += c;
    }
    const capped = cap !== null && Math.abs(Math.min(round2(sum), cap) - parent) <= EPS;
    if (known && Math.abs(round2(sum) - parent) > EPS && !capped) {
      out.push(
        finding(ctx, "sum-mismatch", "error", node.code, parentCell!.cell, "sum-mismatch", {
          column: label(ctx, `column.${column}`),
          value: pts(ctx, parent),
          sum: pts(ctx, round2(sum)),
        }),
      );
    }
  }
}

/**
 * A result the criterion's rule cannot score (an outcome that is not one of the rule's, text where a number
 * belongs): an error at the result cell with the rule's own message, never a score of 0.
 */
function checkValue(ctx: CheckContext, node: CatalogNode, row: UnitRow, out: Finding[]): void {
  const cell = row.value;
  if (!node.rule || !cell || cell.value === null || cell.value === undefined || (typeof cell.value === "string" && cell.value.trim() === "")) return;
  const o = outcomeOf(node, row);
  if (o === null || !("error" in o)) return;
  const e = o.error;
  if (!(e instanceof ParError)) throw e;
  out.push(finding(ctx, "score-invalid", "error", node.code, cell.cell, "score-invalid.value", { rule: node.rule, detail: e.text(ctx.lang) }));
}

const NA_COLUMNS = ["self", "appraised", "final", "survey"] as const;

/**
 * Points under a field or criterion marked "Không áp dụng" in the same column: which one is meant cannot be told, so
 * it is an error (the subtree counts as not applicable until it is resolved).
 */
function checkUnderNotApplicable(ctx: CheckContext, node: CatalogNode, row: UnitRow, out: Finding[]): boolean {
  let found = false;
  for (const column of NA_COLUMNS) {
    const parent = ancestorIn(node.code, ctx.notApplicable[column]);
    if (parent === null) continue;
    const cell = row[column] ?? null;
    const score = readScoreCell(cell);
    if (!cell || typeof score !== "number") continue;
    const parentRow = ctx.rows.get(parent);
    const parentCell = parentRow?.[column]?.value !== undefined && readScoreCell(parentRow[column]) === "notApplicable" ? parentRow[column]! : parentRow?.value;
    out.push(
      finding(ctx, "score-invalid", "error", node.code, cell.cell, "score-invalid.underNotApplicable", {
        column: label(ctx, `column.${column}`),
        value: pts(ctx, score),
        parent,
        parentCell: parentCell?.cell ?? "",
      }),
    );
    found = true;
  }
  return found;
}

/** score-invalid, score-over-max, score-mismatch, sum-mismatch. */
export function checkScores(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  forgetOutcome();
  // forEach rather than for…of: no [code, row] pair made for each of a large sheet's rows.
  ctx.rows.forEach((row, code) => {
    const node = ctx.nodes.get(code);
    if (!node) return;
    checkMax(ctx, node, row, out);
    if (isLeaf(node)) {
      if (checkUnderNotApplicable(ctx, node, row, out)) return;
      const survey = nodePart(ctx.catalog, node.code).survey;
      checkValue(ctx, node, row, out);
      checkLeafColumn(ctx, node, row, "self", survey, out);
      checkLeafColumn(ctx, node, row, "appraised", survey, out);
      checkLeafColumn(ctx, node, row, "final", survey, out);
      checkLeafColumn(ctx, node, row, "survey", survey, out);
    } else {
      checkSums(ctx, node, row, out);
    }
  });
  // Nothing of this sheet kept past its check.
  forgetOutcome();
  return out;
}

/** unscored: nothing scored on the whole sheet (a fresh template), pointed at the score column's header. */
export function checkScored(ctx: CheckContext): Finding[] {
  if (hasScores(ctx.unit)) return [];
  const { header } = ctx.unit;
  const role = header.columns.self !== undefined ? "self" : header.columns.appraised !== undefined ? "appraised" : "value";
  const col = header.columns[role] ?? header.columns.code!;
  const column = header.found.find((h) => h.col === col)?.text ?? label(ctx, role === "value" ? "column.self" : `column.${role}`);
  const cell = a1(header.row, col);
  return [finding(ctx, "unscored", "error", null, cell, "unscored", { sheet: ctx.unit.sheet, column: `"${column}"` })];
}
