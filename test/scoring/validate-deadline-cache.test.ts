import { parseCatalog } from "../../src/scoring/catalog";
import { readUnitSheet } from "../../src/scoring/sheet";
import { validateUnit } from "../../src/scoring/validate";

/**
 * Deadlines are read once per assessed year and text and kept between validations: the same text in catalogues of
 * different years must still give each year's own deadline ("Trước ngày 15/1": up to 14/01 of the year after).
 */
function catalogOf(year: number) {
  return parseCatalog(
    {
      id: `han-${year}`,
      name: `Hạn ${year}`,
      year,
      nodes: [{ code: "1", name: "Chỉ đạo", children: [{ code: "1.1", name: "Báo cáo năm", max: 1, evidence: ["Báo cáo CCHC năm"], deadline: "Trước ngày 15/1" }] }],
    },
    `han-${year}.json`,
  );
}

const grid = {
  name: "Tự đánh giá",
  values: [
    ["BẢNG TỰ CHẤM ĐIỂM"],
    ["Đơn vị: Sở Thử nghiệm"],
    ["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình"],
    ["1", "Chỉ đạo", 1, 1, null, null],
    ["1.1", "Báo cáo năm", 1, 1, "Báo cáo CCHC năm số 3/BC-STN ngày 10/01/2020", null],
  ],
};

const late = (year: number) =>
  validateUnit(readUnitSheet(grid, "Sở Thử nghiệm")!, catalogOf(year))
    .filter((f) => f.kind === "evidence-late")
    .map((f) => f.message);

test("the same deadline text gives each year's deadline, whichever year was validated first", () => {
  const first = late(2018);
  expect(first).toHaveLength(1);
  expect(first[0]).toContain("14/01/2019"); // "before 15/1" of the year after 2018
  expect(late(2019)).toEqual([]);
  expect(late(2018)).toEqual(first);
  expect(late(2019)).toEqual([]);
});
