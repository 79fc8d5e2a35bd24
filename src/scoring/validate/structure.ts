import { a1 } from "../grid";
import { catalogNodes, nodePart } from "../catalog";
import { UnitRow } from "../sheet/types";
import { ancestorIn } from "../sheet/scores";
import { CheckContext, finding, label } from "./context";
import { Finding } from "./types";

/** missing-criterion, unknown-criterion, duplicate-criterion. */
export function checkStructure(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  for (const row of ctx.unit.rows) {
    if (!ctx.nodes.has(row.code)) {
      out.push(finding(ctx, "unknown-criterion", "error", row.code, row.codeCell.cell, "unknown-criterion", { catalog: ctx.catalog.id }));
      continue;
    }
    // ctx.rows holds the first row of each code.
    const first: UnitRow | undefined = ctx.rows.get(row.code);
    if (first !== row) out.push(finding(ctx, "duplicate-criterion", "error", row.code, row.codeCell.cell, "duplicate-criterion", { first: first!.codeCell.cell }));
  }

  // A missing row is pointed at the code cell just below the nearest earlier criterion that is present.
  // Survey criteria are not self-scored (their rows may be left out); the rows under a field or criterion marked
  // "Không áp dụng" may be left out too; a missing bonus or penalty row scores nothing: only a warning.
  const codeCol = ctx.unit.header.columns.code!;
  const exempt = new Set([...ctx.notApplicable.self, ...ctx.notApplicable.appraised]);
  // A bonus or penalty line without a code ("Điểm thưởng") stands for its section's heading row too.
  const named = new Set(ctx.unit.rows.filter((r) => r.codeSource === "section-name").map((r) => r.code.split(".")[0]));
  let anchorRow = ctx.unit.header.row;
  for (const node of catalogNodes(ctx.catalog)) {
    const row = ctx.rows.get(node.code);
    if (row) {
      anchorRow = row.row;
      continue;
    }
    const part = nodePart(ctx.catalog, node.code);
    if (part.survey || ancestorIn(node.code, exempt) || (node.children.length > 0 && named.has(node.code))) continue;
    const leaf = node.children.length === 0 && part.kind === "base";
    const level = Math.min(3, node.code.split(".").length) as 1 | 2 | 3;
    out.push(
      finding(ctx, "missing-criterion", leaf ? "error" : "warning", node.code, a1(anchorRow + 1, codeCol), "missing-criterion", {
        name: node.name,
        level: label(ctx, `level.${level}`),
      }),
    );
  }
  return out;
}
