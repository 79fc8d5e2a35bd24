/**
 * Which files the workbook commands read, by name, and why the others are not read. The one place that says
 * which formats are supported: .xls, .ods and .csv are not read yet (they are named so the user can convert them).
 */
import { basename, extname } from "node:path";
import { Lang } from "../scoring";

export type InputKind = "xlsx" | "excel-lock" | "not-yet" | "other";

const NOT_YET = new Set([".xls", ".ods", ".csv"]);

export function inputKind(path: string): InputKind {
  if (basename(path).startsWith("~$")) return "excel-lock";
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx") return "xlsx";
  return NOT_YET.has(ext) ? "not-yet" : "other";
}

/** Why a file of this kind is not read, as the end of a "Skipped FILE: …" line. */
export function notReadReason(path: string, kind: Exclude<InputKind, "xlsx">, lang: Lang): string {
  const ext = extname(path).toLowerCase();
  switch (kind) {
    case "excel-lock":
      return lang === "en"
        ? "an Excel lock file (someone has that workbook open in Excel), not a workbook"
        : "tệp tạm của Excel (có người đang mở sổ tính đó trong Excel), không phải sổ tính";
    case "not-yet":
      return lang === "en"
        ? `${ext} files are not supported yet: open it in Excel and save it as an Excel Workbook (.xlsx)`
        : `chưa hỗ trợ tệp ${ext}: mở bằng Excel và lưu thành Sổ làm việc Excel (.xlsx)`;
    default:
      return lang === "en" ? "not an .xlsx workbook" : "không phải sổ tính .xlsx";
  }
}
