import { explain, parseRule, ParError, score, ScoreResult } from "../../src/scoring";

const points = (r: ScoreResult): number | string => (r.kind === "points" ? r.points : r.kind);
const s = (rule: string, value: Parameters<typeof score>[1], max: number | null = null) => points(score(rule, value, max));

function errorOf(fn: () => unknown): ParError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ParError) return e;
    throw e;
  }
  throw new Error("expected a ParError");
}

describe("the issue's examples (from the seeds' wording)", () => {
  test.each([
    ["100%: 1; 80%..<100%: 0,5; <80%: 0", 0.85, 0.5],
    ["100%: 1; 80%..<100%: 0,5; <80%: 0", 1, 1],
    ["100%: 1; 80%..<100%: 0,5; <80%: 0", 0.8, 0.5],
    ["100%: 1; 80%..<100%: 0,5; <80%: 0", 0.7999, 0],
    [">30%: 1; *: 0", 0.3, 0],
    [">30%: 1; *: 0", 0.31, 1],
    [">=20: 1; *: 0", 20, 1],
    [">=20: 1; *: 0", 19, 0],
    [">=90%: 1; 60%..<90%: 0,5..1; *: 0", 0.75, 0.75],
    [">=90%: 1; 60%..<90%: 0,5..1; *: 0", 0.6, 0.5],
    ["có: 0,5; không: 0", true, 0.5],
    ["có: 0,5; không: 0", "không", 0],
    ["<=15/01/2019: 1; *: 0", "10/01/2019", 1],
    ["<=15/01/2019: 1; *: 0", "16/01/2019", 0],
    ["<=4: 1 - 0,25*x; *: 0", 2, 0.5],
    ["<=4: 1 - 0,25*x; *: 0", 5, 0],
  ])("%s with %p gives %p", (rule, value, expected) => {
    expect(s(rule, value)).toBe(expected);
  });

  test("percent values typed as text read as numbers", () => {
    expect(s("100%: 1; 80%..<100%: 0,5; <80%: 0", "85%")).toBe(0.5);
    expect(s("100%: 1; 80%..<100%: 0,5; <80%: 0", "0,85")).toBe(0.5);
    expect(s("100%: 1; 80%..<100%: 0,5; <80%: 0", "79,99%")).toBe(0);
  });
});

describe("conditions", () => {
  test("boundaries of every comparison", () => {
    expect(s(">=5: 1", 5)).toBe(1);
    expect(s(">=5: 1", 4.99)).toBe(0);
    expect(s(">5: 1", 5)).toBe(0);
    expect(s(">5: 1", 5.01)).toBe(1);
    expect(s("<=5: 1", 5)).toBe(1);
    expect(s("<=5: 1", 5.01)).toBe(0);
    expect(s("<5: 1", 5)).toBe(0);
    expect(s("<5: 1", 4.99)).toBe(1);
    expect(s("=5: 1", 5)).toBe(1);
    expect(s("=5: 1", 6)).toBe(0);
    expect(s("5: 1", 5)).toBe(1);
  });

  test("≥ and ≤ are the same as >= and <=", () => {
    expect(s("≥ 80%: 1; ≤ 10%: -1", 0.8)).toBe(1);
    expect(s("≥ 80%: 1; ≤ 10%: -1", 0.1)).toBe(-1);
  });

  test("closed range includes both ends, half-open excludes the top", () => {
    expect(s("1..3: 1", 1)).toBe(1);
    expect(s("1..3: 1", 3)).toBe(1);
    expect(s("1..<3: 1", 3)).toBe(0);
    expect(s("1..<3: 1", 2.99)).toBe(1);
  });

  test("decimal point or comma, in conditions and points", () => {
    expect(s(">=0.5: 1.5", 0.5)).toBe(1.5);
    expect(s(">=0,5: 1,5", 0.5)).toBe(1.5);
  });

  test("bands on new lines instead of semicolons, with blank lines", () => {
    expect(s("100%: 1\n80%..<100%: 0,5\n\n*: 0", 0.9)).toBe(0.5);
    expect(s("100%: 1\r\n*: 0,25", 0.2)).toBe(0.25);
  });

  test("first matching band wins", () => {
    expect(s("*: 0; >=1: 1", 5)).toBe(0);
    expect(s(">=1: 1; >=2: 2", 5)).toBe(1);
  });

  test("'còn lại' and 'else' mean anything", () => {
    expect(s(">=1: 1; còn lại: 0,25", 0)).toBe(0.25);
    expect(s(">=1: 1; else: 0,25", 0)).toBe(0.25);
    expect(s(">=1: 1; Con lai: 0,25", 0)).toBe(0.25);
  });

  test("no matching band scores 0", () => {
    expect(s(">=20: 1", 3)).toBe(0);
  });
});

describe("booleans", () => {
  test.each([
    [true, 0.5],
    [false, 0],
    ["có", 0.5],
    ["Có", 0.5],
    ["co", 0.5],
    ["yes", 0.5],
    ["KHÔNG", 0],
    ["khong", 0],
    ["No", 0],
  ])("yes/no rule with %p gives %p", (value, expected) => {
    expect(s("có: 0,5; không: 0", value)).toBe(expected);
  });

  test("yes/no conditions also written in English", () => {
    expect(s("yes: 1; no: -1", "không")).toBe(-1);
  });

  test("values are typed: yes/no matches only yes/no bands and *, a number or date only numeric bands and *", () => {
    // "không" was once compared as 0 with the date and scored 1.
    expect(() => s("<=31/12/2012: 1; >31/12/2012: 0,5", "không")).toThrow(/quy tắc chỉ có mức cho số, tỷ lệ % hoặc ngày/);
    expect(s("<=31/12/2012: 1; >31/12/2012: 0,5; không: 0", "không")).toBe(0);
    expect(s("<=31/12/2012: 1; >31/12/2012: 0,5; không: 0", "01/12/2012")).toBe(1);
    // "có" was once read as 1 by the expression and scored 0,75.
    expect(() => s("<=4: 1 - 0,25*x", "có")).toThrow(ParError);
    expect(s("<=4: 1 - 0,25*x; *: 0", "có")).toBe(0);
    // 1/0 are có/không for a rule of có/không bands only (README: the notation's table), issue 25.
    expect([s("có: 0,5; không: 0", 1), s("có: 0,5; không: 0", 0), s("có: 0,5; không: 0", "1")]).toEqual([0.5, 0, 0.5]);
    expect(() => s("có: 0,5; không: 0", 2)).toThrow(/quy tắc chỉ có mức cho có\/không/);
    expect(s("có: 0,5; *: 0", 1)).toBe(0);
    expect(() => s(">=1: 2", true)).toThrow(/quy tắc chỉ có mức cho số/);
    expect(s(">=1: 2; *: 0", true)).toBe(0);
  });

  test("the type error is worded in English too", () => {
    expect(errorOf(() => s("có: 1; không: 0", 5)).text("en")).toMatch(/The value "5.00" is a number, but the rule has bands only for yes\/no/);
  });
});

describe("dates", () => {
  // 15/01/2019 is Excel serial 43480.
  test("Excel serial numbers compare with dd/mm/yyyy bounds", () => {
    expect(s("<=15/01/2019: 1; *: 0", 43480)).toBe(1);
    expect(s("<=15/01/2019: 1; *: 0", 43481)).toBe(0);
  });

  test("JS dates compare with dd/mm/yyyy bounds", () => {
    expect(s("<=15/01/2019: 1; *: 0", new Date(2019, 0, 15))).toBe(1);
    expect(s("<=15/01/2019: 1; *: 0", new Date(2019, 0, 16))).toBe(0);
  });

  test("date ranges and single-digit days", () => {
    expect(s("1/1/2019..<1/2/2019: 1", "31/01/2019")).toBe(1);
    expect(s("1/1/2019..<1/2/2019: 1", "01/02/2019")).toBe(0);
  });
});

describe("points", () => {
  test("negative points", () => {
    expect(s("có: 1; không: -1", "không")).toBe(-1);
  });

  test("linear points across a closed and a half-open range", () => {
    expect(s("0..10: 0..1", 5)).toBe(0.5);
    expect(s("0..10: 0..1", 10)).toBe(1);
    expect(s("60%..<90%: 0,5..1", 0.6)).toBe(0.5);
    expect(s("60%..<90%: 0,5..1", 0.89)).toBe(0.98);
  });

  test("expressions with parentheses, division, percent and max", () => {
    expect(s("*: (x - 1) / 2", 5)).toBe(2);
    expect(s("*: -x", 3)).toBe(-3);
    expect(s("*: x * max", 0.85, 2)).toBe(1.7);
    expect(s("*: 50% * x", 3)).toBe(1.5);
    expect(s("*: 2 × x", 3)).toBe(6);
  });

  test("gate then proportional: from 80%, points = rate × max", () => {
    const rule = ">=80%: x * max; *: 0";
    expect(s(rule, 0.9, 1.5)).toBe(1.35);
    expect(s(rule, 0.79, 1.5)).toBe(0);
  });

  test("capped at the max when a max is known", () => {
    expect(s("*: x", 5, 1)).toBe(1);
    expect(s("*: x", 5)).toBe(5);
  });

  test("rounded to 2 decimals, half away from zero", () => {
    expect(s("*: x", 1.005)).toBe(1.01);
    expect(s("*: x", 0.125)).toBe(0.13);
    expect(s("*: x", -0.125)).toBe(-0.13);
    expect(s("*: 1/3", 0)).toBe(0.33);
  });
});

describe("blank and not applicable", () => {
  test.each([null, undefined, "", "   "])("blank value %p gives a blank result, not 0", (value) => {
    expect(score(">=1: 1; *: 0", value).kind).toBe("blank");
  });

  test.each(["Không áp dụng", "không áp dụng", "KAD", "N/A", "khong ap dung"])("%p is not applicable", (value) => {
    expect(score(">=1: 1; *: 0", value).kind).toBe("notApplicable");
  });
});

describe("errors say what and where", () => {
  test("empty rule", () => {
    const e = errorOf(() => parseRule("  ;  "));
    expect(e.key).toBe("rule.empty");
    expect(e.message).toMatch(/trống/);
  });

  test("missing colon points at the band", () => {
    const e = errorOf(() => parseRule("100%: 1; 80% 0,5"));
    expect(e.key).toBe("rule.missingColon");
    expect(e.position).toBe(10);
    expect(e.message).toContain("ký tự 10");
  });

  test("a word where a number belongs points at the word", () => {
    const e = errorOf(() => parseRule(">=abc: 1"));
    expect(e.key).toBe("rule.badNumber");
    expect(e.position).toBe(3);
  });

  test("an impossible date", () => {
    const e = errorOf(() => parseRule("<=31/02/2019: 1"));
    expect(e.key).toBe("rule.badDate");
    expect(e.position).toBe(3);
  });

  test("reversed range", () => {
    expect(errorOf(() => parseRule("90%..60%: 1")).key).toBe("rule.rangeOrder");
  });

  test("linear points need a range condition", () => {
    const e = errorOf(() => parseRule(">=60%: 0,5..1"));
    expect(e.key).toBe("rule.linearNeedsRange");
    expect(e.position).toBe(8);
  });

  test("bad expressions point at the offending character", () => {
    const e = errorOf(() => parseRule("*: 1 + y"));
    expect(e.key).toBe("rule.badExpression");
    expect(e.position).toBe(8);
    expect(errorOf(() => parseRule("*: (1 + x")).message).toMatch(/ngoặc/);
    expect(errorOf(() => parseRule("*: 1 +")).key).toBe("rule.badExpression");
  });

  test("empty condition or points", () => {
    expect(errorOf(() => parseRule(": 1")).key).toBe("rule.emptyCondition");
    expect(errorOf(() => parseRule(">=1:")).key).toBe("rule.emptyPoints");
  });

  test("a value that is not a number", () => {
    const e = errorOf(() => score(">=1: 1", "nhiều"));
    expect(e.key).toBe("value.notNumber");
    expect(e.message).toContain("nhiều");
  });

  test("division by zero names the value", () => {
    const e = errorOf(() => score("*: 1 / x", 0));
    expect(e.key).toBe("rule.divByZero");
  });

  test("max in an expression without a max", () => {
    expect(errorOf(() => score("*: x * max", 0.5)).key).toBe("rule.needsMax");
  });

  test("messages come in English too", () => {
    const e = errorOf(() => parseRule("100%: 1; 80% 0,5"));
    expect(e.text("en")).toMatch(/^Error at character 10: Band "80% 0,5" lacks ":"/);
  });
});

describe("explain", () => {
  test("says which band matched and why", () => {
    expect(explain("100%: 1; 80%..<100%: 0,5; <80%: 0", 0.85)).toBe(
      "Giá trị 85,00% khớp mức 2 (80%..<100%: 0,5) → 0,50 điểm (quy tắc tính theo tỷ lệ phần trăm)",
    );
  });

  test("no band matched", () => {
    expect(explain(">=20: 1", 3)).toBe("Giá trị 3,00 không khớp mức nào → 0,00 điểm (quy tắc tính theo số lượng)");
  });

  test("capping is mentioned", () => {
    expect(explain("*: x", 5, 1)).toBe("Giá trị 5,00 khớp mức 1 (*: x) → 5,00 điểm; giới hạn ở điểm tối đa 1,00");
  });

  test("dates are shown as dd/mm/yyyy", () => {
    expect(explain("<=15/01/2019: 1; *: 0", 43475)).toContain("10/01/2019");
  });

  test("blank and not applicable", () => {
    expect(explain(">=1: 1", "")).toMatch(/trống/);
    expect(explain(">=1: 1", "KAD")).toMatch(/Không áp dụng/);
  });

  test("in English", () => {
    expect(explain(">=20: 1", 25, null, "en")).toBe("Value 25.00 matches band 1 (>=20: 1) → 1.00 points (the rule counts)");
    expect(explain(">=20: 0,5", 25, null, "en")).toBe("Value 25.00 matches band 1 (>=20: 0,5) → 0.50 points (the rule counts)");
  });
});

describe("numbers beyond floating point are positioned errors, never Infinity", () => {
  const huge = "9".repeat(400);
  test.each([
    [`>=${huge}: 1`, 3],
    [`>=1: ${huge}`, 6],
    [`>=1: ${huge} * x`, 6],
    [`1..${huge}: 1`, 4],
  ])("%s", (rule, position) => {
    const e = errorOf(() => parseRule(rule));
    expect(e.key).toBe("rule.numberTooLarge");
    expect(e.position).toBe(position);
    expect(e.text("vi")).not.toMatch(/Infinity/);
  });

  test("a value too large to score says so (not Infinity, not a number error)", () => {
    const e = errorOf(() => score(">=1: 1", huge));
    expect(e.key).toBe("value.notFinite");
    expect(e.text("en")).toMatch(/too large to score/);
  });

  test("an overflowing expression is a positioned error, not a division by zero", () => {
    const rule = "<=1: 1; *: x * 1e300".replace("1e300", "1" + "0".repeat(300));
    const e = errorOf(() => score(rule, 1e300));
    expect(e.key).toBe("rule.notFinite");
    expect(e.position).toBe(9);
    const div = errorOf(() => score("*: 1 / (x - 2)", 2));
    expect(div.key).toBe("rule.divByZero");
    expect(div.position).toBe(1);
  });
});
