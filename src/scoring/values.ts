import { ParError } from "./errors";
import { fold } from "./fold";
import { figure, Figure } from "./i18n/messages";
import { nfc } from "./text";

export { fold };

/** What a cell can hold when it reaches the core: Excel scalars, JS dates, or nothing. */
export type CellValue = number | string | boolean | Date | null | undefined;

/** A cell value read as a scoring input. Dates become Excel serial numbers so they compare as numbers. */
export type ScoreInput =
  | { kind: "blank" }
  | { kind: "notApplicable" }
  | { kind: "number"; value: number; percent: boolean; date: boolean }
  | { kind: "boolean"; value: boolean }
  /** Text read against a rule's named outcomes (only rules with quoted labels read text: see readRuleInput). */
  | { kind: "text"; text: string };

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const NOT_APPLICABLE = new Set(["khong ap dung", "kad", "n/a", "na", "not applicable", "k.a.d", "kad."]);
const TRUE_WORDS = new Set(["co", "yes", "true", "dung"]);
const FALSE_WORDS = new Set(["khong", "no", "false", "sai"]);

export function isNotApplicableText(text: string): boolean {
  return NOT_APPLICABLE.has(fold(text));
}

export function booleanWord(text: string): boolean | null {
  const f = fold(text);
  if (TRUE_WORDS.has(f)) return true;
  if (FALSE_WORDS.has(f)) return false;
  return null;
}

export function dateToSerial(date: Date): number {
  const utc = Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  return Math.round((utc - EXCEL_EPOCH_UTC) / DAY_MS);
}

export function serialToDate(serial: number): Date {
  // A serial's fraction is the time of day: the date is its day (43480,75 is 15/01/2019 18:00, not the 16th).
  return new Date(EXCEL_EPOCH_UTC + Math.floor(serial + 1e-9) * DAY_MS);
}

/** dd/mm/yyyy of an Excel serial date. */
export function formatDate(serial: number): string {
  const d = serialToDate(serial);
  const dd = String(d.getUTCDate()).padStart(2, "0");
  const mm = String(d.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

const DATE_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const NUMBER_RE = /^([+\-−]?)\s*(\d+(?:[.,]\d+)?|[.,]\d+)\s*(%?)$/;

export type Literal = { value: number; percent: boolean; date: boolean };

/**
 * Reads "0,5", "0.5", "85%", "-1", "15/01/2019" as a number (dates as Excel serials).
 * Returns null when the text is not such a literal; throws ParError("rule.badDate") for an impossible date and
 * ParError("rule.numberTooLarge") for a number beyond floating point (a 400-digit number is not Infinity).
 */
export function parseLiteral(text: string): Literal | null {
  const s = text.trim();
  const date = DATE_RE.exec(s);
  if (date) {
    const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3])];
    const utc = Date.UTC(y, m - 1, d);
    const check = new Date(utc);
    if (m < 1 || m > 12 || d < 1 || check.getUTCDate() !== d || check.getUTCMonth() !== m - 1) {
      throw new ParError("rule.badDate", { text: s });
    }
    return { value: Math.round((utc - EXCEL_EPOCH_UTC) / DAY_MS), percent: false, date: true };
  }
  const num = NUMBER_RE.exec(s);
  if (!num) return null;
  const magnitude = Number(num[2].replace(",", "."));
  if (!Number.isFinite(magnitude)) throw new ParError("rule.numberTooLarge", { text: s.length > 40 ? `${s.slice(0, 20)}…` : s });
  const signed = num[1] === "-" || num[1] === "−" ? -magnitude : magnitude;
  const percent = num[3] === "%";
  return { value: percent ? signed / 100 : signed, percent, date: false };
}

/** Reads any cell value as a scoring input; text that is none of the accepted forms is a ParError. */
export function readInput(value: CellValue): ScoreInput {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "boolean") return { kind: "boolean", value };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ParError("value.notNumber", { text: String(value) });
    return { kind: "number", value: dateToSerial(value), percent: false, date: true };
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new ParError("value.notNumber", { text: String(value) });
    return { kind: "number", value, percent: false, date: false };
  }
  const text = nfc(value.trim());
  if (text === "") return { kind: "blank" };
  if (isNotApplicableText(text)) return { kind: "notApplicable" };
  const bool = booleanWord(text);
  if (bool !== null) return { kind: "boolean", value: bool };
  let literal: Literal | null;
  try {
    literal = parseLiteral(text);
  } catch (e) {
    if (e instanceof ParError && e.key === "rule.numberTooLarge") throw new ParError("value.notFinite", e.params);
    literal = null;
  }
  if (!literal) throw new ParError("value.notNumber", { text });
  return { kind: "number", ...literal };
}

/** Reads a maximum: a non-negative number or numeric text; blank gives null. */
export function readMax(value: CellValue): number | null {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  const input = typeof value === "number" ? value : typeof value === "string" ? parseLiteral(value)?.value : NaN;
  if (input === undefined || !Number.isFinite(input) || input < 0) {
    throw new ParError("value.badMax", { text: String(value) });
  }
  return input;
}

/** Rounds to 2 decimals, half away from zero, without binary artefacts (1.005 → 1.01). */
export function round2(x: number): number {
  // Beyond 1e15 a double has no hundredths to round (and scaling could overflow).
  if (!Number.isFinite(x) || Math.abs(x) >= 1e15) return x;
  // The relative nudge absorbs binary error (1.005 is stored as 1.00499999…) but never moves a real half.
  const r = (Math.sign(x) * Math.round(Math.abs(x) * 100 * (1 + 1e-12))) / 100;
  return Object.is(r, -0) ? 0 : r;
}

/** A number in Vietnamese notation: decimal comma, at most 2 decimals. */
/** A value as the user wrote it, its number as every output writes figures (formatNumber): 85,00%, 0,50, 15/01/2019, có/không. */
export function formatInput(input: ScoreInput, style: "percent" | "date" | "plain" = "plain", lang: "vi" | "en" = "vi"): string {
  const param = inputParam(input, style);
  if (typeof param === "string") return param;
  return param.percent ? `${formatNumber(param.figure * 100, lang)}%` : formatNumber(param.figure, lang);
}

/**
 * A value as a message's param: its text, or its number as a figure the message writes in its own language (for
 * errors raised before the language is known).
 */
export function inputParam(input: ScoreInput, style: "percent" | "date" | "plain" = "plain"): string | Figure {
  switch (input.kind) {
    case "blank":
      return "";
    case "notApplicable":
      return "Không áp dụng";
    case "boolean":
      return input.value ? "có" : "không";
    case "text":
      return input.text;
    case "number":
      if (input.date || style === "date") return formatDate(input.value);
      return figure(input.value, { percent: style === "percent" || input.percent });
  }
}

/**
 * A figure (points, maximum, index, percentage) as every output writes it: always 2 decimals, grouped thousands —
 * Vietnamese "1.234,50" by default, English "1,234.50". Counts and codes are not figures.
 */
export function formatNumber(x: number, lang: "vi" | "en" = "vi"): string {
  if (!Number.isFinite(x)) return "—";
  const abs = Math.abs(round2(x));
  // toFixed writes 1e21 and above in exponent notation; such a number has no fraction: its digits, then ",00".
  const [whole, decimals] = abs >= 1e21 ? [BigInt(abs).toString(), "00"] : abs.toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
  const sign = round2(x) < 0 ? "-" : "";
  return `${sign}${grouped}${lang === "vi" ? "," : "."}${decimals}`;
}
