/**
 * Reading a workbook, as `par` and the task pane both do: which sheets are unit sheets, how every other sheet was
 * read (the sheet ledger: nothing dropped in silence), and which catalogue the units are checked against.
 *
 * - Hidden and very hidden sheets are never read as units unless `includeHidden`; the ledger lists them, saying
 *   when one holds a unit table.
 * - `sheet` names the one sheet to read; the others are listed as "not-selected".
 * - The catalogue: the given one always wins; else a catalogue sheet in the workbook, else the one a unit sheet
 *   names in its title ("Bộ tiêu chí: dien-bien-so"), else the candidate whose criteria fit the sheet both ways —
 *   the share of the sheet's codes the catalogue knows and the share of the catalogue's leaves on the sheet, each
 *   at least 80 %. When none fits, there is no choice and `fits` lists every candidate with both figures
 *   (noCatalogFit says so to the user): a sheet of 15 criteria is never scored against a catalogue of 94.
 * - With several unit sheets, a unit named by nothing on its sheet is named after its tab.
 */
import { builtinCatalogs, Catalog, findNode, leaves, walk } from "./catalog";
import { isAppraisalForm } from "./appraisal/forms";
import { isCatalogSheet, readCatalogSheet, SheetIssue } from "./catalog/sheet";
import { ParError } from "./errors";
import { cellAt, Grid, gridWidth } from "./grid";
import { SheetEntry, SheetReadAs, SheetState } from "./sheet/ledger";
import { prepareUnit, resolveNumbering } from "./sheet/numbering";
import { readUnitSheet } from "./sheet/read";
import { UnitSheet } from "./sheet/types";
import { nfc, nfcGrid } from "./text";
import { fold } from "./values";

/** The least share, both ways, of codes shared by a sheet and a catalogue for the catalogue to be chosen by itself. */
export const FIT_THRESHOLD = 0.8;

/** How one candidate catalogue fits the unit sheets. */
export interface CatalogFit {
  catalog: Catalog;
  /** Distinct codes on the sheets, and how many of them the catalogue knows. */
  matched: number;
  total: number;
  /** The catalogue's leaf criteria, and how many of them are on the sheets. */
  leavesFound: number;
  leaves: number;
  /** |A∩B| / |A∪B| over all codes: the better of two that fit. */
  similarity: number;
}

/** Why a catalogue was chosen for a workbook: said in every report. */
export type CatalogChoice =
  | { how: "given"; catalog: Catalog }
  | { how: "sheet"; catalog: Catalog; sheet: string }
  | { how: "named"; catalog: Catalog; sheet: string }
  /** The candidate that fits best, both ways (CatalogFit). */
  | ({ how: "matched" } & CatalogFit);

export interface WorkbookSheet {
  name: string;
  state: SheetState;
  /** A chart sheet (no cells). */
  chart?: boolean;
  /** A worksheet the host could not read (no grid): its part is missing from the file, or damaged (with why). */
  unreadable?: { reason: "missing" | "damaged" | "not-worksheet"; detail?: string };
}

export interface WorkbookInput {
  /** The worksheets read, in tab order. */
  grids: Grid[];
  /** Every sheet of the workbook in tab order, with its state; default: the grids, all visible. Sheets without a grid (chart sheets, very hidden sheets not read) are listed in the ledger too. */
  sheets?: WorkbookSheet[];
  /** Sheets PAR Scorer generated (its "_par" list) and its bookkeeping sheets. */
  owned?: Iterable<string>;
  /** The unit's name when a sheet states none (the file name, or "Đơn vị"). */
  fallbackUnit: string;
}

export interface ReadingOptions {
  /** Read only this sheet. */
  sheet?: string;
  /** Read hidden and very hidden sheets as units too. */
  includeHidden?: boolean;
  /** The catalogue to use, whatever the workbook says (par --catalog). */
  catalog?: Catalog;
  /**
   * The catalogue in use (the task pane's active one): used unless a catalogue sheet or a title names another, or
   * it does not fit the sheet and another candidate does; it replaces the candidate of its id (the user's copy,
   * e.g. with points).
   */
  active?: Catalog;
  /** The catalogues to choose from (default: the built-in ones). */
  candidates?: Catalog[];
}

export interface WorkbookReading {
  /** Unit sheets, each with its numbering resolved against the chosen catalogue and a column to score from. */
  units: UnitSheet[];
  /** Unit sheets as found, before the catalogue (when no catalogue could be chosen, these are all there is). */
  found: UnitSheet[];
  /** One entry per sheet of the workbook, in tab order. */
  sheets: SheetEntry[];
  /** Null when no catalogue could be chosen (see fits) or there is no unit sheet. */
  choice: CatalogChoice | null;
  /** Every candidate's fit, best first, when the catalogue was to be chosen by fit. */
  fits: CatalogFit[];
  /** Problems of a catalogue sheet in the workbook (the sheet is then not used). */
  catalogIssues: SheetIssue[];
  /** Unit sheets with a criteria table but no column to score from (with the error saying so). */
  rejected: { sheet: string; error: ParError }[];
  /** Hidden sheets that hold a unit table (read with includeHidden). */
  hiddenUnits: string[];
}

const APPENDIX_WORDS = ["tai lieu kiem chung", "phu luc", "danh muc tlkc", "tlkc", "minh chung"];
const INSTRUCTION_WORDS = ["huong dan", "instructions", "ghi chu cach dien"];
const COVER_WORDS = ["bia", "trang bia", "cover"];

const isEmptyGrid = (grid: Grid) => grid.values.every((row) => !row || row.every((v) => v === null || v === undefined || v === ""));

/** The first texts of a sheet (its top rows), folded, for telling an appendix from other text. */
function topText(grid: Grid, rows = 5): string {
  const out: string[] = [];
  const width = Math.min(gridWidth(grid), 12);
  for (let r = 0; r < Math.min(rows, grid.values.length); r++) {
    for (let c = 0; c < width; c++) {
      const v = cellAt(grid, r, c);
      if (typeof v === "string") out.push(fold(v));
    }
  }
  return out.join(" | ");
}

/** What a sheet that is not a unit sheet is, by its name or its first lines. */
function otherKind(grid: Grid): SheetReadAs {
  const name = fold(grid.name).trim();
  const top = topText(grid);
  if (APPENDIX_WORDS.some((w) => name.includes(w)) || /^(tai lieu kiem chung|phu luc|danh muc (tai lieu|tlkc))/.test(top)) return "appendix";
  if (INSTRUCTION_WORDS.some((w) => name.includes(w)) || /^huong dan/.test(top)) return "instructions";
  if (COVER_WORDS.includes(name)) return "cover";
  return "not-understood";
}

/** A unit sheet: criterion rows were read, or the table is there but its code column only counts rows (refused later, saying so). */
const hasRows = (unit: UnitSheet) => unit.rows.length > 0 || (unit.alternative?.rows.length ?? 0) > 0 || unit.codeless !== undefined;

/**
 * How well a catalogue fits the unit sheets, both ways: distinct codes of the sheets (each read with the numbering
 * that fits this catalogue best) the catalogue knows, and the catalogue's leaves found on the sheets.
 */
export function catalogFit(catalog: Catalog, units: UnitSheet[]): CatalogFit {
  const codes = new Set(units.flatMap((u) => resolveNumbering(u, catalog).rows.map((r) => r.code)));
  let matched = 0;
  for (const code of codes) if (findNode(catalog, code)) matched++;
  const all = walk(catalog.nodes).length;
  const union = codes.size + all - matched;
  const leafCodes = leaves(catalog).map((n) => n.code);
  const leavesFound = leafCodes.filter((c) => codes.has(c)).length;
  return { catalog, matched, total: codes.size, leavesFound, leaves: leafCodes.length, similarity: union > 0 ? matched / union : 0 };
}

/** Whether a catalogue fits the sheets well enough to be chosen without being named. */
export const fits = (f: CatalogFit): boolean =>
  f.total > 0 && f.leaves > 0 && f.matched / f.total >= FIT_THRESHOLD && f.leavesFound / f.leaves >= FIT_THRESHOLD;

/** Distinct codes of the sheets, how many the catalogue knows, and the overlap |A∩B| / |A∪B|. */
export function codeOverlap(catalog: Catalog, units: UnitSheet[]): { matched: number; total: number; similarity: number } {
  const { matched, total, similarity } = catalogFit(catalog, units);
  return { matched, total, similarity };
}

/** The catalogue a catalogue sheet of the workbook gives, or the one a unit sheet names (among `known`). */
function namedCatalog(grids: Grid[], units: UnitSheet[], known: Catalog[]): { choice: CatalogChoice | null; issues: SheetIssue[] } {
  const issues: SheetIssue[] = [];
  for (const grid of grids) {
    if (!isCatalogSheet(grid)) continue;
    const read = readCatalogSheet(grid);
    issues.push(...read.issues);
    if (read.catalog) return { choice: { how: "sheet", catalog: read.catalog, sheet: grid.name }, issues };
  }
  for (const unit of units) {
    const ref = unit.catalogRef?.trim();
    const catalog = ref ? known.find((c) => c.id === ref) : undefined;
    if (catalog) return { choice: { how: "named", catalog, sheet: unit.sheet }, issues };
  }
  return { choice: null, issues };
}

/** The candidates, the active catalogue (if any) first in place of the built-in of its id. */
function candidateList(options: ReadingOptions): Catalog[] {
  const base = options.candidates ?? builtinCatalogs();
  const active = options.active;
  return active ? [active, ...base.filter((c) => c.id !== active.id)] : base;
}

/**
 * The catalogue a workbook's units are checked against (see the module's comment). `fits` lists the candidates'
 * fits, best first, when the choice was to be made by fit.
 */
export function chooseCatalogFor(
  grids: Grid[],
  units: UnitSheet[],
  options: ReadingOptions = {},
): { choice: CatalogChoice | null; fits: CatalogFit[]; issues: SheetIssue[] } {
  if (options.catalog) return { choice: { how: "given", catalog: options.catalog }, fits: [], issues: [] };
  const candidates = candidateList(options);
  const named = namedCatalog(grids, units, candidates);
  if (named.choice) return { ...named, fits: [] };
  const all = candidates.map((c) => catalogFit(c, units));
  const ranked = [...all].sort((a, b) => b.similarity - a.similarity);
  const active = options.active;
  // The active catalogue while it fits; else the candidate that does (the pane offers to switch); else still the active one.
  if (active && fits(all[0])) return { choice: { how: "given", catalog: active }, fits: ranked, issues: named.issues };
  const best = ranked.find(fits);
  if (!best && active) return { choice: { how: "given", catalog: active }, fits: ranked, issues: named.issues };
  return { choice: best ? { how: "matched", ...best } : null, fits: ranked, issues: named.issues };
}

/**
 * The catalogue for a workbook when the user names none (kept for callers of the earlier API): a catalogue sheet,
 * else the one a unit sheet names, else the built-in one that fits best both ways.
 */
export function chooseCatalog(grids: Grid[], units: UnitSheet[]): { choice: CatalogChoice | null; issues: SheetIssue[] } {
  const { choice, issues } = chooseCatalogFor(grids, units);
  return { choice, issues };
}

/** "Không chọn được bộ tiêu chí …": every candidate with both shares, and what to do. */
export function noCatalogFit(fitsList: CatalogFit[], where: string): ParError {
  const shown = fitsList.filter((f) => f.matched > 0);
  const list = (shown.length > 0 ? shown : fitsList).slice(0, 6);
  return new ParError("reading.noCatalogFit", {
    where,
    threshold: `${Math.round(FIT_THRESHOLD * 100)}%`,
    candidates:
      list
        .map((f) => `${f.catalog.id} ${f.matched}/${f.total} — ${f.leavesFound}/${f.leaves}`)
        .join("; ") || "—",
  });
}

/** Sheets that are PAR Scorer's bookkeeping ("_par", "_par_flags", "_par_data"). */
const isBookkeeping = (name: string) => name.startsWith("_par");

/** Reads a workbook: its unit sheets, the ledger of every sheet, the catalogue (see the module's comment). */
export function readWorkbookUnits(input: WorkbookInput, options: ReadingOptions = {}): WorkbookReading {
  // Texts enter the core here: cells (and the file name a unit may be named by) in NFC; sheet names as the host has them.
  input = { ...input, grids: input.grids.map(nfcGrid), fallbackUnit: nfc(input.fallbackUnit) };
  const owned = new Set(input.owned ?? []);
  const gridOf = new Map(input.grids.map((g) => [g.name, g]));
  const sheets: WorkbookSheet[] = input.sheets ?? input.grids.map((g) => ({ name: g.name, state: "visible" as SheetState }));
  const entries: SheetEntry[] = [];
  const found: UnitSheet[] = [];
  const hiddenUnits: string[] = [];
  // A unit named by nothing on its sheet gets the fallback name; with several unit sheets, its tab's name instead.
  const fallbacks = new Set<UnitSheet>();
  let otherUnits = 0;
  for (const info of sheets) {
    const entry = (readAs: SheetReadAs, note?: SheetEntry["note"]) => entries.push({ sheet: info.name, state: info.state, readAs, ...(note ? { note } : {}) });
    const grid = gridOf.get(info.name);
    if (info.unreadable && !grid) {
      entry("unreadable", { key: `ledger.sheet.unreadable.${info.unreadable.reason}`, params: { detail: info.unreadable.detail ?? "" } });
      continue;
    }
    if (grid && !isBookkeeping(info.name) && isCatalogSheet(grid)) {
      entry("catalogue");
      continue;
    }
    if (owned.has(info.name) || isBookkeeping(info.name)) {
      entry("generated");
      continue;
    }
    if (grid && isAppraisalForm(grid)) {
      entry("appraisal-form");
      continue;
    }
    if (info.chart) {
      entry("chart");
      continue;
    }
    if (!grid) {
      entry(info.state === "visible" ? "empty" : "hidden");
      continue;
    }
    if (options.sheet !== undefined && info.name !== options.sheet) {
      entry("not-selected");
      const other = (info.state === "visible" || options.includeHidden) && !isEmptyGrid(grid) ? readUnitSheet(grid, input.fallbackUnit) : null;
      if (other && hasRows(other)) otherUnits++;
      continue;
    }
    const hidden = info.state !== "visible" && !options.includeHidden && options.sheet !== info.name;
    if (isEmptyGrid(grid)) {
      entry(hidden ? "hidden" : "empty");
      continue;
    }
    const unit = readUnitSheet(grid, input.fallbackUnit);
    if (unit && hasRows(unit)) {
      if (hidden) {
        hiddenUnits.push(info.name);
        entry("hidden", { key: "ledger.sheet.hiddenUnit", params: { state: info.state } });
        continue;
      }
      found.push(unit);
      if (unit.unit === input.fallbackUnit) fallbacks.add(unit);
      entry("unit");
      continue;
    }
    if (hidden) {
      entry("hidden");
      continue;
    }
    const kind = otherKind(grid);
    if (kind === "not-understood" && unit) entry(kind, { key: "ledger.sheet.noCodes", params: { row: unit.header.row + 1 } });
    else entry(kind);
  }
  if (found.length + otherUnits > 1) {
    for (const unit of fallbacks) unit.unit = unit.sheet;
  }
  // A catalogue sheet anywhere in the workbook (hidden or not, named by --sheet or not) gives the catalogue.
  const catalogGrids = input.grids.filter((g) => !isBookkeeping(g.name));
  // A sheet whose code column only counts rows has no code to choose a catalogue by: refused, saying where it looked.
  const coded = found.filter((u) => u.codeless === undefined);
  const units: UnitSheet[] = [];
  const rejected: { sheet: string; error: ParError }[] = [];
  for (const unit of found) {
    if (unit.codeless === undefined) continue;
    rejected.push({ sheet: unit.sheet, error: new ParError("sheet.noCodes", { sheet: unit.sheet, header: unit.codeless.header, columns: unit.codeless.looked.join(", ") }) });
  }
  const chosen = coded.length > 0 || options.catalog ? chooseCatalogFor(catalogGrids, coded, options) : { choice: null, fits: [], issues: [] };
  if (chosen.choice) {
    for (const unit of coded) {
      try {
        units.push(prepareUnit(unit, chosen.choice.catalog));
      } catch (e) {
        if (!(e instanceof ParError)) throw e;
        rejected.push({ sheet: unit.sheet, error: e });
      }
    }
  }
  for (const r of rejected) {
    const e = entries.find((x) => x.sheet === r.sheet);
    if (e) e.note = { key: "ledger.sheet.noScoreColumn" };
  }
  for (const unit of units) {
    const e = entries.find((x) => x.sheet === unit.sheet);
    if (e && !e.note) e.note = { key: "ledger.sheet.unitNote", params: { unit: unit.unit, rows: unit.rows.length } };
  }
  return { units, found, sheets: entries, choice: chosen.choice, fits: chosen.fits, catalogIssues: chosen.issues, rejected, hiddenUnits };
}
