/**
 * The scale a rule's bands are written on, and the values that only make sense on another one. A clerk who types
 * 100 for 100 %, or 1 against a date rule, must get an error that says what to type, never a score that looks right:
 * `100%: 1` given 100 would give 0 (100 is 10 000 %), `>30%: 1` given 25 would give 1 (2 500 %).
 */
import { ParError } from "../errors";
import { figure, Figure } from "../i18n/messages";
import { formatDate, inputParam, ScoreInput } from "../values";
import { Bound, Rule } from "./types";

/**
 * percent: bounds written with % ("80%", "từ 70% đến dưới 90%"); count: plain numbers (counts, amounts: ">=20");
 * date: dd/mm/yyyy bounds; yesno: có/không bands; outcome: named outcomes in quotes; free: only "*" (any value).
 */
export type RuleScale = "percent" | "count" | "date" | "yesno" | "outcome" | "free";

const boundsOf = new WeakMap<Rule, Bound[]>();

/** The bounds of a rule's bands, worked out once per rule (every row of a rule asks again). */
function bounds(rule: Rule): Bound[] {
  let b = boundsOf.get(rule);
  if (!b) {
    b = rule.bands.flatMap((band) =>
      band.condition.kind === "compare" ? [band.condition.bound] : band.condition.kind === "range" ? [band.condition.low, band.condition.high] : [],
    );
    boundsOf.set(rule, b);
  }
  return b;
}

const scales = new WeakMap<Rule, RuleScale>();

/** The scale of a rule's bands: dates, else percentages, else plain numbers, else outcomes, else yes/no. */
export function ruleScale(rule: Rule): RuleScale {
  let scale = scales.get(rule);
  if (scale) return scale;
  const b = bounds(rule);
  const kinds = rule.bands.map((band) => band.condition.kind);
  if (b.some((x) => x.date)) scale = "date";
  else if (b.some((x) => x.percent)) scale = "percent";
  else if (b.length > 0) scale = "count";
  else if (kinds.includes("label")) scale = "outcome";
  else if (kinds.includes("boolean")) scale = "yesno";
  else scale = "free";
  scales.set(rule, scale);
  return scale;
}

const limits = new WeakMap<Rule, { top: number; least: number }>();

/**
 * The largest percent bound (-Infinity without one) and the least positive bound (0 without one), worked out once
 * per rule: every row scored by the rule asks.
 */
function scaleLimits(rule: Rule): { top: number; least: number } {
  let l = limits.get(rule);
  if (!l) {
    const b = bounds(rule);
    const positive = b.filter((x) => x.value > 0).map((x) => x.value);
    l = { top: Math.max(...b.filter((x) => x.percent).map((x) => x.value)), least: positive.length > 0 ? Math.min(...positive) : 0 };
    limits.set(rule, l);
  }
  return l;
}

/** A value as the user typed it: a whole number as it is (85, not 85,00), anything else as messages write it. */
function typed(input: ScoreInput & { kind: "number" }): string | Figure {
  if (!input.percent && !input.date && Number.isInteger(input.value)) return String(input.value);
  return inputParam(input);
}

/** Dates before 01/01/1950 (Excel serial 18264) are not the dates of a PAR year: a number that small is not a date. */
const FIRST_DATE = 18264;
/** Excel's last date, 31/12/9999: a larger number is no date at all. */
const LAST_DATE = 2958465;

/** A plain number this large against percent bands is a percentage typed without % (85 for 85 %). */
const PERCENT_TYPED_PLAIN = 2;

/**
 * The value as the rule reads it, or a ParError when it can only make sense on another scale: a plain number of 2
 * or more (above every bound) against percent bands, a fraction or a percentage against count bands of 2 or more,
 * a percentage or a small number against date bands, a date against percent or count bands. A date value with a time
 * part (43480,5) is compared by its day.
 */
export function onRuleScale(rule: Rule, input: ScoreInput): ScoreInput {
  if (input.kind !== "number") return input;
  const scale = ruleScale(rule);
  const x = input.value;
  // The value as typed is written only into an error's message (most values raise none).
  const text = () => typed(input);
  if (scale === "percent") {
    const top = scaleLimits(rule).top;
    if (input.date) throw new ParError("value.scale.percentGotDate", { text: text() });
    if (!input.percent && x >= PERCENT_TYPED_PLAIN && x > top) {
      const percent = Number.isInteger(x) ? `${x}%` : figure(x / 100, { percent: true });
      throw new ParError("value.scale.percent", { text: text(), percent, fraction: figure(x / 100), asPercent: figure(x, { percent: true }) });
    }
    return input;
  }
  if (scale === "count") {
    const least = scaleLimits(rule).least;
    if (input.date) throw new ParError("value.scale.countGotDate", { text: text() });
    if (least >= 2 && (input.percent || (x > 0 && x < 1))) {
      throw new ParError("value.scale.count", { text: text(), least: figure(least) });
    }
    return input;
  }
  if (scale === "date") {
    if (input.percent || (!input.date && (x < FIRST_DATE || x > LAST_DATE))) {
      const first = bounds(rule).find((b) => b.date)!;
      throw new ParError("value.scale.date", { text: text(), example: formatDate(first.value) });
    }
    return Number.isInteger(x) ? input : { ...input, value: Math.floor(x) };
  }
  return input;
}
