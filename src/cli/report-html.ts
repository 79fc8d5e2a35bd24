/**
 * The HTML companion of a generated workbook (`par summary` and `par aggregate` write OUT.html beside OUT.xlsx):
 * every SheetSpec as a document — its title lines, then each of its tables as a <table> of its own with a
 * <caption>, a <thead> (th scope) and its rows (spec-tables.ts: columns without content dropped) — and charts as
 * inline SVG bar charts (report/bar-chart.ts). Printable on A4: rows never split across pages, a table's header
 * repeats only over its own rows, and no figure, code or word is ever broken across lines (figures and codes do
 * not wrap; text wraps only at spaces). Self-contained: UTF-8, inline CSS, no scripts, no external resources (a
 * Content-Security-Policy forbids them). All text is escaped. Figures use formatNumber in the report's language.
 * The output depends only on the arguments.
 */
import { Lang } from "../scoring";
import { ChartIntent, NumberFormat, SheetSpec, SpecCell } from "../scoring/report/sheet-spec";
import { barChart, escapeXml } from "./report/bar-chart";
import { formatCell, isToken } from "./report/cell-text";
import { hasContent, PlacedCell, SpecTable, specBlocks, TableRow } from "./report/spec-tables";

export { wallClockDate } from "./report/cell-text";

/** Escapes text for HTML element content and attribute values. */
export const escapeHtml = escapeXml;

/** A cell value in Vietnamese notation (formatCell with "vi"). */
export function formatCellVi(value: SpecCell["value"], numFmt?: NumberFormat): string {
  return formatCell(value, numFmt, "vi");
}

/** A chart as the inline SVG the report uses. */
export function chartSvg(chart: ChartIntent, id: string, lang: Lang = "vi"): string {
  return barChart(chart, { id, lang }).svg;
}

/** A sheet of the report, with the charts to draw under its first table (default: the spec's own chart). */
export interface HtmlSection {
  spec: SheetSpec;
  charts?: ChartIntent[];
}

export interface HtmlOptions {
  lang?: Lang;
  /** A section written after the sheets (the evidence table of report/evidence-html.ts), already HTML. */
  after?: string;
}

/**
 * Escaped text that wraps only at spaces: a word holding a hyphen, dash, slash or digit ("3790/KH-UBND", "F75")
 * is kept on one line, and a very long one (a path, a link) may break only after a "/".
 */
function textHtml(text: string): string {
  return text
    .split(/(\s+)/)
    .map((part) => {
      if (!/[-\u2010-\u2015\u2212/\d]/.test(part) || /^\s*$/.test(part)) return escapeHtml(part);
      if (part.length > 30 && part.includes("/")) return part.split("/").map((seg) => `<span class="nw">${escapeHtml(seg)}</span>`).join("/<wbr>");
      return `<span class="nw">${escapeHtml(part)}</span>`;
    })
    .join("");
}

function cellClasses(cell: SpecCell, text: string): string[] {
  const s = cell.style ?? {};
  const classes: string[] = [];
  if (s.fill) classes.push(`fill-${s.fill}`);
  if (s.bold) classes.push("b");
  if (s.italic) classes.push("i");
  if (s.border) classes.push("bd");
  const align = s.align ?? (typeof cell.value === "number" ? "right" : cell.value instanceof Date ? "center" : undefined);
  if (align) classes.push(`al-${align}`);
  if (isToken(cell.value, text)) classes.push("nw");
  return classes;
}

function cellStyle(cell: SpecCell): string {
  const s = cell.style ?? {};
  const styles: string[] = [];
  if (s.indent && Number.isFinite(s.indent) && s.indent > 0) styles.push(`padding-left:${(0.4 + 1.2 * Math.min(s.indent, 15)).toFixed(1)}em`);
  return styles.length ? ` style="${styles.join(";")}"` : "";
}

function placedHtml(p: PlacedCell, tag: "td" | "th", scope: string | null, lang: Lang): string {
  const text = formatCell(p.cell.value, p.cell.style?.numFmt, lang);
  const classes = cellClasses(p.cell, text);
  const attrs = [
    classes.length ? ` class="${classes.join(" ")}"` : "",
    cellStyle(p.cell),
    p.rowspan > 1 ? ` rowspan="${p.rowspan}"` : "",
    p.colspan > 1 ? ` colspan="${p.colspan}"` : "",
    scope ? ` scope="${scope}"` : "",
  ].join("");
  return `<${tag}${attrs}>${classes.includes("nw") ? escapeHtml(text) : textHtml(text)}</${tag}>`;
}

function lineHtml(cell: SpecCell, lang: Lang): string {
  const text = formatCell(cell.value, cell.style?.numFmt, lang);
  const s = cell.style ?? {};
  const classes = [
    s.size && s.size >= 14 ? "title" : s.size && s.size >= 12 ? "big" : "",
    s.fill ? `fill-${s.fill}` : "",
    s.bold ? "b" : "",
    s.italic ? "i" : "",
    s.align ? `al-${s.align}` : "",
  ].filter(Boolean);
  return `<p${classes.length ? ` class="${classes.join(" ")}"` : ""}>${textHtml(text)}</p>`;
}

function tableHtml(table: SpecTable, lang: Lang): string {
  const total = table.widths.reduce((a, w) => a + (Number.isFinite(w) && w > 0 ? w : 9), 0);
  const cols = table.widths.map((w) => `<col style="width:${(((Number.isFinite(w) && w > 0 ? w : 9) / total) * 100).toFixed(1)}%">`).join("");
  const headRow = (row: TableRow) => `<tr>${row.cells.map((p) => placedHtml(p, "th", p.colspan > 1 ? "colgroup" : "col", lang)).join("")}</tr>`;
  const bodies: string[][] = [[]];
  for (const row of table.body) {
    if (row.spanning) {
      bodies.push([`<tr>${placedHtml(row.cells[0], "th", "rowgroup", lang)}</tr>`]);
      continue;
    }
    bodies[bodies.length - 1].push(`<tr>${row.cells.map((p) => placedHtml(p, "td", null, lang)).join("")}</tr>`);
  }
  const caption = table.caption.map((c) => formatCell(c.value, c.style?.numFmt, lang)).filter(Boolean);
  return [
    `<table>`,
    `<caption>${caption.map(textHtml).join("<br>")}</caption>`,
    `<colgroup>${cols}</colgroup>`,
    `<thead>${table.head.map(headRow).join("\n")}</thead>`,
    ...bodies.filter((b) => b.length > 0).map((b) => `<tbody>${b.join("\n")}</tbody>`),
    `</table>`,
  ].join("\n");
}

function sectionHtml(section: HtmlSection, index: number, lang: Lang): string {
  const { spec } = section;
  const id = `s${index + 1}`;
  const charts = section.charts ?? (spec.chart ? [spec.chart] : []);
  const figures = charts.map((chart, i) => `<figure class="chart">${barChart(chart, { id: `${id}-chart${i + 1}`, lang }).svg}</figure>`);
  const parts: string[] = [];
  let placed = figures.length === 0;
  for (const block of specBlocks(spec)) {
    if (block.kind === "lines") {
      const lines = block.lines.filter(hasContent).map((c) => lineHtml(c, lang));
      if (lines.length) parts.push(`<div class="lines">${lines.join("\n")}</div>`);
      continue;
    }
    parts.push(`<div class="scroll">${tableHtml(block.table, lang)}</div>`);
    if (!placed) {
      parts.push(...figures);
      placed = true;
    }
  }
  if (!placed) parts.push(...figures);
  return `<section class="sheet" id="${id}" aria-labelledby="${id}-h">\n<h2 id="${id}-h">${escapeHtml(spec.name)}</h2>\n${parts.join("\n")}\n</section>`;
}

const CSS = `
body{font-family:"Segoe UI",Calibri,Arial,"DejaVu Sans",sans-serif;font-size:10.5pt;color:#1b1b1b;margin:24px;background:#fff}
h1{font-size:17pt;color:#1f4e79;margin:0 0 12px}
h2{font-size:14pt;color:#1f4e79;margin:28px 0 8px;border-bottom:2px solid #1f4e79;padding-bottom:4px}
nav ul{margin:0;padding-left:20px}
p{margin:2px 0}
.lines{margin:8px 0}
.title{font-size:13pt;font-weight:bold;text-align:center}
.big{font-size:11.5pt}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;margin:10px 0 14px}
caption{caption-side:top;text-align:left;font-weight:bold;color:#1f4e79;padding:4px 0}
td,th{padding:3px 5px;vertical-align:top;text-align:left;font-weight:normal;white-space:pre-line;overflow-wrap:normal;word-break:keep-all;hyphens:manual}
.nw{white-space:nowrap}
thead th{border:1px solid #a6a6a6}
.bd{border:1px solid #a6a6a6}
.b{font-weight:bold}.i{font-style:italic}
.al-left{text-align:left}.al-center{text-align:center}.al-right{text-align:right}
.fill-header{background:#1f4e79;color:#fff;font-weight:bold;text-align:center;vertical-align:middle}
.fill-field{background:#ddebf7}.fill-total{background:#e7e6e6;font-weight:bold}
.fill-error{background:#ffc7ce}.fill-warning{background:#ffeb9c}.fill-ok{background:#c6efce}
th[scope=rowgroup]{text-align:left;font-weight:bold}
figure{margin:12px 0}
figure svg{max-width:100%;height:auto;display:block}
footer{margin-top:28px;font-size:9pt;color:#595959}
@page{size:A4;margin:14mm 12mm}
@media print{
body{margin:0;font-size:9pt;-webkit-print-color-adjust:exact;print-color-adjust:exact}
nav{display:none}
.scroll{overflow:visible}
.sheet{break-before:page}
.sheet:first-of-type{break-before:auto}
h2,caption,thead{break-after:avoid}
tr,figure,svg,p{break-inside:avoid}
thead{display:table-header-group}
}
`;

/** A self-contained HTML page: each sheet's lines and tables, and its charts as inline SVG bar charts. */
export function renderHtmlReport(title: string, sections: (SheetSpec | HtmlSection)[], options: HtmlOptions = {}): string {
  const lang = options.lang ?? "vi";
  const list: HtmlSection[] = sections.map((s) => ("spec" in s ? s : { spec: s }));
  const nav =
    list.length > 1 ? `<nav><ul>${list.map((s, i) => `<li><a href="#s${i + 1}">${escapeHtml(s.spec.name)}</a></li>`).join("")}</ul></nav>` : "";
  return [
    "<!DOCTYPE html>",
    `<html lang="${lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="PAR Scorer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    `<header><h1>${escapeHtml(title)}</h1>${nav}</header>`,
    "<main>",
    ...list.map((s, i) => sectionHtml(s, i, lang)),
    ...(options.after ? [options.after] : []),
    "</main>",
    "<footer>Tạo bởi PAR Scorer — chấm điểm Chỉ số CCHC (generated by PAR Scorer).</footer>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
