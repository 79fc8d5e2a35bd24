import { a1, cellAt, CellRect, Grid, gridWidth } from "../grid";
import { CellValue, fold } from "../values";
import { mayBeRelative, readCode, relativeCodes } from "./codes";
import { findHeader } from "./headers";
import { ColumnRole, HeaderMap, Numbering, UnitCell, UnitRow, UnitSheet } from "./types";

const UNIT_LABELS = ["don vi", "ten don vi", "co quan", "ten co quan", "unit"];
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
    unit: titleValue(grid, header.top, UNIT_LABELS) ?? bodyTitle(grid, header.top) ?? fallbackUnit,
    header,
    rows: literal,
    catalogRef: titleValue(grid, header.top, CATALOG_LABELS),
    numbering: "literal",
    ...(alternative ? { alternative } : {}),
  };
}
