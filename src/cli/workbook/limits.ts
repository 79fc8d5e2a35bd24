/**
 * How much of a workbook PAR Scorer reads before it stops, so that no file can take it past about 1 GB of memory
 * (a zip bomb, 20 million shared strings, a sheet of a million rows, a cell at column ZZZZZ). A unit's
 * self-assessment sheet holds a few thousand cells; the limits are far above that and are lifted with
 * --max-cells (README, "Giới hạn khi đọc tệp"):
 *
 * - cells holding a value or a formula, in the whole workbook: --max-cells (default 300 000); a hyperlink over a
 *   range counts each cell it covers;
 * - texts in the shared-strings table (xl/sharedStrings.xml): as many as --max-cells;
 * - bytes read from the file, and bytes unpacked from it (the parts scoring reads): BYTES_PER_CELL × --max-cells,
 *   at least MIN_BYTES (77 MB at the default).
 *
 * A cell reference beyond Excel's last column (XFD) or row (1 048 576) is not a limit but damage: no program that
 * writes .xlsx writes one.
 */
import type { Lang } from "../../scoring";
import { WorkbookError } from "./errors";

export interface ReadLimits {
  /** Cells with a value or a formula in one workbook; also the most shared strings. */
  maxCells: number;
}

/**
 * Measured: `par summary` (which also loads the workbook into exceljs to copy it) of a workbook of 200 000 cells
 * peaks at about 610 MB, of 480 000 cells at 1,17 GB; 300 000 stays under 1 GB.
 */
export const DEFAULT_MAX_CELLS = 300_000;
/** Bytes a workbook may unpack to, per cell allowed. */
export const BYTES_PER_CELL = 256;
export const MIN_BYTES = 64_000_000;

export const DEFAULT_LIMITS: ReadLimits = { maxCells: DEFAULT_MAX_CELLS };

/** Excel's last column (XFD) and row. */
export const LAST_COLUMN = 16_384;
export const LAST_ROW = 1_048_576;

/** The bytes a workbook may take, read or unpacked, under these limits. */
export function maxBytes(limits: ReadLimits): number {
  return Math.max(MIN_BYTES, limits.maxCells * BYTES_PER_CELL);
}

/** The --max-cells option's value as a whole number of cells, or null when it is not one. */
export function parseMaxCells(text: string): number | null {
  const digits = text.replace(/[\s.,_]/g, "");
  if (!/^\d{1,12}$/.test(digits)) return null;
  const n = Number(digits);
  return n >= 1 ? n : null;
}

/** A whole number with thousands grouped: 1.048.576 (vi), 1,048,576 (en). */
const fmt = (n: number, lang: Lang) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, lang === "vi" ? "." : ",");
const mb = (bytes: number, lang: Lang) => `${fmt(bytes / 1_000_000, lang)} MB`;

export type LimitKind = "cells" | "shared-strings" | "bytes";

/** Which limit a workbook went past, where, and how to lift it. */
export function overLimit(kind: LimitKind, file: string, limits: ReadLimits, where?: string): WorkbookError {
  const max = limits.maxCells;
  const lift = `--max-cells ${max * 4}`;
  const whatVi =
    kind === "cells"
      ? `có hơn ${fmt(max, "vi")} ô có dữ liệu${where ? ` (đếm đến trang "${where}")` : ""}`
      : kind === "shared-strings"
        ? `có hơn ${fmt(max, "vi")} chuỗi chữ trong bảng chuỗi dùng chung (xl/sharedStrings.xml)`
        : `khi giải nén lớn hơn ${mb(maxBytes(limits), "vi")}`;
  const whatEn =
    kind === "cells"
      ? `has more than ${fmt(max, "en")} cells holding data${where ? ` (counted up to sheet "${where}")` : ""}`
      : kind === "shared-strings"
        ? `has more than ${fmt(max, "en")} texts in its shared-strings table (xl/sharedStrings.xml)`
        : `unpacks to more than ${mb(maxBytes(limits), "en")}`;
  return new WorkbookError(
    "over-limit",
    file,
    `Ngừng đọc tệp ${file}: sổ tính ${whatVi}, vượt giới hạn --max-cells ${max} (bảng tự chấm điểm của một đơn vị chỉ vài nghìn ô). ` +
      `Nếu đúng là cần đọc tệp này, chạy lại với giới hạn lớn hơn, ví dụ ${lift} (cần thêm bộ nhớ); nếu không, xin đơn vị gửi lại tệp.`,
    `Stopped reading ${file}: the workbook ${whatEn}, past the limit --max-cells ${max} (a unit's self-assessment sheet holds a few thousand cells). ` +
      `If this file really is to be read, run again with a higher limit, e.g. ${lift} (it takes more memory); otherwise ask the unit for the file again.`,
    kind,
  );
}

/** A cell reference beyond Excel's last column or row: the file is damaged. */
export function beyondExcel(file: string, sheet: string, ref: string): WorkbookError {
  return new WorkbookError(
    "damaged-reference",
    file,
    `Không đọc được tệp ${file}: trang "${sheet}" có ô ${ref}, nằm ngoài giới hạn của Excel (cột cuối là XFD, dòng cuối là ${fmt(LAST_ROW, "vi")}): tệp bị hỏng. ` +
      `Mở tệp bằng Excel (Excel sẽ đề nghị sửa tệp) rồi lưu lại, hoặc xin đơn vị gửi lại tệp.`,
    `Cannot read ${file}: sheet "${sheet}" has a cell ${ref}, beyond Excel's last column (XFD) or row (${fmt(LAST_ROW, "en")}): the file is damaged. ` +
      `Open it in Excel (it offers to repair the file) and save it again, or ask the unit for the file again.`,
    `${sheet}!${ref}`,
  );
}
