/** Findings grouped for the task pane: by field, then by kind, with counts; missing evidence first. Pure. */
import { Catalog } from "../catalog";
import { Lang } from "../i18n/messages";
import { Finding, FindingKind, Severity } from "./types";

export interface KindGroup {
  kind: FindingKind;
  /** Label of the kind in the language asked for ("Thiếu tài liệu kiểm chứng"). */
  label: string;
  /** Worst severity in the group. */
  severity: Severity;
  findings: Finding[];
}

export interface FieldGroup {
  /** Field code ("1"), or null for findings not about one criterion. */
  field: string | null;
  /** "1. Công tác chỉ đạo, điều hành CCHC", or "Chung"/"General" for the null field. */
  label: string;
  count: number;
  kinds: KindGroup[];
}

/**
 * Groups by field (the code's first segment; catalogue order, unknown fields after, the null field last), then
 * kind (missing-evidence first, then the other errors, then warnings, each in FINDING_KINDS order).
 */
export declare function groupFindings(findings: Finding[], catalog: Catalog, lang?: Lang): FieldGroup[];
