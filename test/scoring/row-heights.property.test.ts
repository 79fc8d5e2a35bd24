/**
 * Issue 22: the row-height estimate (wrappedLines, estimatedRowHeights) reads each character's width from a table
 * filled as characters are met, and finds merged widths by number. Both writers and copied unit sheets rely on its
 * figures: for any text, width, style and merges, they are the ones the straightforward version below gives.
 */
import fc from "fast-check";
import { estimatedRowHeights, SheetSpec, SpecCell, wrappedLines } from "../../src/scoring/report/sheet-spec";
import { a1, parseA1 } from "../../src/scoring/grid";

/** The reference: the estimate as first written (a regex per character, merges found by their A1 address). */
function charWidth(ch: string): number {
  if (ch === " ") return 0.45;
  if (/[.,;:'!|()[\]iIljtf]/.test(ch)) return 0.55;
  if (/[mwMW]/.test(ch)) return 1.45;
  if (/\d/.test(ch)) return 1;
  return ch !== ch.toLowerCase() ? 1.2 : 0.92;
}

function referenceLines(text: string, width: number, style: { bold?: boolean; size?: number; indent?: number } = {}): number {
  const scale = ((style.size ?? 11) / 11) * (style.bold ? 1.08 : 1);
  const room = Math.max(1, (width - 0.6 - (style.indent ?? 0) * 1.6) * 0.96);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/ +/)) {
      const w = [...word].reduce((n, ch) => n + charWidth(ch), 0) * scale;
      const space = line > 0 ? charWidth(" ") * scale : 0;
      if (line > 0 && line + space + w <= room) {
        line += space + w;
        continue;
      }
      if (line > 0) count++;
      count += Math.max(0, Math.ceil(w / room) - 1);
      line = w > room ? w - Math.floor(w / room) * room : w;
    }
    lines += count;
  }
  return Math.max(1, lines);
}

function referenceHeights(spec: SheetSpec): Map<number, number> {
  const widthOf = (col: number) => {
    const w = spec.columnWidths[col];
    return Number.isFinite(w) && w > 0 ? w : 9;
  };
  const mergedWidth = new Map<string, number>();
  for (const range of spec.merges ?? []) {
    const [from, to] = range.split(":").map(parseA1);
    if (!from || !to) continue;
    let width = 0;
    for (let c = from.col; c <= to.col; c++) width += widthOf(c);
    mergedWidth.set(a1(from.row, from.col), width);
  }
  const heights = new Map<number, number>();
  spec.rows.forEach((row, r) => {
    let height = 15;
    row.forEach((cell, c) => {
      if (!cell) return;
      const size = cell.style?.size ?? 11;
      const bold = cell.style?.bold ?? (cell.style?.fill === "header" || cell.style?.fill === "total");
      const wraps = cell.style?.wrap || cell.style?.fill === "header";
      const lines =
        wraps && cell.value !== null && cell.value !== undefined ? referenceLines(String(cell.value), mergedWidth.get(a1(r, c)) ?? widthOf(c), { bold, size, indent: cell.style?.indent }) : 1;
      height = Math.max(height, (lines * 15 * size) / 11 + (lines > 1 ? 3 : 0));
    });
    if (height > 15) heights.set(r, Math.min(409, Math.ceil(height)));
  });
  return heights;
}

/** Text as cells hold it: Vietnamese words, narrow and wide letters, digits, blanks, line breaks, emoji, lone halves of a pair. */
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom("Kế hoạch", "CCHC", "năm", "2018", "số", "3790/KH-UBND", "ngày", "27/12/2017", "Điểm", "tự", "chấm", "WWW", "illi", "(1)", ";", "  ", " ", "\n", "😀", "\ud800", "\udc00x", "İ", "ΣΑΣ"),
      fc.string({ maxLength: 12, unit: "grapheme" }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

const style = fc.record(
  { bold: fc.boolean(), size: fc.constantFrom(9, 10, 11, 12, 14, 16), indent: fc.integer({ min: 0, max: 4 }) },
  { requiredKeys: [] },
);

describe("row heights", () => {
  test("wrappedLines gives the reference's line count for any text, width and style", () => {
    fc.assert(
      fc.property(text, fc.double({ min: 0, max: 120, noNaN: true }), style, (t, width, s) => wrappedLines(t, width, s) === referenceLines(t, width, s)),
      { numRuns: 2000 },
    );
  });

  test("estimatedRowHeights gives the reference's heights, merged areas included", () => {
    const cell: fc.Arbitrary<SpecCell | null> = fc.option(
      fc.record({
        value: fc.oneof(text, fc.double({ noNaN: true }), fc.constant(null)),
        style: fc.option(fc.record({ wrap: fc.boolean(), bold: fc.boolean(), size: fc.constantFrom(9, 11, 14), fill: fc.constantFrom("header", "total", undefined), indent: fc.integer({ min: 0, max: 3 }) }, { requiredKeys: [] }), { nil: undefined }),
      }) as fc.Arbitrary<SpecCell>,
      { nil: null },
    );
    const range = fc
      .tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }))
      .map(([r, c, h, w]) => `${a1(r, c)}:${a1(r + h, c + w)}`);
    const spec = fc.record({
      rows: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
      columnWidths: fc.array(fc.oneof(fc.double({ min: -5, max: 80, noNaN: true }), fc.constant(Number.NaN)), { maxLength: 6 }),
      merges: fc.option(fc.array(fc.oneof(range, fc.constantFrom("A1", "bad", "B2:")), { maxLength: 4 }), { nil: undefined }),
    });
    // Two merges from one cell (a sheet that cannot be written as it is, but the estimate must not change): the last.
    const twice = {
      name: "x",
      kind: "summary",
      rows: [[{ value: "Kế hoạch cải cách hành chính năm 2018 của Sở Nội vụ tỉnh Điện Biên", style: { wrap: true } }]],
      columnWidths: [10, 10, 10, 10],
      merges: ["A1:D1", "A1:A2"],
    } as SheetSpec;
    expect([...estimatedRowHeights(twice)]).toEqual([...referenceHeights(twice)]);
    expect(estimatedRowHeights(twice).get(0)).toBeGreaterThan(estimatedRowHeights({ ...twice, merges: ["A1:A2", "A1:D1"] }).get(0)!);
    fc.assert(
      fc.property(spec, (s) => {
        const sheet = { name: "x", kind: "summary", ...s } as SheetSpec;
        expect([...estimatedRowHeights(sheet)]).toEqual([...referenceHeights(sheet)]);
      }),
      { numRuns: 1000 },
    );
  });
});
