/**
 * SheetJS (@e965/xlsx) as the workbook readers use it: its codepage tables are loaded the first time legacy text
 * needs them, not when SheetJS loads (sheetjs-tables.ts).
 */
import { restoreGlobal } from "./sheetjs-tables";
import * as XLSX from "@e965/xlsx";

restoreGlobal();

export = XLSX;
