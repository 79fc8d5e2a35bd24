/**
 * A ChartIntent as a standalone SVG horizontal bar chart: categories down the left, one bar per category and
 * series (one colour per series), the value at the end of each bar, a legend when there are several series. Only
 * presentation attributes, no CSS classes: the same SVG is inlined in the HTML report and embedded in the Word
 * report (and rasterised for its PNG fallback). Every <rect class="bar"> is a bar; figures use formatNumber.
 */
import { formatNumber, Lang } from "../../scoring";
import { ChartIntent } from "../../scoring/report/sheet-spec";

export const PALETTE = ["#1f4e79", "#ed7d31", "#70ad47", "#7f6000", "#5b9bd5", "#a5a5a5", "#c00000", "#7030a0"];

const FONT = "'Segoe UI', Arial, 'DejaVu Sans', sans-serif";
const TEXT = "#1b1b1b";

/** Escapes text for XML/HTML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] as string);
}

function niceStep(span: number): number {
  const raw = span / 5;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const n = raw / mag;
  return (n <= 1 ? 1 : n <= 2 ? 2 : n <= 2.5 ? 2.5 : n <= 5 ? 5 : 10) * mag;
}

/** Words of `text` on at most `maxLines` lines of about `width` characters; what does not fit ends in "…" after a whole word. */
export function labelLines(text: string, width: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
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
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept;
}

export interface BarChartOptions {
  /** Unique within the page (ids of the title). */
  id: string;
  lang: Lang;
}

export interface BarChart {
  svg: string;
  width: number;
  height: number;
}

export function barChart(chart: ChartIntent, options: BarChartOptions): BarChart {
  const { id, lang } = options;
  const series = chart.series.length ? chart.series : [{ name: "", values: [] }];
  const single = series.length === 1;
  const n = chart.categories.length;
  const labelW = 300;
  const plotW = 400;
  const valueW = 70;
  const width = labelW + plotW + valueW;
  const barH = 16;
  const barGap = 2;
  const groupGap = single ? 8 : 12;
  const labelLineCount = single ? 1 : 2;
  const groupH = Math.max(series.length * barH + (series.length - 1) * barGap, single ? 16 : 30) + groupGap;
  const titleH = 28;
  const legendRows = single ? 0 : Math.ceil(series.length / 3);
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
  const colour = (i: number) => PALETTE[i % PALETTE.length];

  const out: string[] = [];
  const titleId = `${id}-title`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${titleId}" font-family="${FONT}" font-size="12">`,
  );
  out.push(`<title id="${titleId}">${escapeXml(chart.title)}</title>`);
  out.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold" fill="#1f4e79">${escapeXml(chart.title)}</text>`);
  if (!single) {
    series.forEach((s, i) => {
      const lx = 10 + (i % 3) * Math.floor((width - 20) / 3);
      const ly = titleH + Math.floor(i / 3) * 20 + 10;
      out.push(
        `<g class="legend"><circle cx="${lx + 6}" cy="${ly}" r="6" fill="${colour(i)}"/>` +
          `<text x="${lx + 18}" y="${ly + 4}" fill="${TEXT}">${escapeXml(labelLines(s.name, 40, 1)[0] ?? "")}</text></g>`,
      );
    });
  }
  for (let v = lo, k = 0; v <= hi + step / 2 && k < 50; v += step, k++) {
    const gx = x(v).toFixed(1);
    out.push(`<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${top + plotH}" stroke="#e0e0e0" stroke-width="1"/>`);
    out.push(`<text x="${gx}" y="${top + plotH + 16}" text-anchor="middle" font-size="11" fill="#595959">${escapeXml(formatNumber(v, lang))}</text>`);
  }
  chart.categories.forEach((category, ci) => {
    const gy = top + ci * groupH + groupGap / 2;
    const mid = gy + (groupH - groupGap) / 2;
    const lines = labelLines(category, single ? 46 : 40, labelLineCount);
    const y0 = mid + 4 - ((lines.length - 1) * 14) / 2;
    out.push(
      `<text class="cat" x="${labelW - 8}" y="${y0.toFixed(1)}" text-anchor="end" fill="${TEXT}"><title>${escapeXml(category)}</title>` +
        lines.map((line, i) => `<tspan x="${labelW - 8}" dy="${i === 0 ? 0 : 14}">${escapeXml(line)}</tspan>`).join("") +
        `</text>`,
    );
    series.forEach((s, si) => {
      const raw = s.values[ci];
      const known = Number.isFinite(raw);
      const v = known ? raw : 0;
      const barsH = series.length * barH + (series.length - 1) * barGap;
      const by = gy + (groupH - groupGap - barsH) / 2 + si * (barH + barGap);
      const bx = Math.min(x0, x(v));
      const bw = Math.abs(x(v) - x0);
      const label = known ? formatNumber(raw, lang) : "—";
      out.push(
        `<rect class="bar" x="${bx.toFixed(1)}" y="${by}" width="${bw.toFixed(1)}" height="${barH}" fill="${colour(si)}">` +
          `<title>${escapeXml(`${category} — ${s.name}: ${label}`)}</title></rect>`,
      );
      const tx = v < 0 ? bx - 4 : bx + bw + 4;
      out.push(`<text x="${tx.toFixed(1)}" y="${by + barH - 4}" text-anchor="${v < 0 ? "end" : "start"}" fill="${TEXT}">${escapeXml(label)}</text>`);
    });
  });
  out.push(`<line x1="${x0.toFixed(1)}" y1="${top - 4}" x2="${x0.toFixed(1)}" y2="${top + plotH}" stroke="#595959" stroke-width="1"/>`);
  out.push(`</svg>`);
  return { svg: out.join("\n"), width, height };
}
