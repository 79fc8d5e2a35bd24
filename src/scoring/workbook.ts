import { builtinCatalog, builtinCatalogs, Catalog, findNode, isBuiltinId, walk } from "./catalog";
import { isCatalogSheet, readCatalogSheet, SheetIssue } from "./catalog/sheet";
import { Grid } from "./grid";
import { nfc, nfcGrid } from "./text";
import { ParError } from "./errors";
import { prepareUnit, resolveNumbering } from "./sheet/numbering";
import { readUnitSheet } from "./sheet/read";
import { UnitSheet } from "./sheet/types";

/** Why a catalogue was chosen for a workbook: said in every report. */
export type CatalogChoice =
  | { how: "given"; catalog: Catalog }
  | { how: "sheet"; catalog: Catalog; sheet: string }
  | { how: "named"; catalog: Catalog; sheet: string }
  /** Best overlap of codes (Jaccard): `matched` of the sheet's `total` distinct codes are in the catalogue. */
  | { how: "matched"; catalog: Catalog; matched: number; total: number; similarity: number };

/** The unit sheets of a workbook: every grid with a recognisable header that is neither a catalogue nor generated. */
export function findUnitSheets(grids: Grid[], fallbackUnit: string, skip: ReadonlySet<string> = new Set()): UnitSheet[] {
  const units: UnitSheet[] = [];
  // Texts enter the core here: cells and sheet names (and the file name the unit may be named by) in NFC.
  fallbackUnit = nfc(fallbackUnit);
  for (const sheet of grids) {
    const grid = nfcGrid(sheet);
    if (skip.has(grid.name) || isCatalogSheet(grid)) continue;
    const unit = readUnitSheet(grid, fallbackUnit);
    if (unit && (unit.rows.length > 0 || (unit.alternative?.rows.length ?? 0) > 0 || unit.codeless)) units.push(unit);
  }
  return units;
}

/**
 * Distinct codes of the sheets (each read with the numbering that fits this catalogue best), how many the catalogue
 * knows, and the overlap |A∩B| / |A∪B|.
 */
export function codeOverlap(catalog: Catalog, units: UnitSheet[]): { matched: number; total: number; similarity: number } {
  const codes = new Set(units.flatMap((u) => resolveNumbering(u, catalog).rows.map((r) => r.code)));
  let matched = 0;
  for (const code of codes) if (findNode(catalog, code)) matched++;
  const union = codes.size + [...walk(catalog.nodes)].length - matched;
  return { matched, total: codes.size, similarity: union > 0 ? matched / union : 0 };
}

export interface WorkbookCatalog {
  choice: CatalogChoice | null;
  /** Problems of a catalogue sheet in the workbook (reported like findings; the sheet is then not used). */
  issues: SheetIssue[];
}

/**
 * The catalogue a workbook is checked against, when the user names none: a catalogue sheet in the workbook,
 * else the one its unit sheet names in a title cell ("Bộ tiêu chí: dien-bien-2018"), else the built-in one whose
 * codes best match the sheet.
 */
export function chooseCatalog(grids: Grid[], units: UnitSheet[]): WorkbookCatalog {
  const issues: SheetIssue[] = [];
  for (const sheet of grids) {
    const grid = nfcGrid(sheet);
    if (!isCatalogSheet(grid)) continue;
    const read = readCatalogSheet(grid);
    issues.push(...read.issues);
    if (read.catalog) return { choice: { how: "sheet", catalog: read.catalog, sheet: grid.name }, issues };
  }
  for (const unit of units) {
    if (unit.catalogRef && isBuiltinId(unit.catalogRef.trim())) {
      return { choice: { how: "named", catalog: builtinCatalog(unit.catalogRef.trim()), sheet: unit.sheet }, issues };
    }
  }
  let best: (CatalogChoice & { how: "matched" }) | null = null;
  for (const catalog of builtinCatalogs()) {
    const overlap = codeOverlap(catalog, units);
    if (overlap.matched > 0 && (!best || overlap.similarity > best.similarity)) best = { how: "matched", catalog, ...overlap };
  }
  return { choice: best, issues };
}

export interface PreparedUnits {
  /** The unit sheets, each read with its numbering resolved against the catalogue. */
  units: UnitSheet[];
  /** Sheets with a criteria table but no column to score from (requireScoreColumn), with the error saying so. */
  rejected: { sheet: string; error: ParError }[];
}

/** The unit sheets ready for the catalogue (prepareUnit); one without a score column is set aside, not fatal. */
export function prepareUnits(units: UnitSheet[], catalog: Catalog): PreparedUnits {
  const prepared: PreparedUnits = { units: [], rejected: [] };
  for (const unit of units) {
    try {
      prepared.units.push(prepareUnit(unit, catalog));
    } catch (e) {
      if (!(e instanceof ParError)) throw e;
      prepared.rejected.push({ sheet: unit.sheet, error: e });
    }
  }
  return prepared;
}
