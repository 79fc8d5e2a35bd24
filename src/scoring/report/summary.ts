import { Catalog, catalogParts, findNode, PartKind, Rollup, RollupNode, rollUp } from "../catalog";
import { Lang, t } from "../i18n/messages";
import { prepareUnit } from "../sheet/numbering";
import { finalGaps, finalLeafScores, hasFinal, leafScores, SurveyScores } from "../sheet/scores";
import { UnitSheet } from "../sheet/types";
import { round2 } from "../values";
import { Finding, FINDING_KINDS, FindingKind, Severity } from "../validate/types";
import { classBand, parseBands } from "./bands";
import { ClassBand, CriterionRef, DEFAULT_BANDS, SummaryLine, UnitSummary } from "./types";

export { BandsError, classBand, parseBands, sortBands } from "./bands";

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

/** Options of the roll-up: survey points from a survey table (par aggregate --survey), overriding the sheet's. */
export interface RollupOptions {
  survey?: SurveyScores;
}

/**
 * The unit's scores rolled up: self scores, and the council's when the sheet has them (else null). Maxima, and so
 * the index's denominator, come from the catalogue only: a sheet cannot lower its own denominator by deleting a
 * row or typing a smaller maximum, and a names-only catalogue gives no index until its points are supplied. Survey
 * criteria take their points from `options.survey`, else from the sheet's survey column, in both roll-ups.
 */
export function unitRollups(
  unit: UnitSheet,
  catalog: Catalog,
  options: RollupOptions = {},
): { catalog: Catalog; self: Rollup; appraised: Rollup | null; final: Rollup | null } {
  const self = rollUp(catalog, leafScores(unit, catalog, "self", options.survey));
  const appraised = hasAppraisal(unit) ? rollUp(catalog, leafScores(unit, catalog, "appraised", options.survey)) : null;
  // Round 2: the final score where given, else round 1, else self (finalLeafScores); official when present.
  const final = hasFinal(unit) ? rollUp(catalog, finalLeafScores(unit, catalog, options.survey)) : null;
  return { catalog, self, appraised, final };
}

type Totals = Omit<RollupNode, "code" | "name" | "children" | "kind">;

function line(code: string, name: string, kind: PartKind, self: Totals, appraised: Totals | null, final: Totals | null = null): SummaryLine {
  const official = final ?? appraised ?? self;
  const applicableMax = official.applicableMax;
  // The final figures only when the sheet has them: a summary without a second round keeps its shape.
  const second = final ? { final: final.achieved, finalPercent: final.index } : {};
  return {
    code,
    name,
    kind,
    max: self.max,
    applicableMax,
    self: self.achieved,
    appraised: appraised ? appraised.achieved : null,
    survey: official.hasSurvey ? official.survey : null,
    bonus: official.bonus,
    penalty: official.penalty,
    total: official.total,
    selfPercent: self.index,
    appraisedPercent: appraised ? appraised.index : null,
    lost: kind === "base" ? round2(Math.max(0, applicableMax - official.total)) : 0,
    ...second,
  };
}

function emptyCounts(): Record<FindingKind, number> {
  return Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
}

/**
 * One unit's summary: per field and in total the max, applicable max (not-applicable leaves removed), self and
 * appraised points, % achieved and points lost; the self and appraised indexes and the official one (the final
 * score after a second round, else appraised when the council has scored, else self) with its class band; finding counts; the criteria without evidence.
 *
 * Where the self-assessment and the appraisal disagree on what applies, `applicableMax` and `lost` follow the
 * official (appraised) figures while `selfPercent` keeps the unit's own denominator.
 */
export function buildSummary(
  unit: UnitSheet,
  catalog: Catalog,
  findings: Finding[],
  options: { bands?: ClassBand[]; year?: number } & RollupOptions = {},
): UnitSummary {
  unit = prepareUnit(unit, catalog);
  const roll = unitRollups(unit, catalog, options);
  const fields = roll.self.fields.map((f, i) =>
    line(f.code, f.name, f.kind, f, roll.appraised ? roll.appraised.fields[i] : null, roll.final ? roll.final.fields[i] : null),
  );
  const total = line("", "Tổng cộng", "base", roll.self.total, roll.appraised ? roll.appraised.total : null, roll.final ? roll.final.total : null);
  const bands = options.bands ?? catalogBands(catalog);
  const selfIndex = roll.self.total.index;
  const appraisedIndex = roll.appraised ? roll.appraised.total.index : null;
  const finalIndex = roll.final ? roll.final.total.index : null;
  const officialIndex = roll.final ? finalIndex : roll.appraised ? appraisedIndex : selfIndex;
  const officialRoll = roll.final ?? roll.appraised ?? roll.self;

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
    year: options.year ?? unit.year ?? catalog.year ?? null,
    catalogId: catalog.id,
    catalogName: catalog.name,
    ...(catalog.level ? { catalogLevel: catalog.level } : {}),
    ...(catalog.province ? { catalogProvince: catalog.province } : {}),
    fields,
    total,
    selfIndex,
    appraisedIndex,
    ...(roll.final ? { finalIndex, finalMissing: finalGaps(unit, catalog) } : {}),
    officialIndex,
    band: classBand(officialIndex, bands),
    bands,
    findingCounts,
    findingSeverities: bySeverity,
    errors,
    warnings,
    withoutEvidence,
    missingMax: officialRoll.total.missingMax,
    numbering: unit.numbering,
    surveyMissing: officialRoll.total.surveyMissing,
    parts: catalogParts(catalog),
    surveySource: options.survey ? "table" : unit.header.columns.survey !== undefined ? "sheet" : null,
  };
}

/** The catalogue's own class bands ("Nhóm I>=90; …"), else the default A/B/C/D. */
export function catalogBands(catalog: Catalog): ClassBand[] {
  return catalog.bands ? parseBands(catalog.bands) : DEFAULT_BANDS;
}

/** Why a summary has no index, in words (null when it has one or nothing explains it). */
export function indexGapText(summary: UnitSummary, lang: Lang = "vi"): string | null {
  if (summary.officialIndex !== null) return null;
  const list = (codes: string[]) => (codes.length > 8 ? `${codes.slice(0, 8).join(", ")}, …` : codes.join(", "));
  const missing = summary.missingMax ?? [];
  if (missing.length > 0) return t("summary.missingMax", { catalog: summary.catalogId, count: missing.length, codes: list(missing) }, lang);
  const survey = summary.surveyMissing ?? [];
  if (survey.length > 0) return t("summary.surveyMissing", { count: survey.length, codes: list(survey) }, lang);
  return null;
}
