/**
 * The parts of a national-style methodology (QĐ 876/QĐ-BNV 2022, Hà Nam 2023): survey criteria scored by a
 * sociological survey, bonus and penalty sections outside the maximum, "Không áp dụng" on a whole field,
 * class bands per catalogue.
 */
import {
  buildPlan,
  buildRanking,
  buildSummary,
  CatalogError,
  CellValue,
  Grid,
  indexGapText,
  LeafScore,
  parseCatalog,
  readUnitSheet,
  rollUp,
  UnitSheet,
  validateUnit,
} from "../../src/scoring";

const catalog = parseCatalog(
  {
    id: "huyen-thu",
    name: "Bộ tiêu chí cấp huyện (thử)",
    level: "district",
    year: 2026,
    bands: "Nhóm I>=80; Nhóm II>=60; Khác",
    nodes: [
      {
        code: "1",
        name: "Công tác chỉ đạo, điều hành CCHC",
        children: [
          { code: "1.1", name: "Ban hành kế hoạch CCHC", max: 1, rule: '"Ban hành kịp thời": 1; "Ban hành không kịp thời": 0,5; "Không ban hành": 0' },
          { code: "1.2", name: "Mức độ hoàn thành kế hoạch", max: 2, rule: "100%: điểm tối đa; từ 80% đến dưới 100%: 1; dưới 80%: 0" },
        ],
      },
      {
        code: "2",
        name: "Cải cách thủ tục hành chính",
        children: [
          { code: "2.1", name: "Công khai TTHC", max: 1 },
          { code: "2.2", name: "Giải quyết TTHC đúng hạn", max: 1 },
        ],
      },
      {
        code: "3",
        name: "Điều tra xã hội học",
        assessedBy: "survey",
        children: [
          { code: "3.1", name: "Sự hài lòng của người dân", max: 3 },
          { code: "3.2", name: "Đánh giá của đại biểu HĐND", max: 3 },
        ],
      },
      {
        code: "4",
        name: "Điểm thưởng",
        kind: "bonus",
        max: 2,
        children: [
          { code: "4.1", name: "Sáng kiến CCHC được công nhận", max: 1.5 },
          { code: "4.2", name: "Giải thưởng cấp quốc gia", max: 1.5 },
        ],
      },
      {
        code: "5",
        name: "Điểm trừ",
        kind: "penalty",
        max: 2,
        children: [
          { code: "5.1", name: "Báo cáo trễ hạn", max: 1, rule: "*: 0,25*x" },
          { code: "5.2", name: "Vi phạm kỷ luật hành chính", max: 3 },
        ],
      },
    ],
  },
  "huyen-thu.json",
);

type Row = [string, CellValue, CellValue, CellValue, CellValue, CellValue?, CellValue?];

/** Mã | Tiêu chí | Điểm tối đa | Kết quả | Điểm tự chấm | Điều tra XHH | TLKC | Ghi chú. */
function sheet(rows: Row[], opts: { survey?: boolean; unit?: string } = {}): UnitSheet {
  const survey = opts.survey ?? true;
  const header = ["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm", ...(survey ? ["Điều tra XHH"] : []), "TLKC", "Ghi chú"];
  const values: CellValue[][] = [[`Đơn vị: ${opts.unit ?? "UBND huyện Thử"}`], header];
  for (const [code, max, value, self, surveyPoints, evidence, notes] of rows) {
    values.push([code, `Tiêu chí ${code}`, max, value, self, ...(survey ? [surveyPoints] : []), evidence ?? null, notes ?? null]);
  }
  const grid: Grid = { name: "Tự đánh giá", values };
  return readUnitSheet(grid, "x")!;
}

const doc = "Kế hoạch số 12/KH-UBND ngày 10/01/2026";
const full: Row[] = [
  ["1", 3, null, 2, null],
  ["1.1", 1, "Ban hành kịp thời", 1, null, doc],
  ["1.2", 2, "90%", 1, null, doc, "Đạt 90% kế hoạch"],
  ["2", 2, null, 2, null],
  ["2.1", 1, null, 1, null, doc],
  ["2.2", 1, null, 1, null, doc],
  ["3", 6, null, null, 5],
  ["3.1", 3, null, null, 2.5],
  ["3.2", 3, null, null, 2.5],
  ["4", 2, null, 1.5, null],
  ["4.1", 1.5, null, 1.5, null, doc],
  ["4.2", 1.5, null, null, null],
  ["5", 2, null, 0.5, null],
  ["5.1", 1, 2, 0.5, null],
  ["5.2", 3, null, null, null],
];

describe("a unit on a national-style catalogue", () => {
  const unit = sheet(full);
  const findings = validateUnit(unit, catalog);
  const summary = buildSummary(unit, catalog, findings);

  test("a clean sheet: survey criteria need no self score, evidence or explanation; bonus and penalty rows are fine", () => {
    expect(findings).toEqual([]);
  });

  test("self, survey, bonus, penalty and total; the index is (self + survey + bonus − penalty) ÷ applicable max × 100", () => {
    expect(summary.total).toMatchObject({ max: 11, applicableMax: 11, self: 4, survey: 5, bonus: 1.5, penalty: 0.5, total: 10, lost: 1 });
    expect(summary.officialIndex).toBe(90.91);
    expect(summary.band).toBe("Nhóm I");
    expect(summary.fields.map((f) => [f.code, f.kind, f.applicableMax, f.self, f.survey, f.bonus, f.penalty, f.total])).toEqual([
      ["1", "base", 3, 2, null, 0, 0, 2],
      ["2", "base", 2, 2, null, 0, 0, 2],
      ["3", "base", 6, 0, 5, 0, 0, 5],
      ["4", "bonus", 0, 0, null, 1.5, 0, 1.5],
      ["5", "penalty", 0, 0, null, 0, 0.5, -0.5],
    ]);
  });

  test("bonus is capped at its section's max and the total never exceeds the applicable max", () => {
    const rows = full.map((r): Row => (r[0] === "4.2" ? ["4.2", 1.5, null, 1.5, null, doc] : r[0] === "4" ? ["4", 2, null, 2, null] : r));
    const s = buildSummary(sheet(rows), catalog, []);
    expect(s.total.bonus).toBe(2);
    expect(s.total.total).toBe(10.5);
    const perfect = rows.map((r): Row => (r[0] === "1.2" ? ["1.2", 2, "100%", 2, null, doc] : r[0] === "3.1" || r[0] === "3.2" ? [r[0], 3, null, null, 3] : r));
    const p = buildSummary(sheet(perfect), catalog, []);
    expect(p.total.total).toBe(11);
    expect(p.officialIndex).toBe(100);
  });

  test("penalties are capped at their section's max and the total never goes below 0", () => {
    const rows: Row[] = full.map((r): Row => (r[0] === "5.2" ? ["5.2", 3, null, 3, null] : r[0] === "1.1" || r[0] === "1.2" || r[0] === "2.1" || r[0] === "2.2" ? [r[0], r[1], null, 0, null, null, "Chưa đạt"] : r[0] === "4.1" ? ["4.1", 1.5, null, 0, null] : r[0].startsWith("3.") ? [r[0], 3, null, null, 0] : r));
    const s = buildSummary(sheet(rows), catalog, []);
    expect(s.total.penalty).toBe(2);
    expect(s.total.total).toBe(0);
    expect(s.officialIndex).toBe(0);
  });

  test("survey points missing: no index, and the summary says why and how to give them", () => {
    const s = buildSummary(sheet(full.filter((r) => !r[0].startsWith("3")), { survey: false }), catalog, []);
    expect(s.officialIndex).toBeNull();
    expect(s.surveyMissing).toEqual(["3.1", "3.2"]);
    expect(indexGapText(s)).toMatch(/chưa có điểm điều tra xã hội học của 2 tiêu chí \(3\.1, 3\.2\)/);
    expect(indexGapText(s, "en")).toMatch(/--survey/);
  });

  test("survey points from a survey table override the sheet's column", () => {
    const survey = new Map<string, LeafScore>([
      ["3.1", 3],
      ["3.2", 1],
    ]);
    const s = buildSummary(unit, catalog, [], { survey });
    expect(s.total.survey).toBe(4);
    expect(s.surveySource).toBe("table");
  });

  test("a survey criterion self-scored, a survey value on a self criterion: warnings, not counted", () => {
    const rows = full.map((r): Row => (r[0] === "3.1" ? ["3.1", 3, null, 3, 2.5] : r[0] === "2.1" ? ["2.1", 1, null, 1, 1, doc] : r));
    const fs = validateUnit(sheet(rows), catalog);
    expect(fs.map((f) => `${f.kind}@${f.cell}:${f.severity}`)).toEqual(["score-invalid@F7:warning", "score-invalid@E10:warning"]);
    expect(fs[1].message).toMatch(/chấm bằng điều tra xã hội học/);
    expect(buildSummary(sheet(rows), catalog, fs).total.self).toBe(4);
  });

  test("survey rows may be left out of a unit's sheet (no missing-criterion); a missing bonus row is a warning", () => {
    const rows = full.filter((r) => !r[0].startsWith("3") && r[0] !== "4.2");
    const fs = validateUnit(sheet(rows, { survey: false }), catalog);
    expect(fs.map((f) => `${f.kind}:${f.code}:${f.severity}`)).toEqual(["missing-criterion:4.2:warning"]);
  });

  test("a bonus section's cell may show its capped sum; its points need evidence (and, lacking it, a note), a bonus below max no explanation", () => {
    const rows = full.map((r): Row => (r[0] === "4.2" ? ["4.2", 1.5, null, 1, null] : r[0] === "4" ? ["4", 2, null, 2, null] : r));
    const fs = validateUnit(sheet(rows), catalog);
    expect(fs.map((f) => `${f.kind}@${f.cell}`)).toEqual(["missing-evidence@G14", "missing-explanation@H14"]);
    expect(fs[1].message).toMatch(/thiếu tài liệu kiểm chứng/);
  });

  test("the improvement plan leaves out bonus and penalty sections", () => {
    expect(buildPlan(unit, catalog).items.map((i) => i.code)).toEqual(["1.2", "3.1", "3.2"]);
  });
});

describe("Không áp dụng on a field or criterion row applies to its whole subtree", () => {
  test("a unit without administrative procedures skips field 2: its rows may be absent, its max leaves the denominator", () => {
    const rows = full.filter((r) => !r[0].startsWith("2.")).map((r): Row => (r[0] === "2" ? ["2", 2, "Không áp dụng", "Không áp dụng", null] : r));
    const unit = sheet(rows);
    const fs = validateUnit(unit, catalog);
    expect(fs).toEqual([]);
    const s = buildSummary(unit, catalog, fs);
    expect(s.total.applicableMax).toBe(9);
    expect(s.fields[1]).toMatchObject({ applicableMax: 0, total: 0 });
    expect(s.officialIndex).toBe(88.89);
  });

  test("points under a not-applicable field are an error naming both cells, and count nothing", () => {
    const rows = full.map((r): Row => (r[0] === "2" ? ["2", 2, null, "Không áp dụng", null] : r));
    const fs = validateUnit(sheet(rows), catalog);
    expect(fs.map((f) => `${f.kind}@${f.cell}:${f.code}`)).toEqual(["score-invalid@E7:2.1", "score-invalid@E8:2.2"]);
    expect(fs[0].message).toContain('nhưng 2 đã ghi "Không áp dụng" (ô E6)');
    expect(buildSummary(sheet(rows), catalog, fs).total.applicableMax).toBe(9);
  });
});

describe("catalogue model", () => {
  test("roll-up by hand: survey and sections", () => {
    const scores = new Map<string, LeafScore>([
      ["1.1", 1],
      ["1.2", 2],
      ["2.1", "notApplicable"],
      ["2.2", 1],
      ["3.1", 3],
      ["3.2", 3],
      ["4.1", 1.5],
      ["5.2", 0.25],
    ]);
    const r = rollUp(catalog, scores);
    expect(r.total).toMatchObject({ applicableMax: 10, achieved: 4, survey: 6, bonus: 1.5, penalty: 0.25, total: 10, index: 100 });
    expect(r.fields[3]).toMatchObject({ kind: "bonus", max: 2, applicableMax: 0, bonus: 1.5, index: null });
  });

  test("kind only on a field, survey not inside a bonus section, bands that read: errors name the code and field", () => {
    const bad = (nodes: unknown[], extra: object = {}) => {
      try {
        parseCatalog({ id: "x", name: "x", nodes, ...extra }, "x.json");
      } catch (e) {
        return (e as CatalogError).issues.map((i) => `${i.code}:${i.field}`);
      }
      return [];
    };
    expect(bad([{ code: "1", name: "A", children: [{ code: "1.1", name: "B", max: 1, kind: "bonus" }] }])).toEqual(["1.1:kind"]);
    expect(bad([{ code: "1", name: "A", kind: "bonus", children: [{ code: "1.1", name: "B", max: 1, assessedBy: "survey" }] }])).toEqual(["1.1:assessedBy"]);
    expect(bad([{ code: "1", name: "A", assessedBy: "survey", children: [{ code: "1.1", name: "B", max: 1, assessedBy: "self" }] }])).toEqual(["1.1:assessedBy"]);
    expect(bad([{ code: "1", name: "A", max: 1 }], { bands: "A>=90; B>=95x" })).toEqual(["null:bands"]);
    // A bonus section's max is a cap: it may be less than its children's sum.
    expect(bad([{ code: "1", name: "A", kind: "bonus", max: 1, children: [{ code: "1.1", name: "B", max: 1 }, { code: "1.2", name: "C", max: 1 }] }])).toEqual([]);
  });

  test("each group is ranked with its catalogue's bands unless bands are given", () => {
    const unit = sheet(full);
    const s = buildSummary(unit, catalog, []);
    const ranking = buildRanking([{ summary: s }]);
    expect(ranking.groups[0].entries[0].band).toBe("Nhóm I");
    expect(ranking.groups[0].bands?.map((b) => b.label)).toEqual(["Nhóm I", "Nhóm II", "Khác"]);
    expect(ranking.groups[0].entries[0].points).toEqual({ base: 4, survey: 5, bonus: 1.5, penalty: 0.5, total: 10, applicableMax: 11 });
    expect(buildRanking([{ summary: s }], [{ label: "A", min: 90 }, { label: "B", min: 0 }]).groups[0].entries[0].band).toBe("A");
  });
});

describe("a result its rule cannot score is an error at its cell, never 0", () => {
  test("an outcome that is not one of the rule's, with a self-score column and without one", () => {
    const rows = full.map((r): Row => (r[0] === "1.1" ? ["1.1", 1, "Ban hành đúng hạn", 1, null, doc] : r));
    const fs = validateUnit(sheet(rows), catalog);
    expect(fs.map((f) => `${f.kind}@${f.cell}:${f.severity}`)).toEqual(["score-invalid@D4:error"]);
    expect(fs[0].message).toContain('"Ban hành kịp thời", "Ban hành không kịp thời", "Không ban hành"');
  });
});
