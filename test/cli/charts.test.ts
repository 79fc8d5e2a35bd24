import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addCharts, chartXml } from "../../src/cli/xlsx/charts";
import { addSheet, workbookBuffer } from "../../src/cli/xlsx/write";
import { ChartIntent } from "../../src/scoring/report/sheet-spec";
import { convertWithLibreOffice } from "../support/libreoffice";
import { pdfPages } from "../support/pdf";

jest.setTimeout(180_000);

const dir = mkdtempSync(join(tmpdir(), "par-charts-"));
const SHEET = "Tổng hợp & 'x' <1>";

const chart: ChartIntent = {
  type: "bar",
  title: "Biểu đồ ZQX: điểm theo lĩnh vực",
  categories: ["1. Chỉ đạo", "2. TTHC", "3. Bộ máy"],
  categoriesRange: "A2:A4",
  series: [
    { name: "Điểm tối đa", values: [9, 7, 5], range: "B2:B4" },
    { name: "Điểm tự chấm", values: [8.5, 6, 4.25], range: "C2:C4" },
  ],
  anchor: "E2",
};

async function workbookWithChart(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = addSheet(wb, {
    name: SHEET,
    kind: "summary",
    columnWidths: [30, 12, 12],
    rows: [
      [{ value: "Lĩnh vực" }, { value: "Tối đa" }, { value: "Tự chấm" }],
      ...chart.categories.map((c, i) => [{ value: c }, { value: chart.series[0].values[i] }, { value: chart.series[1].values[i] }]),
    ],
  });
  expect(ws.name).toBe(SHEET);
  wb.addWorksheet("Khác").getCell("A1").value = "không có biểu đồ";
  return addCharts(Buffer.from(await wb.xlsx.writeBuffer()), [{ sheet: SHEET, chart }]);
}

test("the chart part refers to the sheet's cells (quoted name) and caches the values", () => {
  const xml = chartXml(SHEET, chart);
  expect(xml).toContain("<c:f>&apos;Tổng hợp &amp; &apos;&apos;x&apos;&apos; &lt;1&gt;&apos;!$A$2:$A$4</c:f>");
  expect(xml).toContain("<c:f>&apos;Tổng hợp &amp; &apos;&apos;x&apos;&apos; &lt;1&gt;&apos;!$C$2:$C$4</c:f>");
  expect(xml).toContain('<c:pt idx="2"><c:v>4.25</c:v></c:pt>');
  expect(xml).toContain("<a:t>Biểu đồ ZQX: điểm theo lĩnh vực</a:t>");
  expect(xml.match(/<c:ser>/g)).toHaveLength(2);
});

test("the package gains a chart, a drawing, their relationships and content types; other sheets untouched", async () => {
  const zip = await JSZip.loadAsync(await workbookWithChart());
  expect(zip.file("xl/charts/chart1.xml")).not.toBeNull();
  expect(await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string")).toContain('Target="../charts/chart1.xml"');
  const types = await zip.file("[Content_Types].xml")!.async("string");
  expect(types).toContain('PartName="/xl/charts/chart1.xml"');
  expect(types).toContain('PartName="/xl/drawings/drawing1.xml"');
  const sheet1 = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  const rels = await zip.file("xl/worksheets/_rels/sheet1.xml.rels")!.async("string");
  const id = /<drawing r:id="(rId\d+)"\/>/.exec(sheet1)![1];
  expect(rels).toContain(`Id="${id}"`);
  expect(rels).toContain('Target="../drawings/drawing1.xml"');
  expect(await zip.file("xl/worksheets/sheet2.xml")!.async("string")).not.toContain("<drawing");
  // exceljs reads it back (the cells are intact).
  const back = new ExcelJS.Workbook();
  await back.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ExcelJS.Buffer);
  expect(back.getWorksheet(SHEET)!.getCell("C4").value).toBe(4.25);
});

test("LibreOffice opens it, keeps the chart, and draws it in its PDF export", async () => {
  const file = join(dir, "bieu-do.xlsx");
  writeFileSync(file, await workbookWithChart());
  const roundTrip = convertWithLibreOffice(file, join(dir, "rt"), "xlsx");
  if (!roundTrip.ok) throw new Error(roundTrip.log);
  const kept = await JSZip.loadAsync(require("node:fs").readFileSync(roundTrip.output!));
  const charts = Object.keys(kept.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
  expect(charts).toHaveLength(1);
  expect(await kept.file(charts[0])!.async("string")).toMatch(/\$C\$2:\$C\$4/);

  const pdf = convertWithLibreOffice(file, join(dir, "pdf"));
  if (!pdf.ok) throw new Error(pdf.log);
  const text = spawnSync("pdftotext", ["-layout", pdf.output!, "-"], { encoding: "utf8" });
  if (text.error) throw new Error(`pdftotext (Debian poppler-utils) is needed: ${text.error.message}`);
  // The chart's title is in no cell: it is there because the chart was drawn; so are its legend entries.
  expect(text.stdout).toContain("Biểu đồ ZQX: điểm theo lĩnh vực");
  expect(text.stdout).toContain("Điểm tự chấm");
});

test("a chart that starts a printed page is drawn on that page only, not also (clipped) at the foot of the page before", async () => {
  const wb = new ExcelJS.Workbook();
  const below: ChartIntent = { ...chart, categoriesRange: "A2:A4", anchor: "A6" };
  addSheet(wb, {
    name: "Trang",
    kind: "summary",
    columnWidths: [30, 12, 12],
    rows: [
      [{ value: "Lĩnh vực" }, { value: "Tối đa" }, { value: "Tự chấm" }],
      ...chart.categories.map((c, i) => [{ value: c }, { value: chart.series[0].values[i] }, { value: chart.series[1].values[i] }]),
    ],
    pageBreaks: [5],
    charts: [below],
    chart: below,
  });
  const file = join(dir, "ngat-trang.xlsx");
  writeFileSync(file, await workbookBuffer(wb));
  const pdf = convertWithLibreOffice(file, join(dir, "pdf-break"));
  if (!pdf.ok) throw new Error(pdf.log);
  const pages = pdfPages(pdf.output!);
  expect(pages).toHaveLength(2);
  expect(pages[0]).toContain("3. Bộ máy");
  expect(pages[0]).not.toContain("Biểu đồ ZQX");
  expect(pages[1]).toContain("Biểu đồ ZQX: điểm theo lĩnh vực");
});
