import { Catalog, CatalogNode, nodeIndex } from "../catalog";
import { EvidenceMatch, WorkbookEvidence } from "../evidence/files";
import { Lang } from "../i18n/messages";
import { UnitRow, UnitSheet } from "../sheet/types";
import { notApplicableParents, unitCatalog } from "../sheet/scores";
import { RowIndex } from "../sheet/row-index";
import { formatNumber } from "../values";
import { findingText, FindingMessageKey } from "./messages";
import { Finding, FindingKind, Severity } from "./types";

/** What every check needs: the unit, its catalogue (with the sheet's maxima where the catalogue has none), lookups. */
export interface CheckContext {
  unit: UnitSheet;
  catalog: Catalog;
  nodes: ReadonlyMap<string, CatalogNode>;
  rows: ReadonlyMap<string, UnitRow>;
  lang: Lang;
  /** Field and criterion rows marked "Không áp dụng", per score column (their subtrees do not apply). */
  notApplicable: Record<"self" | "appraised" | "final" | "survey", Set<string>>;
  /** The workbook's other sheets and the evidence files, when the host gave them (see WorkbookEvidence). */
  evidence?: WorkbookEvidence;
  /** Filled by the evidence check: which file matched which citation. */
  matches?: EvidenceMatch[];
}

export function makeContext(unit: UnitSheet, catalog: Catalog, lang: Lang): CheckContext {
  // As rowsByCode(unit), without a new Map of every code for every sheet.
  const rows = new RowIndex(unit, catalog);
  const adapted = unitCatalog(catalog, unit, rows);
  return {
    unit,
    catalog: adapted,
    nodes: nodeIndex(adapted),
    rows,
    lang,
    notApplicable: {
      self: notApplicableParents(unit, adapted, "self", rows),
      appraised: notApplicableParents(unit, adapted, "appraised", rows),
      final: notApplicableParents(unit, adapted, "final", rows),
      survey: notApplicableParents(unit, adapted, "survey", rows),
    },
  };
}

type Params = Record<string, string | number>;

export function finding(
  ctx: CheckContext,
  kind: FindingKind,
  severity: Severity,
  code: string | null,
  cell: string,
  key: FindingMessageKey,
  params: Params,
): Finding {
  return { kind, severity, code, sheet: ctx.unit.sheet, cell, message: findingText(key, { cell, code: code ?? "", ...params }, ctx.lang) };
}

export function label(ctx: CheckContext, key: FindingMessageKey, params: Params = {}): string {
  return findingText(key, params, ctx.lang);
}

/** Points as every output writes a figure (formatNumber): 0,50 in Vietnamese, 0.50 in English. */
export function pts(ctx: CheckContext, x: number): string {
  return formatNumber(x, ctx.lang);
}

export function isLeaf(node: CatalogNode): boolean {
  return node.children.length === 0;
}
