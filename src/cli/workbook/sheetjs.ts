/**
 * SheetJS (@e965/xlsx) as the workbook readers use it: its codepage tables are loaded the first time legacy text
 * needs them, not when SheetJS loads (sheetjs-tables.ts).
 */
import { restoreGlobal } from "./sheetjs-tables";

// Re-exported (not `export =`, which an ES module cannot hold: the CLI's bundle is built from ES modules).
export * from "@e965/xlsx";

restoreGlobal();
