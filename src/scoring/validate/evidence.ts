import { CatalogNode, nodePart } from "../catalog";
import { parseDeadline } from "../deadline";
import { dangerousScheme, matchesRequired } from "../evidence";
import { readScoreCell, ruleScore } from "../sheet/scores";
import { dangerousLink as dangerousLinkOf } from "../evidence/links";
import { UnitRow } from "../sheet/types";
import { formatDate, serialToDate } from "../values";
import { CheckContext, finding, isLeaf, pts } from "./context";
import { Finding } from "./types";
import { EvidenceSources, evidenceSources, rowEvidence } from "./evidence-sources";
import { checkAgainstFiles, checkLink } from "./evidence-files";

const EPS = 0.005;

/**
 * Deadlines read once per year and text (readDeadline depends on nothing else). Not by node: each validation works
 * on its own copy of the catalogue's nodes (the sheet's maxima filled in). By year, then by text: a key joining them
 * would be a new string to hash for every row. Emptied when it grows large.
 */
const deadlines = new Map<number | null, Map<string, number | null>>();
let deadlineCount = 0;

function deadlineOf(node: CatalogNode, year: number | null): number | null {
  const text = node.deadline;
  if (typeof text !== "string") return readDeadline(text, year);
  let ofYear = deadlines.get(year);
  if (ofYear === undefined) deadlines.set(year, (ofYear = new Map()));
  let deadline = ofYear.get(text);
  if (deadline === undefined) {
    deadline = readDeadline(text, year);
    if (deadlineCount >= 10_000) {
      deadlines.clear();
      deadlines.set(year, (ofYear = new Map()));
      deadlineCount = 0;
    }
    ofYear.set(text, deadline);
    deadlineCount++;
  }
  return deadline;
}

/**
 * A deadline without its year ("Trước ngày 15/1") belongs to the assessed year, except that January and February
 * dates are the next year's: the yearly reports of year N are due early in N+1.
 */
function readDeadline(text: string | null, year: number | null): number | null {
  if (!text || year === null || /\d{4}/.test(text)) return parseDeadline(text, year);
  const sameYear = parseDeadline(text, year);
  if (sameYear === null) return null;
  return serialToDate(sameYear).getUTCMonth() <= 1 ? parseDeadline(text, year + 1) : sameYear;
}

/** The leaf's self score as a number (not applicable and blank give null). */
function selfPoints(ctx: CheckContext, node: CatalogNode, row: UnitRow): number | null {
  const s = ctx.unit.header.columns.self === undefined ? ruleScore(node, row) : readScoreCell(row.self);
  return typeof s === "number" ? s : null;
}

function isBlankNote(row: UnitRow): boolean {
  const v = row.notes?.value;
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** missing-evidence, evidence-late, evidence-invalid, missing-explanation (for leaf criteria). */
export function checkEvidence(ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  const year = ctx.catalog.year;
  const sources = evidenceSources(ctx.unit, ctx.evidence);
  // forEach rather than for…of: no [code, row] pair made for each of a large sheet's rows.
  ctx.rows.forEach((row, code) => checkRowEvidence(ctx, sources, year, code, row, out));
  return out;
}

function checkRowEvidence(ctx: CheckContext, sources: EvidenceSources, year: number | null, code: string, row: UnitRow, out: Finding[]): void {
  const node = ctx.nodes.get(code);
  if (!node || !isLeaf(node)) return;
  // Survey criteria are not the unit's to prove; a deduction is not a claim; a bonus below its max needs no excuse.
  const part = nodePart(ctx.catalog, code);
  if (part.survey || part.kind === "penalty") return;
  const points = selfPoints(ctx, node, row);
  const found = rowEvidence(sources, ctx.unit, code, row);
  const docs = found.docs;
  const evidenceCell = row.evidence?.cell ?? row.codeCell.cell;
  let lacksEvidence = false;

  if (points !== null && points > 0) {
    if (docs.length === 0 && found.appendix) {
      lacksEvidence = true;
      out.push(
        finding(ctx, "missing-evidence", "error", code, evidenceCell, "missing-evidence.appendix", {
          value: pts(ctx, points),
          appendix: found.appendix.sheet,
          pointer: found.pointer ?? "",
        }),
      );
    } else if (docs.length === 0 && !(found.link && !dangerousLinkOf(found.link))) {
      lacksEvidence = true;
      out.push(finding(ctx, "missing-evidence", "error", code, evidenceCell, "missing-evidence.none", { value: pts(ctx, points) }));
    } else if (docs.length < node.evidence.length) {
      const missing = node.evidence.filter((e) => !matchesRequired(docs, e.name)).map((e) => e.name);
      if (missing.length > 0) {
        lacksEvidence = true;
        out.push(
          finding(ctx, "missing-evidence", "warning", code, evidenceCell, "missing-evidence.some", {
            count: docs.length,
            required: node.evidence.length,
            missing: missing.join("; "),
          }),
        );
      }
    }
  }

  for (const doc of docs) {
    if (doc.problem === "link-dangerous") {
      const scheme = dangerousScheme(doc.text) ?? "";
      out.push(finding(ctx, "evidence-invalid", "error", code, evidenceCell, "evidence-invalid.dangerous", { doc: doc.text, scheme }));
    } else if (doc.problem === "link-not-http") {
      out.push(finding(ctx, "evidence-invalid", "error", code, evidenceCell, "evidence-invalid.link", { doc: doc.text }));
    } else if (doc.problem === "reference-malformed") {
      out.push(finding(ctx, "evidence-invalid", "warning", code, evidenceCell, "evidence-invalid.reference", { doc: doc.text }));
    }
  }

  if (found.link) out.push(...checkLink(ctx, code, evidenceCell, row.evidence?.value, found.link));
  if (ctx.evidence?.documents) out.push(...checkAgainstFiles(ctx, code, evidenceCell, docs));

  const deadline = deadlineOf(node, year);
  if (deadline !== null) {
    for (const doc of docs) {
      if (doc.date !== null && doc.date > deadline) {
        out.push(
          finding(ctx, "evidence-late", "warning", code, evidenceCell, "evidence-late", {
            doc: doc.text,
            date: formatDate(doc.date),
            deadline: formatDate(deadline),
            deadlineText: node.deadline ?? "",
          }),
        );
      }
    }
  }

  const below = part.kind === "base" && points !== null && node.max !== null && points < node.max - EPS;
  if ((below || lacksEvidence) && isBlankNote(row)) {
    const cell = row.notes?.cell ?? row.codeCell.cell;
    const key = !row.notes ? "missing-explanation.noColumn" : lacksEvidence ? "missing-explanation.evidence" : "missing-explanation.below";
    out.push(finding(ctx, "missing-explanation", "warning", code, cell, key, { value: pts(ctx, points ?? 0), max: pts(ctx, node.max ?? 0) }));
  }
}
