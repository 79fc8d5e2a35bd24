/** Sheets the adapter makes for the user (catalogue copy, template) and the SheetSpec writer behind them. */
import { builtinCatalog, catalogToSheet, readCatalogSheet, readUnitSheet, walk } from "../../src/scoring";
import ExcelJS from "exceljs";
import { addSheet } from "../../src/cli/xlsx/write";
import { estimatedRowHeights, SheetSpec } from "../../src/scoring/report/sheet-spec";
import { templateLayout, templateSheet } from "../../src/scoring/report/template";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { parseRegistry } from "../../src/taskpane/excel/hidden";
import { cellInput, columnPoints, styleRectangles, textInput, writeSheet, WriteResult } from "../../src/taskpane/excel/write";
import { createFakeExcel, fakeDeps } from "./excel-fixtures";

jest.setTimeout(60_000);

const catalog = builtinCatalog("dien-bien-2018");

function gridOf(fake: ReturnType<typeof createFakeExcel>, name: string) {
  const s = fake.snapshot().sheets.find((x) => x.name === name)!;
  return {
    name,
    values: s.values.map((row) => row.map((v) => (v === "" ? null : v))) as (string | number | boolean | null)[][],
    formulas: s.formulas,
  };
}

describe("text stays text", () => {
  test.each(["=HYPERLINK(1)", "+84", "-2", "@x", "1.10", "0,5", "85%", "15/01/2019", "1.2.3", "TRUE", "'quoted", "Mar 2019", "8:30"])(
    "%s gets the apostrophe prefix",
    (text) => expect(textInput(text)).toBe(`'${text}`),
  );

  test.each(["Sở Tư pháp", "Kế hoạch số 125/KH-STP", "Quý I năm 2019", "I.1", "Điểm tối đa"])("%s is written as it is", (text) =>
    expect(textInput(text)).toBe(text),
  );

  test("a code under the text format is written without prefix; dates become serial numbers; formulas stay formulas", () => {
    expect(cellInput({ value: "1.10", style: { numFmt: "@" } })).toBe("1.10");
    expect(cellInput({ value: new Date(2019, 0, 15) })).toBe(43480);
    expect(cellInput({ value: 3, formula: "SUM(C5:C8)" })).toBe("=SUM(C5:C8)");
    expect(cellInput({ value: Number.NaN })).toBe("");
    expect(cellInput(null)).toBe("");
  });

  test("column widths: characters to points (n × 7 + 5 px, 0.75 pt per px)", () => {
    expect(columnPoints(10)).toBe(56.25);
    expect(columnPoints(48)).toBe(255.75);
  });
});

describe("writeSheet", () => {
  const spec: SheetSpec = {
    name: "Thử",
    kind: "summary",
    rows: [
      [{ value: "Tiêu đề", style: { bold: true, size: 14 } }],
      [
        { value: "Mã", style: { fill: "header", border: true } },
        { value: "Điểm", style: { fill: "header", border: true } },
      ],
      [{ value: "1.10", style: { numFmt: "@", border: true } }, { value: 0.5, style: { numFmt: "0.00", border: true } }],
      [{ value: "1.2", style: { numFmt: "@", border: true } }, { value: 1, style: { numFmt: "0.00", border: true } }],
      [{ value: "Tổng", style: { fill: "total", border: true } }, { value: 1.5, formula: "=SUM(B3:B4)", style: { fill: "total", numFmt: "0.00", border: true } }],
    ],
    columnWidths: [10, 12],
    freeze: { rows: 2 },
    merges: ["A1:B1"],
    headerRow: 1,
    chart: { type: "bar", title: "Điểm", categories: ["1.10", "1.2"], categoriesRange: "A3:A4", series: [{ name: "Điểm", values: [0.5, 1], range: "B3:B4" }], anchor: "D2" },
  };

  async function write(apiVersion: string) {
    const fake = createFakeExcel({ sheets: [{ name: "Có sẵn", values: [["x"]] }], apiVersion });
    const result: WriteResult = await fake.Excel.run(async (context: Excel.RequestContext) => {
      const sheet = context.workbook.worksheets.add("Thử");
      const r = writeSheet(sheet, spec, (v) => fake.Office.context.requirements.isSetSupported("ExcelApi", v));
      await context.sync();
      return r;
    });
    return { fake, result, sheet: fake.snapshot().sheets[1] };
  }

  test("values, number formats (text before values), formulas, widths, merge, freeze, autofilter, print setup, chart", async () => {
    const { fake, result, sheet } = await write("1.18");
    expect(sheet.values).toEqual([
      ["Tiêu đề", ""],
      ["Mã", "Điểm"],
      ["1.10", 0.5],
      ["1.2", 1],
      ["Tổng", ""],
    ]);
    expect(sheet.formulas[4][1]).toBe("=SUM(B3:B4)");
    expect(sheet.numberFormats[2]).toEqual(["@", "0.00"]);
    expect(sheet.columnWidths).toEqual({ A: 56.25, B: 66.75 });
    expect(sheet.merges).toEqual(["A1:B1"]);
    expect(sheet.frozenRows).toBe(2);
    expect(sheet.fills).toEqual({ A2: "#1F4E79", B2: "#1F4E79", A5: "#E7E6E6", B5: "#E7E6E6" });
    expect(fake.formatOf("Thử", "A2")).toMatchObject({ "font.bold": true, "font.color": "#FFFFFF", horizontalAlignment: "Center", wrapText: true });
    expect(fake.formatOf("Thử", "A1")).toMatchObject({ "font.bold": true, "font.size": 14 });
    expect(fake.formatOf("Thử", "B4")).toMatchObject({ "border.bottom.style": "Continuous", "border.right.color": "#A6A6A6" });
    expect(sheet.charts).toEqual([{ type: "BarClustered", title: "Điểm", valuesRange: "B3:B4", categoriesRange: "A3:A4", anchor: "D2" }]);
    const layout = fake.layoutOf("Thử")!;
    expect(layout.autoFilter).toBe("A2:B5");
    expect(layout.pageLayout).toMatchObject({ orientation: "Portrait", paperSize: "A4", printTitleRows: "$1:$2", zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(result).toEqual({ skipped: [], chart: true });
  });

  test("styles go to rectangles of like cells, not cell by cell", () => {
    const rects = styleRectangles(spec);
    expect(rects.map((r) => `${r.row},${r.col} ${r.rows}x${r.cols}`)).toEqual(["0,0 1x1", "1,0 1x2", "2,0 2x2", "4,0 1x2"]);
  });

  test("on ExcelApi 1.7 the filter and print setup are skipped and said so; the sheet is still written", async () => {
    const { result, sheet } = await write("1.7");
    expect(sheet.values[2]).toEqual(["1.10", 0.5]);
    expect(result.chart).toBe(true);
    expect(result.skipped.map((s) => s.en)).toEqual([expect.stringContaining("filter"), expect.stringContaining("A4")]);
  });
});

describe("insertCatalogSheet", () => {
  test("writes the catalogue as an editable sheet that reads back as the same catalogue, and activates it", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Tự chấm", values: [["x"]] }] });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const created = await actions.insertCatalogSheet(catalog, "vi");
    expect(created).toEqual({ sheet: "Bộ tiêu chí", skipped: [] });
    expect(fake.snapshot().active).toBe("Bộ tiêu chí");
    const read = readCatalogSheet(gridOf(fake, "Bộ tiêu chí"));
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(read.catalog).toEqual(readCatalogSheet({ name: "x", values: catalogToSheet(catalog).rows.map((r) => r.map((c) => (c?.value ?? null) as never)) }).catalog);
    expect([...walk(read.catalog!.nodes)].map((n) => n.code)).toEqual([...walk(catalog.nodes)].map((n) => n.code));
  });

  test("inserting twice gives two sheets; the user's sheets, including one named like ours, are untouched", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Bộ tiêu chí", values: [["Của tôi", 1]], fills: { A1: "#FFFF00" } }] });
    const before = fake.snapshot().sheets[0];
    const actions = createExcelActions(fakeDeps(fake).deps);
    const first = await actions.insertCatalogSheet(catalog, "vi");
    const second = await actions.insertCatalogSheet(catalog, "en");
    expect([first.sheet, second.sheet]).toEqual(["Bộ tiêu chí (2)", "Bộ tiêu chí (3)"]);
    const snap = fake.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Bộ tiêu chí", "Bộ tiêu chí (2)", "Bộ tiêu chí (3)"]);
    expect(snap.sheets[0]).toEqual(before);
    expect(snap.sheets.some((s) => s.name === "_par")).toBe(false);
  });

  test("a protected workbook structure: a UserError, nothing written", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }] });
    fake.setStructureProtected(true);
    const actions = createExcelActions(fakeDeps(fake).deps);
    const error = await actions.insertCatalogSheet(catalog, "vi").catch((e) => e);
    expect(error.text("vi")).toContain("bảo vệ");
    expect(fake.snapshot().sheets).toHaveLength(1);
  });
});

describe("createTemplate", () => {
  test("the unit's sheet reads back through readUnitSheet with every catalogue code, and is the user's (noted in _par, not registered)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Ghi chú", values: [["x"]] }] });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const created = await actions.createTemplate(catalog, { unit: "Sở Tư pháp", lang: "vi" });
    const snap = fake.snapshot();
    expect(snap.active).toBe(created.sheet);
    expect(snap.sheets.map((s) => s.name)).toEqual(["Ghi chú", created.sheet, "_par"]);
    const registry = parseRegistry(snap.sheets[2].values);
    expect(registry.owned).toEqual([]);
    expect(registry.templates).toEqual([created.sheet]);
    expect(snap.sheets[2].visibility).toBe("VeryHidden");
    const unit = readUnitSheet(gridOf(fake, created.sheet), "x")!;
    expect(unit.unit).toBe("Sở Tư pháp");
    expect(unit.rows.map((r) => r.code)).toEqual([...walk(catalog.nodes)].map((n) => n.code));
    const layout = templateLayout();
    expect(unit.header.row).toBe(layout.headerRow);
    const sheet = snap.sheets[1];
    expect(sheet.formulas.flat().some((f) => typeof f === "string" && f.startsWith("=PAR.SCORE("))).toBe(true);
    expect(sheet.validations.length).toBeGreaterThan(0);
    expect(sheet.frozenRows).toBe(templateSheet(catalog, { unit: "Sở Tư pháp" }).freeze?.rows ?? 0);
    expect(created.skipped).toEqual([]);
  });

  test("merged wrapped title and instructions get the row heights the .xlsx writer gives them (Excel's autofit ignores merged cells)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }] });
    const created = await createExcelActions(fakeDeps(fake).deps).createTemplate(catalog, { unit: "Sở Tư pháp", lang: "vi" });
    const heights = fake.snapshot().sheets.find((s) => s.name === created.sheet)!.rowHeights;
    const spec = templateSheet(catalog, { unit: "Sở Tư pháp", lang: "vi" });
    const workbook = new ExcelJS.Workbook();
    const xlsx = addSheet(workbook, spec);
    for (const row of [1, 4]) {
      expect(heights[row]).toBe(estimatedRowHeights(spec).get(row - 1));
      expect(heights[row]).toBe(xlsx.getRow(row).height);
    }
    expect(heights[4]).toBeGreaterThan(30); // the instructions take several lines
    expect(heights[6]).toBe("auto"); // rows without merged cells are left to Excel's autofit
  });

  test("twice: a second sheet under a new name, the first untouched", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }] });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const first = await actions.createTemplate(catalog, { unit: "", lang: "vi" });
    const afterFirst = fake.snapshot().sheets[1];
    const second = await actions.createTemplate(catalog, { unit: "", lang: "vi" });
    expect(second.sheet).not.toBe(first.sheet);
    expect(fake.snapshot().sheets[1]).toEqual(afterFirst);
  });

  test("on ExcelApi 1.7 the score cells' data validation is skipped and the user told why", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }], apiVersion: "1.7" });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const created = await actions.createTemplate(catalog, { unit: "X", lang: "en" });
    expect(created.skipped).toEqual(expect.arrayContaining([expect.stringContaining("ExcelApi 1.8")]));
    expect(fake.snapshot().sheets[1].validations).toEqual([]);
  });

  test("on ExcelApi 1.8 names are not indented (indentLevel is 1.9) and the user is told; the rest is written", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }], apiVersion: "1.8" });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const created = await actions.createTemplate(catalog, { unit: "X", lang: "vi" });
    expect(created.skipped).toEqual(expect.arrayContaining([expect.stringContaining("thụt lề")]));
    const sheet = fake.snapshot().sheets[1];
    expect(sheet.validations.length).toBeGreaterThan(0);
    const row = sheet.values.findIndex((r) => r[0] === "1.1.1");
    expect(row).toBeGreaterThan(0);
    expect(fake.formatOf(sheet.name, `B${row + 1}`)?.indentLevel ?? 0).toBe(0);
  });
});
