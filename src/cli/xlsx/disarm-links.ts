/**
 * The user's sheets in a summary's copy keep their links, except a link that could run code or reach another
 * computer (javascript:, vbscript:, data:, file:, \\server): such a cell keeps the text it showed and loses the link
 * (a cell hyperlink, or an =HYPERLINK() formula, whose cached text stays as the value). The README promises that
 * nothing PAR Scorer writes carries such a live link.
 */
import ExcelJS from "exceljs";
import { dangerousLink, hyperlinkFormulaTarget } from "../../scoring";

function shown(value: ExcelJS.CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object" || value instanceof Date) return value;
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("result" in value) {
    const r = value.result;
    return r === undefined || r === null || typeof r === "object" ? null : (r as string | number | boolean);
  }
  return null;
}

/** Removes every dangerous link from the workbook's sheets; returns how many were removed. */
export function disarmLinks(workbook: ExcelJS.Workbook): number {
  let removed = 0;
  for (const ws of workbook.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        const link = cell.hyperlink ?? (value && typeof value === "object" && "formula" in value ? hyperlinkFormulaTarget(String(value.formula)) : null);
        if (!link || dangerousLink(link) === null) return;
        cell.value = shown(value);
        removed++;
      }),
    );
  }
  return removed;
}
