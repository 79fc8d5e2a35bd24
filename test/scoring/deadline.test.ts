import dienBien2018 from "../../src/scoring/catalog/data/dien-bien-2018.json";
import { builtinCatalogs, formatDate, parseDeadline, walk } from "../../src/scoring";

/** Expected day as dd/mm/yyyy (or null): without a year argument, and with year 2018 / 2019. */
type Row = [text: string, noYear: string | null, year2018: string | null, year2019: string | null];

// Every distinct `deadline` of the built-in catalogues, decided by hand.
const CATALOGUE_DEADLINES: Row[] = [
  ["Ngày 30/12/2018", "30/12/2018", "30/12/2018", "30/12/2018"],
  ["Ngày 31/01/2019", "31/01/2019", "31/01/2019", "31/01/2019"],
  ["31/01/2019", "31/01/2019", "31/01/2019", "31/01/2019"],
  ["01/12/2018", "01/12/2018", "01/12/2018", "01/12/2018"],
  // "Trước" (before) is strict: the stated day is already late.
  ["Trước ngày 15/01/2019", "14/01/2019", "14/01/2019", "14/01/2019"],
  ["Trước ngày 15/10/2018", "14/10/2018", "14/10/2018", "14/10/2018"],
  // Day and month only: the year argument is the calendar year the deadline falls in.
  ["Trước ngày 15/1", null, "14/01/2018", "14/01/2019"],
  ["Báo cáo CCHC năm 10/12", null, "10/12/2018", "10/12/2019"],
  ["Quý IV năm 2018", "31/12/2018", "31/12/2018", "31/12/2018"],
  // Relative to the plan year, not a date.
  ["Quý IV năm trước liền kề năm kế hoạch", null, null, null],
  ["Sau 15 ngày kể từ ngày kết thúc kiểm tra", null, null, null],
  ["Sau 15 ngày kể từ ngày kết thúc kiểm tra; xử lý hoặc kiến nghị xử lý", null, null, null],
  ["Theo chế độ báo cáo do Bộ chủ quản quy định", null, null, null],
  ["Báo cáo quý trước ngày 20 của tháng cuối quý và báo cáo năm trước ngày 15/1", null, null, null],
  ["1. KH Kiểm tra ban hành chậm nhất quý II; 2. TLKC sau kết thúc kiểm tra 15 ngày", null, null, null],
  [
    "1. Kế hoạch chặn nhất trước ngày 30/12 của năm trước liền kề năm kế hoạch. 2. Báo cáo quý trước ngày 15 của tháng cuối quý và báo cáo năm trước ngày 10/12",
    null,
    null,
    null,
  ],
  [
    "1. Kế hoạch: 30/12 của năm trước liên kế năm kế hoạch. 2. Báo cáo quý trước ngày 15 của tháng cuối quý; báo cáo 6 tháng trước ngày 15/7 và báo cáo năm trước ngày 10/12",
    null,
    null,
    null,
  ],
  [
    "1. Kế hoạch: 30/12 của năm trước liền kề năm kế hoạch. 2. Báo cáo quý trước ngày 15 của tháng cuối quý; báo cáo 6 tháng trước ngày 15/7 và báo cáo năm trước ngày 10/12",
    null,
    null,
    null,
  ],
  [
    "- Báo cáo định kỳ về kết quả ứng dụng CNTT báo cáo quý I, trước ngày 10/3; quý II, trước ngày 10/6; quý III, trước ngày 10/9; năm, trước ngày 05/12.",
    null,
    null,
    null,
  ],
  [
    "- Kế hoạch xây dựng trước 30/12 của năm liền kề với năm kế hoạch - Báo cáo định kỳ về kết quả ứng dụng CNTT báo cáo quý I, trước ngày 10/3; quý II, trước ngày 10/6; quý III, trước ngày 10/9; năm, trước ngày 05/12.",
    null,
    null,
    null,
  ],
];

const show = (serial: number | null) => (serial === null ? null : formatDate(serial));

describe("parseDeadline on the built-in catalogue", () => {
  test("the table covers every distinct deadline text of the built-in catalogues", () => {
    const distinct = new Set<string>();
    for (const c of builtinCatalogs()) for (const n of walk(c.nodes)) if (n.deadline) distinct.add(n.deadline);
    expect([...distinct].sort()).toEqual(CATALOGUE_DEADLINES.map((r) => r[0]).sort());
    // The raw JSON (before trimming) has the same texts: nothing is lost by the schema.
    const raw = JSON.stringify(dienBien2018);
    for (const [text] of CATALOGUE_DEADLINES) expect(raw).toContain(JSON.stringify(text).slice(1, -1));
  });

  test.each(CATALOGUE_DEADLINES)("%s", (text, noYear, y2018, y2019) => {
    expect(show(parseDeadline(text))).toBe(noYear);
    expect(show(parseDeadline(text, null))).toBe(noYear);
    expect(show(parseDeadline(text, 2018))).toBe(y2018);
    expect(show(parseDeadline(text, 2019))).toBe(y2019);
  });
});

describe("parseDeadline on other wordings", () => {
  test.each<[string, number | null, string | null]>([
    ["ngày 30 tháng 12 năm 2018", null, "30/12/2018"],
    ["Chậm nhất ngày 15/5/2018", null, "15/05/2018"],
    ["Hạn chót: 31-12-2018", null, "31/12/2018"],
    ["Trước ngày 1/1/2019", null, "31/12/2018"],
    ["Trước 01.03.2020", null, "29/02/2020"],
    ["Quý I năm 2019", null, "31/03/2019"],
    ["Quý 2/2018", null, "30/06/2018"],
    ["quý III", 2018, "30/09/2018"],
    ["Quý III", null, null],
    ["Trước quý IV năm 2018", null, "30/09/2018"],
    ["Tháng 6/2018", null, "30/06/2018"],
    ["Trong tháng 2 năm 2019", null, "28/02/2019"],
    ["Năm 2018", null, "31/12/2018"],
    ["Cuối năm 2018", null, "31/12/2018"],
    ["30/12", null, null],
    ["30/12", 2018, "30/12/2018"],
    ["Ngày 32/12/2018", null, null],
    ["Ngày 29/02/2018", null, null],
    ["30/02", 2019, null],
    ["Ngày 30/12/2018 và ngày 31/01/2019", null, null],
    ["1. Ngày 30/12/2018", null, "30/12/2018"],
    ["Trước ngày 20 hằng tháng", 2018, null],
    ["Đầu năm 2019", null, null],
    ["Kịp thời", null, null],
    ["", null, null],
    ["   ", 2018, null],
  ])("%s (year %s) → %s", (text, year, expected) => {
    expect(show(parseDeadline(text, year))).toBe(expected);
  });

  test("null text gives null", () => {
    expect(parseDeadline(null, 2018)).toBeNull();
  });

  test("the result is an Excel serial date", () => {
    expect(parseDeadline("Ngày 30/12/2018")).toBe(43464);
    expect(parseDeadline("Trước ngày 15/01/2019")).toBe(43479);
  });
});
