import { Lang } from "../i18n/messages";
import { CellValue } from "../values";
import { explainResult, readRuleInput, ScoreResult, scoreInput } from "./evaluate";
import { parseRuleCached } from "./parse";

export { parseRule, parseRuleCached, MAX_RULE_LENGTH } from "./parse";
export { scoreInput, explainResult, matches, readRuleInput, ruleLabels, isChoiceRule } from "./evaluate";
export { findWordedCondition, readWordedCondition, readWordedPoints, foldKeepingPositions } from "./wording";
export type { ScoreResult } from "./evaluate";
export { ruleScale, onRuleScale } from "./scale";
export type { RuleScale } from "./scale";
export type * from "./types";

/** Scores a cell value with rule text (parsed once and cached). Throws ParError for a bad rule or value. */
export function score(ruleText: string, value: CellValue, max: number | null = null): ScoreResult {
  const rule = parseRuleCached(ruleText);
  return scoreInput(rule, readRuleInput(rule, value), max);
}

/** Explains in words how a value is scored by a rule. */
export function explain(ruleText: string, value: CellValue, max: number | null = null, lang: Lang = "vi"): string {
  const rule = parseRuleCached(ruleText);
  const input = readRuleInput(rule, value);
  return explainResult(rule, input, scoreInput(rule, input, max), lang);
}
