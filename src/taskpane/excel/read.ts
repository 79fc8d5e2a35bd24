/**
 * Reading worksheets into the core's Grids with as few round trips to Excel as possible.
 *
 * Excel on the web refuses a request or a response larger than 5 MB. A cell loaded with both `values` and
 * `formulas` costs about 2 × 10–15 bytes of JSON when short (codes, numbers, empty cells) and 2 × 100+ bytes when
 * it holds a criterion's name or evidence; a self-assessment row of 8–12 columns comes to 300–700 bytes, i.e.
 * about 25 bytes per cell on average. SYNC_CELL_BUDGET (150,000 cells ≈ 4 MB) keeps one sync's response under
 * the limit with some headroom. Bigger areas are read in blocks of whole rows, at most MAX_ROWS_PER_BLOCK rows
 * and MAX_CELLS_PER_BLOCK cells each; the blocks are queued together and synced once while their total stays
 * within the budget, otherwise one sync per group. Each sync is awaited in sequence, never in a loop over cells.
 */
import { Grid } from "../../scoring/grid";
import { CellValue } from "../../scoring/values";

export const MAX_ROWS_PER_BLOCK = 20_000;
export const MAX_CELLS_PER_BLOCK = 150_000;
export const SYNC_CELL_BUDGET = 150_000;
/** Columns of the first look at every sheet of a workbook (A:Z): wider self-assessment tables are rare. */
export const WINDOW_COLUMNS = 26;

/** A rectangle of cells, 0-based. */
export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export const cellsOf = (r: Rect) => r.rows * r.cols;

/** The blocks covering `rect`: whole rows of it, at most MAX_ROWS_PER_BLOCK rows and MAX_CELLS_PER_BLOCK cells each. */
export function planBlocks(rect: Rect): Rect[] {
  const perBlock = Math.max(1, Math.min(MAX_ROWS_PER_BLOCK, Math.floor(MAX_CELLS_PER_BLOCK / Math.max(1, rect.cols))));
  const blocks: Rect[] = [];
  for (let row = rect.row; row < rect.row + rect.rows; row += perBlock) {
    blocks.push({ row, col: rect.col, rows: Math.min(perBlock, rect.row + rect.rows - row), cols: rect.cols });
  }
  return blocks;
}

/** Consecutive items grouped so that each group's cells stay within `budget` (an item bigger than it goes alone). */
export function groupWithin<T>(items: T[], cells: (item: T) => number, budget = SYNC_CELL_BUDGET): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let total = 0;
  for (const item of items) {
    const n = cells(item);
    if (current.length > 0 && total + n > budget) {
      groups.push(current);
      current = [];
      total = 0;
    }
    current.push(item);
    total += n;
  }
  if (current.length > 0) groups.push(current);
  return groups;
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
}

/**
 * A Grid from A1 out of blocks read anywhere in the sheet: rows above the first block are empty, columns left of
 * it null. A formula is kept where `formulas` holds "=…" that differs from the value (a text cell typed as
 * '=abc gives "=abc" as both, and is text).
 */
export function gridFromBlocks(name: string, blocks: LoadedBlock[]): Grid {
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | null = null;
  for (const { rect, values: vs, formulas: fs } of blocks) {
    for (let i = 0; i < rect.rows; i++) {
      const r = rect.row + i;
      while (values.length <= r) values.push([]);
      const line = values[r];
      while (line.length < rect.col) line.push(null);
      for (let j = 0; j < rect.cols; j++) {
        const raw = vs[i]?.[j];
        line[rect.col + j] = cellValue(raw);
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
  return formulas ? { name, values, formulas } : { name, values };
}

/** Queues the load of a sheet's used range (cells with values or formulas); call the result after the sync. */
export function queueUsedRect(sheet: Excel.Worksheet): () => Rect | null {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  return () => (used.isNullObject ? null : { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount });
}

export interface AreaRequest {
  sheet: Excel.Worksheet;
  name: string;
  /** The area to read (the used range); null for an empty sheet. */
  rect: Rect | null;
}

/** The blocks of one read, for tests and diagnostics: sheet, block and the sync it went in (0-based). */
export interface BlockRead {
  sheet: string;
  rect: Rect;
  sync: number;
}

/**
 * Reads each request's area in blocks, values and formulas, and returns one Grid per request (from A1). All blocks
 * of all requests are queued and synced together while within SYNC_CELL_BUDGET; beyond, one sync per group.
 */
export async function readAreas(context: Excel.RequestContext, requests: AreaRequest[], log?: BlockRead[]): Promise<Grid[]> {
  const jobs = requests.flatMap((req, index) => (req.rect ? planBlocks(req.rect).map((rect) => ({ req, index, rect })) : []));
  const loaded: LoadedBlock[][] = requests.map(() => []);
  const groups = groupWithin(jobs, (j) => cellsOf(j.rect));
  for (const [g, group] of groups.entries()) {
    const ranges = group.map((job) => {
      const range = job.req.sheet.getRangeByIndexes(job.rect.row, job.rect.col, job.rect.rows, job.rect.cols);
      range.load("values,formulas");
      log?.push({ sheet: job.req.name, rect: job.rect, sync: g });
      return range;
    });
    await context.sync();
    group.forEach((job, i) => loaded[job.index].push({ rect: job.rect, values: ranges[i].values, formulas: ranges[i].formulas }));
  }
  return requests.map((req, i) => gridFromBlocks(req.name, loaded[i]));
}

export interface WindowRead {
  /** The used range; null when the sheet is empty. */
  used: () => Rect | null;
  /** The used range loaded, when it lies within the window; null when it does not (read it in blocks then). */
  block: () => LoadedBlock | null;
}

/** The window A1 : (WINDOW_COLUMNS × rows). */
export const topWindow = (rows: number): Rect => ({ row: 0, col: 0, rows, cols: WINDOW_COLUMNS });

const within = (inner: Rect, outer: Rect) =>
  inner.row >= outer.row && inner.col >= outer.col && inner.row + inner.rows <= outer.row + outer.rows && inner.col + inner.cols <= outer.col + outer.cols;

/**
 * Queues a look at a sheet whose size is not known yet: its used range, and the used cells within `window` (the
 * top of the sheet, or where the used range was last time). When the used range lies in the window, the sheet is
 * read in this one sync.
 */
export function queueWindow(sheet: Excel.Worksheet, window: Rect): WindowRead {
  const used = sheet.getUsedRange(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const part = used.getIntersectionOrNullObject(sheet.getRangeByIndexes(window.row, window.col, window.rows, window.cols));
  part.load("values,formulas");
  const usedRect = (): Rect | null => {
    const rect = { row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
    // A blank sheet's used range is A1 alone, and empty.
    const single = rect.row === 0 && rect.col === 0 && rect.rows === 1 && rect.cols === 1;
    return single && within(rect, window) && !part.isNullObject && cellValue(part.values[0]?.[0]) === null ? null : rect;
  };
  return {
    used: usedRect,
    block: () => {
      const rect = usedRect();
      if (!rect) return { rect: { row: 0, col: 0, rows: 0, cols: 0 }, values: [], formulas: [] };
      if (part.isNullObject || !within(rect, window)) return null;
      return { rect, values: part.values, formulas: part.formulas };
    },
  };
}

/** The least rows of a window, even when the budget is spent (a slight overshoot beats a round trip per sheet). */
export const MIN_WINDOW_ROWS = 100;

/** Rows of the windows of `sheets` sheets sharing `budget` cells in one sync. */
export function windowRows(sheets: number, budget = SYNC_CELL_BUDGET): number {
  const rows = Math.floor(Math.max(0, budget) / (WINDOW_COLUMNS * Math.max(1, sheets)));
  return Math.max(MIN_WINDOW_ROWS, Math.min(MAX_ROWS_PER_BLOCK, rows));
}
