/**
 * Appendix sheets: units often write "Xem phụ lục", "Kèm theo" or "Theo danh mục" in the evidence column and list
 * the documents on a sheet of their own ("Tài liệu kiểm chứng", "Phụ lục", "Danh mục TLKC"): one or more rows per
 * criterion code, each naming a document. A row without a code continues the code above it (a merged code cell, or
 * one code over several documents). Pure: a Grid in, the documents per criterion code out.
 */
import { fold } from "../fold";
import { a1, cellAt, Grid, gridWidth } from "../grid";
import { readCode } from "../sheet/codes";
import { CellValue } from "../values";

/** One document listed on an appendix sheet. */
export interface AppendixDocument {
  /** The cell's text (one document, or several on separate lines). */
  text: string;
  /** A1 address on the appendix sheet. */
  cell: string;
}

export interface Appendix {
  sheet: string;
  /** Documents per normalised criterion code, in sheet order. */
  documents: Map<string, AppendixDocument[]>;
  /** Codes listed with no document in their row(s) (a criterion named, its document cell left blank). */
  empty: Set<string>;
}

const NAME_RE = /\b(?:tai lieu kiem chung|tlkc|phu luc|danh muc tai lieu|danh muc van ban|minh chung|tai lieu)\b/;
const CODE_HEADERS = ["ma tieu chi", "ma tc", "ma so", "ma", "tieu chi", "stt", "tt", "so tt"];
const DOC_HEADERS = ["tai lieu kiem chung", "tlkc", "ten tai lieu", "tai lieu", "van ban", "ten van ban", "minh chung", "danh muc"];
const SCORE_HEADERS = /\b(?:diem|tu cham|tham dinh|toi da)\b/;

/** Words in an evidence cell that send the reader to an appendix ("Xem phụ lục", "Kèm theo", "Theo danh mục"). */
const POINTER_RE = /^(?:\(?\s*)(?:xem\s+)?(?:phu luc|kem theo|theo danh muc|danh muc|xem danh muc|tai lieu kem theo|co tai lieu kem theo|chi tiet tai|(?:xem|theo)\s+(?:trang|sheet|bang)\b)/;

/** Whether an evidence cell's text sends the reader to an appendix sheet instead of naming documents. */
export function isAppendixPointer(text: string): boolean {
  const f = fold(text);
  return f !== "" && f.length <= 80 && POINTER_RE.test(f);
}

function text(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return "";
  return String(v).trim();
}

function headerIndex(folded: string, words: string[]): number {
  return words.findIndex((w) => folded === w || folded.startsWith(`${w} `) || folded.endsWith(` ${w}`) || folded.includes(`(${w})`));
}

function hasScoreHeader(grid: Grid): boolean {
  const width = Math.min(gridWidth(grid), 30);
  for (let r = 0; r < Math.min(grid.values.length, 15); r++) {
    for (let c = 0; c < width; c++) {
      const f = fold(text(cellAt(grid, r, c)));
      if (f !== "" && f.length <= 30 && SCORE_HEADERS.test(f)) return true;
    }
  }
  return false;
}

/** The header row and its code and document columns, among the first rows; null when the sheet has none. */
function findColumns(grid: Grid): { row: number; code: number; doc: number } | null {
  const width = Math.min(gridWidth(grid), 30);
  const rows = Math.min(grid.values.length, 15);
  // A score column's header anywhere in the first rows (short: a title saying "chấm điểm" is not one) makes it a
  // scored table (a unit sheet, its header over several rows perhaps), never an appendix.
  if (hasScoreHeader(grid)) return null;
  for (let r = 0; r < rows; r++) {
    let code = -1;
    let codeRank = Infinity;
    let doc = -1;
    for (let c = 0; c < width; c++) {
      const f = fold(text(cellAt(grid, r, c)));
      if (f === "") continue;
      const rank = headerIndex(f, CODE_HEADERS);
      if (doc < 0 && headerIndex(f, DOC_HEADERS) >= 0) doc = c;
      // "Mã tiêu chí" rather than a running "STT" beside it.
      else if (rank >= 0 && rank < codeRank) [code, codeRank] = [c, rank];
    }
    if (code >= 0 && doc >= 0) return { row: r, code, doc };
  }
  return null;
}

/**
 * Whether a sheet lists evidence documents per criterion: its name says so ("Tài liệu kiểm chứng", "Phụ lục",
 * "Danh mục TLKC") or a header row has a code column and a document column and no score column; and it has at
 * least one row with a criterion code and a document.
 */
export function isAppendixSheet(grid: Grid): boolean {
  const named = NAME_RE.test(fold(grid.name));
  const columns = findColumns(grid);
  if (!columns && !named) return false;
  if (!columns && hasScoreHeader(grid)) return false;
  const appendix = readAppendix(grid);
  return appendix.documents.size > 0;
}

/**
 * The documents an appendix sheet lists per criterion code. The code and document columns come from its header
 * ("Mã tiêu chí" / "Tiêu chí" / "STT" and "Tài liệu kiểm chứng" / "Tên tài liệu" / "Văn bản"); without one, the
 * first column holding codes and the widest text column to its right.
 */
export function readAppendix(grid: Grid): Appendix {
  const documents = new Map<string, AppendixDocument[]>();
  const empty = new Set<string>();
  let columns = findColumns(grid);
  if (!columns) {
    // No header: the first column with codes, and the column right of it with the longest texts.
    const width = Math.min(gridWidth(grid), 30);
    let codeCol = -1;
    for (let c = 0; c < width && codeCol < 0; c++) {
      let codes = 0;
      for (let r = 0; r < grid.values.length; r++) if (readCode(cellAt(grid, r, c)) !== null && typeof cellAt(grid, r, c) === "string") codes++;
      if (codes >= 2) codeCol = c;
    }
    if (codeCol < 0) return { sheet: grid.name, documents, empty };
    let docCol = -1;
    let longest = 0;
    for (let c = codeCol + 1; c < width; c++) {
      let length = 0;
      for (let r = 0; r < grid.values.length; r++) length += text(cellAt(grid, r, c)).length;
      if (length > longest) [docCol, longest] = [c, length];
    }
    if (docCol < 0) return { sheet: grid.name, documents, empty };
    columns = { row: -1, code: codeCol, doc: docCol };
  }
  let current: string | null = null;
  for (let r = columns.row + 1; r < grid.values.length; r++) {
    const codeValue = cellAt(grid, r, columns.code);
    const codeText = text(codeValue);
    if (codeText !== "") {
      // "Tiêu chí 1.1", "TC 1.1" as well as "1.1".
      const bare = codeText.replace(/^(?:tiêu chí|tc|mã)\s*/iu, "");
      current = readCode(typeof codeValue === "number" ? codeValue : bare);
      if (current !== null && !documents.has(current)) empty.add(current);
    }
    if (current === null) continue;
    const doc = text(cellAt(grid, r, columns.doc));
    if (doc === "") continue;
    const list = documents.get(current) ?? [];
    list.push({ text: doc, cell: a1(r, columns.doc) });
    documents.set(current, list);
    empty.delete(current);
  }
  return { sheet: grid.name, documents, empty };
}

/** The workbook's appendix sheets, read (the unit sheets themselves excluded by name). */
export function findAppendices(grids: readonly Grid[], exclude: ReadonlySet<string> = new Set()): Appendix[] {
  return grids.filter((g) => !exclude.has(g.name) && isAppendixSheet(g)).map(readAppendix);
}
