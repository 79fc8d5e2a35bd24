/**
 * The PAR.* functions called as Excel calls them: every argument is a 2-D array (a single cell is [[v]]),
 * results are arrays of the same shape, errors are per cell with Excel's code and the core's message.
 */
import { ACTIVE_CATALOG_SETTING, resetActiveCatalog, setActiveCatalog, SettingsStorage } from "../../src/functions/active-catalog";
import { CellError } from "../../src/functions/broadcast";
import * as PAR from "../../src/functions/functions";
import { builtinCatalog, getNode, parseCatalog, parseRule, ParError, score as coreScore } from "../../src/scoring";

const col = (...values: unknown[]) => values.map((v) => [v]);

function expectError(cell: unknown, code: string, message?: string | RegExp): CellError {
  expect(cell).toBeInstanceOf(CellError);
  const e = cell as CellError;
  expect(e.code).toBe(code);
  if (typeof message === "string") expect(e.message).toBe(message);
  else if (message) expect(e.message).toMatch(message);
  return e;
}

function memoryStorage(initial: Record<string, unknown> = {}): SettingsStorage & { data: Record<string, unknown>; saves: number } {
  const data = { ...initial };
  const store = {
    data,
    saves: 0,
    get: (key: string) => data[key],
    set: (key: string, value: string) => {
      data[key] = value;
    },
    save: async () => {
      store.saves++;
    },
  };
  return store;
}

beforeEach(() => resetActiveCatalog());

describe("PAR.SCORE", () => {
  it("scores a single cell (1×1 arrays) with rule text, decimal commas included", () => {
    expect(PAR.score([[0.85]], [[">=80%: 0,5; *: 0"]])).toEqual([[0.5]]);
    expect(PAR.score([[0.79]], [[">=80%: 0,5; *: 0"]])).toEqual([[0]]);
    expect(PAR.score([["85%"]], [["100%: 1; 80%..<100%: 0,5; <80%: 0"]])).toEqual([[0.5]]);
  });

  it("scores a column of values against one rule (N×1 with 1×1) in one call", () => {
    const rule = [["100%: 1; 80%..<100%: 0,5; <80%: 0"]];
    expect(PAR.score(col(1, 0.9, 0.8, 0.5), rule)).toEqual(col(1, 0.5, 0.5, 0));
  });

  it("pairs a column of rules with a column of values (N×1 with N×1)", () => {
    const values = col(0.35, 20, true);
    const rules = col(">30%: 1; *: 0", ">=20: 1; *: 0", "có: 0,5; không: 0");
    expect(PAR.score(values, rules)).toEqual(col(1, 1, 0.5));
  });

  it("keeps a 2-D shape", () => {
    expect(PAR.score([[1, 0.5], [0, 0.9]], [[">=90%: 1; *: 0"]])).toEqual([[1, 0], [0, 1]]);
  });

  it("reads a criterion code as the rule of the active catalogue (3.3.4: >=20: 1; *: 0)", () => {
    expect(getNode(builtinCatalog("dien-bien-2018"), "3.3.4").rule).toBe(">=20: 1; *: 0");
    expect(PAR.score(col(20, 19, 25), [["3.3.4"]])).toEqual(col(1, 0, 1));
  });

  it("reads 1.3.1 (>30%: 1; *: 0), and a code typed as a number", () => {
    expect(PAR.score(col(0.31, 0.3, "30%"), [["1.3.1"]])).toEqual(col(1, 0, 0));
    // Excel turns a typed 1.5 into the number 1.5; criterion 1.5 is ">=2: 1,5; *: 0"
    expect(PAR.score(col(2, 1), [[1.5]])).toEqual(col(1.5, 0));
  });

  it("caps at the maximum given, or the criterion's own maximum", () => {
    expect(PAR.score([[0.9]], [["*: x * 2"]], [[1]])).toEqual([[1]]);
    expect(PAR.score([[0.9]], [["*: x * 2"]])).toEqual([[1.8]]);
    expect(PAR.score([[0.9]], [["*: x * 2"]], [[null]])).toEqual([[1.8]]);
  });

  it("returns a blank cell for a blank value and passes 'Không áp dụng' through", () => {
    const out = PAR.score(col(null, "", "Không áp dụng", "KAD", 1), [["100%: 1"]]);
    expect(out).toEqual(col("", "", "Không áp dụng", "Không áp dụng", 1));
  });

  it("gives #VALUE! with the core's message, naming the character position, for a malformed rule", () => {
    const rule = ">=80%: 0,5; 50%: ";
    let expected = "";
    try {
      parseRule(rule);
    } catch (e) {
      expected = (e as ParError).message;
    }
    expect(expected).toMatch(/ký tự \d+/);
    const [[cell]] = PAR.score([[0.9]], [[rule]]);
    expectError(cell, "#VALUE!", expected);
  });

  it("gives #VALUE! for a value that is not a number, in that cell only", () => {
    const out = PAR.score(col(1, "abc", 0.5), [["100%: 1; *: 0"]]);
    expect(out[0][0]).toBe(1);
    expectError(out[1][0], "#VALUE!", /"abc" không phải là số/);
    expect(out[2][0]).toBe(0);
  });

  it("gives #N/A for an unknown criterion code, naming the code and catalogue", () => {
    const out = PAR.score(col(1, 1), col("9.9.9", "3.3.4"));
    expectError(out[0][0], "#N/A", /Mã tiêu chí "9\.9\.9" không có trong bộ tiêu chí "Chỉ số CCHC cấp tỉnh Điện Biên 2018 \(Kế hoạch 352\/KH-UBND\)" \(dien-bien-2018\)/);
    expect(out[1][0]).toBe(0);
  });

  it("gives #VALUE! for a code whose criterion has no rule", () => {
    expectError(PAR.score([[1]], [["1.1.1"]])[0][0], "#VALUE!", /Tiêu chí 1\.1\.1 chưa có quy tắc/);
  });

  it("refuses mismatched range shapes with one #VALUE! that says so", () => {
    const out = PAR.score(col(1, 2, 3), col("100%: 1", "100%: 1"));
    expect(out).toHaveLength(1);
    expectError(out[0][0], "#VALUE!", "Vùng quy tắc có kích thước 2×1, không khớp với vùng giá trị 3×1. Dùng một ô hoặc một vùng cùng kích thước");
  });

  it("agrees with the core's score() cell by cell", () => {
    const rule = "100%: 1; 80%..<100%: 0,5; <80%: 0";
    const values = [0, 0.5, 0.799, 0.8, 0.95, 1, 1.2];
    const out = PAR.score(col(...values), [[rule]]);
    values.forEach((v, i) => {
      const r = coreScore(rule, v);
      expect(out[i][0]).toBe(r.kind === "points" ? r.points : "");
    });
  });
});

describe("PAR.EXPLAIN", () => {
  it("says which band matched and why", () => {
    const [[text]] = PAR.explain([[0.85]], [["100%: 1; 80%..<100%: 0,5; <80%: 0"]]);
    expect(text).toBe("Giá trị 85,00% khớp mức 2 (80%..<100%: 0,5) → 0,50 điểm (quy tắc tính theo tỷ lệ phần trăm)");
  });

  it("explains a column by criterion code, and a miss", () => {
    const out = PAR.explain(col(20, 0.31), col("3.3.4", "1.3.1"));
    expect(out[0][0]).toMatch(/^Giá trị 20,00 khớp mức 1 \(>=20: 1\) → 1,00 điểm \(quy tắc tính theo số lượng\)$/);
    expect(out[1][0]).toMatch(/khớp mức 1 \(>30%: 1\)/);
    expect(PAR.explain([[0.5]], [["100%: 1"]])[0][0]).toBe("Giá trị 50,00% không khớp mức nào → 0,00 điểm (quy tắc tính theo tỷ lệ phần trăm)");
  });

  it("gives #N/A for an unknown code", () => {
    expectError(PAR.explain([[1]], [["8.1"]])[0][0], "#N/A");
  });
});

describe("criterion lookups", () => {
  it("PAR.MAX gives a criterion's max, and a parent's effective max (sum of its children)", () => {
    expect(PAR.max([["1.2"]])).toEqual([[3]]);
    expect(PAR.max(col("1.1", "1.1.1", "1.3.1", "7.2.1"))).toEqual(col(1.5, 0.5, 1, 0.5));
  });

  it("PAR.MAX is blank where the catalogue knows no maximum", () => {
    return setActiveCatalog("dien-bien-so").then(() => expect(PAR.max([["1.1.1"]])).toEqual([[""]]));
  });

  it("PAR.NAME, PAR.DEADLINE and PAR.LEAD read the catalogue", () => {
    const node = getNode(builtinCatalog("dien-bien-2018"), "3.3.4");
    expect(PAR.name([["3.3.4"]])).toEqual([[node.name]]);
    expect(PAR.lead([["1.2"]])).toEqual([["Sở Nội vụ"]]);
    expect(PAR.deadline([["2.2"]])).toEqual([["Ngày 31/01/2019"]]);
    expect(PAR.name([["1"]])).toEqual([["CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"]]);
  });

  it("PAR.EVIDENCE joins the evidence documents with new lines", () => {
    const node = getNode(builtinCatalog("dien-bien-2018"), "1.2");
    expect(node.evidence.length).toBe(5);
    const [[text]] = PAR.evidence([["1.2"]]);
    expect(text).toBe(node.evidence.map((e) => e.name).join("\n"));
    expect((text as string).split("\n")).toHaveLength(5);
  });

  it("lookups take ranges, leave blank codes blank and put #N/A on unknown codes only", () => {
    const out = PAR.lead(col("1.2", null, "42", 3.3));
    expect(out[0][0]).toBe("Sở Nội vụ");
    expect(out[1][0]).toBe("");
    expectError(out[2][0], "#N/A", /Mã tiêu chí "42"/);
    expect(out[3][0]).toBe(""); // criterion 3.3 exists (typed as a number) but names no lead
  });

  it("a code typed as a number (3.3) finds the criterion", () => {
    expect(PAR.name([[3.3]])[0][0]).toBe(getNode(builtinCatalog("dien-bien-2018"), "3.3").name);
  });
});

describe("PAR.INDEX", () => {
  it("is achieved / applicable max × 100 over paired ranges", () => {
    expect(PAR.index(col(1, 0.5, 0), col(1, 1, 2))).toEqual([[37.5]]);
  });

  it("leaves not-applicable criteria out of the denominator", () => {
    expect(PAR.index(col(1, "Không áp dụng", 0.5), col(1, 2, 1))).toEqual([[75]]);
  });

  it("takes PAR.SCORE's output as it comes (numbers, blanks, Không áp dụng)", () => {
    const scores = PAR.score(col(1, null, "Không áp dụng", 0.85), [["100%: 1; 80%..<100%: 0,5; *: 0"]]);
    expect(PAR.index(scores, col(1, 1, 1, 1))).toEqual([[50]]);
  });

  it("throws #VALUE! with the core's message for ranges of different sizes", () => {
    let thrown: unknown;
    try {
      PAR.index(col(1, 2), col(1, 2, 3));
    } catch (e) {
      thrown = e;
    }
    expectError(thrown, "#VALUE!", "Hai vùng điểm và điểm tối đa phải cùng kích thước (đang là 2 và 3)");
  });

  it("throws #VALUE! when nothing applies", () => {
    expect(() => PAR.index(col("Không áp dụng"), col(1))).toThrow(/Không có tiêu chí nào được áp dụng/);
  });
});

describe("switching the active catalogue", () => {
  it("changes results and is remembered through the storage", async () => {
    const storage = memoryStorage();
    expect(PAR.max([["1.1.1"]])).toEqual([[0.5]]);
    await setActiveCatalog("dien-bien-so", storage);
    expect(PAR.max([["1.1.1"]])).toEqual([[""]]);
    expect(PAR.name([["1.1.1"]])[0][0]).toBe(getNode(builtinCatalog("dien-bien-so"), "1.1.1").name);
    expectError(PAR.score([[20]], [["3.3.4"]])[0][0], "#N/A", /bộ tiêu chí "Chỉ số CCHC cấp sở tỉnh Điện Biên \(danh mục tiêu chí\)" \(dien-bien-so\)/);
    expect(storage.data[ACTIVE_CATALOG_SETTING]).toBe("dien-bien-so");
    expect(storage.saves).toBe(1);

    await setActiveCatalog("dien-bien-2018", storage);
    expect(PAR.score([[20]], [["3.3.4"]])).toEqual([[1]]);
    expect(storage.data[ACTIVE_CATALOG_SETTING]).toBe("dien-bien-2018");
    expect(storage.saves).toBe(2);
  });
});

describe("errors inside Excel", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  it("uses CustomFunctions.Error with Excel's error codes when the runtime provides it", () => {
    class FakeError {
      constructor(
        readonly code: string,
        readonly message?: string,
      ) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
      associate: () => undefined,
      Error: FakeError,
      ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
    };
    const out = PAR.score(col("abc", 1), col("100%: 1", "9.9"));
    expect(out[0][0]).toBeInstanceOf(FakeError);
    expect((out[0][0] as FakeError).code).toBe("#VALUE!");
    expect(out[1][0]).toBeInstanceOf(FakeError);
    expect((out[1][0] as FakeError).code).toBe("#N/A");
    expect((out[1][0] as FakeError).message).toMatch(/9\.9/);
  });
});

describe("codes typed as numbers", () => {
  // Excel in an English locale turns "1.10" typed in a cell into the number 1.1.
  const tenChildren = parseCatalog(
    {
      id: "muoi-tieu-chi",
      name: "Mười tiêu chí",
      nodes: [
        {
          code: "1",
          name: "Lĩnh vực",
          children: Array.from({ length: 10 }, (_, i) => ({ code: `1.${i + 1}`, name: `Tiêu chí ${i + 1}`, max: i + 1, rule: "100%: 1" })),
        },
      ],
    },
    "muoi.json",
  );

  it("refuses a number that matches two codes (1.1 and 1.10), naming both, in every lookup", async () => {
    await setActiveCatalog(tenChildren);
    const e = expectError(PAR.max([[1.1]])[0][0], "#VALUE!");
    expect(e.message).toContain("1.1, 1.10");
    expect(e.message).toContain("'1.10");
    expectError(PAR.name([[1.1]])[0][0], "#VALUE!", /nhiều mã/);
    expectError(PAR.score([[1]], [[1.1]])[0][0], "#VALUE!", /1\.1, 1\.10/);
    expect(() => getNode(tenChildren, 1.1)).toThrow(ParError);
  });

  it("still answers for a number that matches one code, and for the codes typed as text", async () => {
    await setActiveCatalog(tenChildren);
    expect(PAR.max([[1.2]])).toEqual([[2]]);
    expect(PAR.max([["1.1"], ["1.10"]])).toEqual([[1], [10]]);
    expect(PAR.max([[1]])).toEqual([[55]]);
  });
});
