/**
 * Sheets made for the user (the unit's self-assessment template, an editable copy of a catalogue): the user's from
 * then on, never registered as generated and never written over: a new sheet under a name not yet taken.
 * Two round trips: sync 1 the sheet names, sync 2 the sheet written and activated.
 */
import { safeSheetName, SheetSpec } from "../../scoring/report/sheet-spec";
import { CreatedSheet } from "../actions";
import { UiLang } from "../i18n";
import { skipText, workbookProtected } from "./messages";
import { ApiSupport } from "./support";
import { queueSheetList, syncFinding } from "./workbook";
import { writeSheet } from "./write";

export async function createUserSheet(context: Excel.RequestContext, spec: SheetSpec, lang: UiLang, supports: ApiSupport): Promise<CreatedSheet> {
  const list = queueSheetList(context);
  context.workbook.protection.load("protected");
  await context.sync();
  if (context.workbook.protection.protected) throw workbookProtected();
  const name = safeSheetName(spec.name, list().map((s) => s.name));
  const sheet = context.workbook.worksheets.add(name);
  const result = writeSheet(sheet, { ...spec, name }, supports);
  sheet.activate();
  sheet.getRange("A1").select();
  await context.sync();
  return { sheet: name, skipped: result.skipped.map((s) => skipText(s, lang)) };
}

/** Activates the sheet and selects the cell, in one round trip. */
export async function selectCell(context: Excel.RequestContext, sheetName: string, cell: string): Promise<void> {
  const sheet = context.workbook.worksheets.getItem(sheetName);
  sheet.activate();
  sheet.getRange(cell).select();
  await syncFinding(context, sheetName);
}
