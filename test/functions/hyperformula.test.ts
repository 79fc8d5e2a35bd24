/** PAR.SCORE / PAR.INDEX evaluated by HyperFormula (headless) agree with the core cell by cell. */
import { DetailedCellError } from "hyperformula";
import { createParHyperFormula } from "../support/hyperformula-par";
import { builtinCatalog, computeIndex, score, scoreCriterion } from "../../src/scoring";

const RULE = "100%: 1; 80%..<100%: 0,5; <80%: 0";

describe("PAR.SCORE in HyperFormula", () => {
  it("matches the core's score() for every row of a sheet", () => {
    const values: Array<number | string | boolean | null> = [1, 0.95, 0.8, 0.79, 0, "85%", "Không áp dụng", null, 1.2];
    const sheet = values.map((v) => [v, `=PAR.SCORE(A{row}, "${RULE}")`]).map(([v, f], i) => [v, (f as string).replace("{row}", String(i + 1))]);
    const hf = createParHyperFormula(sheet);
    const got = values.map((_, row) => hf.getCellValue({ sheet: 0, row, col: 1 }));
    const expected = values.map((v) => {
      const r = score(RULE, v);
      return r.kind === "points" ? r.points : r.kind === "notApplicable" ? "Không áp dụng" : "";
    });
    expect(got).toEqual(expected);
    expect(got).toEqual([1, 0.5, 0.5, 0, 0, 0.5, "Không áp dụng", "", 0]); // 120% matches no band
    hf.destroy();
  });

  it("reads criterion codes and rules from cells, with a max argument", () => {
    // A leading apostrophe keeps "3.3.4" text: HyperFormula (like a spreadsheet) would read it as a date.
    const sheet = [
      [20, "'3.3.4", "=PAR.SCORE(A1, B1)"],
      [19, "'3.3.4", "=PAR.SCORE(A2, B2)"],
      [0.31, "'1.3.1", "=PAR.SCORE(A3, B3)"],
      [0.9, "*: x * 2", "=PAR.SCORE(A4, B4, 1)"],
    ];
    const hf = createParHyperFormula(sheet);
    const catalog = builtinCatalog("dien-bien-2018");
    sheet.forEach(([v, rule, formula], row) => {
      const max = String(formula).includes(", 1)") ? 1 : null;
      const r = scoreCriterion(v as number, (rule as string).replace(/^'/, ""), max, catalog);
      expect(hf.getCellValue({ sheet: 0, row, col: 2 })).toBe(r.kind === "points" ? r.points : null);
    });
    expect(hf.getSheetValues(0).map((r) => r[2])).toEqual([1, 0, 1, 1]);
    hf.destroy();
  });

  it("gives #VALUE! with the core's message for a malformed rule and #N/A for an unknown code", () => {
    const hf = createParHyperFormula([[0.9, '=PAR.SCORE(A1, ">=80%: 0,5; 50%: ")', '=PAR.SCORE(A1, "9.9.9")']]);
    const bad = hf.getCellValue({ sheet: 0, row: 0, col: 1 }) as DetailedCellError;
    expect(bad).toBeInstanceOf(DetailedCellError);
    expect(bad.type).toBe("VALUE");
    expect(bad.message).toMatch(/Lỗi tại ký tự \d+/);
    const na = hf.getCellValue({ sheet: 0, row: 0, col: 2 }) as DetailedCellError;
    expect(na.type).toBe("NA");
    expect(na.message).toMatch(/9\.9\.9/);
    hf.destroy();
  });
});

describe("PAR.INDEX in HyperFormula", () => {
  it("matches computeIndex over scored cells, leaving not-applicable ones out", () => {
    const rows: Array<[number | string, number]> = [
      [1, 1],
      [0.85, 1],
      ["Không áp dụng", 2],
      [0.5, 1],
    ];
    const sheet = rows.map(([v, max], i) => [v, max, `=PAR.SCORE(A${i + 1}, "${RULE}")`]);
    sheet.push([null, null, "=PAR.INDEX(C1:C4, B1:B4)"] as never);
    const hf = createParHyperFormula(sheet);
    const scores = rows.map((_, row) => hf.getCellValue({ sheet: 0, row, col: 2 }));
    const expected = computeIndex(scores as Array<number | string>, rows.map(([, m]) => m)).index;
    expect(hf.getCellValue({ sheet: 0, row: 4, col: 2 })).toBe(expected);
    expect(expected).toBe(50); // (1 + 0.5 + 0) / (1 + 1 + 1)
    hf.destroy();
  });
});

describe("scale errors in HyperFormula (issue 24)", () => {
  it("a value on another scale than the rule is #VALUE! there too, with the core's message, never points", () => {
    const sheet = [
      [100, "'1.1.2", "=PAR.SCORE(A1, B1)"],
      [25, "'1.3.1", "=PAR.SCORE(A2, B2)"],
      [1, "<=15/01/2019: 1; *: 0", "=PAR.SCORE(A3, B3)"],
      [0.95, ">=80: 1; *: 0", "=PAR.SCORE(A4, B4)"],
      [1, "'1.1.2", "=PAR.SCORE(A5, B5)"],
    ];
    const hf = createParHyperFormula(sheet);
    const catalog = builtinCatalog("dien-bien-2018");
    sheet.forEach(([v, rule], row) => {
      const got = hf.getCellValue({ sheet: 0, row, col: 2 });
      let expected: unknown;
      try {
        const r = scoreCriterion(v as number, (rule as string).replace(/^'/, ""), null, catalog);
        expected = r.kind === "points" ? r.points : r;
      } catch (e) {
        expected = (e as Error).message;
      }
      if (typeof expected === "string") {
        expect(got).toBeInstanceOf(DetailedCellError);
        expect((got as DetailedCellError).type).toBe("VALUE");
        expect((got as DetailedCellError).message).toBe(expected);
      } else expect(got).toBe(expected);
    });
    const kinds = hf.getSheetValues(0).map((r) => (r[2] instanceof DetailedCellError ? r[2].message.split(":")[0] : r[2]));
    expect(kinds).toEqual(["Quy tắc tính theo tỷ lệ phần trăm", "Quy tắc tính theo tỷ lệ phần trăm", expect.stringMatching(/^Quy tắc tính theo ngày/), expect.stringMatching(/^Quy tắc tính theo số lượng/), 1]);
    hf.destroy();
  });
});

