/**
 * Renders a SheetSpec into a worksheet with Office.js, the same layout as the .xlsx writer (src/cli/xlsx/write.ts):
 * number formats, then values and formulas in one assignment per block of rows, styles applied to rectangles
 * of cells that look alike, column widths, merges, row heights, frozen header, autofilter, data validation, print
 * setup and the chart. The work comes as steps with estimated sizes (steps.ts): a small sheet is one sync's
 * worth, a large one is spread over as many syncs as Excel on the web's 5 MB per request needs.
 */
import { columnLetters, parseA1 } from "../../scoring/grid";
import {
  CellStyle,
  ChartIntent,
  chartSizeCm,
  estimatedRowHeights,
  FILL_COLORS,
  HEADER_FONT_COLOR,
  looksLikeFormula,
  printSetup,
  sheetCharts,
  SheetSpec,
  SpecCell,
  listSource,
} from "../../scoring/report/sheet-spec";
import { dateToSerial } from "../../scoring/values";
import { Skip, skips } from "./messages";
import { ACTION_BYTES, jsonBytes } from "./payload";
import { Step } from "./steps";
import { API, ApiSupport } from "./support";

const BORDER_COLOR = "#A6A6A6";

/**
 * Column width in characters (as in the .xlsx format) → Office.js points. Excel draws n characters of the default
 * font (Calibri 11, 7 px per digit) in n × 7 + 5 pixels (5 px of cell padding), and a point is 4/3 pixel at 96 dpi.
 */
export function columnPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*";
const CONVERTIBLE = [
  /^[-+]?\(?[$€£¥₫]?\s*[\d.,\s]*\d[\d.,\s]*%?\)?$/, // 12, 0,5, 1.000, 85%, (3)
  /^\d{1,4}[/.-]\d{1,2}([/.-]\d{1,4})?(\s.*)?$/, // 15/01/2019, 1.2.3, 1/2
  /^\d{1,2}:\d{2}/, // 8:30
  /^[-+]?\d+([.,]\d+)?e[-+]?\d+$/i, // 1e5
  new RegExp(`^${MONTH}[-\\s/]\\d{1,4}$`, "i"), // Jan 2019
  new RegExp(`^\\d{1,2}[-\\s/]${MONTH}`, "i"), // 5-Mar
  /^(true|false|đúng|sai)$/i,
];

/**
 * Text as typed into Excel so that it stays exactly that text: with the apostrophe prefix when Excel would read it
 * as something else (a formula, a number, a date, TRUE/FALSE) or would eat its own leading apostrophe.
 */
export function textInput(text: string): string {
  if (text === "") return "";
  const t = text.trim();
  if (looksLikeFormula(text) || text.startsWith("'") || CONVERTIBLE.some((re) => re.test(t))) return `'${text}`;
  return text;
}

/** What one SpecCell writes: its formula, a number, a boolean, a date serial, or text that stays text. */
export function cellInput(cell: SpecCell | null | undefined): string | number | boolean {
  if (!cell) return "";
  if (cell.formula) return cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`;
  const v = cell.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : dateToSerial(v);
  if (typeof v === "number") return Number.isFinite(v) ? v : "";
  if (typeof v === "boolean") return v;
  // Under the text format "@" Excel keeps what is written as it is.
  return cell.style?.numFmt === "@" ? String(v) : textInput(String(v));
}

function numberFormatOf(cell: SpecCell | null | undefined): string {
  if (!cell) return "General";
  return cell.style?.numFmt ?? (cell.value instanceof Date ? "dd/mm/yyyy" : "General");
}

/** How a cell looks, as the CLI writer renders a CellStyle (header: bold white on blue, centred, wrapped). */
interface Look {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  indent?: number;
  hAlign?: "Left" | "Center" | "Right";
  vAlign?: "Top" | "Center";
  border?: boolean;
}

const ALIGN = { left: "Left", center: "Center", right: "Right" } as const;

function lookOf(style: CellStyle | undefined): Look | null {
  if (!style) return null;
  const header = style.fill === "header";
  const look: Look = {};
  const bold = style.bold ?? (header || style.fill === "total" ? true : undefined);
  if (bold) look.bold = true;
  if (style.italic) look.italic = true;
  if (style.size && style.size !== 11) look.size = style.size;
  if (header) look.fontColor = HEADER_FONT_COLOR;
  const fill = style.fill ? FILL_COLORS[style.fill] : null;
  if (fill) look.fill = fill;
  if (style.wrap || style.indent || style.align || header) {
    look.vAlign = header ? "Center" : "Top";
    if (style.wrap || header) look.wrap = true;
    if (style.indent) look.indent = style.indent;
    if (style.align) look.hAlign = ALIGN[style.align];
    else if (header) look.hAlign = "Center";
  }
  if (style.border) look.border = true;
  return Object.keys(look).length > 0 ? look : null;
}

interface Styled {
  row: number;
  col: number;
  rows: number;
  cols: number;
  look: Look;
}

/**
 * Rectangles of cells with the same look: runs of equal looks along each row, and runs that repeat on the next
 * rows joined into one rectangle, so a table of like rows costs a handful of requests, not one per cell.
 */
export function styleRectangles(spec: SheetSpec): Styled[] {
  const out: Styled[] = [];
  let open = new Map<string, Styled>();
  spec.rows.forEach((row, r) => {
    const next = new Map<string, Styled>();
    let c = 0;
    while (c < row.length) {
      const look = lookOf(row[c]?.style);
      if (!look) {
        c++;
        continue;
      }
      const k = JSON.stringify(look);
      let end = c + 1;
      while (end < row.length && JSON.stringify(lookOf(row[end]?.style)) === k) end++;
      const runKey = `${c}:${end}:${k}`;
      const above = open.get(runKey);
      if (above) {
        above.rows++;
        next.set(runKey, above);
      } else {
        const rect = { row: r, col: c, rows: 1, cols: end - c, look };
        out.push(rect);
        next.set(runKey, rect);
      }
      c = end;
    }
    open = next;
  });
  return out;
}

type Edge = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideHorizontal" | "InsideVertical";

function applyLook(range: Excel.Range, s: Styled, indent: boolean): void {
  const { look } = s;
  const format = range.format;
  if (look.bold) format.font.bold = true;
  if (look.italic) format.font.italic = true;
  if (look.size) format.font.size = look.size;
  if (look.fontColor) format.font.color = look.fontColor;
  if (look.fill) format.fill.color = look.fill;
  if (look.wrap) format.wrapText = true;
  if (look.indent && indent) format.indentLevel = look.indent;
  if (look.hAlign) format.horizontalAlignment = look.hAlign;
  if (look.vAlign) format.verticalAlignment = look.vAlign;
  if (look.border) {
    const edges: Edge[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (s.rows > 1) edges.push("InsideHorizontal");
    if (s.cols > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = BORDER_COLOR;
      border.weight = "Thin";
    }
  }
}

function validRange(address: string): boolean {
  const parts = address.split(":");
  return parts.length <= 2 && parts.every((p) => parseA1(p) !== null);
}

/** Draws the spec's chart as a clustered bar chart over its cell ranges; false when it has no ranges to draw from. */
function drawable(chart: ChartIntent): boolean {
  const series = chart.series.filter((s) => s.range && validRange(s.range));
  return series.length > 0 && !!chart.categoriesRange && validRange(chart.categoriesRange) && !!parseA1(chart.anchor);
}

function drawChart(sheet: Excel.Worksheet, chart: ChartIntent): void {
  const series = chart.series.filter((s) => s.range && validRange(s.range));
  // A sheet of charts draws from its table's sheet (written before it).
  const data = chart.dataSheet ? sheet.context.workbook.worksheets.getItem(chart.dataSheet) : sheet;
  const categories = data.getRange(chart.categoriesRange!);
  const drawn = sheet.charts.add("BarClustered", data.getRange(series[0].range!), "Columns");
  drawn.title.text = chart.title;
  const first = drawn.series.getItemAt(0);
  first.name = series[0].name;
  first.setXAxisValues(categories);
  for (const s of series.slice(1)) {
    const added = drawn.series.add(s.name);
    added.setValues(data.getRange(s.range!));
    added.setXAxisValues(categories);
  }
  drawn.setPosition(chart.anchor);
  // The size the core gives it (the rows under the anchor are left empty for it), in points.
  const size = chartSizeCm(chart);
  drawn.width = Math.round((size.width / 2.54) * 72);
  drawn.height = Math.round((size.height / 2.54) * 72);
}

export interface WriteResult {
  /** Features this Excel could not apply (each worded for the user). */
  skipped: Skip[];
  /** Whether the spec's charts were drawn. */
  chart: boolean;
}

/** Rows of merged areas whose height Excel's autofit leaves at one line: the height the estimate gives them. */
export function mergedRowHeights(spec: SheetSpec): Map<number, number> {
  const estimated = estimatedRowHeights(spec);
  const out = new Map<number, number>();
  for (const merge of spec.merges ?? []) {
    const from = validRange(merge) ? parseA1(merge.split(":")[0]) : null;
    const height = from ? estimated.get(from.row) : undefined;
    if (from && height !== undefined) out.set(from.row, height);
  }
  return out;
}

/** Steps of rows a..b of one kind of work, split in halves when too large for one sync. */
function rowSteps(from: number, to: number, size: (a: number, b: number) => number, queue: (a: number, b: number) => void): Step {
  return {
    request: size(from, to),
    response: 0,
    queue: () => queue(from, to),
    split: () => {
      if (to - from < 2) return null;
      const mid = from + ((to - from) >> 1);
      return [rowSteps(from, mid, size, queue), rowSteps(mid, to, size, queue)];
    },
  };
}

export interface SheetWrite {
  steps: Step[];
  result: WriteResult;
}

/**
 * The steps writing `spec` into the sheet `sheet()` gives (a new, empty worksheet; looked up again by each step).
 * Nothing is queued until the steps run.
 */
export function sheetSteps(sheet: () => Excel.Worksheet, spec: SheetSpec, supports: ApiSupport): SheetWrite {
  const skipped: Skip[] = [];
  const steps: Step[] = [];
  const small = (actions: number, queue: () => void): Step => ({ request: actions * ACTION_BYTES, response: 0, queue });
  const height = spec.rows.length;
  const width = spec.rows.reduce((w, row) => Math.max(w, row.length), 0);

  if (height > 0 && width > 0) {
    const formats = spec.rows.map((row) => Array.from({ length: width }, (_, c) => numberFormatOf(row[c])));
    const inputs = spec.rows.map((row) => Array.from({ length: width }, (_, c) => cellInput(row[c])));
    const anyFormat = formats.some((row) => row.some((f) => f !== "General"));
    steps.push(
      rowSteps(
        0,
        height,
        (a, b) => jsonBytes(inputs.slice(a, b)) + (anyFormat ? jsonBytes(formats.slice(a, b)) : 0) + 4 * ACTION_BYTES,
        (a, b) => {
          const block = sheet().getRangeByIndexes(a, 0, b - a, width);
          // The text format must be in place before the values, or "1.10" would become the number 1.1.
          if (anyFormat) block.numberFormat = formats.slice(a, b);
          block.formulas = inputs.slice(a, b);
        },
      ),
    );
    const indent = supports(API.indent);
    const rectangles = styleRectangles(spec);
    const lookActions = (s: Styled) => 3 + Object.keys(s.look).length + (s.look.border ? 18 : 0);
    steps.push(
      rowSteps(
        0,
        rectangles.length,
        (a, b) => rectangles.slice(a, b).reduce((n, s) => n + lookActions(s) * ACTION_BYTES, 0),
        (a, b) => {
          const target = sheet();
          for (const s of rectangles.slice(a, b)) applyLook(target.getRangeByIndexes(s.row, s.col, s.rows, s.cols), s, indent);
        },
      ),
    );
    if (!indent && rectangles.some((s) => s.look.indent)) skipped.push(skips.indent);
  }

  const merges = (spec.merges ?? []).filter(validRange);
  const heights = mergedRowHeights(spec);
  steps.push(
    small(3 * (spec.columnWidths.length + merges.length + heights.size) + 12, () => {
      const target = sheet();
      spec.columnWidths.forEach((w, c) => {
        if (Number.isFinite(w) && w > 0) {
          const letters = columnLetters(c);
          target.getRange(`${letters}:${letters}`).format.columnWidth = columnPoints(w);
        }
      });
      for (const merge of merges) target.getRange(merge).merge(false);
      if (height > 0 && width > 0) target.getRangeByIndexes(0, 0, height, width).format.autofitRows();
      // Excel's autofit ignores merged cells: a merged title or note would show one clipped line.
      for (const [row, points] of heights) target.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = points;
      const freeze = spec.freeze;
      if (freeze && freeze.rows > 0 && (freeze.columns ?? 0) > 0) target.freezePanes.freezeAt(target.getRangeByIndexes(0, 0, freeze.rows, freeze.columns!));
      else if (freeze && freeze.rows > 0) target.freezePanes.freezeRows(freeze.rows);
      else if (freeze && (freeze.columns ?? 0) > 0) target.freezePanes.freezeColumns(freeze.columns!);
    }),
  );

  if (spec.headerRow !== undefined && spec.headerRow >= 0 && spec.headerRow < height) {
    const header = spec.rows[spec.headerRow] ?? [];
    let headerWidth = header.length;
    while (headerWidth > 0 && !header[headerWidth - 1]) headerWidth--;
    if (headerWidth > 0) {
      const row = spec.headerRow;
      if (supports(API.autoFilter)) {
        steps.push(small(3, () => sheet().autoFilter.apply(sheet().getRangeByIndexes(row, 0, Math.max(1, height - row), headerWidth))));
      } else skipped.push(skips.autoFilter);
    }
  }

  const validations = (spec.validations ?? []).filter((v) => validRange(v.range));
  if (validations.length > 0) {
    if (supports(API.dataValidation)) {
      steps.push(
        rowSteps(
          0,
          validations.length,
          (a, b) => validations.slice(a, b).reduce((n, v) => n + 6 * ACTION_BYTES + jsonBytes([v.formula ?? listSource(v), v.errorTitle, v.errorMessage, v.prompt]), 0),
          (a, b) => {
            const target = sheet();
            for (const v of validations.slice(a, b)) {
              const dv = target.getRange(v.range).dataValidation;
              const source = listSource(v);
              dv.rule = source === null ? { custom: { formula: v.formula! } } : { list: { inCellDropDown: true, source } };
              dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.errorMessage };
              if (v.prompt) dv.prompt = { showPrompt: true, title: "", message: v.prompt };
            }
          },
        ),
      );
    } else skipped.push(skips.validation);
  }

  if (supports(API.pageLayout)) {
    const setup = printSetup(spec);
    steps.push(
      small(9 + (spec.pageBreaks?.length ?? 0), () => {
        const layout = sheet().pageLayout;
        layout.orientation = setup.orientation === "landscape" ? "Landscape" : "Portrait";
        layout.paperSize = "A4";
        // Excel's own recording of "Fit All Columns on One Page".
        layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0, scale: null } as unknown as Excel.PageLayoutZoomOptions;
        if (setup.titleRows) {
          const [from, to] = setup.titleRows.split(":");
          layout.setPrintTitleRows(`$${from}:$${to}`);
        }
        const footer = layout.headersFooters.defaultForAllPages;
        if (setup.footerLeft) footer.leftFooter = setup.footerLeft;
        footer.rightFooter = setup.footerRight;
        for (const row of spec.pageBreaks ?? []) if (row > 0) sheet().horizontalPageBreaks.add(`A${row + 1}`);
      }),
    );
  } else skipped.push(skips.pageLayout);

  const intents = sheetCharts(spec);
  const chart = intents.length > 0 && intents.every(drawable);
  for (const intent of intents.filter(drawable)) steps.push(small(12 + 4 * intent.series.length, () => drawChart(sheet(), intent)));
  if (intents.length > 0 && !chart) skipped.push(skips.chart);
  return { steps, result: { skipped, chart } };
}

/** Queues the whole spec into `sheet` (a new, empty worksheet), for one sync. Nothing is synced here. */
export function writeSheet(sheet: Excel.Worksheet, spec: SheetSpec, supports: ApiSupport): WriteResult {
  const { steps, result } = sheetSteps(() => sheet, spec, supports);
  for (const step of steps) step.queue();
  return result;
}
