import { CellValue, dateToSerial, fold } from "./values";
import { codesString, foldCodes, foldedCodes } from "./fold";

/**
 * Reading an evidence cell (tài liệu kiểm chứng, TLKC): one document per line, each a document reference
 * ("Kế hoạch số 3790/KH-UBND ngày 27/12/2017"), a file name ("bao-cao-cchc-2018.pdf"), an http(s) link, or free text.
 */
export type EvidenceKind = "reference" | "file" | "link" | "text";

/**
 * - "link-not-http": a link reviewers cannot open from the report: another scheme (ftp://, file://), no scheme
 *   ("www.…", "dienbien.gov.vn/…"), or a path on someone's computer or network share ("C:\…", "\\server\…").
 * - "reference-malformed": it starts like a reference (document type + "số") but its number or its date
 *   cannot be read ("Kế hoạch số ngày 27/12/2017", "Quyết định số 12/QĐ-UBND ngày 32/13/2018").
 * - "link-dangerous": a link that runs code or reaches into a network share when opened (javascript:, vbscript:,
 *   data:, file://server/share): never evidence, and never made a live link by anything PAR Scorer writes.
 */
export type EvidenceProblem = "link-not-http" | "reference-malformed" | "link-dangerous";

export interface EvidenceDoc {
  /** The document as written, without its list marker ("- ", "1. "). */
  text: string;
  /** 1-based line in the cell (documents separated by ";" on one line all have that line). */
  line: number;
  kind: EvidenceKind;
  /** Excel serial of the document's date when it states one ("ngày 27/12/2017"), else null. */
  date: number | null;
  problem: EvidenceProblem | null;
}

/** Document types (folded), longest first so "thong bao ket luan" wins over "thong bao". */
const DOC_TYPES = [
  "thong bao ket luan",
  "giay chung nhan",
  "chuong trinh",
  "nghi quyet",
  "quyet dinh",
  "nghi dinh",
  "huong dan",
  "thong bao",
  "cong van",
  "cong dien",
  "ke hoach",
  "bao cao",
  "van ban",
  "to trinh",
  "bien ban",
  "chi thi",
  "ket luan",
  "giay moi",
  "thong tu",
  "quy che",
  "quy dinh",
  "de an",
  "luat",
  // Abbreviations used in cells: KH số …, QĐ số …
  "kh",
  "qd",
  "bc",
  "cv",
  "vb",
  "tb",
];

const FILE_EXTENSIONS =
  "pdf|docx?|docm|xlsx?|xlsm|xlsb|pptx?|odt|ods|odp|rtf|txt|csv|jpe?g|png|gif|bmp|tiff?|heic|zip|rar|7z|mp4|mp3|html?";
const FILE_RE = new RegExp(`^[^\\\\/:*?"<>|\\r\\n]+\\.(?:${FILE_EXTENSIONS})$`, "i");
const HTTP_RE = /\bhttps?:\/\/[^\s/?#]+\.[^\s/?#]+/i;
const OTHER_SCHEME_RE = /(?:^|[\s(])(?:ftps?|sftp|file|smb|ssh|ftp):\/\/?|^[a-z][a-z0-9+.-]*:\/\//i;
const WWW_RE = /(?:^|[\s(])www\.[a-z0-9-]+\.[a-z]/i;
const BARE_DOMAIN_RE = /^(?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|edu|info|io)(?::\d+)?(?:[/?#]\S*)?$/i;
const LOCAL_PATH_RE = /(?:^|\s)(?:[a-z]:[\\/]|\\\\[^\s\\]+\\)/i;
const MARKER_RE = /^(?:[-+•●▪◦–—*](?=\s*\D)\s*|\d{1,2}[.)]\s+|[a-zđ]\)\s+)/i;

/** The text without a leading list marker ("- ", "+ ", "• ", "1. ", "2) ", "a) "). */
export function stripListMarker(text: string): string {
  const t = text.trim();
  return mayStartWithMarker(t) ? t.replace(MARKER_RE, "").trim() : t;
}

/** Marks MARKER_RE can start with: - + • ● ▪ ◦ – — * (other characters are digits, or a letter before ")"). */
const MARK_CHARS = new Set([..."-+•●▪◦–—*"].map((c) => c.charCodeAt(0)));

/** Whether MARKER_RE may match at the start of the trimmed text (so most documents skip the regex). */
function mayStartWithMarker(t: string): boolean {
  const c = t.charCodeAt(0);
  if ((c >= 48 && c <= 57) || MARK_CHARS.has(c)) return true;
  // "a) ", "đ) ": a letter (either case, as /i reads it) followed by ")".
  const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 0x111 || c === 0x110;
  return letter && t.charCodeAt(1) === 41;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days from 1970-01-01 to a date of the proleptic Gregorian calendar (month 1–12). */
function daysFromEpoch(y: number, m: number, d: number): number {
  const year = m <= 2 ? y - 1 : y;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146_097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719_468;
}

/** 1899-12-30, Excel's day 0, counted from 1970-01-01. */
const EXCEL_EPOCH = -25_569;

function serial(y: number, m: number, d: number): number | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return null;
  return daysFromEpoch(y, m, d) - EXCEL_EPOCH;
}

/*
 * The scanner below reads references and dates by walking the folded text once, without the regex passes,
 * substrings and match arrays it once took (issue 11: ~20,000 documents a unit sheet). It reads the folded text as
 * character codes (foldCodes), so no folded string is made for a document (issue 22). Whitespace is what a regex's
 * \s is, a word character what \b tests ([A-Za-z0-9_]); the property test in
 * test/scoring/evidence-scanner.property.test.ts holds it to the regex implementation it replaced.
 */

/** Whether a UTF-16 code is whitespace as a regex's \s reads it. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A character \b counts as part of a word. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/*
 * Every scanning function below reads the folded codes s[0, n) (n = the folded length; s is foldCodes' buffer).
 * Past n, a read gives "nothing": the functions check `at < n` as the string versions checked the string's length.
 */

function skipSpaces(s: Uint16Array, n: number, at: number): number {
  while (at < n && isSpace(s[at])) at++;
  return at;
}

function skipDigits(s: Uint16Array, n: number, at: number): number {
  while (at < n && isDigit(s[at])) at++;
  return at;
}

/** The value of the digits s[from, to). */
function digitsValue(s: Uint16Array, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) v = v * 10 + s[i] - 48;
  return v;
}

/** Whether s[at, n) starts with `word` (ASCII). */
function startsAt(s: Uint16Array, n: number, at: number, word: string): boolean {
  if (at < 0 || at + word.length > n) return false;
  for (let i = 0; i < word.length; i++) if (s[at + i] !== word.charCodeAt(i)) return false;
  return true;
}

/** Whether s has the word at `at` followed by the end or a character that is not a word character. */
function wordAt(s: Uint16Array, n: number, at: number, word: string): boolean {
  const end = at + word.length;
  return startsAt(s, n, at, word) && (end >= n || !isWordChar(s[end]));
}

/** The code at `at`, or NaN past the end (as charCodeAt gives past a string's end). */
function codeAt(s: Uint16Array, n: number, at: number): number {
  return at < n ? s[at] : NaN;
}

/**
 * A date at `at` in folded text (after "ngày"): "27/12/2017", "27-12-2017" (day and month of one or two digits,
 * the same separator twice, a year of two or four digits), "15 tháng 5 năm 2018".
 */
function leadingDate(s: Uint16Array, n: number, at: number): number | null | "unreadable" {
  const start = skipSpaces(s, n, at);
  const dayEnd = skipDigits(s, n, start);
  const dayDigits = dayEnd - start;
  if (dayDigits < 1 || dayDigits > 2) return "unreadable";
  const day = digitsValue(s, start, dayEnd);
  // Numeric: day, separator, month, the same separator, year.
  const sepAt = skipSpaces(s, n, dayEnd);
  const sep = codeAt(s, n, sepAt);
  if (sep === 47 || sep === 46 || sep === 45) {
    const monthStart = skipSpaces(s, n, sepAt + 1);
    const monthEnd = skipDigits(s, n, monthStart);
    if (monthEnd - monthStart >= 1 && monthEnd - monthStart <= 2) {
      const sep2At = skipSpaces(s, n, monthEnd);
      if (codeAt(s, n, sep2At) === sep) {
        const yearStart = skipSpaces(s, n, sep2At + 1);
        const yearEnd = skipDigits(s, n, yearStart);
        if (yearEnd - yearStart === 4 || yearEnd - yearStart === 2) {
          return serial(digitsValue(s, yearStart, yearEnd), digitsValue(s, monthStart, monthEnd), day) ?? "unreadable";
        }
      }
    }
    return "unreadable";
  }
  // Words: day, "thang", month, "nam", year (four digits, then not a word character).
  if (sepAt === dayEnd) return "unreadable";
  if (!startsAt(s, n, sepAt, "thang")) return "unreadable";
  let i = sepAt + 5;
  let j = skipSpaces(s, n, i);
  if (j === i) return "unreadable";
  const monthEnd = skipDigits(s, n, j);
  if (monthEnd - j < 1 || monthEnd - j > 2) return "unreadable";
  const month = digitsValue(s, j, monthEnd);
  j = skipSpaces(s, n, monthEnd);
  if (j === monthEnd || !startsAt(s, n, j, "nam")) return "unreadable";
  i = j + 3;
  j = skipSpaces(s, n, i);
  if (j === i) return "unreadable";
  const yearEnd = skipDigits(s, n, j);
  if (yearEnd - j < 4) return "unreadable";
  // \d{4}\b: four digits, then the end or a character outside [A-Za-z0-9_] (a fifth digit is one).
  if (j + 4 < n && isWordChar(s[j + 4])) return "unreadable";
  return serial(digitsValue(s, j, j + 4), month, day) ?? "unreadable";
}

/** Where the first word "ngay" starts in s from `from` on (`from` counts as a word start), or -1. */
function ngayAt(s: Uint16Array, n: number, from: number): number {
  // "ngay": 110 103 97 121.
  for (let at = Math.max(from, 0); at + 4 <= n; at++) {
    if (s[at] !== 110 || s[at + 1] !== 103 || s[at + 2] !== 97 || s[at + 3] !== 121) continue;
    if ((at === from || !isWordChar(s[at - 1])) && (at + 4 >= n || !isWordChar(s[at + 4]))) return at;
  }
  return -1;
}

const BARE_DATE_RE = /(?<![\d/])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])/;

/** The date stated after "ngày" in folded text from `from` on: null when there is none, "unreadable" when it cannot be read. */
function statedDate(s: Uint16Array, n: number, from: number): number | null | "unreadable" {
  const ngay = ngayAt(s, n, from);
  if (ngay >= 0) return leadingDate(s, n, ngay + 4);
  // A date without "ngày" needs a "/", "." or "-" between digits: look before making a string for the regex.
  let separator = false;
  for (let i = from; i < n && !separator; i++) separator = s[i] === 47 || s[i] === 46 || s[i] === 45;
  if (!separator) return null;
  const bare = BARE_DATE_RE.exec(codesString(s, from, n));
  if (bare) return serial(Number(bare[4]), Number(bare[3]), Number(bare[1])) ?? "unreadable";
  return null;
}

/** The document types by length, to compare a prefix with them without taking it out of the text. */
const TYPES_BY_LENGTH: string[][] = [];
for (const t of DOC_TYPES) (TYPES_BY_LENGTH[t.length] ??= []).push(t);

/** The document type that is exactly s[at, at + length), or null. */
function typeAt(s: Uint16Array, n: number, at: number, length: number): string | null {
  const list = TYPES_BY_LENGTH[length];
  if (list) for (const t of list) if (startsAt(s, n, at, t)) return t;
  return null;
}

/** Ends of the first four words, reused from call to call. */
const WORD_ENDS = new Int32Array(4);

/** Where the next `code` is in s[from, to), or -1. */
function codeIndex(s: Uint16Array, to: number, from: number, code: number): number {
  for (let i = from; i < to; i++) if (s[i] === code) return i;
  return -1;
}

/** The document type the folded text starts with (the longest one; followed by a space, ":" or the end). */
function startsWithDocType(s: Uint16Array, n: number): string | null {
  const base = startsAt(s, n, 0, "cac ") ? 4 : startsAt(s, n, 0, "nhung ") ? 6 : 0;
  // Ends of the first four words (types have at most four), found without splitting the whole text.
  let count = 0;
  for (let at = base; count < 4; ) {
    const space = codeIndex(s, n, at, 32);
    WORD_ENDS[count++] = space < 0 ? n : space;
    if (space < 0) break;
    at = space + 1;
  }
  // Only a ":" before the end of the last of those words counts (below, colon < end).
  const colon = codeIndex(s, WORD_ENDS[count - 1], base, 58);
  for (let k = count; k >= 1; k--) {
    const end = WORD_ENDS[k - 1];
    const type = typeAt(s, n, base, end - base);
    if (type !== null) return type;
    if (colon > base && colon < end) {
      const beforeColon = typeAt(s, n, base, colon - base);
      if (beforeColon !== null) return beforeColon;
    }
  }
  return null;
}

/** The length of "cac" or "nhung" and the whitespace after it at the start of s (as /^(?:cac|nhung)\s+/), or 0. */
function pluralLength(s: Uint16Array, n: number): number {
  const word = startsAt(s, n, 0, "cac") ? 3 : startsAt(s, n, 0, "nhung") ? 5 : 0;
  if (word === 0) return 0;
  const end = skipSpaces(s, n, word);
  return end > word ? end : 0;
}

/** The end of the run of characters other than whitespace, "," and ";" starting at `at`. */
function runEnd(s: Uint16Array, n: number, at: number): number {
  for (; at < n; at++) {
    const c = s[at];
    if (c === 44 || c === 59 || isSpace(c)) break;
  }
  return at;
}

/** What readReference found: not a reference, a reference (its date in referenceDate), a malformed one. */
const NOT_REFERENCE = 0;
const REFERENCE = 1;
const MALFORMED = 2;
let referenceDate: number | null = null;

/** Whether s[at, n) starts with a year of 19xx or 20xx that is a word of its own (followed by the end or a blank). */
function yearAt(s: Uint16Array, n: number, at: number): boolean {
  if (at + 4 > n || (at + 4 < n && !isSpace(s[at + 4]))) return false;
  // "19" or "20", then two digits.
  const century = (s[at] === 49 && s[at + 1] === 57) || (s[at] === 50 && s[at + 1] === 48);
  return century && isDigit(s[at + 2]) && isDigit(s[at + 3]);
}

/**
 * A reference: a document type, at most four more words (without digits, except a year after "năm": "Kế hoạch
 * CCHC năm 2018 số 12/KH-UBND"), then "số" and a number. Gives
 * NOT_REFERENCE when the text is not one (including "Báo cáo số lượng …", where "số" is part of a word). After
 * each of the first five words that is "so" (as a word start), the text is read as "số" + number; failing that,
 * what follows "số" makes the reference malformed unless it is an ordinary word ("số lượng", "số liệu", "Sở Nội
 * vụ"). A reference's date (null when it states none) is left in referenceDate.
 */
function readReference(s: Uint16Array, n: number): number {
  const type = startsWithDocType(s, n);
  if (!type) return NOT_REFERENCE;
  let q = pluralLength(s, n) + type.length;
  let malformed = false;
  let afterNam = false;
  for (let words = 0; words <= 4; words++) {
    // Whitespace, then the next word.
    if (q >= n || !isSpace(s[q])) break;
    const t = skipSpaces(s, n, q);
    if (t >= n) break;
    if (wordAt(s, n, t, "so")) {
      let r = skipSpaces(s, n, t + 2);
      if (r < n && (s[r] === 58 || s[r] === 46)) r++;
      r = skipSpaces(s, n, r);
      if (r < n && isDigit(s[r])) {
        // The number: up to a blank, "," or ";", and a second part after blanks when it starts with "/".
        let end = runEnd(s, n, r + 1);
        const slash = skipSpaces(s, n, end);
        if (slash > end && slash < n && s[slash] === 47) end = runEnd(s, n, slash + 1);
        const date = statedDate(s, n, end);
        if (date === "unreadable") return MALFORMED;
        referenceDate = date;
        return REFERENCE;
      }
      const wordEnd = runEnd(s, n, r);
      let ordinary = wordEnd > r;
      for (let i = r; ordinary && i < wordEnd; i++) {
        const c = s[i];
        ordinary = c >= 97 && c <= 122;
      }
      // "số lượng", "số liệu", "Sở Nội vụ": an ordinary word after "số", so not (yet) a reference.
      if (!ordinary || (wordEnd - r === 4 && startsAt(s, n, r, "ngay"))) malformed = true;
    }
    if (afterNam && yearAt(s, n, t)) {
      afterNam = false;
      q = t + 4;
      continue;
    }
    // The word is one of the words allowed before "số" only without digits.
    let end = t;
    for (; end < n; end++) {
      const c = s[end];
      if (isSpace(c)) break;
      if (isDigit(c)) return malformed ? MALFORMED : NOT_REFERENCE;
    }
    afterNam = end - t === 3 && startsAt(s, n, t, "nam");
    q = end;
  }
  return malformed ? MALFORMED : NOT_REFERENCE;
}

/** javascript:…, vbscript:…, data:… (also "java script:" split by blanks, as browsers read it), at a word start. */
const CODE_SCHEME_RE = /(?:^|[\s(<"'])(?:java|vb|live)?[\s\p{Cc}]*(?:script|data)[\s\p{Cc}]*:(?=\S)/iu;
/** file: followed by a host rather than a local path: file://server/share, file:////server, file:\\\\server. */
const FILE_SHARE_RE = /(?:^|\s)file:(?:\/\/(?!\/?[a-z]:|\/[^/]|localhost\/)|\\\\)/i;

/** The scheme of a link that would run code or open a network share, or null. */
export function dangerousScheme(text: string): string | null {
  if (!text.includes(":")) return null;
  const code = CODE_SCHEME_RE.exec(text);
  if (code) return code[0].replace(/[\s\p{Cc}(<"']/gu, "").toLowerCase();
  return FILE_SHARE_RE.test(text) ? "file:" : null;
}

function isLinkNotHttp(text: string): boolean {
  // Every pattern below needs a ":", a "\\" or a "." — most references have only the latter, in a date or number.
  if (!text.includes(":") && !text.includes("\\") && (!text.includes(".") || !/\.[a-z]/i.test(text))) return false;
  return LOCAL_PATH_RE.test(text) || OTHER_SCHEME_RE.test(text) || WWW_RE.test(text) || BARE_DOMAIN_RE.test(text);
}

/**
 * Where the documents being read come from, while parseEvidenceFrom reads a cell: each document is then made with
 * its sheet and cell at once, rather than copied into a new object afterwards (some 20,000 documents a large sheet).
 */
let fromSheet: string | null = null;
let fromCell = "";

function makeDoc(text: string, line: number, kind: EvidenceKind, date: number | null, problem: EvidenceProblem | null): EvidenceDoc {
  return fromSheet === null ? { text, line, kind, date, problem } : ({ text, line, kind, date, problem, sheet: fromSheet, cell: fromCell } as EvidenceDoc);
}

/** Reads one document (its text already without list marker). */
export function classifyDocument(text: string, line = 1): EvidenceDoc {
  // One look for ":", "\\" and ".", which every link or file pattern below needs (most references have none but "/").
  let colon = false;
  let backslash = false;
  let dot = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 58) colon = true;
    else if (c === 92) backslash = true;
    else if (c === 46) dot = true;
  }
  if (!colon && !backslash && !dot) return classifyPlain(text, line);
  if (dangerousScheme(text)) return makeDoc(text, line, "link", null, "link-dangerous");
  if (text.includes("://") && HTTP_RE.test(text)) {
    // A reference followed by its link ("Kế hoạch số 12/KH-UBND ngày 2/1/2018 https://…") keeps the reference's date.
    const n = foldCodes(text.replace(/https?:\/\/\S+/gi, " "));
    return makeDoc(text, line, "link", readReference(foldedCodes(), n) === REFERENCE ? referenceDate : null, null);
  }
  if (isLinkNotHttp(text)) return makeDoc(text, line, "link", null, "link-not-http");
  if (text.includes(".") && FILE_RE.test(text)) return makeDoc(text, line, "file", null, null);
  return classifyPlain(text, line);
}

/** A document that is no link and no file name: a reference, or text (with the date it states). */
function classifyPlain(text: string, line: number): EvidenceDoc {
  const n = foldCodes(text);
  const s = foldedCodes();
  const reference = readReference(s, n);
  if (reference === REFERENCE) return makeDoc(text, line, "reference", referenceDate, null);
  if (reference === MALFORMED) return makeDoc(text, line, "reference", null, "reference-malformed");
  // As statedDate(folded, 0) when the text has a "ngày", without looking for it twice.
  const ngay = ngayAt(s, n, 0);
  const date = ngay >= 0 ? leadingDate(s, n, ngay + 4) : null;
  return makeDoc(text, line, "text", typeof date === "number" ? date : null, null);
}

/** Whether a piece of a ";"-separated line is a document on its own (so splitting at ";" is safe). */
function looksLikeDocument(piece: string): boolean {
  if (classifyDocument(piece).kind !== "text") return true;
  const n = foldCodes(piece);
  return startsWithDocType(foldedCodes(), n) !== null;
}

/**
 * The documents of an evidence cell, in order. One document per line; a single line is also split at ";" when
 * every piece looks like a document on its own (a reference, a file, a link, or text starting with a document
 * type). List markers are removed; blank lines are skipped but counted. A number or a date in the cell is read
 * as text (a date keeps its date).
 */
export function parseEvidence(cell: CellValue): EvidenceDoc[] {
  if (cell === null || cell === undefined) return [];
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return [];
    const serialDate = dateToSerial(cell);
    const d = cell;
    const text = `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
    return [makeDoc(text, 1, "text", serialDate, null)];
  }
  const source = String(cell);
  if (!source.includes("\n") && !source.includes("\r")) {
    const pieces = source
      .split(";")
      .map(stripListMarker)
      .filter((p) => p !== "");
    if (pieces.length >= 2 && pieces.every(looksLikeDocument)) return pieces.map((p) => classifyDocument(p, 1));
  }
  // One document a line (lines end at "\r\n", "\r" or "\n").
  const docs: EvidenceDoc[] = [];
  let line = 1;
  let lf = source.indexOf("\n");
  let cr = source.indexOf("\r");
  for (let start = 0; ; line++) {
    if (lf >= 0 && lf < start) lf = source.indexOf("\n", start);
    if (cr >= 0 && cr < start) cr = source.indexOf("\r", start);
    const end = lf < 0 ? (cr < 0 ? source.length : cr) : cr < 0 ? lf : Math.min(lf, cr);
    const text = stripListMarker(source.slice(start, end));
    if (text !== "") docs.push(classifyDocument(text, line));
    if (end >= source.length) break;
    start = source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  }
  return docs;
}

/**
 * parseEvidence, each document with the sheet and cell it was read from: { ...doc, sheet, cell }, its properties in
 * that order.
 */
export function parseEvidenceFrom(cell: CellValue, sheet: string, address: string): Array<EvidenceDoc & { sheet: string; cell: string }> {
  fromSheet = sheet;
  fromCell = address;
  try {
    return parseEvidence(cell) as Array<EvidenceDoc & { sheet: string; cell: string }>;
  } finally {
    fromSheet = null;
    fromCell = "";
  }
}

/* ----------------------------------------------------------------------------------------------------------------
 * Whether the documents include a required one.
 * -------------------------------------------------------------------------------------------------------------- */

/** Spelled-out phrases and their usual abbreviations, so both spellings compare equal (folded, word-separated). */
const PHRASES: Array<[RegExp, string, string]> = [
  // Each with a piece of text it cannot match without, looked for first (most documents hold none of them).
  [/\bcai cach hanh chinh\b/g, "cchc", "cai cach hanh chinh"],
  [/\bthu tuc hanh chinh\b/g, "tthc", "thu tuc hanh chinh"],
  [/\bcong nghe thong tin\b/g, "cntt", "cong nghe thong tin"],
  [/\budcntt\b/g, "ung dung cntt", "udcntt"],
  [/\bvan ban quy pham phap luat\b/g, "vbqppl", "van ban quy pham phap luat"],
  [/\b(?:van ban|vb) qppl\b/g, "vbqppl", " qppl"],
  [/\bquy pham phap luat\b/g, "qppl", "quy pham phap luat"],
  [/\bcan bo cong chuc vien chuc\b/g, "cbccvc", "can bo cong chuc vien chuc"],
  [/\bcong chuc vien chuc\b/g, "ccvc", "cong chuc vien chuc"],
];

/** Abbreviated document types, expanded (a reference number "3790/KH-UBND" then also names its type). */
const ABBREVIATIONS: Record<string, string> = {
  kh: "ke hoach",
  bc: "bao cao",
  qd: "quyet dinh",
  vb: "van ban",
  tb: "thong bao",
  cv: "cong van",
  bb: "bien ban",
  tbkl: "thong bao ket luan",
};

/** Words too common in required names to tell documents apart (folded syllables). */
const STOPWORDS = new Set(
  (
    "cac cua va hoac ve cho trong tai theo nam tinh thang quy dinh ky hang nay do duoc da nhung mot so co neu " +
    "tren dia ban voi la de khi den tu o lien quan ubnd thuc hien cong tac"
  ).split(" "),
);

/** Folded words of a text, abbreviations expanded and phrases shortened. */
function words(text: string): string[] {
  let f = fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  f = f
    .split(" ")
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(" ");
  for (const [re, short, needs] of PHRASES) if (f.includes(needs)) f = f.replace(re, short);
  return f.split(" ").filter((w) => w !== "");
}

interface Requirement {
  /** Words of the document type ("ke", "hoach"), all of which must appear. */
  type: string[];
  /** Distinctive words, most of which must appear. */
  key: string[];
}

/** A comma before another document type separates alternatives too: "Biên bản kiểm tra, báo cáo kết quả kiểm tra". */
const LIST_OF_TYPES = new RegExp(`,\\s*(?=(?:cac\\s+|nhung\\s+)?(?:${DOC_TYPES.filter((t) => t.includes(" ")).join("|")})\\b)`);

function requirementOf(alternative: string): Requirement | null {
  const w = words(alternative);
  while (w.length > 0 && (w[0] === "cac" || w[0] === "nhung")) w.shift();
  const joined = w.join(" ");
  const type = DOC_TYPES.find((t) => t.includes(" ") && (joined === t || joined.startsWith(t + " ")));
  const typeWords = type ? type.split(" ") : [];
  const key = [...new Set(w.slice(typeWords.length).filter((x) => !STOPWORDS.has(x) && !/^(?:19|20)\d\d$/.test(x)))];
  if (typeWords.length === 0 && key.length === 0) return null;
  return { type: typeWords, key };
}

/** How many distinctive words must appear: all of up to three, else two thirds (rounded up). */
function needed(count: number): number {
  return count <= 3 ? count : Math.ceil((count * 2) / 3);
}

/**
 * Whether one of the documents plausibly is the required one (a catalogue evidence name such as "Kế hoạch CCHC
 * năm"). Comparison is on folded words (no diacritics, lower case), with common abbreviations equated
 * (KH = kế hoạch, BC = báo cáo, QĐ = quyết định, CCHC = cải cách hành chính, TTHC, CNTT, VBQPPL…). The required name
 * is split into alternatives at "hoặc", at a spaced "/" and at a comma followed by another document type; text in
 * parentheses is ignored. An alternative is
 * satisfied by one document that contains every word of its document type (if it starts with one: "Kế hoạch",
 * "Thông báo kết luận"…; a reference number's "/KH-" counts) and enough of its distinctive words: all of them when
 * there are at most three, else two thirds. Words such as "năm", "của", "tỉnh", "các" and years are not distinctive.
 * A blank requirement is met by any document.
 */
export function matchesRequired(docs: EvidenceDoc[], required: string): boolean {
  const alternatives = requirementsOf(required);
  if (alternatives === null) return docs.length > 0;
  const docWords = docs.map(wordsOf);
  return alternatives.some((req) =>
    docWords.some((have) => req.type.every((w) => have.has(w)) && req.key.filter((w) => have.has(w)).length >= needed(req.key.length)),
  );
}

/**
 * A required name's alternatives (null for a blank name), read once per name: the same catalogue names are
 * checked against every unit's documents. The cache is emptied when it grows large (names come from catalogues,
 * which are few).
 */
const requirementCache = new Map<string, Requirement[] | null>();

function requirementsOf(required: string): Requirement[] | null {
  let alternatives = requirementCache.get(required);
  if (alternatives !== undefined) return alternatives;
  const folded = fold(required);
  alternatives =
    folded === ""
      ? null
      : folded
          .replace(/\([^)]*\)/g, " ")
          .split(/\s+hoac\s+|\s+\/\s*|\s*\/\s+/)
          .flatMap((alternative) => alternative.split(LIST_OF_TYPES))
          .map(requirementOf)
          .filter((r): r is Requirement => r !== null);
  if (requirementCache.size >= 10_000) requirementCache.clear();
  requirementCache.set(required, alternatives);
  return alternatives;
}

/** A document's words, worked out once per document (a cell's documents are matched against each required name). */
const docWordSets = new WeakMap<EvidenceDoc, Set<string>>();

function wordsOf(doc: EvidenceDoc): Set<string> {
  let set = docWordSets.get(doc);
  if (!set) docWordSets.set(doc, (set = new Set(words(doc.text))));
  return set;
}
