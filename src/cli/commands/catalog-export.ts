import { Command } from "commander";
import { catalogToSheet, Lang } from "../../scoring";
import { loadCatalog } from "../catalog-source";
import { Io } from "../io";
import { forceOption, langOption } from "../options";
import { planOutputs, writeOutputs } from "../outputs";
import { requireXlsxOutput } from "../paths";
import { addSheet, newWorkbook, workbookBuffer } from "../xlsx/write";

export function registerCatalogExport(catalog: Command, io: Io): void {
  catalog
    .command("export")
    .description("Ghi bộ tiêu chí ra một trang tính để sửa điểm, quy tắc trong Excel (write a catalogue as an editable sheet)")
    .argument("<id|file>", "mã bộ tiêu chí hoặc tệp JSON (catalogue id or JSON file)")
    .requiredOption("-o, --output <book.xlsx>", "sổ tính kết quả (output workbook)")
    .addOption(forceOption())
    .addOption(langOption())
    .action(async (ref: string, opts: { output: string; force?: boolean; lang: Lang }) => {
      requireXlsxOutput(opts.output);
      const plan = await planOutputs([opts.output], { inputs: [ref], force: opts.force });
      const c = await loadCatalog(ref);
      const workbook = newWorkbook();
      const sheet = addSheet(workbook, catalogToSheet(c));
      await writeOutputs(plan, [{ path: opts.output, data: await workbookBuffer(workbook) }]);
      io.out(
        opts.lang === "en"
          ? `Wrote the catalogue ${c.id} to ${opts.output} (sheet "${sheet.name}")\n`
          : `Đã ghi bộ tiêu chí ${c.id} vào ${opts.output} (trang "${sheet.name}")\n`,
      );
    });
}
