import { Catalog, catalogLabel, CatalogNode, getNode, normalizeCode } from "./catalog";
import { ParError } from "./errors";
import { DateSystem, serialIn1900 } from "./dates";
import { explain, isChoiceRule, parseRuleCached, ruleLabels, ruleScale, score, ScoreResult } from "./rules";
import { figure, Lang, t } from "./i18n/messages";
import { CellValue, dateToSerial, formatDate, readInput, readMax, round2, ScoreInput } from "./values";

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

/** A code typed with commas ("1,3,1", as a decimal-comma keyboard writes it): meant as 1.3.1, never a rule. */
const COMMA_CODE_RE = /^\s*\d+(\s*,\s*\d+){2,}\s*$/;

/** A rule argument as given: rule text, or a code whose rule and max come from the catalogue. */
export function resolveRule(ruleOrCode: CellValue, maxArg: CellValue, catalog: Catalog): ResolvedRule {
  const max = readMax(maxArg);
  if (isCriterionCode(ruleOrCode)) {
    const node = getNode(catalog, ruleOrCode as string | number);
    if (!node.rule) throw new ParError("catalog.noRule", { code: node.code, catalog: catalogLabel(catalog) });
    return { rule: node.rule, max: max ?? node.max, node };
  }
  if (typeof ruleOrCode === "string" && COMMA_CODE_RE.test(ruleOrCode)) {
    throw new ParError("rule.codeWithCommas", { text: ruleOrCode.trim(), code: ruleOrCode.replace(/\s+/g, "").replace(/,/g, ".") });
  }
  const rule = ruleOrCode == null ? "" : String(ruleOrCode);
  return { rule, max, node: null };
}

const isBlankCell = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * Scores a value by rule text or a criterion code. Blank in, blank out: a blank value gives a blank result whatever
 * the rule (a criterion without a rule, a blank row of a column-wide formula), so a column of results can be summed.
 */
export function scoreCriterion(value: CellValue, ruleOrCode: CellValue, maxArg: CellValue, catalog: Catalog, dates: DateSystem = 1900): ScoreResult {
  if (isBlankCell(value)) return { kind: "blank" };
  const { rule, max } = resolveRule(ruleOrCode, maxArg, catalog);
  return score(rule, asDateOfRule(value, rule, dates), max);
}

/** Explains the score scoreCriterion gives for the same arguments (the same maximum too). */
export function explainCriterion(
  value: CellValue,
  ruleOrCode: CellValue,
  catalog: Catalog,
  lang: Lang = "vi",
  maxArg: CellValue = null,
  dates: DateSystem = 1900,
): string {
  if (isBlankCell(value)) return t("explain.blank", {}, lang);
  const { rule, max } = resolveRule(ruleOrCode, maxArg, catalog);
  return explain(rule, asDateOfRule(value, rule, dates), max, lang);
}

/**
 * A cell's number as the rule compares it: against dated bands, a date typed in a 1904-system workbook reaches a
 * function as that system's serial, 1 462 days behind the rule's dates.
 */
function asDateOfRule(value: CellValue, rule: string, dates: DateSystem): CellValue {
  if (dates === 1900 || typeof value !== "number") return value;
  let parsed;
  try {
    parsed = parseRuleCached(rule);
  } catch {
    return value; // score() reports the malformed rule
  }
  return ruleScale(parsed) === "date" ? serialIn1900(value, dates) : value;
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
  /** achieved / applicable max × 100, rounded to 2 decimals; at most 100, since scores are capped at their maxima. */
  index: number;
  /** Scores above their maximum, counted as the maximum: 1-based position in the range, the score and the max. */
  capped: { position: number; score: number; max: number }[];
}

/** A score cell as points: a number or numeric text; a percentage, a date, yes/no or other text is not points. */
function points(value: CellValue, position: number): ScoreInput {
  const shown = typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : value instanceof Date ? "" : String(value ?? "");
  let input: ScoreInput;
  try {
    input = readInput(value);
  } catch (e) {
    if (e instanceof ParError && e.key === "value.notNumber") throw new ParError("index.notPoints", { position, text: shown || String(value) });
    throw e;
  }
  if (input.kind === "boolean" || input.kind === "text" || (input.kind === "number" && (input.percent || input.date))) {
    const text = value instanceof Date ? formatDate(dateToSerial(value)) : shown;
    throw new ParError("index.notPoints", { position, text });
  }
  return input;
}

/** Two codes of which one is the other's ancestor ("1.3" and "1.3.1"): their points would count twice. */
function parentAndChild(codes: CellValue[]): { parent: string; child: string } | null {
  const given = codes.map((c) => (c === null || c === undefined || String(c).trim() === "" ? null : normalizeCode(c as string | number)));
  const set = new Set(given.filter((c): c is string => c !== null));
  for (const code of set) {
    const parts = code.split(".");
    for (let n = parts.length - 1; n >= 1; n--) {
      const parent = parts.slice(0, n).join(".");
      if (set.has(parent)) return { parent, child: code };
    }
  }
  return null;
}

/**
 * The PAR index over paired scores and maxima (and, when given, the criterion codes of the rows, so a range that
 * holds a criterion with its own children is refused: they would count twice). A "Không áp dụng" score removes
 * its max from the denominator; a pair with both cells blank is skipped; a blank score with a max counts as 0
 * achieved. A score needs its maximum; a score above it counts as the maximum and is listed in `capped`; a
 * percentage, a date or yes/no is not points (a ParError naming its position).
 */
export function computeIndex(scores: CellValue[], maxes: CellValue[], codes?: CellValue[]): IndexResult {
  if (scores.length !== maxes.length) throw new ParError("index.shape", { a: scores.length, b: maxes.length });
  if (codes && codes.length !== scores.length) throw new ParError("index.codesShape", { a: scores.length, b: codes.length });
  if (codes) {
    const clash = parentAndChild(codes);
    if (clash) throw new ParError("index.parentAndChild", clash);
  }
  let achieved = 0;
  let applicableMax = 0;
  const capped: IndexResult["capped"] = [];
  scores.forEach((s, i) => {
    const position = i + 1;
    const input = points(s, position);
    if (input.kind === "notApplicable") return;
    let max: number | null;
    try {
      max = readMax(maxes[i]);
    } catch (e) {
      if (e instanceof ParError && e.key === "value.badMax") throw new ParError("index.badMax", { position, text: String(maxes[i]) });
      throw e;
    }
    if (input.kind === "blank" && max === null) return;
    const value = input.kind === "number" ? input.value : 0;
    if (max === null) throw new ParError("index.missingMax", { position, score: figure(value) });
    if (value > max + 1e-9) capped.push({ position, score: value, max });
    achieved += Math.min(value, max);
    applicableMax += max;
  });
  if (applicableMax <= 0) throw new ParError("index.noApplicable");
  return { achieved: round2(achieved), applicableMax: round2(applicableMax), index: round2((achieved / applicableMax) * 100), capped };
}
