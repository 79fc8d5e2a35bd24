/**
 * A generated sheet read as a document: its loose lines (titles, notes) and its tables, each table with its own
 * caption, header and body. A sheet lays several tables out in one grid (the summary's sections I, II, III share
 * columns A…); a document must keep them apart, so a header never stands over another table's rows.
 *
 * - A table starts at a header row (its first filled cell has the header fill) and runs to the next blank row or
 *   header row; consecutive header rows are one header. Its columns are those its header spans: cells beside it
 *   (helper columns such as chart labels) are left out.
 * - Its caption is the title rows right above it; when a blank row separates them, the last line above.
 * - A column none of whose body cells has content is dropped (a names-only catalogue leaves six plan columns
 *   empty); a table without any body content becomes lines.
 */
import { parseA1 } from "../../scoring/grid";
import { SheetSpec, SpecCell } from "../../scoring/report/sheet-spec";

export interface PlacedCell {
  cell: SpecCell;
  colspan: number;
  rowspan: number;
}

export interface TableRow {
  cells: PlacedCell[];
  /** One cell across the whole table: a group's title within the body. */
  spanning: boolean;
}

export interface SpecTable {
  caption: SpecCell[];
  /** Column widths (characters) of the columns kept. */
  widths: number[];
  head: TableRow[];
  body: TableRow[];
  /** The sheet rows it covers (first, last), to place charts. */
  rows: [number, number];
}

export type SpecBlock = { kind: "lines"; lines: SpecCell[] } | { kind: "table"; table: SpecTable };

interface Span {
  rows: number;
  cols: number;
}

function mergeMap(spec: SheetSpec): { masters: Map<string, Span>; covered: Set<string> } {
  const masters = new Map<string, Span>();
  const covered = new Set<string>();
  for (const range of spec.merges ?? []) {
    const [from, to] = range.split(":");
    const a = parseA1(from ?? "");
    const b = parseA1(to ?? from ?? "");
    if (!a || !b) continue;
    const top = Math.min(a.row, b.row);
    const left = Math.min(a.col, b.col);
    const bottom = Math.max(a.row, b.row);
    const right = Math.max(a.col, b.col);
    if (covered.has(`${top},${left}`) || masters.has(`${top},${left}`)) continue;
    masters.set(`${top},${left}`, { rows: bottom - top + 1, cols: right - left + 1 });
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) if (r !== top || c !== left) covered.add(`${r},${c}`);
  }
  return { masters, covered };
}

export function hasContent(cell: SpecCell | null | undefined): cell is SpecCell {
  if (!cell) return false;
  const v = cell.value;
  if (v === null || v === undefined) return false;
  if (typeof v === "string") return v.trim() !== "";
  if (typeof v === "number") return Number.isFinite(v);
  return true;
}

/** The sheet's blocks in order: lines and tables. */
export function specBlocks(spec: SheetSpec): SpecBlock[] {
  const { masters, covered } = mergeMap(spec);
  const rows = spec.rows;
  const contentCols = (r: number) => (rows[r] ?? []).flatMap((cell, c) => (hasContent(cell) && !covered.has(`${r},${c}`) ? [c] : []));
  const isBlank = (r: number) => contentCols(r).length === 0;
  const isHeader = (r: number) => {
    const cols = contentCols(r);
    return cols.length > 0 && rows[r][cols[0]]?.style?.fill === "header";
  };

  const blocks: SpecBlock[] = [];
  let loose: (number | null)[] = []; // sheet rows since the last table; null for a blank row
  const lineOf = (r: number): SpecCell[] => contentCols(r).map((c) => rows[r][c] as SpecCell);
  const flushLines = (list: (number | null)[]) => {
    const lines = list.filter((r): r is number => r !== null).flatMap(lineOf);
    if (lines.length > 0) blocks.push({ kind: "lines", lines });
  };

  let r = 0;
  while (r < rows.length) {
    if (!isHeader(r)) {
      loose.push(isBlank(r) ? null : r);
      r++;
      continue;
    }
    const headStart = r;
    while (r < rows.length && isHeader(r)) r++;
    const bodyStart = r;
    while (r < rows.length && !isBlank(r) && !isHeader(r)) r++;
    const bodyEnd = r; // exclusive

    // Caption: the title rows right above, else the last line above (across a blank row).
    let split = loose.length;
    while (split > 0 && loose[split - 1] !== null) split--;
    let captionRows = loose.slice(split) as number[];
    let before = loose.slice(0, split);
    if (captionRows.length === 0) {
      const last = before.map((x, i) => (x === null ? -1 : i)).filter((i) => i >= 0).pop();
      if (last !== undefined) {
        captionRows = [before[last] as number];
        before = before.slice(0, last);
      }
    }
    loose = [];

    // Columns: those the header spans.
    let first = Infinity;
    let last = -1;
    for (let h = headStart; h < bodyStart; h++) {
      for (const c of contentCols(h)) {
        if (rows[h][c]?.style?.fill !== "header") continue;
        first = Math.min(first, c);
        last = Math.max(last, c + (masters.get(`${h},${c}`)?.cols ?? 1) - 1);
      }
    }
    const inTable = (c: number) => c >= first && c <= last;
    // A cell merged across the whole table (a group's sub-title) keeps no column by itself; a cell merged across
    // a few columns (the summary's "Vị trí", spanning the columns right of the name) keeps its first one.
    const acrossTable = (row: number, c: number) => c <= first && c + (masters.get(`${row},${c}`)?.cols ?? 1) - 1 >= last && last > first;
    const keep = new Set<number>();
    for (let b = bodyStart; b < bodyEnd; b++) for (const c of contentCols(b)) if (inTable(c) && !acrossTable(b, c)) keep.add(c);

    if (keep.size === 0) {
      flushLines([...before, ...captionRows]);
      flushLines(Array.from({ length: bodyEnd - bodyStart }, (_, i) => bodyStart + i));
      continue;
    }
    flushLines(before);
    const kept = [...keep].sort((a, b) => a - b);
    const rowOf = (row: number): TableRow => {
      const cells: PlacedCell[] = [];
      for (let c = first; c <= last; c++) {
        if (covered.has(`${row},${c}`)) continue;
        const span = masters.get(`${row},${c}`) ?? { rows: 1, cols: 1 };
        const colspan = kept.filter((k) => k >= c && k < c + span.cols).length;
        if (colspan === 0) continue;
        const rowspan = Math.max(1, Math.min(span.rows, (row < bodyStart ? bodyStart : bodyEnd) - row));
        cells.push({ cell: rows[row][c] ?? { value: null }, colspan, rowspan });
      }
      const filled = cells.filter((p) => hasContent(p.cell));
      return { cells, spanning: filled.length === 1 && cells.length === 1 && cells[0].colspan === kept.length && kept.length > 1 };
    };
    const head: TableRow[] = [];
    for (let h = headStart; h < bodyStart; h++) head.push(rowOf(h));
    const body: TableRow[] = [];
    for (let b = bodyStart; b < bodyEnd; b++) body.push(rowOf(b));
    blocks.push({
      kind: "table",
      table: {
        caption: captionRows.flatMap(lineOf),
        widths: kept.map((c) => spec.columnWidths[c] ?? 9),
        head,
        body,
        rows: [captionRows[0] ?? headStart, bodyEnd - 1],
      },
    });
  }
  flushLines(loose);
  return blocks;
}
