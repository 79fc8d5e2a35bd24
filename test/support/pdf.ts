/**
 * Reading back a PDF that LibreOffice printed, as a reader would see it, with poppler (Debian poppler-utils):
 * the text of each page (pdftotext -layout) and, for the header cells, where their white text was drawn
 * (pdftocairo -svg), to tell a whole header from one cut by a row too short for it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FILL_COLORS } from "../../src/scoring/report/sheet-spec";

function poppler(tool: string, args: string[]): string {
  const result = spawnSync(tool, args, { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error) {
    throw new Error(
      `${tool} (poppler) is not installed or not on PATH; these tests read the PDFs LibreOffice prints with it. ` +
        `Install it (Debian/Ubuntu: apt-get install poppler-utils; macOS: brew install poppler) and run the tests again. (${result.error.message})`,
    );
  }
  if (result.status !== 0) throw new Error(`${tool} ${args.join(" ")} failed: ${result.stderr}`);
  return result.stdout;
}

/** The text of each page, laid out as printed (pdftotext -layout). */
export function pdfPages(pdf: string): string[] {
  const pages = poppler("pdftotext", ["-layout", pdf, "-"]).split("\f");
  if (pages.length > 1 && pages[pages.length - 1].trim() === "") pages.pop();
  return pages;
}

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** "rgb(12.156677%,30.587769%,47.450256%)" → "#1F4E79". */
function cssRgbToHex(rgb: string): string {
  const parts = /rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)/.exec(rgb);
  if (!parts) return "";
  return `#${parts
    .slice(1)
    .map((p) => Math.round((Number(p) / 100) * 255).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase()}`;
}

/** The vertical extent of each glyph symbol, from its outline (y below the baseline is positive). */
function glyphExtents(svg: string): Map<string, { top: number; bottom: number }> {
  const out = new Map<string, { top: number; bottom: number }>();
  for (const m of svg.matchAll(/<symbol overflow="visible" id="([^"]+)">\s*<path[^>]*\sd="([^"]*)"/g)) {
    const numbers = (m[2].match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    if (ys.length > 0) out.set(m[1], { top: Math.min(...ys), bottom: Math.max(...ys) });
  }
  return out;
}

/**
 * The header text of one page drawn outside its header cells: the glyphs in the header font colour (white) whose
 * outline is not inside a rectangle of the header fill, as (x, y) of their baselines. Empty when every header
 * is whole. `headerCells` counts the header-filled rectangles drawn, `headerGlyphs` the glyphs checked.
 */
export function headerTextOutsideCells(pdf: string, page: number): { outside: { x: number; y: number }[]; headerCells: number; headerGlyphs: number } {
  const dir = mkdtempSync(join(tmpdir(), "par-pdf-svg-"));
  try {
    const file = join(dir, "page.svg");
    poppler("pdftocairo", ["-svg", "-f", String(page), "-l", String(page), pdf, file]);
    const svg = readFileSync(file, "utf8");
    const header = FILL_COLORS.header!.toUpperCase();
    const cells: Box[] = [];
    for (const m of svg.matchAll(/<path style="[^"]*fill:(rgb\([^)]*\))[^"]*" d="M ([\d.]+) ([\d.]+) L ([\d.]+) ([\d.]+) L ([\d.]+) ([\d.]+) L ([\d.]+) ([\d.]+) Z/g)) {
      if (cssRgbToHex(m[1]) !== header) continue;
      const xs = [m[2], m[4], m[6], m[8]].map(Number);
      const ys = [m[3], m[5], m[7], m[9]].map(Number);
      cells.push({ left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) });
    }
    const extents = glyphExtents(svg);
    const outside: { x: number; y: number }[] = [];
    let headerGlyphs = 0;
    for (const group of svg.matchAll(/<g style="fill:rgb\(100%,100%,100%\);fill-opacity:1;">([\s\S]*?)<\/g>/g)) {
      for (const use of group[1].matchAll(/<use xlink:href="#([^"]+)" x="([-\d.]+)" y="([-\d.]+)"\/>/g)) {
        const extent = extents.get(use[1]);
        if (!extent) continue; // a space: nothing drawn
        headerGlyphs++;
        const x = Number(use[2]);
        const y = Number(use[3]);
        const slack = 0.75;
        const inside = cells.some(
          (c) => x >= c.left - slack && x <= c.right + slack && y + extent.top >= c.top - slack && y + extent.bottom <= c.bottom + slack,
        );
        if (!inside) outside.push({ x, y });
      }
    }
    return { outside, headerCells: cells.length, headerGlyphs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
