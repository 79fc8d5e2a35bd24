/**
 * Accounting for every row: numbers on rows that are not criteria (row-not-understood), criteria left unscored
 * (unscored-criterion) or scored from their result (score-computed), bands chosen twice, totals that disagree.
 */
import { CatalogNode, leaves, LeafScore, nodePart, rollUp } from "../catalog";
import { a1, parseA1 } from "../grid";
import { ancestorIn, finalGaps, hasScores, leafScores, parFormulaText, readLeaf } from "../sheet/scores";
import { OtherRow, UnitCell, UnitRow } from "../sheet/types";
import { CellValue, formatInput, formatNumber, isNotApplicableText, parseLiteral, readInput, round2 } from "../values";
import { CheckContext, finding, label, pts } from "./context";
import { Finding } from "./types";

const SCORE_COLUMNS = ["self", "appraised", "final", "survey"] as const;
const EPS = 0.005;

/** A number typed in a cell (a figure, or text that reads as one: "1", "0,5", "-1", "85%"). */
function numberIn(value: CellValue): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  try {
    return parseLiteral(value)?.value ?? null;
  } catch {
    return null;
  }
}

function shown(value: CellValue): string {
  return typeof value === "number" ? String(value).replace(".", ",") : String(value ?? "");
}

const rowNumber = (other: OtherRow) => other.row + 1;

/** The first score cell of a row that holds a number. */
function scoredCell(other: OtherRow): { cell: UnitCell; column: (typeof SCORE_COLUMNS)[number]; value: number } | null {
  for (const column of SCORE_COLUMNS) {
    const cell = other.cells[column];
    const value = cell ? numberIn(cell.value) : null;
    if (cell && value !== null) return { cell, column, value };
  }
  return null;
}

function sectionReason(ctx: CheckContext, other: OtherRow): string {
  const kind = other.section === "both" ? (other.kind === "penalty" ? "penalty" : "bonus") : other.kind;
  const part = label(ctx, kind === "penalty" ? "part.penalty" : "part.bonus");
  if (other.code) return label(ctx, "part.reason.taken", { code: other.code });
  const candidates = ctx.catalog.nodes.filter((n) => n.kind === kind).flatMap((n) => (n.children.length ? leaves({ ...ctx.catalog, nodes: [n] }) : [n]));
  return candidates.length === 0
    ? label(ctx, "part.reason.none")
    : label(ctx, "part.reason.several", { part, codes: candidates.map((n) => n.code).join(", ") });
}

/** Each non-criterion row holding a number in a score column that nothing accounts for. */
function checkOthers(ctx: CheckContext, out: Finding[]): void {
  for (const other of ctx.unit.others ?? []) {
    const scored = scoredCell(other);
    if (!scored) continue;
    const base = { row: rowNumber(other), text: other.text || "—", value: shown(scored.cell.value), column: label(ctx, `column.${scored.column}`) };
    if (other.kind === "not-understood" || other.kind === "text") {
      out.push(finding(ctx, "row-not-understood", "error", null, scored.cell.cell, "row-not-understood", base));
    } else if (other.kind === "band" && !other.code) {
      out.push(finding(ctx, "row-not-understood", "error", null, scored.cell.cell, "row-not-understood.bandOrphan", base));
    } else if (other.kind === "bonus" || other.kind === "penalty") {
      const kind = other.section === "both" ? (scored.value < 0 ? "penalty" : "bonus") : other.kind;
      out.push(
        finding(ctx, "row-not-understood", "error", other.code ?? null, scored.cell.cell, "row-not-understood.section", {
          ...base,
          part: label(ctx, kind === "penalty" ? "part.penalty" : "part.bonus"),
          catalog: ctx.catalog.name,
          reason: sectionReason(ctx, other),
        }),
      );
    }
  }
}

/** Two bands chosen for one criterion. */
function checkConflicts(ctx: CheckContext, out: Finding[]): void {
  for (const conflict of ctx.unit.conflicts ?? []) {
    out.push(
      finding(ctx, "score-invalid", "error", conflict.code, conflict.cells[0], "score-invalid.bands", {
        count: conflict.cells.length,
        column: label(ctx, `column.${conflict.column}`),
        cells: conflict.cells.join(", "),
      }),
    );
  }
}

/** The field a total row closes: the field of the criterion above it, when criteria follow it (a subtotal). */
function totalScope(ctx: CheckContext, other: OtherRow): string | null {
  const above = ctx.unit.rows.filter((r) => r.row < other.row).pop();
  const below = ctx.unit.rows.some((r) => r.row > other.row);
  return above && below ? above.code.split(".")[0] : null;
}

/** The sum of the sheet's own rows for `nodes` in a column (a penalty section subtracts); null when one is unreadable. */
function sheetSum(ctx: CheckContext, nodes: CatalogNode[], column: "self" | "appraised" | "final" | "max"): number | null {
  let sum = 0;
  for (const node of nodes) {
    const kind = nodePart(ctx.catalog, node.code).kind;
    // A maximum is the main part's: bonus and penalty sections are caps outside it.
    if (column === "max" && kind !== "base") continue;
    const cell = ctx.rows.get(node.code)?.[column] ?? null;
    if (!cell || cell.value === null || cell.value === undefined || cell.value === "") return null;
    if (typeof cell.value === "string" && isNotApplicableText(cell.value)) continue;
    const value = numberIn(cell.value);
    if (value === null) return null;
    sum += kind === "penalty" ? -Math.abs(value) : value;
  }
  return round2(sum);
}

/**
 * Total and subtotal rows against what they sum: the sheet's own field rows (a grand total) or the criteria rows of
 * the field they close (a subtotal); where those rows are not all readable, against the points PAR Scorer computes.
 * The index never reads a total row.
 */
function checkTotals(ctx: CheckContext, out: Finding[]): void {
  const totals = (ctx.unit.others ?? []).filter((o) => o.kind === "total");
  if (totals.length === 0) return;
  const rolls = new Map<string, ReturnType<typeof rollUp>>();
  const roll = (column: "self" | "appraised" | "final") => {
    let r = rolls.get(column);
    if (!r) rolls.set(column, (r = rollUp(ctx.catalog, leafScores(ctx.unit, ctx.catalog, column))));
    return r;
  };
  for (const other of totals) {
    const field = totalScope(ctx, other);
    const scopeNode = field ? ctx.nodes.get(field) : undefined;
    for (const column of ["self", "appraised", "final", "max"] as const) {
      const cell = other.cells[column];
      const value = cell ? numberIn(cell.value) : null;
      if (!cell || value === null) continue;
      if (column !== "self" && column !== "max" && ctx.unit.header.columns[column] === undefined) continue;
      const own = sheetSum(ctx, scopeNode ? scopeNode.children : ctx.catalog.nodes, column);
      let expected = own;
      // The grand total as the unit may add it up: capped at 0..max as the index is, or not.
      let uncapped: number | null = null;
      if (expected === null) {
        const r = roll(column === "max" ? "self" : column);
        const node = field ? r.fields.find((f) => f.code === field) : null;
        expected = column === "max" ? (node ? node.max : r.total.max) : node ? node.total : r.total.total;
        if (column !== "max" && !node) uncapped = round2(r.total.achieved + r.total.survey + r.total.bonus - r.total.penalty);
      }
      if (expected === null || expected === undefined || Math.abs(value - expected) <= EPS) continue;
      if (uncapped !== null && Math.abs(value - uncapped) <= EPS) continue;
      out.push(
        finding(ctx, "sum-mismatch", "error", field, cell.cell, "sum-mismatch.total", {
          text: other.text,
          column: label(ctx, `column.${column}`),
          value: pts(ctx, value),
          scope: field ? label(ctx, "scope.field", { code: field }) : label(ctx, "scope.total"),
          sum: pts(ctx, expected),
        }),
      );
    }
  }
}

function resultText(ctx: CheckContext, row: UnitRow): string {
  try {
    return formatInput(readInput(row.value!.value), "plain", ctx.lang);
  } catch {
    return String(row.value?.value ?? "");
  }
}

function shownText(ctx: CheckContext, cell: UnitCell | null): string {
  const v = cell?.value;
  return typeof v === "string" && v.trim() ? label(ctx, "shown.error", { error: v.trim() }) : label(ctx, "shown.empty");
}

const filledValue = (row: UnitRow) => {
  const v = row.value?.value;
  return v !== null && v !== undefined && !(typeof v === "string" && v.trim() === "");
};

/**
 * Leaves present on the sheet with nothing to score them (unscored-criterion, counted 0), and leaves whose score was
 * computed from the result by the rule (score-computed). Only for a sheet with some score: a fresh template is
 * "unscored" as a whole. Survey, bonus and penalty leaves, and leaves under "Không áp dụng", are not the unit's to score.
 */
function checkUnscored(ctx: CheckContext, out: Finding[]): void {
  if (!hasScores(ctx.unit)) return;
  const byRules = ctx.unit.header.columns.self === undefined;
  const exempt = new Set([...ctx.notApplicable.self]);
  for (const node of leaves(ctx.catalog)) {
    const row = ctx.rows.get(node.code);
    if (!row) continue;
    const part = nodePart(ctx.catalog, node.code);
    if (part.survey || part.kind !== "base" || ancestorIn(node.code, exempt)) continue;
    if (byRules) {
      if (!filledValue(row)) out.push(finding(ctx, "unscored-criterion", "error", node.code, row.value?.cell ?? row.codeCell.cell, "unscored-criterion", {}));
      continue;
    }
    const cell = row.self?.cell ?? a1(row.row, ctx.unit.header.columns.self!);
    const reading = readLeaf(node, row, "self");
    if (reading.how === "computed") {
      const score: LeafScore = reading.score;
      if (score === "notApplicable" && typeof row.value?.value === "string" && isNotApplicableText(row.value.value)) continue;
      out.push(
        finding(ctx, "score-computed", "warning", node.code, cell, reading.addin ? "score-computed.addin" : "score-computed", {
          rule: node.rule ?? "",
          result: resultText(ctx, row),
          valueCell: row.value!.cell,
          points: score === "notApplicable" ? "Không áp dụng" : formatNumber(score ?? 0, ctx.lang),
          formula: parFormulaText(row.self),
          shown: shownText(ctx, row.self),
        }),
      );
      continue;
    }
    if (reading.how !== "blank") continue;
    if (reading.addin) {
      out.push(finding(ctx, "unscored-criterion", "error", node.code, cell, "unscored-criterion.addin", { formula: parFormulaText(row.self), shown: shownText(ctx, row.self) }));
    } else if (filledValue(row)) {
      // A result the rule cannot score is reported at the result (score-invalid); without a rule, here.
      if (!node.rule) out.push(finding(ctx, "unscored-criterion", "error", node.code, cell, "unscored-criterion.noRule", { result: resultText(ctx, row), valueCell: row.value!.cell }));
    } else {
      out.push(finding(ctx, "unscored-criterion", "error", node.code, cell, "unscored-criterion", {}));
    }
  }
}

/**
 * A final-score column ("Điểm cuối cùng", round 2) that scores some criteria but not all: the others count at their
 * round-1 appraised score (else the self score) in the official index; one warning at the column's header names them.
 */
function checkFinalGaps(ctx: CheckContext, out: Finding[]): void {
  const gaps = finalGaps(ctx.unit, ctx.catalog, ctx.rows);
  if (gaps.length === 0) return;
  const col = ctx.unit.header.columns.final!;
  const column = ctx.unit.header.found.find((h) => h.col === col)?.text ?? label(ctx, "column.final");
  const codes = gaps.length > 20 ? `${gaps.slice(0, 20).join(", ")}, …` : gaps.join(", ");
  out.push(finding(ctx, "unscored-criterion", "warning", null, a1(ctx.unit.header.row, col), "unscored-criterion.final", { column, count: gaps.length, codes }));
}

/** row-not-understood, unscored-criterion, score-computed; bands chosen twice; totals; final scores missing. */
export function checkRows(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  checkOthers(ctx, out);
  checkConflicts(ctx, out);
  checkTotals(ctx, out);
  checkUnscored(ctx, out);
  checkFinalGaps(ctx, out);
  return out.filter((f) => parseA1(f.cell) !== null);
}
