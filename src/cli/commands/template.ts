import { Command } from "commander";
import { Lang, templateSheet, walk } from "../../scoring";
import { loadCatalog } from "../catalog-source";
import { count } from "../count";
import { CliError } from "../errors";
import { Io } from "../io";
import { forceOption, langOption } from "../options";
import { planOutputs, writeOutputs } from "../outputs";
import { requireXlsxOutput } from "../paths";
import { addSheet, newWorkbook, workbookBuffer } from "../xlsx/write";

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
    .requiredOption("-o, --output <out.xlsx>", "sổ tính mới (new workbook); không ghi đè tệp đã có trừ khi có --force")
    .option("-c, --catalog <id|file>", "bộ tiêu chí (catalogue id or JSON file)")
    .option("--unit <name>", 'tên đơn vị, ví dụ "Sở Tư pháp", "UBND xã Tủa Chùa" (unit name; blank: left for the unit to fill)')
    .option("--year <yyyy>", "năm đánh giá ghi trên tiêu đề (year shown in the title)")
    .addOption(forceOption())
    .addOption(langOption("ngôn ngữ của trang (sheet language)"))
    .action(async (opts: { output: string; catalog?: string; unit?: string; year?: string; force?: boolean; lang: Lang }) => {
      requireXlsxOutput(opts.output);
      const plan = await planOutputs([opts.output], { inputs: opts.catalog ? [opts.catalog] : [], force: opts.force });
      const catalog = await loadCatalog(opts.catalog);
      const spec = templateSheet(catalog, { lang: opts.lang, unit: opts.unit, year: readYear(opts.year) });
      const workbook = newWorkbook();
      const sheet = addSheet(workbook, spec);
      await writeOutputs(plan, [{ path: opts.output, data: await workbookBuffer(workbook) }]);
      const criteria = count(walk(catalog.nodes).length, opts.lang, "tiêu chí", "criterion", "criteria");
      io.out(
        opts.lang === "en"
          ? `Wrote the sheet "${sheet.name}" (catalogue ${catalog.id}, ${criteria}) to ${opts.output}\n`
          : `Đã ghi trang "${sheet.name}" (bộ tiêu chí ${catalog.id}, ${criteria}) vào ${opts.output}\n`,
      );
    });
}
