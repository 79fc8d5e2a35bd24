import fc from "fast-check";
import { parseCatalog } from "../../src/scoring";
import { RowIndex } from "../../src/scoring/sheet/row-index";
import { rowsByCode } from "../../src/scoring/sheet/scores";
import { UnitRow, UnitSheet } from "../../src/scoring/sheet/types";

/* RowIndex stands for rowsByCode's Map in validation (issue 22): the same rows for every code, in the same order. */

const catalog = parseCatalog(
  {
    id: "thu",
    name: "Bộ thử",
    nodes: [
      { code: "1", name: "Một", children: [{ code: "1.1", name: "Một một", max: 1 }, { code: "1.2", name: "Một hai", max: 1 }] },
      { code: "2", name: "Hai", children: [{ code: "2.1", name: "Hai một", max: 1 }] },
    ],
  },
  "thu.json",
);

const CODES = ["1", "1.1", "1.2", "2", "2.1", "1.3", "3", "9.9.9", "1.10"];

function unitOf(codes: string[]): UnitSheet {
  const rows = codes.map((code, i) => ({ row: i + 3, code }) as unknown as UnitRow);
  return { rows } as unknown as UnitSheet;
}

describe("RowIndex", () => {
  it("is rowsByCode's Map: size, get, has, and every way of going through it, in order", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...CODES), { maxLength: 30 }), (codes) => {
        const unit = unitOf(codes);
        const map = rowsByCode(unit);
        const index = new RowIndex(unit, catalog);
        expect(index.size).toBe(map.size);
        for (const code of [...CODES, "4", ""]) {
          expect(index.get(code)).toBe(map.get(code));
          expect(index.has(code)).toBe(map.has(code));
        }
        expect([...index]).toEqual([...map]);
        expect([...index.entries()]).toEqual([...map.entries()]);
        expect([...index.keys()]).toEqual([...map.keys()]);
        expect([...index.values()]).toEqual([...map.values()]);
        const seen: Array<[string, UnitRow]> = [];
        index.forEach((row, code, self) => {
          expect(self).toBe(index);
          seen.push([code, row]);
        });
        expect(seen).toEqual([...map]);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps the first of two rows with one code, known to the catalogue or not", () => {
    const unit = unitOf(["1.1", "7.7", "1.1", "7.7"]);
    const index = new RowIndex(unit, catalog);
    expect(index.get("1.1")).toBe(unit.rows[0]);
    expect(index.get("7.7")).toBe(unit.rows[1]);
    expect(index.size).toBe(2);
  });
});
