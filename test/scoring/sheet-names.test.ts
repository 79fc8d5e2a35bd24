/** safeSheetName: names Excel accepts, unique in any case, cut at 31 characters without breaking a character. */
import fc from "fast-check";
import { safeSheetName } from "../../src/scoring/report/sheet-spec";

/** Random text, and text built from the awkward pieces: apostrophes, History, emoji, Vietnamese, spaces. */
const pieces = ["'", "History", "history", "📊", "ệ", "ề".normalize("NFD"), "Tổng hợp kết quả ", " ", "a", "/", "(2)"];
const wanted = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => parts.join("")),
);

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("safeSheetName", () => {
  test.each([
    ["History", [], "History (2)"],
    ["history", ["History (2)"], "history (3)"],
    ["HISTORY", [], "HISTORY (2)"],
    ["'Báo cáo'", [], "Báo cáo"],
    ["Báo cáo' ", [], "Báo cáo"],
    ["''", [], "Sheet"],
    ["a/b:c", [], "a-b-c"],
    ["Sở \u001b[31mTư pháp\u001b[0m", [], "Sở -31mTư pháp-0m"],
    ["Tab\there\u0085\uffff", [], "Tabhere"],
  ])("%s (taken: %j) → %s", (wanted, taken, expected) => {
    expect(safeSheetName(wanted, taken)).toBe(expected);
  });

  test("a name cut at 31 characters ends with no apostrophe and no half of an emoji", () => {
    const apostrophe = "Kế hoạch cải cách hành chính n'" + "ăm 2026";
    expect(apostrophe.indexOf("'")).toBe(30);
    expect(safeSheetName(apostrophe, [])).toBe("Kế hoạch cải cách hành chính n");
    const emoji = "Tổng hợp kết quả chấm điểm 2026📊 (bản 2)";
    const cut = safeSheetName(emoji, []);
    expect(cut).toBe("Tổng hợp kết quả chấm điểm 2026");
    expect(cut).not.toContain("\uFFFD");
    expect(cut.length).toBeLessThanOrEqual(31);
    const clash = safeSheetName("Tổng hợp kết quả chấm điểm 📊📊", ["Tổng hợp kết quả chấm điểm 📊📊".slice(0, 31)]);
    expect(loneSurrogate.test(clash)).toBe(false);
  });

  test("decomposed Vietnamese is composed first, so cutting never separates a letter from its mark", () => {
    const decomposed = "Tổng hợp kết quả chấm điểm năm 2026".normalize("NFD");
    expect(decomposed.length).toBeGreaterThan(31);
    expect(safeSheetName(decomposed, [])).toBe("Tổng hợp kết quả chấm điểm năm 2026".slice(0, 31).trim());
  });

  test("unique however the taken names are written", () => {
    expect(safeSheetName("Tổng hợp", ["TỔNG HỢP"])).toBe("Tổng hợp (2)");
    expect(safeSheetName("Tổng hợp", ["tổng hợp", "TỔNG HỢP (2)"])).toBe("Tổng hợp (3)");
  });

  test("property: always a name Excel accepts and not taken, for any wanted name", () => {
    fc.assert(
      fc.property(wanted, fc.array(wanted, { maxLength: 5 }), (wanted, taken) => {
        const name = safeSheetName(wanted, taken);
        expect(name.length).toBeGreaterThan(0);
        expect(name.length).toBeLessThanOrEqual(31);
        expect(name).not.toMatch(/[:\\/?*[\]]/);
        expect(name).not.toMatch(/^'|'$/);
        expect(name.toLowerCase()).not.toBe("history");
        expect(loneSurrogate.test(name)).toBe(false);
        expect(taken.map((t) => t.toLowerCase())).not.toContain(name.toLowerCase());
      }),
    );
  });
});
