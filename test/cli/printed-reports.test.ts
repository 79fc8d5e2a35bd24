/**
 * The .xlsx outputs of `par summary` and `par aggregate` on the bundled samples, printed as a Sở Nội vụ prints
 * them: LibreOffice (Vietnamese locale) exports each to PDF, and the PDF is read back with poppler. On the pages of
 * every generated sheet (found by the footer the sheet prints): each figure of the sheet is there whole, in the
 * Vietnamese notation (1.234,50); no figure is cut across lines; each criterion code is whole; each header text is
 * there word for word, and no header text is drawn outside its header cell (a row too short cuts it); the charts
 * are native parts of the package and drawn in the PDF.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { formatNumber } from "../../src/scoring/values";
import { FILL_COLORS } from "../../src/scoring/report/sheet-spec";
import { addSheet, workbookBuffer } from "../../src/cli/xlsx/write";
import { ownedSheets } from "../../src/cli/xlsx/write";
import { convertWithLibreOffice } from "../support/libreoffice";
import { headerTextOutsideCells, pdfPages } from "../support/pdf";
import { par, SAMPLE_CATALOG, SAMPLES, tempDir } from "../support/par";
import { writeFileSync } from "node:fs";

jest.setTimeout(600_000);

const dir = tempDir("par-printed-");

/** What one generated sheet must show on paper. */
interface Expected {
  sheet: string;
  /** Row 1's text: the sheet's title. */
  title: string;
  footer: string;
  figures: string[];
  codes: string[];
  headers: string[];
}

const HEADER_ARGB = `FF${FILL_COLORS.header!.slice(1).toUpperCase()}`;

/** "&LSở Tư pháp &&amp; … &R&P/&N" → "Sở Tư pháp & …" (the left footer as printed). */
function leftFooter(code: string | undefined): string {
  const left = /&L(.*?)(?=&[RC]|$)/.exec(code ?? "")?.[1] ?? "";
  return left.replace(/&&/g, "&");
}

/** A cell's number as a Vietnamese Excel or LibreOffice prints it under its format; null for counts and text. */
function printed(value: number, numFmt: string | undefined): string | null {
  if (numFmt === "#,##0.00") return formatNumber(value, "vi");
  if (numFmt === "0.00%") return `${formatNumber(value * 100, "vi")}%`;
  return null;
}

async function expectedSheets(xlsx: string): Promise<Expected[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  // Hidden sheets (the bookkeeping "_par_data") are not printed.
  const printedSheets = ownedSheets(wb).filter(({ name }) => wb.getWorksheet(name)!.state === "visible");
  // They are the last sheets of the workbook: after the copied ones, they print last.
  const visible = wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
  expect(visible.slice(visible.length - printedSheets.length).sort()).toEqual(printedSheets.map((p) => p.name).sort());
  const inOrder = visible.filter((name) => printedSheets.some((p) => p.name === name));
  return inOrder.map((name) => {
    const ws = wb.getWorksheet(name)!;
    const out: Expected = { sheet: name, title: String(ws.getCell(1, 1).value ?? ""), footer: leftFooter(ws.headerFooter?.oddFooter), figures: [], codes: [], headers: [] };
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        // exceljs gives every cell of a merged area the area's value; it is printed once, by the area's first cell.
        if (cell.isMerged && cell.master.address !== cell.address) return;
        if (typeof cell.value === "number") {
          const text = printed(cell.value, cell.numFmt);
          if (text) out.figures.push(text);
        } else if (typeof cell.value === "string") {
          if (/^\d+(\.\d+)+$/.test(cell.value)) out.codes.push(cell.value);
          const fill = cell.fill as ExcelJS.FillPattern | undefined;
          if (fill?.fgColor?.argb === HEADER_ARGB) out.headers.push(cell.value);
        }
      }),
    );
    return out;
  });
}

/** Each token's count. */
function counts(tokens: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of tokens) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** The tokens of `wanted` found fewer times in `text` than wanted, as "token ×wanted/found". */
function missing(wanted: string[], found: string[]): string[] {
  const have = counts(found);
  return [...counts(wanted)].filter(([t, n]) => (have.get(t) ?? 0) < n).map(([t, n]) => `${t} ×${n}/${have.get(t) ?? 0}`);
}

const FIGURE = /(?<![\d.,])-?\d{1,3}(?:\.\d{3})*,\d{2}%?(?![\d,])/g;
const CODE = /(?<![\d.,])\d+(?:\.\d+)+(?![\d]|[.,]\d)/g;
/** A figure cut across lines or cells: a decimal comma at the end of a cell's text, or not followed by 2 digits. */
const BROKEN_FIGURE = /\d,(?=\s{2,}|\s*$)|\d,\d(?!\d)|\d,\d{3,}/gm;

interface Printed {
  xlsx: string;
  pdf: string;
  pages: string[];
}

function print(xlsx: string): Printed {
  const out = join(dir, "pdf");
  mkdirSync(out, { recursive: true });
  const pdf = convertWithLibreOffice(xlsx, out, "pdf", { locale: "vi-VN" });
  if (!pdf.ok) throw new Error(pdf.log);
  return { xlsx, pdf: pdf.output!, pages: pdfPages(pdf.output!) };
}

async function chartParts(xlsx: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(xlsx));
  const parts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  return Promise.all(parts.map((p) => zip.file(p)!.async("string")));
}

/** The checks every generated sheet of a printed output passes. */
async function checkPrinted(out: Printed, sheets: string[]): Promise<void> {
  const expected = await expectedSheets(out.xlsx);
  expect(expected.map((e) => e.sheet)).toEqual(expect.arrayContaining(sheets));
  // Sheets sharing a footer (a unit's summary and plan) are checked together, on the pages that print it.
  const byFooter = new Map<string, Expected[]>();
  for (const e of expected) {
    expect(e.footer).not.toBe("");
    byFooter.set(e.footer, [...(byFooter.get(e.footer) ?? []), e]);
  }
  // The generated sheets come after the copied ones and print last; each of their pages ends with its footer on
  // one line, the sheet's own footer whole and then "page/pages" (a footer too long for the page wraps, and its
  // last line is then only a piece of it).
  const lastLines = out.pages.map((page) => page.split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? "");
  const footerOf = (line: string) => /^(.*?)\s+\d+\/\d+$/.exec(line)?.[1] ?? null;
  // The first generated sheet starts on the first page that prints its title (row 1).
  const first = out.pages.findIndex((page) => page.includes(expected[0].title));
  expect([expected[0].title, first >= 0]).toEqual([expected[0].title, true]);
  lastLines.slice(first).forEach((line, i) => expect([first + i + 1, line, byFooter.has(footerOf(line) ?? "")]).toEqual([first + i + 1, line, true]));
  for (const [footer, group] of byFooter) {
    const pageNumbers = out.pages.map((text, i) => (text.includes(footer) ? i + 1 : 0)).filter((n) => n > 0);
    expect([footer, pageNumbers.length > 0]).toEqual([footer, true]);
    const text = pageNumbers.map((n) => out.pages[n - 1]).join("\n");
    const all = <K extends "figures" | "codes" | "headers">(k: K) => group.flatMap((e) => e[k]);
    expect([footer, missing(all("figures"), text.match(FIGURE) ?? [])]).toEqual([footer, []]);
    // "Cách đọc" quotes the unit's own cells as typed ("0,5 điểm mỗi báo cáo"): only PAR Scorer's figures are checked.
    const quotes = group.every((e) => e.sheet === "Cách đọc" || e.sheet === "Reading");
    if (!quotes) expect([footer, text.match(BROKEN_FIGURE) ?? []]).toEqual([footer, []]);
    expect([footer, missing(all("codes"), text.match(CODE) ?? [])]).toEqual([footer, []]);
    // Each header's words are printed whole (a wrapped header is split between words, never inside one).
    const words = text.split(/[\s]+/);
    const headerWords = all("headers").flatMap((h) => h.split(/\s+/));
    expect([footer, missing(headerWords, words)]).toEqual([footer, []]);
    for (const n of pageNumbers) {
      const drawn = headerTextOutsideCells(out.pdf, n);
      expect([footer, n, drawn.outside]).toEqual([footer, n, []]);
    }
  }
}

describe("par summary: the summary and the improvement plan, printed", () => {
  let printed: Printed;
  let nationalPrinted: Printed;
  let appraisedPrinted: Printed;

  beforeAll(async () => {
    const xlsx = join(dir, "tong-hop.xlsx");
    expect((await par("summary", join(SAMPLES, "so", "so-tu-phap.xlsx"), "-c", SAMPLE_CATALOG, "-o", xlsx)).code).toBe(0);
    printed = print(xlsx);
    const national = join(dir, "tong-hop-huyen.xlsx");
    expect((await par("summary", join(SAMPLES, "quoc-gia", "huyen-tua-chua-2026.xlsx"), "-o", national)).code).toBe(0);
    nationalPrinted = print(national);
    const appraisedXlsx = join(dir, "tong-hop-tham-dinh.xlsx");
    expect((await par("summary", join(SAMPLES, "huyen", "huyen-dien-bien-dong.xlsx"), "-c", SAMPLE_CATALOG, "-o", appraisedXlsx)).code).toBe(0);
    appraisedPrinted = print(appraisedXlsx);
  });

  test("figures whole and Vietnamese, codes whole, headers whole and inside their cells (department sample)", async () => {
    await checkPrinted(printed, ["Tổng hợp", "Kế hoạch cải thiện"]);
  });

  test("the same with survey, bonus and penalty columns (national-style district sample)", async () => {
    await checkPrinted(nationalPrinted, ["Tổng hợp", "Kế hoạch cải thiện"]);
    const summary = nationalPrinted.pages.join("\n");
    for (const head of ["Điều tra", "Điểm", "thưởng", "trừ"]) expect(summary).toContain(head);
  });

  test("the points-by-field chart is a native chart of the package, drawn in the PDF", async () => {
    const charts = await chartParts(printed.xlsx);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toContain("<a:t>Điểm theo lĩnh vực</a:t>");
    expect(charts[0]).toContain("&apos;Tổng hợp&apos;!$B$");
    const lines = printed.pages.join("\n").split("\n").map((l) => l.trim());
    // The title and legend are in no cell: they are there because LibreOffice drew the chart.
    expect(lines).toContain("Điểm theo lĩnh vực");
    expect(lines.some((l) => /Điểm tự chấm\s+Điểm tối đa áp dụng/.test(l))).toBe(true);
  });

  test("with appraised scores (SNV đánh giá), the chart sets self against appraised points by field, drawn in the PDF", async () => {
    await checkPrinted(appraisedPrinted, ["Tổng hợp", "Kế hoạch cải thiện"]);
    const charts = await chartParts(appraisedPrinted.xlsx);
    expect(charts).toHaveLength(1);
    const series = [...charts[0].matchAll(/<c:ser>.*?<c:tx><c:v>([^<]*)<\/c:v>.*?<c:val><c:numRef><c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
    expect(series).toEqual(["Điểm tối đa áp dụng", "Điểm tự chấm", "Điểm thẩm định"]);
    // The legend puts the series on one line: in no cell are the three words side by side.
    const lines = appraisedPrinted.pages.join("\n").split("\n").map((l) => l.trim());
    expect(lines.some((l) => /Điểm thẩm định\s+Điểm tự chấm|Điểm tự chấm\s+Điểm thẩm định/.test(l))).toBe(true);
  });

  test("the copied unit sheet prints with its wrapped text in rows tall enough (no two texts drawn over each other)", () => {
    // On the unit sheet's first page, each wrapped evidence document starts its own line: squeezed rows would
    // print the documents of neighbouring rows into each other's lines.
    const first = printed.pages[0];
    expect(first).toMatch(/Kế hoạch số 221\/KH-STP ngày 26\/12\/2017 về\s*\n\s+kế hoạch CCHC năm 2018/);
  });
});

describe("par aggregate: the ranking, points by field and the units' sheets, printed", () => {
  let printed: Printed;
  let nationalPrinted: Printed;

  beforeAll(async () => {
    const xlsx = join(dir, "xep-hang.xlsx");
    const groups = [`${join(SAMPLES, "so")}=Sở, ban, ngành`, `${join(SAMPLES, "huyen")}=UBND cấp huyện`];
    const result = await par("aggregate", join(SAMPLES, "so"), join(SAMPLES, "huyen"), "-c", SAMPLE_CATALOG, "-o", xlsx, "--groups", ...groups);
    expect(result.code).toBe(0);
    printed = print(xlsx);
    const national = join(dir, "xep-hang-huyen.xlsx");
    const survey = join(SAMPLES, "dieu-tra-xhh-huyen-2026.xlsx");
    expect((await par("aggregate", join(SAMPLES, "quoc-gia"), "--survey", survey, "-o", national)).code).toBe(0);
    nationalPrinted = print(national);
  });

  test("figures whole and Vietnamese, codes whole, headers whole and inside their cells", async () => {
    await checkPrinted(printed, ["Xếp hạng", "Điểm theo lĩnh vực"]);
  });

  test("the same with survey, bonus and penalty columns", async () => {
    await checkPrinted(nationalPrinted, ["Xếp hạng", "Điểm theo lĩnh vực"]);
  });

  test("the index by unit in rank order: one native chart per group, drawn in the PDF; one per unit sheet", async () => {
    const charts = await chartParts(printed.xlsx);
    const titles = charts.map((c) => /<a:t>([^<]*)<\/a:t>/.exec(c)![1]);
    expect(titles.filter((t) => t.startsWith("Chỉ số CCHC theo đơn vị"))).toEqual(
      expect.arrayContaining(["Chỉ số CCHC theo đơn vị — Sở, ban, ngành", "Chỉ số CCHC theo đơn vị — UBND cấp huyện"]),
    );
    expect(titles.filter((t) => t === "Điểm theo lĩnh vực")).toHaveLength(7);
    const lines = printed.pages.join("\n").split("\n").map((l) => l.trim());
    expect(lines).toContain("Chỉ số CCHC theo đơn vị — Sở, ban, ngành");
    expect(lines).toContain("Chỉ số CCHC theo đơn vị — UBND cấp huyện");
  });

  test("chart pages carry no table header: the charts are on a sheet of their own, without print titles", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(printed.xlsx);
    const visible = wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(visible.slice(0, 3)).toEqual(["Xếp hạng", "Biểu đồ xếp hạng", "Điểm theo lĩnh vực"]);
    expect(wb.getWorksheet("Biểu đồ xếp hạng")!.pageSetup.printTitlesRow).toBeFalsy();
    const charts = await chartParts(printed.xlsx);
    const ranking = charts.filter((c) => /<a:t>Chỉ số (CCHC theo đơn vị|tự đánh giá và thẩm định) — /.test(c));
    expect(ranking).toHaveLength(3);
    // Still drawn from the ranking table's cells.
    for (const c of ranking) expect(c).toMatch(/<c:f>&apos;Xếp hạng&apos;!\$B\$\d+:\$B\$\d+<\/c:f>/);
    const titles = ["Chỉ số CCHC theo đơn vị — Sở, ban, ngành", "Chỉ số CCHC theo đơn vị — UBND cấp huyện", "Chỉ số tự đánh giá và thẩm định — UBND cấp huyện"];
    for (const title of titles) {
      const pages = printed.pages.filter((p) => p.split("\n").some((l) => l.trim() === title));
      expect([title, pages.length]).toEqual([title, 1]);
      // The table's header row ("Hạng", "Đơn vị", "Chỉ số", …) is not printed above the chart.
      const words = pages[0].split(/\s+/);
      expect([title, words.includes("Hạng"), words.includes("Đơn")]).toEqual([title, false, false]);
    }
  });

  test("self-assessed against appraised index, for the group with appraised units: a native chart drawn in the PDF", async () => {
    const charts = await chartParts(printed.xlsx);
    const both = charts.filter((c) => c.includes("<a:t>Chỉ số tự đánh giá và thẩm định"));
    // Only the districts were appraised (SNV đánh giá): the departments get no such chart.
    expect(both.map((c) => /<a:t>([^<]*)<\/a:t>/.exec(c)![1])).toEqual(["Chỉ số tự đánh giá và thẩm định — UBND cấp huyện"]);
    const refs = [...both[0].matchAll(/<c:val><c:numRef><c:f>([^<]*)<\/c:f>/g)].map((m) => m[1]);
    expect(refs).toEqual([expect.stringMatching(/^&apos;Xếp hạng&apos;!\$E\$\d+:\$E\$\d+$/), expect.stringMatching(/^&apos;Xếp hạng&apos;!\$F\$\d+:\$F\$\d+$/)]);
    const lines = printed.pages.join("\n").split("\n").map((l) => l.trim());
    expect(lines).toContain("Chỉ số tự đánh giá và thẩm định — UBND cấp huyện");
    expect(lines.some((l) => /^(Thẩm định\s+Tự đánh giá|Tự đánh giá\s+Thẩm định)$/.test(l))).toBe(true);
    // The appraised district's own sheet charts its points by field with the appraised series too.
    const unitCharts = charts.filter((c) => c.includes("&apos;UBND huyện Điện Biên Đông&apos;!"));
    expect(unitCharts).toHaveLength(1);
    expect(unitCharts[0]).toContain("<c:v>Điểm thẩm định</c:v>");
  });
});

test("the header check sees a header cut by a row too short for it", async () => {
  const wb = new ExcelJS.Workbook();
  const head = { bold: true, fill: "header" as const, wrap: true, border: true };
  const ws = addSheet(wb, {
    name: "Cắt",
    kind: "summary",
    columnWidths: [10, 10],
    rows: [[{ value: "Điểm tối đa áp dụng của đơn vị", style: head }, { value: "Tự chấm", style: head }], [{ value: 1 }, { value: 2 }]],
    headerRow: 0,
    footer: "Kiểm tra",
  });
  ws.getRow(1).height = 15;
  const file = join(dir, "cat.xlsx");
  writeFileSync(file, await workbookBuffer(wb));
  const out = print(file);
  expect(headerTextOutsideCells(out.pdf, 1).outside.length).toBeGreaterThan(0);
});
