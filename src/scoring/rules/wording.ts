/**
 * Conditions and points as methodologies word them in Vietnamese ("từ 70% đến dưới 90%", "trên 90%",
 * "điểm tối đa", "75% điểm"). Matching is done on a folded copy of the text that keeps every character's
 * position (lower case, diacritics dropped, đ → d, any white space → " "), so errors still point at the
 * character the user typed.
 */

/** Lower case without diacritics, đ → d, white space → " ", one character for one character. */
export function foldKeepingPositions(text: string): string {
  let out = "";
  for (const ch of text) {
    const units = ch.length;
    let f = ch.toLowerCase();
    if (f.length !== units) f = ch;
    if (/\s/.test(f)) f = " ";
    else if (f === "đ") f = "d";
    else if (f.charCodeAt(0) >= 128) {
      const base = f.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
      f = base.length === units ? base : f;
    }
    out += f;
  }
  return out;
}

// Minus sign, en and em dashes as \u escapes (the regular expression reads them): the CLI's bundle is ASCII only.
/** A number, percentage or date as a condition bound may write it ("90%", "0,5", "15/01/2019", "20"). */
const N = String.raw`(\d{1,2}/\d{1,2}/\d{4}|[+\-\u2212]?\d+(?:[.,]\d+)?(?:\s*%)?)`;
const S = String.raw`\s+`;
const DASH = String.raw`\s*[-\u2013\u2014]\s*`;
/**
 * Up to six words naming what is counted, between a number and the words that close the phrase ("từ 20 TTHC trở
 * lên", "từ 30% số cơ quan, đơn vị trở lên": a comma may separate them).
 */
const W = String.raw`(?:,?\s+(?!den\b|toi\b|duoi\b|tro\b)[a-z&]+){0,6}`;
/** "ngày " before a date ("trước ngày 15/12/2025"). */
const DAY = String.raw`(?:ngay\s+)?`;

export type WordedKind = ">=" | ">" | "<" | "<=" | "range" | "rangeOpen";

interface Form {
  kind: WordedKind;
  /** The phrase, with N for each number. */
  re: string;
  /** Whether the phrase may sit inside other words (the import reads "Giải quyết đúng hạn từ 95% đến dưới 100% hồ sơ"). */
  inside: boolean;
}

/** Every Vietnamese condition form, most specific first ("từ a đến dưới b" before "từ a đến b"). */
const FORMS: Form[] = [
  { kind: "rangeOpen", re: `tu${S}${N}${W}${S}(?:den|toi)${S}duoi${S}${N}`, inside: true },
  { kind: "rangeOpen", re: `tu${S}${N}${DASH}duoi${S}${N}`, inside: true },
  { kind: "rangeOpen", re: `${N}${DASH}duoi${S}${N}`, inside: true },
  { kind: "range", re: `tu${S}${N}${W}${S}(?:den|toi)${S}${N}`, inside: true },
  { kind: "range", re: `tu${S}${N}${DASH}${N}`, inside: true },
  { kind: ">=", re: `(?:tu${S})?${N}${W}${S}tro${S}len`, inside: true },
  { kind: ">=", re: `(?:it${S}nhat|toi${S}thieu)${S}${N}`, inside: true },
  { kind: "<=", re: `(?:tu${S})?${N}${W}${S}tro${S}xuong`, inside: true },
  { kind: ">", re: `(?:tren|hon|cao${S}hon|lon${S}hon|nhieu${S}hon)${S}${N}`, inside: false },
  { kind: ">", re: `tren${S}${N}`, inside: true },
  { kind: "<", re: `(?:duoi|thap${S}hon|nho${S}hon|it${S}hon)${S}${N}`, inside: true },
  { kind: "<=", re: `(?:khong${S}qua|khong${S}vuot${S}qua|toi${S}da|den)${S}${N}`, inside: false },
  { kind: "<=", re: `(?:khong${S}qua|khong${S}vuot${S}qua)${S}${N}`, inside: true },
  // Dates: "trước ngày 15/12/2025", "sau ngày 31/12/2025", "chậm nhất ngày 15/12/2025", "đến hết ngày 15/12/2025".
  { kind: "<=", re: `(?:cham${S}nhat|den${S}het|truoc${S}hoac${S}trong)${S}${DAY}${N}`, inside: true },
  { kind: "<", re: `truoc${S}${DAY}${N}`, inside: true },
  { kind: ">", re: `sau${S}${DAY}${N}`, inside: true },
];

const ANCHORED = FORMS.map((f) => ({ ...f, rx: new RegExp(`^${f.re}$`) }));
const INSIDE = FORMS.filter((f) => f.inside).map((f) => ({ ...f, rx: new RegExp(`(?<![a-z0-9])${f.re}(?![a-z0-9])`, "g") }));

/** A number found in a worded condition: its text and its 0-based offset in the condition. */
export interface WordedNumber {
  text: string;
  offset: number;
}

export interface WordedCondition {
  kind: WordedKind;
  numbers: WordedNumber[];
}

function numbersOf(match: RegExpExecArray, from: number): WordedNumber[] {
  const numbers: WordedNumber[] = [];
  let cursor = 0;
  const whole = match[0];
  for (let g = 1; g < match.length; g++) {
    const text = match[g];
    if (text === undefined) continue;
    const at = whole.indexOf(text, cursor);
    numbers.push({ text, offset: from + at });
    cursor = at + text.length;
  }
  return numbers;
}

/** Every form, of conditions and of points, has a word in it: text without a letter is none of them. */
const LETTER = /[a-z]/;

/** The whole condition in Vietnamese words ("từ 70% đến dưới 90%"), or null when it is not one. */
export function readWordedCondition(text: string): WordedCondition | null {
  const folded = foldKeepingPositions(text);
  if (!LETTER.test(folded)) return null;
  for (const form of ANCHORED) {
    const m = form.rx.exec(folded);
    if (m) return { kind: form.kind, numbers: numbersOf(m, 0) };
  }
  return null;
}

/** A worded condition found inside other words, with where it starts and ends (0-based, end exclusive). */
export interface FoundCondition extends WordedCondition {
  start: number;
  end: number;
}

/**
 * The one condition phrase inside a longer wording ("Giải quyết đúng hạn từ 95% đến dưới 100% hồ sơ"); null when
 * there is none or more than one (which one would be guessing).
 */
export function findWordedCondition(text: string): FoundCondition | null {
  const folded = foldKeepingPositions(text);
  if (!LETTER.test(folded)) return null;
  const anchored = readWordedCondition(text);
  if (anchored) return { ...anchored, start: 0, end: text.length };
  const found: FoundCondition[] = [];
  for (const form of INSIDE) {
    form.rx.lastIndex = 0;
    for (let m = form.rx.exec(folded); m; m = form.rx.exec(folded)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!found.some((f) => start < f.end && f.start < end)) found.push({ kind: form.kind, numbers: numbersOf(m, start), start, end });
    }
  }
  return found.length === 1 ? found[0] : null;
}

export type WordedPoints = { kind: "share"; share: number } | { kind: "number"; text: string; offset: number };

const POINTS_FORMS: { rx: RegExp; read: (m: RegExpExecArray) => WordedPoints }[] = [
  { rx: /^(?:bang\s+)?diem\s+toi\s+da$/, read: () => ({ kind: "share", share: 1 }) },
  { rx: /^max$/, read: () => ({ kind: "share", share: 1 }) },
  {
    rx: /^(\d+(?:[.,]\d+)?)\s*%\s*(?:(?:cua\s+)?(?:so\s+)?diem(?:\s+toi\s+da)?|max)$/,
    read: (m) => ({ kind: "share", share: Number(m[1].replace(",", ".")) / 100 }),
  },
  { rx: /^([+\-−]?\s*\d+(?:[.,]\d+)?)\s*(?:diem|d)$/, read: (m) => ({ kind: "number", text: m[1], offset: 0 }) },
];

/** Points in words: "điểm tối đa" (the maximum), "75% điểm" / "75% điểm tối đa" / "75% max", "0,5 điểm", "1đ". */
export function readWordedPoints(text: string): WordedPoints | null {
  const folded = foldKeepingPositions(text).trim();
  if (!LETTER.test(folded)) return null;
  for (const form of POINTS_FORMS) {
    const m = form.rx.exec(folded);
    if (m) return form.read(m);
  }
  return null;
}
