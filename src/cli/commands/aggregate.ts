import { resolve } from "node:path";
import { Command, Option } from "commander";
import type { SingleBar } from "cli-progress";
import ExcelJS from "exceljs";
import {
  buildRanking,
  Lang,
  LossTally,
  rankingSheets,
  SheetSpec,
  SkippedFile,
  skippedSheet,
  summarySheet,
  UnitSummary,
  unitsMatrixSheet,
  t,
  fold,
  ParError,
  pairAppraisals,
} from "../../scoring";
import { FileOutcome, laidOutSheet, reasonOf, ScoreOptions } from "../aggregate/score-file";
import { MAIN_THREAD_BELOW, scoreFiles, threadsFor } from "../aggregate/pool";
import { optimiseOnlyWhatStaysHot } from "../aggregate/tiering";
import { readSurveyFile, unusedSurveyRows } from "../aggregate/survey";
import { UnitFileNames } from "../aggregate/unit-files";
import { count } from "../count";
import { CliError } from "../errors";
import { collectWorkbooks, groupResolver } from "../inputs";
import { Io } from "../io";
import { reportImportedCatalog } from "./catalog-import";
import { loadCatalog } from "../catalog-source";
import { encodingOption, evidenceOption, forceOption, includeHiddenOption, langOption, maxCellsOption, ocrOption, yearOption } from "../options";
import { exists, isSameFile, OutputPlan, planOutputs, writeOutputs } from "../outputs";
import { htmlPathFor, requireXlsxOutput } from "../paths";
import { addRankingData } from "../report/ranking-data";
import { rankingHtml } from "../report/ranking-html";
import { escapeControls } from "../terminal-text";
import { LegacyEncoding } from "../workbook/legacy-text";
import { isGeneratedWorkbook, readWorkbook } from "../xlsx/read";
import { addSheet, loadExcelJS, newTemplatedWorkbook, prepareSheet, workbookBuffer } from "../xlsx/write";
import { bandsOption, readBands } from "./summary";
import { applyTiers, changesAcrossMerger, checkNames, mergerSaid, previousSheet, provinceFor } from "../aggregate/official-units";
import { previousRanking } from "../report/ranking-input";
import { provinceNamed } from "../registry";
import { basename } from "node:path";

/**
 * Above this many units the ranking workbook holds no per-unit sheets (they go to --per-unit DIR, one file each):
 * a workbook of thousands of sheets takes minutes to open in Excel or LibreOffice.
 */
export const UNIT_SHEETS_LIMIT = 300;

interface Scored {
  summary: UnitSummary;
  group: string | null;
  /** The file, and its sheet when the file holds several units. */
  source: string;
  file: string;
}

interface Options {
  output: string;
  groups?: string[];
  catalog?: string;
  bands?: string;
  survey?: string;
  encoding?: LegacyEncoding | "unicode";
  evidence?: string;
  ocr?: boolean;
  includeHidden?: boolean;
  year?: string;
  maxCells?: number;
  perUnit?: string;
  threads?: string;
  force?: boolean;
  province?: string;
  previous?: string;
  lang: Lang;
}

/**
 * The previous ranking written into an input folder is not an input: it is skipped when read, so --force may
 * replace it. Any other file that is also the output stays an input, and planOutputs refuses it.
 */
async function inputsBesidesOwnOutput(files: string[], output: string): Promise<string[]> {
  // Nothing is the output while it does not exist: no input is looked at then.
  if (!(await exists(output))) return [...files];
  const same = await Promise.all(files.map((file) => isSameFile(file, output)));
  const inputs: string[] = [];
  for (const [i, file] of files.entries()) {
    if (same[i]) {
      const generated = await readWorkbook(file).then(isGeneratedWorkbook, () => false);
      if (generated) continue;
    }
    inputs.push(file);
  }
  return inputs;
}

/** What the ranking keeps of a unit whose summary sheet is not written into the ranking workbook. */
const rankingRow = (summary: UnitSummary): UnitSummary => ({ ...summary, withoutEvidence: [], findingSeverities: undefined });

/** Each unit's summary as a file of its own, in --per-unit DIR (planned like every output: --force, never an input). */
class UnitFiles {
  readonly names: UnitFileNames;
  readonly first: Map<string, string>;
  written = 0;

  private constructor(
    dir: string,
    files: string[],
    private readonly plan: OutputPlan,
    private readonly inputs: string[],
  ) {
    this.names = new UnitFileNames(dir);
    this.first = this.names.forFiles(files);
  }

  static async plan(dir: string, files: string[], inputs: string[], force: boolean | undefined): Promise<UnitFiles> {
    const names = new UnitFileNames(dir).forFiles(files);
    return new UnitFiles(dir, files, await planOutputs([...names.values()], { inputs, force }), inputs);
  }

  async write(outcome: FileOutcome): Promise<void> {
    for (const [i, unit] of outcome.units.entries()) {
      if (!unit.file) continue;
      const path = i === 0 ? this.first.get(outcome.file)! : this.names.forUnit(outcome.file, unit.summary.unit);
      const plan =
        i === 0
          ? { paths: [path], force: this.plan.force, existing: new Set(this.plan.existing.has(path) ? [path] : []) }
          : await planOutputs([path], { inputs: this.inputs, force: this.plan.force });
      await writeOutputs(plan, [{ path, data: Buffer.from(unit.file) }]);
      this.written++;
    }
  }
}

/** A unit's summary sheet in the ranking workbook. */
const unitSheet = (summary: UnitSummary, lang: Lang): SheetSpec => ({ ...(laidOutSheet(summary) ?? summarySheet(summary, lang)), name: summary.unit });

/**
 * Unit sheets laid out as the worker threads' results come in, between the files this thread scores, by the
 * summary they were laid out from: a summary replaced since (an appraisal joined to its unit) is laid out again.
 */
const laidOut = new WeakMap<UnitSummary, SheetSpec>();

function prepareUnitSheet(summary: UnitSummary, lang: Lang): void {
  try {
    const spec = unitSheet(summary, lang);
    prepareSheet(spec);
    laidOut.set(summary, spec);
  } catch {
    // Laid out again when the ranking is written, and said there.
  }
}

/** The ranking workbook; a unit whose own sheet cannot be written keeps its place in the ranking and is said. */
function rankingWorkbook(specs: SheetSpec[], unitSheets: Scored[], lang: Lang, skip: (s: SkippedFile) => void): ExcelJS.Workbook {
  // The unit sheets share one layout: their cells are written as XML, not as 200 exceljs models (write.ts).
  const workbook = newTemplatedWorkbook();
  for (const spec of specs) addSheet(workbook, spec);
  for (const s of unitSheets) {
    const before = new Set(workbook.worksheets.map((w) => w.id));
    try {
      addSheet(workbook, laidOut.get(s.summary) ?? unitSheet(s.summary, lang));
    } catch (e) {
      for (const ws of workbook.worksheets) if (!before.has(ws.id)) workbook.removeWorksheet(ws.id);
      const reason = reasonOf(e, lang);
      skip({
        file: s.source,
        reason:
          lang === "en"
            ? `the summary sheet of unit "${s.summary.unit}" could not be written (${reason}); the unit is still ranked`
            : `không ghi được trang tổng hợp của đơn vị "${s.summary.unit}" (${reason}); đơn vị vẫn có trong bảng xếp hạng`,
      });
    }
  }
  return workbook;
}

/** The same unit twice (same name, catalogue and year, from two files or sheets) is an error naming both places. */
function duplicateUnits(scored: Scored[]): void {
  const seen = new Map<string, Scored>();
  for (const s of scored) {
    const key = [fold(s.summary.unit).trim(), s.summary.catalogId, s.summary.year ?? ""].join("|");
    const first = seen.get(key);
    if (first) {
      const where = (x: Scored) => (x.source.includes(`"${x.summary.sheet}"`) ? x.source : `${x.source} ("${x.summary.sheet}")`);
      const e = new ParError("aggregate.duplicateUnit", { unit: s.summary.unit, catalog: s.summary.catalogId, year: s.summary.year ?? "", first: where(first), second: where(s) });
      throw new CliError(e.text("vi"), e.text("en"));
    }
    seen.set(key, s);
  }
}

function threadsOption(): Option {
  return new Option("--threads <n>", `số luồng chấm song song, kể cả luồng chính; mặc định: số lõi CPU, dưới ${MAIN_THREAD_BELOW} tệp thì chỉ luồng chính (threads that score, the main one included; default: one per core, the main thread alone below ${MAIN_THREAD_BELOW} files)`).argParser((v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 256) {
      throw new CliError(`--threads cần một số nguyên từ 1 đến 256 (đang là "${v}")`, `--threads takes a whole number from 1 to 256 (got "${v}")`);
    }
    return v;
  });
}

export function registerAggregate(par: Command, io: Io, setExit: (code: number) => void): void {
  par
    .command("aggregate")
    .description("Kiểm tra, chấm điểm nhiều đơn vị và xếp hạng (validate, score and rank many units' workbooks)")
    .argument("<paths...>", "các tệp .xlsx, .xlsm, .xls, .ods, .csv hoặc thư mục chứa chúng (workbooks or folders)")
    .requiredOption("-o, --output <ranking.xlsx>", "tệp xếp hạng (ranking workbook); một báo cáo .html được ghi bên cạnh")
    .option(
      "-g, --groups <groups...>",
      'nhóm xếp hạng riêng: "ĐƯỜNG_DẪN=Tên nhóm" … hoặc "folder"; không có: sở, phường, xã và đặc khu xếp riêng theo tên đơn vị (rank groups apart; default: departments, wards, communes with special zones)',
    )
    .option("-c, --catalog <id|file>", "bộ tiêu chí cho mọi tệp (catalogue for every file)")
    .option(
      "--per-unit <dir>",
      `ghi trang tổng hợp của mỗi đơn vị thành một tệp .xlsx trong thư mục này (one summary file per unit); không có tùy chọn này, bảng xếp hạng chứa trang từng đơn vị khi có tới ${UNIT_SHEETS_LIMIT} đơn vị`,
    )
    .addOption(bandsOption())
    .option("--survey <survey.xlsx>", "bảng điểm điều tra xã hội học: mỗi đơn vị một dòng, mỗi tiêu chí điều tra một cột (survey points: unit × criterion code)")
    .option("--province <name>", "tỉnh, thành phố của các đơn vị: đối chiếu tên đơn vị với danh sách xã, phường, đặc khu từ 01/07/2025 (check unit names against the province's official units)")
    .option("--previous <last.xlsx>", "bảng xếp hạng năm trước (do par aggregate ghi): thêm trang so sánh; đơn vị mới sắp xếp năm 2025 so với bình quân các đơn vị cũ (last year's ranking)")
    .addOption(includeHiddenOption())
    .addOption(yearOption("năm đánh giá của mọi đơn vị; mặc định: năm ghi ở tiêu đề trang hoặc của bộ tiêu chí (the assessment year; default: the sheet's title, else the catalogue's)"))
    .addOption(encodingOption())
    .addOption(evidenceOption(true))
    .addOption(ocrOption())
    .addOption(maxCellsOption())
    .addOption(threadsOption())
    .addOption(forceOption())
    .addOption(langOption())
    .action(async (paths: string[], opts: Options) => {
      const en = opts.lang === "en";
      requireXlsxOutput(opts.output);
      const html = htmlPathFor(opts.output);
      const bands = readBands(opts.bands);
      const collected = collectWorkbooks(paths, opts.lang);
      const { skipped } = collected;
      // The survey table is an input, never a unit's workbook, wherever it lies.
      const files = opts.survey ? collected.files.filter((f) => resolve(f) !== resolve(opts.survey!)) : collected.files;
      // A run of seconds: V8 optimises only what stays hot (before any worker thread starts; see tiering.ts).
      if (files.length <= UNIT_SHEETS_LIMIT) optimiseOnlyWhatStaysHot();
      const groupOf = groupResolver(opts.groups, files);
      const inputs = [...(await inputsBesidesOwnOutput(files, opts.output)), ...(opts.survey ? [opts.survey] : []), ...(opts.previous ? [opts.previous] : [])];
      if (opts.province !== undefined) provinceNamed(opts.province);
      const plan = await planOutputs([opts.output, html], { inputs, force: opts.force });
      const unitFiles = opts.perUnit ? await UnitFiles.plan(opts.perUnit, files, inputs, opts.force) : null;
      const skip = (s: SkippedFile) => {
        skipped.push(s);
        io.err(`${en ? "Skipped" : "Bỏ qua"} ${s.file}: ${s.reason}\n`);
      };
      skipped.splice(0).forEach(skip);
      if (files.length === 0) throw new CliError("Không có sổ tính nào để tổng hợp", "No workbook to aggregate");
      const survey = opts.survey ? await readSurveyFile(opts.survey, opts.lang) : null;
      await reportImportedCatalog(opts.catalog, opts.lang, io);

      // Scored in parallel, handed on in the files' order: only the ranking rows stay in memory.
      const bar = io.isTTY ? new (require("cli-progress") as { SingleBar: typeof SingleBar }).SingleBar({ format: " {bar} {value}/{total} {file}", hideCursor: true, stream: process.stderr }) : null;
      bar?.start(files.length, 0, { file: "" });
      const late: string[] = [];
      const say = (line: string) => (bar ? late.push(line) : io.err(`${line}\n`));
      const scored: Scored[] = [];
      const losses = new LossTally();
      // Read once here and posted to the threads as data; one that cannot be read is said on each file's line, as before.
      const catalogParsed = opts.catalog === undefined ? undefined : await loadCatalog(opts.catalog).catch(() => undefined);
      const score: ScoreOptions = {
        catalog: opts.catalog,
        ...(catalogParsed ? { catalogParsed } : {}),
        bands: opts.bands,
        survey: opts.survey,
        encoding: opts.encoding,
        evidence: opts.evidence,
        ocr: opts.ocr,
        includeHidden: opts.includeHidden,
        ...(opts.year ? { year: Number(opts.year) } : {}),
        maxCells: opts.maxCells,
        lang: opts.lang,
        unitFiles: unitFiles !== null,
        // Past 300 files the ranking holds no unit sheets: no unit's sheet is laid out only to be thrown away.
        layOut: files.length <= UNIT_SHEETS_LIMIT,
      };
      // With worker threads, this thread lays out each unit's sheet as it comes in, while they score (not when there
      // are more files than unit sheets the ranking holds: the sheets would most likely be thrown away).
      const threaded = threadsFor(files.length, { threads: opts.threads === undefined ? undefined : Number(opts.threads) }) > 1 && files.length <= UNIT_SHEETS_LIMIT;
      const scoring = scoreFiles(
        files,
        score,
        async (outcome) => {
          bar?.increment({ file: escapeControls(outcome.file) });
          outcome.notes.forEach(say);
          for (const s of outcome.skipped) {
            skipped.push(s);
            say(`${en ? "Skipped" : "Bỏ qua"} ${s.file}: ${s.reason}`);
          }
          for (const unit of outcome.units) {
            losses.add(unit.summary.catalogId, unit.losses);
            const keepWhole = unitFiles === null && scored.length < UNIT_SHEETS_LIMIT;
            const source = outcome.units.length > 1 ? `${outcome.file} (${en ? "sheet" : "trang"} "${unit.summary.sheet}")` : outcome.file;
            scored.push({ summary: keepWhole ? unit.summary : rankingRow(unit.summary), group: groupOf(outcome.file), source, file: outcome.file });
            if (keepWhole && threaded) prepareUnitSheet(unit.summary, opts.lang);
            if (unitFiles === null && scored.length === UNIT_SHEETS_LIMIT + 1) scored.forEach((s) => (s.summary = rankingRow(s.summary)));
          }
          await unitFiles?.write(outcome);
        },
        { threads: opts.threads === undefined ? undefined : Number(opts.threads) },
      );
      // The worker threads have their files: exceljs, for the ranking workbook, loads meanwhile.
      loadExcelJS();
      await scoring;
      bar?.stop();
      late.forEach((line) => io.err(`${line}\n`));

      const catalogues = [...new Set(scored.map((s) => s.summary.catalogId))].sort();
      if (catalogues.length > 1) io.err(`${t("aggregate.catalogues", { ids: catalogues.join(", ") }, opts.lang)}\n`);
      if (survey) for (const line of unusedSurveyRows(survey, scored.map((s) => s.summary.unit), opts.lang)) io.err(`${line}\n`);
      const years = [...new Set(scored.map((s) => s.summary.year).filter((y): y is number => typeof y === "number"))].sort();
      if (years.length > 1) io.err(`${t("aggregate.years", { years: years.join(", ") }, opts.lang)}\n`);
      // A council's appraisal workbook ("Đơn vị được thẩm định: …") is joined with its unit's self-assessment.
      const usedFiles = new Set(scored.map((s) => s.file));
      const paired = pairAppraisals(scored);
      scored.splice(0, scored.length, ...paired.entries);
      for (const p of paired.pairs) io.err(`${t("aggregate.paired", { unit: p.unit, appraisal: p.appraisal, self: p.self, errors: p.appraisalErrors, warnings: p.appraisalWarnings }, opts.lang)}\n`);
      duplicateUnits(scored);
      const previous = opts.previous ? await previousRanking(opts.previous) : null;
      if (scored.length === 0) {
        throw new CliError("Không tổng hợp được tệp nào (xem các dòng “Bỏ qua” ở trên)", "No workbook could be used (see the “Skipped” lines above)");
      }
      applyTiers(scored, opts.groups, opts.lang, io);
      const province = provinceFor(opts.province, scored.map((s) => s.summary));
      if (province) checkNames(scored.map((s) => s.summary), province, opts.lang, io);
      const ranking = buildRanking(scored, bands);
      const changes = previous ? changesAcrossMerger(previous.ranking, ranking, province, opts.lang) : null;
      const [rankingSpec, chartsSpec] = rankingSheets(ranking, opts.lang);
      const specs: SheetSpec[] = [
        rankingSpec,
        ...(changes && opts.previous ? [previousSheet(ranking, changes, basename(opts.previous), opts.lang)] : []),
        unitsMatrixSheet(scored.map((s) => s.summary), opts.lang),
      ];
      const unitSheets = unitFiles === null && scored.length <= UNIT_SHEETS_LIMIT ? scored : [];
      if (unitFiles === null && scored.length > UNIT_SHEETS_LIMIT) {
        io.err(
          en
            ? `${count(scored.length, "en", "", "unit")}: more than ${UNIT_SHEETS_LIMIT}, so the ranking workbook holds no sheet per unit (it stays quick to open). Add --per-unit FOLDER to write each unit's summary as a file of its own.\n`
            : `${scored.length} đơn vị, quá ${UNIT_SHEETS_LIMIT}: bảng xếp hạng không chứa trang tổng hợp từng đơn vị (để sổ mở nhanh). Thêm --per-unit THƯ_MỤC để ghi tổng hợp của mỗi đơn vị thành một tệp riêng.\n`,
        );
      }
      // The ranking's charts on a sheet of their own after it (no table header printed over them).
      const workbook = rankingWorkbook(chartsSpec ? [rankingSpec, chartsSpec, ...specs.slice(1)] : specs, unitSheets, opts.lang, skip);
      if (skipped.length) addSheet(workbook, skippedSheet(skipped, opts.lang));
      addRankingData(workbook, { ranking, losses: losses.all() });
      await writeOutputs(plan, [
        { path: opts.output, data: await workbookBuffer(workbook, { level: 1 }) },
        { path: html, data: rankingHtml(ranking, specs, opts.lang) },
      ]);

      const used = usedFiles.size;
      const units = count(scored.length, opts.lang, "đơn vị", "unit");
      const from = count(used, opts.lang, "tệp", "workbook");
      const left = skipped.length === 0 ? "" : en ? `; skipped ${count(skipped.length, "en", "", "item")} (listed above)` : `; bỏ qua ${skipped.length} mục (đã nêu ở trên)`;
      const compared = changes && opts.previous ? (en ? `; compared with ${opts.previous}` : `; so sánh với ${opts.previous}`) + mergerSaid(changes, opts.lang) : "";
      const perUnit = unitFiles ? (en ? ` and ${count(unitFiles.written, "en", "", "unit summary", "unit summaries")} in ${opts.perUnit}` : ` và ${unitFiles.written} tệp tổng hợp từng đơn vị trong ${opts.perUnit}`) : "";
      io.out(
        en
          ? `Ranked ${units} from ${from}${left}${compared}. Written: ${opts.output} and ${html}${perUnit}\n`
          : `Đã xếp hạng ${units} từ ${from}${left}${compared}. Đã ghi: ${opts.output} và ${html}${perUnit}\n`,
      );
      setExit(0);
    });
}
