import { a1, cellAt, CellRect, Grid, gridWidth } from "../grid";
import { CellValue, fold } from "../values";
import { mayBeRelative, readCode, relativeCodes } from "./codes";
import { findHeader } from "./headers";
import { ColumnRole, HeaderMap, Numbering, UnitCell, UnitRow, UnitSheet } from "./types";

const UNIT_LABELS = [
  "don vi",
  "ten don vi",
  "don vi duoc tham dinh",
  "don vi duoc danh gia",
  "don vi tu danh gia",
  "co quan",
  "ten co quan",
  "co quan duoc tham dinh",
  "unit",
];
const CATALOG_LABELS = ["bo tieu chi", "ma bo tieu chi", "catalogue", "catalog"];

/** "Đơn vị: Sở Tư pháp" → "Sở Tư pháp" when the label (folded) is one of `labels`. */
function labelled(text: unknown, labels: string[]): string | null {
  if (typeof text !== "string") return null;
  const colon = text.indexOf(":");
  if (colon < 0) return null;
  const label = fold(text.slice(0, colon));
  const rest = text.slice(colon + 1).trim();
  return rest && labels.includes(label) ? rest : null;
}

/** Scans the title rows (above the header) for a labelled value, also in the cell right of a bare label. */
function titleValue(grid: Grid, headerTop: number, labels: string[]): string | null {
  const width = gridWidth(grid);
  for (let row = 0; row < headerTop; row++) {
    for (let col = 0; col < width; col++) {
      const cell = cellAt(grid, row, col);
      const inline = labelled(cell, labels);
      if (inline) return inline;
      if (typeof cell === "string" && labels.includes(fold(cell).replace(/:$/, ""))) {
        const next = cellAt(grid, row, col + 1);
        if (typeof next === "string" && next.trim()) return next.trim();
      }
    }
  }
  return null;
}

/** How the name of an administrative body starts (folded): "SỞ TƯ PHÁP", "UBND HUYỆN MƯỜNG CHÀ", "BAN DÂN TỘC". */
const BODY_PREFIXES = [
  "so ",
  "ubnd ",
  "uy ban nhan dan ",
  "hdnd ",
  "ban ",
  "van phong ",
  "thanh tra ",
  "phong ",
  "chi cuc ",
  "cuc ",
  "trung tam ",
  "dai phat thanh",
  "tong cuc ",
];

/**
 * A title line naming the body that issued the sheet, in capitals as Vietnamese documents head them ("SỞ TƯ
 * PHÁP", "UBND HUYỆN MƯỜNG CHÀ"). Of several (a superior body above its unit), the last one is the unit.
 */
function bodyTitle(grid: Grid, headerTop: number): string | null {
  const width = gridWidth(grid);
  let found: string | null = null;
  for (let row = 0; row < headerTop; row++) {
    for (let col = 0; col < width; col++) {
      const cell = cellAt(grid, row, col);
      if (typeof cell !== "string") continue;
      const text = cell.replace(/\s+/g, " ").trim();
      if (text.length < 4 || text.length > 120 || text !== text.toLocaleUpperCase("vi")) continue;
      const folded = fold(text);
      if (BODY_PREFIXES.some((p) => folded.startsWith(p))) found = text;
    }
  }
  return found;
}

/** Words kept in capitals in a body's name. */
const ABBREVIATIONS = new Set(["ubnd", "hdnd", "mttq", "cchc", "ptth", "qlda", "bql", "ctxh", "tnhh", "vnpt"]);
/** Administrative levels (folded), written in lower case before a place name in Title Case ("huyện Mường Chà"). */
const LEVELS = ["thanh pho", "thi xa", "thi tran", "tinh", "huyen", "xa", "phuong", "quan"];
/** Two-word heads of a body's name ("Văn phòng", "Chi cục"): the second word in lower case. */
const TWO_WORD_HEADS = ["van phong", "chi cuc", "trung tam", "thanh tra", "tong cuc", "uy ban", "dai phat"];

const capital = (w: string) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1).toLocaleLowerCase("vi");

/**
 * A body's name typed in capitals, in its usual case: "SỞ Y TẾ" → "Sở Y tế", "UBND HUYỆN ĐIỆN BIÊN ĐÔNG" → "UBND
 * huyện Điện Biên Đông", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" → "Sở Kế hoạch và Đầu tư". Text not all in capitals is as it is.
 */
export function usualCase(name: string): string {
  const text = name.replace(/\s+/g, " ").trim();
  if (!/\p{Lu}/u.test(text) || text !== text.toLocaleUpperCase("vi") || /\p{Ll}/u.test(text)) return name;
  const words = text.split(" ");
  const out: string[] = [];
  // head: the body's first word; first: the word after it; lower: the rest; place: a place name after a level.
  let mode: "head" | "first" | "lower" | "place" = "head";
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const folded = fold(word);
    const pair = i + 1 < words.length ? `${folded} ${fold(words[i + 1])}` : "";
    if (ABBREVIATIONS.has(folded.replace(/[^a-z]/g, ""))) {
      out.push(word);
      if (mode === "head") mode = "first";
      continue;
    }
    if (LEVELS.includes(pair)) {
      out.push(word.toLocaleLowerCase("vi"), words[++i].toLocaleLowerCase("vi"));
      mode = "place";
      continue;
    }
    if (LEVELS.includes(folded) && mode !== "place" && mode !== "head") {
      out.push(word.toLocaleLowerCase("vi"));
      mode = "place";
      continue;
    }
    if (mode === "head") {
      if (TWO_WORD_HEADS.includes(pair)) out.push(capital(word), words[++i].toLocaleLowerCase("vi"));
      else out.push(capital(word));
      mode = "first";
    } else if (mode === "first" || mode === "place") {
      out.push(capital(word));
      if (mode === "first") mode = "lower";
    } else {
      out.push(word.toLocaleLowerCase("vi"));
      if (folded === "va") mode = "first";
    }
  }
  return out.join(" ");
}

/** The assessment year a title states ("… NĂM 2018", "Năm 2025"), else the sheet's name, else null. */
function titleYear(grid: Grid, headerTop: number): number | null {
  const width = gridWidth(grid);
  const yearIn = (text: string): number | null => {
    const m = /\bnam\s+((?:19|20)\d\d)\b/.exec(fold(text));
    return m ? Number(m[1]) : null;
  };
  for (let row = 0; row < headerTop; row++) {
    for (let col = 0; col < width; col++) {
      const cell = cellAt(grid, row, col);
      const year = typeof cell === "string" ? yearIn(cell) : null;
      if (year) return year;
    }
  }
  return yearIn(grid.name);
}

/** The unit's name: a label ("Đơn vị được thẩm định:") wins over a letterhead; a name in capitals in usual case. */
function unitName(grid: Grid, headerTop: number): string | null {
  const name = titleValue(grid, headerTop, UNIT_LABELS) ?? bodyTitle(grid, headerTop);
  return name === null ? null : usualCase(name);
}

/** The file name without folder and extension: the unit's name when the sheet states none. */
export function unitNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, "");
}

/** For cells covered by a merge (other than its top-left), the merge's top-left cell; built once per sheet. */
function mergedOrigin(merges: CellRect[] | undefined, columns: number[]): (row: number, col: number) => { row: number; col: number } | null {
  const byColumn = new Map<number, CellRect[]>();
  for (const m of merges ?? []) {
    if (m.bottom === m.top) continue;
    for (const col of columns) {
      if (col < m.left || col > m.right) continue;
      let list = byColumn.get(col);
      if (!list) byColumn.set(col, (list = []));
      list.push(m);
    }
  }
  if (byColumn.size === 0) return () => null;
  return (row, col) => {
    const m = byColumn.get(col)?.find((r) => row >= r.top && row <= r.bottom);
    return m && (m.top !== row || m.left !== col) ? { row: m.top, col: m.left } : null;
  };
}

/** Columns whose cell, merged down over several criterion rows, belongs to every row it covers. */
const SHARED_WHEN_MERGED: ColumnRole[] = ["name", "evidence", "notes"];

function unitRows(grid: Grid, header: HeaderMap, codes: (string | null)[], rowIndexes: number[]): UnitRow[] {
  const codeCol = header.columns.code!;
  const shared = SHARED_WHEN_MERGED.map((r) => header.columns[r]).filter((c): c is number => c !== undefined);
  const origin = grid.merges?.length ? mergedOrigin(grid.merges, shared) : null;
  /** The cell of `role` in `row`: a merged cell's own (name, evidence, notes) is its merge's top-left cell. */
  const cellOf = (role: Exclude<ColumnRole, "code">, row: number): UnitCell | null => {
    const col = header.columns[role];
    if (col === undefined) return null;
    const from = origin && SHARED_WHEN_MERGED.includes(role) ? origin(row, col) : null;
    return from ? { value: cellAt(grid, from.row, from.col), cell: a1(from.row, from.col) } : { value: cellAt(grid, row, col), cell: a1(row, col) };
  };
  const rows: UnitRow[] = [];
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (!code) continue;
    const row = rowIndexes[i];
    // One literal, its properties in the order of UnitRow: every row object has the same shape from the start.
    rows.push({
      row,
      code,
      codeCell: { value: cellAt(grid, row, codeCol), cell: a1(row, codeCol) },
      name: cellOf("name", row),
      max: cellOf("max", row),
      value: cellOf("value", row),
      self: cellOf("self", row),
      appraised: cellOf("appraised", row),
      survey: cellOf("survey", row),
      evidence: cellOf("evidence", row),
      notes: cellOf("notes", row),
    });
  }
  return rows;
}

/**
 * Reads a unit's self-assessment sheet: finds the header (one to three rows, merged cells read as their merge),
 * maps columns by header text, and collects the rows whose code cell holds a criterion code. When the code column
 * can also be read relatively (Roman numerals, letters) both readings are kept: resolveNumbering picks the one
 * that matches the catalogue. Returns null when the grid has no recognisable header.
 */
export function readUnitSheet(grid: Grid, fallbackUnit: string): UnitSheet | null {
  const header = findHeader(grid);
  if (!header) return null;
  const codeCol = header.columns.code!;
  const rowIndexes: number[] = [];
  const values: CellValue[] = [];
  for (let row = header.row + 1; row < grid.values.length; row++) {
    if (row === header.numberingRow) continue;
    const value = cellAt(grid, row, codeCol);
    if (value === null || value === undefined || value === "") continue;
    rowIndexes.push(row);
    values.push(value);
  }
  const literal = unitRows(grid, header, values.map(readCode), rowIndexes);
  const alternative = mayBeRelative(values)
    ? { numbering: "relative" as Numbering, rows: unitRows(grid, header, relativeCodes(values), rowIndexes) }
    : undefined;
  return {
    sheet: grid.name,
    unit: unitName(grid, header.top) ?? fallbackUnit,
    header,
    rows: literal,
    catalogRef: titleValue(grid, header.top, CATALOG_LABELS),
    numbering: "literal",
    ...(alternative ? { alternative } : {}),
    year: titleYear(grid, header.top),
  };
}
