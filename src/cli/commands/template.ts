import { existsSync } from "node:fs";
import { Command, Option } from "commander";
import ExcelJS from "exceljs";
import { Lang, ParError, templateSheet, walk } from "../../scoring";
import { loadCatalog } from "../catalog-source";
import { CliError } from "../errors";
import { requireXlsxOutput } from "../paths";
import { Io } from "../io";
import { addSheet, saveWorkbook } from "../xlsx/write";

function readYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const year = Number(text.trim());
  if (!Number.isInteger(year) || year < 1900 || year > 2100) {
    throw new CliError(`Năm "${text}" không hợp lệ. Ghi năm đủ bốn chữ số, ví dụ 2026`, `The year "${text}" is invalid. Write a four-digit year, e.g. 2026`);
  }
  return year;
}

export function registerTemplate(par: Command, io: Io): void {
  par
    .command("template")
    .description("Tạo sổ tính có trang tự đánh giá, chấm điểm của đơn vị từ bộ tiêu chí (create a self-assessment workbook from a catalogue)")
    .requiredOption("-o, --output <out.xlsx>", "sổ tính mới (new workbook); không ghi đè tệp đã có (never overwrites)")
    .option("-c, --catalog <id|file>", "bộ tiêu chí (catalogue id or JSON file)")
    .option("--unit <name>", 'tên đơn vị, ví dụ "Sở Tư pháp" (unit name; blank: left for the unit to fill)')
    .option("--year <yyyy>", "năm đánh giá ghi trên tiêu đề (year shown in the title)")
    .addOption(new Option("--lang <lang>", "ngôn ngữ của trang (sheet language)").choices(["vi", "en"]).default("vi"))
    .action(async (opts: { output: string; catalog?: string; unit?: string; year?: string; lang: Lang }) => {
      requireXlsxOutput(opts.output);
      if (existsSync(opts.output)) throw new ParError("template.exists", { file: opts.output });
      const catalog = await loadCatalog(opts.catalog);
      const spec = templateSheet(catalog, { lang: opts.lang, unit: opts.unit, year: readYear(opts.year) });
      const workbook = new ExcelJS.Workbook();
      const sheet = addSheet(workbook, spec);
      await saveWorkbook(workbook, opts.output);
      const count = walk(catalog.nodes).length;
      io.out(
        opts.lang === "en"
          ? `Wrote the sheet "${sheet.name}" (catalogue ${catalog.id}, ${count} criteria) to ${opts.output}\n`
          : `Đã ghi trang "${sheet.name}" (bộ tiêu chí ${catalog.id}, ${count} tiêu chí) vào ${opts.output}\n`,
      );
    });
}
