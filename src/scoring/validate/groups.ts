/** Findings grouped for the task pane: by field, then by kind, with counts; missing evidence first. Pure. */
import { Catalog } from "../catalog";
import { Lang, t } from "../i18n/messages";
import { findingKindLabel } from "../report/sheets";
import { Finding, FINDING_KINDS, FindingKind, Severity } from "./types";

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

function fieldOf(code: string | null): string | null {
  if (code === null) return null;
  const field = code.split(".")[0].trim();
  return field === "" ? null : field;
}

function kindRank(group: KindGroup): number {
  if (group.kind === "missing-evidence") return 0;
  return group.severity === "error" ? 1 : 2;
}

function kindGroups(findings: Finding[], lang: Lang): KindGroup[] {
  const byKind = new Map<FindingKind, Finding[]>();
  for (const f of findings) {
    const list = byKind.get(f.kind);
    if (list) list.push(f);
    else byKind.set(f.kind, [f]);
  }
  const groups: KindGroup[] = [...byKind].map(([kind, list]) => ({
    kind,
    label: findingKindLabel(kind, lang),
    severity: list.some((f) => f.severity === "error") ? "error" : "warning",
    findings: list,
  }));
  const order = (k: FindingKind) => {
    const i = FINDING_KINDS.indexOf(k);
    return i < 0 ? FINDING_KINDS.length : i;
  };
  return groups.sort((a, b) => kindRank(a) - kindRank(b) || order(a.kind) - order(b.kind));
}

/** Catalogue fields in order, then unknown fields by number (then text), then the null field. */
function compareFields(catalogOrder: Map<string, number>): (a: string | null, b: string | null) => number {
  const rank = (f: string | null) => (f === null ? 2 : catalogOrder.has(f) ? 0 : 1);
  return (a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra - rb;
    if (ra === 0) return catalogOrder.get(a!)! - catalogOrder.get(b!)!;
    if (ra === 1) return Number(a) - Number(b) || (a! < b! ? -1 : a! > b! ? 1 : 0);
    return 0;
  };
}

/**
 * Groups by field (the code's first segment; catalogue order, unknown fields after, the null field last), then
 * kind (missing-evidence first, then the other errors, then warnings, each in FINDING_KINDS order).
 */
export function groupFindings(findings: Finding[], catalog: Catalog, lang: Lang = "vi"): FieldGroup[] {
  const catalogOrder = new Map(catalog.nodes.map((n, i) => [n.code, i]));
  const byField = new Map<string | null, Finding[]>();
  for (const f of findings) {
    const field = fieldOf(f.code);
    const list = byField.get(field);
    if (list) list.push(f);
    else byField.set(field, [f]);
  }
  return [...byField.keys()].sort(compareFields(catalogOrder)).map((field) => {
    const list = byField.get(field)!;
    const node = field === null ? undefined : catalog.nodes.find((n) => n.code === field);
    const label =
      field === null ? t("group.general", {}, lang) : node ? `${node.code}. ${node.name}` : t("group.field", { field }, lang);
    return { field, label, count: list.length, kinds: kindGroups(list, lang) };
  });
}
