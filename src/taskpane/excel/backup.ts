/**
 * What "Đánh dấu" changed, kept in the very hidden sheet "_par_flags" so "Xóa đánh dấu" can put it back exactly:
 * one row per flagged cell with its fill and note as they were before the first flagging.
 */
import { FLAGS_SHEET } from "../../scoring/report/sheet-spec";
import { FlagMode } from "../actions";

export { FLAGS_SHEET };

export const BACKUP_HEADER = [
  "Trang tính (sheet)",
  "Ô (cell)",
  "Có tô màu (had fill)",
  "Màu (colour)",
  "Có ghi chú (had note)",
  "Ghi chú cũ (note text)",
  "Cách ghi chú (mode)",
  "Trang lỗi (findings sheet)",
];

export interface BackupRow {
  sheet: string;
  /** A1 address, upper case, no $. */
  cell: string;
  hadFill: boolean;
  /** The fill colour before ("#RRGGBB"), when there was a fill. */
  color: string | null;
  /** Whether the cell had a note (mode "note") or a comment (mode "comment") before. */
  hadNote: boolean;
  /** The note's text before (mode "note"). */
  note: string | null;
  mode: FlagMode;
  /** The findings sheet written for this sheet (mode "sheet"). */
  findingsSheet: string | null;
}

const MODES: FlagMode[] = ["note", "comment", "sheet"];

const yes = (v: unknown) => v === true || (typeof v === "string" && v.trim().toUpperCase() === "TRUE") || v === 1;
const text = (v: unknown) => (v === null || v === undefined || v === "" ? null : String(v));

export function parseBackup(values: unknown[][]): BackupRow[] {
  const rows: BackupRow[] = [];
  for (const row of values.slice(1)) {
    const sheet = text(row[0]);
    const cell = text(row[1]);
    if (!sheet || !cell) continue;
    const mode = MODES.find((m) => m === row[6]) ?? "note";
    rows.push({
      sheet,
      cell: cell.replace(/\$/g, "").toUpperCase(),
      hadFill: yes(row[2]),
      color: text(row[3]),
      hadNote: yes(row[4]),
      note: text(row[5]),
      mode,
      findingsSheet: text(row[7]),
    });
  }
  return rows;
}

export function backupMatrix(rows: BackupRow[]): (string | boolean)[][] {
  return [
    BACKUP_HEADER,
    ...rows.map((r) => [r.sheet, r.cell, r.hadFill, r.color ?? "", r.hadNote, r.note ?? "", r.mode, r.findingsSheet ?? ""]),
  ];
}
