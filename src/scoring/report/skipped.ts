import { Lang } from "../i18n/messages";
import { SheetSpec } from "./sheet-spec";

export interface SkippedFile {
  file: string;
  reason: string;
}

/** The workbooks an aggregation could not use, and why (kind "findings": generated, regenerable). */
export function skippedSheet(skipped: SkippedFile[], lang: Lang = "vi"): SheetSpec {
  const [title, file, reason] =
    lang === "en" ? ["Workbooks not included", "File", "Why"] : ["Các tệp không tổng hợp được", "Tệp", "Lý do"];
  return {
    name: lang === "en" ? "Skipped" : "Tệp lỗi",
    kind: "findings",
    rows: [
      [{ value: title, style: { bold: true, size: 14 } }],
      [
        { value: file, style: { bold: true, fill: "header", border: true } },
        { value: reason, style: { bold: true, fill: "header", border: true } },
      ],
      ...skipped.map((s) => [
        { value: s.file, style: { border: true } },
        { value: s.reason, style: { wrap: true, border: true, fill: "error" as const } },
      ]),
    ],
    columnWidths: [40, 100],
    freeze: { rows: 2 },
    headerRow: 1,
  };
}
