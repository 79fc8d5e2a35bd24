/**
 * Once the catalogue is known, the rows that are not criterion rows are placed: a band row gives its criterion's
 * score when it is the chosen one; a bonus or penalty line without a code becomes the catalogue's bonus or penalty
 * criterion it names. What cannot be placed stays in `others` (validation names it).
 */
import { Catalog, CatalogNode, findNode, leaves } from "../catalog";
import { fold, readInput } from "../values";
import { isChoiceMark } from "./row-kinds";
import { OtherRow, UnitCell, UnitRow, UnitSheet } from "./types";

export type BandColumn = "self" | "appraised" | "final";
const BAND_COLUMNS: BandColumn[] = ["self", "appraised", "final"];

/** Two or more bands of one criterion chosen in one column: the criterion is left unscored, and it is an error. */
export interface BandConflict {
  code: string;
  column: BandColumn;
  cells: string[];
}

const blank = (cell: UnitCell | null | undefined) =>
  !cell || cell.value === null || cell.value === undefined || (typeof cell.value === "string" && cell.value.trim() === "");

/** What a band row's cell says: a mark ("x"), a number (typed on the chosen band), or nothing. */
function choice(cell: UnitCell | undefined): { mark: boolean; value: number | null } | null {
  if (blank(cell)) return null;
  if (isChoiceMark(cell!.value)) return { mark: true, value: null };
  try {
    const input = readInput(cell!.value);
    return input.kind === "number" && !input.percent && !input.date ? { mark: false, value: input.value } : { mark: false, value: null };
  } catch {
    return { mark: false, value: null };
  }
}

/**
 * Scores written on band rows: each band row belongs to the criterion row above it. In each score column the
 * chosen band is the one with a mark or a number (zeros typed on the other bands aside); its points (the number
 * typed, or the points the band's text states when it is marked) become the criterion's score, unless the
 * criterion's own cell is filled. Two chosen bands: a conflict, the criterion stays unscored.
 */
export function applyBands(rows: UnitRow[], others: OtherRow[]): { rows: UnitRow[]; others: OtherRow[]; conflicts: BandConflict[] } {
  const bands = others.filter((o) => o.kind === "band");
  if (bands.length === 0) return { rows, others, conflicts: [] };
  const ordered = [...rows].sort((a, b) => a.row - b.row);
  const parentOf = (row: number): UnitRow | null => {
    let parent: UnitRow | null = null;
    for (const r of ordered) {
      if (r.row > row) break;
      parent = r;
    }
    return parent;
  };
  const byParent = new Map<UnitRow, OtherRow[]>();
  const placed = new Map<OtherRow, OtherRow>();
  for (const band of bands) {
    const parent = parentOf(band.row);
    if (!parent) continue;
    let list = byParent.get(parent);
    if (!list) byParent.set(parent, (list = []));
    list.push(band);
    placed.set(band, { ...band, code: parent.code, chosen: [] });
  }
  const conflicts: BandConflict[] = [];
  const replaced = new Map<UnitRow, UnitRow>();
  for (const [parent, list] of byParent) {
    let row = parent;
    for (const column of BAND_COLUMNS) {
      const chosen = list.map((b) => ({ band: b, c: choice(b.cells[column]) })).filter((x) => x.c !== null);
      if (chosen.length === 0) continue;
      const nonZero = chosen.filter((x) => x.c!.mark || x.c!.value !== 0);
      if (nonZero.length >= 2) {
        conflicts.push({ code: parent.code, column, cells: nonZero.map((x) => x.band.cells[column]!.cell) });
        for (const x of nonZero) placed.get(x.band)!.chosen!.push(column);
        continue;
      }
      const pick = nonZero[0] ?? chosen[0];
      placed.get(pick.band)!.chosen!.push(column);
      if (!blank(row[column])) continue;
      const cell = pick.band.cells[column]!;
      const value = pick.c!.mark ? (pick.band.points ?? cell.value) : cell.value;
      row = { ...row, [column]: { value, cell: cell.cell } };
    }
    if (row !== parent) replaced.set(parent, row);
  }
  return {
    rows: rows.map((r) => replaced.get(r) ?? r),
    others: others.map((o) => placed.get(o) ?? o),
    conflicts,
  };
}

/** The leaves of the catalogue's bonus or penalty section(s). */
function sectionLeaves(catalog: Catalog, kind: "bonus" | "penalty"): CatalogNode[] {
  return catalog.nodes.filter((n) => n.kind === kind).flatMap((n) => (n.children.length === 0 ? [n] : leaves({ ...catalog, nodes: [n] })));
}

/** The sign of the number in a row's self (else appraised) cell: −1, 1, or 0 without a number. */
function sign(row: OtherRow): number {
  for (const column of BAND_COLUMNS) {
    const c = choice(row.cells[column]);
    if (c?.value) return Math.sign(c.value);
  }
  return 0;
}

/**
 * The catalogue's bonus or penalty criterion a line without a code names ("Điểm thưởng", "Điểm trừ"; "Điểm cộng/
 * Điểm trừ" by the sign of its number): the section's only leaf, or the leaf whose name the line's words contain
 * (or that contains them). Null when none or several fit.
 */
export function sectionCode(catalog: Catalog, row: OtherRow): string | null {
  const kind = row.section === "both" ? (sign(row) < 0 ? "penalty" : sign(row) > 0 ? "bonus" : null) : row.section;
  if (!kind) return null;
  const candidates = sectionLeaves(catalog, kind);
  if (candidates.length === 1) return candidates[0].code;
  const text = fold(row.text);
  const named = candidates.filter((n) => {
    const name = fold(n.name);
    return name.length > 3 && (text.includes(name) || name.includes(text));
  });
  return named.length === 1 ? named[0].code : null;
}

/** Bonus and penalty lines placed as their catalogue criteria (when no row has that code already). */
export function placeSections(rows: UnitRow[], others: OtherRow[], catalog: Catalog): { rows: UnitRow[]; others: OtherRow[] } {
  const sections = others.filter((o) => o.kind === "bonus" || o.kind === "penalty");
  if (sections.length === 0) return { rows, others };
  const taken = new Set(rows.map((r) => r.code));
  const added: UnitRow[] = [];
  const kept: OtherRow[] = [];
  for (const other of others) {
    if (other.kind !== "bonus" && other.kind !== "penalty") {
      kept.push(other);
      continue;
    }
    const code = sectionCode(catalog, other);
    if (!code || taken.has(code) || !findNode(catalog, code)) {
      kept.push(code ? { ...other, code } : other);
      continue;
    }
    taken.add(code);
    const cell = (role: keyof OtherRow["cells"]) => other.cells[role] ?? null;
    added.push({
      row: other.row,
      code,
      codeCell: { value: other.text, cell: other.cell },
      codeSource: "section-name",
      name: { value: other.text, cell: other.cell },
      max: cell("max"),
      value: cell("value"),
      self: cell("self"),
      appraised: cell("appraised"),
      survey: cell("survey"),
      evidence: other.evidence,
      notes: other.notes,
      final: cell("final"),
    });
  }
  if (added.length === 0) return { rows, others };
  return { rows: [...rows, ...added].sort((a, b) => a.row - b.row), others: kept };
}

/** A unit's others without the rows that became criterion rows in the chosen reading. */
export function othersOutside(unit: UnitSheet, rows: UnitRow[]): OtherRow[] {
  const coded = new Set(rows.map((r) => r.row));
  return (unit.others ?? []).filter((o) => !coded.has(o.row));
}
