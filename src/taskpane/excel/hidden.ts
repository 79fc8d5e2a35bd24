/**
 * The add-in's very hidden bookkeeping sheets: "_par" lists the sheets it generated (as the CLI's writer does:
 * column A the sheet's name, column B its kind, rows from 2), "_par_flags" remembers what flagging changed.
 * Each is read with one load of its used range and rewritten whole (it is small).
 */
import { OWNED_SHEET, OWNED_SHEET_HEADER } from "../../scoring/report/sheet-spec";
import { textInput } from "./write";

export { OWNED_SHEET };
export const OWNED_HEADER = OWNED_SHEET_HEADER;

export interface OwnedEntry {
  name: string;
  kind: string;
}

/** Registry rows (below the header), blank rows skipped. */
export function parseOwned(values: unknown[][]): OwnedEntry[] {
  return values
    .slice(1)
    .filter((row) => typeof row[0] === "string" && row[0] !== "")
    .map((row) => ({ name: String(row[0]), kind: String(row[1] ?? "") }));
}

export function ownedMatrix(entries: OwnedEntry[]): (string | number | boolean)[][] {
  return [OWNED_HEADER, ...entries.map((e) => [e.name, e.kind, ""])];
}

/** Queues the load of a hidden sheet known to exist; call the result after the sync for its rows. */
export function queueHiddenRead(context: Excel.RequestContext, name: string): () => unknown[][] {
  const used = context.workbook.worksheets.getItem(name).getUsedRange(true);
  used.load("values");
  return () => used.values;
}

/**
 * Queues the rewrite of a hidden sheet with `matrix` (its header first): created very hidden when missing, deleted
 * when nothing is left below the header. Strings are written as text (textInput). With `last`, the sheet is made
 * anew after the sheets added in the same batch, so regenerating them leaves the tab order as it was.
 */
export function queueHiddenWrite(
  context: Excel.RequestContext,
  name: string,
  exists: boolean,
  matrix: (string | number | boolean)[][],
  last = false,
): void {
  const sheets = context.workbook.worksheets;
  if (matrix.length <= 1 || (exists && last)) {
    if (exists) sheets.getItem(name).delete();
    if (matrix.length <= 1) return;
    exists = false;
  }
  let sheet: Excel.Worksheet;
  if (exists) {
    sheet = sheets.getItem(name);
    sheet.getRange().clear("Contents");
  } else {
    sheet = sheets.add(name);
    sheet.visibility = "VeryHidden";
  }
  const width = matrix.reduce((w, row) => Math.max(w, row.length), 0);
  sheet.getRangeByIndexes(0, 0, matrix.length, width).values = matrix.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const v = row[c] ?? "";
      return typeof v === "string" ? textInput(v) : v;
    }),
  );
}
