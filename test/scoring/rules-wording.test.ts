/**
 * The rule notation extended to how methodologies word their rules: named outcomes, Vietnamese conditions,
 * points as shares of the maximum, deductions that stop at 0. Rules are written from the public sources' wording
 * (Cà Mau 2013, QĐ 1149/QĐ-BNV 2020, QĐ 876/QĐ-BNV 2022, Hà Nam 2023, Hà Nội's district framework).
 */
import fc from "fast-check";
import { explain, isChoiceRule, parseRule, ParError, ruleLabels, score, ScoreResult } from "../../src/scoring";
import { findWordedCondition, readWordedCondition, readWordedPoints } from "../../src/scoring/rules/wording";

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

describe("named outcomes", () => {
  // QĐ 1149/QĐ-BNV 2020, 1.1: "Ban hành kịp thời: 1 / Ban hành không kịp thời: 0,5 / Không ban hành: 0".
  const issued = '"Ban hành kịp thời": 1; "Ban hành không kịp thời": 0,5; "Không ban hành": 0';

  test.each([
    ["Ban hành kịp thời", 1],
    ["ban hành không kịp thời", 0.5],
    ["KHÔNG BAN HÀNH", 0],
    ["Khong ban hanh", 0],
    ["  Ban   hành\u00a0kịp thời ", 1],
  ])("%p gives %p", (value, expected) => {
    expect(s(issued, value)).toBe(expected);
  });

  test("a value that is none of the outcomes is an error listing them, never 0", () => {
    const e = errorOf(() => score(issued, "Ban hành chậm"));
    expect(e.key).toBe("value.notChoice");
    expect(e.message).toContain('"Ban hành kịp thời", "Ban hành không kịp thời", "Không ban hành"');
    expect(e.text("en")).toMatch(/is not an outcome of the rule/);
    expect(errorOf(() => score(issued, 1)).key).toBe("value.notChoice");
    expect(errorOf(() => score(issued, true)).key).toBe("value.notChoice");
  });

  test("with a * band, any other value gets its points", () => {
    expect(s('"Đạt": 1; *: 0', "Chưa đạt")).toBe(0);
    expect(s('"Đạt": 1; *: 0', 5)).toBe(0);
  });

  test("typographic quotes, and a colon inside a label", () => {
    expect(s("“Hoàn thành”: 1; “Chưa hoàn thành”: 0", "hoàn thành")).toBe(1);
    expect(s('"Mức 1: đầy đủ": 1; "Mức 2: thiếu": 0,5', "mức 2: thiếu")).toBe(0.5);
  });

  test("blank and Không áp dụng stay blank and not applicable", () => {
    expect(score(issued, "").kind).toBe("blank");
    expect(score(issued, "Không áp dụng").kind).toBe("notApplicable");
  });

  test("a label equal to có/không or a number is matched as the label", () => {
    expect(s('"Có": 1; "Không": 0', "có")).toBe(1);
    expect(s('"100%": 1; "Dưới 100%": 0', "100%")).toBe(1);
  });

  test("labels mixed with numeric bands: each value matches bands of its own type", () => {
    const rule = '"Không ban hành": -1; >=90%: 1; *: 0';
    expect(s(rule, "không ban hành")).toBe(-1);
    expect(s(rule, "95%")).toBe(1);
    expect(s(rule, 0.5)).toBe(0);
  });

  test("a choice rule and its labels", () => {
    expect(isChoiceRule(parseRule(issued))).toBe(true);
    expect(ruleLabels(parseRule(issued))).toEqual(["Ban hành kịp thời", "Ban hành không kịp thời", "Không ban hành"]);
    expect(isChoiceRule(parseRule('"Đạt": 1; *: 0'))).toBe(true);
    expect(isChoiceRule(parseRule('"Đạt": 1; >=1: 0'))).toBe(false);
    expect(isChoiceRule(parseRule(">=1: 1"))).toBe(false);
  });

  test("explain names the outcome", () => {
    expect(explain(issued, "ban hành không kịp thời")).toBe(
      'Giá trị ban hành không kịp thời khớp mức 2 ("Ban hành không kịp thời": 0,5) → 0,50 điểm (quy tắc chọn kết quả)',
    );
  });

  test("malformed labels are positioned errors", () => {
    const unclosed = errorOf(() => parseRule('>=1: 1; "Ban hành: 1'));
    expect(unclosed.key).toBe("rule.labelUnclosed");
    expect(unclosed.position).toBe(9);
    expect(errorOf(() => parseRule('"": 1')).key).toBe("rule.labelEmpty");
    const trailing = errorOf(() => parseRule('"Đạt" tốt: 1'));
    expect(trailing.key).toBe("rule.labelTrailing");
    expect(trailing.position).toBe(6);
    const dup = errorOf(() => parseRule('"Đạt": 1; "ĐẠT": 0'));
    expect(dup.key).toBe("rule.labelDuplicate");
    expect(dup.position).toBe(11);
    expect(errorOf(() => parseRule('"Không áp dụng": 0')).key).toBe("rule.labelNotApplicable");
  });
});

describe("Vietnamese wording as conditions", () => {
  test("the issue's example: trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0", () => {
    const rule = "trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0";
    expect(s(rule, 0.95)).toBe(2);
    expect(s(rule, 0.9)).toBe(1);
    expect(s(rule, 0.7)).toBe(1);
    expect(s(rule, 0.69)).toBe(0);
  });

  test.each([
    // Tiền Giang 2022 / QĐ 876 wording: "Từ 30% trở lên: 1 điểm; từ 20% - dưới 30%: 0,5; dưới 20%: 0".
    ["Từ 30% trở lên: 1 điểm; từ 20% - dưới 30%: 0,5; dưới 20%: 0", [[0.3, 1], [0.2999, 0.5], [0.2, 0.5], [0.19, 0]]],
    // Hà Nam 2023: "Giải quyết đúng hạn từ 95% đến dưới 100% hồ sơ: 0,5" written as a rule.
    ["100%: 1; từ 95% đến dưới 100%: 0,5; dưới 95%: 0", [[1, 1], [0.99, 0.5], [0.95, 0.5], [0.949, 0]]],
    // Seed 000, 3.3.4: "Từ 20 TTHC trở lên".
    ["20 trở lên: 1; *: 0", [[20, 1], [19, 0]]],
    ["ít nhất 2: 1,5; 1: 1; *: 0", [[2, 1.5], [3, 1.5], [1, 1], [0, 0]]],
    ["hơn 5: 1; không quá 5: 0,5", [[5, 0.5], [5.01, 1]]],
    ["đến 3: 1; trên 3: 0", [[3, 1], [3.5, 0]]],
    ["từ 1 - 3: 1; *: 0", [[1, 1], [3, 1], [3.01, 0]]],
    ["60% - dưới 90%: 0,5..1; từ 90% trở lên: 1; *: 0", [[0.75, 0.75], [0.9, 1], [0.5, 0]]],
    // Case and diacritics do not matter.
    ["TU 90% TRO LEN: 1; Duoi 90%: 0", [[0.9, 1], [0.8, 0]]],
    // Dates in words: "trước ngày" is not a form, but "đến 15/01/2019" is.
    ["đến 15/01/2019: 1; *: 0", [["15/01/2019", 1], ["16/01/2019", 0]]],
  ] as [string, [number | string, number][]][])("%s", (rule, cases) => {
    for (const [value, expected] of cases) expect([value, s(rule, value)]).toEqual([value, expected]);
  });

  test("a reversed worded range is an error at its band", () => {
    const e = errorOf(() => parseRule("*: 0; từ 90% đến 70%: 1"));
    expect(e.key).toBe("rule.rangeOrder");
    expect(e.position).toBe(7);
  });

  test("a bad number inside words points at the number", () => {
    const e = errorOf(() => parseRule("từ 31/02/2019 trở lên: 1"));
    expect(e.key).toBe("rule.badDate");
    expect(e.position).toBe(4);
  });

  test("words that are no condition form are an error that shows the forms", () => {
    const e = errorOf(() => parseRule("khoảng 90%: 1"));
    expect(e.key).toBe("rule.badCondition");
    expect(e.message).toContain("từ 70% đến dưới 90%");
  });
});

describe("points in words, deductions", () => {
  // Hà Nội district framework: "Hoàn thành xuất sắc: điểm tối đa / Hoàn thành tốt: 75% điểm / Hoàn thành: 50% điểm".
  const graded = '"Hoàn thành xuất sắc": điểm tối đa; "Hoàn thành tốt": 75% điểm; "Hoàn thành": 50% điểm tối đa; "Không hoàn thành": 0';

  test.each([
    ["Hoàn thành xuất sắc", 2],
    ["Hoàn thành tốt", 1.5],
    ["Hoàn thành", 1],
    ["Không hoàn thành", 0],
  ])("%p of a 2-point criterion gives %p", (value, expected) => {
    expect(s(graded, value, 2)).toBe(expected);
  });

  test("p% max and điểm tối đa need the maximum", () => {
    expect(s(">=90%: 80% max; *: 0", 0.95, 1.5)).toBe(1.2);
    const e = errorOf(() => score(graded, "Hoàn thành tốt"));
    expect(e.key).toBe("rule.needsMax");
    expect(e.position).toBe(37);
  });

  test("'0,5 điểm' is 0,5 points; a percentage alone keeps its old meaning (a fraction)", () => {
    expect(s("có: 0,5 điểm; không: 0 điểm", "có")).toBe(0.5);
    expect(s("*: 80%", 1)).toBe(0.8);
  });

  test("a deduction never takes a leaf below 0 unless its points are written negative", () => {
    // "báo cáo trễ −0,25 điểm/báo cáo": 1 − 0,25 per late report stops at 0.
    expect(s("*: 1 - 0,25*x", 6)).toBe(0);
    expect(explain("*: 1 - 0,25*x", 6)).toContain("không làm tiêu chí xuống dưới 0");
    // Cà Mau 2013: "Không ban hành: −1" (typographic minus), written negative, stays negative.
    expect(s('"Đúng thời gian quy định": 1; "Ban hành trễ": 0; "Không ban hành": −1', "Không ban hành")).toBe(-1);
    expect(s("*: -0,25*x", 2)).toBe(-0.5);
  });
});

describe("counted things between the number and the words", () => {
  test("từ 20 TTHC trở lên; từ 10 văn bản đến dưới 20: seed 000 wording", () => {
    expect(s("từ 20 TTHC trở lên: 1; từ 10 TTHC đến dưới 20: 0,5; *: 0", 20)).toBe(1);
    expect(s("từ 20 TTHC trở lên: 1; từ 10 TTHC đến dưới 20: 0,5; *: 0", 10)).toBe(0.5);
    expect(s("từ 20 TTHC trở lên: 1; từ 10 TTHC đến dưới 20: 0,5; *: 0", 9)).toBe(0);
  });
});

describe("text without a letter is no worded form (the readers skip their patterns for it)", () => {
  // Numbers, percentages, dates, signs, dashes and spaces as bounds and points are written, letters aside.
  const letterless = fc.string({ unit: fc.constantFrom(..."0123456789%,./:-+ \t\u2212\u2013\u2014()*=<>"), maxLength: 30 });

  test("conditions and points written with symbols only are read as no worded form", () => {
    fc.assert(
      fc.property(letterless, (text) => {
        expect(readWordedCondition(text)).toBeNull();
        expect(findWordedCondition(text)).toBeNull();
        expect(readWordedPoints(text)).toBeNull();
      }),
    );
  });

  test("the same bounds in words are still read", () => {
    expect(readWordedCondition("từ 80% đến dưới 100%")?.kind).toBe("rangeOpen");
    expect(readWordedCondition("TRÊN 90%")?.kind).toBe(">");
    expect(readWordedPoints("0,5 điểm")).toEqual({ kind: "number", text: "0,5", offset: 0 });
    expect(readWordedPoints("0,5")).toBeNull();
    expect(s("100%: 1; từ 80% đến dưới 100%: 0,5; dưới 80%: 0", 0.85)).toBe(0.5);
  });
});
