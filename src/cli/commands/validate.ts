import { Command, Option } from "commander";
import { countFindings, EvidenceMatch, Finding, Lang, ledgerText, readingLedger, validateWithEvidence } from "../../scoring";
import { describeEvidence, loadEvidence } from "../evidence/workbook-evidence";
import { describeCatalogIssues, describeChoice, describeFindings, describeRejected, describeUnit } from "../describe";
import { Io } from "../io";
import { reportImportedCatalog } from "./catalog-import";
import { jsonText } from "../terminal-text";
import { describeEncoding, describeUnread, loadUnits } from "../units";
import { encodingOption, evidenceOption, includeHiddenOption, maxCellsOption, ocrOption } from "../options";
import { LegacyEncoding } from "../workbook/legacy-text";

export function registerValidate(par: Command, io: Io, setExit: (code: number) => void): void {
  par
    .command("validate")
    .description("Kiểm tra bảng tự chấm điểm của đơn vị (validate a unit's workbook); mã thoát 0: không lỗi, 1: có lỗi, 2: tệp/tham số không dùng được")
    .argument("<book>", "sổ tính của đơn vị: .xlsx, .xlsm, .xls, .ods, .csv (the unit's workbook)")
    .option("-s, --sheet <name>", "chỉ kiểm tra trang này (only this sheet)")
    .option("-c, --catalog <id|file>", "bộ tiêu chí (catalogue id or JSON file); mặc định: bộ ghi trong sổ tính, hoặc bộ khớp nhất")
    .option("--json", "in danh sách lỗi dạng JSON (print the findings as a JSON array; with --reading: an object {findings, reading})")
    .option("--reading", "in cách đọc sổ tính: mỗi trang, mỗi dòng được đọc là gì (print how every sheet and row was read)")
    .addOption(includeHiddenOption())
    .addOption(encodingOption())
    .addOption(evidenceOption())
    .addOption(ocrOption())
    .addOption(maxCellsOption())
    .addOption(new Option("--lang <lang>", "ngôn ngữ (language)").choices(["vi", "en"]).default("vi"))
    .action(async (file: string, opts: { sheet?: string; catalog?: string; json?: boolean; reading?: boolean; includeHidden?: boolean; encoding?: LegacyEncoding | "unicode"; evidence?: string; ocr?: boolean; maxCells?: number; lang: Lang }) => {
      await reportImportedCatalog(opts.catalog, opts.lang, io);
      const loaded = await loadUnits(file, opts);
      const evidence = await loadEvidence(file, loaded.data, loaded.units, opts);
      const matches: EvidenceMatch[] = [];
      const findings: Finding[] = loaded.units.flatMap((u) => {
        const checked = validateWithEvidence(u, loaded.choice.catalog, { lang: opts.lang, evidence: evidence.evidence });
        matches.push(...checked.matches);
        return checked.findings;
      });
      const ledger = opts.reading ? readingLedger(loaded.sheets, loaded.units) : null;
      if (opts.json) {
        io.out(`${jsonText(ledger ? { findings, reading: ledger } : findings)}\n`);
      } else {
        const parts = [describeChoice(loaded.choice, opts.lang)];
        const encoding = describeEncoding(loaded.encoding, opts.lang, loaded.convertedCells);
        if (encoding) parts.push(encoding);
        parts.push(...describeUnread(loaded.data, opts.lang, loaded.units));
        if (loaded.catalogIssues.length) parts.push(describeCatalogIssues(loaded.catalogIssues, opts.lang));
        parts.push(...describeRejected(loaded.rejected, opts.lang));
        for (const unit of loaded.units) {
          parts.push("", describeUnit(file, unit, opts.lang), describeFindings(findings.filter((f) => f.sheet === unit.sheet), opts.lang));
        }
        parts.push(...describeEvidence(evidence, matches, opts.lang));
        if (ledger) parts.push("", ledgerText(ledger, opts.lang));
        io.out(`${parts.join("\n")}\n`);
      }
      setExit(countFindings(findings).errors > 0 ? 1 : 0);
    });
}
