/** The workbook as a whole: its sheets, and every user sheet read into Grids (for the summary and the catalogue). */
import { Grid } from "../../scoring/grid";
import { FLAGS_SHEET } from "./backup";
import { OWNED_SHEET, OwnedEntry, parseRegistry, queueHiddenRead, Registry, withBookkeeping } from "./hidden";
import { sheetGone, workbookProtected } from "./messages";
import { isPayloadError } from "./payload";
import { AreaRequest, cellsOf, LoadedBlock, measuredBytesPerCell, MIN_WINDOW_ROWS, queueWindow, readAreas, Rect, SheetRead, topWindow, WindowRead, windowRows } from "./read";
import { officeErrorCode } from "./run";
import { API, ApiSupport } from "./support";

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
  registry: Registry;
  /** The registry's generated sheets that still exist. */
  owned: OwnedEntry[];
}

/** Where a sheet's used range was at the last read of the workbook, and what its cells measured. */
export interface SheetSize {
  rect: Rect;
  bytesPerCell: number;
}

/** The sizes of the last whole-workbook read (kept by the actions between runs). */
export type SizeHints = Map<string, SheetSize>;

export interface WorkbookReadOptions {
  supports: ApiSupport;
  hints?: SizeHints;
  /** Refuse, right after the first sync, when the workbook's structure is protected. */
  refuseProtected?: boolean;
}

interface FirstLook {
  sheets: SheetInfo[];
  active: Excel.Worksheet;
  activeName: string;
  look: WindowRead;
  merges: boolean;
  registry: { exists: boolean; rows: unknown[][] | null };
  structureProtected: boolean;
  workbookName: string;
}

/**
 * Sync 1: the sheets, the file name, protection, the registry, and the top of the active sheet (its used range
 * within A:Z and as many rows as the budget allows at the first guess of bytes per cell). Tried again with fewer
 * rows when Excel finds the response too large, and (once the sheets are known) without merged areas when Excel
 * cannot give them.
 */
async function firstLook(context: Excel.RequestContext, supports: ApiSupport, present: Set<string> | null): Promise<FirstLook> {
  let rows = windowRows(1);
  let merges = supports(API.merges);
  for (;;) {
    const list = queueSheetList(context);
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    context.workbook.load("name");
    context.workbook.protection.load("protected");
    const registry = queueHiddenRead(context, OWNED_SHEET, present);
    const look = queueWindow(active, topWindow(rows), merges);
    try {
      await context.sync();
    } catch (e) {
      // GeneralException: more than 512 merged areas, or (on the web) too large; the merged areas go first.
      if (merges && present && officeErrorCode(e) === "GeneralException") merges = false;
      else if (isPayloadError(e) && rows > 1) rows = Math.max(1, rows >> 1);
      // Not knowing the sheets yet, the bookkeeping reads may be the cause: withBookkeeping learns them first.
      else if (merges && !isPayloadError(e) && present) merges = false;
      else throw e;
      continue;
    }
    return {
      sheets: list(),
      active,
      activeName: active.name,
      look,
      merges,
      registry: registry(),
      structureProtected: context.workbook.protection.protected,
      workbookName: context.workbook.name ?? "",
    };
  }
}

/** A sheet's request for readAreas after a first look: the rows left below what the look read. */
function restOf(sheet: Excel.Worksheet, name: string, look: WindowRead, merges: boolean): AreaRequest {
  const { block, rest } = look.read();
  const blocks: LoadedBlock[] = block ? [block] : [];
  return {
    sheet,
    name,
    rect: rest,
    blocks,
    bytesPerCell: block && cellsOf(block.rect) > 0 ? measuredBytesPerCell(block) : undefined,
    merges: look.merges ? look.merges() : merges ? undefined : null,
    used: look.used(),
  };
}

/**
 * Reads the whole workbook. Sync 1 (firstLook): the sheets, the registry, the top of the active sheet. Sync 2: the
 * rest of the active sheet within the budget, and with what the budget leaves, a look at every other sheet where
 * it was last time (`hints`) or at its top. Only sheets larger than what was guessed are read afterwards, in
 * blocks (read.ts). The hints are updated.
 */
export async function readWorkbook(context: Excel.RequestContext, options: WorkbookReadOptions): Promise<WorkbookRead> {
  const hints = options.hints ?? new Map<string, SheetSize>();
  const first = await withBookkeeping(context, (present) => firstLook(context, options.supports, present));
  if (options.refuseProtected && first.structureProtected) throw workbookProtected();

  const sheets = first.sheets;
  const names = new Set(sheets.map((s) => s.name));
  const readable = sheets.filter((s) => s.visibility !== "VeryHidden" && !isBookkeeping(s.name));
  const activeReadable = readable.some((s) => s.name === first.activeName);
  const others = readable.filter((s) => s.name !== first.activeName);
  const merges = first.merges;

  // Sync 2: the rest of the active sheet, and a look at the others with the budget left.
  const looks: { name: string; sheet: Excel.Worksheet; look: WindowRead }[] = [];
  const alongside = (left: number) => {
    looks.length = 0;
    let budget = left;
    const guessed = new Map<string, Rect>();
    for (const s of others) {
      const hint = hints.get(s.name);
      if (!hint) continue;
      const rowBytes = hint.rect.cols * hint.bytesPerCell;
      // The whole sheet where it was, or as many of its rows as the budget holds.
      const rows = Math.min(hint.rect.rows, Math.floor(budget / rowBytes));
      if (rows >= Math.min(hint.rect.rows, MIN_WINDOW_ROWS)) {
        guessed.set(s.name, { ...hint.rect, rows });
        budget -= rows * rowBytes;
      }
    }
    const top = topWindow(windowRows(others.length - guessed.size, budget));
    for (const s of others) {
      const sheet = context.workbook.worksheets.getItem(s.name);
      looks.push({ name: s.name, sheet, look: queueWindow(sheet, guessed.get(s.name) ?? top, merges) });
    }
  };
  const activeRequest = activeReadable ? [restOf(first.active, first.activeName, first.look, merges)] : [];
  const reads = new Map<string, SheetRead>();
  const [activeRead] = await readAreas(context, activeRequest, { merges, alongside: others.length > 0 ? alongside : undefined });
  if (activeRead) reads.set(first.activeName, activeRead);

  // Then whatever the looks did not cover.
  const rest = looks.map((l) => restOf(l.sheet, l.name, l.look, merges));
  (await readAreas(context, rest, { merges })).forEach((read, i) => reads.set(rest[i].name, read));

  hints.clear();
  for (const [name, read] of reads) if (read.used) hints.set(name, { rect: read.used, bytesPerCell: read.bytesPerCell });
  const registry = parseRegistry(first.registry.rows);
  return {
    sheets,
    active: first.activeName,
    workbookName: first.workbookName,
    structureProtected: first.structureProtected,
    grids: readable.map((s) => reads.get(s.name)?.grid ?? { name: s.name, values: [] }),
    registryExists: first.registry.exists,
    registry,
    owned: registry.owned.filter((e) => names.has(e.name) && !isBookkeeping(e.name)),
  };
}
