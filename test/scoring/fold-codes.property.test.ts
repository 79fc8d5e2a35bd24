import fc from "fast-check";
import { codesString, fold, foldCodes, foldedCodes } from "../../src/scoring/fold";

/* foldCodes is fold without the string (the evidence scanner reads it): the same codes for any text. */

const text = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
  fc
    .array(fc.constantFrom("Kế", "hoạch", "NGÀY", "Ngày", "số", "\u00a0", "\u200b", "  ", "\t", "İ", "Σ", "ǅ", "Đ", "e\u0301", "𝐀", "/", "27/12/2017"), { maxLength: 12 })
    .map((w) => w.join(" ")),
);

describe("foldCodes", () => {
  it("writes exactly fold's result, as codes", () => {
    fc.assert(
      fc.property(text, (t) => {
        const n = foldCodes(t);
        expect(codesString(foldedCodes(), 0, n)).toBe(fold(t));
      }),
      { numRuns: 3000 },
    );
  });

  it("grows its buffer for a long text and keeps fold's result", () => {
    const long = "Kế hoạch số 12/KH-UBND ngày 27/12/2017 ".repeat(500);
    const n = foldCodes(long);
    expect(codesString(foldedCodes(), 0, n)).toBe(fold(long));
    expect(n).toBe(fold(long).length);
  });
});
