import { ParError } from "../../src/scoring/errors";
import { buildSummary } from "../../src/scoring/report";
import { parseCatalog } from "../../src/scoring/catalog";
import { Grid } from "../../src/scoring/grid";
import { readUnitSheet } from "../../src/scoring/sheet";
import { CellValue } from "../../src/scoring/values";
import { countFindings, Finding, FINDING_KINDS, validateUnit } from "../../src/scoring/validate";

const catalog = parseCatalog(
  {
    id: "thu",
    name: "Bộ thử",
    year: 2018,
    nodes: [
      {
        code: "1",
        name: "Chỉ đạo điều hành",
        children: [
          {
            code: "1.1",
            name: "Kế hoạch CCHC",
            max: 1,
            rule: "100%: 1; *: 0",
            evidence: ["Kế hoạch CCHC năm", "Báo cáo CCHC năm"],
            deadline: "Ngày 30/12/2018",
          },
          { code: "1.2", name: "Báo cáo", max: 0.5, rule: "có: 0,5; không: 0", evidence: ["Báo cáo CCHC quý"] },
          {
            code: "1.3",
            name: "Kiểm tra",
            children: [
              { code: "1.3.1", name: "Tỷ lệ kiểm tra", max: 1, rule: ">30%: 1; *: 0" },
              { code: "1.3.2", name: "Xử lý sau kiểm tra", max: 1, rule: "có: 1; không: -1" },
            ],
          },
        ],
      },
      { code: "2", name: "Văn bản QPPL", children: [{ code: "2.1", name: "Rà soát", max: 2 }] },
    ],
  },
  "thu.json",
);

const HEADER = ["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình"];
// Columns:         A      B           C             D          E               F                       G

/** A clean sheet: every criterion present, sums right, evidence for every scored leaf. Header on row 3. */
function cleanRows(): CellValue[][] {
  return [
    ["BẢNG TỰ CHẤM ĐIỂM"],
    ["Đơn vị: Sở Thử nghiệm"],
    HEADER,
    ["1", "Chỉ đạo điều hành", 3.5, null, 3.5, null, null], // row 4
    ["1.1", "Kế hoạch CCHC", 1, 1, 1, "Kế hoạch CCHC năm 2018 số 12/KH-STN ngày 20/12/2017\nBáo cáo CCHC năm 2018 số 30/BC-STN ngày 10/12/2018", null], // 5
    ["1.2", "Báo cáo", 0.5, "có", 0.5, "Báo cáo CCHC quý số 5/BC-STN ngày 15/03/2018", null], // 6
    ["1.3", "Kiểm tra", 2, null, 2, null, null], // 7
    ["1.3.1", "Tỷ lệ kiểm tra", 1, 0.4, 1, "https://stn.dienbien.gov.vn/kiem-tra-2018.pdf", null], // 8
    ["1.3.2", "Xử lý sau kiểm tra", 1, "có", 1, "bao-cao-xu-ly.pdf", null], // 9
    ["2", "Văn bản QPPL", 2, null, 2, null, null], // 10
    ["2.1", "Rà soát", 2, null, 2, "Quyết định số 99/QĐ-STN ngày 01/06/2018", null], // 11
  ];
}

function check(rows: CellValue[][]): Finding[] {
  const grid: Grid = { name: "Tự chấm", values: rows };
  const unit = readUnitSheet(grid, "tep")!;
  return validateUnit(unit, catalog);
}

function set(rows: CellValue[][], a1: string, value: CellValue): CellValue[][] {
  const col = a1.charCodeAt(0) - 65;
  const row = Number(a1.slice(1)) - 1;
  rows[row][col] = value;
  return rows;
}

const kinds = (fs: Finding[]) => fs.map((f) => `${f.kind}@${f.cell}`);

describe("a clean sheet", () => {
  test("has no findings", () => {
    expect(check(cleanRows())).toEqual([]);
  });

  test("every finding kind is a stable identifier", () => {
    expect(FINDING_KINDS).toEqual([
      "missing-criterion",
      "unknown-criterion",
      "duplicate-criterion",
      "score-invalid",
      "score-over-max",
      "score-mismatch",
      "sum-mismatch",
      "missing-evidence",
      "evidence-late",
      "evidence-invalid",
      "missing-explanation",
      "unscored",
      "row-not-understood",
      "unscored-criterion",
      "score-computed",
      "evidence-not-found",
      "evidence-mismatch",
      "evidence-out-of-period",
      "evidence-unreadable",
      "appraisal-conflict",
      "appraisal-no-reason",
      "appraisal-missing",
      "appraisal-unknown",
      "formula-uncalculated",
    ]);
  });
});

describe("structure", () => {
  test("missing leaf: error pointed below the previous criterion", () => {
    const rows = cleanRows();
    rows.splice(5, 1); // drop 1.2
    rows[3][2] = 3;
    rows[3][4] = 3;
    const fs = check(rows);
    expect(fs).toHaveLength(1);
    expect(fs[0]).toMatchObject({ kind: "missing-criterion", severity: "error", code: "1.2", sheet: "Tự chấm", cell: "A6" });
    expect(fs[0].message).toContain("«Báo cáo»");
  });

  test("missing parent row only: a warning", () => {
    const rows = cleanRows();
    rows.splice(6, 1); // drop 1.3
    expect(check(rows).map((f) => [f.kind, f.severity, f.code])).toEqual([["missing-criterion", "warning", "1.3"]]);
  });

  test("unknown code", () => {
    const rows = cleanRows();
    rows.push(["9.1", "Lạ", 1, null, 1, "x.pdf", null]);
    const fs = check(rows);
    expect(kinds(fs)).toEqual(["unknown-criterion@A12"]);
    expect(fs[0].message).toContain('bộ tiêu chí "thu"');
  });

  test("duplicate code names the first cell", () => {
    const rows = cleanRows();
    rows.push(["1.3.1.", "Tỷ lệ kiểm tra (lặp)", 1, 0.4, 1, "y.pdf", null]);
    const fs = check(rows);
    expect(kinds(fs)).toEqual(["duplicate-criterion@A12"]);
    expect(fs[0].message).toContain("A8");
  });
});

describe("scores", () => {
  test("text where a score belongs", () => {
    const fs = check(set(cleanRows(), "E6", "đạt"));
    expect(kinds(fs)).toContain("score-invalid@E6");
    expect(fs.find((f) => f.kind === "score-invalid")!.message).toContain('"đạt"');
  });

  test("negative where the rule has no negative points, accepted where it has", () => {
    const rows = set(set(cleanRows(), "E6", -0.5), "E4", 3);
    expect(kinds(check(rows))).toContain("score-invalid@E6");
    const ok = set(set(set(cleanRows(), "E9", -1), "D9", "không"), "E7", 0);
    set(ok, "E4", 1.5);
    set(ok, "G9", "Chưa xử lý");
    expect(check(ok).filter((f) => f.kind === "score-invalid")).toEqual([]);
  });

  test("not applicable is a valid score", () => {
    const rows = set(set(cleanRows(), "E6", "Không áp dụng"), "E4", 3);
    expect(check(rows)).toEqual([]);
  });

  test("over the max", () => {
    const rows = set(set(cleanRows(), "E11", 2.5), "E10", 2.5);
    const fs = check(rows);
    expect(kinds(fs)).toEqual(["score-over-max@E11"]);
    expect(fs[0].message).toContain("vượt điểm tối đa 2");
  });

  test("self score differs from the rule: a warning", () => {
    const rows = set(cleanRows(), "D8", 0.25); // 25% → the rule gives 0
    const fs = check(rows);
    expect(fs.map((f) => [f.kind, f.severity, f.cell])).toEqual([["score-mismatch", "warning", "E8"]]);
    expect(fs[0].message).toContain(">30%: 1; *: 0");
  });

  test("a leaf max that differs from the catalogue", () => {
    const fs = check(set(cleanRows(), "C6", 1));
    expect(fs.map((f) => [f.kind, f.cell])).toContainEqual(["score-mismatch", "C6"]);
  });

  test("a parent's score or max that is not the sum of its children", () => {
    const fs = check(set(set(set(cleanRows(), "E7", 1.5), "E4", 3), "C10", 3));
    expect(kinds(fs)).toEqual(["sum-mismatch@E7", "sum-mismatch@C10"]);
    expect(fs[0].message).toContain("1,5");
    expect(fs[0].message).toContain("2");
  });

  test("parent sums count not applicable children as 0", () => {
    const rows = set(set(set(cleanRows(), "E9", "KAD"), "E7", 1), "E4", 2.5);
    expect(check(rows)).toEqual([]);
  });

  test("a max that is not a number", () => {
    expect(kinds(check(set(cleanRows(), "C11", "hai")))).toContain("score-invalid@C11");
  });
});

describe("evidence", () => {
  test("a scored leaf with no evidence: error, and no explanation: warning", () => {
    const fs = check(set(cleanRows(), "F11", null));
    expect(fs.map((f) => [f.kind, f.severity, f.cell])).toEqual([
      ["missing-evidence", "error", "F11"],
      ["missing-explanation", "warning", "G11"],
    ]);
  });

  test("no evidence needed for a leaf scored 0", () => {
    const rows = set(set(set(set(cleanRows(), "F6", null), "E6", 0), "D6", "không"), "E4", 3);
    set(rows, "G6", "Chưa gửi báo cáo");
    expect(check(rows)).toEqual([]);
  });

  test("fewer documents than required: a warning naming the missing one", () => {
    const fs = check(set(cleanRows(), "F5", "Kế hoạch CCHC năm 2018 số 12/KH-STN ngày 20/12/2017"));
    const f = fs.find((x) => x.kind === "missing-evidence")!;
    expect(f).toMatchObject({ severity: "warning", cell: "F5", code: "1.1" });
    expect(f.message).toContain("Báo cáo CCHC năm");
    expect(f.message).not.toContain("Kế hoạch CCHC năm;");
  });

  test("a document dated after the deadline", () => {
    const rows = set(cleanRows(), "F5", "Kế hoạch CCHC năm 2018 số 12/KH-STN ngày 05/01/2019\nBáo cáo CCHC năm 2018 số 30/BC-STN ngày 10/12/2018");
    const fs = check(rows);
    expect(kinds(fs)).toEqual(["evidence-late@F5"]);
    expect(fs[0].message).toContain("05/01/2019");
    expect(fs[0].message).toContain("30/12/2018");
  });

  test("a link that is not http(s)", () => {
    const fs = check(set(cleanRows(), "F8", "ftp://stn.dienbien.gov.vn/kiem-tra.pdf"));
    expect(fs.map((f) => [f.kind, f.severity, f.cell])).toEqual([["evidence-invalid", "error", "F8"]]);
  });

  test("a malformed document reference", () => {
    const fs = check(set(cleanRows(), "F11", "Quyết định số ngày 01/06/2018"));
    expect(fs.map((f) => [f.kind, f.cell])).toContainEqual(["evidence-invalid", "F11"]);
  });

  test("a malformed reference whose title states its year (“… năm 2018 số …”) is found too", () => {
    const fs = check(set(cleanRows(), "F11", "Kế hoạch CCHC năm 2018 số 15/KH-STN ngày 32/13/2018"));
    const invalid = fs.filter((f) => f.kind === "evidence-invalid");
    expect(invalid.map((f) => [f.severity, f.cell])).toEqual([["warning", "F11"]]);
    expect(invalid[0].message).toContain("Kế hoạch CCHC năm 2018 số 15/KH-STN ngày 32/13/2018");
  });
});

describe("explanations", () => {
  test("below max without a note: a warning at the note cell", () => {
    const fs = check(set(set(cleanRows(), "E11", 1.5), "E10", 1.5));
    expect(fs.map((f) => [f.kind, f.cell])).toEqual([["missing-explanation", "G11"]]);
    expect(fs[0].message).toContain("1,50/2,00");
  });

  test("a note silences it", () => {
    const rows = set(set(set(cleanRows(), "E11", 1.5), "E10", 1.5), "G11", "Chưa rà soát xong một văn bản");
    expect(check(rows).filter((f) => f.kind === "missing-explanation")).toEqual([]);
  });

  test("no notes column at all: the message asks for one", () => {
    const rows = set(set(cleanRows(), "E11", 1.5), "E10", 1.5).map((r) => r.slice(0, 6));
    const f = check(rows).find((x) => x.kind === "missing-explanation")!;
    expect(f.cell).toBe("A11");
    expect(f.message).toContain("Giải trình");
  });
});

describe("output", () => {
  test("findings are in sheet order and counted", () => {
    const rows = set(set(cleanRows(), "E6", "đạt"), "F11", null);
    const fs = check(rows);
    expect(fs.map((f) => f.cell)).toEqual(["E6", "F11", "G11"]);
    expect(countFindings(fs)).toEqual({ errors: 2, warnings: 1 });
  });

  test("English messages", () => {
    const grid: Grid = { name: "S", values: set(cleanRows(), "E6", "đạt") };
    const f = validateUnit(readUnitSheet(grid, "x")!, catalog, { lang: "en" })[0];
    expect(f.message).toMatch(/^The self score of criterion 1.2 in cell E6 is "đạt", not a number/);
  });

  test("the sheet is not changed by validation", () => {
    const rows = set(cleanRows(), "E6", "đạt");
    const before = JSON.stringify(rows);
    check(rows);
    expect(JSON.stringify(rows)).toBe(before);
  });

  test("a sheet without a self-score or appraised column is an error naming the headers found and those accepted", () => {
    const rows = cleanRows().map((r) => [r[0], r[1], r[2], r[3], r[5], r[6]]);
    rows[2] = ["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả", "TLKC", "Ghi chú"];
    // 2.1 has no rule: its points could not be read from anything, so nothing is scored 0 silently.
    expect(() => check(rows)).toThrow(ParError);
    try {
      check(rows);
    } catch (e) {
      const text = (e as ParError).text("vi");
      expect(text).toContain('"Kết quả" (D3)');
      expect(text).toContain('"Điểm tự chấm"');
      expect(text).toContain('"SNV đánh giá"');
      expect((e as ParError).text("en")).toMatch(/has no self-score or appraised column/);
    }
  });

  test("without a score column, a catalogue with a rule for every leaf scores the results", () => {
    const allRules = parseCatalog(
      {
        id: "quy-tac",
        name: "Mọi tiêu chí có quy tắc",
        nodes: [{ code: "1", name: "A", children: [{ code: "1.1", name: "B", max: 1, rule: ">=80%: 1; *: 0" }] }],
      },
      "quy-tac.json",
    );
    const header = ["Mã", "Tiêu chí", "Kết quả", "TLKC", "Ghi chú"];
    const grid: Grid = { name: "S", values: [header, ["1", "A"], ["1.1", "B", 0.5, null, "chưa đạt"]] };
    const unit = readUnitSheet(grid, "x")!;
    expect(validateUnit(unit, allRules)).toEqual([]);
    expect(buildSummary(unit, allRules, []).officialIndex).toBe(0);
    const scored: Grid = { name: "S", values: [header, ["1", "A"], ["1.1", "B", 0.9, "Báo cáo số 1/BC-X ngày 01/02/2025", null]] };
    expect(buildSummary(readUnitSheet(scored, "x")!, allRules, []).officialIndex).toBe(100);
  });

  test("a names-only catalogue takes the sheet's maxima", () => {
    const namesOnly = parseCatalog(
      { id: "ten", name: "Chỉ có tên", nodes: [{ code: "1", name: "A", children: [{ code: "1.1", name: "B" }] }] },
      "ten.json",
    );
    const grid: Grid = { name: "S", values: [HEADER, ["1", "A", 2, null, 2, null, null], ["1.1", "B", 2, null, 2.5, "x.pdf", null]] };
    const fs = validateUnit(readUnitSheet(grid, "x")!, namesOnly);
    expect(fs.map((f) => [f.kind, f.cell])).toEqual([
      ["score-over-max", "E3"],
      ["sum-mismatch", "E2"],
    ].sort((a, b) => Number(a[1].slice(1)) - Number(b[1].slice(1))));
  });
});

describe("deadlines without a year", () => {
  const yearly = parseCatalog(
    {
      id: "nam",
      name: "Hạn không ghi năm",
      year: 2018,
      nodes: [
        {
          code: "1",
          name: "A",
          children: [
            { code: "1.1", name: "Sáng kiến", max: 1, deadline: "Trước ngày 15/1" },
            { code: "1.2", name: "Báo cáo", max: 1, deadline: "Trước ngày 10/12" },
          ],
        },
      ],
    },
    "nam.json",
  );
  const grid = (d1: string, d2: string): Grid => ({
    name: "S",
    values: [HEADER, ["1", "A", 2, null, 2, null, null], ["1.1", "Sáng kiến", 1, null, 1, d1, null], ["1.2", "Báo cáo", 1, null, 1, d2, null]],
  });

  test("January deadlines of a year's plan fall in the next year", () => {
    const fs = validateUnit(readUnitSheet(grid("Quyết định số 5/QĐ-STN ngày 10/01/2019", "Báo cáo số 9/BC-STN ngày 01/12/2018"), "x")!, yearly);
    expect(fs).toEqual([]);
  });

  test("late against both", () => {
    const fs = validateUnit(readUnitSheet(grid("Quyết định số 5/QĐ-STN ngày 20/01/2019", "Báo cáo số 9/BC-STN ngày 12/12/2018"), "x")!, yearly);
    expect(fs.map((f) => [f.kind, f.code])).toEqual([
      ["evidence-late", "1.1"],
      ["evidence-late", "1.2"],
    ]);
  });
});
