import { resolve } from "node:path";
import { Command } from "commander";
import { SingleBar } from "cli-progress";
import ExcelJS from "exceljs";
import {
  Catalog,
  isSurveyTable,
  LeafScore,
  readSurveyTable,
  SurveyTable,
  surveyRowOf,
  surveyScores,
  buildRanking,
  buildSummary,
  ClassBand,
  hasScores,
  indexGapText,
  Lang,
  rankingSheet,
  SheetSpec,
  SkippedFile,
  skippedSheet,
  summarySheet,
  UnitSummary,
  unitsMatrixSheet,
  t,
  validateUnit,
} from "../../scoring";
import { count } from "../count";
import { CliError } from "../errors";
import { collectWorkbooks, groupResolver } from "../inputs";
import { describeRejected } from "../describe";
import { Io } from "../io";
import { forceOption, langOption } from "../options";
import { isSameFile, planOutputs, writeOutputs } from "../outputs";
import { htmlPathFor, requireXlsxOutput } from "../paths";
import { renderHtmlReport } from "../report-html";
import { escapeControls } from "../terminal-text";
import { loadUnits } from "../units";
import { isGeneratedWorkbook, readWorkbook } from "../xlsx/read";
import { addSheet, workbookBuffer } from "../xlsx/write";
import { bandsOption, readBands } from "./summary";

interface Scored {
  summary: UnitSummary;
  sheet: SheetSpec;
  group: string | null;
  source: string;
}

interface Options {
  output: string;
  groups?: string[];
  catalog?: string;
  bands?: string;
  survey?: string;
  force?: boolean;
  lang: Lang;
}

function reasonOf(e: unknown, lang: Lang): string {
  const text = (e as { text?: (l: Lang) => string })?.text;
  if (typeof text === "function") return text.call(e, lang);
  const message = (e as Error)?.message ?? String(e);
  return lang === "en" ? `unexpected error (please report it): ${message}` : `lỗi không mong đợi (xin báo lại cho nhóm phát triển): ${message}`;
}

/**
 * The previous ranking written into an input folder is not an input: it is skipped when read, so --force may
 * replace it. Any other file that is also the output stays an input, and planOutputs refuses it.
 */
async function inputsBesidesOwnOutput(files: string[], output: string): Promise<string[]> {
  const inputs: string[] = [];
  for (const file of files) {
    if (await isSameFile(file, output)) {
      const generated = await readWorkbook(file).then(isGeneratedWorkbook, () => false);
      if (generated) continue;
    }
    inputs.push(file);
  }
  return inputs;
}

/** Validates and scores every unit of every file; a file or unit that fails is a skipped line, never the end of the run. */
async function scoreAll(
  files: string[],
  opts: Options,
  bands: ClassBand[] | undefined,
  survey: SurveyTable | null,
  io: Io,
  skip: (s: SkippedFile) => void,
): Promise<Scored[]> {
  const groupOf = groupResolver(opts.groups);
  const bar = io.isTTY ? new SingleBar({ format: " {bar} {value}/{total} {file}", hideCursor: true, stream: process.stderr }) : null;
  bar?.start(files.length, 0, { file: "" });
  const scored: Scored[] = [];
  const late: SkippedFile[] = [];
  const note = (s: SkippedFile) => (bar ? late.push(s) : skip(s));
  for (const file of files) {
    bar?.update({ file: escapeControls(file) });
    try {
      const loaded = await loadUnits(file, { catalog: opts.catalog });
      for (const line of describeRejected(loaded.rejected, opts.lang)) io.err(`${file}: ${line}\n`);
      for (const unit of loaded.units) {
        try {
          if (!hasScores(unit)) {
            io.err(`${file}: ${t("aggregate.unscored", { unit: unit.unit, sheet: unit.sheet }, opts.lang)}\n`);
            continue;
          }
          const findings = validateUnit(unit, loaded.choice.catalog, { lang: opts.lang });
          const surveyPoints = survey ? surveyOf(survey, unit.unit, loaded.choice.catalog, opts.lang, (line) => io.err(`${file}: ${line}\n`)) : undefined;
          const summary = buildSummary(unit, loaded.choice.catalog, findings, { bands, survey: surveyPoints });
          const gap = indexGapText(summary, opts.lang);
          if (gap) io.err(`${file}: ${unit.unit} — ${gap}\n`);
          scored.push({ summary, sheet: summarySheet(summary, opts.lang), group: groupOf(file), source: file });
        } catch (e) {
          note({ file: `${file} (${opts.lang === "en" ? "sheet" : "trang"} "${unit.sheet}")`, reason: reasonOf(e, opts.lang) });
        }
      }
    } catch (e) {
      note({ file, reason: reasonOf(e, opts.lang) });
    }
    bar?.increment();
  }
  bar?.stop();
  late.forEach(skip);
  return scored;
}

/** The ranking workbook; a unit whose own sheet cannot be written keeps its place in the ranking and is said. */
function rankingWorkbook(specs: SheetSpec[], scored: Scored[], opts: Options, skip: (s: SkippedFile) => void): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const spec of specs) addSheet(workbook, spec);
  for (const s of scored) {
    const before = new Set(workbook.worksheets.map((w) => w.id));
    try {
      addSheet(workbook, { ...s.sheet, name: s.summary.unit });
    } catch (e) {
      for (const ws of workbook.worksheets) if (!before.has(ws.id)) workbook.removeWorksheet(ws.id);
      const reason = reasonOf(e, opts.lang);
      skip({
        file: s.source,
        reason:
          opts.lang === "en"
            ? `the summary sheet of unit "${s.summary.unit}" could not be written (${reason}); the unit is still ranked`
            : `không ghi được trang tổng hợp của đơn vị "${s.summary.unit}" (${reason}); đơn vị vẫn có trong bảng xếp hạng`,
      });
    }
  }
  return workbook;
}

/** The survey table of --survey: its first sheet that is one; any unreadable cell stops the run (with its cell). */
async function readSurvey(file: string, lang: Lang): Promise<SurveyTable> {
  const data = await readWorkbook(file);
  const grid = data.grids.find(isSurveyTable);
  const table = readSurveyTable(grid ?? data.grids[0] ?? { name: file, values: [] }, lang);
  const errors = table.issues.filter((i) => i.severity === "error");
  if (errors.length > 0) {
    const list = errors.map((i) => `${i.sheet}!${i.cell}: ${i.message}`).join("; ");
    throw new CliError(`Bảng điều tra ${file} còn lỗi: ${list}`, `The survey table ${file} has errors: ${list}`);
  }
  return table;
}

/** A unit's survey points from the table; a unit without a row, or a row that does not fit its catalogue, is said. */
function surveyOf(table: SurveyTable, unit: string, catalog: Catalog, lang: Lang, say: (line: string) => void): Map<string, LeafScore> | undefined {
  const row = surveyRowOf(table, unit);
  if (!row) {
    say(t("aggregate.surveyMissingUnit", { unit, sheet: table.sheet }, lang));
    return undefined;
  }
  const { scores, problems } = surveyScores(table, row, catalog, lang);
  if (problems.length > 0) {
    problems.forEach(say);
    return new Map([...row.scores.keys()].map((code) => [code, null]));
  }
  return scores;
}

export function registerAggregate(par: Command, io: Io, setExit: (code: number) => void): void {
  par
    .command("aggregate")
    .description("Kiểm tra, chấm điểm nhiều đơn vị và xếp hạng (validate, score and rank many units' workbooks)")
    .argument("<paths...>", "các tệp .xlsx hoặc thư mục chứa chúng (workbooks or folders)")
    .requiredOption("-o, --output <ranking.xlsx>", "tệp xếp hạng (ranking workbook); một báo cáo .html được ghi bên cạnh")
    .option("-g, --groups <groups...>", 'nhóm xếp hạng riêng: "ĐƯỜNG_DẪN=Tên nhóm" … hoặc "folder" (rank groups apart)')
    .option("-c, --catalog <id|file>", "bộ tiêu chí cho mọi tệp (catalogue for every file)")
    .addOption(bandsOption())
    .option("--survey <survey.xlsx>", "bảng điểm điều tra xã hội học: mỗi đơn vị một dòng, mỗi tiêu chí điều tra một cột (survey points: unit × criterion code)")
    .addOption(forceOption())
    .addOption(langOption())
    .action(async (paths: string[], opts: Options) => {
      const en = opts.lang === "en";
      requireXlsxOutput(opts.output);
      const html = htmlPathFor(opts.output);
      const bands = readBands(opts.bands);
      const { files, skipped } = collectWorkbooks(paths, opts.lang);
      groupResolver(opts.groups, files);
      const inputs = [...(await inputsBesidesOwnOutput(files, opts.output)), ...(opts.survey ? [opts.survey] : [])];
      const plan = await planOutputs([opts.output, html], { inputs, force: opts.force });
      const survey = opts.survey ? await readSurvey(opts.survey, opts.lang) : null;
      const skip = (s: SkippedFile) => {
        skipped.push(s);
        io.err(`${en ? "Skipped" : "Bỏ qua"} ${s.file}: ${s.reason}\n`);
      };
      skipped.splice(0).forEach(skip);
      if (files.length === 0) throw new CliError("Không có tệp .xlsx nào để tổng hợp", "No .xlsx workbook to aggregate");

      const notSurvey = (f: string) => !opts.survey || resolve(f) !== resolve(opts.survey);
      const scored = await scoreAll(files.filter(notSurvey), opts, bands, survey, io, skip);
      const catalogues = [...new Set(scored.map((s) => s.summary.catalogId))].sort();
      if (catalogues.length > 1) io.err(`${t("aggregate.catalogues", { ids: catalogues.join(", ") }, opts.lang)}\n`);
      if (survey) {
        const units = scored.map((s) => s.summary.unit);
        for (const row of survey.rows) {
          if (!units.some((u) => surveyRowOf(survey, u) === row)) io.err(`${t("aggregate.surveyUnused", { unit: row.unit, cell: `${survey.sheet}!${row.cell}` }, opts.lang)}\n`);
        }
      }
      if (scored.length === 0) {
        throw new CliError("Không tổng hợp được tệp nào (xem các dòng “Bỏ qua” ở trên)", "No workbook could be used (see the “Skipped” lines above)");
      }
      const ranking = buildRanking(scored, bands);
      const specs: SheetSpec[] = [rankingSheet(ranking, opts.lang), unitsMatrixSheet(scored.map((s) => s.summary), opts.lang)];
      const workbook = rankingWorkbook(specs, scored, opts, skip);
      if (skipped.length) addSheet(workbook, skippedSheet(skipped, opts.lang));
      await writeOutputs(plan, [
        { path: opts.output, data: await workbookBuffer(workbook) },
        { path: html, data: renderHtmlReport(en ? "PAR Index ranking" : "Xếp hạng Chỉ số CCHC", specs) },
      ]);

      const used = new Set(scored.map((s) => s.source)).size;
      const units = count(scored.length, opts.lang, "đơn vị", "unit");
      const from = count(used, opts.lang, "tệp", "workbook");
      const left = skipped.length === 0 ? "" : en ? `; skipped ${count(skipped.length, "en", "", "item")} (listed above)` : `; bỏ qua ${skipped.length} mục (đã nêu ở trên)`;
      io.out(en ? `Ranked ${units} from ${from}${left}. Written: ${opts.output} and ${html}\n` : `Đã xếp hạng ${units} từ ${from}${left}. Đã ghi: ${opts.output} và ${html}\n`);
      setExit(0);
    });
}
