/**
 * One line of a published criteria table turned into a band of PAR rule notation, or the reason it cannot be:
 * "Ban hành kịp thời: 1" → "Ban hành kịp thời": 1; "Từ 90% trở lên: 1" → >=90%: 1; "Giải quyết đúng hạn từ 95% đến
 * dưới 100% hồ sơ: 0,5" → 95%..<100%: 0,5; "Hoàn thành tốt: 75% điểm" → "Hoàn thành tốt": 75% điểm tối đa. Nothing is
 * guessed: a wording with numbers outside one recognised range phrase, points that are a formula, a percentage
 * alone as points (of what?), are reasons, not bands.
 */
import { ParError } from "../errors";
import { findWordedCondition, foldKeepingPositions, parseRule, readWordedPoints } from "../rules";
import { booleanWord, fold, isNotApplicableText, parseLiteral } from "../values";

export type WordingReason =
  | "noPoints"
  | "badPoints"
  | "percentPoints"
  | "numbersOutside"
  | "quote"
  | "notApplicable"
  | "linearNeedsRange"
  | "pointsConflict";

export type WordingBand = { band: string; condition: "label" | "range" | "other"; points: number | null } | { reason: WordingReason };

const ANY = new Set(["con lai", "khac", "truong hop khac", "cac truong hop khac", "cac truong hop con lai", "truong hop con lai"]);

/** "0,5" / "−1" as rule notation writes a number (comma decimals kept, a typographic minus made plain). */
function numberText(text: string): string {
  return text.replace(/\s+/g, "").replace("−", "-");
}

/** A worded condition in rule notation: the phrase found, or the wording as a label; null with a reason otherwise. */
function conditionOf(wording: string): { text: string; kind: "label" | "range" | "other" } | { reason: WordingReason } {
  const text = wording.replace(/\s+/g, " ").trim().replace(/[.;,]+$/, "");
  const folded = fold(text);
  if (ANY.has(folded)) return { text: "*", kind: "other" };
  const bool = booleanWord(text);
  if (bool !== null) return { text: bool ? "có" : "không", kind: "other" };
  if (/^[<>=≥≤]/.test(text) || /\.\./.test(text) || safeLiteral(text)) {
    try {
      parseRule(`${text}: 0`);
      return { text, kind: "range" };
    } catch {
      return { reason: "numbersOutside" };
    }
  }
  const found = findWordedCondition(text);
  if (found) {
    const outside = text.slice(0, found.start) + text.slice(found.end);
    if (/\d/.test(outside)) return { reason: "numbersOutside" };
    const [a, b] = found.numbers.map((n) => numberText(n.text));
    const byKind = { ">=": `>=${a}`, ">": `>${a}`, "<": `<${a}`, "<=": `<=${a}`, range: `${a}..${b}`, rangeOpen: `${a}..<${b}` };
    return { text: byKind[found.kind], kind: "range" };
  }
  const single = singleNumber(text);
  if (single) return { text: single, kind: "range" };
  if (/\d/.test(text)) return { reason: "numbersOutside" };
  if (/["“”;]/.test(text)) return { reason: "quote" };
  if (isNotApplicableText(text)) return { reason: "notApplicable" };
  return { text: `"${text}"`, kind: "label" };
}

/** Words that compare: with one of them and no phrase read, a number's meaning is not sure. */
const COMPARING = /\b(?:tu|den|toi|duoi|tren|hon|qua|it nhat|toi thieu|toi da|tro len|tro xuong|truoc|sau|khoang|gan|vuot|chua|khong)\b/;

/**
 * "Hoàn thành 100% kế hoạch", "02 sáng kiến": one number among words that do not compare is that value (= 100%,
 * = 2), as the notation reads a bare number. Null when there are several numbers or a comparing word.
 */
function singleNumber(text: string): string | null {
  const numbers = text.match(/\d+(?:[.,]\d+)?(?:\s*%)?/g) ?? [];
  if (numbers.length !== 1 || /\d\/\d/.test(text)) return null;
  if (COMPARING.test(fold(text.replace(numbers[0], " ")))) return null;
  return numberText(numbers[0]).replace(/^0+(?=\d)/, "");
}

function safeLiteral(text: string): boolean {
  try {
    return parseLiteral(text) !== null;
  } catch {
    return false;
  }
}

const LINEAR = /^(?:tu\s+)?(\d+(?:[.,]\d+)?)\s*(?:den|-|–)\s*(\d+(?:[.,]\d+)?)\s*(?:diem)?$/;

/** Points as the table words them, in rule notation (with their value when they are a number), or a reason. */
function pointsOf(text: string): { text: string; value: number | null; linear: boolean } | { reason: WordingReason } {
  const t = text.replace(/\s+/g, " ").trim().replace(/[.;,]+$/, "");
  const worded = readWordedPoints(t);
  if (worded?.kind === "share") {
    const percent = Math.round(worded.share * 10000) / 100;
    return { text: percent === 100 ? "điểm tối đa" : `${String(percent).replace(".", ",")}% điểm tối đa`, value: null, linear: false };
  }
  const plain = worded ? worded.text : t;
  let literal = null;
  try {
    literal = parseLiteral(plain.replace("−", "-"));
  } catch {
    return { reason: "badPoints" };
  }
  if (literal && literal.percent) return { reason: "percentPoints" };
  if (literal && !literal.date) return { text: numberText(plain), value: literal.value, linear: false };
  const linear = LINEAR.exec(foldKeepingPositions(t));
  if (linear) return { text: `${linear[1]}..${linear[2]}`, value: null, linear: true };
  return { reason: "badPoints" };
}

/** "Ban hành kịp thời (1 điểm)": the points in a closing parenthesis. */
const PAREN_POINTS = /^(.*\S)\s*\(([^()]*)\)$/;

/**
 * The band a line of a table words: "wording: points" (the last colon whose right side reads as points),
 * "wording (points)", or the wording alone with the points in the table's max column (`columnPoints`).
 */
export function bandFromWording(line: string, columnPoints: number | null = null): WordingBand {
  const text = line.replace(/^\s*[-+•*–]\s+/, "").trim();
  let wording = text;
  let points: { text: string; value: number | null; linear: boolean } | null = null;
  let failure: { reason: WordingReason } | null = null;
  for (let i = text.lastIndexOf(":"); i > 0; i = text.lastIndexOf(":", i - 1)) {
    const read = pointsOf(text.slice(i + 1));
    if ("reason" in read) {
      failure ??= read;
      continue;
    }
    wording = text.slice(0, i);
    points = read;
    break;
  }
  if (!points && !failure) {
    const paren = PAREN_POINTS.exec(text);
    const read = paren ? pointsOf(paren[2]) : null;
    if (paren && read && !("reason" in read)) {
      wording = paren[1];
      points = read;
    }
  }
  if (points && columnPoints !== null && points.value !== null && Math.abs(points.value - columnPoints) > 1e-9) return { reason: "pointsConflict" };
  if (!points && !failure && columnPoints !== null) points = { text: String(columnPoints).replace(".", ","), value: columnPoints, linear: false };
  if (!points) return failure ?? { reason: "noPoints" };
  const condition = conditionOf(wording);
  if ("reason" in condition) return condition;
  if (points.linear && condition.kind !== "range") return { reason: "linearNeedsRange" };
  const band = `${condition.text}: ${points.text}`;
  try {
    parseRule(band);
  } catch (e) {
    if (e instanceof ParError) return { reason: points.linear ? "linearNeedsRange" : "numbersOutside" };
    throw e;
  }
  return { band, condition: condition.kind, points: points.value };
}
