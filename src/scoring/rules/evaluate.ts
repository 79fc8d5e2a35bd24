import { ParError } from "../errors";
import { Lang, t } from "../i18n/messages";
import { formatInput, formatNumberVi, round2, ScoreInput } from "../values";
import { evaluateExpression } from "./expression";
import { Band, Condition, Points, Rule } from "./types";

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
    };

function numericOf(input: ScoreInput): number | null {
  if (input.kind === "number") return input.value;
  if (input.kind === "boolean") return input.value ? 1 : 0;
  return null;
}

function booleanOf(input: ScoreInput): boolean | null {
  if (input.kind === "boolean") return input.value;
  if (input.kind === "number" && (input.value === 0 || input.value === 1)) return input.value === 1;
  return null;
}

export function matches(condition: Condition, input: ScoreInput): boolean {
  if (condition.kind === "any") return true;
  if (condition.kind === "boolean") return booleanOf(input) === condition.value;
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

function pointsOf(points: Points, condition: Condition, x: number, max: number | null): number {
  switch (points.kind) {
    case "constant":
      return points.value;
    case "linear": {
      if (condition.kind !== "range") return points.low;
      const span = condition.high.value - condition.low.value;
      if (span === 0) return points.high;
      const share = Math.min(1, Math.max(0, (x - condition.low.value) / span));
      return points.low + share * (points.high - points.low);
    }
    case "expression": {
      const value = evaluateExpression(points.expr, { x, max });
      if (Number.isNaN(value)) {
        if (max === null && /max/i.test(points.text)) throw new ParError("rule.needsMax", { text: points.text });
        throw new ParError("rule.divByZero", { text: points.text, value: formatNumberVi(x) });
      }
      return value;
    }
  }
}

/**
 * Scores one input: blank stays blank, "Không áp dụng" stays not applicable, otherwise the first matching
 * band's points (0 when none matches), capped at max when a max is known, rounded to 2 decimals.
 */
export function scoreInput(rule: Rule, input: ScoreInput, max: number | null = null): ScoreResult {
  if (input.kind === "blank") return { kind: "blank" };
  if (input.kind === "notApplicable") return { kind: "notApplicable" };
  const x = numericOf(input) ?? 0;
  const index = rule.bands.findIndex((band) => matches(band.condition, input));
  const raw = index < 0 ? 0 : pointsOf(rule.bands[index].points, rule.bands[index].condition, x, max);
  const capped = max !== null && raw > max;
  return { kind: "points", points: round2(capped ? max : raw), band: index < 0 ? null : index, raw, capped };
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
  const value = formatInput(input, ruleStyle(rule.bands));
  if (result.band === null) return t("explain.noMatch", { value }, lang);
  const band = rule.bands[result.band];
  let text = t(
    "explain.matched",
    { value, band: result.band + 1, text: band.text, points: formatNumberVi(round2(result.raw)) },
    lang,
  );
  if (result.capped) text += t("explain.capped", { max: formatNumberVi(result.points) }, lang);
  return text;
}
