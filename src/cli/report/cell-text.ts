/**
 * A generated sheet's cell as the reports print it: figures with formatNumber (2 decimals, vi "1.234,50", en
 * "1,234.50"), percentages the same way with "%", counts as whole numbers, dates dd/mm/yyyy, yes/no as words.
 */
import { formatNumber, Lang } from "../../scoring";
import { NumberFormat, SpecCell } from "../../scoring/report/sheet-spec";

/**
 * A Date as the day it means, as a Date whose UTC getters give that day (and time): a Date made at local midnight
 * (new Date(2019, 0, 15)) means that local day in any time zone; other Dates are taken as UTC wall clock, the
 * convention of exceljs and of the core's serialToDate.
 */
export function wallClockDate(d: Date): Date {
  const utcMidnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
  const localMidnight = d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0;
  if (!utcMidnight && localMidnight) return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  return d;
}

export function ddmmyyyy(d: Date): string {
  const w = wallClockDate(d);
  if (Number.isNaN(w.getTime())) return "";
  const dd = String(w.getUTCDate()).padStart(2, "0");
  const mm = String(w.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${w.getUTCFullYear()}`;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** A count (rank, number of findings): a whole number with grouped thousands, no decimals. */
export function formatWhole(x: number, lang: Lang): string {
  const whole = Math.round(x);
  const grouped = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "en" ? "," : ".");
  return `${whole < 0 ? "-" : ""}${grouped}`;
}

/** A percentage from a fraction: 0.9333 → "93,33%" (en "93.33%"). */
export function formatPercent(fraction: number, lang: Lang): string {
  return `${formatNumber(fraction * 100, lang)}%`;
}

/** A cell value as the report prints it with the spec's number format. */
export function formatCell(value: SpecCell["value"], numFmt: NumberFormat | undefined, lang: Lang): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return ddmmyyyy(value);
  if (typeof value === "boolean") return value ? (lang === "en" ? "yes" : "có") : lang === "en" ? "no" : "không";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "";
  switch (numFmt) {
    case "0.00%":
      return formatPercent(value, lang);
    case "0":
      return formatWhole(value, lang);
    case "dd/mm/yyyy":
      return ddmmyyyy(new Date(EXCEL_EPOCH_UTC + Math.round(value) * 86_400_000));
    default:
      return formatNumber(value, lang);
  }
}

/** Whether a printed cell is one token that must stay on one line: a figure, a date, a code, a short word. */
export function isToken(value: SpecCell["value"], text: string): boolean {
  if (typeof value === "number" || value instanceof Date) return true;
  return text.length > 0 && text.length <= 24 && !/\s/.test(text);
}
