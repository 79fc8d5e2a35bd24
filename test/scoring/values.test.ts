import { dateToSerial, formatDate, formatInput, formatNumber, ParError, readInput, readMax, round2 } from "../../src/scoring";

describe("reading cell values", () => {
  test.each([
    [0.85, { kind: "number", value: 0.85 }],
    ["85%", { kind: "number", value: 0.85, percent: true }],
    ["85 %", { kind: "number", value: 0.85, percent: true }],
    ["0,85", { kind: "number", value: 0.85 }],
    ["-1,5", { kind: "number", value: -1.5 }],
    ["  20 ", { kind: "number", value: 20 }],
    ["15/01/2019", { kind: "number", value: 43480, date: true }],
    [true, { kind: "boolean", value: true }],
    ["Có", { kind: "boolean", value: true }],
    ["KHÔNG", { kind: "boolean", value: false }],
    ["Không áp dụng", { kind: "notApplicable" }],
    ["", { kind: "blank" }],
    [null, { kind: "blank" }],
  ])("%p", (value, expected) => {
    expect(readInput(value as never)).toMatchObject(expected);
  });

  test("a JS date becomes its Excel serial", () => {
    expect(readInput(new Date(2019, 0, 15))).toMatchObject({ kind: "number", value: 43480, date: true });
    expect(dateToSerial(new Date(1900, 0, 1))).toBe(2);
    expect(formatDate(43480)).toBe("15/01/2019");
  });

  test.each(["abc", "1.2.3", "85%%", "31/02/2019", "1/2"])("%p is not a value", (text) => {
    expect(() => readInput(text)).toThrow(ParError);
  });

  test("non-finite numbers are refused", () => {
    expect(() => readInput(Number.NaN)).toThrow(ParError);
    expect(() => readInput(Number.POSITIVE_INFINITY)).toThrow(ParError);
  });
});

describe("maxima", () => {
  test("numbers, text with comma, blank", () => {
    expect(readMax(1)).toBe(1);
    expect(readMax("0,5")).toBe(0.5);
    expect(readMax("")).toBeNull();
    expect(readMax(null)).toBeNull();
  });

  test("negative or text maxima are errors", () => {
    expect(() => readMax(-1)).toThrow(/không phải là số không âm/);
    expect(() => readMax("một")).toThrow(ParError);
  });
});

describe("rounding and formatting", () => {
  test("half away from zero at 2 decimals", () => {
    expect(round2(0.005)).toBe(0.01);
    expect(round2(-0.005)).toBe(-0.01);
    expect(round2(2.675)).toBe(2.68);
    expect(round2(0.1 + 0.2)).toBe(0.3);
    expect(round2(-0.001)).toBe(0);
    expect(round2(-1.1e306)).toBe(-1.1e306);
    expect(Object.is(round2(-0.001), -0)).toBe(false);
  });

  test("a value the user typed, echoed in a message, writes its number as a figure in the message's language", () => {
    expect(formatInput(readInput("85%"))).toBe("85,00%");
    expect(formatInput(readInput("85%"), "plain", "en")).toBe("85.00%");
    expect(formatInput(readInput(0.5))).toBe("0,50");
    expect(formatInput(readInput(1234.5), "plain", "en")).toBe("1,234.50");
    expect(formatInput(readInput(true), "plain", "en")).toBe("có");
    expect(formatInput(readInput("15/01/2019"))).toBe("15/01/2019");
  });
});

describe("figures in every output", () => {
  test("numbers of 1e21 and above are written with all their digits, never in exponent notation", () => {
    expect(formatNumber(1e21)).toBe("1.000.000.000.000.000.000.000,00");
    expect(formatNumber(-(2 ** 70), "en")).toBe("-1,180,591,620,717,411,303,424.00");
    expect(formatNumber(1e300)).toMatch(/^1\d{0,2}(\.\d{3})+,00$/);
    expect(formatNumber(1e300)).not.toMatch(/e|undefined/);
  });

  test.each([
    [0.5, "0,50", "0.50"],
    [86, "86,00", "86.00"],
    [93.9, "93,90", "93.90"],
    [1234.5, "1.234,50", "1,234.50"],
    [1234567.891, "1.234.567,89", "1,234,567.89"],
    [-0.004, "0,00", "0.00"],
    [-12.345, "-12,35", "-12.35"],
    [1.005, "1,01", "1.01"],
  ])("%p → %s (vi), %s (en)", (x, vi, en) => {
    expect(formatNumber(x, "vi")).toBe(vi);
    expect(formatNumber(x, "en")).toBe(en);
  });

  test("not a number is a dash, never Infinity or NaN", () => {
    expect(formatNumber(Infinity)).toBe("—");
    expect(formatNumber(NaN, "en")).toBe("—");
  });
});
