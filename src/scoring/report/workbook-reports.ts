/**
 * Everything "Tổng hợp" writes for a workbook, decided in the core: for the chosen unit sheet its summary and
 * improvement plan, and with several unit sheets a ranking. Pure: grids in, specs out.
 */
import { Catalog } from "../catalog";
import { Grid } from "../grid";
import { Lang } from "../i18n/messages";
import { UnitSheet } from "../sheet/types";
import { Finding } from "../validate/types";
import { ClassBand, UnitSummary } from "./types";
import { SheetSpec } from "./sheet-spec";

export interface WorkbookReportOptions {
  catalog: Catalog;
  lang?: Lang;
  bands?: ClassBand[];
  /** Sheets not to read as unit sheets (the add-in's own). */
  skip?: ReadonlySet<string>;
  /** The sheet to summarise when it is a unit sheet (else the first unit sheet). */
  preferSheet?: string;
  /** Unit name when a sheet states none (the workbook's file name, or "Đơn vị"). */
  fallbackUnit?: string;
}

export interface WorkbookReports {
  units: UnitSheet[];
  /** The unit summarised. */
  unit: UnitSheet;
  findings: Finding[];
  summary: UnitSummary;
  /** summary, plan, and ranking when units.length > 1 (in that order). */
  specs: SheetSpec[];
}

/** Throws ParError "workbook.noUnitSheet" when no grid is a unit sheet. */
export declare function buildWorkbookReports(grids: Grid[], options: WorkbookReportOptions): WorkbookReports;
