/** The in-memory Excel behaves like Office.js where batching is concerned, so the adapter's tests mean something. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { BYTES_PER_CELL } from "../../src/taskpane/excel/payload";
import { createFakeExcel, sampleSheets } from "./excel-fixtures";

const seed = {
  sheets: [
    { name: "Tự chấm", values: [["Mã", "Điểm"], ["1.1", 2]], formulas: [[null, null], [null, "=1+1"]] },
    { name: "Khác", values: [] },
  ],
};

describe("fake Excel", () => {
  test("a property read before load and sync throws PropertyNotLoaded; after them it has the value", async () => {
    const fake = createFakeExcel(seed);
    await fake.Excel.run(async (context: any) => {
      const range = context.workbook.worksheets.getItem("Tự chấm").getRange("A1:B2");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      range.load("values,formulas");
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(range.values).toEqual([["Mã", "Điểm"], ["1.1", 2]]);
      expect(range.formulas).toEqual([["Mã", "Điểm"], ["1.1", "=1+1"]]);
    });
    expect(fake.syncCount()).toBe(1);
  });

  test("getItem of a missing sheet fails the sync with ItemNotFound; the OrNullObject variant says isNullObject", async () => {
    const fake = createFakeExcel(seed);
    await fake.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("Không có").load("name");
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
      const maybe = context.workbook.worksheets.getItemOrNullObject("Không có");
      expect(() => maybe.isNullObject).toThrow();
      await context.sync();
      expect(maybe.isNullObject).toBe(true);
    });
  });

  test("an API newer than the version given fails the sync (ApiNotFound), and isSetSupported agrees", async () => {
    const fake = createFakeExcel({ ...seed, apiVersion: "1.9" });
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.9")).toBe(true);
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.10")).toBe(false);
    await fake.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("Tự chấm").notes.load("items/content");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("values are entered as typed: formulas, apostrophe text, numbers from text unless formatted as text", async () => {
    const fake = createFakeExcel(seed);
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("Khác");
      const range = sheet.getRange("A1:D1");
      range.numberFormat = [["General", "General", "@", "General"]];
      range.formulas = [["=SUM(B2:B3)", "1.10", "1.10", "'=không phải công thức"]];
      await context.sync();
    });
    const khac = fake.snapshot().sheets[1];
    expect(khac.formulas[0]).toEqual(["=SUM(B2:B3)", null, null, null]);
    expect(khac.values[0]).toEqual(["", 1.1, "1.10", "=không phải công thức"]);
  });

  test("after a failed action the rest of the batch is dropped, and the sync reports the failure", async () => {
    const fake = createFakeExcel(seed);
    fake.setProtected("Tự chấm", true);
    await fake.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("Tự chấm").getRange("A1").values = [["x"]];
      context.workbook.worksheets.getItem("Khác").getRange("A1").values = [["y"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    const snap = fake.snapshot();
    expect(snap.sheets[0].values[0][0]).toBe("Mã");
    expect(snap.sheets[1].values).toEqual([]);
  });

  test("the last visible sheet cannot be deleted or hidden", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Một", values: [["a"]] }] });
    await fake.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("Một").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["Một"]);
  });

  test("snapshot lists fills, notes, comments and the selection as plain JSON", async () => {
    const fake = createFakeExcel({
      sheets: [{ name: "S", values: [["a", "b"]], fills: { B1: "#00b0f0" }, notes: { A1: "ghi chú" }, comments: [{ cell: "B1", content: "bình luận", id: "c1" }] }],
    });
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.activate();
      sheet.getRange("B1").select();
      await context.sync();
    });
    expect(fake.snapshot()).toMatchObject({
      active: "S",
      selection: { sheet: "S", cell: "B1" },
      sheets: [{ fills: { B1: "#00B0F0" }, notes: { A1: "ghi chú" }, comments: [{ cell: "B1", content: "bình luận", id: "c1" }] }],
    });
  });

  test("as a browser script it installs window.Office and window.Excel from __PAR_FAKE_EXCEL_INIT__", async () => {
    const source = readFileSync(join(__dirname, "..", "support", "fake-excel.js"), "utf8");
    const window: Record<string, any> = { __PAR_FAKE_EXCEL_INIT__: { ...seed, displayLanguage: "en-US", apiVersion: "1.12" } };
    window.window = window;
    runInNewContext(source, window);
    expect(window.Office).toBe(window.__parFake.Office);
    expect(window.Excel).toBe(window.__parFake.Excel);
    expect(await window.Office.onReady()).toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(window.Office.context.displayLanguage).toBe("en-US");
    expect(window.Office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    const name = await window.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      return sheet.name;
    });
    expect(name).toBe("Tự chấm");
    expect(window.__parFake.syncCount()).toBe(1);
  });

  test("a navigation property is the same proxy each time, as in Office.js", async () => {
    const fake = createFakeExcel(seed);
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("Tự chấm");
      expect(sheet.protection).toBe(sheet.protection);
      sheet.protection.load("protected");
      await context.sync();
      expect(sheet.protection.protected).toBe(false);
    });
  });

  test("a very hidden sheet cannot be deleted (InvalidOperation, as the typings of Worksheet.delete say); made Hidden first in the same batch it can", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }, { name: "_par", values: [["y"]], visibility: "VeryHidden" }] });
    await fake.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("_par").delete();
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidOperation" });
    });
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["A", "_par"]);
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("_par");
      sheet.visibility = "Hidden";
      sheet.delete();
      await context.sync();
    });
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["A"]);
  });

  test.each([
    ["add", (ws: any) => ws.add("Mới")],
    ["delete", (ws: any) => ws.getItem("B").delete()],
    ["hide", (ws: any) => (ws.getItem("B").visibility = "Hidden")],
    ["rename", (ws: any) => (ws.getItem("B").name = "C")],
    ["move", (ws: any) => (ws.getItem("B").position = 0)],
  ])("a protected workbook structure refuses to %s a sheet (AccessDenied); cells can still be written", async (_what, change) => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }, { name: "B", values: [["y"]] }] });
    fake.setStructureProtected(true);
    const before = fake.snapshot();
    await fake.Excel.run(async (context: any) => {
      change(context.workbook.worksheets);
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(fake.snapshot()).toEqual(before);
    await fake.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("B").getRange("A1").values = [["z"]];
      await context.sync();
    });
    expect(fake.snapshot().sheets[1].values).toEqual([["z"]]);
  });

  test("a protected sheet: only the contents of unlocked cells change; locked cells, formats and comments are refused (AccessDenied)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Phiếu", values: [["a", "b", "c"], [1, 2, 3]], protected: true, unlocked: ["B:C"] }], apiVersion: "1.18" });
    const refused = async (change: (sheet: any) => void) =>
      fake.Excel.run(async (context: any) => {
        change(context.workbook.worksheets.getItem("Phiếu"));
        await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
      });
    await refused((sheet) => (sheet.getRange("A2").values = [[9]]));
    await refused((sheet) => (sheet.getRange("A2:B2").values = [[9, 9]]));
    await refused((sheet) => (sheet.getRange("B2").format.fill.color = "#FFFF00"));
    await refused((sheet) => (sheet.getRange("B2").format.protection.locked = true));
    await refused((sheet) => sheet.comments.add("'Phiếu'!B2", "Lý do"));
    await refused((sheet) => sheet.getRange("B2").clear());
    expect(fake.snapshot().sheets[0].values).toEqual([["a", "b", "c"], [1, 2, 3]]);
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("Phiếu");
      sheet.getRange("B2:C2").values = [[0.5, "Lý do"]];
      sheet.getRange("C1").clear("Contents");
      const b = sheet.getRange("B1:C5").format.protection;
      const mixed = sheet.getRange("A1:B1").format.protection;
      const a = sheet.getRange("A1").format.protection;
      [a, b, mixed].forEach((p) => p.load("locked"));
      await context.sync();
      expect([a.locked, b.locked, mixed.locked]).toEqual([true, false, null]);
    });
    expect(fake.snapshot().sheets[0].values).toEqual([["a", "b", ""], [1, 0.5, "Lý do"]]);
  });

  test("format.protection.locked set before protecting decides what stays writable", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Phiếu", values: [["a", "b"]] }] });
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("Phiếu");
      sheet.getRange("A:B").format.protection.locked = false;
      sheet.getRange("A1").format.protection.locked = true;
      await context.sync();
    });
    fake.setProtected("Phiếu", true);
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("Phiếu");
      sheet.getRange("B1").values = [["x"]];
      await context.sync();
      sheet.getRange("A1").values = [["y"]];
      await expect(context.sync()).rejects.toMatchObject({ code: "AccessDenied" });
    });
    expect(fake.snapshot().sheets[0].values).toEqual([["a", "x"]]);
  });

  test("Excel's sheet-name rules: no apostrophe first or last, not History", async () => {
    const fake = createFakeExcel(seed);
    for (const name of ["'Báo cáo", "Báo cáo'", "history"]) {
      await fake.Excel.run(async (context: any) => {
        context.workbook.worksheets.add(name);
        await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      });
    }
    expect(fake.snapshot().sheets).toHaveLength(2);
  });

  test("a request over the payload limit fails (RequestPayloadSizeLimitExceeded) and nothing of it is applied", async () => {
    const fake = createFakeExcel({ ...seed, payloadLimit: 20_000 });
    const text = "Báo cáo số 12/BC-UBND ngày 15/01/2019 về kết quả cải cách hành chính";
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("Khác");
      sheet.getRange("A1").values = [["trước"]];
      context.workbook.worksheets.add("Mới");
      sheet.getRange("A2:A301").values = Array.from({ length: 300 }, () => [text]);
      await expect(context.sync()).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
      sheet.getRange("A1:A100").values = Array.from({ length: 100 }, () => [text]);
      await context.sync();
    });
    const snap = fake.snapshot();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Tự chấm", "Khác"]);
    expect(snap.sheets[1].values).toHaveLength(100);
    const [failed, passed] = fake.payloads();
    expect(failed.request).toBeGreaterThan(20_000);
    expect(passed.request).toBeLessThan(20_000);
  });

  test("a response over the payload limit fails (ResponsePayloadSizeLimitExceeded): 150,000 cells of evidence-like text are over 5 MB", async () => {
    const text = "Kế hoạch số 3790/KH-UBND ngày 27/12/2017 của UBND tỉnh";
    const values = Array.from({ length: 25_000 }, (_, r) => [`1.${r}`, text, 1, 0.5, text, ""]);
    const fake = createFakeExcel({ sheets: [{ name: "Lớn", values }] });
    await fake.Excel.run(async (context: any) => {
      const range = context.workbook.worksheets.getItem("Lớn").getRange("A1:F25000").load("values,formulas");
      await expect(context.sync()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
      expect(() => range.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    const [{ response }] = fake.payloads();
    expect(response).toBeGreaterThan(5 * 1024 * 1024);
  });

  test.each([
    ["so/so-tu-phap.xlsx", "Tự chấm 2018"],
    ["tinh-dien-bien-2018.xlsx", "Tự đánh giá 2018"],
    ["huyen/huyen-tuan-giao.xlsx", "Tự đánh giá"],
  ])("%s measures 50–70 bytes a cell as JSON (values and formulas), as the read budget assumes", async (file, sheet) => {
    const fake = createFakeExcel({ sheets: await sampleSheets(file) });
    const cells = await fake.Excel.run(async (context: any) => {
      const used = context.workbook.worksheets.getItem(sheet).getUsedRange(true);
      used.load("rowCount,columnCount");
      await context.sync();
      fake.resetSyncCount();
      used.load("values,formulas");
      await context.sync();
      return used.rowCount * used.columnCount;
    });
    const perCell = fake.payloads()[0].response / cells;
    expect(perCell).toBeGreaterThan(50);
    expect(perCell).toBeLessThan(70);
    expect(perCell).toBeLessThan(BYTES_PER_CELL);
  });

  test("merged areas: values in the top-left cell only; getMergedAreasOrNullObject (ExcelApi 1.13) gives them, a null object when none", async () => {
    const fake = createFakeExcel({
      sheets: [{ name: "Gộp", values: [["Mã", "Tên"], ["x", "y"], ["1.1", "a"]], merges: ["A1:A2", "B2:C3"] }, { name: "Trơn", values: [["a"]] }],
    });
    expect(fake.snapshot().sheets[0].values).toEqual([["Mã", "Tên"], ["", "y"], ["1.1", ""]]);
    await fake.Excel.run(async (context: any) => {
      const merged = context.workbook.worksheets.getItem("Gộp").getRange("A1:C3").getMergedAreasOrNullObject();
      merged.load("areaCount");
      merged.areas.load("items/rowIndex,items/columnIndex,items/rowCount,items/columnCount");
      const none = context.workbook.worksheets.getItem("Trơn").getRange("A1:C3").getMergedAreasOrNullObject();
      await context.sync();
      expect(merged.areaCount).toBe(2);
      expect(merged.areas.items.map((r: any) => [r.rowIndex, r.columnIndex, r.rowCount, r.columnCount])).toEqual([
        [0, 0, 2, 1],
        [1, 1, 2, 2],
      ]);
      expect(none.isNullObject).toBe(true);
    });
    const old = createFakeExcel({ sheets: [{ name: "Gộp", values: [["a"]], merges: ["A1:B1"] }], apiVersion: "1.12" });
    await old.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("Gộp").getRange("A1:B1").getMergedAreasOrNullObject().load("areaCount");
      await expect(context.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
  });

  test("more than 512 merged areas: getMergedAreasOrNullObject fails, as the typings warn", async () => {
    const merges = Array.from({ length: 513 }, (_, i) => `A${2 * i + 1}:B${2 * i + 1}`);
    const fake = createFakeExcel({ sheets: [{ name: "Nhiều", values: [["a"]], merges }] });
    await fake.Excel.run(async (context: any) => {
      context.workbook.worksheets.getItem("Nhiều").getRange("A1:B1100").getMergedAreasOrNullObject().load("areaCount");
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
    });
  });

  test("missingClasses plays the npm office.js of 2022: no Excel.NoteCollection, sheet.notes undefined, while the host says ExcelApi 1.18", async () => {
    const fake = createFakeExcel({ ...seed, missingClasses: ["NoteCollection"] });
    expect(fake.Office.context.requirements.isSetSupported("ExcelApi", "1.18")).toBe(true);
    expect(fake.Excel.NoteCollection).toBeUndefined();
    expect(typeof fake.Excel.CommentCollection).toBe("function");
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("Tự chấm");
      expect(sheet.notes).toBeUndefined();
      expect(() => sheet.notes.load("items")).toThrow(TypeError);
      expect(sheet.comments).toBeDefined();
    });
    expect(typeof createFakeExcel(seed).Excel.NoteCollection).toBe("function");
  });

  test("getCellProperties reads fills of a whole range at once; getRanges fills or clears several rectangles (ExcelApi 1.9)", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["a", "b"], ["c", "d"]], fills: { B1: "#FFFF00" } }] });
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("S");
      const props = sheet.getRange("A1:B2").getCellProperties({ format: { fill: { color: true, pattern: true } } });
      expect(() => props.value).toThrow();
      await context.sync();
      expect(props.value.map((row: any[]) => row.map((c) => c.format.fill.pattern))).toEqual([
        ["None", "Solid"],
        ["None", "None"],
      ]);
      sheet.getRanges("A1, B2").format.fill.color = "#FFC7CE";
      sheet.getRanges("B1").format.fill.clear();
      await context.sync();
    });
    expect(fake.snapshot().sheets[0].fills).toEqual({ A1: "#FFC7CE", B2: "#FFC7CE" });
  });

  test("row heights: set ones are kept, autofit marks rows auto", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "S", values: [["a"], ["b"]] }] });
    await fake.Excel.run(async (context: any) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.getRange("A1:A2").format.autofitRows();
      sheet.getRange("A1").format.rowHeight = 45;
      await context.sync();
    });
    expect(fake.snapshot().sheets[0].rowHeights).toEqual({ 1: 45, 2: "auto" });
  });
});
