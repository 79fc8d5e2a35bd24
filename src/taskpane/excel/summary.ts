/**
 * "Tổng hợp": reads the workbook (workbook.ts: sync 1 sheets, sync 2 data), lets the core decide the summary,
 * plan and ranking sheets, and writes them in one batch (sync 3): the add-in's previous summary, plan and ranking
 * sheets (listed in "_par" and still present) are deleted, the new ones added under the specs' names (made unique
 * against the sheets left: a user's own "Tổng hợp" stays, ours becomes "Tổng hợp (2)"), registered, and the
 * summary activated. Running it twice gives the same sheets.
 */
import { Catalog, findUnitSheets, unitNameFromFile } from "../../scoring";
import { safeSheetName } from "../../scoring/report/sheet-spec";
import { buildWorkbookReports } from "../../scoring/report/workbook-reports";
import { SummaryOutcome } from "../actions";
import { UiLang } from "../i18n";
import { OWNED_SHEET, OwnedEntry, ownedMatrix, queueHiddenWrite } from "./hidden";
import { noUnitSheet, skipText, workbookProtected } from "./messages";
import { ApiSupport } from "./support";
import { readWorkbook, SizeHints } from "./workbook";
import { writeSheet } from "./write";

/** The kinds of sheet "Tổng hợp" regenerates (findings sheets belong to flagging). */
const REGENERATED = new Set(["summary", "plan", "ranking"]);

export async function generateSummary(
  context: Excel.RequestContext,
  catalog: Catalog,
  lang: UiLang,
  supports: ApiSupport,
  hints?: SizeHints,
): Promise<SummaryOutcome> {
  const book = await readWorkbook(context, hints);
  if (book.structureProtected) throw workbookProtected();
  const owned = new Set(book.owned.map((e) => e.name));
  const fallbackUnit = unitNameFromFile(book.workbookName) || (lang === "en" ? "Unit" : "Đơn vị");
  if (findUnitSheets(book.grids, fallbackUnit, owned).length === 0) throw noUnitSheet();
  const reports = buildWorkbookReports(book.grids, { catalog, lang, skip: owned, preferSheet: book.active, fallbackUnit });

  const sheets = context.workbook.worksheets;
  const replaced = book.owned.filter((e) => REGENERATED.has(e.kind));
  for (const e of replaced) sheets.getItem(e.name).delete();
  const taken = book.sheets.map((s) => s.name).filter((n) => !replaced.some((e) => e.name === n));
  const written: OwnedEntry[] = [];
  const skipped = new Set<string>();
  let chart = false;
  let first: Excel.Worksheet | null = null;
  for (const spec of reports.specs) {
    const name = safeSheetName(spec.name, taken);
    taken.push(name);
    const sheet = sheets.add(name);
    first ??= sheet;
    const result = writeSheet(sheet, { ...spec, name }, supports);
    chart ||= result.chart;
    result.skipped.forEach((s) => skipped.add(skipText(s, lang)));
    written.push({ name, kind: spec.kind });
  }
  const registry = [...book.owned.filter((e) => !REGENERATED.has(e.kind)), ...written];
  queueHiddenWrite(context, OWNED_SHEET, book.registryExists, ownedMatrix(registry), true);
  first?.activate();
  await context.sync();

  return {
    sheets: written.map((e) => e.name),
    units: reports.units.length,
    unscored: reports.unscored,
    unit: reports.unit.unit,
    index: reports.summary.officialIndex,
    band: reports.summary.band,
    chart,
    skipped: [...skipped],
  };
}
