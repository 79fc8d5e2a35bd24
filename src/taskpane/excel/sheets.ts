/**
 * Sheets made for the user (the unit's self-assessment template, an editable copy of a catalogue): the user's from
 * then on, never registered as generated and never written over: a new sheet under a name not yet taken. A
 * template's name is noted in "_par" (hidden.ts) so a catalogue switch can have its PAR.* formulas evaluated again.
 * Sync 1: the sheet names, the protection and the registry (a protected workbook structure is refused here);
 * sync 2: the sheet written and activated (more syncs only for a sheet beyond Excel on the web's 5 MB).
 */
import { safeSheetName, SheetSpec } from "../../scoring/report/sheet-spec";
import { CreatedSheet } from "../actions";
import { UiLang } from "../i18n";
import { hiddenWriteStep, OWNED_SHEET, parseRegistry, queueHiddenRead, registryMatrix, withBookkeeping } from "./hidden";
import { skipText, workbookProtected } from "./messages";
import { ACTION_BYTES } from "./payload";
import { runSteps, Step } from "./steps";
import { ApiSupport } from "./support";
import { queueSheetList, syncFinding } from "./workbook";
import { sheetSteps } from "./write";

export async function createUserSheet(
  context: Excel.RequestContext,
  spec: SheetSpec,
  lang: UiLang,
  supports: ApiSupport,
  options: { template?: boolean } = {},
): Promise<CreatedSheet> {
  const { names, registry } = await withBookkeeping(context, async (present) => {
    const list = queueSheetList(context);
    context.workbook.protection.load("protected");
    const registry = queueHiddenRead(context, OWNED_SHEET, present);
    await context.sync();
    return { names: list().map((s) => s.name), registry };
  });
  if (context.workbook.protection.protected) throw workbookProtected();
  const name = safeSheetName(spec.name, names);
  const sheets = context.workbook.worksheets;
  const steps: Step[] = [{ request: 2 * ACTION_BYTES, response: 0, queue: () => void sheets.add(name) }];
  if (options.template) {
    const read = registry();
    const known = parseRegistry(read.rows);
    const templates = [...known.templates.filter((t) => names.includes(t)), name];
    steps.push(hiddenWriteStep(context, OWNED_SHEET, read.exists, registryMatrix({ ...known, templates })));
  }
  const { steps: writing, result } = sheetSteps(() => sheets.getItem(name), { ...spec, name }, supports);
  steps.push(...writing, {
    request: 3 * ACTION_BYTES,
    response: 0,
    queue: () => {
      const sheet = sheets.getItem(name);
      sheet.activate();
      sheet.getRange("A1").select();
    },
  });
  await runSteps(context, steps);
  return { sheet: name, skipped: result.skipped.map((s) => skipText(s, lang)) };
}

/** Activates the sheet and selects the cell, in one round trip. */
export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await syncFinding(context, sheetName);
}
