/** Issue 24: the scale of a rule's bands (rules/scale.ts), and messages in one language. */
import { builtinCatalog, parseRule, ParError, ruleScale, score, walk } from "../../src/scoring";

function message(fn: () => unknown, lang: "vi" | "en" = "vi"): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ParError);
    return (e as ParError).text(lang);
  }
  throw new Error("expected a ParError");
}

describe("ruleScale", () => {
  test("each kind of band", () => {
    expect(ruleScale(parseRule("100%: 1"))).toBe("percent");
    expect(ruleScale(parseRule("trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0"))).toBe("percent");
    expect(ruleScale(parseRule(">=20: 1; *: 0"))).toBe("count");
    expect(ruleScale(parseRule("<=15/01/2019: 1; *: 0"))).toBe("date");
    expect(ruleScale(parseRule("có: 1; không: 0"))).toBe("yesno");
    expect(ruleScale(parseRule('"Ban hành kịp thời": 1; *: 0'))).toBe("outcome");
    expect(ruleScale(parseRule("*: x * 2"))).toBe("free");
  });

  test("the province catalogue's rules are percent or count, and each scores its own target value as before", () => {
    const scales = new Map<string, string>();
    for (const n of walk(builtinCatalog("dien-bien-2018").nodes)) if (n.rule) scales.set(n.code, ruleScale(parseRule(n.rule)));
    expect(scales.get("1.1.2")).toBe("percent");
    expect(scales.get("3.3.4")).toBe("count");
    expect(scales.get("1.5")).toBe("count");
    expect(new Set(scales.values())).toEqual(new Set(["percent", "count"]));
  });
});

describe("values on the rule's scale", () => {
  test("percent bands: a fraction, a percentage, a little over 100 % (1,2) are read; 2 and above are a percentage typed as a number", () => {
    expect(score("100%: 1; 80%..<100%: 0,5; *: 0", 1.2)).toMatchObject({ points: 0 });
    expect(score("100%: 1", "100%")).toMatchObject({ points: 1 });
    expect(message(() => score("100%: 1", 2))).toMatch(/^Quy tắc tính theo tỷ lệ phần trăm: gõ 2% hoặc 0,02\./);
    expect(message(() => score("100%: 1", "100"))).toMatch(/gõ 100% hoặc 1,00/);
    expect(message(() => score(">=80%: 1", "15/01/2019"))).toMatch(/là một ngày/);
  });

  test("count bands: fractions only where every positive band is 2 or more", () => {
    expect(score(">=1: 1; *: 0", 0.5)).toMatchObject({ points: 0 });
    expect(score(">=2: 1; *: 0", 0)).toMatchObject({ points: 0 });
    expect(message(() => score(">=2: 1; *: 0", "50%"))).toMatch(/^Quy tắc tính theo số lượng \(các mức từ 2,00 trở lên\)/);
  });

  test("date bands: a JS date with a time of day and a serial with a fraction compare by day", () => {
    expect(score("<=15/01/2019: 1; *: 0", new Date(2019, 0, 15, 18, 30))).toMatchObject({ points: 1 });
    expect(score("<=15/01/2019: 1; *: 0", 43480.9)).toMatchObject({ points: 1 });
    expect(message(() => score("<=15/01/2019: 1; *: 0", "85%"))).toMatch(/^Quy tắc tính theo ngày/);
  });
});

test("date bands: a number beyond Excel's last date (31/12/9999) is no date, an error, never NaN/NaN/NaN", () => {
  expect(message(() => score("15/01/2019: 85% - x * 85%", 1e47, null))).toMatch(/không phải là ngày/);
  expect(message(() => score("<=15/01/2019: 1; *: 0", 2958466, null))).toMatch(/không phải là ngày/);
  expect(score("<=15/01/2019: 1; *: 0", 2958465, null)).toMatchObject({ kind: "points", points: 0 });
});

describe("messages in one language", () => {
  test("an invalid points expression says what is wrong in the message's language", () => {
    const en = message(() => parseRule(">=1: 2 +"), "en");
    expect(en).toMatch(/is invalid: the expression ends too early\./);
    expect(en).not.toMatch(/biểu thức|ký tự/);
    expect(message(() => parseRule(">=1: 2 +"), "vi")).toMatch(/biểu thức kết thúc giữa chừng/);
  });

  test("English messages write decimals with a point", () => {
    expect(message(() => parseRule("80% 0,5"), "en")).toMatch(/e\.g\. >=80%: 0\.5$/);
    expect(message(() => score(">=1: 1", "abc"), "en")).toMatch(/e\.g\. 85% or 0\.85$/);
  });
});
