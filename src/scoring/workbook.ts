/**
 * The unit sheets of a workbook and the catalogue they are checked against: reading.ts holds the reading (sheet
 * ledger, hidden sheets, catalogue chosen by fit both ways); these are the earlier entry points, kept working.
 */
import { Catalog } from "./catalog";
import { isCatalogSheet, SheetIssue } from "./catalog/sheet";
import { Grid } from "./grid";
import { nfc, nfcGrid } from "./text";
import { ParError } from "./errors";
import { prepareUnit } from "./sheet/numbering";
import { readUnitSheet } from "./sheet/read";
import { UnitSheet } from "./sheet/types";
import { CatalogChoice } from "./reading";

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

export interface WorkbookCatalog {
  choice: CatalogChoice | null;
  /** Problems of a catalogue sheet in the workbook (reported like findings; the sheet is then not used). */
  issues: SheetIssue[];
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
