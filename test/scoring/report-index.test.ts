import * as core from "../../src/scoring";
import * as report from "../../src/scoring/report";
import * as sheetSpec from "../../src/scoring/report/sheet-spec";
import * as types from "../../src/scoring/report/types";

describe("src/scoring/report barrel", () => {
  it("exports the report API", () => {
    for (const name of [
      "buildSummary",
      "classBand",
      "parseBands",
      "BandsError",
      "hasAppraisal",
      "buildRanking",
      "buildPlan",
      "summarySheet",
      "planSheet",
      "rankingSheet",
      "unitsMatrixSheet",
      "findingKindLabel",
      "safeSheetName",
      "looksLikeFormula",
      "DEFAULT_BANDS",
    ]) {
      expect(typeof (report as Record<string, unknown>)[name]).not.toBe("undefined");
    }
  });

  it("re-exports types.ts and sheet-spec.ts", () => {
    for (const name of [...Object.keys(types), ...Object.keys(sheetSpec)]) {
      expect((report as Record<string, unknown>)[name]).toBe((types as Record<string, unknown>)[name] ?? (sheetSpec as Record<string, unknown>)[name]);
    }
  });

  it("names nothing the rest of the core exports differently (so `export * from \"./report\"` is safe)", () => {
    const clashes = Object.keys(report).filter(
      (n) => n in core && (core as Record<string, unknown>)[n] !== (report as Record<string, unknown>)[n],
    );
    expect(clashes).toEqual([]);
  });
});
