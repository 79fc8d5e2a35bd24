/**
 * Reading worksheets into the core's Grids in few round trips, each response within Excel on the web's 5 MB.
 *
 * A sheet is read in blocks of whole rows of its used range, values and formulas in one load. A block has as many
 * rows as the byte budget allows (payload.ts) at the sheet's estimated bytes per cell: BYTES_PER_CELL until some
 * of the sheet has been read, then what its cells measured as JSON; at most MAX_ROWS_PER_BLOCK rows. Blocks of
 * several sheets share a sync while the budget lasts; each sync is awaited in turn, never one per cell. A sync
 * Excel refuses for its size is planned again with half the rows. Merged areas (ExcelApi 1.13) are asked for in
 * the sync of a sheet's first block; a sheet whose merged areas Excel cannot give (more than 512) is read without.
 */
import { workbookDateSystem } from "../../functions/date-system";
import { DateSystem, isDateFormat, serialIn1900 } from "../../scoring/dates";
import { CellRect, Grid } from "../../scoring/grid";
import { CellValue } from "../../scoring/values";
import { officeErrorCode } from "./run";
import { BYTES_PER_CELL, isPayloadError, jsonBytes, MIN_BYTES_PER_CELL, SYNC_BYTE_BUDGET } from "./payload";

export const MAX_ROWS_PER_BLOCK = 20_000;
/** Columns of a first look at a sheet whose size is not known yet (A:Z): wider self-assessment tables are rare. */
export const WINDOW_COLUMNS = 26;
/** The least rows of a first look, even when the budget is spent (a slight overshoot beats a round trip). */
export const MIN_WINDOW_ROWS = 100;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const cellsOf = (r: Rect) => r.rows * r.cols;

/** Rows of `cols` columns that `bytes` can carry at `bytesPerCell`, within 1…MAX_ROWS_PER_BLOCK. */
export function rowsWithin(bytes: number, cols: number, bytesPerCell: number): number {
  return Math.max(1, Math.min(MAX_ROWS_PER_BLOCK, Math.floor(bytes / (Math.max(1, cols) * bytesPerCell))));
}

/** The blocks covering `rect` when each goes in a sync of its own: whole rows, within the budget. */
export function planBlocks(rect: Rect, bytesPerCell = BYTES_PER_CELL, budget = SYNC_BYTE_BUDGET): Rect[] {
  const perBlock = rowsWithin(budget, rect.cols, bytesPerCell);
  const blocks: Rect[] = [];
  for (let row = rect.row; row < rect.row + rect.rows; row += perBlock) {
    blocks.push({ row, col: rect.col, rows: Math.min(perBlock, rect.row + rect.rows - row), cols: rect.cols });
  }
  return blocks;
}

/** A cell as Office.js returns it, as the core sees it: empty text is an empty cell. */
export function cellValue(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

export interface LoadedBlock {
  rect: Rect;
  values: unknown[][];
  formulas: unknown[][];
  /** Loaded in a 1904-system workbook only, to tell its dates (1904 serials) from other numbers. */
  numberFormats?: unknown[][];
}

/** What a block loads: number formats too where dates need converting (a 1904-system workbook). */
export const blockProperties = (dates: DateSystem) => (dates === 1904 ? "values,formulas,numberFormat" : "values,formulas");

/** Bytes per cell a loaded block measured as JSON (values and formulas). */
export function measuredBytesPerCell(block: LoadedBlock): number {
  const cells = cellsOf(block.rect);
  const bytes = jsonBytes(block.values) + jsonBytes(block.formulas) + (block.numberFormats ? jsonBytes(block.numberFormats) : 0);
  return cells > 0 ? Math.max(MIN_BYTES_PER_CELL, bytes / cells) : BYTES_PER_CELL;
}

/**
 * A Grid from A1 out of blocks read anywhere in the sheet: rows above the first block are empty, columns left of
 * it null. A formula is kept where `formulas` holds "=…" that differs from the value (a text cell typed as
 * '=abc gives "=abc" as both, and is text). `merges`: the sheet's merged areas when known. In a 1904-system
 * workbook a number shown as a date is converted to the 1900 serial the core compares.
 */
export function gridFromBlocks(name: string, blocks: LoadedBlock[], merges?: CellRect[], dates: DateSystem = 1900): Grid {
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | null = null;
  for (const { rect, values: vs, formulas: fs, numberFormats: nf } of blocks) {
    for (let i = 0; i < rect.rows; i++) {
      const r = rect.row + i;
      while (values.length <= r) values.push([]);
      const line = values[r];
      while (line.length < rect.col) line.push(null);
      for (let j = 0; j < rect.cols; j++) {
        const raw = vs[i]?.[j];
        const value = cellValue(raw);
        line[rect.col + j] = typeof value === "number" && nf && isDateFormat(nf[i]?.[j]) ? serialIn1900(value, dates) : value;
        const f = fs[i]?.[j];
        if (typeof f === "string" && f.startsWith("=") && f.length > 1 && f !== raw) {
          formulas ??= [];
          while (formulas.length <= r) formulas.push([]);
          const fl = formulas[r];
          while (fl.length < rect.col + j) fl.push(null);
          fl[rect.col + j] = f;
        }
      }
    }
  }
  const grid: Grid = formulas ? { name, values, formulas } : { name, values };
  if (merges) grid.merges = merges;
  return grid;
}

/** Queues the load of a sheet's used range (cells with values or formulas); call the result after the sync. */
export function queueUsedRect(sheet: Excel.Worksheet): () => Rect | null {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  return () => (used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount });
}

/**
 * Queues the merged areas touching `range` (Range.getMergedAreasOrNullObject, ExcelApi 1.13); call the result
 * after the sync: the areas as 0-based inclusive rectangles, [] when there are none.
 */
export function queueMerges(range: Excel.Range): () => CellRect[] {
  const merged = range.getMergedAreasOrNullObject();
  merged.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
  return () =>
    merged.isNullObject
      ? []
      : merged.areas.items.map((r) => ({ top: r.rowIndex, left: r.columnIndex, bottom: r.rowIndex + r.rowCount - 1, right: r.columnIndex + r.columnCount - 1 }));
}

export interface AreaRequest {
  sheet: Excel.Worksheet;
  name: string;
  /** What is still to be read (whole rows of the used range); null when nothing is. */
  rect: Rect | null;
  /** Blocks of the sheet read already (a first look). */
  blocks?: LoadedBlock[];
  /** The sheet's bytes per cell, when measured. */
  bytesPerCell?: number;
  /** The merged areas: known (an array), unknown and not to be asked (null), or to be asked (undefined). */
  merges?: CellRect[] | null;
  /** The used range, to ask the merged areas of (default: `rect`). */
  used?: Rect | null;
}

/** The blocks of one read, for tests and diagnostics: sheet, block and the sync it went in (0-based). */
export interface BlockRead {
  sheet: string;
  rect: Rect;
  sync: number;
}

export interface ReadOptions {
  /** Whether to ask for merged areas (ExcelApi 1.13 and the library has it). */
  merges: boolean;
  log?: BlockRead[];
  budget?: number;
  /** The workbook's date system (default: the one the pane's start found). */
  dates?: DateSystem;
  /**
   * More loads for the first sync, given the bytes the blocks leave of the budget (less on a retry); the first
   * sync is made even when no block needs it.
   */
  alongside?: (left: number) => void;
}

export interface SheetRead {
  grid: Grid;
  /** The used range read, and what its cells measured: the next read of the sheet can plan from them. */
  used: Rect | null;
  bytesPerCell: number;
}

interface Job {
  req: AreaRequest;
  next: number;
  end: number;
  bytesPerCell: number;
  measured: { bytes: number; cells: number };
  blocks: LoadedBlock[];
  merges: CellRect[] | null | undefined;
  used: Rect | null;
}

/**
 * Reads what each request still needs, in blocks, and returns one Grid per request (from A1), with the merged
 * areas when asked and given. Each sync carries as many blocks as the budget allows.
 */
export async function readAreas(context: Excel.RequestContext, requests: AreaRequest[], options: ReadOptions): Promise<SheetRead[]> {
  const budget = options.budget ?? SYNC_BYTE_BUDGET;
  const dates = options.dates ?? workbookDateSystem();
  const jobs: Job[] = requests.map((req) => ({
    req,
    next: req.rect?.row ?? 0,
    end: req.rect ? req.rect.row + req.rect.rows : 0,
    bytesPerCell: req.bytesPerCell ?? BYTES_PER_CELL,
    measured: { bytes: 0, cells: 0 },
    blocks: [...(req.blocks ?? [])],
    merges: options.merges ? req.merges : (req.merges ?? null),
    used: req.used !== undefined ? req.used : req.rect,
  }));
  let sync = 0;
  let attempts = 0;
  for (;;) {
    const planned: { job: Job; rect: Rect }[] = [];
    let left = budget;
    for (const job of jobs) {
      const cols = job.req.rect?.cols ?? 0;
      for (let from = job.next; from < job.end; ) {
        if (planned.length > 0 && left < cols * job.bytesPerCell) break;
        const rows = Math.min(job.end - from, rowsWithin(left, cols, job.bytesPerCell));
        planned.push({ job, rect: { row: from, col: job.req.rect!.col, rows, cols } });
        left -= rows * cols * job.bytesPerCell;
        from += rows;
      }
    }
    const asking = jobs.filter((j) => j.merges === undefined && (planned.some((p) => p.job === j) || !j.req.rect) && j.used);
    const along = sync === 0 ? options.alongside : undefined;
    if (planned.length === 0 && asking.length === 0 && !along) break;
    along?.(Math.max(0, left) / 2 ** attempts);

    const ranges = planned.map(({ job, rect }) => job.req.sheet.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols).load(blockProperties(dates)));
    const merges = asking.map((job) => {
      const u = job.used!;
      return queueMerges(job.req.sheet.getRangeByIndexes(u.row, u.col, u.rows, u.cols));
    });
    try {
      await context.sync();
    } catch (e) {
      attempts++;
      // GeneralException is what Excel says both for more than 512 merged areas and (on the web) for an oversized
      // request: while merged areas are asked, they go first; the next refusal halves the blocks.
      if (asking.length > 0 && officeErrorCode(e) === "GeneralException") {
        for (const job of asking) job.merges = null;
        continue;
      }
      if (isPayloadError(e) && (planned.some((p) => p.rect.rows > 1) || (along && attempts < 8))) {
        for (const { job } of planned) job.bytesPerCell *= 2;
        continue;
      }
      if (asking.length > 0 && !isPayloadError(e)) {
        // Excel could not give the merged areas (more than 512 in a sheet): read on without them.
        for (const job of asking) job.merges = null;
        continue;
      }
      throw e;
    }
    planned.forEach(({ job, rect }, i) => {
      const range = ranges[i];
      const block: LoadedBlock = { rect, values: range.values, formulas: range.formulas };
      if (dates === 1904) block.numberFormats = range.numberFormat;
      job.blocks.push(block);
      job.measured.bytes += measuredBytesPerCell(block) * cellsOf(rect);
      job.measured.cells += cellsOf(rect);
      job.bytesPerCell = Math.max(MIN_BYTES_PER_CELL, job.measured.bytes / job.measured.cells);
      job.next += rect.rows;
      options.log?.push({ sheet: job.req.name, rect, sync });
    });
    asking.forEach((job, i) => (job.merges = merges[i]()));
    sync++;
  }
  return jobs.map((job) => ({
    grid: gridFromBlocks(job.req.name, job.blocks, job.merges ?? undefined, dates),
    used: job.used,
    bytesPerCell: job.measured.cells > 0 ? job.bytesPerCell : (job.req.bytesPerCell ?? BYTES_PER_CELL),
  }));
}

export interface WindowRead {
  /** The used range; null when the sheet is empty. */
  used: () => Rect | null;
  /**
   * What the look read: the top rows of the used range (all of it when it lies in the window) and what is left
   * below them; when the used range does not start inside the window's columns, nothing read and all of it left.
   */
  read: () => { block: LoadedBlock | null; rest: Rect | null };
  /** The merged areas of the used range, when asked: known, or unknown when Excel could not say. */
  merges: (() => CellRect[]) | null;
}

/** The window A1 : (WINDOW_COLUMNS × rows). */
export const topWindow = (rows: number): Rect => ({ row: 0, col: 0, rows, cols: WINDOW_COLUMNS });

const within = (inner: Rect, outer: Rect) =>
  inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;

/**
 * Queues a look at a sheet whose size is not known yet: its used range, and the used cells within `window` (the
 * top of the sheet, or where the used range was last time), and with `merges` its merged areas.
 */
export function queueWindow(sheet: Excel.Worksheet, window: Rect, merges: boolean, dates: DateSystem = workbookDateSystem()): WindowRead {
  const used = sheet.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const part = used.getIntersectionOrNullObject(sheet.getRangeByIndexes(window.row, window.col, window.rows, window.cols));
  part.load(blockProperties(dates));
  const usedRect = (): Rect | null => {
    const rect = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
    // A blank sheet's used range is A1 alone, and empty.
    const single = rect.row === 0 && rect.col === 0 && rect.rows === 1 && rect.cols === 1;
    return single && within(rect, window) && !part.isNullObject && cellValue(part.values[0]?.[0]) === null ? null : rect;
  };
  return {
    used: usedRect,
    read: () => {
      const rect = usedRect();
      if (!rect) return { block: null, rest: null };
      const columnsIn = rect.col >= window.col && rect.col + rect.cols <= window.col + window.cols;
      const startsIn = rect.row >= window.row && rect.row < window.row + window.rows;
      if (part.isNullObject || !columnsIn || !startsIn) return { block: null, rest: rect };
      const rows = Math.min(rect.rows, window.row + window.rows - rect.row);
      const block: LoadedBlock = { rect: { row: rect.row, col: rect.col, rows, cols: rect.cols }, values: part.values, formulas: part.formulas };
      if (dates === 1904) block.numberFormats = part.numberFormat;
      const rest = rows < rect.rows ? { row: rect.row + rows, col: rect.col, rows: rect.rows - rows, cols: rect.cols } : null;
      return { block, rest };
    },
    merges: merges ? queueMerges(used) : null,
  };
}

/** Rows of the windows of `sheets` sheets sharing `budget` bytes in one sync. */
export function windowRows(sheets: number, budget = SYNC_BYTE_BUDGET, bytesPerCell = BYTES_PER_CELL): number {
  const rows = Math.floor(Math.max(0, budget) / (WINDOW_COLUMNS * bytesPerCell * Math.max(1, sheets)));
  return Math.max(MIN_WINDOW_ROWS, Math.min(MAX_ROWS_PER_BLOCK, rows));
}
