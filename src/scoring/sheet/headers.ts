import { Grid, gridWidth } from "../grid";
import { fold } from "../values";
import { ColumnRole, HeaderMap } from "./types";

/** Header texts per role, folded (lower case, no diacritics); a header may add words after them ("Điểm tự chấm (điểm)"). */
const SYNONYMS: Record<ColumnRole, string[]> = {
  code: ["ma tieu chi", "ma so", "ma", "stt", "tt", "code"],
  name: ["ten tieu chi", "noi dung tieu chi", "tieu chi", "noi dung", "criterion", "name"],
  max: ["diem toi da", "diem chuan", "max", "maximum"],
  value: ["ket qua thuc hien", "ket qua", "so lieu", "value", "result"],
  self: ["diem tu cham", "diem tu danh gia", "self score", "self-score"],
  appraised: ["diem tham dinh", "appraised", "appraised score"],
  evidence: ["tai lieu kiem chung", "tlkc", "evidence"],
  notes: ["ghi chu", "giai trinh", "notes", "note", "explanation"],
};

const ENTRIES = (Object.entries(SYNONYMS) as [ColumnRole, string[]][])
  .flatMap(([role, words]) => words.map((w) => ({ role, w })))
  .sort((a, b) => b.w.length - a.w.length);

/** How many rows from the top are searched for the header (title rows above it are normal). */
export const HEADER_SEARCH_ROWS = 30;

/** The role a header text names, or null. Longest synonym first, so "Tên tiêu chí" is a name, not a code. */
export function headerRole(text: unknown): ColumnRole | null {
  if (typeof text !== "string") return null;
  const f = fold(text).replace(/[:*]+$/, "").trim();
  if (!f || f.length > 60) return null;
  for (const { role, w } of ENTRIES) {
    if (f === w || f.startsWith(w + " ") || f.startsWith(w + "(")) return role;
  }
  return null;
}

/**
 * Finds the header row: the row in the first rows with the most recognised column headers, which must include
 * the code column and at least one of max, value, self score. Each role takes its first column.
 */
export function findHeader(grid: Grid): HeaderMap | null {
  const width = gridWidth(grid);
  let best: HeaderMap | null = null;
  let bestCount = 0;
  const last = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < last; row++) {
    const columns: HeaderMap["columns"] = {};
    for (let col = 0; col < width; col++) {
      const role = headerRole(grid.values[row]?.[col]);
      if (role && columns[role] === undefined) columns[role] = col;
    }
    const count = Object.keys(columns).length;
    const usable = columns.code !== undefined && (columns.max !== undefined || columns.value !== undefined || columns.self !== undefined);
    if (usable && count > bestCount) {
      best = { row, columns };
      bestCount = count;
    }
  }
  return best;
}
