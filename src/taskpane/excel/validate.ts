/**
 * "Kiểm tra": reads the active sheet and validates it in the core; changes nothing in the workbook.
 * Sync 1: the sheet's name, its used range and the file name; sync 2: the used range's values and formulas
 * (in blocks beyond the budget, read.ts).
 */
import { Catalog, columnLetters, hasScores, isCatalogSheet, readUnitSheet, unitNameFromFile, validateUnit, a1 } from "../../scoring";
import { Grid } from "../../scoring/grid";
import { Validation } from "../actions";
import { UiLang } from "../i18n";
import { catalogSheetActive, noCriterionRows, noUnitTable } from "./messages";
import { BlockRead, queueUsedRect, readAreas } from "./read";

export interface ActiveSheet {
  grid: Grid;
  workbookName: string;
}

/** The active sheet as a Grid from A1. */
export async function readActiveSheet(context: Excel.RequestContext, log?: BlockRead[]): Promise<ActiveSheet> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  context.workbook.load("name");
  const used = queueUsedRect(sheet);
  await context.sync();
  const [grid] = await readAreas(context, [{ sheet, name: sheet.name, rect: used() }], log);
  return { grid, workbookName: context.workbook.name ?? "" };
}

export async function validateActiveSheet(context: Excel.RequestContext, catalog: Catalog, lang: UiLang, log?: BlockRead[]): Promise<Validation> {
  const { grid, workbookName } = await readActiveSheet(context, log);
  if (isCatalogSheet(grid)) throw catalogSheetActive(grid.name);
  const unit = readUnitSheet(grid, unitNameFromFile(workbookName) || (lang === "en" ? "Unit" : "Đơn vị"));
  if (!unit) throw noUnitTable(grid.name);
  if (unit.rows.length === 0) {
    const codeCol = unit.header.columns.code ?? 0;
    throw noCriterionRows(grid.name, a1(unit.header.row, codeCol), columnLetters(codeCol));
  }
  return {
    sheet: grid.name,
    unit: unit.unit,
    catalogId: catalog.id,
    rows: unit.rows.length,
    scored: hasScores(unit),
    findings: validateUnit(unit, catalog, { lang }),
  };
}
