/** Plain-text wording of what the workbook commands found, for a terminal. */
import { CatalogChoice, Finding, Lang, ParError, SheetIssue, t, UnitSheet } from "../scoring";
import { count } from "./count";

const TEXT = {
  vi: {
    file: "Tệp",
    sheet: "trang",
    unit: "đơn vị",
    catalog: "Bộ tiêu chí",
    given: "chọn bằng --catalog",
    inSheet: (s: string) => `trang bộ tiêu chí "${s}" trong sổ tính`,
    named: (s: string) => `ghi ở tiêu đề trang "${s}"`,
    matched: (m: number, t: number, l: number, n: number) => `khớp nhất theo cả hai chiều: ${m}/${t} mã của bảng có trong bộ, ${l}/${n} tiêu chí thành phần của bộ có trên bảng`,
    errors: "Lỗi",
    warnings: "Cảnh báo",
    total: (e: number, w: number) => `Tổng cộng: ${e} lỗi, ${w} cảnh báo.`,
    clean: "Không phát hiện lỗi nào.",
    catalogIssues: "Lỗi trong trang bộ tiêu chí (trang này không được dùng)",
    headerRows: (a: number, b: number) => `dòng tiêu đề ${a}–${b}`,
    rejected: (s: string) => `Bỏ qua trang "${s}"`,
  },
  en: {
    file: "File",
    sheet: "sheet",
    unit: "unit",
    catalog: "Catalogue",
    given: "given with --catalog",
    inSheet: (s: string) => `catalogue sheet "${s}" in the workbook`,
    named: (s: string) => `named in the title of sheet "${s}"`,
    matched: (m: number, t: number, l: number, n: number) => `best fit both ways: ${m}/${t} of the sheet's codes in the catalogue, ${l}/${n} of the catalogue's leaf criteria on the sheet`,
    errors: "Errors",
    warnings: "Warnings",
    total: (e: number, w: number) => `Total: ${count(e, "en", "", "error")}, ${count(w, "en", "", "warning")}.`,
    clean: "No defects found.",
    catalogIssues: "Problems in the catalogue sheet (the sheet is not used)",
    headerRows: (a: number, b: number) => `header rows ${a}–${b}`,
    rejected: (s: string) => `Sheet "${s}" skipped`,
  },
};

export function describeChoice(choice: CatalogChoice, lang: Lang): string {
  const s = TEXT[lang];
  const how =
    choice.how === "given"
      ? s.given
      : choice.how === "sheet"
        ? s.inSheet(choice.sheet)
        : choice.how === "named"
          ? s.named(choice.sheet)
          : s.matched(choice.matched, choice.total, choice.leavesFound, choice.leaves);
  return `${s.catalog}: ${choice.catalog.id} — ${choice.catalog.name} (${how})`;
}

/** Which file, sheet and unit; a header of several rows and a relative numbering are named, as they were read. */
export function describeUnit(file: string, unit: UnitSheet, lang: Lang): string {
  const s = TEXT[lang];
  const how: string[] = [];
  if (unit.header.top < unit.header.row) how.push(s.headerRows(unit.header.top + 1, unit.header.row + 1));
  if (unit.numbering === "relative") how.push(t("numbering.relative", {}, lang));
  return `${s.file}: ${file} — ${s.sheet} "${unit.sheet}" — ${s.unit}: ${unit.unit}${how.length ? ` (${how.join("; ")})` : ""}`;
}

/** Sheets that have a criteria table but nothing to score from, set aside because another sheet is usable. */
export function describeRejected(rejected: { sheet: string; error: ParError }[], lang: Lang): string[] {
  return rejected.map((r) => `${TEXT[lang].rejected(r.sheet)}: ${r.error.text(lang)}`);
}

function line(f: { sheet: string; cell: string; code: string | null; message: string }, kind?: string): string {
  const where = `${f.sheet}!${f.cell}`;
  return `  ${kind ? `[${kind}] ` : ""}${where}${f.code ? `  ${f.code}` : ""}  ${f.message}`;
}

/** Errors first, then warnings, each in sheet order; a count line at the end. */
export function describeFindings(findings: Finding[], lang: Lang): string {
  const s = TEXT[lang];
  const errors = findings.filter((f) => f.severity === "error");
  const warnings = findings.filter((f) => f.severity === "warning");
  const out: string[] = [];
  if (errors.length) out.push(`${s.errors} (${errors.length}):`, ...errors.map((f) => line(f, f.kind)));
  if (warnings.length) out.push(`${s.warnings} (${warnings.length}):`, ...warnings.map((f) => line(f, f.kind)));
  out.push(findings.length ? s.total(errors.length, warnings.length) : s.clean);
  return out.join("\n");
}

export function describeCatalogIssues(issues: SheetIssue[], lang: Lang): string {
  return [`${TEXT[lang].catalogIssues}:`, ...issues.map((i) => line(i))].join("\n");
}

const FORMAT_NAMES: Record<string, { vi: string; en: string }> = {
  xlsx: { vi: "sổ tính Excel (.xlsx)", en: "an Excel workbook (.xlsx)" },
  xls: { vi: "sổ tính Excel 97-2003 (.xls)", en: "an Excel 97-2003 workbook (.xls)" },
  ods: { vi: "bảng tính LibreOffice (.ods)", en: "a LibreOffice spreadsheet (.ods)" },
  csv: { vi: "tệp văn bản .csv", en: "a .csv text file" },
};

/** A workbook format in words ("sổ tính Excel 97-2003 (.xls)"). */
export function formatName(format: string, lang: Lang): string {
  return FORMAT_NAMES[format]?.[lang] ?? format;
}

/** One line per user sheet copied into an output under another name, because Excel refuses the name it had. */
export function describeRenamed(renamed: { from: string; to: string }[], lang: Lang): string[] {
  return renamed.map(({ from, to }) =>
    lang === "en"
      ? `Sheet "${from}" is copied as "${to}": Excel refuses that name (it may not hold [ ] : * ? / \\, start or end with ', be longer than 31 characters or be "History")`
      : `Trang "${from}" được chép sang tệp kết quả với tên "${to}": Excel không nhận tên đó (tên trang không được có [ ] : * ? / \\, không bắt đầu hay kết thúc bằng dấu ', không dài quá 31 ký tự, không là "History")`,
  );
}
