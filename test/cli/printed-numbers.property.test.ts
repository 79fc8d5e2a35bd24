/**
 * Fuzzed rules and values through `par score` and `par explain`: every number the CLI prints is finite (never
 * "Infinity" or "NaN", even for 400-digit numbers or overflowing expressions), and a refusal is exit 2 with a
 * message, never a crash (exit 3).
 */
import fc from "fast-check";
import { par } from "../support/par";

jest.setTimeout(120_000);

const huge = fc.integer({ min: 300, max: 420 }).map((n) => "9".repeat(n));
const number = fc.oneof(
  fc.integer({ min: -50, max: 150 }).map(String),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((x) => String(x).replace(".", ",")),
  fc.constantFrom("1e308", "1" + "0".repeat(308), "0,5", "85%"),
  huge,
);
const condition = fc.oneof(
  number.map((n) => `>=${n}`),
  number.map((n) => `<${n}`),
  fc.tuple(number, number).map(([a, b]) => `${a}..${b}`),
  fc.constantFrom("*", "có", "không", "15/01/2019"),
);
const points = fc.oneof(
  number,
  number.map((n) => `x * ${n}`),
  number.map((n) => `${n} - x * ${n}`),
  fc.constantFrom("max", "x / (x - 1)", "x * x * x * x * x * x * x * x"),
);
const rule = fc.array(fc.tuple(condition, points).map(([c, p]) => `${c}: ${p}`), { minLength: 1, maxLength: 4 }).map((b) => b.join("; "));
const value = fc.oneof(number, fc.constantFrom("có", "không", "Không áp dụng", "", "15/01/2019"));

const NUMBER_TOKEN = /-?\d+(?:[.,]\d+)*(?:e[+-]?\d+)?/gi;

test("every number printed is finite; refusals are sentences with exit 2", async () => {
  await fc.assert(
    fc.asyncProperty(rule, value, fc.constantFrom("score", "explain"), fc.constantFrom("vi", "en"), async (r, v, command, lang) => {
      const result = await par(command, "--rule", r, "--value", v, "--max", "10", "--lang", lang);
      expect([0, 2]).toContain(result.code);
      const text = result.out + result.err;
      expect(text).not.toMatch(/Infinity|NaN|undefined/);
      if (result.code === 2) expect(result.err.length).toBeGreaterThan(10);
      if (command === "score" && result.code === 0 && result.out.trim() !== "" && !/áp dụng|applicable/i.test(result.out)) {
        expect(Number.isFinite(Number(result.out.trim()))).toBe(true);
      }
      for (const token of text.match(NUMBER_TOKEN) ?? []) {
        const plain = token.replace(/[.,](?=\d{3}(?:\D|$))/g, "").replace(",", ".");
        expect([token, Number.isFinite(Number(plain))]).toEqual([token, true]);
      }
    }),
    { numRuns: Number(process.env.FC_NUM_RUNS ?? 400) },
  );
});
