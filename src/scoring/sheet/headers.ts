import { squashSpaces } from "../text";
import { a1, cellAt, CellRect, Grid, gridWidth } from "../grid";
import { fold } from "../values";
import { ColumnRole, HeaderColumn, HeaderMap } from "./types";

/**
 * Header texts per role, folded (lower case, no diacritics); a header may add words after them ("Điểm tự chấm
 * (điểm)"). Group headers of two- and three-row headers are here too ("Tự đánh giá" over "Kết quả thực hiện |
 * Điểm tự chấm"): the lowest text that names a role decides (see columnRole).
 */
export const HEADER_SYNONYMS: Record<ColumnRole, string[]> = {
  code: ["ma tieu chi", "ma so", "ma", "so thu tu", "so tt", "stt", "thu tu", "tt", "code", "no"],
  name: [
    "ten tieu chi",
    "noi dung tieu chi",
    "linh vuc/tieu chi/tieu chi thanh phan",
    "linh vuc/tieu chi",
    "linh vuc, tieu chi",
    "tieu chi/tieu chi thanh phan",
    "tieu chi",
    "noi dung",
    "criterion",
    "name",
  ],
  max: ["diem toi da", "diem chuan", "thang diem", "toi da", "max", "maximum"],
  value: ["ket qua thuc hien", "ket qua", "so lieu", "value", "result"],
  self: ["diem tu cham", "diem tu danh gia", "tu cham", "tu danh gia", "self score", "self-score", "self"],
  appraised: [
    "diem tham dinh",
    "hoi dong tham dinh",
    "tham dinh",
    "snv danh gia",
    "so noi vu danh gia",
    "diem snv",
    "appraised",
    "appraised score",
  ],
  // Round 2 (after the unit's explanation): the council's final score. Never "Điểm thẩm định" (round 1).
  final: ["diem cuoi cung", "diem sau giai trinh", "diem chinh thuc", "final score"],
  survey: ["dieu tra xa hoi hoc", "dieu tra xhh", "dtxhh", "survey"],
  evidence: ["tai lieu kiem chung", "tlkc", "evidence"],
  notes: ["ghi chu", "giai trinh", "notes", "note", "explanation"],
  // The council's texts per criterion (par appraise merge): longer than "giai trinh", so they win over notes.
  appraisalReason: ["ly do tham dinh", "appraisal reason"],
  explanation: ["giai trinh cua don vi", "unit's explanation", "unit explanation"],
  finalReason: ["ly do (vong 2)", "ly do vong 2", "final reason"],
};

/** Each synonym's role. A synonym names one role only (a test holds the list to that). */
const ROLE_OF_SYNONYM = new Map<string, ColumnRole>(
  (Object.entries(HEADER_SYNONYMS) as [ColumnRole, string[]][]).flatMap(([role, words]) => words.map((w) => [w, role] as [string, ColumnRole])),
);

/** Roles of header texts already read: every sheet of a template repeats the same texts (bounded, then emptied). */
const roles = new Map<string, ColumnRole | null>();
const ROLES_KEPT = 20_000;

/** How many rows from the top are searched for the header (title rows above it are normal). */
export const HEADER_SEARCH_ROWS = 30;
/** A header spans at most this many rows (a group header over sub-headers, perhaps over sub-sub-headers). */
export const HEADER_MAX_ROWS = 3;

/** Folded header text without trailing punctuation ("STT.", "Mã:", "Điểm*"). */
function headerKey(text: string): string {
  return fold(text).replace(/[\s:*.]+$/, "").trim();
}

/** The role a header text names, or null. Longest synonym first, so "Tên tiêu chí" is a name, not a code. */
export function headerRole(text: unknown): ColumnRole | null {
  if (typeof text !== "string") return null;
  let role = roles.get(text);
  if (role === undefined) {
    role = roleOf(text);
    if (roles.size >= ROLES_KEPT) roles.clear();
    roles.set(text, role);
  }
  return role;
}

/**
 * The role of the longest synonym the folded text is, or starts with before " ", "(" or ",": its prefixes ending
 * there are looked up, longest first.
 */
function roleOf(text: string): ColumnRole | null {
  const f = headerKey(text);
  if (!f || f.length > 80) return null;
  for (let end = f.length; end > 0; end--) {
    if (end < f.length) {
      const next = f.charCodeAt(end);
      if (next !== 32 && next !== 40 && next !== 44) continue;
    }
    const role = ROLE_OF_SYNONYM.get(end === f.length ? f : f.slice(0, end));
    if (role) return role;
  }
  return null;
}

/**
 * The role of a column whose header reads `parts` from top to bottom ("Tự đánh giá", "Kết quả thực hiện"): the
 * lowest part that names a role; else the lowest part read with the group headers above it ("Điểm" + "Tối đa");
 * else the nearest group header alone ("Tự đánh giá" over "Điểm").
 */
export function columnRole(parts: string[]): ColumnRole | null {
  const last = parts.length - 1;
  if (last < 0) return null;
  const own = headerRole(parts[last]);
  if (own) return own;
  for (let from = last - 1; from >= 0; from--) {
    const joined = headerRole(parts.slice(from).join(" "));
    if (joined) return joined;
  }
  for (let i = last - 1; i >= 0; i--) {
    const group = headerRole(parts[i]);
    if (group) return group;
  }
  return null;
}

function textOf(value: unknown): string {
  if (typeof value === "string") return squashSpaces(value);
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return "";
}

/** textOf of each cell, read once per header search (the candidate bands overlap: each cell is read many times). */
type CellTexts = (row: number, col: number) => string;

function cellTexts(grid: Grid): CellTexts {
  const memo: string[][] = [];
  return (row, col) => {
    const line = (memo[row] ??= []);
    let text = line[col];
    if (text === undefined) line[col] = text = textOf(cellAt(grid, row, col));
    return text;
  };
}

/** For each merged cell (other than its top-left), the merge it belongs to; null when the grid holds no merges. */
function mergeLookup(grid: Grid): ((row: number, col: number) => CellRect | null) | null {
  const merges = grid.merges;
  if (!merges || merges.length === 0) return null;
  const byRow = new Map<number, CellRect[]>();
  for (const m of merges) {
    // Only the search window matters for headers; long vertical merges further down are not looked up here.
    const last = Math.min(m.bottom, HEADER_SEARCH_ROWS + HEADER_MAX_ROWS);
    for (let r = m.top; r <= last; r++) {
      let list = byRow.get(r);
      if (!list) byRow.set(r, (list = []));
      list.push(m);
    }
  }
  return (row, col) => byRow.get(row)?.find((m) => col >= m.left && col <= m.right) ?? null;
}

/**
 * The header texts of the rows top..top+height−1, per column, top-down, without repeats. A merged cell reads as
 * its merge's top-left cell. When the host could not tell merges (grid.merges undefined), a blank cell of an
 * upper header row that has sub-headers below it continues the group header on its left, as a merge would.
 */
function bandTexts(grid: Grid, top: number, height: number, width: number, merged: ReturnType<typeof mergeLookup>, textAt: CellTexts): string[][] {
  const texts: string[][] = [];
  const guessMerges = grid.merges === undefined;
  for (let col = 0; col < width; col++) {
    const parts: string[] = [];
    for (let row = top; row < top + height; row++) {
      const m = merged?.(row, col);
      let text = m && m.top >= top ? textAt(m.top, m.left) : textAt(row, col);
      if (!text && guessMerges && row < top + height - 1) text = continuedGroup(row, col, textAt);
      if (text && parts[parts.length - 1] !== text) parts.push(text);
    }
    texts.push(parts);
  }
  return texts;
}

/** The group header on the left of a blank upper header cell, when both columns have sub-headers below. */
function continuedGroup(row: number, col: number, textAt: CellTexts): string {
  if (!textAt(row + 1, col)) return "";
  for (let left = col - 1; left >= 0; left--) {
    const text = textAt(row, left);
    if (!text) {
      if (!textAt(row + 1, left)) return "";
      continue;
    }
    return textAt(row + 1, left) ? text : "";
  }
  return "";
}

interface Candidate {
  map: HeaderMap;
  count: number;
}

function candidate(grid: Grid, top: number, height: number, width: number, merged: ReturnType<typeof mergeLookup>, textAt: CellTexts): Candidate | null {
  const texts = bandTexts(grid, top, height, width, merged, textAt);
  const columns: HeaderMap["columns"] = {};
  const found: HeaderColumn[] = [];
  texts.forEach((parts, col) => {
    if (parts.length === 0) return;
    const role = columnRole(parts);
    found.push({ col, text: parts.join(" / "), cell: a1(top, col), role });
    if (role && columns[role] === undefined) columns[role] = col;
  });
  if (columns.code === undefined) return null;
  const scoring = columns.max ?? columns.value ?? columns.self ?? columns.appraised ?? columns.final ?? columns.survey;
  if (scoring === undefined) return null;
  const count = Object.keys(columns).length;
  // A sheet whose only explanation column is "Giải trình của đơn vị" explains its points there: it is its notes too.
  if (columns.notes === undefined && columns.explanation !== undefined) columns.notes = columns.explanation;
  return { map: { top, row: top + height - 1, columns, found }, count };
}

/**
 * Finds the header: the band of one to three rows among the first rows whose columns (texts combined top-down,
 * merged cells read as their merge) name the most roles; it must name the code column and at least one column to
 * score from (max, value, self, appraised or survey). Each role takes its first column. Fewer rows win a tie, and
 * a lower header row must not hold a criterion code (that is the first data row).
 */
export function findHeader(grid: Grid): HeaderMap | null {
  const width = gridWidth(grid);
  const merged = mergeLookup(grid);
  const textAt = cellTexts(grid);
  const counts = new Map<string, number>();
  const count = (top: number, height: number): number => {
    const key = `${top}:${height}`;
    let n = counts.get(key);
    if (n === undefined) counts.set(key, (n = candidate(grid, top, height, width, merged, textAt)?.count ?? 0));
    return n;
  };
  let best: Candidate | null = null;
  const last = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let top = 0; top < last; top++) {
    for (let height = 1; height <= HEADER_MAX_ROWS; height++) {
      const c = candidate(grid, top, height, width, merged, textAt);
      if (!c) continue;
      if (height > 1 && lowerRowHoldsCode(grid, c.map)) break;
      counts.set(`${top}:${height}`, c.count);
      // Each row of a multi-row header must add to it: a title or instruction row above a header is not part of it.
      if (height > 1 && (c.count <= count(top, height - 1) || c.count <= count(top + 1, height - 1))) continue;
      if (!best || c.count > best.count) best = c;
    }
  }
  return best ? withNumberingRow(grid, best.map) : null;
}

const CODE_LIKE = /^(?:[IVX]{1,5}|\d{1,3}(?:[.,]\d{1,3})*)\.?$/;

function lowerRowHoldsCode(grid: Grid, map: HeaderMap): boolean {
  const value = cellAt(grid, map.row, map.columns.code!);
  return typeof value === "number" || (typeof value === "string" && CODE_LIKE.test(value.trim()));
}

/** "(1)", "1", "A": the labels of a column-numbering row. */
function numberingLabel(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 && value < 100 ? value : null;
  if (typeof value !== "string") return null;
  const m = /^\(?\s*(\d{1,2}|[A-Z])\s*\)?$/.exec(value.trim());
  if (!m) return null;
  return /\d/.test(m[1]) ? Number(m[1]) : m[1].charCodeAt(0) - 64;
}

/**
 * Many templates number their columns in the row under the header ("(1) (2) (3)…", "1 2 3…", "A B 1 2…"). That
 * row is part of the header, not a criterion "1": three or more labels, increasing left to right, and nothing else.
 */
function withNumberingRow(grid: Grid, map: HeaderMap): HeaderMap {
  const row = map.row + 1;
  const width = gridWidth(grid);
  const labels: number[] = [];
  for (let col = 0; col < width; col++) {
    const value = cellAt(grid, row, col);
    if (value === null || value === undefined || value === "") continue;
    const label = numberingLabel(value);
    if (label === null) return map;
    labels.push(label);
  }
  const increasing = labels.every((n, i) => i === 0 || n > labels[i - 1] || n === 1);
  return labels.length >= 3 && increasing ? { ...map, numberingRow: row } : map;
}
