/**
 * Formulas the file holds without their results (formula-uncalculated): a workbook saved by a tool that never
 * calculated (a script, a converter) has the formula's text but no value, so the cell reads as blank. A score
 * that is such a formula would count as unscored in silence: each cell is named, with its column and criterion,
 * and what to do (recalculate and save). PAR Scorer's own formulas (PAR.SCORE…) are left to the add-in messages
 * (score-computed.addin, unscored-criterion.addin), which say the same cell has no computed value.
 */
import { columnLetters, parseA1 } from "../grid";
import { CheckContext, finding, label } from "./context";
import { Finding } from "./types";

export function checkUncalculated(ctx: CheckContext): Finding[] {
  const cells = ctx.unit.uncalculated;
  if (!cells || cells.length === 0) return [];
  const codeByRow = new Map<number, string>();
  for (const row of ctx.unit.rows) codeByRow.set(row.row, row.code);
  for (const other of ctx.unit.others ?? []) if (other.code && !codeByRow.has(other.row)) codeByRow.set(other.row, other.code);
  const out: Finding[] = [];
  for (const { cell, formula } of cells) {
    if (/\bPAR\.[A-Z]/i.test(formula)) continue;
    const at = parseA1(cell);
    if (!at) continue;
    const column = ctx.unit.header.found.find((c) => c.col === at.col)?.text || columnLetters(at.col);
    const code = at.row > ctx.unit.header.row ? (codeByRow.get(at.row) ?? null) : null;
    const where = code
      ? label(ctx, "formula-uncalculated.criterion", { column, code })
      : label(ctx, "formula-uncalculated.row", { column, row: at.row + 1 });
    out.push(finding(ctx, "formula-uncalculated", "error", code, cell, "formula-uncalculated", { where, formula: formula || "—" }));
  }
  return out;
}
