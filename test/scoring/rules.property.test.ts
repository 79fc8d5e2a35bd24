import fc from "fast-check";
import { parseRule, ParError, score, scoreInput } from "../../src/scoring";

const ruleAlphabet = fc.constantFrom(
  ..."0123456789.,%:;<>=≥≤*/-+()x ".split(""),
  "..",
  "..<",
  "có",
  "không",
  "max",
  "\n",
  "còn lại",
  "15/01/2019",
  "a",
  "Đ",
  '"',
  "“",
  "”",
  '"Ban hành kịp thời"',
  "từ ",
  "đến ",
  "dưới ",
  "trên ",
  "trở lên",
  "không quá ",
  "điểm tối đa",
  "% điểm",
  "−",
);

describe("rule parsing never fails in an unexpected way", () => {
  test("any string either parses or gives a positioned ParError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.array(ruleAlphabet, { maxLength: 40 }).map((a) => a.join(""))), (text) => {
        try {
          const rule = parseRule(text);
          expect(rule.bands.length).toBeGreaterThan(0);
        } catch (e) {
          expect(e).toBeInstanceOf(ParError);
          const position = (e as ParError).position;
          expect(position).not.toBeNull();
          expect(position!).toBeGreaterThanOrEqual(1);
          expect(position!).toBeLessThanOrEqual(Math.max(1, text.length + 1));
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("a parsed rule scores any number to a finite number or a ParError", () => {
    fc.assert(
      fc.property(
        fc.array(ruleAlphabet, { maxLength: 30 }).map((a) => a.join("")),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (text, x) => {
          let rule;
          try {
            rule = parseRule(text);
          } catch {
            return;
          }
          try {
            const r = scoreInput(rule, { kind: "number", value: x, percent: false, date: false });
            if (r.kind === "points") expect(Number.isFinite(r.points)).toBe(true);
          } catch (e) {
            expect(e).toBeInstanceOf(ParError);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("deeply nested or very long input ends quickly with an error", () => {
    expect(() => parseRule("*: " + "(".repeat(5000) + "x")).toThrow(ParError);
    expect(() => parseRule(">=1: 1;".repeat(2000))).toThrow(ParError);
  });
});

/** The smallest positive threshold of a monotone rule (0 when it has none). */
function leastBound(rule: string): number {
  const positive = [...rule.matchAll(/>=([\d,]+)/g)].map((m) => Number(m[1].replace(",", "."))).filter((t) => t > 0);
  return positive.length > 0 ? Math.min(...positive) : 0;
}

/** Thresholds t1 > t2 > … with points p1 >= p2 >= …, written ">=t1: p1; >=t2: p2; …; *: floor". */
const monotoneRule = fc
  .uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 })
  .chain((thresholds) =>
    fc
      .array(fc.integer({ min: -4, max: 8 }), { minLength: thresholds.length + 1, maxLength: thresholds.length + 1 })
      .map((pts) => {
        const sortedT = [...thresholds].sort((a, b) => b - a);
        const sortedP = [...pts].sort((a, b) => b - a).map((p) => p / 4);
        const bands = sortedT.map((t, i) => `>=${t / 10}: ${String(sortedP[i]).replace(".", ",")}`);
        return `${bands.join("; ")}; *: ${String(sortedP[sortedT.length]).replace(".", ",")}`;
      }),
  );

describe("threshold rules are monotone where their bands are", () => {
  test("a larger value never scores less under descending >= bands with descending points", () => {
    fc.assert(
      fc.property(monotoneRule, fc.double({ min: -10, max: 110, noNaN: true }), fc.double({ min: 0, max: 50, noNaN: true }), (rule, x, dx) => {
        // A fraction against count bands of 2 or more is a scale error (rules/scale.ts), never points: off this property.
        const onScale = (v: number) => !(v > 0 && v < 1 && leastBound(rule) >= 2);
        if (!onScale(x) || !onScale(x + dx)) return;
        const a = score(rule, x);
        const b = score(rule, x + dx);
        if (a.kind !== "points" || b.kind !== "points") throw new Error("expected points");
        expect(b.points).toBeGreaterThanOrEqual(a.points);
      }),
      { numRuns: 2000 },
    );
  });

  test("linear bands are monotone inside their range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 90 }),
        fc.integer({ min: 1, max: 10 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (lo, width, u, v) => {
          const rule = `${lo}%..<${lo + width}%: 0,5..1; *: 0`;
          const [p, q] = [u, v].sort((m, n) => m - n);
          const x1 = (lo + p * width * 0.999) / 100;
          const x2 = (lo + q * width * 0.999) / 100;
          const a = score(rule, x1);
          const b = score(rule, x2);
          if (a.kind !== "points" || b.kind !== "points") throw new Error("expected points");
          expect(b.points).toBeGreaterThanOrEqual(a.points);
          expect(a.points).toBeGreaterThanOrEqual(0.5);
          expect(b.points).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("number notation", () => {
  test("comma and point decimals read the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 99 }), (whole, frac) => {
        const dot = `${whole}.${String(frac).padStart(2, "0")}`;
        const comma = dot.replace(".", ",");
        const a = score(`>=${dot}: 1; *: 0`, Number(dot));
        const b = score(`>=${comma}: 1; *: 0`, comma);
        expect(a).toEqual(b);
        expect(a.kind === "points" && a.points).toBe(1);
      }),
    );
  });
});

/** A text changed in case, diacritics and white space only: the same outcome to a reader. */
function respell(text: string, seed: number[]): string {
  const strip = (c: string) => c.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D");
  let out = "";
  [...text].forEach((c, i) => {
    const r = seed[i % seed.length];
    let x = r & 1 ? c.toUpperCase() : c.toLowerCase();
    if (r & 2) x = strip(x);
    if (c === " " && r & 4) x = r & 8 ? "\u00a0 " : "  ";
    out += x;
  });
  return (seed[0] & 16 ? " " : "") + out + (seed[0] & 32 ? "\t" : "");
}

describe("named outcomes match whatever the case, diacritics and spaces", () => {
  const outcomes = ["Ban hành kịp thời", "Ban hành không kịp thời", "Không ban hành", "Hoàn thành xuất sắc", "Đạt yêu cầu"];
  const rule = outcomes.map((o, i) => `"${o}": ${i}`).join("; ");

  test("each outcome, respelled, scores as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: outcomes.length - 1 }), fc.array(fc.integer({ min: 0, max: 63 }), { minLength: 1, maxLength: 12 }), (i, seed) => {
        const r = score(rule, respell(outcomes[i], seed));
        expect(r.kind === "points" && r.points).toBe(i);
      }),
      { numRuns: 1500 },
    );
  });

  test("any other text is an error, never points", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (text) => {
        const known = outcomes.some((o) => respell(o, [0]).trim().toLowerCase() === text.trim().toLowerCase());
        try {
          const r = score(rule, text);
          expect(r.kind !== "points" || known || /^\s*$/.test(text)).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(ParError);
        }
      }),
      { numRuns: 1500 },
    );
  });
});
