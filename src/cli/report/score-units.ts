/**
 * `par report` on unit workbooks: the same scoring as `par aggregate` (its building blocks: the files collected
 * the same way, scored on every core by the same worker, groups, survey table and bands alike), kept as ranking
 * data and the criteria lost. What cannot be read is said on stderr, as aggregate says it.
 */
import { resolve } from "node:path";
import { AppraisalMinutes, buildRanking, Lang, LossTally, pairAppraisals, SkippedFile, t, UnitSummary } from "../../scoring";
import { scoreFiles } from "../aggregate/pool";
import { ScoreOptions } from "../aggregate/score-file";
import { readSurveyFile, unusedSurveyRows } from "../aggregate/survey";
import { readBands } from "../commands/summary";
import { CliError } from "../errors";
import { collectWorkbooks, groupResolver } from "../inputs";
import { Io } from "../io";
import { applyTiers } from "../aggregate/official-units";
import { LegacyEncoding } from "../workbook/legacy-text";
import { RankingData } from "./ranking-data";

export interface UnitInputOptions {
  groups?: string[];
  catalog?: string;
  bands?: string;
  survey?: string;
  encoding?: LegacyEncoding | "unicode";
  maxCells?: number;
  lang: Lang;
}

export interface UnitInputs {
  files: string[];
  skipped: SkippedFile[];
}

/** The unit workbooks named or found in folders (the survey table is never one of them). */
export function unitInputs(paths: string[], opts: UnitInputOptions): UnitInputs {
  const collected = collectWorkbooks(paths, opts.lang);
  const files = opts.survey ? collected.files.filter((f) => resolve(f) !== resolve(opts.survey!)) : collected.files;
  return { files, skipped: collected.skipped };
}

/** Scores the files as `par aggregate` does; throws when no unit could be ranked. */
export async function scoreUnits(inputs: UnitInputs, opts: UnitInputOptions, io: Io): Promise<RankingData & { minutes: { minutes: AppraisalMinutes; source: string }[] }> {
  const en = opts.lang === "en";
  const say = (s: SkippedFile) => io.err(`${en ? "Skipped" : "Bỏ qua"} ${s.file}: ${s.reason}\n`);
  inputs.skipped.forEach(say);
  if (inputs.files.length === 0) throw new CliError("Không có sổ tính nào để lập báo cáo", "No workbook to report on");
  const groupOf = groupResolver(opts.groups, inputs.files);
  const bands = readBands(opts.bands);
  const survey = opts.survey ? await readSurveyFile(opts.survey, opts.lang) : null;
  const score: ScoreOptions = { catalog: opts.catalog, bands: opts.bands, survey: opts.survey, encoding: opts.encoding, maxCells: opts.maxCells, lang: opts.lang, unitFiles: false, minutes: true };
  const scored: { summary: UnitSummary; group: string | null; source: string }[] = [];
  const losses = new LossTally();
  const minutes: { minutes: AppraisalMinutes; source: string }[] = [];
  await scoreFiles(inputs.files, score, (outcome) => {
    outcome.notes.forEach((line) => io.err(`${line}\n`));
    outcome.skipped.forEach(say);
    for (const unit of outcome.units) {
      losses.add(unit.summary.catalogId, unit.losses);
      if (unit.minutes) minutes.push({ minutes: unit.minutes, source: outcome.file });
      scored.push({ summary: { ...unit.summary, withoutEvidence: [], findingSeverities: undefined }, group: groupOf(outcome.file), source: outcome.file });
    }
  });
  // A council's appraisal workbook is joined with its unit's self-assessment, as par aggregate does.
  const paired = pairAppraisals(scored);
  scored.splice(0, scored.length, ...paired.entries);
  for (const p of paired.pairs) io.err(`${t("aggregate.paired", { unit: p.unit, appraisal: p.appraisal, self: p.self, errors: p.appraisalErrors, warnings: p.appraisalWarnings }, opts.lang)}\n`);
  const catalogues = [...new Set(scored.map((s) => s.summary.catalogId))].sort();
  if (catalogues.length > 1) io.err(`${t("aggregate.catalogues", { ids: catalogues.join(", ") }, opts.lang)}\n`);
  if (survey) for (const line of unusedSurveyRows(survey, scored.map((s) => s.summary.unit), opts.lang)) io.err(`${line}\n`);
  if (scored.length === 0) {
    throw new CliError("Không chấm được tệp nào (xem các dòng “Bỏ qua” ở trên)", "No workbook could be used (see the “Skipped” lines above)");
  }
  applyTiers(scored, opts.groups, opts.lang, io);
  return { ranking: buildRanking(scored, bands), losses: losses.all(), minutes };
}
