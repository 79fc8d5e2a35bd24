import { a1, cellAt, Grid, gridWidth } from "../grid";
import { fold } from "../values";
import { readCode } from "./codes";
import { findHeader } from "./headers";
import { ColumnRole, UnitCell, UnitRow, UnitSheet } from "./types";

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
function titleValue(grid: Grid, headerRow: number, labels: string[]): string | null {
  const width = gridWidth(grid);
  for (let row = 0; row < headerRow; row++) {
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

/** The file name without folder and extension: the unit's name when the sheet states none. */
export function unitNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, "");
}

/**
 * Reads a unit's self-assessment sheet: finds the header row, maps columns by header text, and collects the rows
 * whose code cell holds a criterion code. Returns null when the grid has no recognisable header.
 */
export function readUnitSheet(grid: Grid, fallbackUnit: string): UnitSheet | null {
  const header = findHeader(grid);
  if (!header) return null;
  const codeCol = header.columns.code!;
  const cellOf = (row: number, role: ColumnRole): UnitCell | null => {
    const col = header.columns[role];
    return col === undefined ? null : { value: cellAt(grid, row, col), cell: a1(row, col) };
  };
  const rows: UnitRow[] = [];
  for (let row = header.row + 1; row < grid.values.length; row++) {
    const raw = cellAt(grid, row, codeCol);
    const code = readCode(raw);
    if (!code) continue;
    rows.push({
      row,
      code,
      codeCell: { value: raw, cell: a1(row, codeCol) },
      name: cellOf(row, "name"),
      max: cellOf(row, "max"),
      value: cellOf(row, "value"),
      self: cellOf(row, "self"),
      appraised: cellOf(row, "appraised"),
      evidence: cellOf(row, "evidence"),
      notes: cellOf(row, "notes"),
    });
  }
  return {
    sheet: grid.name,
    unit: titleValue(grid, header.row, UNIT_LABELS) ?? fallbackUnit,
    header,
    rows,
    catalogRef: titleValue(grid, header.row, CATALOG_LABELS),
  };
}
