/**
 * The council's columns as par appraise merge writes them into a copy of a unit's workbook: round 1 ("Điểm thẩm
 * định", "Lý do thẩm định"), the unit's explanation ("Giải trình của đơn vị") and round 2 ("Điểm cuối cùng", "Lý do
 * (vòng 2)"): read, validated, and the official index taken from the final score.
 */
import { Grid } from "../../src/scoring/grid";
import { buildPlan } from "../../src/scoring/report/plan";
import { buildRanking } from "../../src/scoring/report/ranking";
import { buildSummary } from "../../src/scoring/report/summary";
import { unitFigures } from "../../src/scoring/report/figures";
import { headerRole, readUnitSheet } from "../../src/scoring/sheet";
import { validateUnit } from "../../src/scoring/validate";
import { rankingSheet, rankingChartsSheet, summarySheet, unitsMatrixSheet } from "../../src/scoring/report/sheets";
import { allCells, find, smallCatalog } from "./report-helpers";

const HEAD = ["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Điểm thẩm định", "Lý do thẩm định", "Giải trình của đơn vị", "Điểm cuối cùng", "Lý do (vòng 2)"];

/** A merged copy after round 2: 1.2.1 has no final score (it counts at round 1). */
const ROWS: unknown[][] = [
  ["1", "Công tác chỉ đạo điều hành", 3, null, null, null, null, null, null, null],
  ["1.1", "Ban hành kế hoạch", 1, 1, "KH 12/KH-STP", 0.5, "Kế hoạch ban hành muộn", "Đã ban hành ngày 10/01, kèm văn bản", 1, "Chấp nhận giải trình"],
  ["1.2", "Báo cáo", 2, null, null, null, null, null, null, null],
  ["1.2.1", "Báo cáo quý", 0.5, 0.5, "BC quý", 0.5, null, null, null, null],
  ["1.2.2", "Báo cáo năm", 1.5, 1.5, "BC năm", 1, "Thiếu báo cáo 6 tháng", null, "1", "Giữ nguyên"],
  ["2", "Thủ tục hành chính", 5, null, null, null, null, null, null, null],
  ["2.1", "Công bố TTHC", 3, 3, "QĐ 5", 2, "Công bố chậm", "Chậm do tỉnh ban hành muộn", "2,5", "Chấp nhận một phần"],
  ["2.2", "Giải quyết TTHC", 2, 2, "Sổ theo dõi", 2, null, null, 2, null],
];

function grid(rows: unknown[][] = ROWS, head: string[] = HEAD): Grid {
  return { name: "Tự đánh giá", values: [["Đơn vị: Sở Tư pháp"], head, ...rows] as Grid["values"] };
}

function read(g: Grid = grid()) {
  const unit = readUnitSheet(g, "x");
  if (!unit) throw new Error("no header");
  return unit;
}

describe("the council's headers", () => {
  test.each([
    ["Điểm cuối cùng", "final"],
    ["ĐIỂM CUỐI CÙNG", "final"],
    ["Điểm sau giải trình", "final"],
    ["Điểm chính thức", "final"],
    ["Điểm thẩm định", "appraised"],
    ["Điểm thẩm định (vòng 1)", "appraised"],
    ["Lý do thẩm định", "appraisalReason"],
    ["Giải trình của đơn vị", "explanation"],
    ["Giải trình", "notes"],
    ["Lý do (vòng 2)", "finalReason"],
    ["Lý do", null],
  ])("%p is %p", (text, role) => {
    expect(headerRole(text)).toBe(role);
  });

  it("maps every column of a merged copy, round 1 and round 2 apart", () => {
    expect(read().header.columns).toEqual({
      code: 0,
      name: 1,
      max: 2,
      self: 3,
      evidence: 4,
      appraised: 5,
      appraisalReason: 6,
      explanation: 7,
      final: 8,
      finalReason: 9,
      // No "Giải trình"/"Ghi chú" column: the unit's explanation is its notes.
      notes: 7,
    });
  });

  it("a sheet whose only explanation column is 'Giải trình của đơn vị' has it as its notes too", () => {
    const head = ["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình của đơn vị"];
    const unit = read(grid([["1.1", "Ban hành kế hoạch", 1, 0.5, "Ban hành muộn do chờ hướng dẫn"]], head));
    expect(unit.header.columns).toMatchObject({ explanation: 4, notes: 4 });
    expect(unit.rows[0].notes).toEqual({ value: "Ban hành muộn do chờ hướng dẫn", cell: "E3" });
  });

  it("carries the texts on the leaf, not as scores nor as rows not understood", () => {
    const unit = read();
    const row = unit.rows.find((r) => r.code === "1.1")!;
    expect(row.appraisalReason).toEqual({ value: "Kế hoạch ban hành muộn", cell: "G4" });
    expect(row.explanation).toEqual({ value: "Đã ban hành ngày 10/01, kèm văn bản", cell: "H4" });
    expect(row.finalReason).toEqual({ value: "Chấp nhận giải trình", cell: "J4" });
    expect(row.final).toEqual({ value: 1, cell: "I4" });
    expect(row.notes).toEqual(row.explanation);
    expect(unit.others).toEqual([]);
    const kinds = validateUnit(unit, smallCatalog).map((f) => f.kind);
    expect(kinds).not.toContain("row-not-understood");
    expect(kinds).not.toContain("score-invalid");
  });
});

describe("the official index after a second round", () => {
  const unit = read();
  const findings = validateUnit(unit, smallCatalog);
  const summary = buildSummary(unit, smallCatalog, findings);

  it("self 8/8, round 1 6/8, final 7/8 (1.2.1 without a final score counts at round 1): official = final", () => {
    expect(summary.selfIndex).toBe(100);
    expect(summary.appraisedIndex).toBe(75);
    expect(summary.finalIndex).toBe(87.5);
    expect(summary.officialIndex).toBe(87.5);
    expect(summary.total).toMatchObject({ self: 8, appraised: 6, final: 7, finalPercent: 87.5, total: 7, lost: 1 });
    expect(summary.fields.map((f) => f.final)).toEqual([2.5, 4.5]);
    expect(summary.finalMissing).toEqual(["1.2.1"]);
  });

  it("names the leaves without a final score in one warning at the column's header", () => {
    const gap = findings.filter((f) => f.message.includes("điểm cuối cùng"));
    expect(gap).toHaveLength(1);
    expect(gap[0]).toMatchObject({ kind: "unscored-criterion", severity: "warning", cell: "I2", code: null });
    expect(gap[0].message).toContain("1 tiêu chí: 1.2.1");
    const en = validateUnit(unit, smallCatalog, { lang: "en" }).find((f) => f.cell === "I2")!;
    expect(en.message).toContain("no final score for 1 criteria: 1.2.1");
  });

  it("a leaf without a final or a round-1 score counts at its self score", () => {
    const rows = ROWS.map((r) => (r[0] === "1.2.1" ? ["1.2.1", "Báo cáo quý", 0.5, 0.5, null, null, null, null, null, null] : r));
    expect(buildSummary(read(grid(rows)), smallCatalog, []).total.final).toBe(7);
    const zero = ROWS.map((r) => (r[0] === "1.2.1" ? ["1.2.1", "Báo cáo quý", 0.5, 0.5, null, 0, "Không có", null, null, null] : r));
    expect(buildSummary(read(grid(zero)), smallCatalog, []).total.final).toBe(6.5);
  });

  it("the figures (par summary --json) and the ranking carry the final index; the ranking uses it", () => {
    const figures = unitFigures(summary);
    expect(figures).toMatchObject({ index: 87.5, selfIndex: 100, appraisedIndex: 75, finalIndex: 87.5, final: 7 });
    expect(figures.fields[0]).toMatchObject({ code: "1", final: 2.5, index: 83.33 });
    const other = buildSummary(read(grid(ROWS.map((r) => r.slice(0, 8)), HEAD.slice(0, 8))), smallCatalog, []);
    expect(other.officialIndex).toBe(75);
    const ranking = buildRanking([{ summary: { ...other, unit: "Sở Y tế" } }, { summary }]);
    expect(ranking.groups[0].entries.map((e) => [e.unit, e.rank, e.officialIndex, e.finalIndex])).toEqual([
      ["Sở Tư pháp", 1, 87.5, 87.5],
      ["Sở Y tế", 2, 75, undefined],
    ]);
    expect(ranking.groups[0].entries[0].points).toMatchObject({ base: 7, total: 7 });
  });

  it("the improvement plan counts the final scores", () => {
    expect(buildPlan(unit, smallCatalog).items.map((i) => [i.code, i.lost])).toEqual([
      ["1.2.2", 0.5],
      ["2.1", 0.5],
    ]);
  });

  it("without a final column a summary keeps its shape (no final keys)", () => {
    const plain = buildSummary(read(grid(ROWS.map((r) => r.slice(0, 8)), HEAD.slice(0, 8))), smallCatalog, []);
    expect("finalIndex" in plain).toBe(false);
    expect("finalMissing" in plain).toBe(false);
    expect("final" in plain.total).toBe(false);
    expect("final" in unitFigures(plain)).toBe(false);
    expect(plain.officialIndex).toBe(75);
  });

  it("an empty final column (a round-2 form not yet filled) leaves round 1 official", () => {
    const empty = ROWS.map((r) => [...r.slice(0, 8), null, null]);
    const s = buildSummary(read(grid(empty)), smallCatalog, []);
    expect(s.officialIndex).toBe(75);
    expect(s.finalIndex).toBeUndefined();
  });
});

describe("final scores are read like appraised scores", () => {
  const withFinal = (code: string, value: unknown) => ROWS.map((r) => (r[0] === code ? [...r.slice(0, 8), value, r[9]] : r));

  it("over the maximum: score-over-max at the final cell, naming the column", () => {
    const f = validateUnit(read(grid(withFinal("2.1", 4))), smallCatalog).find((x) => x.cell === "I9");
    expect(f).toMatchObject({ kind: "score-over-max", severity: "error", code: "2.1" });
    expect(f!.message).toContain("Điểm cuối cùng");
  });

  it("negative, text or a percentage: score-invalid, and the leaf is not taken from round 1", () => {
    for (const value of [-1, "một điểm", "85%"]) {
      const unit = read(grid(withFinal("2.1", value)));
      const f = validateUnit(unit, smallCatalog).find((x) => x.cell === "I9");
      expect(f).toMatchObject({ kind: "score-invalid", severity: "error", code: "2.1" });
      // 2.1 unreadable counts 0 (never round 1's 2): 1 + 0,5 + 1 + 0 + 2 = 4,5; a negative is an error as it is for round 1.
      if (value !== -1) expect(buildSummary(unit, smallCatalog, []).total.final).toBe(4.5);
    }
  });

  it("a number in the final column on a row that is no criterion is row-not-understood", () => {
    const rows = [...ROWS, ["", "Ghi chú của hội đồng", null, null, null, null, null, null, 3, null]];
    const f = validateUnit(read(grid(rows)), smallCatalog).filter((x) => x.kind === "row-not-understood");
    expect(f).toHaveLength(1);
    expect(f[0].cell).toBe("I11");
    expect(f[0].message).toContain("Điểm cuối cùng");
  });

  it("a total row's final figure is checked against the final scores", () => {
    const rows = [...ROWS, ["", "Tổng cộng", 8, 8, null, 6, null, null, 9, null]];
    const f = validateUnit(read(grid(rows)), smallCatalog).filter((x) => x.kind === "sum-mismatch");
    expect(f.map((x) => x.cell)).toEqual(["I11"]);
  });
});

describe("summary, ranking and matrix sheets after a second round", () => {
  const unit = read();
  const summary = buildSummary(unit, smallCatalog, validateUnit(unit, smallCatalog));
  const round1 = buildSummary(read(grid(ROWS.map((r) => r.slice(0, 8)), HEAD.slice(0, 8))), smallCatalog, []);
  const texts = (spec: ReturnType<typeof summarySheet>) => allCells(spec).map((c) => c.cell.value);

  it("the summary shows self, round 1 and final side by side; the final index is the official one", () => {
    const spec = summarySheet(summary);
    const head = spec.rows[spec.headerRow!].map((c) => c?.value);
    expect(head).toEqual([
      "Mã",
      "Lĩnh vực",
      "Điểm tối đa",
      "Điểm tối đa áp dụng",
      "Điểm tự chấm",
      "Điểm thẩm định vòng 1",
      "Điểm cuối cùng",
      "Tỷ lệ đạt (tự chấm)",
      "Tỷ lệ đạt (thẩm định vòng 1)",
      "Tỷ lệ đạt (điểm cuối cùng)",
      "Điểm bị mất",
    ]);
    const total = spec.rows[spec.headerRow! + 3].map((c) => c?.value);
    expect(total.slice(4, 7)).toEqual([8, 6, 7]);
    expect(total.slice(7, 10)).toEqual([1, 0.75, 0.875]);
    expect(texts(spec)).toContain("Chỉ số CCHC (thẩm định vòng 1): 75,00");
    expect(texts(spec)).toContain("Chỉ số CCHC (điểm cuối cùng — kết quả chính thức): 87,50 — Xếp loại B");
    expect(spec.chart!.series.map((x) => x.name)).toEqual(["Điểm tối đa áp dụng", "Điểm tự chấm", "Điểm thẩm định vòng 1", "Điểm cuối cùng"]);
    const en = summarySheet(summary, "en");
    expect(en.rows[en.headerRow!].map((c) => c?.value)).toContain("Final score");
  });

  it("without a final column the summary's columns are as before", () => {
    const spec = summarySheet(round1);
    const head = spec.rows[spec.headerRow!].map((c) => c?.value);
    expect(head).toContain("Điểm thẩm định");
    expect(head).not.toContain("Điểm cuối cùng");
    expect(texts(spec)).toContain("Chỉ số CCHC (thẩm định — kết quả chính thức): 75,00 — Xếp loại C");
  });

  it("the ranking ranks by the final index and shows self, round 1 and final; its chart draws the three", () => {
    const ranking = buildRanking([{ summary: { ...round1, unit: "Sở Y tế" } }, { summary }]);
    const spec = rankingSheet(ranking);
    const head = spec.rows[spec.headerRow!].map((c) => c?.value);
    expect(head.slice(0, 7)).toEqual(["Hạng", "Đơn vị", "Chỉ số", "Xếp loại", "Tự đánh giá", "Thẩm định vòng 1", "Điểm cuối cùng"]);
    const first = spec.rows[spec.headerRow! + 1].map((c) => c?.value);
    expect(first.slice(0, 7)).toEqual([1, "Sở Tư pháp", 87.5, "B", 100, 75, 87.5]);
    const second = spec.rows[spec.headerRow! + 2].map((c) => c?.value);
    expect(second.slice(0, 7)).toEqual([2, "Sở Y tế", 75, "C", 100, 75, null]);
    expect(find(spec, "Số đơn vị: 2. Xếp hạng theo chỉ số chính thức (điểm cuối cùng sau giải trình khi có, nếu không là điểm thẩm định, nếu không là điểm tự đánh giá)")).not.toBeNull();
    const charts = rankingChartsSheet(ranking)!.charts!;
    expect(charts[1].series.map((x) => [x.name, x.values])).toEqual([
      ["Tự đánh giá", [100, 100]],
      ["Thẩm định vòng 1", [75, 75]],
      ["Điểm cuối cùng", [87.5, Number.NaN]],
    ]);
  });

  it("the ranking of units without a second round keeps its columns", () => {
    const spec = rankingSheet(buildRanking([{ summary: round1 }]));
    expect(spec.rows[spec.headerRow!].map((c) => c?.value).slice(4, 7)).toEqual(["Tự đánh giá", "Thẩm định", "Lỗi"]);
  });

  it("points by field are the final ones", () => {
    const spec = unitsMatrixSheet([summary]);
    const row = spec.rows[spec.headerRow! + 1].map((c) => c?.value);
    expect(row.slice(2, 6)).toEqual([2.5, 4.5, 7, 8]);
  });
});
