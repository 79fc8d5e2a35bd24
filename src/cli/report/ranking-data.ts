/**
 * The ranking as data, in a very hidden sheet "_par_data" of the ranking workbook `par aggregate` writes, so that
 * `par report` (and next year's `--previous`) read the figures back exactly, whatever the language of the visible
 * sheets. Listed in "_par" (kind "data"), so PAR Scorer's readers skip it like its other bookkeeping.
 *
 * Layout: row 1 the marker and the format version; then blocks, each a title cell ("#units", "#bands", "#losses"),
 * a row of column keys and its rows, up to a blank row. Numbers are numbers, an unknown value is an empty cell.
 */
import ExcelJS from "exceljs";
import { ClassBand, CriterionLoss, DEFAULT_BANDS, Ranking, RankingEntry, RankingGroup } from "../../scoring";
import { DATA_SHEET } from "../../scoring/report/sheet-spec";
import { WorkbookData } from "../workbook/read";
import { markOwned } from "../xlsx/write";

export const DATA_MARKER = "PAR Scorer — dữ liệu xếp hạng (ranking data)";
const VERSION = 1;

type Value = string | number | null;

const UNIT_KEYS = [
  "group",
  "unit",
  "source",
  "catalogId",
  "officialIndex",
  "selfIndex",
  "appraisedIndex",
  "band",
  "rank",
  "base",
  "survey",
  "bonus",
  "penalty",
  "total",
  "applicableMax",
  "errors",
  "warnings",
  "year",
] as const;
const BAND_KEYS = ["group", "label", "min"] as const;
const LOSS_KEYS = ["catalogId", "code", "name", "units", "points"] as const;

/** What `par report` needs of a ranking: the groups in rank order with their bands, and the criteria lost. */
export interface RankingData {
  ranking: Ranking;
  /** Every criterion some unit lost points on (most units first). */
  losses: CriterionLoss[];
}

/** After a second round (some unit has final scores) the units' block has one more key, last: "finalIndex". */
const FINAL_KEY = "finalIndex";

function unitRow(e: RankingEntry, withFinal: boolean): Value[] {
  const p = e.points;
  const values: Record<(typeof UNIT_KEYS)[number], Value> = {
    group: e.group,
    unit: e.unit,
    source: e.source,
    catalogId: e.catalogId ?? null,
    officialIndex: e.officialIndex,
    selfIndex: e.selfIndex,
    appraisedIndex: e.appraisedIndex,
    band: e.band,
    rank: e.rank,
    base: p?.base ?? null,
    survey: p?.survey ?? null,
    bonus: p?.bonus ?? null,
    penalty: p?.penalty ?? null,
    total: p?.total ?? null,
    applicableMax: p?.applicableMax ?? null,
    errors: e.errors,
    warnings: e.warnings,
    year: e.year ?? null,
  };
  const row: Value[] = UNIT_KEYS.map((k) => values[k]);
  return withFinal ? [...row, e.finalIndex ?? null] : row;
}

/** Adds the very hidden data sheet to a ranking workbook and lists it in "_par". */
export function addRankingData(workbook: ExcelJS.Workbook, data: RankingData): void {
  const ws = workbook.addWorksheet(DATA_SHEET, { state: "veryHidden" });
  const rows: Value[][] = [[DATA_MARKER, VERSION]];
  const block = (title: string, keys: readonly string[], body: Value[][]) => rows.push([title], [...keys], ...body, []);
  const withFinal = data.ranking.groups.some((g) => g.entries.some((e) => e.finalIndex !== undefined));
  block("#units", withFinal ? [...UNIT_KEYS, FINAL_KEY] : UNIT_KEYS, data.ranking.groups.flatMap((g) => g.entries.map((e) => unitRow(e, withFinal))));
  block(
    "#bands",
    BAND_KEYS,
    data.ranking.groups.flatMap((g) => (g.bands ?? data.ranking.bands).map((b) => [g.name, b.label, Number.isFinite(b.min) ? b.min : null])),
  );
  block("#losses", LOSS_KEYS, data.losses.map((l) => [l.catalogId, l.code, l.name, l.units, l.points]));
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== null && value !== "") ws.getCell(r + 1, c + 1).value = value;
    }),
  );
  markOwned(workbook, ws.name, "data");
}

const str = (v: unknown): string | null => (v === null || v === undefined || v === "" ? null : String(v));
const numOrNull = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The rows of a block as records of its keys; [] when the block is missing. */
function readBlock(values: unknown[][], title: string): Record<string, unknown>[] {
  const at = values.findIndex((row) => row?.[0] === title);
  if (at < 0) return [];
  const keys = (values[at + 1] ?? []).map((k) => String(k ?? ""));
  const records: Record<string, unknown>[] = [];
  for (let r = at + 2; r < values.length; r++) {
    const row = values[r] ?? [];
    if (row.every((v) => v === null || v === undefined || v === "")) break;
    records.push(Object.fromEntries(keys.map((k, i) => [k, row[i] ?? null])));
  }
  return records;
}

/** Whether a workbook read holds ranking data. */
export function hasRankingData(data: WorkbookData): boolean {
  const grid = data.grids.find((g) => g.name === DATA_SHEET);
  return grid?.values[0]?.[0] === DATA_MARKER;
}

/** The ranking data of a ranking workbook read, or null when it has none (written before `par report` existed). */
export function readRankingData(data: WorkbookData): RankingData | null {
  const grid = data.grids.find((g) => g.name === DATA_SHEET);
  if (!grid || grid.values[0]?.[0] !== DATA_MARKER) return null;
  const values = grid.values as unknown[][];
  const groups = new Map<string | null, RankingGroup>();
  for (const u of readBlock(values, "#units")) {
    const group = str(u.group);
    let g = groups.get(group);
    if (!g) groups.set(group, (g = { name: group, entries: [] }));
    const total = numOrNull(u.total);
    const finalIndex = numOrNull(u[FINAL_KEY]);
    g.entries.push({
      unit: str(u.unit) ?? "",
      year: numOrNull(u.year),
      catalogId: str(u.catalogId) ?? undefined,
      group,
      source: str(u.source),
      officialIndex: numOrNull(u.officialIndex),
      selfIndex: numOrNull(u.selfIndex),
      appraisedIndex: numOrNull(u.appraisedIndex),
      ...(finalIndex === null ? {} : { finalIndex }),
      rank: numOrNull(u.rank),
      band: str(u.band),
      errors: numOrNull(u.errors) ?? 0,
      warnings: numOrNull(u.warnings) ?? 0,
      ...(total === null
        ? {}
        : {
            points: {
              base: numOrNull(u.base) ?? 0,
              survey: numOrNull(u.survey),
              bonus: numOrNull(u.bonus) ?? 0,
              penalty: numOrNull(u.penalty) ?? 0,
              total,
              applicableMax: numOrNull(u.applicableMax) ?? 0,
            },
          }),
    });
  }
  const bands = new Map<string | null, ClassBand[]>();
  for (const b of readBlock(values, "#bands")) {
    const group = str(b.group);
    const list = bands.get(group) ?? [];
    list.push({ label: str(b.label) ?? "", min: numOrNull(b.min) ?? Number.NEGATIVE_INFINITY });
    bands.set(group, list);
  }
  for (const g of groups.values()) g.bands = bands.get(g.name) ?? DEFAULT_BANDS;
  const list = [...groups.values()];
  const losses: CriterionLoss[] = readBlock(values, "#losses").map((l) => ({
    catalogId: str(l.catalogId) ?? "",
    code: str(l.code) ?? "",
    name: str(l.name) ?? "",
    units: numOrNull(l.units) ?? 0,
    points: numOrNull(l.points) ?? 0,
  }));
  return { ranking: { groups: list, bands: list[0]?.bands ?? DEFAULT_BANDS }, losses };
}
