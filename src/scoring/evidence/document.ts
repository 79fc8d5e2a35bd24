/**
 * The parts Nghị định 30/2020/NĐ-CP puts on every administrative document, read from its text (a PDF's, a .docx's,
 * or what OCR gave) and from a citation in an evidence cell, so that the two can be compared:
 * - number and symbol: "Số: 15/KH-UBND" (a citation: "Kế hoạch số 15/KH-UBND");
 * - place and date: "Tân Thành, ngày 10 tháng 12 năm 2024" (a citation: "ngày 10/12/2024");
 * - issuer: the letterhead above the number ("ỦY BAN NHÂN DÂN / XÃ TÂN THÀNH");
 * - kind: the heading (KẾ HOẠCH, QUYẾT ĐỊNH, BÁO CÁO…), or CÔNG VĂN for a letter with "V/v …";
 * - subject: the line(s) under the heading, or after "V/v".
 * Pure: text in, parts out.
 */
import { fold } from "../fold";

export interface DocumentParts {
  /** Number and symbol as written ("15/KH-UBND"), or null. */
  number: string | null;
  /** Excel serial of the date of issue, or null. */
  date: number | null;
  /** The words the date was read from ("Tân Thành, ngày 10 tháng 12 năm 2024"), to quote back. */
  dateText: string | null;
  place: string | null;
  /** The letterhead's lines joined ("ỦY BAN NHÂN DÂN XÃ TÂN THÀNH"), or null. */
  issuer: string | null;
  /** Folded kind ("ke hoach", "quyet dinh", "cong van"), or null. */
  kind: string | null;
  subject: string | null;
}

/** Document kinds (folded), longest first, with the abbreviation their symbols use (NĐ 30, Phụ lục III). */
export const DOCUMENT_KINDS: ReadonlyArray<[string, string]> = [
  ["thong bao ket luan", "TB"],
  ["giay chung nhan", "GCN"],
  ["chuong trinh", "CTr"],
  ["nghi quyet", "NQ"],
  ["quyet dinh", "QD"],
  ["huong dan", "HD"],
  ["thong bao", "TB"],
  ["cong van", "CV"],
  ["cong dien", "CD"],
  ["ke hoach", "KH"],
  ["bao cao", "BC"],
  ["to trinh", "TTr"],
  ["bien ban", "BB"],
  ["chi thi", "CT"],
  ["giay moi", "GM"],
  ["quy che", "QC"],
  ["quy dinh", "QyD"],
  ["de an", "DA"],
  ["phuong an", "PA"],
];

/** A kind's words as a citation abbreviates them: "KH", "QĐ", "BC". */
const KIND_BY_ABBREVIATION: Record<string, string> = { kh: "ke hoach", qd: "quyet dinh", bc: "bao cao", cv: "cong van", tb: "thong bao", tt: "to trinh", ttr: "to trinh", ct: "chi thi", nq: "nghi quyet", hd: "huong dan", bb: "bien ban", ctr: "chuong trinh" };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Excel serial of a calendar date, or null when there is no such day. */
export function dateSerial(y: number, m: number, d: number): number | null {
  if (y < 100) y += 2000;
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2100) return null;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return null;
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/**
 * The number and symbol after "Số" (OCR often reads "Số" as "S6", "Sô", "So"): digits, then "/" and the symbol
 * ("15/KH-UBND", "15/2024/QĐ-UBND", "123/UBND-VP"). Blanks around "/" and "-" are allowed (PDF text often has them).
 */
const NUMBER_RE = /(?:^|[^\p{L}])s[ốôoóồỗ6]\s*(?:hiệu\s*)?[:.;]?\s*(\d{1,6}\s*\/\s*[\p{L}\d]+(?:\s*[/\-–]\s*[\p{L}\d]+)*)/iu;

/** "ngày 10 tháng 12 năm 2024", "ngày 10/12/2024", "ngày 10-12-2024", "ngày 10.12.2024" (folded text). */
const DATE_WORDS_RE = /\bngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})\b/;
const DATE_DIGITS_RE = /\bngay\s*(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})\b/;
const BARE_DATE_RE = /(?<![\d/])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?![\d/])/;
/** "tan thanh, ngay 10 thang 12 nam 2024" (folded): the place, a comma, the date in words. */
const PLACE_DATE_RE = /(?:^|\s)([^,\d:]{2,60}),\s*ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})\s*nam\s*(\d{4})\b/;

/** A number and symbol in one spelling, to compare: upper case, no diacritics (Đ → D), no blanks, one kind of dash. */
export function numberKey(number: string): string {
  return fold(number)
    .toUpperCase()
    .replace(/[–—]/g, "-")
    .replace(/\s+/g, "");
}

/** The parts of a number and symbol: its running number, its kind abbreviation and its issuer ("UBND"). */
export function numberParts(number: string): { serial: string; kind: string | null; issuer: string } {
  const key = numberKey(number);
  const [serial, ...rest] = key.split("/");
  const symbol = rest.filter((p) => !/^(?:19|20)\d\d$/.test(p)).join("/");
  const dash = symbol.indexOf("-");
  return dash < 0 ? { serial, kind: null, issuer: symbol } : { serial, kind: symbol.slice(0, dash), issuer: symbol.slice(dash + 1) };
}

/** The date stated in one folded line, with the serial; null when none. */
function dateIn(folded: string): { serial: number; at: number } | null {
  const words = DATE_WORDS_RE.exec(folded);
  if (words) {
    const serial = dateSerial(Number(words[3]), Number(words[2]), Number(words[1]));
    if (serial !== null) return { serial, at: words.index };
  }
  const digits = DATE_DIGITS_RE.exec(folded) ?? BARE_DATE_RE.exec(folded);
  if (digits) {
    const serial = dateSerial(Number(digits[4]), Number(digits[3]), Number(digits[1]));
    if (serial !== null) return { serial, at: digits.index };
  }
  return null;
}

const MOTTO = /cong hoa xa hoi chu nghia viet nam|doc lap\s*-?\s*tu do\s*-?\s*hanh phuc|dang cong san viet nam/;

/** Whether a line is written in capitals (letters only counted). */
function isUpper(line: string): boolean {
  const letters = line.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters === letters.toUpperCase();
}

function kindOfHeading(folded: string): string | null {
  const text = folded.replace(/[^a-z ]/g, " ").replace(/\s+/g, " ").trim();
  for (const [kind] of DOCUMENT_KINDS) if (text === kind || text.startsWith(`${kind} `)) return kind;
  return null;
}

/**
 * The parts of a document's text. Only its head is read (the first 60 non-empty lines): a document cites others
 * in its body ("Căn cứ Kế hoạch số 12/KH-UBND …"), which must not be taken for its own number.
 */
export function parseDocument(text: string): DocumentParts {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((l) => l.normalize("NFC").replace(/\s+/g, " ").trim())
    .filter((l) => l !== "")
    .slice(0, 60);
  const parts: DocumentParts = { number: null, date: null, dateText: null, place: null, issuer: null, kind: null, subject: null };
  let numberLine = -1;
  let kindLine = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const folded = fold(line);
    if (parts.number === null && !/\bcan cu\b/.test(folded)) {
      const m = NUMBER_RE.exec(line);
      if (m) {
        parts.number = m[1].replace(/\s*([/\-–])\s*/g, "$1");
        numberLine = i;
      }
    }
    if (parts.date === null && !/\b(?:can cu|thuc hien|theo)\b/.test(folded)) {
      // "Tân Thành, ngày 10 tháng 12 năm 2024": the place, a comma, the date.
      const placed = PLACE_DATE_RE.exec(folded);
      if (placed) {
        const serial = dateSerial(Number(placed[4]), Number(placed[3]), Number(placed[2]));
        if (serial !== null) {
          parts.date = serial;
          const from = placed.index + (placed[0].length - placed[0].trimStart().length);
          parts.dateText = line.slice(from, placed.index + placed[0].length).trim();
          const place = line.slice(from, from + placed[1].trim().length).trim();
          parts.place = place.replace(/^.*\bs[ốo]\s*:?\s*\S+\s+/iu, "").trim() || null;
        }
      }
    }
    if (parts.kind === null && isUpper(line)) {
      const kind = kindOfHeading(folded);
      if (kind !== null && !MOTTO.test(folded)) {
        parts.kind = kind;
        kindLine = i;
        const rest = line.replace(/^\S+\s+\S+(?:\s+kết\s+luận|\s+chứng\s+nhận)?/iu, "").trim();
        const next = lines[i + 1];
        parts.subject = rest !== "" ? rest : next && !/^(căn cứ|kính gửi)/iu.test(next) ? next : null;
      }
    }
  }
  if (parts.date === null) {
    // No "place, ngày …" line: the first date of the head that is not another document's.
    for (const line of lines) {
      const folded = fold(line);
      if (/\b(?:can cu|thuc hien|theo)\b/.test(folded)) continue;
      const d = dateIn(folded);
      if (d) {
        parts.date = d.serial;
        parts.dateText = line;
        break;
      }
    }
  }
  const vv = lines.findIndex((l) => /^v\s*\/\s*v\b/iu.test(l) || /^về việc\b/iu.test(l));
  if (parts.kind === null && vv >= 0) {
    parts.kind = "cong van";
    parts.subject = lines[vv].replace(/^(?:v\s*\/\s*v|về việc)\s*:?\s*/iu, "").trim() || null;
  }
  // The letterhead: capitalised lines above the number (or the heading), but the national motto and its date.
  const end = numberLine >= 0 ? numberLine : kindLine >= 0 ? kindLine : Math.min(lines.length, 6);
  const head: string[] = [];
  for (let i = 0; i < end; i++) {
    let line = lines[i];
    const folded = fold(line);
    // A letterhead printed beside the motto comes out on one line: keep the part before the motto.
    const motto = MOTTO.exec(folded);
    if (motto) line = line.slice(0, motto.index).trim();
    if (line !== "" && isUpper(line) && kindOfHeading(fold(line)) === null) head.push(line.replace(/[-–_]+$/, "").trim());
  }
  parts.issuer = head.length > 0 ? head.join(" ") : null;
  return parts;
}

/** A citation in an evidence cell, read as a document's parts: "Kế hoạch số 12/KH-UBND ngày 20/12/2024 của UBND xã". */
export function parseCitation(text: string): DocumentParts {
  const folded = fold(text);
  const parts: DocumentParts = { number: null, date: null, dateText: null, place: null, issuer: null, kind: null, subject: null };
  const m = NUMBER_RE.exec(text);
  if (m) parts.number = m[1].replace(/\s*([/\-–])\s*/g, "$1").replace(/[.,;:]+$/, "");
  const d = dateIn(folded);
  if (d) {
    parts.date = d.serial;
    parts.dateText = /ngày\s*\d[^,;()]*?\d{4}/iu.exec(text)?.[0] ?? null;
  }
  const words = folded.replace(/^(?:cac|nhung)\s+/, "");
  for (const [kind] of DOCUMENT_KINDS) {
    if (words === kind || words.startsWith(`${kind} `)) {
      parts.kind = kind;
      break;
    }
  }
  if (parts.kind === null) {
    const abbreviation = /^([a-z]{2,3})\b/.exec(words)?.[1];
    if (abbreviation && KIND_BY_ABBREVIATION[abbreviation]) parts.kind = KIND_BY_ABBREVIATION[abbreviation];
  }
  const issuer = /(?:^|\s)(?:của|do)\s+(.+?)(?:\s+(?:về|v\/v|ban hành)(?=\s|$)|[,;(]|$)/iu.exec(text);
  if (issuer) parts.issuer = issuer[1].trim();
  const subject = /(?:^|\s)(?:về việc|về|v\/v)\s+(.+)$/iu.exec(text);
  if (subject) parts.subject = subject[1].trim();
  return parts;
}

/** A kind in words, capitalised as a citation writes it ("Kế hoạch"), from its folded form. */
export const KIND_NAMES: Record<string, { vi: string; en: string }> = {
  "thong bao ket luan": { vi: "Thông báo kết luận", en: "conclusion notice" },
  "giay chung nhan": { vi: "Giấy chứng nhận", en: "certificate" },
  "chuong trinh": { vi: "Chương trình", en: "programme" },
  "nghi quyet": { vi: "Nghị quyết", en: "resolution" },
  "quyet dinh": { vi: "Quyết định", en: "decision" },
  "huong dan": { vi: "Hướng dẫn", en: "guidance" },
  "thong bao": { vi: "Thông báo", en: "notice" },
  "cong van": { vi: "Công văn", en: "official letter" },
  "cong dien": { vi: "Công điện", en: "dispatch" },
  "ke hoach": { vi: "Kế hoạch", en: "plan" },
  "bao cao": { vi: "Báo cáo", en: "report" },
  "to trinh": { vi: "Tờ trình", en: "submission" },
  "bien ban": { vi: "Biên bản", en: "minutes" },
  "chi thi": { vi: "Chỉ thị", en: "directive" },
  "giay moi": { vi: "Giấy mời", en: "invitation" },
  "quy che": { vi: "Quy chế", en: "regulation" },
  "quy dinh": { vi: "Quy định", en: "rules" },
  "de an": { vi: "Đề án", en: "scheme" },
  "phuong an": { vi: "Phương án", en: "plan of action" },
};
