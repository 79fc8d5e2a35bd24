import { ParError } from "../errors";
import { nfc } from "../text";
import { booleanWord, fold, isNotApplicableText, parseLiteral } from "../values";
import { parseExpression, usesVariable } from "./expression";
import { Band, Bound, ComparisonOp, Condition, Points, Rule } from "./types";
import { readWordedCondition, readWordedPoints, WordedKind } from "./wording";

/** Longer rules are refused: a cell rule is a handful of bands, and the limit keeps parsing bounded. */
export const MAX_RULE_LENGTH = 4000;

const ANY_WORDS = new Set(["*", "con lai", "else", "khac", "truong hop khac", "cac truong hop khac", "cac truong hop con lai"]);
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

/** Opening quote → its closing quote: "…" and “…” (a label may also close a typographic quote with "). */
const QUOTES: Record<string, string[]> = { '"': ['"'], "“": ["”", '"'], "”": ["”", '"'] };

/** Where a quoted label closes in `text` (which starts with its opening quote): the index of the closing quote, or -1. */
function closingQuote(text: string): number {
  const closers = QUOTES[text[0]];
  let best = -1;
  for (const c of closers) {
    const i = text.indexOf(c, 1);
    if (i > 0 && (best < 0 || i < best)) best = i;
  }
  return best;
}

/** A named outcome: "Ban hành kịp thời" in quotes, nothing after the closing quote. */
function parseLabel(seg: Segment): Condition {
  const close = closingQuote(seg.text);
  if (close < 0) throw new ParError("rule.labelUnclosed", { text: seg.text }, seg.position);
  if (seg.text.slice(close + 1).trim() !== "") {
    throw new ParError("rule.labelTrailing", { text: seg.text }, seg.position + close + 1);
  }
  const text = seg.text.slice(1, close).replace(/\s+/g, " ").trim();
  if (!text) throw new ParError("rule.labelEmpty", {}, seg.position);
  if (isNotApplicableText(text)) throw new ParError("rule.labelNotApplicable", { text }, seg.position);
  return { kind: "label", text, key: fold(text) };
}

const WORDED_OPS: Partial<Record<WordedKind, ComparisonOp>> = { ">=": ">=", ">": ">", "<": "<", "<=": "<=" };

/** A range from two bounds, checked for order. */
function range(seg: Segment, lo: Bound, hi: Bound, highExclusive: boolean): Condition {
  if (lo.value > hi.value || (highExclusive && lo.value === hi.value)) {
    throw new ParError("rule.rangeOrder", { text: seg.text }, seg.position);
  }
  return { kind: "range", low: lo, high: hi, highExclusive };
}

/** "từ 70% đến dưới 90%", "trên 90%", "không quá 5" …: the same conditions as the symbols, in words. */
function wordedCondition(seg: Segment): Condition | null {
  const worded = readWordedCondition(seg.text);
  if (!worded) return null;
  const bounds = worded.numbers.map((n) => bound({ text: n.text.replace("−", "-"), position: seg.position + n.offset }));
  const op = WORDED_OPS[worded.kind];
  if (op) return { kind: "compare", op, bound: bounds[0] };
  return range(seg, bounds[0], bounds[1], worded.kind === "rangeOpen");
}

function parseCondition(seg: Segment): Condition {
  if (seg.text[0] in QUOTES) return parseLabel(seg);
  const folded = fold(seg.text);
  if (ANY_WORDS.has(folded)) return { kind: "any" };
  const bool = booleanWord(seg.text);
  if (bool !== null) return { kind: "boolean", value: bool };
  const worded = wordedCondition(seg);
  if (worded) return worded;

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
    return range(seg, bound(low), bound(high), highExclusive);
  }

  return { kind: "compare", op: "=", bound: bound(seg, "rule.badCondition") };
}

function parsePoints(seg: Segment, condition: Condition): Points {
  const worded = readWordedPoints(seg.text);
  if (worded?.kind === "share") return { kind: "share", share: worded.share, text: seg.text };
  if (worded) seg = { text: worded.text, position: seg.position + worded.offset };
  seg = { ...seg, text: seg.text.replace(/−/g, "-") };
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
  // A label may hold a colon: the band's colon is the first one after its closing quote.
  const close = seg.text[0] in QUOTES ? closingQuote(seg.text) : -1;
  const colon = seg.text.indexOf(":", Math.max(0, close));
  if (colon < 0) throw new ParError("rule.missingColon", { band: seg.text }, seg.position);
  const condSeg = trimmed(seg.text.slice(0, colon), seg.position);
  const pointsSeg = trimmed(seg.text.slice(colon + 1), seg.position + colon + 1);
  if (!condSeg.text) throw new ParError("rule.emptyCondition", {}, seg.position);
  if (!pointsSeg.text) throw new ParError("rule.emptyPoints", {}, seg.position + colon);
  const condition = parseCondition(condSeg);
  const points = parsePoints(pointsSeg, condition);
  const floorAtZero = points.kind === "expression" && /[-−]/.test(pointsSeg.text) && !/^[-−]/.test(pointsSeg.text);
  return { condition, points, text: seg.text, position: seg.position, floorAtZero };
}

/** Two bands naming the same outcome (after folding) make the second unreachable: a typo, said as an error. */
function checkLabels(bands: Band[]): void {
  const seen = new Map<string, Band>();
  for (const band of bands) {
    if (band.condition.kind !== "label") continue;
    const first = seen.get(band.condition.key);
    if (first) throw new ParError("rule.labelDuplicate", { text: band.condition.text }, band.position);
    seen.set(band.condition.key, band);
  }
}

/** Parses rule notation. Throws ParError (with a 1-based position) for anything malformed, never another error. */
export function parseRule(source: string): Rule {
  // Decomposed letters (Unikey's "Unicode tổ hợp", text pasted from a PDF) read as the precomposed ones.
  source = nfc(source);
  if (source.length > MAX_RULE_LENGTH) {
    throw new ParError("rule.tooLong", { length: source.length, limit: MAX_RULE_LENGTH }, MAX_RULE_LENGTH + 1);
  }
  const segments = splitBands(source);
  if (segments.length === 0) throw new ParError("rule.empty", {}, 1);
  const bands = segments.map(parseBand);
  checkLabels(bands);
  return { source, bands };
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
