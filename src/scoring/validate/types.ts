/** Stable identifiers of the defects validation reports (relied on by the CLI's JSON and the task pane). */
export const FINDING_KINDS = [
  "missing-criterion",
  "unknown-criterion",
  "duplicate-criterion",
  "score-invalid",
  "score-over-max",
  "score-mismatch",
  "sum-mismatch",
  "missing-evidence",
  "evidence-late",
  "evidence-invalid",
  "missing-explanation",
  "unscored",
  "row-not-understood",
  "unscored-criterion",
  "score-computed",
  "evidence-not-found",
  "evidence-mismatch",
  "evidence-out-of-period",
  "evidence-unreadable",
  "appraisal-conflict",
  "appraisal-no-reason",
  "appraisal-missing",
  "appraisal-unknown",
  "formula-uncalculated",
] as const;

export type FindingKind = (typeof FINDING_KINDS)[number];

export type Severity = "error" | "warning";

/** One defect: what, how bad, which criterion, where (sheet and A1 cell), and a message that says how to fix it. */
export interface Finding {
  kind: FindingKind;
  severity: Severity;
  /** Criterion code, or null when the finding is not about one criterion. */
  code: string | null;
  sheet: string;
  /** A1 address of the cell to look at. */
  cell: string;
  message: string;
}
