/** Issue #13: an exception while scoring one unit is a skipped line; the other units are still ranked. */
import { join } from "node:path";
import ExcelJS from "exceljs";
import type * as Sheets from "../../src/scoring/report/sheets";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { copySample, par, tempDir } from "../support/par";

jest.mock("../../src/scoring/report/sheets", () => {
  const actual = jest.requireActual<typeof Sheets>("../../src/scoring/report/sheets");
  return {
    ...actual,
    summarySheet: (summary: Parameters<typeof actual.summarySheet>[0], lang?: "vi" | "en") => {
      if (summary.unit === "Sở Hỏng") throw new Error("lỗi giả định khi dựng trang");
      return actual.summarySheet(summary, lang);
    },
  };
});

jest.setTimeout(60_000);

/** A copy of a sample whose unit is "Sở Hỏng", the unit the mocked summarySheet fails on. */
async function brokenUnit(dir: string): Promise<string> {
  const broken = copySample("so/so-tu-phap.xlsx", dir, "hong.xlsx");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(broken);
  wb.worksheets[0].getCell("A5").value = "Đơn vị: Sở Hỏng";
  await wb.xlsx.writeFile(broken);
  return broken;
}

test("the failing unit is named with its file and sheet; the others are ranked; exit 0", async () => {
  const dir = tempDir();
  const broken = await brokenUnit(dir);
  copySample("so/so-noi-vu.xlsx", dir);
  const out = join(dir, "ket-qua", "xep-hang.xlsx");
  const r = await par("aggregate", dir, "-o", out);
  expect(r.code).toBe(0);
  expect(r.err).toContain(`Bỏ qua ${broken} (trang "Tự chấm 2018"): lỗi không mong đợi`);
  expect(r.err).toContain("lỗi giả định khi dựng trang");
  expect(r.out).toContain("Đã xếp hạng 1 đơn vị từ 1 tệp");
  const names = (await readWorkbook(out)).grids.map((g) => g.name);
  expect(names).toEqual(expect.arrayContaining(["Sở Nội vụ", "Tệp lỗi"]));
});

test("past 300 files (layOut off) no unit's sheet is laid out in the threads, so the unit is ranked; by default it is skipped", async () => {
  const { scoreFile } = await import("../../src/cli/aggregate/score-file");
  const dir = tempDir();
  const broken = await brokenUnit(dir);
  const laidOut = await scoreFile(broken, { lang: "vi", unitFiles: false });
  expect(laidOut.units).toEqual([]);
  expect(laidOut.skipped.map((s) => s.reason).join()).toContain("lỗi giả định khi dựng trang");
  const notLaidOut = await scoreFile(broken, { lang: "vi", unitFiles: false, layOut: false });
  expect(notLaidOut.units.map((u) => u.summary.unit)).toEqual(["Sở Hỏng"]);
  expect(notLaidOut.skipped).toEqual([]);
});
