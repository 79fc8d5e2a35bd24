import { Grid } from "../../src/scoring/grid";
import { findHeader, headerRole, readCode, readUnitSheet, unitNameFromFile } from "../../src/scoring/sheet";

const grid = (values: unknown[][], name = "Tự đánh giá"): Grid => ({ name, values: values as Grid["values"] });

describe("criterion codes as users type them", () => {
  test.each([
    ["1.1", "1.1"],
    ["1.1.", "1.1"],
    [" 1.3.1 ", "1.3.1"],
    ["1,1", "1.1"],
    ["I.1.1", "1.1.1"],
    ["II", "2"],
    ["IV.2", "4.2"],
    ["01.02", "1.2"],
    [1.1, "1.1"],
    [3, "3"],
  ])("%p → %p", (typed, code) => {
    expect(readCode(typed)).toBe(code);
  });

  test.each(["", "Tổng cộng", "a.1", "1..2", "0", "1.0.1", -1, 0, true, null, "i.1"])("%p is not a code", (typed) => {
    expect(readCode(typed as never)).toBeNull();
  });
});

describe("header detection", () => {
  test.each([
    ["Mã", "code"],
    ["Mã số", "code"],
    ["STT", "code"],
    ["TT", "code"],
    ["Tiêu chí", "name"],
    ["Tên tiêu chí", "name"],
    ["Nội dung", "name"],
    ["Điểm tối đa", "max"],
    ["ĐIỂM CHUẨN", "max"],
    ["Kết quả thực hiện", "value"],
    ["Số liệu", "value"],
    ["Điểm tự chấm", "self"],
    ["Điểm tự\nđánh giá", "self"],
    ["Điểm thẩm định", "appraised"],
    ["Tài liệu kiểm chứng (TLKC)", "evidence"],
    ["TLKC", "evidence"],
    ["Giải trình", "notes"],
    ["Ghi chú", "notes"],
    ["Self score", "self"],
    ["Evidence", "evidence"],
  ])("%p is the %s column", (text, role) => {
    expect(headerRole(text)).toBe(role);
  });

  test.each(["Đơn vị: Sở Tư pháp", "Điểm", "", "Tổng cộng"])("%p is no header", (text) => {
    expect(headerRole(text)).toBeNull();
  });

  test("title rows above the header and any column order", () => {
    const g = grid([
      ["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN"],
      ["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2018"],
      [null, "Đơn vị: Sở Tư pháp"],
      [],
      ["Ghi chú", "Điểm tự chấm", "Nội dung", "STT", "TLKC", "Điểm tối đa"],
      [null, 0.5, "Ban hành kế hoạch", "1.1.1", "Kế hoạch số 1/KH-STP ngày 01/12/2017", 0.5],
    ]);
    expect(findHeader(g)).toMatchObject({ top: 4, row: 4, columns: { notes: 0, self: 1, name: 2, code: 3, evidence: 4, max: 5 } });
  });

  test("a row with a code column but nothing to score is not the header", () => {
    const g = grid([
      ["STT", "Nội dung công việc"],
      ["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
    ]);
    expect(findHeader(g)?.row).toBe(1);
  });

  test("no header at all", () => {
    expect(findHeader(grid([["a", "b"], [1, 2]]))).toBeNull();
    expect(readUnitSheet(grid([["a"]]), "x")).toBeNull();
  });
});

describe("reading a unit's sheet", () => {
  const g = grid([
    ["BẢNG TỰ CHẤM ĐIỂM"],
    ["Đơn vị:", "Sở Nội vụ"],
    ["Bộ tiêu chí: dien-bien-2018"],
    ["Mã số", "Tiêu chí", "Điểm tối đa", "Kết quả", "Điểm tự chấm", "Điểm thẩm định", "Tài liệu kiểm chứng", "Giải trình"],
    ["I", "CÔNG TÁC CHỈ ĐẠO", 9, null, 8, null, null, null],
    ["1.1.", "Kế hoạch CCHC", 1.5, null, 1.5, 1.5, null, null],
    [1.1, "dòng số", null, null, null, null, null, null],
    [null, "(dòng ghi chú không có mã)"],
    ["Tổng cộng", null, 61.5],
    ["1.3.1", "Kiểm tra", 1, 0.35, 1, 1, "Kế hoạch kiểm tra", "—"],
  ]);
  const unit = readUnitSheet(g, "tep")!;

  test("unit name and catalogue from the title rows", () => {
    expect(unit.unit).toBe("Sở Nội vụ");
    expect(unit.catalogRef).toBe("dien-bien-2018");
    expect(unit.sheet).toBe("Tự đánh giá");
  });

  test("rows with codes, in sheet order, with their cells", () => {
    expect(unit.rows.map((r) => r.code)).toEqual(["1", "1.1", "1.1", "1.3.1"]);
    const r = unit.rows[3];
    expect(r.row).toBe(9);
    expect(r.codeCell).toEqual({ value: "1.3.1", cell: "A10" });
    expect(r.value).toEqual({ value: 0.35, cell: "D10" });
    expect(r.self?.cell).toBe("E10");
    expect(r.appraised?.cell).toBe("F10");
    expect(r.evidence?.value).toBe("Kế hoạch kiểm tra");
    expect(r.notes?.cell).toBe("H10");
  });

  test("missing columns give null cells", () => {
    const u = readUnitSheet(grid([["Mã", "Điểm tự chấm"], ["1.1", 1]]), "Sở Y tế")!;
    expect(u.unit).toBe("Sở Y tế");
    expect(u.rows[0].appraised).toBeNull();
    expect(u.rows[0].evidence).toBeNull();
    expect(u.catalogRef).toBeNull();
  });

  test("the file name gives the unit when the sheet names none", () => {
    expect(unitNameFromFile("samples/so/Sở Tư pháp.xlsx")).toBe("Sở Tư pháp");
    expect(unitNameFromFile("C:\\dl\\huyen-muong-cha.xlsx")).toBe("huyen-muong-cha");
  });
});
