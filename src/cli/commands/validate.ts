import { Command, Option } from "commander";
import { countFindings, Finding, Lang, validateUnit } from "../../scoring";
import { describeCatalogIssues, describeChoice, describeFindings, describeRejected, describeUnit } from "../describe";
import { Io } from "../io";
import { reportImportedCatalog } from "./catalog-import";
import { jsonText } from "../terminal-text";
import { describeEncoding, loadUnits } from "../units";
import { encodingOption, maxCellsOption } from "../options";
import { LegacyEncoding } from "../workbook/legacy-text";

export function registerValidate(par: Command, io: Io, setExit: (code: number) => void): void {
  par
    .command("validate")
    .description("Kiểm tra bảng tự chấm điểm của đơn vị (validate a unit's workbook); mã thoát 0: không lỗi, 1: có lỗi, 2: tệp/tham số không dùng được")
    .argument("<book>", "sổ tính của đơn vị: .xlsx, .xlsm, .xls, .ods, .csv (the unit's workbook)")
    .option("-s, --sheet <name>", "chỉ kiểm tra trang này (only this sheet)")
    .option("-c, --catalog <id|file>", "bộ tiêu chí (catalogue id or JSON file); mặc định: bộ ghi trong sổ tính, hoặc bộ khớp nhất")
    .option("--json", "in danh sách lỗi dạng JSON (print the findings as a JSON array)")
    .addOption(encodingOption())
    .addOption(maxCellsOption())
    .addOption(new Option("--lang <lang>", "ngôn ngữ (language)").choices(["vi", "en"]).default("vi"))
    .action(async (file: string, opts: { sheet?: string; catalog?: string; json?: boolean; encoding?: LegacyEncoding | "unicode"; maxCells?: number; lang: Lang }) => {
      await reportImportedCatalog(opts.catalog, opts.lang, io);
      const loaded = await loadUnits(file, opts);
      const findings: Finding[] = loaded.units.flatMap((u) => validateUnit(u, loaded.choice.catalog, { lang: opts.lang }));
      if (opts.json) {
        io.out(`${jsonText(findings)}\n`);
      } else {
        const parts = [describeChoice(loaded.choice, opts.lang)];
        const encoding = describeEncoding(loaded.encoding, opts.lang, loaded.convertedCells);
        if (encoding) parts.push(encoding);
        if (loaded.catalogIssues.length) parts.push(describeCatalogIssues(loaded.catalogIssues, opts.lang));
        parts.push(...describeRejected(loaded.rejected, opts.lang));
        for (const unit of loaded.units) {
          parts.push("", describeUnit(file, unit, opts.lang), describeFindings(findings.filter((f) => f.sheet === unit.sheet), opts.lang));
        }
        io.out(`${parts.join("\n")}\n`);
      }
      setExit(countFindings(findings).errors > 0 ? 1 : 0);
    });
}
