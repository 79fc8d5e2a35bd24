/**
 * Importing a province's criteria table as decisions publish it (the layout of Hà Nam 2023, QĐ 1149/QĐ-BNV 2020,
 * Hà Nội's district framework): band rows become rules, wording that cannot stays as the requirement and is listed
 * with its cell, parts are recognised by their names, a parent's wrong sum is reported.
 */
import {
  bandFromWording,
  CellValue,
  findCatalogGrid,
  Grid,
  importCatalogTable,
  isCatalogTable,
  readCatalogGrid,
  score,
  walk,
  catalogToSheet,
  parseCatalog,
} from "../../src/scoring";

const province: CellValue[][] = [
  ["UBND TỈNH HÀ NAM"],
  ["BỘ TIÊU CHÍ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN NĂM 2023"],
  ["(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/01/2023 của UBND tỉnh Hà Nam)"],
  ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Tài liệu kiểm chứng"],
  [1, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 4],
  ["1.1", "Kế hoạch CCHC năm", 2],
  ["1.1.1", "Ban hành kế hoạch CCHC năm", 1, "Kế hoạch CCHC năm"],
  [null, "Ban hành kịp thời: 1"],
  [null, "Ban hành không kịp thời: 0,5"],
  [null, "Không ban hành: 0"],
  ["1.1.2", "Mức độ thực hiện kế hoạch", 1],
  [null, "- Hoàn thành 100% kế hoạch: 1"],
  [null, "- Hoàn thành từ 80% đến dưới 100% kế hoạch: 0,5"],
  [null, "- Hoàn thành dưới 80% kế hoạch: 0"],
  ["1.2", "Công tác kiểm tra CCHC", 2],
  ["1.2.1", "Tỷ lệ cơ quan chuyên môn được kiểm tra", 2],
  [null, "Từ 30% trở lên: Điểm tối đa"],
  [null, "Từ 20% - dưới 30%: 50% điểm"],
  [null, "Dưới 20%: 0"],
  [2, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 3],
  ["2.1", "Giải quyết hồ sơ TTHC", 2],
  [null, "Giải quyết đúng hạn 100% hồ sơ: 2"],
  [null, "Giải quyết đúng hạn từ 95% đến dưới 100% hồ sơ: 1"],
  [null, "Giải quyết đúng hạn dưới 95% hồ sơ: 0"],
  ["2.2", "Mức độ hài lòng về giải quyết TTHC", 1],
  [null, "Điểm = tỷ lệ % hài lòng × điểm tối đa"],
  [3, "ĐIỀU TRA XÃ HỘI HỌC", 6],
  ["3.1", "Sự hài lòng của người dân, tổ chức", 3],
  ["3.2", "Đánh giá của đại biểu HĐND, cán bộ", 3],
  [4, "ĐIỂM THƯỞNG", 2],
  ["4.1", "Sáng kiến CCHC được công nhận", "1,5"],
  ["4.2", "Giải thưởng cấp quốc gia", "1,5 điểm"],
  [null, "TỔNG CỘNG", 13],
];

const grid: Grid = { name: "Phụ lục", values: province };

describe("a province's table with band rows (Hà Nam 2023 layout)", () => {
  const read = importCatalogTable(grid, { id: "ha-nam-2023" });
  const c = read.catalog!;
  const node = (code: string) => walk(c.nodes).find((n) => n.code === code)!;

  test("it is recognised as a table (not a unit sheet, not PAR Scorer's own catalogue sheet)", () => {
    expect(isCatalogTable(grid)).toBe(true);
    expect(findCatalogGrid([{ name: "x", values: [["a"]] }, grid])).toBe(grid);
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("title: name, source, level and year", () => {
    expect(c).toMatchObject({
      id: "ha-nam-2023",
      name: "BỘ TIÊU CHÍ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN NĂM 2023",
      source: "(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/01/2023 của UBND tỉnh Hà Nam)",
      level: "district",
      year: 2023,
    });
  });

  test("named outcomes become labels, Vietnamese ranges become ranges, also inside other words", () => {
    expect(node("1.1.1").rule).toBe('"Ban hành kịp thời": 1; "Ban hành không kịp thời": 0,5; "Không ban hành": 0');
    expect(node("1.1.2").rule).toBe("100%: 1; 80%..<100%: 0,5; <80%: 0");
    expect(node("1.2.1").rule).toBe(">=30%: điểm tối đa; 20%..<30%: 50% điểm tối đa; <20%: 0");
    expect(node("2.1").rule).toBe("100%: 2; 95%..<100%: 1; <95%: 0");
    expect(read.rules).toBe(4);
    expect(node("1.1.1").evidence).toEqual([{ name: "Kế hoạch CCHC năm" }]);
  });

  test("the rules score as the table says", () => {
    expect(score(node("1.1.1").rule!, "ban hành không kịp thời", 1)).toMatchObject({ points: 0.5 });
    expect(score(node("1.2.1").rule!, "25%", 2)).toMatchObject({ points: 1 });
    expect(score(node("2.1").rule!, "97%", 2)).toMatchObject({ points: 1 });
  });

  test("a formula is not guessed: kept as the requirement, no rule, listed with its cell", () => {
    expect(node("2.2").rule).toBeNull();
    expect(node("2.2").evidenceRequirement).toBe("Điểm = tỷ lệ % hài lòng × điểm tối đa");
    expect(read.unconverted).toEqual([
      { sheet: "Phụ lục", cell: "B26", code: "2.2", text: "Điểm = tỷ lệ % hài lòng × điểm tối đa", reason: "noPoints" },
    ]);
    const warning = read.issues.find((i) => i.cell === "B26")!;
    expect(warning).toMatchObject({ severity: "warning", code: "2.2" });
    expect(warning.message).toMatch(/không chuyển được "Điểm = tỷ lệ % hài lòng × điểm tối đa" thành quy tắc/);
  });

  test("the survey part and the bonus section are recognised by their names; 1,5 and '1,5 điểm' are points", () => {
    expect(node("3").assessedBy).toBe("survey");
    expect(node("4")).toMatchObject({ kind: "bonus", max: 2 });
    expect(node("4.2").max).toBe(1.5);
    expect(read.detected.map((d) => [d.code, d.kind ?? d.assessedBy, d.cell])).toEqual([
      ["3", "survey", "A27"],
      ["4", "bonus", "A30"],
    ]);
  });
});

describe("a table numbered within fields, points in the max column, a wrong sum (Hà Nội district framework)", () => {
  const values: CellValue[][] = [
    ["KHUNG TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CCHC CỦA UBND CÁC QUẬN, HUYỆN"],
    ["TT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Hướng dẫn chấm điểm"],
    ["(1)", "(2)", "(3)", "(4)"],
    ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", 3],
    [1, "Thực hiện nhiệm vụ CCHC được giao", 2],
    ["a", "Mức độ hoàn thành", 2, "Hoàn thành xuất sắc: điểm tối đa\nHoàn thành tốt: 75% điểm\nHoàn thành: 50% điểm\nKhông hoàn thành: 0"],
    [2, "Báo cáo CCHC", 1],
    ["a", "Gửi báo cáo đúng hạn", 1],
    [null, "Đúng hạn", 1],
    [null, "Không đúng hạn", 0],
    [null, "CẢI CÁCH TỔ CHỨC BỘ MÁY", 5],
    [1, "Sắp xếp tổ chức", 2],
    ["a", "Thực hiện đúng quy định", 1],
    ["b", "Số đơn vị sự nghiệp giảm", 2, "Từ 10% trở lên: 2\nTừ 5% đến dưới 10%: 1"],
    ["III", "ĐIỂM TRỪ", -2],
    [1, "Chậm gửi báo cáo", 1, "−0,25 điểm/báo cáo"],
  ];
  const read = importCatalogTable({ name: "Khung", values }, { id: "ha-noi-huyen" });

  test("I / 1 / a codes, a field in capitals without a code, the numbering row skipped; wrong sums make no catalogue", () => {
    expect(read.numbering).toBe("relative");
    expect(read.issues.filter((i) => i.severity === "error").map((i) => [i.cell, i.code])).toEqual([
      ["C12", "2.1"],
      ["C11", "2"],
    ]);
    expect(read.catalog).toBeNull();
  });

  test("a parent's stated max that disagrees with its children's sum is an error at its cell, not replaced", () => {
    const error = read.issues.find((i) => i.cell === "C11")!;
    expect(error.message).toMatch(/điểm tối đa của 2 là 5,00 nhưng tổng điểm tối đa các tiêu chí con là 2,00/);
  });

  test("the same table with the sum corrected: rules from the guidance column and from the max column, the penalty section", () => {
    const fixed = values.map((r) => (r[1] === "CẢI CÁCH TỔ CHỨC BỘ MÁY" ? [null, r[1], 3] : r[1] === "Sắp xếp tổ chức" ? [1, r[1], 3] : r));
    const ok = importCatalogTable({ name: "Khung", values: fixed }, { id: "ha-noi-huyen" });
    expect(ok.issues.filter((i) => i.severity === "error")).toEqual([]);
    const c = ok.catalog!;
    const node = (code: string) => walk(c.nodes).find((n) => n.code === code)!;
    expect(c.nodes.map((n) => [n.code, n.name, n.kind ?? "base"])).toEqual([
      ["1", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", "base"],
      ["2", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "base"],
      ["3", "ĐIỂM TRỪ", "penalty"],
    ]);
    expect(node("1.1.1").rule).toBe('"Hoàn thành xuất sắc": điểm tối đa; "Hoàn thành tốt": 75% điểm tối đa; "Hoàn thành": 50% điểm tối đa; "Không hoàn thành": 0');
    expect(node("1.2.1").rule).toBe('"Đúng hạn": 1; "Không đúng hạn": 0');
    expect(node("2.1.2").rule).toBe(">=10%: 2; 5%..<10%: 1");
    expect(node("3").max).toBe(2);
    // "−0,25 điểm/báo cáo" is a per-item deduction: a formula, kept as wording.
    expect(node("3.1").rule).toBeNull();
    expect(ok.unconverted.map((u) => [u.cell, u.code, u.reason])).toEqual([["D16", "3.1", "noPoints"]]);
    expect(score(node("1.1.1").rule!, "Hoàn thành tốt", 2)).toMatchObject({ points: 1.5 });
  });
});

describe("one line of wording → one band", () => {
  test.each([
    ["Ban hành kịp thời: 1", '"Ban hành kịp thời": 1'],
    ["Từ 90% trở lên: 1", ">=90%: 1"],
    ["Dưới 70%: 0", "<70%: 0"],
    ["Có: 0,5 điểm", "có: 0,5"],
    ["Không: 0", "không: 0"],
    ["Các trường hợp khác: 0", "*: 0"],
    ["Trên 90%: 2", ">90%: 2"],
    ["Không quá 5 ngày: 1", "<=5: 1"],
    ["Từ 20 TTHC trở lên: 1", ">=20: 1"],
    ["02 sáng kiến: 1,5", "2: 1,5"],
    ["Ban hành đúng thời gian quy định (1 điểm)", '"Ban hành đúng thời gian quy định": 1'],
    ["Không ban hành: −1", '"Không ban hành": -1'],
    ["60% - dưới 90%: từ 0,5 đến 1 điểm", "60%..<90%: 0,5..1"],
    ["Hoàn thành xuất sắc: Điểm tối đa", '"Hoàn thành xuất sắc": điểm tối đa'],
  ])("%s", (line, band) => {
    expect(bandFromWording(line)).toMatchObject({ band });
  });

  test.each([
    ["Điểm = tỷ lệ % × điểm tối đa", "noPoints"],
    ["(b/a)×1 + (c/a)×0,5", "noPoints"],
    ["Đạt 80% và có 2 báo cáo: 1", "numbersOutside"],
    ["Ban hành trước ngày 15/01: 1", "numbersOutside"],
    ["Hoàn thành tốt: 75%", "percentPoints"],
    ["Đạt: x điểm", "badPoints"],
    ['Đạt "tốt": 1', "quote"],
    ["Không áp dụng: 0", "notApplicable"],
    ["Hoàn thành: từ 0,5 đến 1 điểm", "linearNeedsRange"],
  ])("%s is not guessed (%s)", (line, reason) => {
    expect(bandFromWording(line)).toEqual({ reason });
  });

  test("points in the max column, and a conflict between the two", () => {
    expect(bandFromWording("Đúng hạn", 1)).toMatchObject({ band: '"Đúng hạn": 1' });
    expect(bandFromWording("Đúng hạn: 1", 0.5)).toEqual({ reason: "pointsConflict" });
  });
});

describe("one function for both layouts", () => {
  test("PAR Scorer's own catalogue sheet is read as such; a table as a table; anything else is not a catalogue", () => {
    const own = parseCatalog({ id: "x", name: "X", nodes: [{ code: "1", name: "A", max: 1, kind: "bonus" }] }, "x");
    const sheet = catalogToSheet(own);
    const ownGrid: Grid = { name: sheet.name, values: sheet.rows.map((r) => r.map((c) => (c?.value ?? null) as CellValue)) };
    expect(readCatalogGrid(ownGrid)).toMatchObject({ layout: "catalog", catalog: { id: "x", nodes: [{ kind: "bonus" }] } });
    expect(readCatalogGrid(grid, { fallbackId: "QĐ 123 Hà Nam" })).toMatchObject({ layout: "table", catalog: { id: "qd-123-ha-nam" } });
    expect(readCatalogGrid({ name: "x", values: [["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"], ["1", "A", 1, 1]] })).toBeNull();
  });

  test("a damaged table never throws: issues at cells", () => {
    const bad = importCatalogTable({ name: "T", values: [["STT", "Nội dung", "Điểm tối đa"], ["x.y", "A", "một"], ["1", "", "abc"], ["1", "B", 1]] });
    expect(bad.catalog).toBeNull();
    expect(bad.issues.map((i) => [i.cell, i.severity])).toEqual([
      ["A2", "error"],
      ["B3", "error"],
      ["C3", "error"],
      ["A4", "error"],
    ]);
  });
});

describe("PAR Scorer's catalogue sheet keeps the new fields", () => {
  test("kind, assessedBy and bands survive catalogToSheet → readCatalogSheet; a word it does not know is an error at its cell", () => {
    const c = parseCatalog(
      {
        id: "mau",
        name: "Mẫu",
        bands: "Nhóm I>=90; Nhóm II>=80; Khác",
        nodes: [
          { code: "1", name: "Chính", children: [{ code: "1.1", name: "Kế hoạch", max: 1, rule: '"Đạt": 1; "Không đạt": 0' }] },
          { code: "2", name: "Điều tra XHH", assessedBy: "survey", children: [{ code: "2.1", name: "Hài lòng", max: 2 }] },
          { code: "3", name: "Điểm thưởng", kind: "bonus", max: 1, children: [{ code: "3.1", name: "Sáng kiến", max: 1 }] },
          { code: "4", name: "Điểm trừ", kind: "penalty", max: 1, children: [{ code: "4.1", name: "Trễ hạn", max: 1 }] },
        ],
      },
      "mau.json",
    );
    const sheet = catalogToSheet(c);
    const g: Grid = { name: sheet.name, values: sheet.rows.map((r) => r.map((x) => (x?.value ?? null) as CellValue)) };
    const back = readCatalogGrid(g)!;
    expect(back.issues).toEqual([]);
    expect(back.catalog).toEqual(c);
    const row = g.values.findIndex((r) => r[0] === "3");
    g.values[row][11] = "Thưởng thêm";
    const bad = readCatalogGrid(g)!;
    expect(bad.catalog).toBeNull();
    expect(bad.issues[0]).toMatchObject({ cell: `L${row + 1}`, code: "3", severity: "error" });
    expect(bad.issues[0].message).toContain('"Điểm thưởng", "Điểm trừ"');
  });
});
