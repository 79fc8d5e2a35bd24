import { Catalog, CatalogNode, getNode } from "./catalog";
import { ParError } from "./errors";
import { Lang } from "./i18n/messages";
import { explain, isChoiceRule, parseRuleCached, ruleLabels, score, ScoreResult } from "./rules";
import { CellValue, readInput, readMax, round2 } from "./values";

const CODE_RE = /^\s*\d+(\.\d+)*\.?\s*$/;

/** Rule text that is really a criterion code ("1.3.1", or the number 1.3 from a cell). */
export function isCriterionCode(ruleOrCode: CellValue): boolean {
  return typeof ruleOrCode === "number" ? Number.isFinite(ruleOrCode) : typeof ruleOrCode === "string" && CODE_RE.test(ruleOrCode);
}

export interface ResolvedRule {
  rule: string;
  max: number | null;
  node: CatalogNode | null;
}

/** A rule argument as given: rule text, or a code whose rule and max come from the catalogue. */
export function resolveRule(ruleOrCode: CellValue, maxArg: CellValue, catalog: Catalog): ResolvedRule {
  const max = readMax(maxArg);
  if (isCriterionCode(ruleOrCode)) {
    const node = getNode(catalog, ruleOrCode as string | number);
    if (!node.rule) throw new ParError("catalog.noRule", { code: node.code, catalog: catalog.id });
    return { rule: node.rule, max: max ?? node.max, node };
  }
  const rule = ruleOrCode == null ? "" : String(ruleOrCode);
  return { rule, max, node: null };
}

export function scoreCriterion(value: CellValue, ruleOrCode: CellValue, maxArg: CellValue, catalog: Catalog): ScoreResult {
  const { rule, max } = resolveRule(ruleOrCode, maxArg, catalog);
  return score(rule, value, max);
}

export function explainCriterion(value: CellValue, ruleOrCode: CellValue, catalog: Catalog, lang: Lang = "vi"): string {
  const { rule, max } = resolveRule(ruleOrCode, null, catalog);
  return explain(rule, value, max, lang);
}

/**
 * The named outcomes a choice rule allows, in its order (for a dropdown of the result cell). A rule that is not a
 * choice rule (it compares numbers, or mixes outcomes with numbers) is a ParError: a list would leave values out.
 */
export function criterionChoices(ruleOrCode: CellValue, catalog: Catalog): string[] {
  const { rule } = resolveRule(ruleOrCode, null, catalog);
  const parsed = parseRuleCached(rule);
  if (!isChoiceRule(parsed)) throw new ParError("rule.notChoice", { rule });
  return ruleLabels(parsed);
}

export interface IndexResult {
  achieved: number;
  applicableMax: number;
  /** achieved / applicable max × 100, rounded to 2 decimals. */
  index: number;
}

/**
 * The PAR index over paired scores and maxima. A "Không áp dụng" score removes its max from the denominator;
 * a pair with both cells blank is skipped; a blank score with a max counts as 0 achieved.
 */
export function computeIndex(scores: CellValue[], maxes: CellValue[]): IndexResult {
  if (scores.length !== maxes.length) throw new ParError("index.shape", { a: scores.length, b: maxes.length });
  let achieved = 0;
  let applicableMax = 0;
  scores.forEach((s, i) => {
    const input = readInput(s);
    const max = readMax(maxes[i]);
    if (input.kind === "notApplicable") return;
    if (input.kind === "blank" && max === null) return;
    if (input.kind === "boolean") throw new ParError("value.notNumber", { text: String(s) });
    achieved += input.kind === "number" ? input.value : 0;
    applicableMax += max ?? 0;
  });
  if (applicableMax <= 0) throw new ParError("index.noApplicable");
  return { achieved: round2(achieved), applicableMax: round2(applicableMax), index: round2((achieved / applicableMax) * 100) };
}
