import { basename } from "node:path";
import { Command, Option } from "commander";
import { CatalogGridRead, Lang, readingCounts, readingText, SheetIssue, t, walk } from "../../scoring";
import { isCatalogWorkbook, readCatalogWorkbook } from "../catalog-source";
import { CliError } from "../errors";
import { Io } from "../io";
import { forceOption, langOption } from "../options";
import { planOutputs, writeOutputs } from "../outputs";
import { jsonText } from "../terminal-text";

/** The review workbook's writer (exceljs) is loaded only when a review is asked for: validate and aggregate import this file. */
function reviewWorkbookLazy(...args: Parameters<typeof import("../catalog-review").reviewWorkbook>) {
  return (require("../catalog-review") as typeof import("../catalog-review")).reviewWorkbook(...args);
}

const TEXT = {
  vi: {
    table: (sheet: string, file: string, numbering: string) => `Bảng tiêu chí: trang "${sheet}" của ${file} (${numbering})`,
    own: (sheet: string, file: string) => `Trang bộ tiêu chí "${sheet}" của ${file}`,
    literal: "mã đầy đủ 1, 1.1, 1.1.1",
    relative: "đánh số theo lĩnh vực I, 1, a",
    counts: (id: string, name: string, fields: number, criteria: number, rules: number) =>
      `Bộ tiêu chí ${id} — ${name}: ${fields} lĩnh vực, ${criteria} tiêu chí; ${rules} tiêu chí có quy tắc chấm điểm lấy từ lời văn`,
    detected: "Nhận ra theo tên",
    bonus: "phần điểm thưởng (kind: bonus)",
    penalty: "phần điểm trừ (kind: penalty)",
    survey: "chấm bằng điều tra xã hội học (assessedBy: survey)",
    unconverted: (n: number) =>
      `Lời văn chưa chuyển thành quy tắc (${n} dòng; được giữ ở "evidenceRequirement" và tiêu chí chưa có quy tắc — viết quy tắc cho nó hoặc để đơn vị tự nhập điểm):`,
    allConverted: "Mọi lời văn về mức điểm đã thành quy tắc.",
    assumed: (n: number) => `Đọc với giả định (${n} tiêu chí; xem lại trước khi dùng, ví dụ bằng --review):`,
    states: (exact: number, assumption: number, notRead: number, none: number) =>
      `Cách đọc: ${exact} tiêu chí đọc đúng nguyên văn, ${assumption} đọc với giả định, ${notRead} chưa đọc được, ${none} không có lời văn chấm điểm`,
    warnings: "Cảnh báo",
    errors: "Lỗi (chưa ghi bộ tiêu chí; sửa bảng rồi chạy lại)",
    written: (file: string) => `Đã ghi: ${file}`,
  },
  en: {
    table: (sheet: string, file: string, numbering: string) => `Criteria table: sheet "${sheet}" of ${file} (${numbering})`,
    own: (sheet: string, file: string) => `Catalogue sheet "${sheet}" of ${file}`,
    literal: "full codes 1, 1.1, 1.1.1",
    relative: "numbered within fields I, 1, a",
    counts: (id: string, name: string, fields: number, criteria: number, rules: number) =>
      `Catalogue ${id} — ${name}: ${fields} fields, ${criteria} criteria; ${rules} criteria got a scoring rule from their wording`,
    detected: "Recognised by name",
    bonus: "bonus section (kind: bonus)",
    penalty: "penalty section (kind: penalty)",
    survey: "scored by a survey (assessedBy: survey)",
    unconverted: (n: number) =>
      `Wording not turned into a rule (${n} ${n === 1 ? "line" : "lines"}; kept as "evidenceRequirement", the criterion has no rule — write one, or units type their points):`,
    allConverted: "Every band wording became a rule.",
    assumed: (n: number) => `Read with an assumption (${n} ${n === 1 ? "criterion" : "criteria"}; review them before use, e.g. with --review):`,
    states: (exact: number, assumption: number, notRead: number, none: number) =>
      `How they were read: ${exact} criteria read exactly, ${assumption} with an assumption, ${notRead} not read, ${none} with no scoring wording`,
    warnings: "Warnings",
    errors: "Errors (no catalogue written; correct the table and run again)",
    written: (file: string) => `Written: ${file}`,
  },
};

function issueLine(i: SheetIssue): string {
  return `  ${i.sheet}!${i.cell}${i.code ? `  ${i.code}` : ""}  ${i.message}`;
}

/** The import report: what was read, what was recognised, each wording left as it was with its cell, the issues. */
export function importReport(file: string, grid: string, read: CatalogGridRead, lang: Lang): string[] {
  const s = TEXT[lang];
  const lines: string[] = [];
  const table = read.table;
  lines.push(table ? s.table(grid, file, table.numbering === "relative" ? s.relative : s.literal) : s.own(grid, file));
  const c = read.catalog;
  if (c) {
    const all = walk(c.nodes);
    lines.push(s.counts(c.id, c.name, c.nodes.length, all.length - c.nodes.length, table ? table.rules : all.filter((n) => n.rule).length));
  }
  if (table && table.detected.length > 0) {
    lines.push(`${s.detected}:`);
    for (const d of table.detected) lines.push(`  ${grid}!${d.cell}  ${d.code} «${d.name}»: ${d.kind ? s[d.kind] : s.survey}`);
  }
  if (table) {
    if (table.unconverted.length === 0) lines.push(s.allConverted);
    else {
      lines.push(s.unconverted(table.unconverted.length));
      for (const u of table.unconverted) lines.push(`  ${u.sheet}!${u.cell}  ${u.code}  "${u.text}" — ${t(`import.reason.${u.reason}`, {}, lang)}`);
    }
  }
  const assumed = table?.criteria.filter((c) => c.state === "assumption") ?? [];
  if (assumed.length > 0) {
    lines.push(s.assumed(assumed.length));
    for (const c of assumed) lines.push(`  ${grid}!${c.cell}  ${c.code}  ${c.rule} — ${readingText(c, lang)}`);
  }
  const unconvertedCells = new Set(table?.unconverted.map((u) => u.cell) ?? []);
  const warnings = read.issues.filter((i) => i.severity === "warning" && !unconvertedCells.has(i.cell));
  if (warnings.length > 0) lines.push(`${s.warnings}:`, ...warnings.map(issueLine));
  if (table && table.criteria.length > 0) {
    const n = readingCounts(table);
    lines.push(s.states(n.exact, n.assumption, n.notRead, n.noWording));
  }
  return lines;
}

/**
 * With `--catalog TABLE.xlsx` (par validate, summary, aggregate, report import the table on the fly): the import
 * report `par catalog import` prints, on stderr so that --json output stays JSON. A table that cannot be read
 * reports nothing here: loading the catalogue then says what is wrong.
 */
export async function reportImportedCatalog(ref: string | undefined, lang: Lang, io: Io): Promise<void> {
  if (!ref || !isCatalogWorkbook(ref)) return;
  let found: Awaited<ReturnType<typeof readCatalogWorkbook>>;
  try {
    found = await readCatalogWorkbook(ref, { lang });
  } catch {
    return;
  }
  io.err(`${importReport(ref, found.grid.name, found.read, lang).join("\n")}\n`);
}

export function registerCatalogImport(catalog: Command, io: Io): void {
  catalog
    .command("import")
    .description(
      "Đọc bảng tiêu chí của tỉnh (như trong quyết định) thành bộ tiêu chí JSON, kèm báo cáo những lời văn chưa thành quy tắc (import a province's criteria table)",
    )
    .argument("<table.xlsx>", "sổ tính có bảng tiêu chí (workbook holding the criteria table)")
    .requiredOption("-o, --output <catalog.json>", "tệp bộ tiêu chí JSON (catalogue JSON file); tên tệp là mã bộ tiêu chí")
    .option("-s, --sheet <name>", "trang có bảng tiêu chí (the table's sheet); mặc định: trang đầu tiên nhận ra được")
    .addOption(new Option("--id <id>", "mã bộ tiêu chí (catalogue id); mặc định: tên tệp kết quả"))
    .option(
      "--review <review.xlsx>",
      "ghi thêm sổ soát xét: mỗi tiêu chí một dòng, lời văn, quy tắc, cách đọc, ba ví dụ (also write a review workbook, one row per criterion)",
    )
    .addOption(forceOption())
    .addOption(langOption())
    .action(async (file: string, opts: { output: string; sheet?: string; id?: string; review?: string; force?: boolean; lang: Lang }) => {
      if (!/\.json$/i.test(opts.output)) {
        throw new CliError(`Tệp kết quả ${opts.output} phải có đuôi .json`, `The output ${opts.output} must end in .json`);
      }
      if (opts.id !== undefined && !/^[a-z0-9][a-z0-9-]*$/.test(opts.id)) {
        throw new CliError(t("catalogSheet.badId", { id: opts.id }, "vi"), t("catalogSheet.badId", { id: opts.id }, "en"));
      }
      if (opts.review !== undefined && !/\.xlsx$/i.test(opts.review)) {
        throw new CliError(`Sổ soát xét ${opts.review} phải có đuôi .xlsx`, `The review workbook ${opts.review} must end in .xlsx`);
      }
      const outputs = opts.review !== undefined ? [opts.output, opts.review] : [opts.output];
      const plan = await planOutputs(outputs, { inputs: [file], force: opts.force });
      const fallbackId = opts.id ?? basename(opts.output).replace(/\.json$/i, "");
      const { grid, read } = await readCatalogWorkbook(file, { sheet: opts.sheet, fallbackId, lang: opts.lang });
      const report = importReport(file, grid.name, read, opts.lang);
      const errors = read.issues.filter((i) => i.severity === "error");
      if (!read.catalog || errors.length > 0) {
        io.out(`${report.join("\n")}\n`);
        const list = errors.map(issueLine).join("\n");
        throw new CliError(`${TEXT.vi.errors}:\n${list}`, `${TEXT.en.errors}:\n${list}`);
      }
      const files = [{ path: opts.output, data: `${jsonText(read.catalog)}\n` as string | Buffer }];
      if (opts.review !== undefined && read.table) files.push({ path: opts.review, data: await reviewWorkbookLazy(basename(file), read.table, opts.lang) });
      await writeOutputs(plan, files);
      io.out(`${[...report, ...files.map((f) => TEXT[opts.lang].written(f.path))].join("\n")}\n`);
    });
}
