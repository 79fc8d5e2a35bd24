/**
 * Fills of many cells, read and set in few actions: with ExcelApi 1.9 a column's run of cells is read at once
 * (Range.getCellProperties) and cells of one colour are set together (Worksheet.getRanges); below it, cell by cell.
 */
import { a1, parseA1 } from "../../scoring/grid";
import { ACTION_BYTES, utf8Bytes } from "./payload";
import { Step } from "./steps";

/** A cell's fill as it was: none, or a colour ("#RRGGBB"). */
export interface FillState {
  hadFill: boolean;
  color: string | null;
}

/** Cells closer than this many rows in a column are read as one run (the cells between are cheap to read). */
const RUN_GAP = 8;
/** Cells per step when going cell by cell. */
const PER_STEP = 500;
/** Characters of addresses in one Worksheet.getRanges call. */
const ADDRESS_CHARS = 1_000;
/** A cell's fill in a getCellProperties response: {"format":{"fill":{"color":"#FFFFFF","pattern":"None"}}}. */
const CELL_PROPERTY_BYTES = 60;

interface Run {
  col: number;
  row: number;
  rows: number;
}

/** Runs of cells down each column, nearby cells joined. */
export function cellRuns(cells: string[]): Run[] {
  const byCol = new Map<number, number[]>();
  for (const cell of cells) {
    const at = parseA1(cell);
    if (!at) continue;
    const rows = byCol.get(at.col);
    if (rows) rows.push(at.row);
    else byCol.set(at.col, [at.row]);
  }
  const runs: Run[] = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    rows.sort((a, b) => a - b);
    let start = rows[0];
    let end = rows[0];
    for (const row of rows.slice(1)) {
      if (row - end <= RUN_GAP) end = row;
      else {
        runs.push({ col, row: start, rows: end - start + 1 });
        start = end = row;
      }
    }
    runs.push({ col, row: start, rows: end - start + 1 });
  }
  return runs;
}

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Reads the fills of `cells` (A1, upper case); `states` holds them after the steps ran. */
export class FillReader {
  readonly states = new Map<string, FillState>();

  constructor(
    private readonly sheet: () => Excel.Worksheet,
    private readonly cells: string[],
    /** ExcelApi 1.9: cell properties and fill patterns. */
    private readonly many: boolean,
  ) {}

  steps(): Step[] {
    return this.many ? cellRuns(this.cells).map((run) => this.runStep(run)) : chunks(this.cells, PER_STEP).map((cells) => this.cellStep(cells));
  }

  private runStep(run: Run): Step {
    let result: OfficeExtension.ClientResult<Excel.CellProperties[][]> | null = null;
    return {
      request: 3 * ACTION_BYTES,
      response: run.rows * CELL_PROPERTY_BYTES,
      queue: () => {
        result = this.sheet().getRangeByIndexes(run.row, run.col, run.rows, 1).getCellProperties({ format: { fill: { color: true, pattern: true } } });
      },
      done: () => {
        result!.value.forEach((line, i) => {
          const fill = line[0]?.format?.fill;
          const none = !fill || fill.pattern === "None";
          this.states.set(a1(run.row + i, run.col), { hadFill: !none, color: none ? null : (fill.color ?? null) });
        });
      },
      split: () => {
        if (run.rows < 2) return null;
        const half = run.rows >> 1;
        return [this.runStep({ ...run, rows: half }), this.runStep({ col: run.col, row: run.row + half, rows: run.rows - half })];
      },
    };
  }

  private cellStep(cells: string[]): Step {
    let fills: Excel.RangeFill[] = [];
    return {
      request: cells.length * 4 * ACTION_BYTES,
      response: cells.length * 30,
      queue: () => {
        const sheet = this.sheet();
        fills = cells.map((cell) => sheet.getRange(cell).format.fill.load("color"));
      },
      done: () => {
        cells.forEach((cell, i) => {
          // Without fill patterns (before ExcelApi 1.9) no fill reads as white.
          const color = fills[i].color ?? null;
          const none = !color || color.toUpperCase() === "#FFFFFF";
          this.states.set(cell, { hadFill: !none, color: none ? null : color });
        });
      },
    };
  }
}

/** Steps setting each cell's fill to its colour, or clearing it (null); cells of one colour go together. */
export function fillSteps(sheet: () => Excel.Worksheet, fills: Map<string, string | null>, many: boolean): Step[] {
  const byColor = new Map<string | null, string[]>();
  for (const [cell, color] of fills) {
    const cells = byColor.get(color);
    if (cells) cells.push(cell);
    else byColor.set(color, [cell]);
  }
  const steps: Step[] = [];
  for (const [color, cells] of byColor) {
    const paint = (range: Excel.Range | Excel.RangeAreas) => {
      if (color) range.format.fill.color = color;
      else range.format.fill.clear();
    };
    if (many) {
      const groups: string[][] = [[]];
      let chars = 0;
      for (const cell of cells) {
        if (chars + cell.length + 1 > ADDRESS_CHARS && groups[groups.length - 1].length > 0) {
          groups.push([]);
          chars = 0;
        }
        groups[groups.length - 1].push(cell);
        chars += cell.length + 1;
      }
      for (const group of groups) {
        const address = group.join(",");
        steps.push({ request: 4 * ACTION_BYTES + utf8Bytes(address), response: 0, queue: () => paint(sheet().getRanges(address)) });
      }
    } else {
      for (const group of chunks(cells, PER_STEP)) {
        steps.push({
          request: group.length * 4 * ACTION_BYTES,
          response: 0,
          queue: () => {
            const target = sheet();
            for (const cell of group) paint(target.getRange(cell));
          },
        });
      }
    }
  }
  return steps;
}
