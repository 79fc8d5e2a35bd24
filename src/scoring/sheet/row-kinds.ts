/**
 * What a row of a unit sheet's table says, from its words, for the rows whose code column holds no criterion code:
 * a code written in words ("Tiêu chí 1.2", "TC 1.1", "Lĩnh vực I") or at the start of the name ("1.1. Kế hoạch…"),
 * a scoring band written as a row ("- Ban hành kịp thời: 1 điểm"), a total, a bonus or penalty line. Each reader is
 * small and pure; read.ts applies them in order and the ledger names the one that matched.
 */
import { fold } from "../values";
import { romanToInt } from "./codes";

/** A Roman field number, in either case ("ii", "IV"); null otherwise. */
const roman = (s: string): number | null => romanToInt(s.toUpperCase());

/** A dotted code of 1–3 digit parts ("1", "1.2", "1.2.3", also "1,2"), normalised; null otherwise. */
function dotted(text: string): string | null {
  const parts = text.replace(/,/g, ".").replace(/\.+$/, "").split(".");
  if (parts.length === 0 || parts.length > 4 || !parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const n = parts.map(Number);
  return n.every((x) => x > 0) ? n.join(".") : null;
}

/**
 * A code written in words (folded text): "Tiêu chí 1", "TC 1.1", "Tiêu chí thành phần 1.1.1", "Lĩnh vực I",
 * "Lĩnh vực 2", "Tiêu chí số 3". The Roman numeral of a field is its number.
 */
const WORDS = /^(?:tieu chi thanh phan|tieu chi|tc|linh vuc|lv)\s*(?:so\s*)?([ivx]{1,5}|\d{1,3}(?:[.,]\d{1,3}){0,3})\.?(?=$|[\s:.)\-–])/;

export function codeInWords(text: string): string | null {
  const m = WORDS.exec(fold(text));
  if (!m) return null;
  const r = roman(m[1]);
  return r !== null ? String(r) : dotted(m[1]);
}

/**
 * A code at the start of a name: "1.1. Kế hoạch", "1.2.3 Tỷ lệ", "2. Công tác", "II. CẢI CÁCH TTHC". A lone number
 * needs its dot ("2. Công tác"), so "30 ngày …" is not criterion 30; a Roman numeral must be upper case and dotted.
 */
const NAME_START = /^\s*(\d{1,3}(?:\.\d{1,3}){1,3}\.?|\d{1,3}\.|[IVX]{1,5}\.)\s+(?=\S)/;

export function codeAtNameStart(text: string): string | null {
  const m = NAME_START.exec(text);
  if (!m) return null;
  const token = m[1];
  if (/^[IVX]/.test(token)) {
    const r = roman(token.slice(0, -1).toLowerCase());
    return r === null ? null : String(r);
  }
  return dotted(token);
}

/** The text after a code at the start of a name ("1.1. Kế hoạch" → "Kế hoạch"). */
export function nameAfterCode(text: string): string {
  const m = NAME_START.exec(text);
  return m ? text.slice(m[0].length).trim() : text.trim();
}

/**
 * The points a band row states: "- Ban hành kịp thời: 1 điểm", "a) Đạt: 0,5đ", "+ Không ban hành (0 điểm)",
 * "Chậm dưới 10 ngày được 0,5 điểm". Null when the text states no points.
 */
const BAND_POINTS = /(?:^|[\s:(=–-])([+\-−]?\d{1,3}(?:[.,]\d{1,2})?)\s*(?:điểm|đ)(?=$|[\s).,;:])/i;

export function bandPoints(text: string): number | null {
  const m = BAND_POINTS.exec(text.normalize("NFC"));
  if (!m) return null;
  const value = Number(m[1].replace(",", ".").replace("−", "-"));
  return Number.isFinite(value) ? value : null;
}

/** Markers that open a band row in the code column or the name: "-", "+", "•", "*", "a)", "a.", "b)". */
const BAND_MARKER = /^\s*(?:[-+•*–]|[a-zđ][.)])\s*/;

export function hasBandMarker(text: string): boolean {
  return BAND_MARKER.test(text);
}

/** Total rows: "Tổng cộng", "Tổng điểm", "Tổng số điểm", "Cộng", "Cộng lĩnh vực I", "Total". */
const TOTAL = /^(?:tong cong|tong diem|tong so diem|tong so|tong|cong diem|cong|total|grand total|subtotal)(?=$|[\s:(.,])/;

export function isTotalText(text: string): boolean {
  return TOTAL.test(fold(text));
}

export type SectionWord = "bonus" | "penalty" | "both";

/** "Điểm thưởng", "Điểm cộng" → bonus; "Điểm trừ", "Trừ điểm" → penalty; "Điểm cộng/ Điểm trừ" → both. */
export function sectionWord(text: string): SectionWord | null {
  const f = fold(text);
  const bonus = /(?:^|\W)(?:diem thuong|diem cong|cong diem|thuong diem|bonus)(?=$|\W)/.test(f);
  const penalty = /(?:^|\W)(?:diem tru|tru diem|penalty|penalties)(?=$|\W)/.test(f);
  if (bonus && penalty) return "both";
  return bonus ? "bonus" : penalty ? "penalty" : null;
}

/** A mark typed in a score column to choose a band row: "x", "X", "✓", "✔", "v". */
export function isChoiceMark(value: unknown): boolean {
  return typeof value === "string" && /^\s*[xX✓✔vV]\s*$/.test(value);
}
