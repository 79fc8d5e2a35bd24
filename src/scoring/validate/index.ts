import { Catalog } from "../catalog";
import { parseA1 } from "../grid";
import { Lang } from "../i18n/messages";
import { prepareUnit } from "../sheet/numbering";
import { UnitSheet } from "../sheet/types";
import { makeContext } from "./context";
import { checkEvidence } from "./evidence";
import { checkRows } from "./rows";
import { checkScored, checkScores } from "./scores";
import { checkStructure } from "./structure";
import { checkUncalculated } from "./uncalculated";
import { Finding, FINDING_KINDS } from "./types";
import { EvidenceMatch, WorkbookEvidence } from "../evidence/files";

export * from "./types";

export interface ValidateOptions {
  lang?: Lang;
  /** The workbook's sheets (links, appendix sheets) and, with --evidence, the documents to check citations against. */
  evidence?: WorkbookEvidence;
}

/**
 * Validates a unit's sheet against a catalogue. Pure: reads the UnitSheet, changes nothing. Findings come in sheet
 * order (row, then column), then by kind. Throws ParError when the sheet has no column to score from
 * (requireScoreColumn); a sheet with nothing scored yet gets an "unscored" error, never a clean bill.
 */
export function validateUnit(unit: UnitSheet, catalog: Catalog, options: ValidateOptions = {}): Finding[] {
  return validateWithEvidence(unit, catalog, options).findings;
}

/**
 * validateUnit, with the account of the evidence check: per criterion, which file matched which citation (empty
 * without evidence documents).
 */
export function validateWithEvidence(unit: UnitSheet, catalog: Catalog, options: ValidateOptions = {}): { findings: Finding[]; matches: EvidenceMatch[] } {
  const ctx = makeContext(prepareUnit(unit, catalog), catalog, options.lang ?? "vi");
  ctx.evidence = options.evidence;
  ctx.matches = [];
  const findings = [...checkStructure(ctx), ...checkScores(ctx), ...checkRows(ctx), ...checkEvidence(ctx), ...checkScored(ctx), ...checkUncalculated(ctx)];
  const position = (f: Finding) => parseA1(f.cell) ?? { row: Number.MAX_SAFE_INTEGER, col: 0 };
  const sorted = findings
    .map((f, i) => ({ f, i, p: position(f) }))
    .sort((a, b) => a.p.row - b.p.row || a.p.col - b.p.col || FINDING_KINDS.indexOf(a.f.kind) - FINDING_KINDS.indexOf(b.f.kind) || a.i - b.i)
    .map(({ f }) => f);
  return { findings: sorted, matches: ctx.matches };
}

/** Counts by severity. */
export function countFindings(findings: Finding[]): { errors: number; warnings: number } {
  const errors = findings.filter((f) => f.severity === "error").length;
  return { errors, warnings: findings.length - errors };
}
export * from "./flags";
export * from "./groups";
