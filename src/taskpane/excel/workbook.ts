/** The workbook as a whole: its sheets, and every user sheet read into Grids (for the summary and the catalogue). */
import { Grid } from "../../scoring/grid";
import { FLAGS_SHEET } from "./backup";
import { OWNED_SHEET, OwnedEntry, parseOwned, queueHiddenRead } from "./hidden";
import { AreaRequest, cellsOf, gridFromBlocks, planBlocks, queueUsedRect, queueWindow, readAreas, Rect, SYNC_CELL_BUDGET, topWindow, windowRows } from "./read";
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

/** Where each sheet's used range was at the last read of the workbook (kept by the actions between runs). */
export type SizeHints = Map<string, Rect>;

/**
 * Reads the whole workbook. Sync 1: the sheets, the file name, and the active sheet with the size of its used
 * range. Sync 2: the registry, the active sheet whole (in blocks, when within the budget), and for every other
 * sheet its used range and the cells where it was last time (`hints`) or else a first window at the top, sharing
 * the rest of the budget (read.ts). Most sheets are read whole by then; only those larger than what was guessed
 * are read afterwards, in blocks. The hints are updated.
 */
export async function readWorkbook(context: Excel.RequestContext, hints: SizeHints = new Map()): Promise<WorkbookRead> {
  const list = queueSheetList(context);
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  const activeUsed = queueUsedRect(active);
  context.workbook.load("name");
  context.workbook.protection.load("protected");
  await context.sync();

  const sheets = list();
  const names = new Set(sheets.map((s) => s.name));
  const readable = sheets.filter((s) => s.visibility !== "VeryHidden" && !isBookkeeping(s.name));
  const registryExists = names.has(OWNED_SHEET);
  const registry = registryExists ? queueHiddenRead(context, OWNED_SHEET) : null;

  const activeRect = activeUsed();
  const activeReadable = readable.some((s) => s.name === active.name);
  const activeNow = activeReadable && (!activeRect || cellsOf(activeRect) <= SYNC_CELL_BUDGET);
  const activeBlocks = activeNow && activeRect ? planBlocks(activeRect).map((rect) => ({ rect, range: loadBlock(active, rect) })) : [];
  let budget = SYNC_CELL_BUDGET - (activeNow && activeRect ? cellsOf(activeRect) : 0);
  const others = readable.filter((s) => s.name !== active.name);
  const guessed = new Map<string, Rect>();
  for (const s of others) {
    const hint = hints.get(s.name);
    if (hint && cellsOf(hint) <= budget) {
      guessed.set(s.name, hint);
      budget -= cellsOf(hint);
    }
  }
  const top = topWindow(windowRows(others.length - guessed.size, budget));
  const windows = others.map((s) => {
    const sheet = context.workbook.worksheets.getItem(s.name);
    return { name: s.name, sheet, read: queueWindow(sheet, guessed.get(s.name) ?? top) };
  });
  await context.sync();

  const grids = new Map<string, Grid>();
  hints.clear();
  if (activeRect) hints.set(active.name, activeRect);
  if (activeNow) {
    grids.set(active.name, gridFromBlocks(active.name, activeBlocks.map((b) => ({ rect: b.rect, values: b.range.values, formulas: b.range.formulas }))));
  }
  const rest: AreaRequest[] = [];
  if (activeReadable && !activeNow) rest.push({ sheet: active, name: active.name, rect: activeRect });
  for (const w of windows) {
    const used = w.read.used();
    if (used) hints.set(w.name, used);
    const block = w.read.block();
    if (block) grids.set(w.name, gridFromBlocks(w.name, block.rect.rows > 0 ? [block] : []));
    else rest.push({ sheet: w.sheet, name: w.name, rect: used });
  }
  if (rest.length > 0) (await readAreas(context, rest)).forEach((grid) => grids.set(grid.name, grid));
  return {
    sheets,
    active: active.name,
    workbookName: context.workbook.name ?? "",
    structureProtected: context.workbook.protection.protected,
    grids: readable.map((s) => grids.get(s.name)!),
    registryExists,
    owned: registry ? parseOwned(registry()).filter((e) => names.has(e.name) && !isBookkeeping(e.name)) : [],
  };
}

function loadBlock(sheet: Excel.Worksheet, rect: Rect): Excel.Range {
  return sheet.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols).load("values,formulas");
}
