/**
 * The first row of each code of a unit's sheet, as rowsByCode gives it (a Map in sheet order), for validation: the
 * catalogue's codes are numbered once per catalogue, so a sheet's rows go into an array by number instead of a new
 * Map of ten thousand codes for every sheet (building one cost more than all the lookups made in it).
 */
import { Catalog, catalogNodes } from "../catalog";
import { UnitRow, UnitSheet } from "./types";

const numbering = new WeakMap<Catalog, Map<string, number>>();

/** Each code of the catalogue and its number (0, 1, 2… in catalogue order), made once per catalogue. */
function codeNumbers(catalog: Catalog): Map<string, number> {
  let numbers = numbering.get(catalog);
  if (!numbers) {
    numbers = new Map();
    for (const node of catalogNodes(catalog)) if (!numbers.has(node.code)) numbers.set(node.code, numbers.size);
    numbering.set(catalog, numbers);
  }
  return numbers;
}

export class RowIndex implements ReadonlyMap<string, UnitRow> {
  private readonly numbers: Map<string, number>;
  /** Rows by their code's number in the catalogue. */
  private readonly byNumber: Array<UnitRow | undefined>;
  /** Rows whose code the catalogue does not have. */
  private readonly unknown = new Map<string, UnitRow>();
  /** The first row of each code, in sheet order: the order a Map built from the rows iterates in. */
  private readonly first: UnitRow[] = [];

  constructor(unit: UnitSheet, catalog: Catalog) {
    this.numbers = codeNumbers(catalog);
    this.byNumber = new Array<UnitRow | undefined>(this.numbers.size);
    for (const row of unit.rows) {
      const n = this.numbers.get(row.code);
      if (n !== undefined) {
        if (this.byNumber[n] !== undefined) continue;
        this.byNumber[n] = row;
      } else {
        if (this.unknown.has(row.code)) continue;
        this.unknown.set(row.code, row);
      }
      this.first.push(row);
    }
  }

  get size(): number {
    return this.first.length;
  }

  get(code: string): UnitRow | undefined {
    const n = this.numbers.get(code);
    return n !== undefined ? this.byNumber[n] : this.unknown.get(code);
  }

  has(code: string): boolean {
    return this.get(code) !== undefined;
  }

  forEach(callback: (row: UnitRow, code: string, map: ReadonlyMap<string, UnitRow>) => void, thisArg?: unknown): void {
    for (const row of this.first) callback.call(thisArg, row, row.code, this);
  }

  *entries(): MapIterator<[string, UnitRow]> {
    for (const row of this.first) yield [row.code, row];
  }

  *keys(): MapIterator<string> {
    for (const row of this.first) yield row.code;
  }

  *values(): MapIterator<UnitRow> {
    yield* this.first;
  }

  [Symbol.iterator](): MapIterator<[string, UnitRow]> {
    return this.entries();
  }
}
