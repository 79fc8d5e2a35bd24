/**
 * Workbooks in the 1904 date system (older Mac workbooks): the stand-in stores their dates as Excel does (serials
 * 1 462 smaller, Office.js says nothing), and the pane and the PAR.* functions must still compare the right days.
 */
import { resetActiveCatalog } from "../../src/functions/active-catalog";
import { setWorkbookDateSystem, workbookDateSystem } from "../../src/functions/date-system";
import * as PAR from "../../src/functions/functions";
import { dateSystemOf, dateToSerial, DAYS_1900_TO_1904, isDateFormat, parseCatalog } from "../../src/scoring";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { readAtOpen } from "../../src/taskpane/excel/catalog";
import { readActiveSheet } from "../../src/taskpane/excel/validate";
import { createFakeExcel, fakeDeps } from "./excel-fixtures";
import * as XLSX from "../../src/cli/workbook/sheetjs";

const all = () => true;
const lateDay = new Date(2026, 3, 15); // 15/04/2026, after the deadline of 31/03/2026
const onTimeDay = new Date(2026, 2, 20);

const catalog = parseCatalog(
  {
    id: "han-2026",
    name: "Thời hạn 2026",
    nodes: [
      {
        code: "1",
        name: "Chỉ đạo, điều hành",
        children: [
          { code: "1.1", name: "Ban hành kế hoạch CCHC năm", max: 1, rule: "<=31/03/2026: 1; *: 0" },
          { code: "1.2", name: "Số văn bản hướng dẫn", max: 1, rule: ">=3: 1; *: 0" },
        ],
      },
    ],
  },
  "han.json",
);

/** A unit's sheet as a clerk fills it: the plan issued late, yet 1 point claimed. */
function unitSheet() {
  return {
    name: "Tự đánh giá",
    values: [
      ["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2026"],
      ["Đơn vị: UBND xã Tân Thành"],
      ["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm"],
      ["1", "Chỉ đạo, điều hành", 2, null, null],
      ["1.1", "Ban hành kế hoạch CCHC năm", 1, lateDay, 1],
      ["1.2", "Số văn bản hướng dẫn", 1, 4, 1],
    ],
  };
}

afterEach(() => {
  setWorkbookDateSystem(1900);
  resetActiveCatalog();
});

describe("telling the date system", () => {
  test("DATE(2000;1;1) read in the start's one sync says which system the workbook uses", async () => {
    for (const date1904 of [false, true]) {
      const fake = createFakeExcel({ sheets: [unitSheet()], date1904 });
      const opening = await fake.Excel.run((context: Excel.RequestContext) => readAtOpen(context));
      expect(opening.dates).toBe(date1904 ? 1904 : 1900);
      expect(fake.syncCount()).toBe(1);
    }
    expect(dateSystemOf(36526)).toBe(1900);
    expect(dateSystemOf(36526 - DAYS_1900_TO_1904)).toBe(1904);
  });

  test("date formats are told from others as SheetJS tells them", () => {
    const formats = [
      "dd/mm/yyyy", "d/m/yy", "[$-42A]dd/mm/yyyy", "mmmm d, yyyy", "yyyy-mm-dd hh:mm", "[h]:mm:ss", "h:mm AM/PM", "dd\\/mm", "[Red]dd/mm/yyyy",
      "General", "@", "0", "0.00", "#,##0", "0%", "0.00E+00", '#,##0 "đồng"', '"ngày" 0', "[Red]0.00", "_(* #,##0_)", "#,##0;[Red]-#,##0",
    ];
    for (const f of formats) expect([f, isDateFormat(f)]).toEqual([f, XLSX.SSF.is_date(f)]);
  });
});

describe("a 1904-system workbook in the pane", () => {
  test("a date shown as a date reads as the day it shows; other numbers are left as they are", async () => {
    const fake = createFakeExcel({ sheets: [unitSheet()], date1904: true });
    setWorkbookDateSystem(1904);
    const { grid } = await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, all));
    expect(grid.values[4][3]).toBe(dateToSerial(lateDay));
    expect(grid.values[5][3]).toBe(4);
    expect(grid.values[4][4]).toBe(1);
  });

  test("the stand-in stores the date as Excel does: without the date system the day is four years early", async () => {
    const fake = createFakeExcel({ sheets: [unitSheet()], date1904: true });
    const { grid } = await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, all));
    expect(grid.values[4][3]).toBe(dateToSerial(lateDay) - DAYS_1900_TO_1904);
  });

  test("Kiểm tra finds the late plan scored as on time, as it does in a 1900-system workbook", async () => {
    for (const date1904 of [false, true]) {
      const fake = createFakeExcel({ sheets: [unitSheet()], date1904 });
      const opening = await fake.Excel.run((context: Excel.RequestContext) => readAtOpen(context));
      setWorkbookDateSystem(opening.dates);
      const validation = await createExcelActions(fakeDeps(fake).deps).validateActiveSheet(catalog, "vi");
      const mismatch = validation.findings.filter((f) => f.kind === "score-mismatch");
      expect(mismatch.map((f) => `${f.code} ${f.cell}`)).toEqual(["1.1 E5"]);
      expect(mismatch[0].message).toContain("15/04/2026");
    }
  });
});

describe("PAR.SCORE in a 1904-system workbook", () => {
  const rule = [["<=31/03/2026: 1; *: 0"]];
  const serial1904 = (d: Date) => dateToSerial(d) - DAYS_1900_TO_1904;

  test("a date against dated bands is compared as the day it is", () => {
    setWorkbookDateSystem(1904);
    expect(workbookDateSystem()).toBe(1904);
    expect(PAR.score([[serial1904(lateDay)], [serial1904(onTimeDay)]], rule)).toEqual([[0], [1]]);
    expect(PAR.explain([[serial1904(lateDay)]], rule)[0][0]).toContain("15/04/2026");
  });

  test("numbers against other bands are not moved", () => {
    setWorkbookDateSystem(1904);
    expect(PAR.score([[4], [2]], [[">=3: 1; *: 0"]])).toEqual([[1], [0]]);
    expect(PAR.score([[0.85]], [[">=80%: 1; *: 0"]])).toEqual([[1]]);
  });

  test("the 1900 system is untouched", () => {
    expect(PAR.score([[dateToSerial(lateDay)], [dateToSerial(onTimeDay)]], rule)).toEqual([[0], [1]]);
  });
});
