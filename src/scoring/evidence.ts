import { CellValue, dateToSerial, fold } from "./values";

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
  return text.trim().replace(MARKER_RE, "").trim();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function serial(y: number, m: number, d: number): number | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return null;
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A date at the start of folded text (after "ngày"): "27/12/2017", "27-12-2017", "15 tháng 5 năm 2018". */
function leadingDate(folded: string): number | null | "unreadable" {
  const numeric = /^\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/.exec(folded);
  if (numeric) return serial(Number(numeric[4]), Number(numeric[3]), Number(numeric[1])) ?? "unreadable";
  const words = /^\s*(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b/.exec(folded);
  if (words) return serial(Number(words[3]), Number(words[2]), Number(words[1])) ?? "unreadable";
  return "unreadable";
}

/** The date stated after "ngày" in folded text: null when there is none, "unreadable" when it cannot be read. */
function statedDate(folded: string): number | null | "unreadable" {
  const m = /\bngay\b/.exec(folded);
  if (m) return leadingDate(folded.slice(m.index + m[0].length));
  const bare = /(?<![\d/])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])/.exec(folded);
  if (bare) return serial(Number(bare[4]), Number(bare[3]), Number(bare[1])) ?? "unreadable";
  return null;
}

const DOC_TYPE_SET = new Set(DOC_TYPES);

/** The document type the folded text starts with (the longest one; followed by a space, ":" or the end). */
function startsWithDocType(folded: string): string | null {
  const f = folded.startsWith("cac ") ? folded.slice(4) : folded.startsWith("nhung ") ? folded.slice(6) : folded;
  // Ends of the first four words (types have at most four), found without splitting the whole text.
  const ends: number[] = [];
  for (let at = 0; ends.length < 4; ) {
    const space = f.indexOf(" ", at);
    ends.push(space < 0 ? f.length : space);
    if (space < 0) break;
    at = space + 1;
  }
  for (let n = ends.length; n >= 1; n--) {
    const candidate = f.slice(0, ends[n - 1]);
    if (DOC_TYPE_SET.has(candidate)) return candidate;
    const colon = candidate.indexOf(":");
    if (colon > 0 && DOC_TYPE_SET.has(candidate.slice(0, colon))) return candidate.slice(0, colon);
  }
  return null;
}

/** "số" after 0…4 words following the document type ("Kế hoạch CCHC năm số …"). */
const SO_AFTER_WORDS = [0, 1, 2, 3, 4].map((between) => new RegExp(`^(?:\\s+[^\\s\\d]+){${between}}\\s+so\\b\\s*[:.]?\\s*`));

const ANY_SO_AFTER_WORDS = /^(?:\s+[^\s\d]+){0,4}\s+so\b/;

/**
 * A reference: a document type, at most four more words, then "số" and a number. Returns null when the text
 * is not one (including "Báo cáo số lượng …", where "số" is part of a word).
 */
function readReference(folded: string): { date: number | null; malformed: boolean } | null {
  const type = startsWithDocType(folded);
  if (!type) return null;
  const plural = folded.startsWith("cac") || folded.startsWith("nhung");
  const afterType = (plural ? folded.replace(/^(?:cac|nhung)\s+/, "") : folded).slice(type.length);
  // One pass first: when "số" follows none of the first words, none of the loop's patterns can match.
  if (!ANY_SO_AFTER_WORDS.test(afterType)) return null;
  let malformed = false;
  for (const soAfter of SO_AFTER_WORDS) {
    const so = soAfter.exec(afterType);
    if (!so) continue;
    const rest = afterType.slice(so[0].length);
    const number = /^\d[^\s,;]*(?:\s+\/[^\s,;]*)?/.exec(rest);
    if (number) {
      const date = statedDate(rest.slice(number[0].length));
      return date === "unreadable" ? { date: null, malformed: true } : { date, malformed: false };
    }
    const word = /^[^\s,;]+/.exec(rest)?.[0] ?? "";
    // "số lượng", "số liệu", "Sở Nội vụ": an ordinary word after "số", so not (yet) a reference.
    if (!/^[a-z]+$/.test(word) || word === "ngay") malformed = true;
  }
  return malformed ? { date: null, malformed: true } : null;
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
  if (!text.includes(":") && !text.includes("\\") && !/\.[a-z]/i.test(text)) return false;
  return LOCAL_PATH_RE.test(text) || OTHER_SCHEME_RE.test(text) || WWW_RE.test(text) || BARE_DOMAIN_RE.test(text);
}

/** Reads one document (its text already without list marker). */
export function classifyDocument(text: string, line = 1): EvidenceDoc {
  const doc = (kind: EvidenceKind, date: number | null = null, problem: EvidenceProblem | null = null): EvidenceDoc => ({
    text,
    line,
    kind,
    date,
    problem,
  });
  if (dangerousScheme(text)) return doc("link", null, "link-dangerous");
  if (text.includes("://") && HTTP_RE.test(text)) {
    // A reference followed by its link ("Kế hoạch số 12/KH-UBND ngày 2/1/2018 https://…") keeps the reference's date.
    const reference = readReference(fold(text.replace(/https?:\/\/\S+/gi, " ")));
    return doc("link", reference && !reference.malformed ? reference.date : null);
  }
  if (isLinkNotHttp(text)) return doc("link", null, "link-not-http");
  if (text.includes(".") && FILE_RE.test(text)) return doc("file");
  const folded = fold(text);
  const reference = readReference(folded);
  if (reference) return doc("reference", reference.date, reference.malformed ? "reference-malformed" : null);
  const date = /\bngay\b/.test(folded) ? statedDate(folded) : null;
  return doc("text", typeof date === "number" ? date : null);
}

/** Whether a piece of a ";"-separated line is a document on its own (so splitting at ";" is safe). */
function looksLikeDocument(piece: string): boolean {
  const d = classifyDocument(piece);
  return d.kind !== "text" || startsWithDocType(fold(piece)) !== null;
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
    return [{ text, line: 1, kind: "text", date: serialDate, problem: null }];
  }
  const source = String(cell);
  const lines = source.split(/\r\n|\r|\n/);
  if (lines.length === 1) {
    const pieces = source
      .split(";")
      .map(stripListMarker)
      .filter((p) => p !== "");
    if (pieces.length >= 2 && pieces.every(looksLikeDocument)) return pieces.map((p) => classifyDocument(p, 1));
  }
  const docs: EvidenceDoc[] = [];
  lines.forEach((raw, i) => {
    const text = stripListMarker(raw);
    if (text !== "") docs.push(classifyDocument(text, i + 1));
  });
  return docs;
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
