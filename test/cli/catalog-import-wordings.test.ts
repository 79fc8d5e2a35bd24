/**
 * Importing a province's table, round two (issue 25): every wording read right, or shown plainly as not read. Each
 * table is written as decisions publish it (exceljs, merged cells really merged) and each imported rule is probed
 * with `par score --catalog TABLE.xlsx`, the way a clerk's value would be scored.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { nodePart, parseCatalogJson, walk } from "../../src/scoring";
import { convertWithLibreOffice } from "../support/libreoffice";
import { par, tempDir } from "../support/par";

jest.setTimeout(120_000);

const dir = tempDir("par-import2-");
type Row = (string | number | null)[];
let n = 0;

interface TableOptions {
  header?: Row[];
  merges?: string[];
  after?: Row[];
}

/** A table as a decision publishes it: a title, the header, the rows; returns the file. */
async function table(rows: Row[], options: TableOptions = {}): Promise<string> {
  const file = join(dir, `bang-${++n}.xlsx`);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục");
  ws.addRow(["BỘ TIÊU CHÍ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025"]);
  for (const h of options.header ?? [["STT", "Nội dung tiêu chí", "Điểm tối đa"]]) ws.addRow(h);
  for (const r of [...rows, ...(options.after ?? [])]) ws.addRow(r);
  for (const m of options.merges ?? []) ws.mergeCells(m);
  await wb.xlsx.writeFile(file);
  return file;
}

/** One field "1" holding one criterion "1.1" whose band rows are `bands` (first band on row 5). */
const oneCriterion = (bands: Row[], max: number | null = 1, name = "Thực hiện nhiệm vụ được giao"): Row[] => [
  [1, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", max],
  ["1.1", name, max],
  ...bands,
];

const band = (text: string, points: number | null = null): Row => [null, text, points];

/** `par score --rule CODE --value V --catalog TABLE`: the points, or the exit code and message when it fails. */
async function probe(file: string, code: string, value: string): Promise<string> {
  const r = await par("score", "--rule", code, "--value", value, "--catalog", file);
  return r.code === 0 ? r.out.trim() : `exit ${r.code}: ${r.err.trim()}`;
}

async function probes(file: string, code: string, values: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const v of values) out.push(await probe(file, code, v));
  return out;
}

async function importTable(file: string, ...extra: string[]) {
  const out = join(dir, `cat-${++n}.json`);
  const r = await par("catalog", "import", file, "-o", out, ...extra);
  const catalog = r.code === 0 ? parseCatalogJson(readFileSync(out, "utf8"), out) : null;
  const node = (code: string) => (catalog ? walk(catalog.nodes).find((x) => x.code === code) : undefined);
  return { ...r, out: r.out, catalog, node, file: out };
}

describe("1. 'Không có …' is zero of the thing counted; 'Có 01' is one", () => {
  test("documents recommended against: 0 → 1, 1 → 0,5, 3 → 0", async () => {
    const file = await table(oneCriterion([band("Không có văn bản bị kiến nghị: 1"), band("Có 01 văn bản: 0,5"), band("Có từ 02 văn bản trở lên: 0")]));
    expect(await probes(file, "1.1", ["0", "1", "3"])).toEqual(["1", "0.5", "0"]);
    const r = await importTable(file);
    expect(r.node("1.1")!.rule).toBe("0: 1; 1: 0,5; >=2: 0");
    expect(r.out).toContain('"Không có văn bản bị kiến nghị" đọc là 0');
  });

  test("late reports: 0 → 1, 2 → 0,5, 4 → 0", async () => {
    const file = await table(
      oneCriterion([band("Không có báo cáo trễ hạn: 1"), band("Có dưới 3 báo cáo trễ hạn: 0,5"), band("Có từ 3 báo cáo trễ hạn trở lên: 0")], 1, "Báo cáo định kỳ"),
    );
    expect(await probes(file, "1.1", ["0", "2", "4"])).toEqual(["1", "0.5", "0"]);
  });
});

describe("2. a qualifier that changes the meaning is read, or the wording is not converted", () => {
  test("'Đúng hạn' beside bands on days late is 0 days late: 0 → 1, 5 → 0,5, 10 → 0", async () => {
    const file = await table(oneCriterion([band("Đúng hạn: 1"), band("Chậm dưới 10 ngày: 0,5"), band("Chậm từ 10 ngày trở lên: 0")], 1, "Thời gian ban hành"));
    expect(await probes(file, "1.1", ["0", "5", "10"])).toEqual(["1", "0.5", "0"]);
    const r = await importTable(file);
    expect(r.out).toMatch(/"Đúng hạn" đọc là 0 ngày chậm/);
  });

  test("an outcome beside bands on days late that may or may not be on time is not read; 'Không thực hiện' is", async () => {
    const file = await table(oneCriterion([band("Hoàn thành: 1"), band("Chậm dưới 5 ngày: 0,5"), band("Chậm từ 5 ngày trở lên: 0")]));
    const r = await importTable(file);
    expect(r.node("1.1")!.rule).toBeNull();
    expect(r.out).toMatch(/Phụ lục!B5 {2}1\.1 {2}"Hoàn thành: 1" — lời văn có chữ làm đổi nghĩa/);
    const ok = await table(
      oneCriterion([band("Đúng hạn: 1"), band("Chậm dưới 5 ngày: 0,5"), band("Chậm từ 5 ngày trở lên: 0,25"), band("Không thực hiện: 0")]),
    );
    expect(await probes(ok, "1.1", ["0", "3", "7", "Không thực hiện"])).toEqual(["1", "0.5", "0.25", "0"]);
  });

  test("a qualifier on one band only: not converted, listed with its cell", async () => {
    const file = await table(oneCriterion([band("Hoàn thành chậm dưới 10 ngày: 0,5"), band("Hoàn thành từ 90% trở lên: 1"), band("Dưới 90%: 0")]));
    const r = await importTable(file);
    expect(r.node("1.1")!.rule).toBeNull();
    expect(r.out).toMatch(/Phụ lục!B5 {2}1\.1 {2}"Hoàn thành chậm dưới 10 ngày: 0,5" — lời văn có chữ làm đổi nghĩa/);
  });
});

describe("3. 'Đạt 90%' before 'Dưới 90%' is from 90 %; when the order does not settle it, not converted", () => {
  test("95 % scores 0,5", async () => {
    const file = await table(oneCriterion([band("Đạt 100%: 1"), band("Đạt 90%: 0,5"), band("Dưới 90%: 0")]));
    expect(await probes(file, "1.1", ["95%", "100%", "90%", "89%"])).toEqual(["0.5", "1", "0.5", "0"]);
  });

  test("'Đạt 100% / Đạt 90% / Đạt 80%' is not read; the report names the cell", async () => {
    const file = await table(oneCriterion([band("Đạt 100%: 1"), band("Đạt 90%: 0,5"), band("Đạt 80%: 0")]));
    const r = await importTable(file);
    expect(r.node("1.1")!.rule).toBeNull();
    expect(r.out).toMatch(/Phụ lục!B6 {2}1\.1 {2}"Đạt 90%: 0,5" — một tỷ lệ đúng bằng/);
    expect(r.out).not.toContain("Mọi lời văn về mức điểm đã thành quy tắc");
  });
});

test.each([["Hoàn thành 90% kế hoạch: 1"], ["Có 02 sáng kiến: 1"]])("3. '%s' alone is not an exact value in silence: not read, listed", async (text) => {
  const file = await table(oneCriterion([band(text)]));
  const r = await importTable(file);
  expect(r.node("1.1")!.rule).toBeNull();
  expect(r.out).toContain(`Phụ lục!B5  1.1  "${text}" — một tỷ lệ đúng bằng`);
});

test("4. 'Hoàn thành đúng hạn 100% nhiệm vụ: 1 điểm' alone is not read as 100 %: listed with its cell", async () => {
  const file = await table(oneCriterion([band("Hoàn thành đúng hạn 100% nhiệm vụ: 1 điểm")]));
  const r = await importTable(file);
  expect(r.node("1.1")!.rule).toBeNull();
  expect(r.out).toMatch(/Phụ lục!B5 {2}1\.1 {2}"Hoàn thành đúng hạn 100% nhiệm vụ: 1 điểm" — lời văn có chữ/);
  expect((await probe(file, "1.1", "100%")).startsWith("exit")).toBe(true);
});

describe("5. points above the maximum, and a leaf without a maximum, are errors at import", () => {
  test("bands 2 / 1 / 0 under a maximum of 1", async () => {
    const file = await table(oneCriterion([band("Ban hành kịp thời: 2"), band("Ban hành không kịp thời: 1"), band("Không ban hành: 0")]));
    const r = await importTable(file, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Phụ lục!B5 {2}1\.1 {2}Criterion 1\.1: the band "Ban hành kịp thời: 2" gives 2\.00 points, more than the criterion's maximum 1\.00/);
  });

  test("a leaf with a blank maximum", async () => {
    const file = await table([[1, "CÔNG TÁC CHỈ ĐẠO", 1], ["1.1", "Kế hoạch", 1], ["1.2", "Báo cáo", null]]);
    const r = await importTable(file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Phụ lục!C5 {2}1\.2 {2}Tiêu chí 1\.2 chưa có điểm tối đa/);
  });
});

describe("6. a row whose text is a band is a band, whatever its marker", () => {
  test("'a) Đạt | 1 / b) Không đạt | 0' under Roman-numbered fields", async () => {
    const file = await table([
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 2],
      [1, "Ban hành kế hoạch CCHC", 1],
      ["a)", "Đạt", 1],
      ["b)", "Không đạt", 0],
      [2, "Báo cáo CCHC", 1],
      ["a)", "Có", 1],
      ["b)", "Không", 0],
      ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 1],
      [1, "Công khai thủ tục", 1],
      ["a)", "Đạt", 1],
      ["b)", "Không đạt", 0],
    ]);
    const r = await importTable(file);
    expect(r.code).toBe(0);
    expect(walk(r.catalog!.nodes).map((x) => x.code)).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
    expect(r.node("1.1")!.rule).toBe('"Đạt": 1; "Không đạt": 0');
    expect(await probes(file, "1.1", ["Đạt", "Không đạt"])).toEqual(["1", "0"]);
    expect(await probes(file, "1.2", ["có", "không"])).toEqual(["1", "0"]);
  });

  test("with full codes, 'a) b)' markers do not switch the table to within-field numbering", async () => {
    const file = await table([
      [1, "CÔNG TÁC CHỈ ĐẠO", 2],
      ["1.1", "Ban hành kế hoạch", 1],
      ["a)", "Đạt", 1],
      ["b)", "Không đạt", 0],
      ["1.2", "Kiểm tra", 1],
      ["a)", "Từ 30% trở lên", 1],
      ["b)", "Dưới 30%", 0],
    ]);
    const r = await importTable(file);
    expect(walk(r.catalog!.nodes).map((x) => x.code)).toEqual(["1", "1.1", "1.2"]);
    expect(r.out).toContain("mã đầy đủ 1, 1.1, 1.1.1");
    expect(await probes(file, "1.2", ["35%", "20%"])).toEqual(["1", "0"]);
  });
});

describe("7. scoring wording inside the name cell after a line break (QĐ 876 tables)", () => {
  test("is read", async () => {
    const file = await table([
      [1, "CÔNG TÁC CHỈ ĐẠO", 1],
      ["1.1", "Ban hành kế hoạch CCHC năm\n- Ban hành kịp thời: 1\n- Ban hành không kịp thời: 0,5\n- Không ban hành: 0", 1],
    ]);
    const r = await importTable(file);
    expect(r.node("1.1")!.name).toBe("Ban hành kế hoạch CCHC năm");
    expect(await probes(file, "1.1", ["Ban hành không kịp thời", "Không ban hành"])).toEqual(["0.5", "0"]);
  });

  test("or listed as not read, never 'every wording became a rule'", async () => {
    const file = await table([
      [1, "CÔNG TÁC CHỈ ĐẠO", 1],
      ["1.1", "Mức độ hài lòng\n- Điểm = tỷ lệ % hài lòng × điểm tối đa", 1],
    ]);
    const r = await importTable(file);
    expect(r.node("1.1")!.rule).toBeNull();
    expect(r.out).toContain('Phụ lục!B4  1.1  "- Điểm = tỷ lệ % hài lòng × điểm tối đa" — không thấy số điểm');
    expect(r.out).not.toContain("Mọi lời văn về mức điểm đã thành quy tắc");
  });
});

test("8. a survey field's criteria are all survey", async () => {
  const file = await table([
    [1, "CÔNG TÁC CHỈ ĐẠO", 1],
    ["1.1", "Kế hoạch", 1],
    [2, "CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC", 3],
    ["2.1", "Sự hài lòng về tiếp cận dịch vụ", 1],
    ["2.2", "Sự hài lòng về thủ tục hành chính", 1],
    ["2.3", "Kết quả điều tra xã hội học về cán bộ", 1],
  ]);
  const r = await importTable(file);
  expect(r.code).toBe(0);
  expect(["1.1", "2.1", "2.2", "2.3"].map((c) => nodePart(r.catalog!, c).survey)).toEqual([false, true, true, true]);
});

describe("9. signs and codes kept as written and made consistent, and said", () => {
  test("a penalty field of −3 with children −2 / −1 and a band '-1 điểm': deductions of 3, 2, 1", async () => {
    const file = await table([
      [1, "CÔNG TÁC CHỈ ĐẠO", 1],
      ["1.1", "Kế hoạch", 1],
      [2, "ĐIỂM TRỪ", -3],
      ["2.1", "Vi phạm kỷ luật hành chính", -2],
      ["2.2", "Bị kiến nghị xử lý", -1],
      band("Có: -1 điểm"),
      band("Không: 0"),
    ]);
    const r = await importTable(file);
    expect(r.code).toBe(0);
    expect(["2", "2.1", "2.2"].map((c) => r.node(c)!.max)).toEqual([3, 2, 1]);
    expect(r.node("2.2")!.rule).toBe("có: 1; không: 0");
    expect(r.out).toMatch(/Phụ lục!C5 {2}2 {2}Tiêu chí 2 thuộc phần điểm trừ: điểm "-3,00" được đọc là trừ tối đa 3,00 điểm/);
    expect(r.out).toMatch(/"-1" trong phần điểm trừ đọc là trừ 1 điểm/);
    expect(await probe(file, "2.2", "có")).toBe("1");
  });

  test("criteria numbered across fields (II: 4, 4.1) keep their codes", async () => {
    const file = await table([
      ["I", "CÔNG TÁC CHỈ ĐẠO", 3],
      [1, "Kế hoạch", 1],
      [2, "Báo cáo", 1],
      [3, "Kiểm tra", 1],
      ["II", "CẢI CÁCH THỂ CHẾ", 2],
      [4, "Xây dựng văn bản", 2],
      ["4.1", "Ban hành văn bản", 1],
      ["4.2", "Rà soát văn bản", 1],
    ]);
    const r = await importTable(file);
    expect(r.code).toBe(0);
    expect(walk(r.catalog!.nodes).map((x) => x.code)).toEqual(["1", "2", "3", "4", "4.1", "4.2"]);
    expect(r.out).toMatch(/Phụ lục!A8 {2}Tiêu chí được đánh số liên tục qua các lĩnh vực \(lĩnh vực II bắt đầu bằng tiêu chí 4\)/);
  });
});

describe("10. a stated total that disagrees with the rows is an error", () => {
  test("in the name cell: 'Tổng cộng: 100 điểm'", async () => {
    const file = await table([[1, "CÔNG TÁC CHỈ ĐẠO", 2], ["1.1", "Kế hoạch", 2], [null, "Tổng cộng: 100 điểm", null]]);
    const r = await importTable(file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Phụ lục!B5 {2}Dòng tổng cộng ghi 100,00 điểm nhưng tổng điểm tối đa các lĩnh vực là 2,00/);
  });

  test("in the max column", async () => {
    const file = await table([[1, "CÔNG TÁC CHỈ ĐẠO", 2], ["1.1", "Kế hoạch", 2], [null, "TỔNG CỘNG", 3]]);
    const r = await importTable(file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Phụ lục!C5 {2}Dòng tổng cộng ghi 3,00 điểm/);
  });
});

describe("refused with a reason that is not the real one", () => {
  test.each([
    ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa"],
    ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa"],
    ["STT", "Tiêu chí/Tiêu chí thành phần", "Điểm tối đa"],
    ["STT", "Nội dung tiêu chí", "Thang điểm"],
  ])("header %s | %s | %s is read", async (...header) => {
    const file = await table(oneCriterion([band("Đạt: 1"), band("Không đạt: 0")]), { header: [header] });
    const r = await importTable(file);
    expect([r.code, r.node("1.1")?.rule]).toEqual([0, "\"Đạt\": 1; \"Không đạt\": 0"]);
    expect(await probe(file, "1.1", "Không đạt")).toBe("0");
  });

  test("'Điểm' merged over 'Tối đa | Tự chấm | Thẩm định' (a blank form) is read", async () => {
    const file = await table(
      [
        [1, "CÔNG TÁC CHỈ ĐẠO", 1, null, null],
        ["1.1", "Kế hoạch", 1, null, null],
        band("Đạt: 1"),
        band("Không đạt: 0"),
      ],
      {
        header: [
          ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm", null, null],
          [null, null, "Tối đa", "Tự chấm", "Thẩm định"],
        ],
        merges: ["A2:A3", "B2:B3", "C2:E2"],
      },
    );
    const r = await importTable(file);
    expect([r.code, r.node("1.1")?.rule]).toEqual([0, '"Đạt": 1; "Không đạt": 0']);
    expect(await probe(file, "1.1", "Đạt")).toBe("1");
  });

  test("a refusal names the column really missing", async () => {
    const file = await table(oneCriterion([]), { header: [["STT", "Nội dung tiêu chí", "Ghi chú"]] });
    const r = await importTable(file);
    expect(r.code).toBe(2);
    expect(r.err).toContain('Trang "Phụ lục": dòng tiêu đề ở dòng 2 thiếu cột Điểm tối đa (các cột tìm thấy: A2 "STT", B2 "Nội dung tiêu chí", C2 "Ghi chú")');
  });

  test("'TỔNG CỘNG' merged over STT and name, part headings 'A.', 'B.', a signature block after the table", async () => {
    const file = await table(
      [
        ["A.", "PHẦN ĐIỂM ĐÁNH GIÁ", null],
        [1, "CÔNG TÁC CHỈ ĐẠO", 1],
        ["1.1", "Kế hoạch", 1],
        ["B.", "PHẦN ĐIỂM THƯỞNG", null],
        [2, "ĐIỂM THƯỞNG", 1],
        ["2.1", "Sáng kiến", 1],
        ["TỔNG CỘNG", null, 1],
      ],
      { merges: ["A9:B9"], after: [[], [null, null, null, "GIÁM ĐỐC"]] },
    );
    const r = await importTable(file);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain("Không hiểu mã");
    expect(r.out).toContain('Phụ lục!A3  Dòng "A. PHẦN ĐIỂM ĐÁNH GIÁ" được đọc là đề mục');
    expect(r.out).toContain('Phụ lục!D11  Dòng chữ "GIÁM ĐỐC" nằm dưới dòng tổng cộng');
  });

  test.each<[string, Row[], number, [string, string][]]>([
    ["several bands on one line joined by ';'", [band("Đạt: 1 điểm; Không đạt: 0 điểm")], 1, [["Đạt", "1"], ["Không đạt", "0"]]],
    [
      "a counted thing with a comma",
      [band("Từ 30% số cơ quan, đơn vị trở lên: 1"), band("Dưới 30% số cơ quan, đơn vị: 0")],
      1,
      [["30%", "1"], ["29%", "0"]],
    ],
    ["% only on the upper bound", [band("100%: 1"), band("Từ 80 - dưới 100%: 0,5"), band("Dưới 80%: 0")], 1, [["85%", "0.5"], ["79%", "0"]]],
    ["points as '1đ'", [band("Đạt: 1đ"), band("Không đạt: 0đ")], 1, [["Đạt", "1"]]],
    [
      "date bands",
      [band("Trước ngày 15/12/2025: 1"), band("Sau ngày 15/12/2025: 0")],
      1,
      [["10/12/2025", "1"], ["20/12/2025", "0"]],
    ],
    ["'được 1 điểm' instead of ':'", [band("Ban hành kịp thời được 1 điểm"), band("Không ban hành được 0 điểm")], 1, [["Ban hành kịp thời", "1"]]],
    ["a per-item deduction with a cap", [band("Mỗi văn bản chậm trừ 0,25 điểm, tối đa trừ 1 điểm")], 1, [["2", "0.5"], ["6", "0"], ["0", "1"]]],
    [
      "a note row",
      [band("Có: 1"), band("Không: 0"), band("Trường hợp không phát sinh văn bản thì được điểm tối đa")],
      1,
      [["có", "1"], ["Không phát sinh", "1"], ["không", "0"]],
    ],
  ])("%s is read", async (_, bands, max, cases) => {
    const file = await table(oneCriterion(bands, max));
    for (const [value, points] of cases) expect([value, await probe(file, "1.1", value)]).toEqual([value, points]);
  });

  test("a per-item deduction capped below the maximum is listed, not guessed", async () => {
    const file = await table(oneCriterion([band("Mỗi văn bản chậm trừ 0,25 điểm, tối đa trừ 1 điểm")], 2));
    const r = await importTable(file);
    expect(r.node("1.1")!.rule).toBeNull();
    expect(r.out).toMatch(/Phụ lục!B5 {2}1\.1 {2}"Mỗi văn bản chậm trừ 0,25 điểm, tối đa trừ 1 điểm" — trừ điểm theo từng việc/);
  });

  test("có/không bands accept 1/0", async () => {
    const file = await table(oneCriterion([band("Có: 1"), band("Không: 0")]));
    expect(await probes(file, "1.1", ["1", "0"])).toEqual(["1", "0"]);
  });

  test("the Vietnamese report carries no English from the validator; names lose Word's non-breaking spaces and soft hyphens", async () => {
    const file = await table([[1, "CÔNG TÁC CHỈ ĐẠO", -1], ["1.1", "Kế\u00A0ho\u00ADạch  CCHC", -1]]);
    const r = await importTable(file);
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(/Too small|expected number/);
    const clean = await importTable(await table([[1, "CÔNG TÁC CHỈ ĐẠO", 1], ["1.1", "Kế\u00A0ho\u00ADạch  CCHC", 1]]));
    expect(clean.node("1.1")!.name).toBe("Kế hoạch CCHC");
  });
});

describe("the review workbook", () => {
  test("one row per criterion: wording, rule, how it was read, three examples; the counts per state end the report", async () => {
    const file = await table([
      [1, "CÔNG TÁC CHỈ ĐẠO", 3],
      ["1.1", "Ban hành kế hoạch", 1],
      band("Ban hành kịp thời: 1"),
      band("Không ban hành: 0"),
      ["1.2", "Tỷ lệ hoàn thành", 1],
      band("Đạt 100%: 1"),
      band("Đạt 90%: 0,5"),
      band("Dưới 90%: 0"),
      ["1.3", "Kiểm tra", 1],
      band("Điểm = tỷ lệ × điểm tối đa"),
    ]);
    const review = join(dir, "soat-xet.xlsx");
    const r = await importTable(file, "--review", review);
    expect(r.code).toBe(0);
    expect(existsSync(review)).toBe(true);
    const lines = r.out.trim().split("\n");
    expect(lines[lines.length - 3]).toBe(
      "Cách đọc: 1 tiêu chí đọc đúng nguyên văn, 1 đọc với giả định, 1 chưa đọc được, 1 không có lời văn chấm điểm",
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(review);
    const ws = wb.getWorksheet("Soát xét quy tắc")!;
    const row = (code: string) => {
      let found: ExcelJS.Row | undefined;
      ws.eachRow((x) => {
        if (x.getCell(1).value === code) found = x;
      });
      return found!;
    };
    expect(ws.getRow(2).values).toEqual(expect.arrayContaining(["Mã", "Tên tiêu chí", "Lời văn như đã ban hành", "Quy tắc", "Cách đọc", "Ví dụ 1"]));
    const r12 = row("1.2");
    expect(r12.getCell(4).value).toBe("Đạt 100%: 1\nĐạt 90%: 0,5\nDưới 90%: 0");
    expect(r12.getCell(6).value).toBe("100%: 1; >=90%: 0,5; <90%: 0");
    expect(String(r12.getCell(7).value)).toMatch(/^đọc với giả định: "Đạt 90%" đọc là "từ 90% trở lên"/);
    expect([8, 9, 10, 11, 12, 13].map((c) => r12.getCell(c).value)).toEqual(["100%", 1, "90%", 0.5, "85%", 0]);
    expect(row("1.1").getCell(7).value).toBe("đọc đúng nguyên văn");
    expect(String(row("1.3").getCell(7).value)).toMatch(/^chưa đọc được \(tiêu chí không có quy tắc\): không thấy số điểm/);
    expect(row("1").getCell(7).value).toBe("không có lời văn chấm điểm");
    const values: unknown[] = [];
    ws.eachRow((x) => values.push(x.getCell(1).value, x.getCell(2).value));
    expect(values).toEqual(expect.arrayContaining(["Đọc với giả định", 1, "Chưa đọc được", 1]));
    // LibreOffice opens it (as a Sở Nội vụ's office suite would): its text shows the rule and the counts.
    const csv = convertWithLibreOffice(review, dir, "csv:Text - txt - csv (StarCalc):44,34,76");
    expect(csv.ok).toBe(true);
    const text = readFileSync(csv.output!, "utf8");
    expect(text).toContain("100%: 1; >=90%: 0,5; <90%: 0");
    expect(text).toMatch(/Đọc đúng nguyên văn,1/);
  });
});

test("5. a leaf without a maximum inside a capped bonus section is not an error (the field's max is the cap); a row with text only elsewhere is said", async () => {
  const file = await table([
    [1, "CÔNG TÁC CHỈ ĐẠO", 1],
    ["1.1", "Kế hoạch", 1],
    [null, null, null, "(xem phụ lục kèm theo)"],
    [2, "ĐIỂM THƯỞNG", 1],
    ["2.1", "Sáng kiến được công nhận", null],
  ]);
  const r = await importTable(file);
  expect(r.code).toBe(0);
  expect(r.out).toContain('Phụ lục!D5  Dòng có chữ "(xem phụ lục kèm theo)" nhưng ô mã, tên và điểm tối đa đều trống nên không được đọc');
});
