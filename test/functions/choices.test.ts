/** PAR.SCORE / PAR.EXPLAIN on worded rules, and PAR.CHOICES: a choice rule's outcomes as a column, for data validation. */
import { resetActiveCatalog, setActiveCatalog } from "../../src/functions/active-catalog";
import { CellError } from "../../src/functions/broadcast";
import * as PAR from "../../src/functions/functions";
import { parseCatalog } from "../../src/scoring";

// QĐ 1149/QĐ-BNV 2020 wording, typed as a province would.
const issued = '"Ban hành kịp thời": 1; "Ban hành không kịp thời": 0,5; "Không ban hành": 0';
const catalog = parseCatalog(
  {
    id: "thu-2026",
    name: "Thử",
    nodes: [
      {
        code: "1",
        name: "Chỉ đạo, điều hành",
        children: [
          { code: "1.1", name: "Ban hành kế hoạch", max: 1, rule: issued },
          { code: "1.2", name: "Tuyên truyền", max: 2, rule: '"Hoàn thành xuất sắc": điểm tối đa; "Hoàn thành tốt": 75% điểm; *: 0' },
          { code: "1.3", name: "Kiểm tra", max: 2, rule: "trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0" },
        ],
      },
    ],
  },
  "thu.json",
);

beforeEach(() => resetActiveCatalog());

describe("PAR.SCORE and PAR.EXPLAIN take worded rules", () => {
  it("named outcomes, case and diacritics aside; an unknown outcome is that cell's #VALUE! listing the outcomes", () => {
    const out = PAR.score([["Ban hành kịp thời"], ["ban hanh khong kip thoi"], ["Ban hành chậm"], ["Không áp dụng"]], [[issued]]);
    expect(out.slice(0, 2)).toEqual([[1], [0.5]]);
    expect(out[2][0]).toBeInstanceOf(CellError);
    expect((out[2][0] as CellError).code).toBe("#VALUE!");
    expect((out[2][0] as CellError).message).toContain('"Ban hành kịp thời", "Ban hành không kịp thời", "Không ban hành"');
    expect(out[3][0]).toBe("Không áp dụng");
  });

  it("Vietnamese ranges, and shares of the maximum through a criterion code", async () => {
    await setActiveCatalog(catalog);
    expect(PAR.score([[0.95], [0.9], [0.7], [0.69]], [["1.3"]])).toEqual([[2], [1], [1], [0]]);
    expect(PAR.score([["Hoàn thành tốt"]], [["1.2"]])).toEqual([[1.5]]);
    expect(PAR.explain([["hoàn thành tốt"]], [["1.2"]])).toEqual([['Giá trị hoàn thành tốt khớp mức 2 ("Hoàn thành tốt": 75% điểm) → 1,50 điểm (quy tắc chọn kết quả)']]);
  });
});

describe("PAR.CHOICES", () => {
  it("returns a rule's outcomes as a vertical array, from rule text or a criterion code", async () => {
    expect(PAR.choices([[issued]])).toEqual([["Ban hành kịp thời"], ["Ban hành không kịp thời"], ["Không ban hành"], ["Không áp dụng"]]);
    await setActiveCatalog(catalog);
    expect(PAR.choices([["1.2"]])).toEqual([["Hoàn thành xuất sắc"], ["Hoàn thành tốt"], ["Không áp dụng"]]);
  });

  it("a rule that is not a choice rule, a range of cells, an unknown code: Excel errors that say so", async () => {
    await setActiveCatalog(catalog);
    expect(() => PAR.choices([["1.3"]])).toThrow(/không phải là quy tắc chọn kết quả/);
    expect(() => PAR.choices([["1.1"], ["1.2"]])).toThrow(/nhận đúng một ô/);
    try {
      PAR.choices([["9.9"]]);
      throw new Error("expected an error");
    } catch (e) {
      expect((e as CellError).code).toBe("#N/A");
    }
  });
});
