/**
 * The Excel actions loaded when first used: the Excel layer (reading, writing, flagging, summarising) is a chunk of
 * its own, so a first open of the pane loads only what it draws. Each method loads the chunk (once) and calls the
 * real one (actions.ts).
 */
import type { PaneActions } from "../actions";
import type { ExcelDeps } from "./actions";

export function lazyExcelActions(deps: Partial<ExcelDeps> = {}): PaneActions {
  let loaded: Promise<PaneActions> | null = null;
  const real = () => (loaded ??= import(/* webpackChunkName: "excel-actions" */ "./actions").then((m) => m.createExcelActions(deps)));
  const method =
    <K extends keyof PaneActions>(name: K) =>
    async (...args: unknown[]) => {
      const actions = await real();
      return (actions[name] as (...a: unknown[]) => unknown)(...args);
    };
  return {
    readWorkbookCatalog: method("readWorkbookCatalog"),
    insertCatalogSheet: method("insertCatalogSheet"),
    setActiveCatalog: method("setActiveCatalog"),
    createTemplate: method("createTemplate"),
    validateActiveSheet: method("validateActiveSheet"),
    selectCell: method("selectCell"),
    flagFindings: method("flagFindings"),
    unflag: method("unflag"),
    flaggedSheets: method("flaggedSheets"),
    generateSummary: method("generateSummary"),
    readAppraisalForm: method("readAppraisalForm"),
    writeAppraisals: method("writeAppraisals"),
  } as PaneActions;
}
