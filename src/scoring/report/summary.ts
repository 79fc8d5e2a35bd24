import { Catalog, findNode, Rollup, RollupNode, rollUp } from "../catalog";
import { ParError } from "../errors";
import { Lang, t } from "../i18n/messages";
import { prepareUnit } from "../sheet/numbering";
import { leafScores } from "../sheet/scores";
import { UnitSheet } from "../sheet/types";
import { fold, round2 } from "../values";
import { Finding, FINDING_KINDS, FindingKind, Severity } from "../validate/types";
import { ClassBand, CriterionRef, DEFAULT_BANDS, SummaryLine, UnitSummary } from "./types";

// ---------------------------------------------------------------------------------------------------------------
// Class bands
// ---------------------------------------------------------------------------------------------------------------

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
    duplicateMin: (p) => `hai mức "${p.a}" và "${p.b}" cùng ngưỡng ${p.min}; mỗi mức cần một ngưỡng khác nhau`,
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
    duplicateMin: (p) => `bands "${p.a}" and "${p.b}" have the same bound ${p.min}; each band needs its own bound`,
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
    if (same) throw new BandsError("duplicateMin", { a: same.label, b: band.label, min: String(band.min) });
    mins.set(band.min, band);
  }
  return sortBands(bands);
}

// ---------------------------------------------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------------------------------------------

function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return typeof value !== "string" || value.trim() !== "";
}

/**
 * True when the sheet carries the council's scores: it has an appraised column ("Điểm thẩm định") and at least one
 * criterion row has something in it. A template's empty appraisal column is not an appraisal of 0 points.
 */
export function hasAppraisal(unit: UnitSheet): boolean {
  if (unit.header.columns.appraised === undefined) return false;
  return unit.rows.some((r) => filled(r.appraised?.value));
}

/**
 * The unit's scores rolled up: self scores, and the council's when the sheet has them (else null). Maxima, and so
 * the index's denominator, come from the catalogue only: a sheet cannot lower its own denominator by deleting a
 * row or typing a smaller maximum, and a names-only catalogue gives no index until its points are supplied.
 */
export function unitRollups(unit: UnitSheet, catalog: Catalog): { catalog: Catalog; self: Rollup; appraised: Rollup | null } {
  const self = rollUp(catalog, leafScores(unit, catalog, "self"));
  const appraised = hasAppraisal(unit) ? rollUp(catalog, leafScores(unit, catalog, "appraised")) : null;
  return { catalog, self, appraised };
}

type Totals = Omit<RollupNode, "code" | "name" | "children">;

function line(code: string, name: string, self: Totals, appraised: Totals | null): SummaryLine {
  const official = appraised ?? self;
  const applicableMax = official.applicableMax;
  return {
    code,
    name,
    max: self.max,
    applicableMax,
    self: self.achieved,
    appraised: appraised ? appraised.achieved : null,
    selfPercent: self.index,
    appraisedPercent: appraised ? appraised.index : null,
    lost: round2(applicableMax - official.achieved),
  };
}

function emptyCounts(): Record<FindingKind, number> {
  return Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
}

/**
 * One unit's summary: per field and in total the max, applicable max (not-applicable leaves removed), self and
 * appraised points, % achieved and points lost; the self and appraised indexes and the official one (appraised
 * when the council has scored, else self) with its class band; finding counts; the criteria without evidence.
 *
 * Where the self-assessment and the appraisal disagree on what applies, `applicableMax` and `lost` follow the
 * official (appraised) figures while `selfPercent` keeps the unit's own denominator.
 */
export function buildSummary(
  unit: UnitSheet,
  catalog: Catalog,
  findings: Finding[],
  options: { bands?: ClassBand[] } = {},
): UnitSummary {
  unit = prepareUnit(unit, catalog);
  const roll = unitRollups(unit, catalog);
  const fields = roll.self.fields.map((f, i) => line(f.code, f.name, f, roll.appraised ? roll.appraised.fields[i] : null));
  const total = line("", "Tổng cộng", roll.self.total, roll.appraised ? roll.appraised.total : null);
  const selfIndex = roll.self.total.index;
  const appraisedIndex = roll.appraised ? roll.appraised.total.index : null;
  const officialIndex = roll.appraised ? appraisedIndex : selfIndex;

  const findingCounts = emptyCounts();
  const bySeverity = Object.fromEntries(FINDING_KINDS.map((k) => [k, { error: 0, warning: 0 }])) as Record<
    FindingKind,
    Record<Severity, number>
  >;
  let errors = 0;
  let warnings = 0;
  const withoutEvidence: CriterionRef[] = [];
  const rowName = new Map(unit.rows.map((r) => [r.code, r.name?.value]));
  for (const f of findings) {
    if (f.kind in findingCounts) {
      findingCounts[f.kind]++;
      bySeverity[f.kind][f.severity === "error" ? "error" : "warning"]++;
    }
    if (f.severity === "error") errors++;
    else warnings++;
    if (f.kind === "missing-evidence" && f.severity === "error") {
      const code = f.code ?? "";
      const fromSheet = rowName.get(code);
      const name = findNode(roll.catalog, code)?.name ?? (typeof fromSheet === "string" ? fromSheet.trim() : "");
      withoutEvidence.push({ code, name, sheet: f.sheet, cell: f.cell });
    }
  }

  return {
    unit: unit.unit,
    sheet: unit.sheet,
    catalogId: catalog.id,
    catalogName: catalog.name,
    fields,
    total,
    selfIndex,
    appraisedIndex,
    officialIndex,
    band: classBand(officialIndex, options.bands ?? DEFAULT_BANDS),
    findingCounts,
    findingSeverities: bySeverity,
    errors,
    warnings,
    withoutEvidence,
    missingMax: (roll.appraised ?? roll.self).total.missingMax,
    numbering: unit.numbering,
  };
}

/** Why a summary has no index, in words (null when it has one or nothing explains it). */
export function indexGapText(summary: UnitSummary, lang: Lang = "vi"): string | null {
  const missing = summary.missingMax ?? [];
  if (summary.officialIndex !== null || missing.length === 0) return null;
  const shown = missing.length > 8 ? `${missing.slice(0, 8).join(", ")}, …` : missing.join(", ");
  return t("summary.missingMax", { catalog: summary.catalogId, count: missing.length, codes: shown }, lang);
}
