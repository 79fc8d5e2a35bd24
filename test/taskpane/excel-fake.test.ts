/** The in-memory Excel behaves like Office.js where batching is concerned, so the adapter's tests mean something. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import { createFakeExcel } from "./excel-fixtures";

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
});
