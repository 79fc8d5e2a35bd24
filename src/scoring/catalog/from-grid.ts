/**
 * The one way a worksheet becomes a catalogue, for the task pane's "use the workbook's catalogue sheet" and the
 * command line's --catalog BOOK.xlsx alike: PAR Scorer's own catalogue sheet (catalogToSheet, edited), or a
 * province's published criteria table (table.ts).
 */
import { Grid } from "../grid";
import { Lang } from "../i18n/messages";
import { Catalog } from "./schema";
import { isCatalogSheet, readCatalogSheet, SheetIssue } from "./sheet";
import { importCatalogTable, isCatalogTable, slugId, TableImport } from "./table";

export type CatalogLayout = "catalog" | "table";

/**
 * Which catalogue layout a sheet has, if any. `lenient`: the sheet was named as a catalogue (`par catalog import`,
 * `--catalog TABLE.xlsx`), so a table whose header also has blank score columns is a table (see importCatalogTable).
 */
export function catalogLayout(grid: Grid, lenient = false): CatalogLayout | null {
  if (isCatalogSheet(grid)) return "catalog";
  return isCatalogTable(grid, lenient) ? "table" : null;
}

/** The workbook's catalogue sheet: PAR Scorer's own layout first, else a published criteria table. */
export function findCatalogGrid(grids: Grid[], lenient = false): Grid | undefined {
  return grids.find((g) => isCatalogSheet(g)) ?? grids.find((g) => isCatalogTable(g)) ?? (lenient ? grids.find((g) => isCatalogTable(g, true)) : undefined);
}

export interface CatalogGridRead {
  layout: CatalogLayout;
  /** Null when any issue is an error. */
  catalog: Catalog | null;
  issues: SheetIssue[];
  /** For a published table: what became rules, what did not, which parts were recognised. */
  table?: TableImport;
}

/** Reads a catalogue from a sheet of either layout; null when the sheet has neither. Never throws on bad content. */
export function readCatalogGrid(grid: Grid, options: { fallbackId?: string; lang?: Lang; lenient?: boolean } = {}): CatalogGridRead | null {
  const layout = catalogLayout(grid, options.lenient);
  if (layout === "catalog") return { layout, ...readCatalogSheet(grid, options.fallbackId, options.lang) };
  if (layout === null) return null;
  const table = importCatalogTable(grid, { id: options.fallbackId ? slugId(options.fallbackId) || undefined : undefined, lang: options.lang, lenient: options.lenient });
  return { layout, catalog: table.catalog, issues: table.issues, table };
}
