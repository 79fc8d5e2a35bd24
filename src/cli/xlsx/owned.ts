import { WorkbookData, OWNED_SHEET } from "./read";

/** Sheets PAR Scorer generated (listed in the very hidden "_par" sheet, column A from row 2) and "_par" itself. */
export function ownedSheetNames(data: WorkbookData): string[] {
  const list = data.grids.find((g) => g.name === OWNED_SHEET);
  if (!list) return [];
  const names = list.values.slice(1).map((row) => row[0]).filter((v): v is string => typeof v === "string" && v.trim() !== "");
  return [OWNED_SHEET, ...names];
}
