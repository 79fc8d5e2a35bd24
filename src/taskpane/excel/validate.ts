/**
 * "Kiểm tra": reads the active sheet and validates it in the core; changes nothing in the workbook.
 * Sync 1: the sheet's name, its used range and the file name; then its values and formulas (one sync up to
 * about 4 MB, in blocks beyond, read.ts), with its merged areas in the first of them.
 */
import {
  a1,
  builtinCatalogs,
  Catalog,
  columnLetters,
  EvidenceDocument,
  hasScores,
  isAppraisalForm,
  isCatalogSheet,
  ParError,
  readingLedger,
  readUnitSheet,
  readWorkbookUnits,
  unitNameFromFile,
  validateUnit,
  validateWithEvidence,
} from "../../scoring";
import { Grid } from "../../scoring/grid";
import { EvidenceCheck, Validation } from "../actions";
import { UiLang } from "../i18n";
import { appraisalFormActive, catalogSheetActive, noCriterionRows, noUnitTable } from "./messages";
import { BlockRead, queueUsedRect, readAreas } from "./read";
import { API, ApiSupport } from "./support";

export interface ActiveSheet {
  grid: Grid;
  workbookName: string;
}

/** The active sheet as a Grid from A1, with its merged areas where this Excel can tell them. */
export async function readActiveSheet(context: Excel.RequestContext, supports: ApiSupport, log?: BlockRead[]): Promise<ActiveSheet> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  context.workbook.load("name");
  const used = queueUsedRect(sheet);
  await context.sync();
  const [read] = await readAreas(context, [{ sheet, name: sheet.name, rect: used() }], { merges: supports(API.merges), log });
  return { grid: read.grid, workbookName: context.workbook.name ?? "" };
}

export async function validateActiveSheet(
  context: Excel.RequestContext,
  catalog: Catalog,
  lang: UiLang,
  supports: ApiSupport,
  log?: BlockRead[],
): Promise<Validation> {
  const { grid, workbookName } = await readActiveSheet(context, supports, log);
  if (isCatalogSheet(grid)) throw catalogSheetActive(grid.name);
  if (isAppraisalForm(grid)) throw appraisalFormActive(grid.name);
  const fallbackUnit = unitNameFromFile(workbookName) || (lang === "en" ? "Unit" : "Đơn vị");
  const raw = readUnitSheet(grid, fallbackUnit);
  if (!raw) throw noUnitTable(grid.name);
  if (raw.rows.length === 0 && (raw.alternative?.rows.length ?? 0) === 0) {
    const codeCol = raw.header.columns.code ?? 0;
    throw noCriterionRows(grid.name, a1(raw.header.row, codeCol), columnLetters(codeCol));
  }
  // The same reading as par's: the active catalogue, unless the sheet names another (then that one, said).
  const reading = readWorkbookUnits({ grids: [grid], fallbackUnit }, { active: catalog, candidates: builtinCatalogs() });
  const chosen = reading.choice?.catalog ?? catalog;
  if (reading.rejected.length > 0) throw reading.rejected[0].error;
  const unit = reading.units[0] ?? raw;
  const switchTo = chosen.id !== catalog.id ? chosen : undefined;
  const named = reading.choice?.how === "named" || reading.choice?.how === "sheet";
  return {
    sheet: grid.name,
    unit: unit.unit,
    catalogId: chosen.id,
    rows: unit.rows.length,
    scored: hasScores(unit),
    findings: validateUnit(unit, chosen, { lang }),
    ...(switchTo
      ? { switchTo, switchNote: new ParError(named ? "reading.catalogNamed" : "reading.catalogFits", { sheet: grid.name, named: `${switchTo.id} — ${switchTo.name}`, active: `${catalog.id} — ${catalog.name}` }).text(lang) }
      : {}),
    reading: readingLedger(reading.sheets, reading.units.length > 0 ? reading.units : [unit]),
  };
}

const EVIDENCE_KINDS = new Set(["evidence-not-found", "evidence-mismatch", "evidence-out-of-period", "evidence-unreadable", "evidence-invalid"]);

/** "Kiểm tra tài liệu": the active sheet validated with the chosen documents; only the evidence findings are kept. */
export async function checkActiveSheetEvidence(
  context: Excel.RequestContext,
  catalog: Catalog,
  lang: UiLang,
  supports: ApiSupport,
  documents: EvidenceDocument[],
): Promise<EvidenceCheck> {
  const { grid, workbookName } = await readActiveSheet(context, supports);
  if (isCatalogSheet(grid)) throw catalogSheetActive(grid.name);
  const unit = readUnitSheet(grid, unitNameFromFile(workbookName) || (lang === "en" ? "Unit" : "Đơn vị"));
  if (!unit) throw noUnitTable(grid.name);
  const { findings, matches } = validateWithEvidence(unit, catalog, { lang, evidence: { grids: [grid], documents } });
  const used = new Set(matches.filter((m) => m.status !== "not-found" && m.file !== null).map((m) => m.file));
  return {
    sheet: grid.name,
    findings: findings.filter((f) => EVIDENCE_KINDS.has(f.kind)),
    matches,
    uncited: documents.filter((d) => !used.has(d.name)).map((d) => d.name),
  };
}
