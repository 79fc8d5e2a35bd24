import { ParError } from "../errors";
import { booleanWord, fold, parseLiteral } from "../values";
import { parseExpression, usesVariable } from "./expression";
import { Band, Bound, ComparisonOp, Condition, Points, Rule } from "./types";

/** Longer rules are refused: a cell rule is a handful of bands, and the limit keeps parsing bounded. */
export const MAX_RULE_LENGTH = 4000;

const ANY_WORDS = new Set(["*", "con lai", "else", "khac", "truong hop khac"]);
const OPERATORS: Array<[string, ComparisonOp]> = [
  [">=", ">="],
  ["=>", ">="],
  ["≥", ">="],
  ["<=", "<="],
  ["=<", "<="],
  ["≤", "<="],
  ["==", "="],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
];

interface Segment {
  text: string;
  /** 1-based position of text[0] in the rule source. */
  position: number;
}

/** Splits at ";" and line breaks, keeping each piece's position; blank pieces are dropped. */
function splitBands(source: string): Segment[] {
  const segments: Segment[] = [];
  const re = /[^;\r\n]+/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const lead = m[0].length - m[0].trimStart().length;
    const text = m[0].trim();
    if (text) segments.push({ text, position: m.index + lead + 1 });
  }
  return segments;
}

function trimmed(text: string, position: number): Segment {
  const lead = text.length - text.trimStart().length;
  return { text: text.trim(), position: position + lead };
}

/** parseLiteral, its errors placed at seg. */
function literalAt(seg: Segment) {
  try {
    return parseLiteral(seg.text);
  } catch (e) {
    if (e instanceof ParError) throw new ParError(e.key, e.params, seg.position);
    throw e;
  }
}

/** A number, percentage or date at seg; `notLiteral` is the error when the text is none of those. */
function bound(seg: Segment, notLiteral: "rule.badNumber" | "rule.badCondition" = "rule.badNumber"): Bound {
  const literal = literalAt(seg);
  if (!literal) throw new ParError(notLiteral, { text: seg.text }, seg.position);
  return literal;
}

function parseCondition(seg: Segment): Condition {
  const folded = fold(seg.text);
  if (ANY_WORDS.has(folded)) return { kind: "any" };
  const bool = booleanWord(seg.text);
  if (bool !== null) return { kind: "boolean", value: bool };

  for (const [symbol, op] of OPERATORS) {
    if (seg.text.startsWith(symbol)) {
      const rest = trimmed(seg.text.slice(symbol.length), seg.position + symbol.length);
      if (!rest.text) throw new ParError("rule.badCondition", { text: seg.text }, seg.position);
      return { kind: "compare", op, bound: bound(rest) };
    }
  }

  const dots = seg.text.indexOf("..");
  if (dots >= 0) {
    const low = trimmed(seg.text.slice(0, dots), seg.position);
    let highText = seg.text.slice(dots + 2);
    let highPos = seg.position + dots + 2;
    const highExclusive = highText.trimStart().startsWith("<");
    if (highExclusive) {
      const skip = highText.indexOf("<") + 1;
      highText = highText.slice(skip);
      highPos += skip;
    }
    const high = trimmed(highText, highPos);
    if (!low.text || !high.text) throw new ParError("rule.badCondition", { text: seg.text }, seg.position);
    const lo = bound(low);
    const hi = bound(high);
    if (lo.value > hi.value || (highExclusive && lo.value === hi.value)) {
      throw new ParError("rule.rangeOrder", { text: seg.text }, seg.position);
    }
    return { kind: "range", low: lo, high: hi, highExclusive };
  }

  return { kind: "compare", op: "=", bound: bound(seg, "rule.badCondition") };
}

function parsePoints(seg: Segment, condition: Condition): Points {
  const dots = seg.text.indexOf("..");
  if (dots >= 0) {
    if (condition.kind !== "range") throw new ParError("rule.linearNeedsRange", {}, seg.position);
    const low = bound(trimmed(seg.text.slice(0, dots), seg.position));
    const high = bound(trimmed(seg.text.slice(dots + 2), seg.position + dots + 2));
    return { kind: "linear", low: low.value, high: high.value };
  }
  const literal = /^[+-]?\s*[\d.,]+%?$/.test(seg.text) ? literalAt(seg) : null;
  if (literal && !literal.date) return { kind: "constant", value: literal.value };
  const expr = parseExpression(seg.text, seg.position);
  if (!usesVariable(expr, "x") && !usesVariable(expr, "max") && expr.kind === "num") {
    return { kind: "constant", value: expr.value };
  }
  return { kind: "expression", expr, text: seg.text };
}

function parseBand(seg: Segment): Band {
  const colon = seg.text.indexOf(":");
  if (colon < 0) throw new ParError("rule.missingColon", { band: seg.text }, seg.position);
  const condSeg = trimmed(seg.text.slice(0, colon), seg.position);
  const pointsSeg = trimmed(seg.text.slice(colon + 1), seg.position + colon + 1);
  if (!condSeg.text) throw new ParError("rule.emptyCondition", {}, seg.position);
  if (!pointsSeg.text) throw new ParError("rule.emptyPoints", {}, seg.position + colon);
  const condition = parseCondition(condSeg);
  const points = parsePoints(pointsSeg, condition);
  return { condition, points, text: seg.text, position: seg.position };
}

/** Parses rule notation. Throws ParError (with a 1-based position) for anything malformed, never another error. */
export function parseRule(source: string): Rule {
  if (source.length > MAX_RULE_LENGTH) {
    throw new ParError("rule.tooLong", { length: source.length, limit: MAX_RULE_LENGTH }, MAX_RULE_LENGTH + 1);
  }
  const segments = splitBands(source);
  if (segments.length === 0) throw new ParError("rule.empty", {}, 1);
  return { source, bands: segments.map(parseBand) };
}

const cache = new Map<string, Rule>();
const CACHE_LIMIT = 500;

/** parseRule with a small cache: a column of formulas repeats the same few rules thousands of times. */
export function parseRuleCached(source: string): Rule {
  const hit = cache.get(source);
  if (hit) return hit;
  const rule = parseRule(source);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, rule);
  return rule;
}
