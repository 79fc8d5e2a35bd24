/**
 * "Tổng hợp": reads the workbook (workbook.ts: sync 1 the sheets, protection and the top of the active sheet,
 * sync 2 the rest), lets the core decide the summary, plan and ranking sheets, and writes them (sync 3 for sheets
 * of ordinary size). A workbook whose structure is protected is refused after sync 1. The bookkeeping goes first:
 * the add-in's previous summary, plan and ranking sheets (listed in "_par" and still present) are deleted, the new
 * ones added under the specs' names (made unique against the sheets left: a user's own "Tổng hợp" stays, ours
 * becomes "Tổng hợp (2)") and registered, then written, and the summary activated. Running it twice gives the
 * same sheets.
 */
import { builtinCatalogs, Catalog, readWorkbookUnits, unitNameFromFile, WorkbookSheet } from "../../scoring";
import { ChartIntent, safeSheetName } from "../../scoring/report/sheet-spec";
import { buildWorkbookReports } from "../../scoring/report/workbook-reports";
import { SummaryOutcome } from "../actions";
import { UiLang } from "../i18n";
import { hiddenWriteStep, OWNED_SHEET, OwnedEntry, registryMatrix } from "./hidden";
import { noUnitSheet, skipText } from "./messages";
import { ACTION_BYTES } from "./payload";
import { runSteps, Step } from "./steps";
import { ApiSupport } from "./support";
import { readWorkbook, SizeHints } from "./workbook";
import { sheetSteps } from "./write";

/** The kinds of sheet "Tổng hợp" regenerates (findings sheets belong to flagging). */
const REGENERATED = new Set(["summary", "plan", "ranking"]);

export async function generateSummary(
  context: Excel.RequestContext,
  catalog: Catalog,
  lang: UiLang,
  supports: ApiSupport,
  hints?: SizeHints,
): Promise<SummaryOutcome> {
  const book = await readWorkbook(context, { supports, hints, refuseProtected: true });
  const owned = new Set(book.owned.map((e) => e.name));
  const fallbackUnit = unitNameFromFile(book.workbookName) || (lang === "en" ? "Unit" : "Đơn vị");
  // The same reading as par's: hidden sheets are not units, the catalogue is the active one unless the workbook names another.
  const sheetList: WorkbookSheet[] = book.sheets.map((s) => ({ name: s.name, state: s.visibility === "VeryHidden" ? "veryHidden" : s.visibility === "Hidden" ? "hidden" : "visible" }));
  const reading = readWorkbookUnits({ grids: book.grids, sheets: sheetList, owned, fallbackUnit }, { active: catalog, candidates: builtinCatalogs() });
  if (reading.found.length === 0) throw noUnitSheet();
  const chosen = reading.choice?.catalog ?? catalog;
  const reports = buildWorkbookReports(book.grids, { catalog: chosen, lang, skip: owned, preferSheet: book.active, fallbackUnit, units: reading.found });

  const sheets = context.workbook.worksheets;
  const replaced = book.owned.filter((e) => REGENERATED.has(e.kind)).map((e) => e.name);
  const taken = book.sheets.map((s) => s.name).filter((n) => !replaced.includes(n));
  const renamed = new Map<string, string>();
  const named = reports.specs.map((spec) => {
    const name = safeSheetName(spec.name, taken);
    taken.push(name);
    renamed.set(spec.name, name);
    return { ...spec, name };
  });
  // A sheet of charts draws from another generated sheet: under that sheet's name as written.
  const specs = named.map((spec) => {
    const fix = (c: ChartIntent): ChartIntent => (c.dataSheet ? { ...c, dataSheet: renamed.get(c.dataSheet) ?? c.dataSheet } : c);
    return { ...spec, ...(spec.chart ? { chart: fix(spec.chart) } : {}), ...(spec.charts ? { charts: spec.charts.map(fix) } : {}) };
  });
  const written: OwnedEntry[] = specs.map((s) => ({ name: s.name, kind: s.kind }));
  const registry = { ...book.registry, owned: [...book.owned.filter((e) => !REGENERATED.has(e.kind)), ...written] };

  const steps: Step[] = [
    {
      request: (replaced.length + specs.length) * 2 * ACTION_BYTES,
      response: 0,
      queue: () => {
        for (const name of replaced) sheets.getItem(name).delete();
        for (const spec of specs) sheets.add(spec.name);
      },
    },
    hiddenWriteStep(context, OWNED_SHEET, book.registryExists, registryMatrix(registry)),
  ];
  // The registry "_par" is very hidden: it is never moved (Excel refuses to move a very hidden sheet).
  const skipped = new Set<string>();
  let chart = false;
  for (const spec of specs) {
    const { steps: writing, result } = sheetSteps(() => sheets.getItem(spec.name), spec, supports);
    steps.push(...writing);
    chart ||= result.chart;
    result.skipped.forEach((s) => skipped.add(skipText(s, lang)));
  }
  if (specs.length > 0) steps.push({ request: 2 * ACTION_BYTES, response: 0, queue: () => sheets.getItem(specs[0].name).activate() });
  await runSteps(context, steps);

  return {
    sheets: written.map((e) => e.name),
    units: reports.units.length,
    unscored: reports.unscored,
    unit: reports.unit.unit,
    index: reports.summary.officialIndex,
    band: reports.summary.band,
    ...(reports.summary.finalIndex !== undefined
      ? { rounds: { self: reports.summary.selfIndex, round1: reports.summary.appraisedIndex, final: reports.summary.finalIndex } }
      : {}),
    chart,
    skipped: [...skipped],
  };
}
