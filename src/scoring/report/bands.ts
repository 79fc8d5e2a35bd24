/** Class bands ("A>=90; B>=80; C>=70; D"): reading them and placing an index in them. */
import { ParError } from "../errors";
import { Lang } from "../i18n/messages";
import { fold, formatNumber } from "../values";
import { ClassBand, DEFAULT_BANDS } from "./types";

/** Bands sorted by min, highest first (a copy). */
export function sortBands(bands: readonly ClassBand[]): ClassBand[] {
  return [...bands].sort((a, b) => b.min - a.min);
}

/** The label of the first band (highest min first) whose min the index reaches; null for no index or no fit. */
export function classBand(index: number | null, bands: readonly ClassBand[] = DEFAULT_BANDS): string | null {
  if (index === null || Number.isNaN(index)) return null;
  for (const band of sortBands(bands)) if (index >= band.min) return band.label;
  return null;
}

type BandsReason = "empty" | "badPart" | "badLabel" | "range" | "catchAllNotLast" | "duplicateLabel" | "duplicateMin";
type BandsParams = Record<string, string | number>;

/** Messages of parseBands (Vietnamese first). Kept here until they move into i18n/messages.ts as "bands.*" keys. */
const BANDS_TEXT: Record<Lang, { where: string } & Record<BandsReason, (p: BandsParams) => string>> = {
  vi: {
    where: "Thang xếp loại",
    empty: () => 'chưa có mức xếp loại nào. Viết theo dạng "A>=90; B>=80; C>=70; D"',
    badPart: (p) =>
      `không hiểu mức "${p.part}". Mỗi mức viết là Nhãn>=điểm (ví dụ B>=80), mức cuối có thể chỉ là nhãn (ví dụ D) cho mọi chỉ số còn lại`,
    badLabel: (p) => `nhãn xếp loại "${p.label}" không hợp lệ: nhãn phải có từ 1 đến 40 ký tự và không chứa ; < > =`,
    range: (p) => `ngưỡng ${p.min} của mức "${p.label}" phải nằm trong khoảng 0 đến 100 (chỉ số CCHC tính theo thang 100)`,
    catchAllNotLast: (p) =>
      `mức "${p.label}" không có ngưỡng nên chỉ được đặt ở cuối (mức dành cho mọi chỉ số còn lại). Thêm ngưỡng, ví dụ ${p.label}>=70`,
    duplicateLabel: (p) => `nhãn "${p.label}" xuất hiện nhiều lần; mỗi mức cần một nhãn riêng`,
    duplicateMin: (p) => `hai mức "${p.a}" và "${p.b}" cùng ngưỡng ${formatNumber(Number(p.min), "vi")}; mỗi mức cần một ngưỡng khác nhau`,
  },
  en: {
    where: "Class bands",
    empty: () => 'no band given. Write them as "A>=90; B>=80; C>=70; D"',
    badPart: (p) =>
      `cannot read the band "${p.part}". Write each band as Label>=points (e.g. B>=80); the last may be a bare label (e.g. D) for every other index`,
    badLabel: (p) => `the band label "${p.label}" is invalid: use 1 to 40 characters, without ; < > =`,
    range: (p) => `the bound ${p.min} of band "${p.label}" must be between 0 and 100 (the PAR index is out of 100)`,
    catchAllNotLast: (p) =>
      `band "${p.label}" has no bound, so it must come last (it takes every other index). Give it a bound, e.g. ${p.label}>=70`,
    duplicateLabel: (p) => `the label "${p.label}" is used more than once; each band needs its own label`,
    duplicateMin: (p) => `bands "${p.a}" and "${p.b}" have the same bound ${formatNumber(Number(p.min), "en")}; each band needs its own bound`,
  },
};

function bandsMessage(reason: BandsReason, params: BandsParams, lang: Lang): string {
  const table = BANDS_TEXT[lang];
  return `${table.where}: ${table[reason](params)}`;
}

/** Text quoted in a message, cut to its first 40 characters (a pasted paragraph is not repeated back). */
function quotable(params: BandsParams): BandsParams {
  const cut = (v: string | number) => (typeof v === "string" && v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, cut(v)]));
}

/** A class-band text that cannot be used; a ParError whose text() is Vietnamese or English. */
export class BandsError extends ParError {
  readonly details: BandsParams;

  constructor(
    readonly reason: BandsReason,
    details: BandsParams = {},
  ) {
    super("catalog.issue", { where: BANDS_TEXT.vi.where, detail: BANDS_TEXT.vi[reason](quotable(details)) });
    this.details = quotable(details);
    this.name = "BandsError";
  }

  override text(lang: Lang = "vi"): string {
    return bandsMessage(this.reason, this.details, lang);
  }
}

const OPERATOR = />=|≥|=>/;
const BOUND = /^[+-]?\d+(?:[.,]\d+)?$/;
const BAD_LABEL = /[;<>=≥≤]/;

function checkLabel(label: string): void {
  if (label.length === 0 || label.length > 40 || BAD_LABEL.test(label)) throw new BandsError("badLabel", { label });
}

/**
 * Reads class bands such as "A>=90; B>=80; C>=70; D" (also one per line, "≥", decimal comma). A last part with no
 * bound is the catch-all (min −∞). Returns the bands sorted by min, highest first; throws BandsError otherwise.
 * Every step is one pass over the text (no backtracking pattern), so a huge label costs no more than its length.
 */
export function parseBands(text: string): ClassBand[] {
  const parts = text
    .split(/[;\n\r]+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new BandsError("empty");
  const bands: ClassBand[] = [];
  parts.forEach((part, i) => {
    const op = OPERATOR.exec(part);
    if (op) {
      const label = part.slice(0, op.index).trim();
      const bound = part.slice(op.index + op[0].length).trim();
      if (label.length === 0 || !BOUND.test(bound)) throw new BandsError("badPart", { part });
      checkLabel(label);
      const min = Number(bound.replace(",", "."));
      if (!(min >= 0 && min <= 100)) throw new BandsError("range", { label, min: bound });
      bands.push({ label, min });
      return;
    }
    if (/[<>=≥≤]/.test(part) || /^[+-]?\d/.test(part)) throw new BandsError("badPart", { part });
    checkLabel(part);
    if (i !== parts.length - 1) throw new BandsError("catchAllNotLast", { label: part });
    bands.push({ label: part, min: Number.NEGATIVE_INFINITY });
  });
  const labels = new Map<string, ClassBand>();
  const mins = new Map<number, ClassBand>();
  for (const band of bands) {
    const key = fold(band.label);
    if (labels.has(key)) throw new BandsError("duplicateLabel", { label: band.label });
    labels.set(key, band);
    const same = mins.get(band.min);
    if (same) throw new BandsError("duplicateMin", { a: same.label, b: band.label, min: band.min });
    mins.set(band.min, band);
  }
  return sortBands(bands);
}
