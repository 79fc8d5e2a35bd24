/**
 * The task pane's PaneActions on Excel: each action is one Excel.run whose reads, core computation and writes
 * are batched as described in the modules it calls (validate.ts, flags.ts, summary.ts, sheets.ts).
 * Everything Office-specific is injectable, so tests run the same code on an in-memory Excel.
 */
import { setActiveCatalog, SettingsStorage } from "../../functions/active-catalog";
import { Catalog, catalogToSheet, isCatalogSheet, readCatalogSheet } from "../../scoring";
import { templateSheet } from "../../scoring/report/template";
import { PaneActions } from "../actions";
import { recalculateWorkbook } from "./office";
import { ExcelRunner, officeRunner } from "./run";
import { documentSettingsStorage } from "./settings";
import { createUserSheet, selectCell } from "./sheets";
import { generateSummary } from "./summary";
import { ApiSupport, officeApiSupport } from "./support";
import { validateActiveSheet } from "./validate";
import { readWorkbook, SizeHints } from "./workbook";
import { flagFindings, unflagSheet } from "./flags";

export interface ExcelDeps {
  /** Runs a batch against the workbook (Excel.run). */
  run: ExcelRunner;
  /** Which ExcelApi versions the host supports. */
  supports: ApiSupport;
  /** Where the active catalogue is remembered (the document's settings). */
  settings: () => SettingsStorage;
  /** Recalculates the workbook after a catalogue switch. */
  recalculate: () => Promise<void>;
}

export function createExcelActions(deps: Partial<ExcelDeps> = {}): PaneActions {
  const run = deps.run ?? officeRunner;
  const supports = deps.supports ?? officeApiSupport();
  const settings = deps.settings ?? (() => documentSettingsStorage());
  const recalculate = deps.recalculate ?? recalculateWorkbook;
  // Where the sheets' used ranges were at the last whole-workbook read: the next one guesses from them.
  const hints: SizeHints = new Map();

  return {
    readWorkbookCatalog: (lang) =>
      run(async (context) => {
        const book = await readWorkbook(context, hints);
        const grid = book.grids.find((g) => isCatalogSheet(g));
        if (!grid) return { sheet: null, catalog: null, issues: [] };
        const read = readCatalogSheet(grid, undefined, lang);
        return { sheet: grid.name, catalog: read.catalog, issues: read.issues };
      }),

    insertCatalogSheet: (catalog: Catalog, lang) => run((context) => createUserSheet(context, catalogToSheet(catalog), lang, supports)),

    setActiveCatalog: async (catalog) => {
      await setActiveCatalog(catalog, settings());
      await recalculate();
    },

    createTemplate: (catalog, { unit, lang }) =>
      run((context) => createUserSheet(context, templateSheet(catalog, { lang, unit: unit.trim() || undefined }), lang, supports)),

    validateActiveSheet: (catalog, lang) => run((context) => validateActiveSheet(context, catalog, lang)),

    selectCell: (sheet, cell) => run((context) => selectCell(context, sheet, cell)),

    flagFindings: (validation, lang) => run((context) => flagFindings(context, validation, lang, supports)),

    unflag: (sheet) => run((context) => unflagSheet(context, sheet, supports)),

    generateSummary: (catalog, lang) => run((context) => generateSummary(context, catalog, lang, supports, hints)),
  };
}
