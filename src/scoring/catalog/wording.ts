/**
 * One line of a published criteria table turned into a band of PAR rule notation, or the reason it cannot be:
 * "Ban hành kịp thời: 1" → "Ban hành kịp thời": 1; "Từ 90% trở lên: 1" → >=90%: 1; "Giải quyết đúng hạn từ 95% đến
 * dưới 100% hồ sơ: 0,5" → 95%..<100%: 0,5; "Hoàn thành tốt: 75% điểm" → "Hoàn thành tốt": 75% điểm tối đa. Nothing is
 * guessed: a wording with numbers outside one recognised range phrase, points that are a formula, a percentage
 * alone as points (of what?), are reasons, not bands.
 */
import { ParError } from "../errors";
import { findWordedCondition, foldKeepingPositions, matches, parseRule, readWordedPoints } from "../rules";
import { booleanWord, fold, isNotApplicableText, parseLiteral, ScoreInput } from "../values";

export type WordingReason =
  | "noPoints"
  | "badPoints"
  | "percentPoints"
  | "numbersOutside"
  | "quote"
  | "notApplicable"
  | "linearNeedsRange"
  | "pointsConflict"
  | "qualifier"
  | "exactUnsettled"
  | "deductionCap"
  | "duplicateOutcome";

/**
 * What a reading assumed, said in the import report and the review workbook (key of "import.assume.*" and its
 * params): "Không có …" read as 0, "Đạt 90%" as "from 90 %" because the next band is "Dưới 90%", …
 */
export interface Assumption {
  key: "noneIsZero" | "onTimeIsZero" | "qualified" | "fromBelow" | "percentBoth" | "penaltySign" | "perItem" | "notArising";
  params: Record<string, string>;
}

export type WordingBand =
  | {
      band: string;
      condition: "label" | "range" | "other";
      points: number | null;
      /** The condition in rule notation ("<10", '"Đúng hạn"'), the points in rule notation, what the reading assumed. */
      cond: string;
      pointsText: string;
      assumptions: Assumption[];
      /** The upper points of a linear band ("0,5..1" → 1), for the check against the criterion's maximum. */
      topPoints: number | null;
    }
  | { reason: WordingReason };

/** How a line is read: in a penalty section "-1 điểm" is a deduction of 1; the criterion's maximum (per-item deductions). */
export interface WordingOptions {
  penalty?: boolean;
  max?: number | null;
  /** The criterion's name: a qualifier it says ("Tỷ lệ hồ sơ giải quyết đúng hạn") is what the value measures. */
  name?: string;
}

const ANY = new Set(["con lai", "khac", "truong hop khac", "cac truong hop khac", "cac truong hop con lai", "truong hop con lai"]);

/** "0,5" / "−1" as rule notation writes a number (comma decimals kept, a typographic minus made plain). */
function numberText(text: string): string {
  return text.replace(/\s+/g, "").replace("−", "-");
}

/** A worded condition in rule notation: the phrase found, or the wording as a label; null with a reason otherwise. */
function conditionOf(wording: string, assumptions: Assumption[]): { text: string; kind: "label" | "range" | "other" } | { reason: WordingReason } {
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
    let [a, b] = found.numbers.map((n) => (n.text.includes("/") ? numberText(n.text) : numberText(n.text).replace(/^([+-]?)0+(?=\d)/, "$1")));
    if (b !== undefined && a.endsWith("%") !== b.endsWith("%") && !a.includes("/") && !b.includes("/")) {
      // "Từ 80 - dưới 100%": the % written once, on the upper bound, is both bounds'.
      const bare = a.endsWith("%") ? b : a;
      assumptions.push({ key: "percentBoth", params: { number: bare, text } });
      if (a.endsWith("%")) b = `${b}%`;
      else a = `${a}%`;
    }
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
 * = 2), as the notation reads a bare number; readBandList then keeps it only where the list settles it (100 %, a
 * count whose next value another band takes). Null when there are several numbers or a comparing word.
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
/** "Ban hành kịp thời được 1 điểm", "…, thì được điểm tối đa": the points after "được" (folded text). */
const GIVEN_POINTS = /^(.*\S)\s*,?\s+(?:thi\s+)?(?:duoc|cho)\s+(\S.*)$/;
/** "Trường hợp không phát sinh … thì được điểm tối đa": a note row that gives the points of "not arising". */
const NOT_ARISING = /^(?:truong\s+hop|neu)\s+(?:.*\s)?khong\s+phat\s+sinh\b.*\s(?:duoc|cham)\s+(\S.*)$/;
const NUM = String.raw`(\d+(?:[.,]\d+)?)`;
/** "Mỗi văn bản chậm trừ 0,25 điểm, tối đa trừ 1 điểm" (folded). */
const PER_ITEM = new RegExp(
  String.raw`^moi\s+(.+?)\s+(?:bi\s+)?tru\s+${NUM}\s*(?:diem|d)?(?:\s*[,;]?\s*(?:toi\s+da|khong\s+qua)\s+(?:tru\s+)?${NUM}\s*(?:diem|d)?)?\s*\.?$`,
);

const stripMarker = (line: string) =>
  line
    .replace(/^\s*(?:[-+•*–]|[a-zđ][.)]|\d{1,2}\))\s+/, "")
    .trim();

/**
 * The band a line of a table words: "wording: points" (the last colon whose right side reads as points),
 * "wording (points)", "wording được points", or the wording alone with the points in the table's max column
 * (`columnPoints`); a note "Trường hợp không phát sinh … thì được điểm tối đa"; a per-item deduction "Mỗi văn bản
 * chậm trừ 0,25 điểm, tối đa trừ 1 điểm" (read when the cap is at least the criterion's maximum, which the rule's
 * floor at 0 then enforces).
 */
export function bandFromWording(line: string, columnPoints: number | null = null, options: WordingOptions = {}): WordingBand {
  const text = stripMarker(line);
  const folded = foldKeepingPositions(text);
  const assumptions: Assumption[] = [];
  const perItem = PER_ITEM.exec(folded.trim());
  if (perItem) return perItemBand(text, perItem, options);
  let wording = text;
  let points: { text: string; value: number | null; linear: boolean } | null = null;
  let failure: { reason: WordingReason } | null = null;
  const notArising = NOT_ARISING.exec(folded);
  if (notArising) {
    const read = pointsOf(text.slice(notArising.index + folded.length - notArising[1].length));
    if ("reason" in read) return read;
    assumptions.push({ key: "notArising", params: { text } });
    return finish('"Không phát sinh"', "label", read, assumptions, options);
  }
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
  if (!points && !failure) {
    const given = GIVEN_POINTS.exec(folded);
    const read = given ? pointsOf(text.slice(text.length - given[2].length)) : null;
    if (given && read && !("reason" in read)) {
      wording = text.slice(0, given[1].length);
      points = read;
    }
  }
  if (points && columnPoints !== null && points.value !== null && Math.abs(points.value - columnPoints) > 1e-9) return { reason: "pointsConflict" };
  if (!points && !failure && columnPoints !== null) points = { text: String(columnPoints).replace(".", ","), value: columnPoints, linear: false };
  if (!points) return failure ?? { reason: "noPoints" };
  const condition = conditionOf(wording, assumptions);
  if ("reason" in condition) return condition;
  if (points.linear && condition.kind !== "range") return { reason: "linearNeedsRange" };
  return finish(condition.text, condition.kind, points, assumptions, options);
}

function finish(
  cond: string,
  kind: "label" | "range" | "other",
  points: { text: string; value: number | null; linear: boolean },
  assumptions: Assumption[],
  options: WordingOptions,
): WordingBand {
  let pointsText = points.text;
  let value = points.value;
  if (options.penalty && value !== null && value < 0) {
    // In a penalty section the points are a deduction: "-1 điểm" takes 1 point, as units type penalties.
    assumptions.push({ key: "penaltySign", params: { points: pointsText } });
    value = -value;
    pointsText = pointsText.replace(/^[-−]/, "");
  }
  const band = `${cond}: ${pointsText}`;
  try {
    parseRule(band);
  } catch (e) {
    if (e instanceof ParError) return { reason: points.linear ? "linearNeedsRange" : "numbersOutside" };
    throw e;
  }
  const top = points.linear ? Number(pointsText.split("..")[1].replace(",", ".")) : value;
  return { band, condition: kind, points: value, cond, pointsText, assumptions, topPoints: Number.isFinite(top) ? top : null };
}

function perItemBand(text: string, m: RegExpExecArray, options: WordingOptions): WordingBand {
  const each = numberText(m[2]);
  const cap = m[3] !== undefined ? Number(m[3].replace(",", ".")) : null;
  const max = options.max ?? null;
  if (max === null || (cap !== null && cap < max - 1e-9)) return { reason: "deductionCap" };
  const thing = text.replace(/^\s*mỗi\s+/i, "").split(/\s+(?:bị\s+)?trừ\s+/i)[0];
  const maxText = String(max).replace(".", ",");
  const assumptions: Assumption[] = [{ key: "perItem", params: { thing, each, max: maxText } }];
  return finish(">=0", "range", { text: `${maxText} - ${each}*x`, value: null, linear: false }, assumptions, options);
}

/** A line of wording under a criterion, with the cell it was read from and the points in the max column beside it. */
export interface BandLine {
  text: string;
  cell: string;
  points: number | null;
}

/** A criterion's band lines read together: the rule (when every line was read), what it assumed, what failed. */
export interface BandListRead {
  rule: string | null;
  assumptions: Assumption[];
  failed: { line: BandLine; reason: WordingReason }[];
  /** Each read band's points (the upper points of a linear band), for the check against the maximum. */
  points: { line: BandLine; points: number | null }[];
}

/** Words that change what a number counts: "chậm 5 ngày" is not "5 ngày"; "đúng hạn 100%" is not "100%". */
const QUALIFIERS: [RegExp, string][] = [
  [/\b(?:cham|tre(?: han)?|qua han)\b/, "chậm"],
  [/\bdung han\b|\bdung thoi gian\b/, "đúng hạn"],
  [/\btruoc han\b|\bsom\b/, "trước hạn"],
  [/\bkip thoi\b/, "kịp thời"],
];

function qualifiersOf(text: string): string[] {
  const f = fold(text);
  return QUALIFIERS.filter(([rx]) => rx.test(f)).map(([, name]) => name);
}

/**
 * Labels that name "none of the thing counted" ("Không có văn bản bị kiến nghị") or, beside bands on days late,
 * "not late" ("Đúng hạn", "Hoàn thành đúng hạn", "Không chậm").
 */
const NONE = /\bkhong co\b/;
const ON_TIME = /\b(?:dung han|dung thoi gian|kip thoi)\b|\bkhong (?:cham|tre|qua han)\b/;

/** ";" joins several bands on one line ("Đạt: 1 điểm; Không đạt: 0 điểm"): the pieces, when each reads as a band. */
export function splitBandLine(line: BandLine, options: WordingOptions = {}): BandLine[] {
  if (!line.text.includes(";")) return [line];
  const pieces = line.text
    .split(";")
    .map((p) => p.trim())
    .filter(Boolean);
  if (pieces.length < 2 || pieces.some((p) => "reason" in bandFromWording(p, null, options))) return [line];
  return pieces.map((text) => ({ text, cell: line.cell, points: null }));
}

/**
 * A criterion's band lines read as one list. Each line alone (bandFromWording), then what only the list settles:
 * "Không có …" (zero of the thing counted) and "Đúng hạn" beside bands on days late are 0; "Đạt 90%" followed by
 * "Dưới 90%" is "from 90 %"; a qualifier ("chậm", "đúng hạn") must be on every numeric band, or none is read. The rule
 * is made only when every line is read.
 */
export function readBandList(lines: BandLine[], options: WordingOptions = {}): BandListRead {
  const failed: BandListRead["failed"] = [];
  const read: { line: BandLine; band: Extract<WordingBand, { band: string }> }[] = [];
  for (const line of lines.flatMap((l) => splitBandLine(l, options))) {
    const one = bandFromWording(line.text, line.points, options);
    if ("reason" in one) failed.push({ line, reason: one.reason });
    else read.push({ line, band: one });
  }
  const assumptions: Assumption[] = read.flatMap((r) => r.band.assumptions);
  const conditionOfBand = (b: { band: string }) => parseRule(b.band).bands[0].condition;
  const numeric = read.filter((r) => {
    const c = conditionOfBand(r.band);
    return c.kind === "compare" || c.kind === "range";
  });
  // Qualifiers: the same on every numeric band (then the value is the qualified thing), else not read.
  // (A per-item deduction names what it counts, qualifier included: "Mỗi văn bản chậm trừ 0,25 điểm".)
  const perNumeric = numeric.map((r) => (r.band.assumptions.some((a) => a.key === "perItem") ? "" : qualifiersOf(r.line.text.split(":")[0]).join(", ")));
  const qualified = perNumeric.find((q) => q !== "");
  if (qualified !== undefined) {
    // The same qualifier on the bands that have one, and either said by the criterion's name (what it measures) or
    // on at least two bands; a band may leave it out ("Dưới 95%: 0" after "Giải quyết đúng hạn từ 95%…").
    const named = options.name !== undefined && qualifiersOf(options.name).join(", ") === qualified;
    const carrying = perNumeric.filter((q) => q === qualified).length;
    const same = perNumeric.every((q) => q === qualified || q === "") && (named || carrying >= 2);
    if (!same) numeric.filter((r, i) => perNumeric[i] !== "").forEach((r) => failed.push({ line: r.line, reason: "qualifier" }));
    else assumptions.push({ key: "qualified", params: { words: qualified } });
  }
  // Labels that mean zero beside numeric bands.
  if (numeric.length > 0) {
    for (const r of read) {
      if (r.band.condition !== "label") continue;
      const f = fold(r.band.cond.replace(/^"|"$/g, ""));
      const late = qualified !== undefined && qualified.startsWith("chậm");
      if (NONE.test(f) || (late && ON_TIME.test(f))) {
        assumptions.push({ key: NONE.test(f) ? "noneIsZero" : "onTimeIsZero", params: { text: r.band.cond.replace(/^"|"$/g, "") } });
        r.band = { ...r.band, cond: "0", band: `0: ${r.band.pointsText}`, condition: "range" };
      } else if (late && !/^(?:khong|chua)\b/.test(f)) {
        // "Hoàn thành: 1" beside "Chậm dưới 5 ngày: 0,5": done on time, or any completion? 0 days late would score
        // 0,5. Only an outcome that is not done ("Không thực hiện") stands beside days late.
        failed.push({ line: r.line, reason: "qualifier" });
      }
    }
  }
  // An exact percentage other than 0 % and 100 % (or an exact fraction) among bands: "from X" only when the next band is
  // "below X" and every band before it is above X; otherwise the order does not settle it.
  read.forEach((r, i) => {
    const c = conditionOfBand(r.band);
    if (c.kind !== "compare" || c.op !== "=" || c.bound.date) return;
    const v = c.bound.value;
    // 0 % and 100 % are exact; a count n is "exactly n" when another band takes n + 1 ("Có 01 văn bản" beside "Có từ
    // 02 văn bản trở lên"), else "02 sáng kiến" alone could as well mean "at least 2".
    const next1: ScoreInput = { kind: "number", value: v + 1, percent: false, date: false };
    const settled = c.bound.percent
      ? Math.abs(v) < 1e-9 || Math.abs(v - 1) < 1e-9
      : Number.isInteger(v) && read.some((o, j) => j !== i && matches(conditionOfBand(o.band), next1));
    if (settled) return;
    const next = read[i + 1] ? conditionOfBand(read[i + 1].band) : null;
    const below = next?.kind === "compare" && next.op === "<" && Math.abs(next.bound.value - v) < 1e-9;
    const before = read.slice(0, i).every((p) => {
      const pc = conditionOfBand(p.band);
      return (pc.kind === "compare" && (pc.op === "=" || pc.op === ">=" || pc.op === ">") && pc.bound.value > v) || (pc.kind === "range" && pc.low.value > v);
    });
    if (!below || !before) {
      failed.push({ line: r.line, reason: "exactUnsettled" });
      return;
    }
    assumptions.push({ key: "fromBelow", params: { text: r.line.text.split(":")[0].trim(), bound: r.band.cond } });
    r.band = { ...r.band, cond: `>=${r.band.cond}`, band: `>=${r.band.cond}: ${r.band.pointsText}` };
  });
  const points = read.map((r) => ({ line: r.line, points: r.band.topPoints }));
  if (failed.length > 0 || read.length === 0) return { rule: null, assumptions: [], failed, points };
  const rule = read.map((r) => r.band.band).join("; ");
  try {
    parseRule(rule);
  } catch (e) {
    if (!(e instanceof ParError)) throw e;
    return { rule: null, assumptions: [], failed: read.map((r) => ({ line: r.line, reason: "duplicateOutcome" })), points };
  }
  return { rule, assumptions, failed, points };
}
