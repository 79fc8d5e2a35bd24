import { writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { SingleBar } from "cli-progress";
import ExcelJS from "exceljs";
import {
  buildRanking,
  buildSummary,
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
import { CliError } from "../errors";
import { collectWorkbooks, groupResolver } from "../inputs";
import { describeRejected } from "../describe";
import { Io } from "../io";
import { htmlPathFor, requireXlsxOutput } from "../paths";
import { renderHtmlReport } from "../report-html";
import { loadUnits } from "../units";
import { addSheet, saveWorkbook } from "../xlsx/write";
import { bandsOption, readBands } from "./summary";

interface Scored {
  summary: UnitSummary;
  group: string | null;
  source: string;
}

function reasonOf(e: unknown, lang: Lang): string {
  const text = (e as { text?: (l: Lang) => string })?.text;
  return typeof text === "function" ? text.call(e, lang) : (e as Error)?.message ?? String(e);
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
    .addOption(new Option("--lang <lang>", "ngôn ngữ (language)").choices(["vi", "en"]).default("vi"))
    .action(async (paths: string[], opts: { output: string; groups?: string[]; catalog?: string; bands?: string; lang: Lang }) => {
      requireXlsxOutput(opts.output);
      const bands = readBands(opts.bands);
      const groupOf = groupResolver(opts.groups);
      const files = collectWorkbooks(paths, [opts.output]);
      if (files.length === 0) throw new CliError("Không có tệp .xlsx nào để tổng hợp", "No .xlsx workbook to aggregate");

      const bar = io.isTTY ? new SingleBar({ format: " {bar} {value}/{total} {file}", hideCursor: true, stream: process.stderr }) : null;
      bar?.start(files.length, 0, { file: "" });
      const scored: Scored[] = [];
      const skipped: SkippedFile[] = [];
      const notes: string[] = [];
      for (const file of files) {
        bar?.update({ file });
        try {
          const loaded = await loadUnits(file, { catalog: opts.catalog });
          notes.push(...describeRejected(loaded.rejected, opts.lang).map((line) => `${file}: ${line}`));
          for (const unit of loaded.units) {
            if (!hasScores(unit)) {
              notes.push(`${file}: ${t("aggregate.unscored", { unit: unit.unit, sheet: unit.sheet }, opts.lang)}`);
              continue;
            }
            const findings = validateUnit(unit, loaded.choice.catalog, { lang: opts.lang });
            const summary = buildSummary(unit, loaded.choice.catalog, findings, { bands });
            const gap = indexGapText(summary, opts.lang);
            if (gap) notes.push(`${file}: ${unit.unit} — ${gap}`);
            scored.push({ summary, group: groupOf(file), source: file });
          }
        } catch (e) {
          const reason = reasonOf(e, opts.lang);
          skipped.push({ file, reason });
          if (!bar) io.err(`${opts.lang === "en" ? "Skipped" : "Bỏ qua"} ${file}: ${reason}\n`);
        }
        bar?.increment();
      }
      bar?.stop();
      if (bar) for (const s of skipped) io.err(`${opts.lang === "en" ? "Skipped" : "Bỏ qua"} ${s.file}: ${s.reason}\n`);
      for (const note of notes) io.err(`${note}\n`);
      const catalogues = [...new Set(scored.map((s) => s.summary.catalogId))].sort();
      if (catalogues.length > 1) io.err(`${t("aggregate.catalogues", { ids: catalogues.join(", ") }, opts.lang)}\n`);
      if (scored.length === 0) {
        throw new CliError("Không tổng hợp được tệp nào (xem các lỗi ở trên)", "No workbook could be used (see the errors above)");
      }

      const ranking = buildRanking(scored, bands);
      const specs: SheetSpec[] = [rankingSheet(ranking, opts.lang), unitsMatrixSheet(scored.map((s) => s.summary), opts.lang)];
      for (const s of scored) specs.push({ ...summarySheet(s.summary, opts.lang), name: s.summary.unit });
      if (skipped.length) specs.push(skippedSheet(skipped, opts.lang));
      const workbook = new ExcelJS.Workbook();
      for (const spec of specs) addSheet(workbook, spec);
      await saveWorkbook(workbook, opts.output);
      const html = htmlPathFor(opts.output);
      writeFileSync(html, renderHtmlReport(opts.lang === "en" ? "PAR Index ranking" : "Xếp hạng Chỉ số CCHC", specs.slice(0, 2)));

      const units = scored.length;
      io.out(
        opts.lang === "en"
          ? `Ranked ${units} units from ${files.length - skipped.length} workbooks (${skipped.length} skipped). Written: ${opts.output} and ${html}\n`
          : `Đã xếp hạng ${units} đơn vị từ ${files.length - skipped.length} tệp (bỏ qua ${skipped.length} tệp). Đã ghi: ${opts.output} và ${html}\n`,
      );
      setExit(0);
    });
}
