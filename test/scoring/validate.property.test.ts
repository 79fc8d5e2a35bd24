import fc from "fast-check";
import {
  buildPlan,
  buildSummary,
  builtinCatalog,
  chooseCatalog,
  findUnitSheets,
  Grid,
  ParError,
  readUnitSheet,
  validateUnit,
} from "../../src/scoring";
import { CellValue } from "../../src/scoring/values";

const words = [
  "Mã", "STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Kết quả", "TLKC", "Giải trình",
  "Đơn vị: Sở Thử", "Bộ tiêu chí: dien-bien-2018", "Bộ tiêu chí: khong-co", "Không áp dụng", "KAD", "đạt", "có", "không",
  "1", "1.1", "1.1.1", "1.2", "1.3.1", "7.4.3", "9.9", "I.1", "1.1.", "0,5", "85%", "-1", "1e308", "15/01/2019", "31/02/2019",
  "Kế hoạch số 3790/KH-UBND ngày 27/12/2017", "Quyết định số ngày 01/01/2018", "ftp://x/y", "https://a.gov.vn/b", "C:\\tai-lieu.pdf",
  "=SUM(A1:A3)", "+1", "@x", "", "   ",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...words),
  fc.string({ maxLength: 30 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 100 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ min: new Date(1990, 0, 1), max: new Date(2030, 0, 1), noInvalidDate: false }),
);

const gridArb: fc.Arbitrary<Grid> = fc
  .array(fc.array(cell, { maxLength: 9 }), { maxLength: 40 })
  .map((rows) => ({ name: "Ngẫu nhiên", values: rows }));

/** A real header with random rows below it, so the validator (not only the reader) is exercised. */
const headedGridArb: fc.Arbitrary<Grid> = fc
  .tuple(
    fc.shuffledSubarray(["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả", "Điểm tự chấm", "Điểm thẩm định", "TLKC", "Giải trình"], { minLength: 8, maxLength: 8 }),
    fc.array(fc.tuple(fc.constantFrom("1", "1.1", "1.1.1", "1.1.2", "1.2", "1.3", "1.3.1", "1.3.2", "2", "9.1", "1.1."), fc.array(cell, { minLength: 7, maxLength: 7 })), { maxLength: 30 }),
  )
  .map(([header, rows]) => {
    const codeCol = header.indexOf("Mã");
    const values: CellValue[][] = [["Đơn vị: Sở Thử"], header];
    for (const [code, rest] of rows) {
      const row = [...rest];
      row.splice(codeCol, 0, code);
      values.push(row);
    }
    return { name: "Có tiêu đề", values };
  });

const province = builtinCatalog("dien-bien-2018");
const department = builtinCatalog("dien-bien-so");

describe("random sheets never crash the reader, the validator or the reports", () => {
  test.each([
    ["random cells", gridArb],
    ["a real header over random rows", headedGridArb],
  ])("%s", (_label, arb) => {
    fc.assert(
      fc.property(arb, (grid) => {
        const before = JSON.stringify(grid, (_k, v) => (v === undefined ? "__undef__" : v));
        const units = findUnitSheets([grid], "tep");
        chooseCatalog([grid], units);
        for (const unit of units) {
          for (const catalog of [province, department]) {
            let findings;
            try {
              findings = validateUnit(unit, catalog);
            } catch (e) {
              // The only refusal: no column to score from (never an index from a column that was not read).
              expect((e as ParError).key).toBe("sheet.noScoreColumn");
              expect(unit.header.columns.self ?? unit.header.columns.appraised).toBeUndefined();
              expect(() => buildSummary(unit, catalog, [])).toThrow(ParError);
              continue;
            }
            for (const f of findings) {
              expect(typeof f.message).toBe("string");
              expect(f.message.length).toBeGreaterThan(0);
              expect(f.cell).toMatch(/^[A-Z]+\d+$/);
            }
            const summary = buildSummary(unit, catalog, findings);
            if (summary.officialIndex !== null) {
              expect(Number.isFinite(summary.officialIndex)).toBe(true);
              expect(summary.officialIndex).toBeLessThanOrEqual(100);
            }
            buildPlan(unit, catalog);
          }
        }
        expect(JSON.stringify(grid, (_k, v) => (v === undefined ? "__undef__" : v))).toBe(before);
      }),
      { numRuns: Number(process.env.FC_NUM_RUNS ?? 300) },
    );
  });

  test("regression: an invalid date in a max cell (found by the property above)", () => {
    const grid: Grid = {
      name: "Có tiêu đề",
      values: [
        ["Đơn vị: Sở Thử"],
        ["Điểm tự chấm", "Điểm tối đa", "Tiêu chí", "Điểm thẩm định", "Kết quả", "TLKC", "Giải trình", "Mã"],
        [false, new Date(NaN), "", 0, new Date(Date.UTC(1990, 0, 1)), false, "Mã", "1"],
      ],
    };
    const unit = findUnitSheets([grid], "tep")[0];
    const findings = validateUnit(unit, province);
    expect(findings.find((f) => f.cell === "B3")?.message).toContain("#VALUE!");
  });

  test("readUnitSheet on an empty grid", () => {
    expect(readUnitSheet({ name: "x", values: [] }, "x")).toBeNull();
  });
});
