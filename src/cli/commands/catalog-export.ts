import { Command } from "commander";
import ExcelJS from "exceljs";
import { catalogToSheet } from "../../scoring";
import { loadCatalog } from "../catalog-source";
import { requireXlsxOutput } from "../paths";
import { Io } from "../io";
import { addSheet, saveWorkbook } from "../xlsx/write";

export function registerCatalogExport(catalog: Command, io: Io): void {
  catalog
    .command("export")
    .description("Ghi bộ tiêu chí ra một trang tính để sửa điểm, quy tắc trong Excel (write a catalogue as an editable sheet)")
    .argument("<id|file>", "mã bộ tiêu chí hoặc tệp JSON (catalogue id or JSON file)")
    .requiredOption("-o, --output <book.xlsx>", "sổ tính kết quả (output workbook)")
    .action(async (ref: string, opts: { output: string }) => {
      requireXlsxOutput(opts.output);
      const c = await loadCatalog(ref);
      const workbook = new ExcelJS.Workbook();
      const sheet = addSheet(workbook, catalogToSheet(c));
      await saveWorkbook(workbook, opts.output);
      io.out(`Đã ghi bộ tiêu chí ${c.id} vào ${opts.output} (trang "${sheet.name}")\n`);
    });
}
