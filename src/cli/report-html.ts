/**
 * The HTML companion of a generated workbook: every SheetSpec as a table and every ChartIntent as an inline SVG
 * horizontal bar chart (exceljs cannot write native Excel charts, so `par summary` writes OUT.html beside
 * OUT.xlsx). The page is self-contained: UTF-8, lang="vi", inline CSS only, no scripts, no external resources (a
 * Content-Security-Policy forbids them). All text comes from users' cells and is escaped. Numbers are written the
 * Vietnamese way (0,50 · 85,00% · dd/mm/yyyy). The output depends only on the arguments.
 */
import { formatNumberVi, round2 } from "../scoring/values";
import { ChartIntent, NumberFormat, SheetSpec, SpecCell } from "../scoring/report/sheet-spec";
import { parseA1 } from "../scoring/grid";

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string);
}

/**
 * A Date as the day it means, as a Date whose UTC getters give that day (and time): a Date made at local midnight
 * (new Date(2019, 0, 15)) means that local day in any time zone; other Dates are taken as UTC wall clock, the
 * convention of exceljs and of the core's serialToDate.
 */
export function wallClockDate(d: Date): Date {
  const utcMidnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
  const localMidnight = d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0;
  if (!utcMidnight && localMidnight) return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  return d;
}

function ddmmyyyy(d: Date): string {
  const w = wallClockDate(d);
  if (Number.isNaN(w.getTime())) return "";
  const dd = String(w.getUTCDate()).padStart(2, "0");
  const mm = String(w.getUTCMonth() + 1).padStart(2, "0");
  return `${dd}/${mm}/${w.getUTCFullYear()}`;
}

const EXCEL_EPOCH_UTC = Date.UTC(1899, 11, 30);

function fixed(x: number, decimals: number): string {
  const r = decimals === 2 ? round2(x) : Math.round(x);
  const s = r.toFixed(decimals);
  return (/^-0(\.0+)?$/.test(s) ? s.slice(1) : s).replace(".", ",");
}

/** A cell value as Excel would show it with the spec's number format, in Vietnamese notation. */
export function formatCellVi(value: SpecCell["value"], numFmt?: NumberFormat): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return ddmmyyyy(value);
  if (typeof value === "boolean") return value ? "có" : "không";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return String(value);
  switch (numFmt) {
    case "0.00":
      return fixed(value, 2);
    case "0.00%":
      return `${fixed(value * 100, 2)}%`;
    case "0":
      return fixed(value, 0);
    case "dd/mm/yyyy":
      return ddmmyyyy(new Date(EXCEL_EPOCH_UTC + Math.round(value) * 86_400_000));
    default:
      return formatNumberVi(value);
  }
}

const PALETTE = ["#1f4e79", "#ed7d31", "#70ad47", "#7f6000", "#5b9bd5", "#a5a5a5", "#c00000", "#7030a0"];

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

function cellHtml(cell: SpecCell | null, tag: "td" | "th", span: Span | undefined): string {
  const classes: string[] = [];
  const styles: string[] = [];
  const s = cell?.style ?? {};
  if (s.fill) classes.push(`fill-${s.fill}`);
  if (s.bold) classes.push("b");
  if (s.italic) classes.push("i");
  if (s.border) classes.push("bd");
  if (s.wrap) classes.push("wrap");
  const value = cell?.value ?? null;
  const align = s.align ?? (typeof value === "number" ? "right" : value instanceof Date ? "center" : undefined);
  if (align) classes.push(`al-${align}`);
  if (s.indent && Number.isFinite(s.indent) && s.indent > 0) styles.push(`padding-left:${(0.4 + 1.2 * Math.min(s.indent, 15)).toFixed(1)}em`);
  if (s.size && Number.isFinite(s.size) && s.size > 0) styles.push(`font-size:${Math.min(Math.max(s.size, 6), 48)}pt`);
  const attrs = [
    classes.length ? ` class="${classes.join(" ")}"` : "",
    styles.length ? ` style="${styles.join(";")}"` : "",
    span && span.rows > 1 ? ` rowspan="${span.rows}"` : "",
    span && span.cols > 1 ? ` colspan="${span.cols}"` : "",
    tag === "th" && !(span && span.cols > 1) ? ' scope="col"' : "",
  ].join("");
  return `<${tag}${attrs}>${escapeHtml(formatCellVi(value, s.numFmt))}</${tag}>`;
}

function tableHtml(spec: SheetSpec): string {
  const width = Math.max(spec.columnWidths.length, ...spec.rows.map((r) => r.length), 1);
  const { masters, covered } = mergeMap(spec);
  const cols = Array.from({ length: width }, (_, i) => {
    const w = spec.columnWidths[i];
    return w && Number.isFinite(w) && w > 0 ? `<col style="width:${Math.round(Math.min(w, 120) * 0.6 * 10) / 10}em">` : "<col>";
  }).join("");
  const rowHtml = (row: (SpecCell | null)[], r: number): string => {
    const tag = r === spec.headerRow ? "th" : "td";
    const cells: string[] = [];
    for (let c = 0; c < width; c++) {
      if (covered.has(`${r},${c}`)) continue;
      cells.push(cellHtml(row[c] ?? null, tag, masters.get(`${r},${c}`)));
    }
    return `<tr>${cells.join("")}</tr>`;
  };
  const head = spec.headerRow !== undefined && spec.headerRow >= 0 ? spec.rows.slice(0, spec.headerRow + 1) : [];
  const body = spec.rows.slice(head.length);
  return [
    `<div class="scroll"><table>`,
    `<colgroup>${cols}</colgroup>`,
    head.length ? `<thead>${head.map((row, r) => rowHtml(row, r)).join("\n")}</thead>` : "",
    `<tbody>${body.map((row, i) => rowHtml(row, i + head.length)).join("\n")}</tbody>`,
    `</table></div>`,
  ].join("\n");
}

function niceStep(span: number): number {
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}

/** A category label on at most two lines of about `width` characters (the rest cut with "…"). */
function labelLines(text: string, width: number): string[] {
  const words = text.trim().split(/\s+/);
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    if (current && [...`${current} ${word}`].length > width) {
      lines.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  if (current) lines.push(current);
  if (lines.length <= 2) return lines.map((l) => truncate(l, width + 4));
  return [truncate(lines[0], width + 4), truncate(`${lines[1]} ${lines.slice(2).join(" ")}`, width)];
}

/**
 * A ChartIntent as an inline SVG horizontal bar chart: categories down the left, one bar per category and series
 * (one colour per series), the value at the end of each bar, a legend. Every <rect> is a bar.
 */
export function chartSvg(chart: ChartIntent, id: string): string {
  const series = chart.series.length ? chart.series : [{ name: "", values: [] }];
  const n = chart.categories.length;
  const labelW = 300;
  const plotW = 400;
  const valueW = 70;
  const width = labelW + plotW + valueW;
  const barH = 16;
  const barGap = 2;
  const groupGap = 12;
  const groupH = Math.max(series.length * barH + (series.length - 1) * barGap, 30) + groupGap;
  const titleH = 28;
  // Legend: one row per up to 3 series.
  const legendRows = Math.ceil(series.length / 3);
  const legendH = legendRows * 20 + 6;
  const top = titleH + legendH;
  const plotH = Math.max(n, 1) * groupH;
  const axisH = 28;
  const height = top + plotH + axisH;

  const values = series.flatMap((s) => chart.categories.map((_, i) => s.values[i])).filter((v): v is number => Number.isFinite(v));
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (hi === lo) hi = lo + 1;
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step + 1e-9) * step;
  hi = Math.ceil(hi / step - 1e-9) * step;
  const x = (v: number) => labelW + ((v - lo) / (hi - lo)) * plotW;
  const x0 = x(0);

  const out: string[] = [];
  const titleId = `${id}-title`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId}">`,
  );
  out.push(`<title id="${titleId}">${escapeHtml(chart.title)}</title>`);
  out.push(`<text x="${width / 2}" y="18" text-anchor="middle" class="ct">${escapeHtml(chart.title)}</text>`);
  series.forEach((s, i) => {
    const lx = 10 + (i % 3) * Math.floor((width - 20) / 3);
    const ly = titleH + Math.floor(i / 3) * 20 + 10;
    out.push(
      `<g class="legend"><circle cx="${lx + 6}" cy="${ly}" r="6" fill="${PALETTE[i % PALETTE.length]}"/>` +
        `<text x="${lx + 18}" y="${ly + 4}">${escapeHtml(truncate(s.name, 40))}</text></g>`,
    );
  });
  // Grid lines and ticks.
  for (let v = lo, k = 0; v <= hi + step / 2 && k < 50; v += step, k++) {
    const gx = x(v).toFixed(1);
    out.push(`<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${top + plotH}" class="grid"/>`);
    out.push(`<text x="${gx}" y="${top + plotH + 16}" text-anchor="middle" class="tick">${escapeHtml(formatNumberVi(round2(v)))}</text>`);
  }
  chart.categories.forEach((category, ci) => {
    const gy = top + ci * groupH + groupGap / 2;
    const mid = gy + (groupH - groupGap) / 2;
    const lines = labelLines(category, 40);
    const y0 = mid + 4 - ((lines.length - 1) * 14) / 2;
    out.push(
      `<text x="${labelW - 8}" y="${y0.toFixed(1)}" text-anchor="end" class="cat"><title>${escapeHtml(category)}</title>` +
        lines.map((line, i) => `<tspan x="${labelW - 8}" dy="${i === 0 ? 0 : 14}">${escapeHtml(line)}</tspan>`).join("") +
        `</text>`,
    );
    series.forEach((s, si) => {
      const raw = s.values[ci];
      const v = Number.isFinite(raw) ? raw : 0;
      const barsH = series.length * barH + (series.length - 1) * barGap;
      const by = gy + (groupH - groupGap - barsH) / 2 + si * (barH + barGap);
      const bx = Math.min(x0, x(v));
      const bw = Math.abs(x(v) - x0);
      const label = Number.isFinite(raw) ? formatNumberVi(raw) : "–";
      out.push(
        `<rect class="bar" x="${bx.toFixed(1)}" y="${by}" width="${bw.toFixed(1)}" height="${barH}" fill="${PALETTE[si % PALETTE.length]}">` +
          `<title>${escapeHtml(`${category} — ${s.name}: ${label}`)}</title></rect>`,
      );
      const tx = v < 0 ? bx - 4 : bx + bw + 4;
      out.push(`<text x="${tx.toFixed(1)}" y="${by + barH - 4}" text-anchor="${v < 0 ? "end" : "start"}" class="val">${escapeHtml(label)}</text>`);
    });
  });
  out.push(`<line x1="${x0.toFixed(1)}" y1="${top - 4}" x2="${x0.toFixed(1)}" y2="${top + plotH}" class="axis"/>`);
  out.push(`</svg>`);
  return out.join("\n");
}

const CSS = `
body{font-family:"Segoe UI",Calibri,Arial,sans-serif;font-size:11pt;color:#1b1b1b;margin:24px;background:#fff}
h1{font-size:18pt;color:#1f4e79;margin:0 0 12px}
h2{font-size:14pt;color:#1f4e79;margin:32px 0 8px;border-bottom:2px solid #1f4e79;padding-bottom:4px}
nav ul{margin:0;padding-left:20px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;table-layout:fixed;margin:8px 0}
td,th{padding:3px 6px;vertical-align:top;white-space:pre-line;overflow-wrap:anywhere;text-align:left;font-weight:normal}
.bd{border:1px solid #a6a6a6}
.b{font-weight:bold}.i{font-style:italic}
.al-left{text-align:left}.al-center{text-align:center}.al-right{text-align:right}
.fill-header{background:#1f4e79;color:#fff;font-weight:bold;text-align:center;vertical-align:middle}
.fill-field{background:#ddebf7}.fill-total{background:#e7e6e6;font-weight:bold}
.fill-error{background:#ffc7ce}.fill-warning{background:#ffeb9c}.fill-ok{background:#c6efce}
figure{margin:16px 0}
svg.chart{max-width:100%;height:auto;font-family:inherit;font-size:12px}
svg .ct{font-size:14px;font-weight:bold;fill:#1f4e79}
svg .cat,svg .val,svg .tick,svg .legend text{fill:#1b1b1b}
svg .tick{font-size:11px;fill:#595959}
svg .grid{stroke:#e0e0e0;stroke-width:1}
svg .axis{stroke:#595959;stroke-width:1}
footer{margin-top:32px;font-size:9pt;color:#595959}
@media print{body{margin:0}h2{page-break-before:always}h2:first-of-type{page-break-before:auto}}
`;

/** A self-contained HTML page with each spec as a table and each chart as an inline SVG bar chart. */
export function renderHtmlReport(title: string, specs: SheetSpec[]): string {
  const sections = specs.map((spec, i) => {
    const id = `s${i + 1}`;
    const chart = spec.chart
      ? `<figure>${chartSvg(spec.chart, `${id}-chart`)}</figure>`
      : "";
    return `<section id="${id}">\n<h2>${escapeHtml(spec.name)}</h2>\n${tableHtml(spec)}\n${chart}\n</section>`;
  });
  const nav =
    specs.length > 1
      ? `<nav><ul>${specs.map((s, i) => `<li><a href="#s${i + 1}">${escapeHtml(s.name)}</a></li>`).join("")}</ul></nav>`
      : "";
  return [
    "<!DOCTYPE html>",
    '<html lang="vi">',
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
    ...sections,
    "</main>",
    "<footer>Tạo bởi PAR Scorer — chấm điểm Chỉ số CCHC (generated by PAR Scorer).</footer>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
