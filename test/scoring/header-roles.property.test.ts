/**
 * headerRole: the role of a header text, by the longest synonym it is or starts with (before " ", "(" or ","). Held
 * to the plain reading of that rule (every synonym tried, longest first) on header texts real sheets write and on
 * generated ones.
 */
import fc from "fast-check";
import { ColumnRole } from "../../src/scoring/sheet/types";
import { HEADER_SYNONYMS, headerRole } from "../../src/scoring/sheet/headers";
import { fold } from "../../src/scoring/values";

const ENTRIES = (Object.entries(HEADER_SYNONYMS) as [ColumnRole, string[]][])
  .flatMap(([role, words]) => words.map((w) => ({ role, w })))
  .sort((a, b) => b.w.length - a.w.length);

function plainRole(text: string): ColumnRole | null {
  const f = fold(text).replace(/[\s:*.]+$/, "").trim();
  if (!f || f.length > 80) return null;
  const hit = ENTRIES.find(({ w }) => f === w || f.startsWith(`${w} `) || f.startsWith(`${w}(`) || f.startsWith(`${w},`));
  return hit ? hit.role : null;
}

test("a synonym names one role only", () => {
  const words = ENTRIES.map((e) => e.w);
  expect(new Set(words).size).toBe(words.length);
});

test.each([
  ["Mã", "code"],
  ["STT.", "code"],
  ["Tên tiêu chí", "name"],
  ["Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "name"],
  ["Điểm tối đa", "max"],
  ["Điểm tự chấm (điểm)", "self"],
  ["Điểm thẩm định", "appraised"],
  ["Lý do (vòng 2)", "finalReason"],
  ["Giải trình của đơn vị", "explanation"],
  ["Giải trình", "notes"],
  ["Tài liệu kiểm chứng, ghi chú", "evidence"],
  ["Tự đánh giá", "self"],
  ["Điểm", null],
  ["Mãi mãi", null],
])("%p reads as %p", (text, role) => {
  expect(headerRole(text)).toBe(role);
  expect(plainRole(text)).toBe(role);
});

test("any text reads as the plain rule reads it", () => {
  const synonym = fc.constantFrom(...ENTRIES.map((e) => e.w));
  const piece = fc.oneof(synonym, fc.constantFrom(" ", "(", ",", ":", "*", ".", "  ", "Điểm", "ĐIỂM TỰ CHẤM", "x"), fc.string({ maxLength: 6 }));
  fc.assert(
    fc.property(fc.array(piece, { minLength: 1, maxLength: 5 }), (pieces) => {
      const text = pieces.join("");
      expect(headerRole(text)).toBe(plainRole(text));
    }),
    { numRuns: 3000 },
  );
});
