/** Writing a unit sheet's ledger (ledger.ts): one entry per non-empty row, from its title down. */
import { squashSpaces } from "../text";
import { Catalog, findNode } from "../catalog";
import { cellAt, Grid } from "../grid";
import { CellValue } from "../values";
import { LedgerNote, RowEntry } from "./ledger";
import { HeaderMap, OtherRow, UnitRow, UnitSheet } from "./types";

const TEXT_LENGTH = 80;

function short(text: string): string {
  const t = squashSpaces(text);
  return t.length > TEXT_LENGTH ? `${t.slice(0, TEXT_LENGTH - 1)}…` : t;
}

function cellText(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** The first text of a row (any column), for the title and header rows. */
function rowText(grid: Grid, row: number): string {
  const line = grid.values[row] ?? [];
  const parts: string[] = [];
  for (let col = 0; col < line.length && parts.length < 4; col++) {
    const text = cellText(cellAt(grid, row, col)).trim();
    if (text && !parts.includes(text)) parts.push(text);
  }
  return short(parts.join(" | "));
}

/** Title rows above the header, the header's rows and its column-numbering row. */
export function frameRows(grid: Grid, header: HeaderMap): RowEntry[] {
  const entries: RowEntry[] = [];
  const last = header.numberingRow ?? header.row;
  for (let row = 0; row <= last; row++) {
    const text = rowText(grid, row);
    if (!text) continue;
    const readAs = row < header.top ? "title" : row === header.numberingRow ? "numbering" : "header";
    entries.push({ row, readAs, code: null, text });
  }
  return entries;
}

export function frameEntries(unit: UnitSheet): RowEntry[] {
  return (unit.ledger ?? []).filter((e) => e.readAs === "title" || e.readAs === "header" || e.readAs === "numbering");
}

function criterionEntry(row: UnitRow, catalog: Catalog): RowEntry {
  const name = typeof row.name?.value === "string" ? row.name.value : cellText(row.codeCell.value);
  const entry: RowEntry = { row: row.row, readAs: "criterion", code: row.code, codeSource: row.codeSource ?? "code-column", text: short(name) };
  // A note only for a code the catalogue lacks (assigned, not spread: one entry per criterion row).
  if (!findNode(catalog, row.code)) entry.note = { key: "ledger.note.unknownCode", params: { code: row.code } };
  return entry;
}

function otherEntry(other: OtherRow): RowEntry {
  const base = { row: other.row, text: short(other.text) };
  switch (other.kind) {
    case "band": {
      const chosen = (other.chosen ?? []).length > 0;
      const note: LedgerNote = other.code
        ? { key: chosen ? "ledger.note.bandChosen" : "ledger.note.band", params: { code: other.code } }
        : { key: "ledger.note.bandOrphan" };
      return { ...base, readAs: "band", code: other.code ?? null, chosen, note };
    }
    case "total":
      return { ...base, readAs: "total", code: null, note: { key: "ledger.note.total" } };
    case "bonus":
    case "penalty":
      return { ...base, readAs: other.kind, code: other.code ?? null, note: { key: "ledger.note.sectionUnplaced" } };
    case "text":
      return { ...base, readAs: "text", code: null };
    default: {
      const figures = Object.values(other.cells)
        .map((c) => `${c!.cell}=${cellText(c!.value)}`)
        .join(", ");
      return { ...base, readAs: "not-understood", code: null, ...(figures ? { note: { key: "ledger.note.numbers", params: { cells: figures } } } : {}) };
    }
  }
}

/** The ledger of a prepared unit: its frame, its criterion rows, its other rows, in sheet order. */
export function ledgerOf(frame: RowEntry[], unit: UnitSheet, catalog: Catalog): RowEntry[] {
  const entries: RowEntry[] = [...frame];
  for (const row of unit.rows) entries.push(criterionEntry(row, catalog));
  for (const other of unit.others ?? []) entries.push(otherEntry(other));
  return entries.sort((a, b) => a.row - b.row);
}
