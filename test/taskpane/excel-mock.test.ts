/**
 * The adapter against office-addin-mock's OfficeMockObject (Microsoft's mock of the Office.js proxy objects), as
 * a second opinion beside test/support/fake-excel.js: a 5,000-row read, "Kiểm tra" on a sample, and a write path.
 * The mock resolves loads only of objects registered as its properties, and methods must be given in its data.
 */
import { OfficeMockObject } from "office-addin-mock";
import { builtinCatalog } from "../../src/scoring";
import { SheetSpec } from "../../src/scoring/report/sheet-spec";
import { validateActiveSheet, readActiveSheet } from "../../src/taskpane/excel/validate";
import { writeSheet } from "../../src/taskpane/excel/write";
import { longSheet, plantedDefects, sampleSheets } from "./excel-fixtures";

/** A context whose active sheet holds `values` (formulas given or equal to the values) from A1. */
function mockContext(name: string, values: unknown[][], formulas?: (string | null)[][]) {
  const width = values.reduce((w, row) => Math.max(w, row.length), 0);
  const rect = (rows: unknown[][]) => rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ""));
  const blocks: { row: number; col: number; rows: number; cols: number }[] = [];
  const grid = rect(values);
  const formulaGrid = grid.map((row, r) => row.map((v, c) => formulas?.[r]?.[c] ?? v));
  const context: any = new OfficeMockObject({
    workbook: {
      name: "So Tu phap.xlsx",
      worksheets: {
        getActiveWorksheet: () => context.workbook.worksheets.active,
        active: {
          name,
          getUsedRangeOrNullObject: () => context.workbook.worksheets.active.used,
          getRangeByIndexes: (row: number, col: number, rows: number, cols: number) => {
            blocks.push({ row, col, rows, cols });
            const block = context.workbook.worksheets.active.block;
            block.setValue("values", grid.slice(row, row + rows).map((line) => line.slice(col, col + cols)));
            block.setValue("formulas", formulaGrid.slice(row, row + rows).map((line) => line.slice(col, col + cols)));
            return block;
          },
          used: { rowIndex: 0, columnIndex: 0, rowCount: grid.length, columnCount: width },
          block: { values: [], formulas: [] },
        },
      },
    },
  });
  // Office.js says isNullObject after any sync; the mock knows only properties it was given.
  context.workbook.worksheets.active.used.isNullObject = false;
  let syncs = 0;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    syncs++;
    await sync();
    // The mock propagates loaded values in nested promises it does not await.
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { context: context as Excel.RequestContext, syncs: () => syncs, blocks };
}

describe("with office-addin-mock", () => {
  test("a 5,000-row sheet is read in one block: two syncs, every row in the grid", async () => {
    const sheet = longSheet("Tự chấm", 5_000);
    const mock = mockContext(sheet.name, sheet.values);
    const read = await readActiveSheet(mock.context, (v) => v === "1.7");
    expect(mock.syncs()).toBe(2);
    expect(mock.blocks).toEqual([{ row: 0, col: 0, rows: 5_005, cols: 6 }]);
    expect(read.grid.values).toHaveLength(5_005);
    expect(read.grid.values[5_004]).toEqual(["10.500", "Tiêu chí thử số 5000", 1, 1, "Báo cáo số 5000/BC-STN", null]);
    expect(read.workbookName).toBe("So Tu phap.xlsx");
  });

  test("Kiểm tra on a sample sheet finds its planted defects in two syncs", async () => {
    const sheet = (await sampleSheets("so/so-tu-phap.xlsx")).find((s) => s.name === "Tự chấm 2018")!;
    const mock = mockContext(sheet.name, sheet.values, sheet.formulas);
    const validation = await validateActiveSheet(mock.context, builtinCatalog("dien-bien-so"), "vi", (v) => v === "1.7");
    expect(mock.syncs()).toBe(2);
    expect(validation.unit).toBe("Sở Tư pháp");
    expect(validation.findings.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.kind}`).sort()).toEqual(plantedDefects("so/so-tu-phap.xlsx"));
  });

  test("writing a sheet: the number formats, then all values and formulas in one assignment; styles by rectangle", () => {
    const log: string[] = [];
    const ranges: { address: string; mock: any }[] = [];
    const recorded = (address: string) => {
      const mock: any = new OfficeMockObject({
        format: { font: {}, fill: {}, borders: { getItem: () => ({}) }, autofitRows: () => undefined },
        merge: () => log.push(`merge ${address}`),
      });
      for (const prop of ["values", "formulas", "numberFormat"]) {
        Object.defineProperty(mock, prop, { set: (v: unknown) => log.push(`${prop} ${address} ${JSON.stringify(v)}`), configurable: true });
      }
      ranges.push({ address, mock });
      return mock;
    };
    const sheet: any = new OfficeMockObject({
      getRangeByIndexes: (r: number, c: number, rows: number, cols: number) => recorded(`${r},${c} ${rows}x${cols}`),
      getRange: (address: string) => recorded(address),
      freezePanes: { freezeRows: (n: number) => log.push(`freeze ${n}`) },
    });
    const spec: SheetSpec = {
      name: "Lỗi",
      kind: "findings",
      rows: [
        [
          { value: "Ô", style: { fill: "header" } },
          { value: "Mã", style: { fill: "header" } },
        ],
        [{ value: "E21", style: { fill: "error" } }, { value: "1.10", style: { numFmt: "@" } }],
        [{ value: "=x", style: { fill: "error" } }, { value: 2, formula: "=1+1" }],
      ],
      columnWidths: [8],
      freeze: { rows: 1 },
    };
    const result = writeSheet(sheet, spec, (v) => v === "1.7");
    const writes = log.filter((l) => /^(values|formulas|numberFormat) /.test(l));
    expect(writes).toEqual([
      'numberFormat 0,0 3x2 [["General","General"],["General","@"],["General","General"]]',
      'formulas 0,0 3x2 [["Ô","Mã"],["E21","1.10"],["\'=x","=1+1"]]',
    ]);
    expect(log).toContain("freeze 1");
    const header = ranges.find((r) => r.address === "0,0 1x2")!.mock;
    expect(header.format.fill.color).toBe("#1F4E79");
    expect(header.format.font.color).toBe("#FFFFFF");
    expect(ranges.find((r) => r.address === "1,0 2x1")!.mock.format.fill.color).toBe("#FFC7CE");
    expect(ranges.find((r) => r.address === "A:A")!.mock.format.columnWidth).toBe(45.75);
    expect(result.skipped.map((s) => s.en)).toEqual([expect.stringContaining("A4")]);
  });
});
