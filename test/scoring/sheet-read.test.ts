import { Grid } from "../../src/scoring/grid";
import { builtinCatalog } from "../../src/scoring/catalog";
import { columnRole, findHeader, headerRole, mayBeRelative, readCode, readUnitSheet, relativeCodes, resolveNumbering, unitNameFromFile } from "../../src/scoring/sheet";

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

describe("header texts as templates really write them", () => {
  test.each([
    ["Số TT", "code"],
    ["STT.", "code"],
    ["Số thứ tự", "code"],
    ["Mã\u00a0số", "code"],
    ["Điểm\u200b tự chấm", "self"],
    ["Đi\u00adểm tối đa", "max"],
    ["\ufeffTài liệu kiểm chứng", "evidence"],
    ["Tự đánh giá", "self"],
    ["SNV đánh giá", "appraised"],
    ["Thẩm định", "appraised"],
    ["Hội đồng thẩm định", "appraised"],
    ["Điều tra XHH", "survey"],
    ["ĐTXHH", "survey"],
  ])("%j is the %s column", (text, role) => {
    expect(headerRole(text)).toBe(role);
  });

  test.each([
    [["Tự đánh giá", "Kết quả thực hiện"], "value"],
    [["Tự đánh giá", "Điểm tự chấm"], "self"],
    [["Tự đánh giá", "Điểm"], "self"],
    [["Điểm đánh giá", "Điều tra XHH"], "survey"],
    [["Điểm đánh giá", "Tự đánh giá"], "self"],
    [["Điểm đánh giá", "SNV đánh giá"], "appraised"],
    [["Điểm", "Tối đa"], "max"],
    [["Kết quả đánh giá", "Tự đánh giá", "Kết quả thực hiện"], "value"],
    [["Kết quả đánh giá", "Hội đồng thẩm định"], "appraised"],
  ])("a column headed %j top-down is %s", (parts, role) => {
    expect(columnRole(parts)).toBe(role);
  });

  test("a merged group header over sub-headers is read top-down; merges unknown: a blank group cell continues the one on its left", () => {
    const values = [
      ["Đơn vị: Sở Y tế"],
      ["TT", "Nội dung", "Điểm tối đa", "Tự đánh giá", null, "TLKC"],
      [null, null, null, "Kết quả thực hiện", "Điểm tự chấm", null],
      ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
      ["1.1", "Kế hoạch", 1, "100%", 1, "x.pdf"],
    ];
    for (const merges of [undefined, [{ top: 1, left: 3, bottom: 1, right: 4 }, { top: 1, left: 0, bottom: 2, right: 0 }]]) {
      const h = findHeader({ name: "S", values, merges })!;
      expect(h).toMatchObject({ top: 1, row: 2, numberingRow: 3, columns: { code: 0, name: 1, max: 2, value: 3, self: 4, evidence: 5 } });
      expect(h.found.find((c) => c.col === 4)?.text).toBe("Tự đánh giá / Điểm tự chấm");
      const unit = readUnitSheet({ name: "S", values, merges }, "x")!;
      expect(unit.rows.map((r) => [r.code, r.self?.cell])).toEqual([["1.1", "E5"]]);
    }
  });

  test("a title or instruction row above a one-row header is not part of it", () => {
    const h = findHeader({
      name: "S",
      values: [["Hướng dẫn: nhập kết quả vào cột Kết quả thực hiện, điểm vào cột Điểm tự chấm"], ["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"], ["1.1", "a", 1, 1]],
      merges: [{ top: 0, left: 0, bottom: 0, right: 3 }],
    })!;
    expect([h.top, h.row]).toEqual([1, 1]);
  });
});

describe("relative numbering", () => {
  test.each([
    [["I", 1, "a)", "b)", 2, "a", "II", "1", "1.1", "1.2"], ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "2", "2.1", "2.1.1", "2.1.2"]],
    [["I.", "1.", "2.", "2.1", "II."], ["1", "1.1", "1.2", "1.2.1", "2"]],
    [["I", 1, "a", "b", "c", "d", "đ", "e"], ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5", "1.1.6"]],
    [["I", 1, "a", "b", "c", "d", "e"], ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.1.5"]],
    [["I", "I.1", "I.1.1", "1.2.1"], ["1", "1.1", "1.1.1", "1.2.1"]],
    [[null, "Tổng cộng", "I", 2], [null, null, "1", "1.2"]],
  ])("%j reads as %j", (typed, codes) => {
    expect(relativeCodes(typed as never)).toEqual(codes);
  });

  test("only a column with Roman numerals followed by plain numbers, or letters, may be relative", () => {
    expect(mayBeRelative(["1", "1.1", "1.1.1"])).toBe(false);
    expect(mayBeRelative(["I", "I.1", "I.1.1"])).toBe(false);
    expect(mayBeRelative(["I", "1", "2"])).toBe(true);
    expect(mayBeRelative(["1", "1.1", "a)"])).toBe(true);
  });

  test("the reading that fits the catalogue better wins, and the sheet says which", () => {
    const catalog = builtinCatalog("dien-bien-2018");
    const grid = {
      name: "S",
      values: [["STT", "Nội dung", "Điểm tối đa", "Điểm tự chấm"], ["I", "A", null, null], [1, "B", null, null], ["a", "C", 0.5, 0.5], ["b", "D", 1, 1], [2, "E", 3, 3]],
    };
    const unit = readUnitSheet(grid, "x")!;
    expect(unit.numbering).toBe("literal");
    const resolved = resolveNumbering(unit, catalog);
    expect(resolved.numbering).toBe("relative");
    expect(resolved.rows.map((r) => r.code)).toEqual(["1", "1.1", "1.1.1", "1.1.2", "1.2"]);
    expect(resolveNumbering(resolved, catalog)).toBe(resolved);
    // Literal codes that fit stay literal.
    const literal = readUnitSheet({ name: "S", values: [grid.values[0], ["1", "A"], ["1.1", "B"], ["1.1.1", "C", 0.5, 0.5]] }, "x")!;
    expect(resolveNumbering(literal, catalog).numbering).toBe("literal");
  });
});
