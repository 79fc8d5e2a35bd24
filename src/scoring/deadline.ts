import { fold } from "./values";

/**
 * Reading a catalogue's deadline text (thời hạn) as one date.
 *
 * The result is the LATEST ACCEPTABLE DAY, as an Excel serial date: a document dated on or before it is on time.
 *
 * - "Ngày 30/12/2018", "30/12/2018", "Chậm nhất ngày 30/12/2018", "ngày 30 tháng 12 năm 2018" → that day.
 * - "Trước ngày 15/01/2019" → 14/01/2019: "trước" (before) is read strictly, so the day itself is already late.
 * - "Quý IV năm 2018" → 31/12/2018 (the quarter's last day; Quý I/II/III/IV or 1–4). "Tháng 12/2018" → 31/12/2018.
 *   "Năm 2018" → 31/12/2018. "Trước quý IV năm 2018" → 30/09/2018 (the day before the quarter starts).
 * - A day and month without a year ("Trước ngày 15/1", "Báo cáo CCHC năm 10/12"), a quarter or month without a year,
 *   take `year` when it is given (the calendar year the deadline falls in, which for an annual report due in
 *   January is the year after the assessed one), else the text gives no date: null.
 * - null whenever the text does not name exactly one date: several dates or items ("1. … 2. …"), dates relative to
 *   an event or period ("Sau 15 ngày kể từ ngày kết thúc kiểm tra", "Quý IV năm trước liền kề năm kế hoạch",
 *   "trước ngày 20 của tháng cuối quý"), a reporting regime ("Theo chế độ báo cáo …"), or an impossible date.
 */
export function parseDeadline(text: string | null, year?: number | null): number | null {
  if (text == null) return null;
  const f = fold(text);
  if (!f) return null;
  if (RELATIVE.some((re) => re.test(f))) return null;
  const mentions = findMentions(f, year ?? null);
  if (mentions === null || mentions.length !== 1) return null;
  const m = mentions[0];
  const before = /(?:^|\s)truoc(?:\s+ngay)?\s*$/.test(f.slice(0, m.start));
  return before ? m.first - 1 : m.last;
}

/** Wording that makes a deadline relative to something else, or periodic: no single date. */
const RELATIVE: RegExp[] = [
  /\bke tu\b/,
  /\blien ke\b/,
  /\bsau\b/,
  /\bdau (?:quy|thang|nam)\b/,
  /\bcuoi (?:quy|thang)\b(?!\s+(?:iv|iii|ii|i|\d))/,
  /\bcuoi nam\b(?!\s+\d{4})/,
  /\btheo\b/,
  /\bdinh ky\b/,
  /\bhang (?:nam|quy|thang)\b/,
  /\bnam (?:ke hoach|truoc|sau)\b/,
  /\d+\s+ngay\b/,
  /\bngay \d{1,2} (?:cua|hang)\b/,
];

interface Mention {
  start: number;
  /** First and last day (serials) of the period named: equal for a day. */
  first: number;
  last: number;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function serial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return null;
  const utc = Date.UTC(y, m - 1, d);
  const check = new Date(utc);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) return null;
  return Math.round((utc - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function lastOfMonth(y: number, m: number): number | null {
  return serial(y, m, new Date(Date.UTC(y, m, 0)).getUTCDate());
}

type Reader = (m: RegExpExecArray, year: number | null) => { first: number; last: number } | null | "invalid";

function day(y: number | null, m: number, d: number) {
  if (y === null) return null;
  const s = serial(y, m, d);
  return s === null ? "invalid" : { first: s, last: s };
}

/** Patterns tried in order; each match is blanked out so a later, looser pattern cannot read it again. */
const PATTERNS: Array<[RegExp, Reader]> = [
  [/(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})/g, (m) => day(Number(m[3]), Number(m[2]), Number(m[1]))],
  [/(?<![\d/])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])/g, (m) => day(Number(m[4]), Number(m[3]), Number(m[1]))],
  [
    /\bquy\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:nam\s+|\/\s*)(\d{4}))?/g,
    (m, year) => {
      const y = m[2] ? Number(m[2]) : year;
      if (y === null) return null;
      const q = ROMAN[m[1]] ?? Number(m[1]);
      const first = serial(y, q * 3 - 2, 1);
      const last = lastOfMonth(y, q * 3);
      return first === null || last === null ? "invalid" : { first, last };
    },
  ],
  [
    /\bthang\s+(\d{1,2})\b(?:\s*(?:nam\s+|\/\s*)(\d{4}))?/g,
    (m, year) => {
      const y = m[2] ? Number(m[2]) : year;
      if (y === null) return null;
      const month = Number(m[1]);
      const first = serial(y, month, 1);
      const last = lastOfMonth(y, month);
      return first === null || last === null ? "invalid" : { first, last };
    },
  ],
  [/(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/g, (m, year) => day(year, Number(m[2]), Number(m[1]))],
  [
    /\bnam\s+(\d{4})\b/g,
    (m) => {
      const y = Number(m[1]);
      const first = serial(y, 1, 1);
      const last = serial(y, 12, 31);
      return first === null || last === null ? "invalid" : { first, last };
    },
  ],
  // A day of the month alone ("ngày 20"): a date the text does not finish, so no single date can be read.
  [/\bngay\s+\d{1,2}\b/g, () => null],
];

/** Every date-like mention in folded text; null when one is impossible or cannot be completed (no year given). */
function findMentions(folded: string, year: number | null): Mention[] | null {
  let work = folded;
  const found: Array<Mention | null> = [];
  for (const [pattern, read] of PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(work); m; m = pattern.exec(work)) {
      const r = read(m, year);
      if (r === "invalid") return null;
      found.push(r ? { start: m.index, ...r } : null);
    }
    work = work.replace(pattern, (s) => " ".repeat(s.length));
  }
  return found.every((m) => m !== null) ? (found as Mention[]) : null;
}
