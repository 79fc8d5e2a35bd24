import { asCell, CellError, flatten, mapCells, scoreToCell, toCellError } from "../../src/functions/broadcast";
import { ParError } from "../../src/scoring";

const pair = (a: unknown, b: unknown) => `${String(a)}|${String(b)}`;

describe("mapCells", () => {
  it("gives the shape of the first non-1×1 argument and broadcasts 1×1 ones", () => {
    expect(mapCells([[[1], [2]], [["r"]]], ["label.value", "label.rule"], pair)).toEqual([["1|r"], ["2|r"]]);
    expect(mapCells([[["v"]], [["r1"], ["r2"], ["r3"]]], ["label.value", "label.rule"], pair)).toEqual([["v|r1"], ["v|r2"], ["v|r3"]]);
    expect(mapCells([[[1, 2]], [["x", "y"]]], ["label.value", "label.rule"], pair)).toEqual([["1|x", "2|y"]]);
  });

  it("treats an omitted optional argument as a blank cell", () => {
    expect(mapCells([[[1], [2]], undefined], ["label.value", "label.rule"], pair)).toEqual([["1|null"], ["2|null"]]);
  });

  it("refuses a row against a column with one #VALUE! naming both shapes", () => {
    const out = mapCells([[[1], [2], [3]], [["a", "b", "c"]]], ["label.value", "label.rule"], pair);
    expect(out).toHaveLength(1);
    expect(out[0]).toHaveLength(1);
    const e = out[0][0] as CellError;
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toBe("Vùng quy tắc có kích thước 1×3, không khớp với vùng giá trị 3×1. Dùng một ô hoặc một vùng cùng kích thước");
  });

  it("speaks English when Excel's display language is English", () => {
    const g = globalThis as { Office?: unknown };
    g.Office = { context: { displayLanguage: "en-US" } };
    try {
      const e = mapCells([[[1], [2], [3]], [["a", "b", "c"]]], ["label.value", "label.rule"], pair)[0][0] as CellError;
      expect(e.message).toBe("The rule range is 1×3 and does not match the value range 3×1. Use one cell or a range of the same size");
      expect((toCellError(new ParError("value.badMax", { text: "-1" })) as CellError).message).toMatch(/^The maximum "-1"/);
      expect(scoreToCell({ kind: "notApplicable" })).toBe("Not applicable");
    } finally {
      delete g.Office;
    }
  });

  it("keeps one failing cell's error to that cell", () => {
    const out = mapCells([[[1], [0], [2]]], ["label.value"], (v) => {
      if (v === 0) throw new ParError("index.noApplicable");
      return v;
    });
    expect(out[0][0]).toBe(1);
    expect((out[1][0] as CellError).code).toBe("#VALUE!");
    expect(out[2][0]).toBe(2);
  });
});

describe("conversions", () => {
  it("maps an unknown code to #N/A, other core errors and plain errors to #VALUE!", () => {
    expect((toCellError(new ParError("catalog.unknownCode", { code: "9", catalog: "x" })) as CellError).code).toBe("#N/A");
    const v = toCellError(new ParError("value.badMax", { text: "-1" })) as CellError;
    expect(v.code).toBe("#VALUE!");
    expect(v.message).toBe('Điểm tối đa "-1" không phải là số không âm. Nhập ví dụ 1,00 hoặc 0,50');
    expect((toCellError(new TypeError("boom")) as CellError).message).toBe("boom");
  });

  it("reads data-type values by their basic value or text, and flattens ranges row by row", () => {
    expect(asCell({ type: "Double", basicValue: 0.85 })).toBe(0.85);
    expect(asCell({ type: "Entity", text: "Không áp dụng", properties: {} })).toBe("Không áp dụng");
    expect(asCell(undefined)).toBeUndefined();
    expect(flatten([[1, 2], [3, 4]])).toEqual([1, 2, 3, 4]);
    expect(flatten(undefined)).toEqual([null]);
  });

  it("shows scores as Excel cells", () => {
    expect(scoreToCell({ kind: "blank" })).toBe("");
    expect(scoreToCell({ kind: "notApplicable" })).toBe("Không áp dụng");
    expect(scoreToCell({ kind: "points", points: 0.5, band: 0, raw: 0.5, capped: false })).toBe(0.5);
  });
});
