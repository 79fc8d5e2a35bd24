import { Command, Option } from "commander";
import {
  buildPlan,
  buildSummary,
  ClassBand,
  formatNumber,
  hasScores,
  indexGapText,
  Lang,
  ParError,
  parseBands,
  planSheet,
  readingLedger,
  readingSheet,
  summarySheet,
  unitFigures,
  validateWithEvidence,
} from "../../scoring";
import { describeEvidence, loadEvidence } from "../evidence/workbook-evidence";
import { evidenceTableHtml } from "../report/evidence-html";
import { jsonText } from "../terminal-text";
import { count } from "../count";
import { describeChoice, describeRejected, describeRenamed, formatName } from "../describe";
import { Io } from "../io";
import { reportImportedCatalog } from "./catalog-import";
import { encodingOption, evidenceOption, forceOption, includeHiddenOption, langOption, maxCellsOption, ocrOption, yearOption } from "../options";
import { planOutputs, writeOutputs } from "../outputs";
import { htmlPathFor, requireXlsxOutput } from "../paths";
import { renderHtmlReport } from "../report-html";
import { describeEncoding, describeUnread, loadUnits } from "../units";
import { LegacyEncoding } from "../workbook/legacy-text";
import { WorkbookError } from "../xlsx/read";
import { workbookBuffer, workbookFromData, workbookWithSheets } from "../xlsx/write";

export function bandsOption(): Option {
  return new Option("--bands <bands>", 'xếp loại theo chỉ số (class bands), ví dụ "A>=90; B>=80; C>=70; D"');
}

/** The bands given on the command line; undefined: each catalogue's own (its "bands"), else A/B/C/D. */
export function readBands(text: string | undefined): ClassBand[] | undefined {
  return text ? parseBands(text) : undefined;
}

export function registerSummary(par: Command, io: Io): void {
  par
    .command("summary")
    .description("Tổng hợp điểm và kế hoạch cải thiện thành các trang mới của một bản sao (summary and improvement plan, written to a copy)")
    .argument("<book>", "sổ tính của đơn vị: .xlsx, .xlsm, .xls, .ods, .csv (the unit's workbook; never modified)")
    .requiredOption("-o, --output <out.xlsx>", "tệp kết quả (output workbook); một báo cáo .html có biểu đồ được ghi bên cạnh")
    .option("-s, --sheet <name>", "trang tự chấm điểm (the unit's sheet), mặc định: trang đầu tiên nhận ra được")
    .option("-c, --catalog <id|file>", "bộ tiêu chí (catalogue id or JSON file)")
    .addOption(bandsOption())
    .option("--json", "in các số liệu ra dạng JSON thay cho lời (print the figures as JSON: unit, catalogId, index, band, self, appraised, survey, bonus, penalty, total, applicableMax, fields)")
    .addOption(includeHiddenOption())
    .addOption(yearOption("năm đánh giá; mặc định: năm ghi ở tiêu đề trang, hoặc của bộ tiêu chí (the assessment year; default: the sheet's title, else the catalogue's)"))
    .addOption(encodingOption())
    .addOption(evidenceOption())
    .addOption(ocrOption())
    .addOption(maxCellsOption())
    .addOption(forceOption())
    .addOption(langOption())
    .action(async (file: string, opts: { output: string; sheet?: string; catalog?: string; bands?: string; json?: boolean; includeHidden?: boolean; year?: string; encoding?: LegacyEncoding | "unicode"; evidence?: string; ocr?: boolean; maxCells?: number; force?: boolean; lang: Lang }) => {
      requireXlsxOutput(opts.output);
      const html = htmlPathFor(opts.output);
      const bands = readBands(opts.bands);
      const outputs = await planOutputs([opts.output, html], { inputs: [file], force: opts.force });
      await reportImportedCatalog(opts.catalog, opts.lang, io);
      const loaded = await loadUnits(file, opts);
      // Several unit sheets: which one is summarised is the user's choice, never the first found in silence.
      if (loaded.units.length > 1) {
        throw new ParError("reading.severalUnits", { count: loaded.units.length, sheets: loaded.units.map((u) => `"${u.sheet}" (${u.unit})`).join(", ") });
      }
      const unit = loaded.units[0];
      const catalog = loaded.choice.catalog;
      if (!hasScores(unit)) throw new ParError("summary.unscored", { sheet: unit.sheet });
      const evidence = await loadEvidence(file, loaded.data, [unit], opts);
      const { findings, matches } = validateWithEvidence(unit, catalog, { lang: opts.lang, evidence: evidence.evidence });
      const summary = buildSummary(unit, catalog, findings, { bands, ...(opts.year ? { year: Number(opts.year) } : {}) });
      const plan = buildPlan(unit, catalog);
      const first = summarySheet(summary, opts.lang);
      const specs = [first, planSheet(plan, opts.lang), readingSheet(readingLedger(loaded.sheets, loaded.units), opts.lang, summary.unit)];
      // One reader for every command: an .xlsx that exceljs cannot load for copying (e.g. rows and cells without
      // their r= attributes, as some exporters write) is copied from what was read, as another format is.
      const copied = loaded.data.format === "xlsx" ? await workbookWithSheets(file, specs).catch((e) => (e instanceof WorkbookError ? null : Promise.reject(e))) : null;
      const converted = copied === null;
      const { workbook, renamed } = copied ?? workbookFromData(loaded.data, specs);
      await writeOutputs(outputs, [
        { path: opts.output, data: await workbookBuffer(workbook) },
        { path: html, data: renderHtmlReport(`${unit.unit} — ${catalog.name}`, specs.slice(0, 2), { lang: opts.lang, after: evidenceTableHtml(matches, evidence.evidence.documents, opts.lang) }) },
      ]);
      if (opts.json) {
        // stdout is the JSON alone: a sheet copied under another name is still said, on stderr.
        for (const line of describeRenamed(renamed, opts.lang)) io.err(`${line}\n`);
        io.out(`${jsonText(unitFigures(summary))}\n`);
        return;
      }
      const index = summary.officialIndex === null ? "—" : formatNumber(summary.officialIndex, opts.lang);
      const gap = indexGapText(summary, opts.lang);
      const lines =
        opts.lang === "en"
          ? [
              describeChoice(loaded.choice, "en"),
              ...[describeEncoding(loaded.encoding, "en", loaded.convertedCells)].filter((x): x is string => x !== null),
              ...describeUnread(loaded.data, "en", loaded.units),
              ...describeRejected(loaded.rejected, "en"),
              ...describeRenamed(renamed, "en"),
              `Unit: ${unit.unit} (sheet "${unit.sheet}")`,
              `PAR index: ${index}${summary.band ? ` — band ${summary.band}` : ""}; ${count(summary.errors, "en", "", "error")}, ${count(summary.warnings, "en", "", "warning")}; ${count(plan.items.length, "en", "", "criterion", "criteria")} lost points`,
              ...(gap ? [gap] : []),
              ...describeEvidence(evidence, matches, "en"),
              `Written: ${opts.output} (sheets "${specs[0].name}", "${specs[1].name}", "${specs[2].name}") and ${html}`,
              ...(converted ? [`The input is ${formatName(loaded.data.format, "en")}: the output is an .xlsx workbook with the input's cell values (not its formulas or formatting) and the new sheets`] : []),
            ]
          : [
              describeChoice(loaded.choice, "vi"),
              ...[describeEncoding(loaded.encoding, "vi", loaded.convertedCells)].filter((x): x is string => x !== null),
              ...describeUnread(loaded.data, "vi", loaded.units),
              ...describeRejected(loaded.rejected, "vi"),
              ...describeRenamed(renamed, "vi"),
              `Đơn vị: ${unit.unit} (trang "${unit.sheet}")`,
              `Chỉ số CCHC: ${index}${summary.band ? ` — xếp loại ${summary.band}` : ""}; ${summary.errors} lỗi, ${summary.warnings} cảnh báo; ${plan.items.length} tiêu chí bị mất điểm`,
              ...(gap ? [gap] : []),
              ...describeEvidence(evidence, matches, "vi"),
              `Đã ghi: ${opts.output} (trang "${specs[0].name}", "${specs[1].name}", "${specs[2].name}") và ${html}`,
              ...(converted ? [`Tệp đầu vào là ${formatName(loaded.data.format, "vi")}: tệp kết quả là sổ tính .xlsx gồm giá trị các ô của tệp đầu vào (không giữ công thức, định dạng) và các trang mới`] : []),
            ];
      io.out(`${lines.join("\n")}\n`);
    });
}
