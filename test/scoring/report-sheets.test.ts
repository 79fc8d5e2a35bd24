import { builtinCatalog, leaves } from "../../src/scoring/catalog";
import { parseA1 } from "../../src/scoring/grid";
import { buildPlan } from "../../src/scoring/report/plan";
import { buildRanking } from "../../src/scoring/report/ranking";
import { chartRows, SheetSpec, SpecCell } from "../../src/scoring/report/sheet-spec";
import { bandConditions, findingKindLabel, fixed2, planSheet, rankingChartsSheet, rankingSheet, rankingSheets, shortCatalogName, shortLabel, summarySheet, unitsMatrixSheet } from "../../src/scoring/report/sheets";
import { buildSummary, parseBands } from "../../src/scoring/report/summary";
import { DEFAULT_BANDS, ImprovementPlan, UnitSummary } from "../../src/scoring/report/types";
import { Finding, FINDING_KINDS } from "../../src/scoring/validate/types";
import { allCells, cellsAt, fakeSummary, find, RowSpec, smallCatalog, unitSheet, valuesAt } from "./report-helpers";

const rows: RowSpec[] = [
  { code: "1.1", max: 1, self: 1, appraised: 1 },
  { code: "1.2.1", max: 0.5, self: "Không áp dụng", appraised: "Không áp dụng" },
  { code: "1.2.2", max: 1.5, self: 1, appraised: 0.5 },
  { code: "2.1", max: 3, self: 2.5, appraised: 2 },
  { code: "2.2", max: 2, self: 0.5, appraised: null },
];
const findings: Finding[] = [
  { kind: "missing-evidence", severity: "error", code: "2.1", sheet: "Tự đánh giá", cell: "G9", message: "…" },
  { kind: "missing-evidence", severity: "warning", code: "1.1", sheet: "Tự đánh giá", cell: "G6", message: "…" },
  { kind: "score-over-max", severity: "error", code: "2.2", sheet: "Tự đánh giá", cell: "E10", message: "…" },
];
const selfOnly = buildSummary(unitSheet(rows), smallCatalog, findings);
const appraised = buildSummary(unitSheet(rows, { appraised: true }), smallCatalog, findings);

/** The row index of a header row whose first cells are `heads`. */
function headerRowOf(spec: SheetSpec): (string | null)[] {
  return (spec.rows[spec.headerRow!] ?? []).map((c) => (c?.value as string) ?? null);
}

function column(spec: SheetSpec, head: string): number {
  const col = headerRowOf(spec).indexOf(head);
  expect(col).toBeGreaterThanOrEqual(0);
  return col;
}

function checkWellFormed(spec: SheetSpec): void {
  expect(spec.name.length).toBeLessThanOrEqual(31);
  expect(spec.name).not.toMatch(/[:\\/?*[\]]/);
  for (const row of spec.rows) for (let c = 0; c < row.length; c++) expect(row[c]).not.toBeUndefined();
  for (const m of spec.merges ?? []) {
    const [a, b] = m.split(":").map(parseA1);
    expect(a && b && a.row <= b.row && a.col <= b.col).toBe(true);
  }
  expect(spec.columnWidths.every((w) => w >= 0)).toBe(true);
  // No generated cell is a formula: every figure is a value (and user text can never become one).
  expect(allCells(spec).filter((x) => x.cell.formula !== undefined)).toEqual([]);
  if (spec.headerRow !== undefined) {
    expect(spec.freeze?.rows).toBe(spec.headerRow + 1);
    expect(spec.rows[spec.headerRow].filter((c) => c?.style?.fill === "header").length).toBeGreaterThan(1);
  }
}

function checkChart(spec: SheetSpec): void {
  const chart = spec.chart!;
  expect(chart.type).toBe("bar");
  expect(valuesAt(spec, chart.categoriesRange!)).toEqual(chart.categories);
  for (const s of chart.series) {
    expect(valuesAt(spec, s.range!)).toEqual(s.values);
    const first = parseA1(s.range!.split(":")[0])!;
    expect(spec.rows[spec.headerRow!][first.col]?.value).toBe(s.name);
  }
}

describe("shortCatalogName", () => {
  it("keeps a catalogue's name up to its first dash, parenthesis or comma, when what comes before says enough", () => {
    expect(shortCatalogName("Bộ tiêu chí mẫu xác định Chỉ số CCHC cấp huyện năm 2026 (cách viết theo QĐ 876/QĐ-BNV; số liệu mẫu)")).toBe(
      "Bộ tiêu chí mẫu xác định Chỉ số CCHC cấp huyện năm 2026",
    );
    expect(shortCatalogName("Chỉ số CCHC cấp sở 2018, điểm mẫu")).toBe("Chỉ số CCHC cấp sở 2018");
    expect(shortCatalogName("Bộ 2018 — danh mục")).toBe("Bộ 2018 — danh mục");
    expect(shortCatalogName("  Bộ tiêu chí   thử ")).toBe("Bộ tiêu chí thử");
  });
});

describe("summarySheet", () => {
  const spec = summarySheet(selfOnly);
  const headerRow = spec.headerRow!;

  it("is the Vietnamese summary sheet, well formed", () => {
    expect(spec).toMatchObject({ name: "Tổng hợp", kind: "summary" });
    checkWellFormed(spec);
  });

  it("shows the unit, the catalogue, and the index with its band prominently", () => {
    expect(spec.rows[0][0]?.style).toMatchObject({ bold: true, size: 14 });
    expect(spec.rows[1][0]?.value).toBe("Đơn vị: Sở Tư pháp");
    expect(spec.rows[2][0]?.value).toBe("Bộ tiêu chí: Bộ tiêu chí thử");
    expect(spec.rows[3][0]).toEqual({ value: "Chỉ số CCHC (tự đánh giá): 66,67 — Xếp loại D", style: { bold: true, size: 13 } });
    expect(spec.rows[4][0]?.value).toBe("Kết quả kiểm tra: 2 lỗi, 1 cảnh báo — Trang tính: Tự đánh giá");
    expect(spec.merges).toContain("A4:G4");
  });

  it("has the field table header, with no appraised column when the sheet has none", () => {
    expect(headerRowOf(spec)).toEqual([
      "Mã",
      "Lĩnh vực",
      "Điểm tối đa",
      "Điểm tối đa áp dụng",
      "Điểm tự chấm",
      "Tỷ lệ đạt",
      "Điểm bị mất",
    ]);
    expect(spec.rows[headerRow][0]?.style).toMatchObject({ bold: true, fill: "header", border: true });
    expect(spec.freeze).toEqual({ rows: headerRow + 1 });
  });

  it("field rows and the total row: points as #,##0.00, percentages as fractions in 0.00%", () => {
    const field1 = spec.rows[headerRow + 1];
    expect(field1.slice(0, 7).map((c) => c?.value)).toEqual(["1", "Công tác chỉ đạo điều hành", 3, 2.5, 2, 0.8, 0.5]);
    expect(field1.slice(0, 7).every((c) => c?.style?.fill === "field")).toBe(true);
    for (const col of [2, 3, 4, 6]) expect(field1[col]?.style?.numFmt).toBe("#,##0.00");
    expect(field1[5]?.style?.numFmt).toBe("0.00%");
    const total = spec.rows[headerRow + 3];
    expect(total.map((c) => c?.value)).toEqual([null, "Tổng cộng", 8, 7.5, 5, 0.6667, 2.5]);
    expect(total.every((c) => c?.style?.fill === "total" && c.style.bold)).toBe(true);
    expect(total[4]?.style?.numFmt).toBe("#,##0.00");
  });

  it("the chart: points by field, ranges pointing at the table, under it on a page of its own, rows left empty for it", () => {
    const chart = spec.chart!;
    expect(chart.title).toBe("Điểm theo lĩnh vực");
    expect(chart.categories).toEqual(["Công tác chỉ đạo điều hành", "Thủ tục hành chính"]);
    expect(chart.categoriesRange).toBe(`B${headerRow + 2}:B${headerRow + 3}`);
    expect(chart.series.map((s) => s.name)).toEqual(["Điểm tối đa áp dụng", "Điểm tự chấm"]);
    expect(chart.series.map((s) => s.range)).toEqual([`D${headerRow + 2}:D${headerRow + 3}`, `E${headerRow + 2}:E${headerRow + 3}`]);
    expect(chart.series[1].values).toEqual([2, 3]);
    checkChart(spec);
    const anchor = parseA1(chart.anchor)!;
    expect(anchor).toEqual({ row: headerRow + 5, col: 0 });
    expect(spec.pageBreaks).toEqual([anchor.row]);
    const below = spec.rows.slice(anchor.row, anchor.row + chartRows(chart));
    expect(below.every((row) => row.length === 0)).toBe(true);
    expect(spec.rows[anchor.row + chartRows(chart)][0]?.value).toBe("II. KẾT QUẢ KIỂM TRA SỔ TỰ ĐÁNH GIÁ");
    // No helper column beside the table: every cell of the header row is a header.
    expect(spec.rows[headerRow].every((c) => c?.style?.fill === "header")).toBe(true);
  });

  it("prints without repeated rows (its tables differ), the unit and catalogue in the footer", () => {
    expect(spec.printTitleRows).toBeNull();
    expect(spec.footer).toBe("Sở Tư pháp — Bộ tiêu chí thử");
  });

  it("names a long catalogue in the footer by its name's first part (the whole name is in the title rows)", () => {
    const long = summarySheet({ ...selfOnly, catalogName: "Chỉ số CCHC cấp sở tỉnh Điện Biên 2018 — danh mục tiêu chí dien-bien-so, điểm tối đa do người dùng nhập" });
    expect(long.footer).toBe("Sở Tư pháp — Chỉ số CCHC cấp sở tỉnh Điện Biên 2018");
    expect(find(long, "Bộ tiêu chí: Chỉ số CCHC cấp sở tỉnh Điện Biên 2018 — danh mục tiêu chí dien-bien-so, điểm tối đa do người dùng nhập")).not.toBeNull();
  });

  it("counts findings by kind with Vietnamese labels and the severities (no English kind ids)", () => {
    const at = find(spec, "Thiếu tài liệu kiểm chứng")!;
    const row = spec.rows[at.row];
    expect(row.map((c) => c?.value)).toEqual([8, "Thiếu tài liệu kiểm chứng", 1, 1, 2]);
    expect(row[1]?.style?.fill).toBe("error");
    expect(spec.rows[at.row - 8].map((c) => c?.value)).toEqual(["STT", "Loại phát hiện", "Lỗi", "Cảnh báo", "Tổng"]);
    for (const kind of FINDING_KINDS) {
      expect(find(spec, kind)).toBeNull();
      expect(find(spec, findingKindLabel(kind))).not.toBeNull();
    }
    const totalRow = spec.rows[at.row + FINDING_KINDS.length - FINDING_KINDS.indexOf("missing-evidence")];
    expect(totalRow.map((c) => c?.value)).toEqual([null, "Tổng cộng", 2, 1, 3]);
    expect(spec.rows[find(spec, findingKindLabel("sum-mismatch"))!.row][1]?.style?.fill).toBeUndefined();
  });

  it("lists the criteria without evidence with their place (sheet!cell), spanning the columns right of the name", () => {
    const at = find(spec, "III. TIÊU CHÍ CHƯA CÓ TÀI LIỆU KIỂM CHỨNG")!;
    expect(spec.rows[at.row + 1].slice(0, 3).map((c) => c?.value)).toEqual(["Mã", "Tiêu chí", "Vị trí"]);
    expect(spec.rows[at.row + 2].map((c) => c?.value)).toEqual(["2.1", "Công khai TTHC", "Tự đánh giá!G9", null, null, null, null]);
    expect(spec.merges).toContain(`C${at.row + 3}:G${at.row + 3}`);
    expect(spec.rows[at.row + 2][2]?.style?.wrap).toBe(true);
    expect(spec.rows).toHaveLength(at.row + 3);
  });

  it("says so when every criterion has evidence", () => {
    const s = summarySheet(buildSummary(unitSheet(rows), smallCatalog, []));
    expect(find(s, "Không có tiêu chí nào thiếu tài liệu kiểm chứng")).not.toBeNull();
  });

  describe("with an appraisal", () => {
    const a = summarySheet(appraised);
    const h = a.headerRow!;

    it("shows the appraised index as the official figure, with the band", () => {
      expect(a.rows[3][0]?.value).toBe("Chỉ số CCHC (tự đánh giá): 66,67");
      expect(a.rows[4][0]).toEqual({ value: "Chỉ số CCHC (thẩm định — kết quả chính thức): 46,67 — Xếp loại D", style: { bold: true, size: 13 } });
      checkWellFormed(a);
    });

    it("adds the appraised points and percentage columns", () => {
      expect(headerRowOf(a).slice(0, 9)).toEqual([
        "Mã",
        "Lĩnh vực",
        "Điểm tối đa",
        "Điểm tối đa áp dụng",
        "Điểm tự chấm",
        "Điểm thẩm định",
        "Tỷ lệ đạt (tự chấm)",
        "Tỷ lệ đạt (thẩm định)",
        "Điểm bị mất",
      ]);
      expect(a.rows[h + 3].slice(0, 9).map((c) => c?.value)).toEqual([null, "Tổng cộng", 8, 7.5, 5, 3.5, 0.6667, 0.4667, 4]);
      expect(a.rows[h + 3][column(a, "Tỷ lệ đạt (thẩm định)")]?.style?.numFmt).toBe("0.00%");
    });

    it("charts the appraised points too", () => {
      expect(a.chart!.series.map((s) => [s.name, s.range])).toEqual([
        ["Điểm tối đa áp dụng", `D${h + 2}:D${h + 3}`],
        ["Điểm tự chấm", `E${h + 2}:E${h + 3}`],
        ["Điểm thẩm định", `F${h + 2}:F${h + 3}`],
      ]);
      checkChart(a);
    });
  });

  it("an index that cannot be computed is said in words", () => {
    const s = summarySheet(fakeSummary("Sở Y tế", null));
    expect(s.rows[3][0]?.value).toBe("Chỉ số CCHC (tự đánh giá): chưa tính được (không có tiêu chí nào được áp dụng)");
    expect(s.chart).toBeUndefined();
    checkWellFormed(s);
  });

  it("English labels with lang en", () => {
    const e = summarySheet(appraised, "en");
    expect(e.name).toBe("Summary");
    expect(e.rows[3][0]?.value).toBe("PAR Index (self-assessed): 66.67");
    expect(e.rows[4][0]?.value).toBe("PAR Index (appraised — official): 46.67 — Band D");
    expect(headerRowOf(e)[0]).toBe("Code");
    expect(find(e, "Missing evidence")).not.toBeNull();
    checkChart(e);
  });

  it("text from users stays a plain value, never a formula", () => {
    const hostile = unitSheet(rows, { unit: "=HYPERLINK(\"http://x\")", sheet: "+Trang" });
    const s = summarySheet(
      buildSummary(hostile, smallCatalog, [{ kind: "missing-evidence", severity: "error", code: "9.9", sheet: "+Trang", cell: "G6", message: "" }]),
    );
    checkWellFormed(s);
    expect(s.rows[1][0]?.value).toBe('Đơn vị: =HYPERLINK("http://x")');
    expect(find(s, "+Trang!G6")).not.toBeNull();
  });
});

describe("planSheet", () => {
  const plan = buildPlan(unitSheet(rows, { appraised: true }), smallCatalog);
  const spec = planSheet(plan);
  const h = spec.headerRow!;

  it("is the plan appendix with its header, frozen header and first columns", () => {
    expect(spec).toMatchObject({ name: "Kế hoạch cải thiện", kind: "plan" });
    checkWellFormed(spec);
    expect(headerRowOf(spec)).toEqual([
      "STT",
      "Mã",
      "Tiêu chí",
      "Điểm mất",
      "Điểm đạt",
      "Điểm tối đa",
      "Mục tiêu",
    ]);
    expect(spec.freeze).toEqual({ rows: h + 1, columns: 3 });
    expect(spec.columnWidths).toHaveLength(7);
    expect(spec.rows[1][0]?.value).toBe("Đơn vị: Sở Tư pháp");
  });

  it("one row per item, largest loss first, with the catalogue's text, evidence one per line, wrapped", () => {
    expect(plan.items.map((i) => i.code)).toEqual(["2.2", "1.2.2", "2.1"]);
    const first = spec.rows[h + 1];
    expect(first.slice(0, 7).map((c) => c?.value)).toEqual([1, "2.2", "Giải quyết hồ sơ đúng hạn", 2, 0, 2, null]);
    expect(first[3]?.style?.numFmt).toBe("#,##0.00");
    const withEvidence = buildPlan(unitSheet(leaves(smallCatalog).map((n) => ({ code: n.code, self: n.code === "1.1" ? 0 : n.max }))), smallCatalog);
    expect(withEvidence.items).toHaveLength(1);
    const s = planSheet(withEvidence);
    const row = s.rows[s.headerRow! + 1].map((c) => c?.value);
    expect(row[1]).toBe("1.1");
    expect(row.slice(6)).toEqual([
      "Duy trì 1/1 điểm",
      "1. Kế hoạch CCHC\n2. Báo cáo quý (0,50 điểm; Văn phòng)",
      "Ban hành đúng hạn",
      "Quý I năm 2019",
      "Sở Nội vụ",
      "Các sở, ngành",
    ]);
    expect(s.rows[s.headerRow! + 1][7]?.style?.wrap).toBe(true);
    const targetOnly = spec.rows[h + 3];
    expect(targetOnly[1]?.value).toBe("2.1");
    expect(targetOnly[6]).toMatchObject({ value: 3, style: { numFmt: "#,##0.00" } });
  });

  it("repeats its header row on every printed page; the unit and catalogue in the footer", () => {
    expect(spec.printTitleRows).toBe(`${h + 1}:${h + 1}`);
    expect(spec.footer).toBe("Sở Tư pháp — Bộ tiêu chí thử");
  });

  it("leaves out the columns no criterion has anything for (a names-only catalogue)", () => {
    const namesOnly: ImprovementPlan = {
      unit: "Sở Y tế",
      catalogId: "dien-bien-so",
      items: [{ code: "1.1", name: "Kế hoạch", lost: 1, achieved: 0, max: 1, target: null, targetText: null, evidence: [], evidenceRequirement: null, deadline: " ", lead: null, coordinating: null }],
    };
    const s = planSheet(namesOnly);
    expect(headerRowOf(s)).toEqual(["STT", "Mã", "Tiêu chí", "Điểm mất", "Điểm đạt", "Điểm tối đa"]);
    expect(s.columnWidths).toHaveLength(6);
    expect(s.rows[s.headerRow! + 2].map((c) => c?.value)).toEqual([null, null, "Tổng cộng", 1, 0, 1]);
    checkWellFormed(s);
  });

  it("ends with a total row", () => {
    const total = spec.rows[h + 1 + plan.items.length];
    expect(total.slice(2, 6).map((c) => c?.value)).toEqual(["Tổng cộng", 4, 2.5, 6.5]);
    expect(total[2]?.style?.fill).toBe("total");
  });

  it("an empty plan says no criterion lost points", () => {
    const empty: ImprovementPlan = { unit: "Sở Y tế", catalogId: "thu", items: [] };
    const s = planSheet(empty);
    checkWellFormed(s);
    expect(s.rows[s.headerRow! + 1][0]?.value).toBe("Không có tiêu chí nào bị mất điểm");
    expect(s.rows).toHaveLength(s.headerRow! + 2);
    expect(s.rows[2][0]?.value).toBe("Bộ tiêu chí: thu");
  });

  it("dien-bien-2018 1.3.1: lead and evidence lines from the catalogue", () => {
    const catalog = builtinCatalog("dien-bien-2018");
    const p = buildPlan(unitSheet(leaves(catalog).map((n) => ({ code: n.code, self: n.code === "1.3.1" ? 0 : n.max }))), catalog);
    const s = planSheet(p);
    const row = s.rows[s.headerRow! + 1];
    expect(row[1]?.value).toBe("1.3.1");
    expect(row[column(s, "Cơ quan chủ trì")]?.value).toBe("1. Kế hoạch - Sở Nội vụ; 2. Các TLKC khác do Trưởng các đoàn kiểm tra");
    expect(String(row[column(s, "Tài liệu kiểm chứng")]?.value).split("\n")).toHaveLength(4);
    checkWellFormed(s);
  });

  it("English labels", () => {
    const e = planSheet(plan, "en");
    expect(e.name).toBe("Improvement plan");
    expect(headerRowOf(e)[2]).toBe("Criterion");
  });
});

describe("rankingSheet", () => {
  const ranking = buildRanking([
    { summary: fakeSummary("Sở Tư pháp", 85.5, { errors: 2 }), group: "Sở, ban, ngành", source: "so-tu-phap.xlsx" },
    { summary: fakeSummary("Sở Y tế", 85.5), group: "Sở, ban, ngành" },
    { summary: fakeSummary("UBND huyện Mường Nhé", null, { warnings: 3 }), group: "UBND cấp huyện" },
    { summary: fakeSummary("Sở Nội vụ", 70), group: "Sở, ban, ngành" },
  ]);
  const spec = rankingSheet(ranking);
  const h = spec.headerRow!;

  it("header, then per group a sub-title row and its units in rank order", () => {
    expect(spec).toMatchObject({ name: "Xếp hạng", kind: "ranking" });
    checkWellFormed(spec);
    expect(headerRowOf(spec)).toEqual(["Hạng", "Đơn vị", "Chỉ số", "Xếp loại", "Tự đánh giá", "Thẩm định", "Lỗi", "Cảnh báo", "Tệp"]);
    expect(spec.rows[h + 1][0]).toMatchObject({ value: "Sở, ban, ngành", style: { bold: true, fill: "field" } });
    expect(spec.merges).toContain(`A${h + 2}:I${h + 2}`);
    expect(spec.rows[h + 2].map((c) => c?.value)).toEqual([1, "Sở Tư pháp", 85.5, "B", 85.5, null, 2, 0, "so-tu-phap.xlsx"]);
    expect(spec.rows[h + 2][2]?.style?.numFmt).toBe("#,##0.00");
    expect(spec.rows[h + 2][6]?.style?.fill).toBe("error");
    expect(spec.rows[h + 3].slice(0, 2).map((c) => c?.value)).toEqual([1, "Sở Y tế"]);
    expect(spec.rows[h + 4].slice(0, 4).map((c) => c?.value)).toEqual([3, "Sở Nội vụ", 70, "C"]);
    expect(spec.rows[h + 5][0]?.value).toBe("UBND cấp huyện");
    expect(spec.rows[h + 6].slice(0, 4).map((c) => c?.value)).toEqual([null, "UBND huyện Mường Nhé", null, null]);
    expect(spec.rows[h + 6][7]?.style?.fill).toBe("warning");
  });

  it("the band legend at the bottom", () => {
    const at = find(spec, "Thang xếp loại")!;
    expect(spec.rows.slice(at.row + 1, at.row + 6).map((r) => r.map((c) => c?.value))).toEqual([
      ["Xếp loại", "Điều kiện"],
      ["A", "Từ 90,00 điểm trở lên"],
      ["B", "Từ 80,00 đến dưới 90,00 điểm"],
      ["C", "Từ 70,00 đến dưới 80,00 điểm"],
      ["D", "Dưới 70,00 điểm"],
    ]);
  });

  it("charts each group's index by unit in rank order from the table's cells, on a sheet of its own, each chart on a page of its own", () => {
    // The table's sheet repeats its header row on every printed page: it carries no chart.
    expect(spec.charts).toBeUndefined();
    expect(spec.chart).toBeUndefined();
    expect(spec.pageBreaks ?? []).toEqual([]);
    const [table, chartSheet, ...more] = rankingSheets(ranking);
    expect(table).toEqual(spec);
    expect(more).toEqual([]);
    expect(chartSheet).toMatchObject({ name: "Biểu đồ xếp hạng", kind: "ranking", printTitleRows: null });
    expect(rankingChartsSheet(ranking)).toEqual(chartSheet);
    checkWellFormed(chartSheet);
    const charts = chartSheet.charts!;
    expect(chartSheet.chart).toBe(charts[0]);
    for (const chart of charts) expect(chart.dataSheet).toBe("Xếp hạng");
    expect(charts.map((c) => c.title)).toEqual(["Chỉ số CCHC theo đơn vị — Sở, ban, ngành", "Chỉ số CCHC theo đơn vị — UBND cấp huyện"]);
    expect(charts[0].categories).toEqual(["Sở Tư pháp", "Sở Y tế", "Sở Nội vụ"]);
    expect(charts[0].categoriesRange).toBe(`B${h + 3}:B${h + 5}`);
    expect(charts[0].series).toEqual([{ name: "Sở, ban, ngành", values: [85.5, 85.5, 70], range: `C${h + 3}:C${h + 5}` }]);
    expect(charts[1].series[0]).toMatchObject({ name: "UBND cấp huyện", range: `C${h + 7}:C${h + 7}` });
    expect(charts[1].series[0].values[0]).toBeNaN();
    for (const chart of charts) {
      expect(valuesAt(spec, chart.categoriesRange!)).toEqual(chart.categories);
      expect(valuesAt(spec, chart.series[0].range!).map((v) => v ?? Number.NaN)).toEqual(chart.series[0].values);
      const at = parseA1(chart.anchor)!;
      expect(chartSheet.rows.slice(at.row, at.row + chartRows(chart)).every((row) => row.length === 0)).toBe(true);
    }
    // The first chart under the sheet's title, each other one starting a page.
    expect(chartSheet.rows[0][0]?.value).toBe("Biểu đồ xếp hạng");
    expect(chartSheet.pageBreaks).toEqual(charts.slice(1).map((c) => parseA1(c.anchor)!.row));
    expect(spec.printTitleRows).toBe(`${h + 1}:${h + 1}`);
    expect(spec.footer).toBe("Bảng xếp hạng Chỉ số CCHC — thu");
    expect(chartSheet.footer).toBe(spec.footer);
    expect(rankingSheets(ranking, "en")[1].name).toBe("Ranking charts");
  });

  it("charts no self-assessed and appraised indexes where no unit was appraised", () => {
    expect(rankingChartsSheet(ranking)!.charts!.some((c) => c.title.startsWith("Chỉ số tự đánh giá và thẩm định"))).toBe(false);
  });

  it("no chart sheet when no group has units", () => {
    expect(rankingSheets(buildRanking([]))).toHaveLength(1);
    expect(rankingChartsSheet(buildRanking([]))).toBeNull();
  });

  it("for a group with appraised indexes, also charts each unit's self-assessed and appraised index, on a page of its own", () => {
    const appraisedRanking = buildRanking([
      { summary: fakeSummary("Sở Tư pháp", 88, { selfIndex: 91, appraisedIndex: 88 }), group: "Sở, ban, ngành" },
      { summary: fakeSummary("Sở Y tế", 70), group: "Sở, ban, ngành" },
      { summary: fakeSummary("UBND huyện Mường Nhé", 80), group: "UBND cấp huyện" },
    ]);
    const [s, chartSheet] = rankingSheets(appraisedRanking);
    const head = s.headerRow!;
    const charts = chartSheet.charts!;
    expect(charts.map((c) => c.title)).toEqual([
      "Chỉ số CCHC theo đơn vị — Sở, ban, ngành",
      "Chỉ số tự đánh giá và thẩm định — Sở, ban, ngành",
      "Chỉ số CCHC theo đơn vị — UBND cấp huyện",
    ]);
    const both = charts[1];
    expect(both.categories).toEqual(["Sở Tư pháp", "Sở Y tế"]);
    expect(both.categoriesRange).toBe(`B${head + 3}:B${head + 4}`);
    expect(both.series.map((x) => [x.name, x.range])).toEqual([
      ["Tự đánh giá", `E${head + 3}:E${head + 4}`],
      ["Thẩm định", `F${head + 3}:F${head + 4}`],
    ]);
    expect(both.series[0].values).toEqual([91, 70]);
    expect(both.series[1].values[0]).toBe(88);
    expect(both.series[1].values[1]).toBeNaN();
    for (const series of both.series) expect(valuesAt(s, series.range!).map((v) => v ?? Number.NaN)).toEqual(series.values);
    expect(chartSheet.pageBreaks).toEqual(charts.slice(1).map((c) => parseA1(c.anchor)!.row));
    for (const chart of charts) {
      const at = parseA1(chart.anchor)!;
      expect(chartSheet.rows.slice(at.row, at.row + chartRows(chart)).every((row) => row.length === 0)).toBe(true);
    }
    checkWellFormed(s);
    checkWellFormed(chartSheet);
    expect(rankingChartsSheet(appraisedRanking, "en")!.charts![1].title).toBe("Self-assessed and appraised index — Sở, ban, ngành");
  });

  it("a single ungrouped list has no sub-title row", () => {
    const s = rankingSheet(buildRanking([{ summary: fakeSummary("Sở Y tế", 91) }]));
    expect(s.rows[s.headerRow! + 1].slice(0, 4).map((c) => c?.value)).toEqual([1, "Sở Y tế", 91, "A"]);
  });

  it("ungrouped units among groups are titled as such; no units is said", () => {
    const s = rankingSheet(buildRanking([{ summary: fakeSummary("A", 50), group: "Nhóm 1" }, { summary: fakeSummary("B", 60) }]));
    expect(find(s, "Không phân nhóm")).not.toBeNull();
    expect(find(rankingSheet(buildRanking([])), "Không có đơn vị nào")).not.toBeNull();
  });

  it("English labels and legend", () => {
    const e = rankingSheet(ranking, "en");
    expect(e.name).toBe("Ranking");
    expect(find(e, "90.00 and above")).not.toBeNull();
    expect(find(e, "Below 70.00")).not.toBeNull();
  });
});

describe("unitsMatrixSheet", () => {
  const other: UnitSummary = { ...selfOnly, unit: "Sở Y tế", officialIndex: 90, band: "A" };
  const spec = unitsMatrixSheet([appraised, other]);
  const h = spec.headerRow!;

  it("units as rows, fields as columns with official points, then total, applicable max, index, band", () => {
    expect(spec).toMatchObject({ name: "Điểm theo lĩnh vực", kind: "summary" });
    checkWellFormed(spec);
    expect(headerRowOf(spec)).toEqual([
      "STT",
      "Đơn vị",
      "1. Công tác chỉ đạo điều hành",
      "2. Thủ tục hành chính",
      "Tổng điểm",
      "Điểm tối đa áp dụng",
      "Chỉ số",
      "Xếp loại",
    ]);
    expect(spec.rows[h + 1].map((c) => c?.value)).toEqual([1, "Sở Tư pháp", 1.5, 2, 3.5, 7.5, 46.67, "D"]);
    expect(spec.rows[h + 2].map((c) => c?.value)).toEqual([2, "Sở Y tế", 2, 3, 5, 7.5, 90, "A"]);
    expect(spec.rows[h + 1][2]?.style?.numFmt).toBe("#,##0.00");
    expect(spec.freeze).toEqual({ rows: h + 1, columns: 2 });
    // The index by unit is charted on the ranking sheet, in rank order.
    expect(spec.chart).toBeUndefined();
    expect(spec.printTitleRows).toBe(`${h + 1}:${h + 1}`);
    expect(spec.footer).toBe("Điểm theo lĩnh vực của các đơn vị — Bộ tiêu chí thử");
  });

  it("a unit missing a field gets an empty cell", () => {
    const partial: UnitSummary = { ...selfOnly, unit: "Xã", fields: selfOnly.fields.slice(0, 1) };
    const s = unitsMatrixSheet([partial, appraised]);
    expect(cellsAt(s, `D${s.headerRow! + 2}`)[0]).toMatchObject({ value: null });
  });

  it("English labels", () => {
    expect(unitsMatrixSheet([appraised], "en").name).toBe("Points by field");
  });
});

describe("helpers", () => {
  it("fixed2 writes 2 decimals in the language's notation", () => {
    expect(fixed2(85.5)).toBe("85,50");
    expect(fixed2(1.005)).toBe("1,01");
    expect(fixed2(85.5, "en")).toBe("85.50");
  });

  it("shortLabel keeps the code and cuts long names at a word", () => {
    expect(shortLabel("2", "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT TẠI TỈNH")).toBe("2. XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN…");
    expect(shortLabel("7", "HIỆN ĐẠI HÓA HÀNH CHÍNH")).toBe("7. HIỆN ĐẠI HÓA HÀNH CHÍNH");
  });

  it("bandConditions for custom bands without a catch-all", () => {
    expect(bandConditions(parseBands("Tốt>=80; Khá>=0"))).toEqual([
      { label: "Tốt", condition: "Từ 80,00 điểm trở lên" },
      { label: "Khá", condition: "Từ 0,00 đến dưới 80,00 điểm" },
    ]);
    expect(bandConditions(DEFAULT_BANDS.slice(3))).toEqual([{ label: "D", condition: "Mọi chỉ số" }]);
  });

  it("every finding kind has a Vietnamese and an English label", () => {
    for (const kind of FINDING_KINDS) {
      expect(findingKindLabel(kind)).not.toBe(kind);
      expect(findingKindLabel(kind, "en")).not.toBe(kind);
    }
    expect(findingKindLabel("missing-evidence")).toBe("Thiếu tài liệu kiểm chứng");
  });
});

it("cellsAt resolves ranges row by row", () => {
  const spec: SheetSpec = { name: "x", kind: "summary", columnWidths: [], rows: [[{ value: 1 }, { value: 2 }], [null, { value: 4 }]] };
  expect(valuesAt(spec, "A1:B2")).toEqual([1, 2, null, 4]);
  expect(cellsAt(spec, "B2")).toEqual([{ value: 4 } as SpecCell]);
});
