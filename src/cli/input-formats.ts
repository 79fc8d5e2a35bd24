/**
 * Which files the workbook commands read, by name, and why the others are not read. The one place that says
 * which formats are supported: Excel (.xlsx, .xlsm, Excel 97-2003 .xls), LibreOffice (.ods) and .csv. The file's
 * content decides how it is read (workbook/read.ts); the name only picks the files of a folder.
 */
import { basename, extname } from "node:path";
import { Lang } from "../scoring";

export type InputKind = "workbook" | "excel-lock" | "other";

/** The extensions read, as users see them in messages. */
export const WORKBOOK_EXTENSIONS = [".xlsx", ".xlsm", ".xls", ".ods", ".csv"];

const READ = new Set(WORKBOOK_EXTENSIONS);

export function inputKind(path: string): InputKind {
  const name = basename(path);
  if (name.startsWith("~$") || name.startsWith(".~lock.")) return "excel-lock";
  return READ.has(extname(path).toLowerCase()) ? "workbook" : "other";
}

/** Why a file of this kind is not read, as the end of a "Skipped FILE: …" line. */
export function notReadReason(path: string, kind: Exclude<InputKind, "workbook">, lang: Lang): string {
  const list = WORKBOOK_EXTENSIONS.join(", ");
  switch (kind) {
    case "excel-lock":
      return lang === "en"
        ? "a lock file (someone has that workbook open in Excel or LibreOffice), not a workbook"
        : "tệp khóa tạm (có người đang mở sổ tính đó trong Excel hoặc LibreOffice), không phải sổ tính";
    default:
      return lang === "en" ? `not a workbook (${list})` : `không phải sổ tính (${list})`;
  }
}
