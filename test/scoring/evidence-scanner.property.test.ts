import fc from "fast-check";
import { parseEvidence } from "../../src/scoring/evidence";
import { CellValue, dateToSerial, fold } from "../../src/scoring/values";

/*
 * The evidence scanner against the implementation it replaced (issue 11): the findings must not change, so
 * parseEvidence must give the same documents (text, line, kind, date, problem) as the old regex passes did for any
 * cell. The old implementation is kept below, verbatim, as the oracle.
 */

type EvidenceKind = "reference" | "file" | "link" | "text";
type EvidenceProblem = "link-not-http" | "reference-malformed" | "link-dangerous";
interface EvidenceDoc {
  text: string;
  line: number;
  kind: EvidenceKind;
  date: number | null;
  problem: EvidenceProblem | null;
}

/* ---------------------------------------- oracle: the old implementation ---------------------------------------- */

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
function oldStripListMarker(text: string): string {
  return text.trim().replace(MARKER_RE, "").trim();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function oldSerial(y: number, m: number, d: number): number | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return null;
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** A date at the start of folded text (after "ngày"): "27/12/2017", "27-12-2017", "15 tháng 5 năm 2018". */
function oldLeadingDate(folded: string): number | null | "unreadable" {
  const numeric = /^\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?!\d)/.exec(folded);
  if (numeric) return oldSerial(Number(numeric[4]), Number(numeric[3]), Number(numeric[1])) ?? "unreadable";
  const words = /^\s*(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+(\d{4})\b/.exec(folded);
  if (words) return oldSerial(Number(words[3]), Number(words[2]), Number(words[1])) ?? "unreadable";
  return "unreadable";
}

/** The date stated after "ngày" in folded text: null when there is none, "unreadable" when it cannot be read. */
function oldStatedDate(folded: string): number | null | "unreadable" {
  const m = /\bngay\b/.exec(folded);
  if (m) return oldLeadingDate(folded.slice(m.index + m[0].length));
  const bare = /(?<![\d/])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])/.exec(folded);
  if (bare) return oldSerial(Number(bare[4]), Number(bare[3]), Number(bare[1])) ?? "unreadable";
  return null;
}

const DOC_TYPE_SET = new Set(DOC_TYPES);

/** The document type the folded text starts with (the longest one; followed by a space, ":" or the end). */
function oldStartsWithDocType(folded: string): string | null {
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

/** A word allowed between the document type and "số": without digits, or a year right after "năm" ("năm 2018"). */
const WORD = "(?:[^\\s\\d]+|(?<=(?:^|\\s)nam\\s+)(?:19|20)\\d\\d(?!\\S))";

/** "số" after 0…4 words following the document type ("Kế hoạch CCHC năm số …", "Kế hoạch CCHC năm 2018 số …"). */
const SO_AFTER_WORDS = [0, 1, 2, 3, 4].map((between) => new RegExp(`^(?:\\s+${WORD}){${between}}\\s+so\\b\\s*[:.]?\\s*`));

const ANY_SO_AFTER_WORDS = new RegExp(`^(?:\\s+${WORD}){0,4}\\s+so\\b`);

/**
 * A reference: a document type, at most four more words, then "số" and a number. Returns null when the text
 * is not one (including "Báo cáo số lượng …", where "số" is part of a word).
 */
function oldReadReference(folded: string): { date: number | null; malformed: boolean } | null {
  const type = oldStartsWithDocType(folded);
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
      const date = oldStatedDate(rest.slice(number[0].length));
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
function oldDangerousScheme(text: string): string | null {
  if (!text.includes(":")) return null;
  const code = CODE_SCHEME_RE.exec(text);
  if (code) return code[0].replace(/[\s\p{Cc}(<"']/gu, "").toLowerCase();
  return FILE_SHARE_RE.test(text) ? "file:" : null;
}

function oldIsLinkNotHttp(text: string): boolean {
  // Every pattern below needs a ":", a "\\" or a "." — most references have only the latter, in a date or number.
  if (!text.includes(":") && !text.includes("\\") && !/\.[a-z]/i.test(text)) return false;
  return LOCAL_PATH_RE.test(text) || OTHER_SCHEME_RE.test(text) || WWW_RE.test(text) || BARE_DOMAIN_RE.test(text);
}

/** Reads one document (its text already without list marker). */
function oldClassifyDocument(text: string, line = 1): EvidenceDoc {
  const doc = (kind: EvidenceKind, date: number | null = null, problem: EvidenceProblem | null = null): EvidenceDoc => ({
    text,
    line,
    kind,
    date,
    problem,
  });
  if (oldDangerousScheme(text)) return doc("link", null, "link-dangerous");
  if (text.includes("://") && HTTP_RE.test(text)) {
    // A reference followed by its link ("Kế hoạch số 12/KH-UBND ngày 2/1/2018 https://…") keeps the reference's date.
    const reference = oldReadReference(fold(text.replace(/https?:\/\/\S+/gi, " ")));
    return doc("link", reference && !reference.malformed ? reference.date : null);
  }
  if (oldIsLinkNotHttp(text)) return doc("link", null, "link-not-http");
  if (text.includes(".") && FILE_RE.test(text)) return doc("file");
  const folded = fold(text);
  const reference = oldReadReference(folded);
  if (reference) return doc("reference", reference.date, reference.malformed ? "reference-malformed" : null);
  const date = /\bngay\b/.test(folded) ? oldStatedDate(folded) : null;
  return doc("text", typeof date === "number" ? date : null);
}

/** Whether a piece of a ";"-separated line is a document on its own (so splitting at ";" is safe). */
function oldLooksLikeDocument(piece: string): boolean {
  const d = oldClassifyDocument(piece);
  return d.kind !== "text" || oldStartsWithDocType(fold(piece)) !== null;
}

/**
 * The documents of an evidence cell, in order. One document per line; a single line is also split at ";" when
 * every piece looks like a document on its own (a reference, a file, a link, or text starting with a document
 * type). List markers are removed; blank lines are skipped but counted. A number or a date in the cell is read
 * as text (a date keeps its date).
 */
function oldParseEvidence(cell: CellValue): EvidenceDoc[] {
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
      .map(oldStripListMarker)
      .filter((p) => p !== "");
    if (pieces.length >= 2 && pieces.every(oldLooksLikeDocument)) return pieces.map((p) => oldClassifyDocument(p, 1));
  }
  const docs: EvidenceDoc[] = [];
  lines.forEach((raw, i) => {
    const text = oldStripListMarker(raw);
    if (text !== "") docs.push(oldClassifyDocument(text, i + 1));
  });
  return docs;
}

/* ------------------------------------------------ generated cells ------------------------------------------------ */

const TYPES = [
  "Kế hoạch", "KẾ HOẠCH", "Ke hoach", "KH", "QĐ", "Qđ", "Quyết định", "Báo cáo", "BC", "Thông báo", "Thông báo kết luận",
  "Công văn", "CV", "Văn bản", "Giấy mời", "Đề án", "Luật", "Tờ trình", "Các kế hoạch", "Những báo cáo", "Kế hoạch:",
  "Chương trình", "Nghị quyết", "Hướng dẫn", "Kết luận",
];
const WORDS = [
  "CCHC", "năm", "2018", "tỉnh", "Điện", "Biên", "số", "Số", "SỐ", "so", "số:", "số.", "số lượng", "số liệu", "Sở", "sổ",
  "ngày", "Ngày", "ngày:", "ngay", "tháng", "năm", "về", "việc", "thực", "hiện", "UBND", "của", "Sở Nội vụ", "đã", "ký",
  "nam", "thang", "soạn", "so1", "so_", "số1", "ngàyx", "v/v", "kèm", "theo", "(bản", "sao)", "x", "đ",
];
const NUMBERS = [
  "221/KH-STP", "3790/KH-UBND", "12/QĐ-UBND", "12", "12 /QĐ-UBND", "12 / QĐ", "01/2018/NĐ-CP", "5,", "7;", "1a", "0",
  "123/BC", "45/TB-VP", "9/", "/KH", "12/2018", "27/12/2017",
];
const DATES = [
  "27/12/2017", "1/2/2018", "01-02-2018", "1.2.2018", "29/02/2020", "29/02/2019", "31/04/2018", "32/13/2018",
  "0/1/2018", "15/1/18", "15/1/99", "1/1/1899", "31/12/2100", "1/1/2101", "15 tháng 5 năm 2018", "15 tháng 13 năm 2018",
  "15 thang 5 nam 2018", "15 / 5 / 2018", "15/5-2018", "15/5/20188", "115/5/2018", "15/5/2018/1", "5/2018", "2018",
  "31/12/17",
];
const LINKS = [
  "https://dienbien.gov.vn/a/b.pdf", "http://x.vn", "HTTPS://A.GOV.VN/b?c=1#d", "http://localhost", "https://x",
  "ftp://host/x", "file:///C:/a.pdf", "file://server/share", "file:\\\\srv\\s", "smb://srv/s", "www.dienbien.gov.vn",
  "dienbien.gov.vn/tin", "sub.example.com:8080/x", "C:\\tai-lieu\\a.pdf", "D:/x", "\\\\server\\share\\a.docx",
  "javascript:alert(1)", "java script:x", "vbscript:x", "data:text/html,x", "livescript:x", "mailto:a@b.vn",
  "bao-cao-cchc-2018.pdf", "Báo cáo.docx", "a.XLSX", "x.jpeg", "scan 1.png", "a.b", "v1.2", "tel:123",
];
const SEPARATORS = [" ", " ", " ", "  ", "\t", ", ", ",", ";", "; ", " ; ", ":", ".", "/", " - ", "-", "\n", "\r\n", "\r", "\u00a0", "\u2003", "(", ")", "\"", "<", "'"];
const MARKERS = ["", "", "", "- ", "+ ", "• ", "1. ", "2) ", "a) ", "đ) ", "-", "* ", "– ", "10. ", "-1", "A) ", "Đ) ", "● ", "▪ ", "◦ ", "— ", "x)", "B)x", "9)"];

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...TYPES) },
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 3, arbitrary: fc.constantFrom(...DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...LINKS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 40 }).map(String) },
);

/** A document the way cells write them: often "Type [words] số Number [ngày Date]", else a mix of tokens. */
const reference = fc
  .tuple(
    fc.constantFrom(...MARKERS),
    fc.constantFrom(...TYPES),
    fc.array(fc.constantFrom(...WORDS), { maxLength: 5 }),
    fc.constantFrom("số", "Số", "số:", "số.", "số :", "so", "SỐ", "số lượng", ""),
    fc.oneof(fc.constantFrom(...NUMBERS), fc.constant("")),
    fc.constantFrom(" ngày ", " ngày", " Ngày: ", " ", ", ", " ngay "),
    fc.oneof(fc.constantFrom(...DATES), fc.constant("")),
    fc.oneof(fc.constant(""), fc.constantFrom(...LINKS).map((l) => ` ${l}`), fc.constantFrom(...WORDS).map((w) => ` ${w}`)),
  )
  .map(([m, t, ws, so, n, ngay, d, tail]) => `${m}${[t, ...ws, so, n].filter((x) => x !== "").join(" ")}${ngay}${d}${tail}`);

const mixed = fc
  .array(fc.tuple(token, fc.constantFrom(...SEPARATORS)), { maxLength: 10 })
  .map((parts) => parts.map(([t, s]) => t + s).join(""));

const document = fc.oneof({ weight: 3, arbitrary: reference }, { weight: 2, arbitrary: mixed });

const evidenceCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(fc.array(fc.tuple(document, fc.constantFrom("\n", "\r\n", "; ", ";", "\n\n", "\r")), { maxLength: 4 }), fc.constantFrom(...MARKERS)).map(([docs, m]) => m + docs.map(([d, s]) => d + s).join("")) },
  { weight: 3, arbitrary: document },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.date({ noInvalidDate: false })) },
);

describe("evidence scanner", () => {
  it("reads every cell exactly as the regex passes it replaced did", () => {
    fc.assert(
      fc.property(evidenceCell, (cell) => {
        expect(parseEvidence(cell)).toEqual(oldParseEvidence(cell));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees on the cells of the benchmark and of the examples in the comments", () => {
    const cells = [
      "Kế hoạch CCHC năm 2018 số 17/KH-UBND ngày 18/12/2017\nBáo cáo CCHC năm 2018 số 47/BC-UBND ngày 9/12/2018",
      "Kế hoạch số 221/KH-STP",
      "Kế hoạch số 3790/KH-UBND ngày 27/12/2017",
      "Kế hoạch số ngày 27/12/2017",
      "Quyết định số 12/QĐ-UBND ngày 32/13/2018",
      "Kế hoạch CCHC năm số 12/KH ngày 15 tháng 5 năm 2018",
      "Báo cáo số lượng hồ sơ",
      "Kế hoạch số 12/KH-UBND ngày 2/1/2018 https://dienbien.gov.vn/kh.pdf",
      "- KH số 1/KH; BC số 2/BC; https://a.vn/b",
    ];
    for (const cell of cells) expect(parseEvidence(cell)).toEqual(oldParseEvidence(cell));
  });

  it("gives every day from 1900 to 2100 the serial the old date arithmetic gave", () => {
    for (let y = 1900; y <= 2100; y++) {
      const cells: string[] = [];
      for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) cells.push(`Kế hoạch số 1/KH ngày ${d}/${m}/${y}`);
      const cell = cells.join("\n");
      expect(parseEvidence(cell).map((doc) => doc.date)).toEqual(oldParseEvidence(cell).map((doc) => doc.date));
    }
  });
});
