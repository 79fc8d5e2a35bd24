import { ParError } from "../errors";
import { figure, Lang, t } from "../i18n/messages";
import { CellValue, fold, formatInput, formatNumber, inputParam, isNotApplicableText, readInput, round2, ScoreInput } from "../values";
import { nfc } from "../text";
import { EvaluationFailure, evaluateExpression } from "./expression";
import { onRuleScale, ruleScale } from "./scale";
import { Band, Condition, Rule } from "./types";

const EPS = 1e-9;

export type ScoreResult =
  | { kind: "blank" }
  | { kind: "notApplicable" }
  | {
      kind: "points";
      points: number;
      /** Index of the band that matched, or null when none did (0 points). */
      band: number | null;
      /** Points before capping at the maximum. */
      raw: number;
      capped: boolean;
      /** A deduction fell below 0 and was not written negative, so 0 was given (see Band.floorAtZero). */
      floored?: boolean;
    };

function numericOf(input: ScoreInput): number | null {
  return input.kind === "number" ? input.value : null;
}

/**
 * Whether the band's condition matches. Values are typed: a yes/no value matches only yes/no conditions, a number
 * or date only comparisons and ranges; "*" matches both. So "không" is never compared as 0 with a date.
 */
export function matches(condition: Condition, input: ScoreInput): boolean {
  if (condition.kind === "any") return true;
  if (condition.kind === "boolean") return input.kind === "boolean" && input.value === condition.value;
  if (condition.kind === "label") return input.kind === "text" && fold(input.text) === condition.key;
  const x = numericOf(input);
  if (x === null) return false;
  if (condition.kind === "range") {
    const { low, high, highExclusive } = condition;
    return x >= low.value - EPS && (highExclusive ? x < high.value - EPS : x <= high.value + EPS);
  }
  const b = condition.bound.value;
  switch (condition.op) {
    case ">=":
      return x >= b - EPS;
    case ">":
      return x > b + EPS;
    case "<=":
      return x <= b + EPS;
    case "<":
      return x < b - EPS;
    case "=":
      return Math.abs(x - b) <= EPS;
  }
}

type ValueType = "number" | "boolean" | "text";

/** The kind of value a condition takes (null: any). */
function conditionType(condition: Condition): ValueType | null {
  if (condition.kind === "any") return null;
  if (condition.kind === "label") return "text";
  return condition.kind === "boolean" ? "boolean" : "number";
}

function inputType(input: ScoreInput): ValueType {
  return input.kind === "boolean" ? "boolean" : input.kind === "text" ? "text" : "number";
}

/** The rule's named outcomes, in its order ("Ban hành kịp thời", …); empty when it has none. */
export function ruleLabels(rule: Rule): string[] {
  return rule.bands.flatMap((b) => (b.condition.kind === "label" ? [b.condition.text] : []));
}

/** A choice rule: its bands are named outcomes (and perhaps "*"), so its labels are the values it allows. */
export function isChoiceRule(rule: Rule): boolean {
  const kinds = rule.bands.map((b) => b.condition.kind);
  return kinds.includes("label") && kinds.every((k) => k === "label" || k === "any");
}

/** What a rule takes, as value.notChoice's params: its labels in quotes, and whether it has yes/no and number bands. */
function allowedText(rule: Rule): { choices: string; yesno: string; numbers: string } {
  const types = rule.bands.map((b) => conditionType(b.condition));
  return {
    choices: ruleLabels(rule).map((l) => `"${l}"`).join(", "),
    yesno: types.includes("boolean") ? "1" : "",
    numbers: types.includes("number") ? "1" : "",
  };
}

/** What scoring asks of a rule's bands for every value, worked out once per rule (a sheet scores thousands of rows). */
interface RuleFacts {
  /** Each band's value type (null: any). */
  types: Array<ValueType | null>;
  /** Only có/không bands and perhaps outcomes. */
  yesNo: boolean;
  /** Some band is a named outcome. */
  labels: boolean;
}

const facts = new WeakMap<Rule, RuleFacts>();

function factsOf(rule: Rule): RuleFacts {
  let f = facts.get(rule);
  if (f === undefined) {
    const kinds = rule.bands.map((b) => b.condition.kind);
    f = {
      types: rule.bands.map((b) => conditionType(b.condition)),
      yesNo: kinds.some((k) => k === "boolean") && kinds.every((k) => k === "boolean" || k === "label"),
      labels: kinds.some((k) => k === "label"),
    };
    facts.set(rule, f);
  }
  return f;
}

/**
 * A value the rule cannot score by its type (no band of its type, no "*"): a ParError saying what is expected. A
 * rule with named outcomes lists them, so a mistyped outcome is never scored 0.
 */
function checkType(rule: Rule, input: ScoreInput): void {
  const got = inputType(input);
  const types = factsOf(rule).types;
  if (types.includes(null) || types.includes(got)) return;
  if (types.includes("text")) throw new ParError("value.notChoice", { text: inputParam(input), ...allowedText(rule) });
  throw new ParError(got === "boolean" ? "value.expectsNumber" : "value.expectsBoolean", { text: inputParam(input) });
}

/**
 * Reads a cell value for a rule. Where the rule names outcomes, text equal to one of them (case, diacritics and
 * spaces aside) is that outcome, and other text is kept as text (checkType then lists the outcomes); elsewhere the
 * value is read as readInput reads it ("Không áp dụng" always means not applicable). A rule of có/không bands (no
 * numeric band, no "*") reads 1 and 0 as có and không.
 */
export function readRuleInput(rule: Rule, value: CellValue): ScoreInput {
  // A yes/no rule (only có/không bands and perhaps outcomes: a number would be refused) takes 1/0 as có/không, as the
  // notation says.
  const { yesNo, labels } = factsOf(rule);
  if (yesNo && (value === 1 || value === 0 || (typeof value === "string" && /^\s*[01]\s*$/.test(value)))) {
    return { kind: "boolean", value: Number(value) === 1 };
  }
  if (!labels || typeof value !== "string" || value.trim() === "" || isNotApplicableText(value)) return readInput(value);
  const key = fold(value);
  const text = nfc(value.trim());
  if (rule.bands.some((b) => b.condition.kind === "label" && b.condition.key === key)) return { kind: "text", text };
  try {
    return readInput(value);
  } catch (e) {
    if (e instanceof ParError && e.key === "value.notNumber") return { kind: "text", text };
    throw e;
  }
}

function pointsOf(band: Band, x: number, max: number | null): number {
  const { points, condition } = band;
  switch (points.kind) {
    case "constant":
      return points.value;
    case "share":
      if (max === null) throw new ParError("rule.needsMax", { text: points.text }, band.position);
      return points.share * max;
    case "linear": {
      if (condition.kind !== "range") return points.low;
      const span = condition.high.value - condition.low.value;
      if (span === 0) return points.high;
      const share = Math.min(1, Math.max(0, (x - condition.low.value) / span));
      return points.low + share * (points.high - points.low);
    }
    case "expression": {
      let value: number;
      try {
        value = evaluateExpression(points.expr, { x, max });
      } catch (e) {
        if (!(e instanceof EvaluationFailure)) throw e;
        if (e.reason === "needsMax") throw new ParError("rule.needsMax", { text: points.text }, band.position);
        throw new ParError("rule.divByZero", { text: points.text, value: figure(x) }, band.position);
      }
      if (!Number.isFinite(value)) {
        throw new ParError("rule.notFinite", { text: points.text, value: figure(x) }, band.position);
      }
      return value;
    }
  }
}

/**
 * Scores one input: blank stays blank, "Không áp dụng" stays not applicable, otherwise the first matching
 * band's points (0 when none matches), capped at max when a max is known, rounded to 2 decimals. A value of a
 * type no band takes (yes/no against numeric bands, a number against yes/no bands) is a ParError, not 0.
 */
export function scoreInput(rule: Rule, input: ScoreInput, max: number | null = null): ScoreResult {
  if (input.kind === "blank") return { kind: "blank" };
  if (input.kind === "notApplicable") return { kind: "notApplicable" };
  checkType(rule, input);
  input = onRuleScale(rule, input);
  const x = numericOf(input) ?? 0;
  let index = -1;
  for (let i = 0; i < rule.bands.length && index < 0; i++) if (matches(rule.bands[i].condition, input)) index = i;
  if (index < 0 && input.kind === "text") throw new ParError("value.notChoice", { text: input.text, ...allowedText(rule) });
  let raw = index < 0 ? 0 : pointsOf(rule.bands[index], x, max);
  const floored = raw < 0 && index >= 0 && rule.bands[index].floorAtZero;
  if (floored) raw = 0;
  const capped = max !== null && raw > max;
  const points = round2(capped ? max : raw);
  const band = index < 0 ? null : index;
  // Two literals rather than a spread: a result object for every scored row.
  return floored ? { kind: "points", points, band, raw, capped, floored } : { kind: "points", points, band, raw, capped };
}

/** How the rule's own bounds are written, so a value is shown the same way (85%, 15/01/2019). */
function ruleStyle(bands: Band[]): "percent" | "date" | "plain" {
  const bounds = bands.flatMap((b) =>
    b.condition.kind === "compare" ? [b.condition.bound] : b.condition.kind === "range" ? [b.condition.low, b.condition.high] : [],
  );
  if (bounds.some((b) => b.date)) return "date";
  return bounds.some((b) => b.percent) ? "percent" : "plain";
}

/** Why a value got its points, in words: which band matched (1-based, with its text) and any cap. */
export function explainResult(rule: Rule, input: ScoreInput, result: ScoreResult, lang: Lang = "vi"): string {
  if (result.kind === "blank") return t("explain.blank", {}, lang);
  if (result.kind === "notApplicable") return t("explain.na", {}, lang);
  input = onRuleScale(rule, input);
  const value = formatInput(input, ruleStyle(rule.bands), lang);
  const scale = t(`explain.scale.${ruleScale(rule)}`, {}, lang);
  if (result.band === null) return t("explain.noMatch", { value }, lang) + scale;
  const band = rule.bands[result.band];
  let text = t(
    "explain.matched",
    { value, band: result.band + 1, text: band.text, points: formatNumber(result.raw, lang) },
    lang,
  );
  if (result.capped) text += t("explain.capped", { max: formatNumber(result.points, lang) }, lang);
  if (result.floored) text += t("explain.floored", {}, lang);
  return text + scale;
}
