/** The workbook as a whole: its sheets, and every user sheet read into Grids (for the summary and the catalogue). */
import { Grid } from "../../scoring/grid";
import { FLAGS_SHEET } from "./backup";
import { OWNED_SHEET, OwnedEntry, parseOwned, queueHiddenRead } from "./hidden";
import { gridFromBlocks, queueWindow, readAreas, Rect, windowRows } from "./read";
import { officeErrorCode } from "./run";
import { sheetGone } from "./messages";

export interface SheetInfo {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
}

/** Queues the load of the sheets' names and visibility; call the result after the sync. */
export function queueSheetList(context: Excel.RequestContext): () => SheetInfo[] {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  return () => sheets.items.map((s) => ({ name: s.name, visibility: s.visibility as SheetInfo["visibility"] }));
}

/** Whether a sheet is one of the add-in's very hidden bookkeeping sheets. */
export const isBookkeeping = (name: string) => name === OWNED_SHEET || name === FLAGS_SHEET;

/** context.sync(), with "the sheet is gone" (ItemNotFound) told to the user as such. */
export async function syncFinding(context: Excel.RequestContext, sheet: string): Promise<void> {
  try {
    await context.sync();
  } catch (e) {
    if (officeErrorCode(e) === "ItemNotFound") throw sheetGone(sheet);
    throw e;
  }
}

export interface WorkbookRead {
  sheets: SheetInfo[];
  active: string;
  /** The workbook's file name ("So Tu phap.xlsx"), or "" when Excel does not say. */
  workbookName: string;
  structureProtected: boolean;
  /** Every visible or hidden sheet but the bookkeeping ones, in tab order, from A1. */
  grids: Grid[];
  registryExists: boolean;
  /** The registry's entries whose sheet still exists. */
  owned: OwnedEntry[];
}

/**
 * Reads the whole workbook: sync 1 the sheets, the active one and the file name; sync 2 the registry and every
 * sheet's used range with a first window of cells (most sheets are read whole by it); then, only for sheets
 * larger than the window, their used range in blocks (read.ts).
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookRead> {
  const list = queueSheetList(context);
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  context.workbook.load("name");
  context.workbook.protection.load("protected");
  await context.sync();

  const sheets = list();
  const names = new Set(sheets.map((s) => s.name));
  const readable = sheets.filter((s) => s.visibility !== "VeryHidden" && !isBookkeeping(s.name));
  const registryExists = names.has(OWNED_SHEET);
  const registry = registryExists ? queueHiddenRead(context, OWNED_SHEET) : null;
  const rows = windowRows(readable.length);
  const windows = readable.map((s) => {
    const sheet = context.workbook.worksheets.getItem(s.name);
    return { name: s.name, sheet, read: queueWindow(sheet, rows) };
  });
  if (registry || windows.length > 0) await context.sync();

  const grids: (Grid | null)[] = windows.map((w) => {
    const block = w.read.block();
    return block ? gridFromBlocks(w.name, block.rect.rows > 0 ? [block] : []) : null;
  });
  const rest = windows.filter((_, i) => grids[i] === null).map((w) => ({ sheet: w.sheet, name: w.name, rect: w.read.used() as Rect }));
  if (rest.length > 0) {
    const read = await readAreas(context, rest);
    read.forEach((grid) => (grids[windows.findIndex((w) => w.name === grid.name)] = grid));
  }
  let workbookName = "";
  try {
    workbookName = context.workbook.name ?? "";
  } catch {
    workbookName = "";
  }
  return {
    sheets,
    active: active.name,
    workbookName,
    structureProtected: context.workbook.protection.protected,
    grids: grids as Grid[],
    registryExists,
    owned: registry ? parseOwned(registry()).filter((e) => names.has(e.name) && !isBookkeeping(e.name)) : [],
  };
}
