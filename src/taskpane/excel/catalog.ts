/**
 * The active catalogue in the workbook. The document settings hold it (settings.ts), but settings can be lost
 * (office-js #6091 on Mac, #5206 from desktop to the web), so its id is also recorded in "_par" (hidden.ts).
 * After a switch, the PAR.* formulas of the self-assessment sheets the pane created are written again as they
 * are: custom functions are not re-run on every recalculation path (office-js #6545, #4214, #1462), a formula
 * written anew is. Then the workbook is recalculated in full.
 *
 * Sync 1: the sheets, protection and "_par"; sync 2 (when there are templates): their formulas; sync 3: the
 * record, the formulas and the recalculation.
 */
import { Catalog, isBuiltinId } from "../../scoring";
import { builtinCatalog } from "../../scoring";
import type { DateSystem } from "../../scoring/dates";
import { queueDateSystem } from "./date-system";
import { hiddenWriteStep, OWNED_SHEET, parseRegistry, queueHiddenRead, RecordedCatalog, registryMatrix, withBookkeeping } from "./hidden";
import { ACTION_BYTES, jsonBytes } from "./payload";
import { Rect } from "./read";
import { runSteps, Step } from "./steps";
import { queueSheetList } from "./workbook";

/** What the pane's start reads in one sync: the catalogue recorded in "_par" and the workbook's date system. */
export async function readAtOpen(context: Excel.RequestContext): Promise<{ recorded: RecordedCatalog | null; dates: DateSystem }> {
  return withBookkeeping(context, async (present) => {
    const registry = queueHiddenRead(context, OWNED_SHEET, present);
    const dates = queueDateSystem(context);
    await context.sync();
    return { recorded: parseRegistry(registry().rows).catalog, dates: dates() };
  });
}

export const recordOf = (catalog: Catalog): RecordedCatalog => ({
  id: catalog.id,
  builtin: isBuiltinId(catalog.id) && builtinCatalog(catalog.id) === catalog,
});

const PAR_CALL = /(^|[^A-Za-z0-9_.])PAR\.[A-Za-z]+\s*\(/i;

/** Runs of cells down a column holding PAR.* formulas, as rectangles with their formulas. */
export function parFormulaRuns(rect: Rect, formulas: unknown[][]): { rect: Rect; formulas: string[][] }[] {
  const runs: { rect: Rect; formulas: string[][] }[] = [];
  for (let j = 0; j < rect.cols; j++) {
    let run: { rect: Rect; formulas: string[][] } | null = null;
    for (let i = 0; i < rect.rows; i++) {
      const f = formulas[i]?.[j];
      if (typeof f === "string" && f.startsWith("=") && PAR_CALL.test(f)) {
        if (run && run.rect.row + run.rect.rows === rect.row + i) {
          run.rect.rows++;
          run.formulas.push([f]);
        } else {
          run = { rect: { row: rect.row + i, col: rect.col + j, rows: 1, cols: 1 }, formulas: [[f]] };
          runs.push(run);
        }
      } else run = null;
    }
  }
  return runs;
}

export interface CatalogUse {
  /** PAR.* formulas written again. */
  formulas: number;
  /** Whether "_par" records the catalogue now (not when it is missing and the workbook's structure is protected). */
  recorded: boolean;
  /** Whether the workbook was recalculated in this batch. */
  recalculated: boolean;
}

/** Records the catalogue in "_par", writes the templates' PAR.* formulas again, and recalculates. */
export async function useCatalogInWorkbook(context: Excel.RequestContext, catalog: Catalog): Promise<CatalogUse> {
  const { names, registry } = await withBookkeeping(context, async (present) => {
    const list = queueSheetList(context);
    context.workbook.protection.load("protected");
    const read = queueHiddenRead(context, OWNED_SHEET, present);
    await context.sync();
    return { names: new Set(list().map((s) => s.name)), registry: read() };
  });
  const known = parseRegistry(registry.rows);
  const templates = known.templates.filter((t) => names.has(t));

  const used = templates.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load("formulas,rowIndex,columnIndex,rowCount,columnCount");
    return { name, range };
  });
  if (used.length > 0) await context.sync();

  const steps: Step[] = [];
  const recorded = registry.exists || !context.workbook.protection.protected;
  if (recorded) steps.push(hiddenWriteStep(context, OWNED_SHEET, registry.exists, registryMatrix({ ...known, catalog: recordOf(catalog), templates })));
  let formulas = 0;
  for (const { name, range } of used) {
    if (range.isNullObject) continue;
    const rect = { row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
    for (const run of parFormulaRuns(rect, range.formulas)) {
      formulas += run.rect.rows;
      steps.push({
        request: jsonBytes(run.formulas) + 3 * ACTION_BYTES,
        response: 0,
        queue: () => {
          context.workbook.worksheets.getItem(name).getRangeByIndexes(run.rect.row, run.rect.col, run.rect.rows, 1).formulas = run.formulas;
        },
      });
    }
  }
  steps.push({ request: 2 * ACTION_BYTES, response: 0, queue: () => context.workbook.application.calculate("Full") });
  await runSteps(context, steps);
  return { formulas, recorded, recalculated: true };
}
