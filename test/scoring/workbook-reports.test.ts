/** buildWorkbookReports: what "Tổng hợp" writes for a workbook, from its grids. */
import {
  buildPlan,
  buildRanking,
  buildSummary,
  buildWorkbookReports,
  CellValue,
  Grid,
  isParError,
  ParError,
  planSheet,
  rankingChartsSheet,
  rankingSheet,
  readUnitSheet,
  summarySheet,
  templateSheet,
  validateUnit,
} from "../../src/scoring";
import { smallCatalog } from "./report-helpers";

/** A unit sheet of the small catalogue made from its template, with self scores by code. */
function unitGrid(name: string, unit: string, scores: Record<string, CellValue>, evidence = "Kế hoạch số 1/KH-UBND ngày 15/01/2019"): Grid {
  const spec = templateSheet(smallCatalog, { unit });
  const values: CellValue[][] = spec.rows.map((r) => r.map((c) => (c ? (c.value as CellValue) : null)));
  for (const row of values) {
    const code = row[0];
    if (typeof code === "string" && code in scores) {
      row[4] = scores[code];
      row[6] = evidence;
      row[7] = "Giải trình";
    }
  }
  return { name, values };
}

const full = { "1.1": 1, "1.2.1": 0.5, "1.2.2": 1.5, "2.1": 3, "2.2": 2 };
const half = { "1.1": 0, "1.2.1": 0.5, "1.2.2": 0.5, "2.1": 1, "2.2": 2 };

describe("buildWorkbookReports", () => {
  test("one unit sheet: its summary and plan, no ranking", () => {
    const grids = [unitGrid("Sở Tư pháp", "Sở Tư pháp", half), { name: "Ghi chép", values: [["Một ghi chú"]] }];
    const r = buildWorkbookReports(grids, { catalog: smallCatalog });
    expect(r.units.map((u) => u.sheet)).toEqual(["Sở Tư pháp"]);
    expect(r.unit.unit).toBe("Sở Tư pháp");
    expect(r.specs.map((s) => s.kind)).toEqual(["summary", "plan"]);
    expect(r.summary.selfIndex).toBe(50);
    const unit = readUnitSheet(grids[0], "Đơn vị")!;
    const findings = validateUnit(unit, smallCatalog);
    expect(r.findings).toEqual(findings);
    expect(r.specs).toEqual([summarySheet(buildSummary(unit, smallCatalog, findings), "vi"), planSheet(buildPlan(unit, smallCatalog), "vi")]);
  });

  test("a fresh template (no score anywhere) is neither ranked nor summarised in place of a filled sheet", () => {
    const grids = [unitGrid("Mẫu mới", "", {}), unitGrid("A", "Sở Tư pháp", half), unitGrid("B", "Sở Nội vụ", full)];
    const r = buildWorkbookReports(grids, { catalog: smallCatalog, preferSheet: "Mẫu mới" });
    expect(r.units.map((u) => u.sheet)).toEqual(["Mẫu mới", "A", "B"]);
    expect(r.unscored).toEqual(["Mẫu mới"]);
    expect(r.unit.sheet).toBe("A");
    const ranking = r.specs.find((s) => s.kind === "ranking")!;
    const text = JSON.stringify(ranking.rows);
    expect(text).toContain("Sở Tư pháp");
    expect(text).toContain("Sở Nội vụ");
    expect(text).not.toContain("Mẫu mới");

    const one = buildWorkbookReports([unitGrid("Mẫu mới", "", {}), unitGrid("A", "Sở Tư pháp", half)], { catalog: smallCatalog });
    expect(one.specs.map((s) => s.kind)).toEqual(["summary", "plan"]);
    expect(one.unit.sheet).toBe("A");

    const alone = buildWorkbookReports([unitGrid("Mẫu mới", "", {})], { catalog: smallCatalog, preferSheet: "Mẫu mới" });
    expect(alone.unit.sheet).toBe("Mẫu mới");
    expect(alone.unscored).toEqual(["Mẫu mới"]);
  });

  test("several unit sheets: the preferred one is summarised, and all are ranked", () => {
    const grids = [unitGrid("A", "Sở Tư pháp", half), unitGrid("B", "Sở Nội vụ", full), unitGrid("C", "Sở Y tế", { "1.1": 1 })];
    const r = buildWorkbookReports(grids, { catalog: smallCatalog, preferSheet: "B", lang: "en" });
    expect(r.units).toHaveLength(3);
    expect(r.unit.sheet).toBe("B");
    expect(r.summary.unit).toBe("Sở Nội vụ");
    expect(r.summary.officialIndex).toBe(100);
    expect(r.specs.map((s) => [s.kind, s.name])).toEqual([
      ["summary", "Summary"],
      ["plan", "Improvement plan"],
      ["ranking", "Ranking"],
      ["ranking", "Ranking charts"],
    ]);
    const ranking = r.specs[2];
    const text = JSON.stringify(ranking.rows);
    expect(text.indexOf("Sở Nội vụ")).toBeLessThan(text.indexOf("Sở Tư pháp"));
    expect(text.indexOf("Sở Tư pháp")).toBeLessThan(text.indexOf("Sở Y tế"));
    expect(ranking).toEqual(rankingSheet(rankingFrom(grids), "en"));
    // The ranking's charts on their own sheet (no table header printed above them), drawn from the ranking's cells.
    expect(r.specs[3]).toEqual(rankingChartsSheet(rankingFrom(grids), "en"));
    expect(r.specs[3].charts!.every((c) => c.dataSheet === "Ranking")).toBe(true);
  });

  test("an unknown preferred sheet falls back to the first unit sheet", () => {
    const r = buildWorkbookReports([unitGrid("A", "Sở Tư pháp", half), unitGrid("B", "Sở Nội vụ", full)], {
      catalog: smallCatalog,
      preferSheet: "Không có",
    });
    expect(r.unit.sheet).toBe("A");
  });

  test("the add-in's own sheets and anything named _par… are not unit sheets", () => {
    const grids = [
      unitGrid("Tổng hợp", "Cũ", full),
      unitGrid("_par", "Ẩn", full),
      unitGrid("_par_flags", "Ẩn", full),
      unitGrid("Sở Tư pháp", "Sở Tư pháp", half),
    ];
    const r = buildWorkbookReports(grids, { catalog: smallCatalog, skip: new Set(["Tổng hợp"]) });
    expect(r.units.map((u) => u.sheet)).toEqual(["Sở Tư pháp"]);
    expect(r.specs).toHaveLength(2);
  });

  test("a sheet naming no unit takes the fallback name", () => {
    const grid = unitGrid("S", "", half);
    expect(buildWorkbookReports([grid], { catalog: smallCatalog, fallbackUnit: "bao-cao-2019" }).unit.unit).toBe("bao-cao-2019");
    expect(buildWorkbookReports([grid], { catalog: smallCatalog }).unit.unit).toBe("Đơn vị");
  });

  test("bands decide the class", () => {
    const grids = [unitGrid("A", "Sở Tư pháp", half)];
    expect(buildWorkbookReports(grids, { catalog: smallCatalog }).summary.band).not.toBe("Đạt");
    expect(buildWorkbookReports(grids, { catalog: smallCatalog, bands: [{ label: "Đạt", min: 45 }] }).summary.band).toBe("Đạt");
  });

  test("no unit sheet: a ParError saying which sheets were looked at and how to make one, in both languages", () => {
    const grids = [{ name: "Ghi chép", values: [["Tiêu chí", "Điểm"]] }, unitGrid("_par", "x", full)];
    let error: unknown;
    try {
      buildWorkbookReports(grids, { catalog: smallCatalog });
    } catch (e) {
      error = e;
    }
    expect(isParError(error)).toBe(true);
    const e = error as ParError;
    expect(e.key).toBe("workbook.noUnitSheet");
    expect(e.text("vi")).toContain('"Ghi chép"');
    expect(e.text("vi")).not.toContain("_par");
    expect(e.text("vi")).toContain('"Mã"');
    expect(e.text("vi")).toContain('"Mẫu"');
    expect(e.text("en")).toContain("header row");
    expect(e.text("en")).toContain("Template");
    expect(() => buildWorkbookReports([], { catalog: smallCatalog })).toThrow(ParError);
  });

  test("deterministic: the same grids twice give deep-equal reports", () => {
    const make = () => [unitGrid("A", "Sở Tư pháp", half), unitGrid("B", "Sở Nội vụ", full)];
    const a = buildWorkbookReports(make(), { catalog: smallCatalog });
    const b = buildWorkbookReports(make(), { catalog: smallCatalog });
    expect(a).toEqual(b);
    expect(JSON.stringify(a.specs)).toBe(JSON.stringify(b.specs));
  });
});

/** The ranking as the core's own pieces give it, for comparison. */
function rankingFrom(grids: Grid[]) {
  return buildRanking(
    grids.map((g) => {
      const unit = readUnitSheet(g, "Đơn vị")!;
      return { summary: buildSummary(unit, smallCatalog, validateUnit(unit, smallCatalog, { lang: "en" })), source: g.name };
    }),
  );
}
