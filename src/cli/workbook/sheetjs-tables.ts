/**
 * Set up before SheetJS loads (sheetjs.ts imports this first): SheetJS's Node build loads its codepage tables
 * (dist/cpexcel.js, about a fifth of a second of work in every thread, every worker of `par aggregate` included)
 * unless a global `cptable` is defined. The tables serve only legacy text (an .xls's strings in a codepage, .dbf,
 * codepage options), so SheetJS is given tables that load the real ones the first time they are used. sheetjs.ts
 * removes the global again as soon as SheetJS has taken it.
 */
type Tables = { utils: unknown };

let tables: Tables | undefined;

const lazyTables: Tables = {
  get utils() {
    tables ??= require("@e965/xlsx/dist/cpexcel.js") as Tables;
    return tables.utils;
  },
};

const scope = globalThis as { cptable?: unknown };
const hadGlobal = Object.prototype.hasOwnProperty.call(scope, "cptable");
const previous = scope.cptable;
if (!hadGlobal) scope.cptable = lazyTables;

/** Puts the global back as it was (called once SheetJS is loaded). */
export function restoreGlobal(): void {
  if (!hadGlobal) delete scope.cptable;
  else scope.cptable = previous;
}
