import { Lang } from "../i18n/messages";
import { CellValue, readInput } from "../values";
import { explainResult, ScoreResult, scoreInput } from "./evaluate";
import { parseRuleCached } from "./parse";

export { parseRule, parseRuleCached, MAX_RULE_LENGTH } from "./parse";
export { scoreInput, explainResult, matches } from "./evaluate";
export type { ScoreResult } from "./evaluate";
export type * from "./types";

/** Scores a cell value with rule text (parsed once and cached). Throws ParError for a bad rule or value. */
export function score(ruleText: string, value: CellValue, max: number | null = null): ScoreResult {
  return scoreInput(parseRuleCached(ruleText), readInput(value), max);
}

/** Explains in words how a value is scored by a rule. */
export function explain(ruleText: string, value: CellValue, max: number | null = null, lang: Lang = "vi"): string {
  const rule = parseRuleCached(ruleText);
  const input = readInput(value);
  return explainResult(rule, input, scoreInput(rule, input, max), lang);
}
