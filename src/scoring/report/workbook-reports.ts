/**
 * Everything "Tổng hợp" writes for a workbook, decided in the core: for the chosen unit sheet its summary and
 * improvement plan, and with several unit sheets a ranking. Pure: grids in, specs out.
 */
import { Catalog } from "../catalog";
import { ParError } from "../errors";
import { Grid } from "../grid";
import { Lang } from "../i18n/messages";
import { hasScores } from "../sheet/scores";
import { UnitSheet } from "../sheet/types";
import { validateUnit } from "../validate";
import { Finding } from "../validate/types";
import { findUnitSheets } from "../workbook";
import { buildPlan } from "./plan";
import { buildRanking } from "./ranking";
import { planSheet, rankingSheets, summarySheet } from "./sheets";
import { buildSummary } from "./summary";
import { ClassBand, UnitSummary } from "./types";
import { isBookkeepingSheet, SheetSpec } from "./sheet-spec";

export interface WorkbookReportOptions {
  catalog: Catalog;
  lang?: Lang;
  /** Class bands; default: the catalogue's own, else A/B/C/D. */
  bands?: ClassBand[];
  /** Sheets not to read as unit sheets (the add-in's own). */
  skip?: ReadonlySet<string>;
  /** The sheet to summarise when it is a unit sheet (else the first unit sheet). */
  preferSheet?: string;
  /** Unit name when a sheet states none (the workbook's file name, or "Đơn vị"). */
  fallbackUnit?: string;
  /** The unit sheets, already read (readWorkbookUnits: hidden sheets left out); default: every grid's. */
  units?: UnitSheet[];
}

export interface WorkbookReports {
  units: UnitSheet[];
  /** The unit summarised. */
  unit: UnitSheet;
  findings: Finding[];
  summary: UnitSummary;
  /** summary, plan, and ranking when more than one unit sheet has scores (in that order). */
  specs: SheetSpec[];
  /** Unit sheets with no score typed or computed yet (e.g. a fresh template): not ranked. */
  unscored: string[];
}

/** Throws ParError "workbook.noUnitSheet" when no grid is a unit sheet. */
export function buildWorkbookReports(grids: Grid[], options: WorkbookReportOptions): WorkbookReports {
  const { catalog } = options;
  const lang = options.lang ?? "vi";
  const bands = options.bands;
  const skip = new Set(options.skip ?? []);
  for (const grid of grids) if (isBookkeepingSheet(grid.name)) skip.add(grid.name);
  const units = options.units ?? findUnitSheets(grids, options.fallbackUnit ?? "Đơn vị", skip);
  if (units.length === 0) {
    const looked = grids.filter((g) => !skip.has(g.name)).map((g) => `"${g.name}"`);
    throw new ParError("workbook.noUnitSheet", { sheets: looked.length > 0 ? looked.join(", ") : "—" });
  }
  const scored = units.filter(hasScores);
  const preferred = units.find((u) => u.sheet === options.preferSheet);
  const unit = (preferred && hasScores(preferred) ? preferred : undefined) ?? scored[0] ?? preferred ?? units[0];
  const findings = validateUnit(unit, catalog, { lang });
  const summary = buildSummary(unit, catalog, findings, { bands });
  const specs = [summarySheet(summary, lang), planSheet(buildPlan(unit, catalog), lang)];
  if (scored.length > 1) {
    const ranked = scored.map((u) => {
      const f = u === unit ? findings : validateUnit(u, catalog, { lang });
      return { summary: u === unit ? summary : buildSummary(u, catalog, f, { bands }), source: u.sheet };
    });
    specs.push(...rankingSheets(buildRanking(ranked, bands), lang));
  }
  return { units, unit, findings, summary, specs, unscored: units.filter((u) => !hasScores(u)).map((u) => u.sheet) };
}
