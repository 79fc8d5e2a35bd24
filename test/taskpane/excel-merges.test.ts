/**
 * Merged areas in the Office.js reader: Grid.merges filled for each sheet read, in the same sync as its values
 * (Range.getMergedAreasOrNullObject, ExcelApi 1.13), left undefined (unknown) below 1.13 or when the office.js
 * loaded lacks the method, and [] for a sheet without any.
 */
import { CellRect } from "../../src/scoring/grid";
import { BlockRead } from "../../src/taskpane/excel/read";
import { officeApiSupport } from "../../src/taskpane/excel/support";
import { readActiveSheet } from "../../src/taskpane/excel/validate";
import { readWorkbook, WorkbookRead } from "../../src/taskpane/excel/workbook";
import { createFakeExcel, FakeInit, longSheet, SheetSeed } from "./excel-fixtures";

/** A unit sheet whose header spans two rows (A5:A6 …, "Điểm" over E6:F6) and whose evidence is merged down. */
const merged: SheetSeed = {
  name: "Tự chấm",
  values: [
    ["BẢNG TỰ CHẤM ĐIỂM"],
    ["Đơn vị: Sở Thử"],
    [],
    [],
    ["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả", "Điểm", "", "Tài liệu kiểm chứng"],
    ["", "", "", "", "Tự chấm", "Thẩm định", ""],
    ["1.1", "Kế hoạch", 1, 1, 1, "", "Kế hoạch số 12/KH-STP ngày 20/12/2017"],
    ["1.2", "Báo cáo", 1, 1, 1, "", ""],
    ["1.3", "Kiểm tra", 1, 1, 1, "", ""],
  ],
  merges: ["A1:G1", "A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:F5", "G5:G6", "G7:G9"],
};

const rect = (top: number, left: number, bottom: number, right: number): CellRect => ({ top, left, bottom, right });

const EXPECTED = [
  rect(0, 0, 0, 6),
  rect(4, 0, 5, 0),
  rect(4, 1, 5, 1),
  rect(4, 2, 5, 2),
  rect(4, 3, 5, 3),
  rect(4, 4, 4, 5),
  rect(4, 6, 5, 6),
  rect(6, 6, 8, 6),
];

const byPosition = (a: CellRect, b: CellRect) => a.top - b.top || a.left - b.left;

async function readActive(init: FakeInit, excel?: Record<string, unknown>) {
  const fake = createFakeExcel(init);
  const supports = officeApiSupport(fake.Office, excel ?? fake.Excel);
  const read = await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, supports));
  return { fake, grid: read.grid };
}

describe("the active sheet's merged areas", () => {
  test("ExcelApi 1.13: every merged area, values in the top-left cells only, in the same two syncs as without", async () => {
    const { fake, grid } = await readActive({ sheets: [merged] });
    expect([...grid.merges!].sort(byPosition)).toEqual(EXPECTED);
    expect(grid.values[4][4]).toBe("Điểm");
    expect(grid.values[4][5] ?? null).toBeNull();
    expect(grid.values[7][6] ?? null).toBeNull();
    expect(fake.syncCount()).toBe(2);
  });

  test("a sheet without merged areas: [] (none), not undefined (unknown)", async () => {
    const { grid } = await readActive({ sheets: [{ name: "Trơn", values: [["Mã", "Điểm"], ["1.1", 1]] }] });
    expect(grid.merges).toEqual([]);
  });

  test("ExcelApi 1.12: merges left undefined, nothing asked of Excel", async () => {
    const { fake, grid } = await readActive({ sheets: [merged], apiVersion: "1.12" });
    expect(grid.merges).toBeUndefined();
    expect(grid.values[6][0]).toBe("1.1");
    expect(fake.syncCount()).toBe(2);
  });

  test("a host at 1.13 with an office.js lacking getMergedAreasOrNullObject: undefined too", async () => {
    const fake = createFakeExcel({ sheets: [merged] });
    const olderLibrary = { ...fake.Excel, Range: class {} };
    const { grid } = await readActive({ sheets: [merged] }, olderLibrary);
    expect(grid.merges).toBeUndefined();
  });

  test("more than 512 merged areas: Excel cannot give them, the sheet is read without (one sync more)", async () => {
    const many = longSheet("Nhiều", 1_100);
    many.merges = Array.from({ length: 520 }, (_, i) => `E${7 + 2 * i}:F${7 + 2 * i}`);
    const { fake, grid } = await readActive({ sheets: [many] });
    expect(grid.merges).toBeUndefined();
    expect(grid.values).toHaveLength(1_105);
    expect(fake.syncCount()).toBe(3);
  });

  test("a sheet read in several blocks asks for its merged areas once, with the first block", async () => {
    const long = longSheet("Dài", 25_000);
    long.merges = ["A1:F1", "E24000:E24002"];
    const fake = createFakeExcel({ sheets: [long] });
    const log: BlockRead[] = [];
    const read = await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, officeApiSupport(fake.Office, fake.Excel), log));
    expect(new Set(log.map((b) => b.sync)).size).toBeGreaterThan(1);
    expect([...read.grid.merges!].sort(byPosition)).toEqual([rect(0, 0, 0, 5), rect(23_999, 4, 24_001, 4)]);
    expect(fake.syncCount()).toBe(1 + new Set(log.map((b) => b.sync)).size);
  });
});

describe("the workbook's merged areas (summary, catalogue sheet)", () => {
  test("every sheet read gets its own, active or not, in the syncs of its values", async () => {
    const other: SheetSeed = { name: "Khác", values: [["Tiêu đề"], ["a", "b"]], merges: ["A1:B1"] };
    const fake = createFakeExcel({ sheets: [merged, other, { name: "Trơn", values: [["x"]] }], active: "Khác" });
    const book: WorkbookRead = await fake.Excel.run((context: Excel.RequestContext) => readWorkbook(context, { supports: officeApiSupport(fake.Office, fake.Excel) }));
    const of = (name: string) => book.grids.find((g) => g.name === name)!;
    expect([...of("Tự chấm").merges!].sort(byPosition)).toEqual(EXPECTED);
    expect(of("Khác").merges).toEqual([rect(0, 0, 0, 1)]);
    expect(of("Trơn").merges).toEqual([]);
    expect(fake.syncCount()).toBe(2);
  });

  test("below ExcelApi 1.13 every grid's merges are undefined", async () => {
    const fake = createFakeExcel({ sheets: [merged, { name: "Khác", values: [["x"]] }], apiVersion: "1.12" });
    const book: WorkbookRead = await fake.Excel.run((context: Excel.RequestContext) => readWorkbook(context, { supports: officeApiSupport(fake.Office, fake.Excel) }));
    expect(book.grids.map((g) => g.merges)).toEqual([undefined, undefined]);
  });
});
