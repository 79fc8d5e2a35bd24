/**
 * Issue 22: squashSpaces replaces `text.replace(/\s+/g, " ").trim()` where the core reads each row's code and name
 * cells. It must give exactly what the regex gives, for any text: every kind of Unicode white space, at the
 * start, the end, in runs, and text with none.
 */
import fc from "fast-check";
import { squashSpaces } from "../../src/scoring/text";

const SPACES = [" ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u1680", "\u2000", "\u2005", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u200b", "\u180e"];
const regex = (s: string) => s.replace(/\s+/g, " ").trim();

describe("squashSpaces", () => {
  test("equals replace(/\\s+/g, ' ').trim() on text mixing letters and every kind of white space", () => {
    const piece = fc.oneof(fc.constantFrom(...SPACES), fc.constantFrom("1.2", "Tiêu chí", "ế", "a", "Đ"), fc.string({ unit: "grapheme", maxLength: 4 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => squashSpaces(pieces.join("")) === regex(pieces.join(""))), { numRuns: 5000 });
  });

  test("equals it on arbitrary strings, every code unit from 0 to 0xFFFF", () => {
    fc.assert(fc.property(fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) }), (s) => squashSpaces(s) === regex(s)), { numRuns: 5000 });
  });

  test("gives the text itself when there is nothing to change, and the squashed text otherwise", () => {
    const text = "Lĩnh vực 1.2";
    expect(squashSpaces(text)).toBe(text);
    expect(squashSpaces("")).toBe("");
    expect(squashSpaces("  1.2 \u00a0 Tiêu chí\n")).toBe("1.2 Tiêu chí");
  });
});
