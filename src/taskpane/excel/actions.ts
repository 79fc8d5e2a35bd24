/**
 * The task pane's PaneActions on Excel: each action is one Excel.run whose reads, core computation and writes
 * are batched as described in the modules it calls (validate.ts, flags.ts, summary.ts, sheets.ts, catalog.ts).
 * Everything Office-specific is injectable, so tests run the same code on an in-memory Excel.
 */
import { setActiveCatalog, SettingsStorage } from "../../functions/active-catalog";
import { Catalog, catalogLayout, catalogToSheet, findCatalogGrid, readCatalogGrid, readingCounts, reviewRows, unitNameFromFile } from "../../scoring";
import { templateSheet } from "../../scoring/report/template";
import { CatalogSwitch, PaneActions } from "../actions";
import { UiLang } from "../i18n";
import { readActiveForm, writeAppraisals } from "./appraisal";
import { CatalogUse, useCatalogInWorkbook } from "./catalog";
import { flagFindings, flaggedSheets, unflagSheet } from "./flags";
import { catalogNotSaved } from "./messages";
import { recalculateWorkbook } from "./office";
import { ExcelRunner, officeRunner } from "./run";
import { documentSettingsStorage } from "./settings";
import { createUserSheet, selectCell } from "./sheets";
import { generateSummary } from "./summary";
import { ApiSupport, officeApiSupport } from "./support";
import { checkActiveSheetEvidence, validateActiveSheet } from "./validate";
import { readWorkbook, SizeHints } from "./workbook";

export interface ExcelDeps {
  /** Runs a batch against the workbook (Excel.run). */
  run: ExcelRunner;
  /** What this Excel (and the office.js loaded) can do. */
  supports: ApiSupport;
  /** Where the active catalogue is remembered (the document's settings). */
  settings: () => SettingsStorage;
  /** Recalculates the workbook (after a catalogue switch whose own batch could not). */
  recalculate: () => Promise<void>;
}

/** A template's sheet named after its unit ("Tự đánh giá – UBND xã Tân Thành"); the default name when no unit is typed. */
export function templateName(unit: string, lang: UiLang): string | undefined {
  const name = unit.trim().replace(/\s+/g, " ");
  if (!name) return undefined;
  return `${lang === "en" ? "Self-assessment" : "Tự đánh giá"} – ${name}`;
}

export function createExcelActions(deps: Partial<ExcelDeps> = {}): PaneActions {
  const run = deps.run ?? officeRunner;
  const supports = deps.supports ?? officeApiSupport();
  const settings = deps.settings ?? (() => documentSettingsStorage());
  const recalculate = deps.recalculate ?? recalculateWorkbook;
  // Where the sheets' used ranges were at the last whole-workbook read, and their density: the next read plans from them.
  const hints: SizeHints = new Map();

  return {
    readWorkbookCatalog: (lang) =>
      run(async (context) => {
        const book = await readWorkbook(context, { supports, hints });
        // PAR Scorer's own catalogue sheet, else a province's published table: one reading for both (the core's).
        const grid = findCatalogGrid(book.grids);
        const table = grid !== undefined && catalogLayout(grid) === "table";
        const read = grid ? readCatalogGrid(grid, { fallbackId: table ? unitNameFromFile(book.workbookName) || "bo-tieu-chi" : undefined, lang }) : null;
        if (!grid || !read) return { sheet: null, catalog: null, issues: [] };
        const readings = read.table
          ? {
              counts: readingCounts(read.table),
              review: reviewRows(read.table, lang)
                .filter((r) => r.state !== "exact")
                .map((r) => ({ code: r.code, state: r.state, how: r.how })),
            }
          : undefined;
        return { sheet: grid.name, catalog: read.catalog, issues: read.issues, ...(readings ? { readings } : {}) };
      }),

    insertCatalogSheet: (catalog: Catalog, lang) => run((context) => createUserSheet(context, catalogToSheet(catalog), lang, supports)),

    setActiveCatalog: async (catalog): Promise<CatalogSwitch> => {
      let saveError: unknown = null;
      let use: CatalogUse = { formulas: 0, recorded: false, recalculated: false };
      try {
        try {
          await setActiveCatalog(catalog, settings());
        } catch (e) {
          saveError = e;
        }
        use = await run((context) => useCatalogInWorkbook(context, catalog));
      } catch {
        // Recording the choice and rewriting formulas are extras; the recalculation below still happens.
      } finally {
        if (!use.recalculated) {
          use.recalculated = await recalculate().then(
            () => true,
            () => false,
          );
        }
      }
      if (saveError) throw catalogNotSaved(catalog.name, saveError, use);
      return { formulas: use.formulas, recalculated: use.recalculated };
    },

    createTemplate: (catalog, { unit, lang }) =>
      run((context) =>
        createUserSheet(context, templateSheet(catalog, { lang, unit: unit.trim() || undefined, name: templateName(unit, lang) }), lang, supports, { template: true }),
      ),

    validateActiveSheet: (catalog, lang) => run((context) => validateActiveSheet(context, catalog, lang, supports)),

    selectCell: (sheet, cell) => run((context) => selectCell(context, sheet, cell)),

    flagFindings: (validation, lang) => run((context) => flagFindings(context, validation, lang, supports)),

    unflag: (sheet) => run((context) => unflagSheet(context, sheet, supports)),

    flaggedSheets: () => run((context) => flaggedSheets(context)),

    generateSummary: (catalog, lang) => run((context) => generateSummary(context, catalog, lang, supports, hints)),

    checkEvidence: (catalog, lang, documents) => run((context) => checkActiveSheetEvidence(context, catalog, lang, supports, documents)),

    readAppraisalForm: () => run((context) => readActiveForm(context, supports)),

    writeAppraisals: (form, entries) => run((context) => writeAppraisals(context, form, entries, supports)),
  };
}
