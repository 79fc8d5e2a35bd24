import { Catalog, findNode, leaves, nodePart } from "../catalog";
import { ParError } from "../errors";
import { applyBands, othersOutside, placeSections } from "./assemble";
import { frameEntries, ledgerOf } from "./ledger-build";
import { RowEntry } from "./ledger";
import { UnitRow, UnitSheet } from "./types";

/** How well rows fit a catalogue: codes it knows, less codes it does not know and codes repeated. */
function fit(rows: UnitRow[], catalog: Catalog): number {
  const seen = new Set<string>();
  let score = 0;
  for (const row of rows) {
    if (seen.has(row.code)) score--;
    else if (findNode(catalog, row.code)) score++;
    else score--;
    seen.add(row.code);
  }
  return score;
}

/**
 * The unit read with the numbering that fits the catalogue better (see UnitSheet.alternative): the relative
 * reading of "I, 1, 2, a, b" wins only when it fits strictly better than the codes as written. Idempotent.
 */
export function resolveNumbering(unit: UnitSheet, catalog: Catalog): UnitSheet {
  const other = unit.alternative;
  if (!other) return unit;
  // A band row marked "a)" reads as a sub-criterion relatively; unless the catalogue has that code, it is a band.
  const bandRows = new Set((unit.others ?? []).filter((o) => o.kind === "band").map((o) => o.row));
  const clean = (rows: UnitRow[]) => (bandRows.size === 0 ? rows : rows.filter((r) => !bandRows.has(r.row) || findNode(catalog, r.code)));
  const otherRows = clean(other.rows);
  if (fit(otherRows, catalog) <= fit(unit.rows, catalog)) return unit;
  return {
    ...unit,
    rows: otherRows,
    numbering: other.numbering,
    alternative: { numbering: unit.numbering, rows: unit.rows },
    others: othersOutside(unit, otherRows),
  };
}

/** Header texts accepted for a score column, as users write them (for messages). */
export const SCORE_HEADERS = [
  "Điểm tự chấm",
  "Điểm tự đánh giá",
  "Tự đánh giá",
  "Điểm thẩm định",
  "Thẩm định",
  "Hội đồng thẩm định",
  "SNV đánh giá",
];

/**
 * A sheet is scored from its self-score or appraised column. Without either, its value column can stand in only
 * when the catalogue has a rule for every leaf (each score is then computed, none assumed 0); otherwise reading it
 * would give an index from a column that was never read: a ParError naming the headers found and those accepted.
 */
export function requireScoreColumn(unit: UnitSheet, catalog: Catalog): void {
  const { columns, found } = unit.header;
  if (columns.self !== undefined || columns.appraised !== undefined) return;
  if (columns.value !== undefined && leaves(catalog).every((leaf) => leaf.rule || nodePart(catalog, leaf.code).survey)) return;
  const headers = found.map((h) => `"${h.text}" (${h.cell})`).join(", ");
  throw new ParError("sheet.noScoreColumn", {
    sheet: unit.sheet,
    headers: headers || "—",
    accepted: SCORE_HEADERS.map((h) => `"${h}"`).join(", "),
  });
}

/** A code column that is a running counter, with no code in the names either: refused, naming where it looked. */
function requireCodes(unit: UnitSheet): void {
  if (!unit.codeless) return;
  throw new ParError("sheet.noCodes", { sheet: unit.sheet, header: unit.codeless.header, columns: unit.codeless.looked.join(", ") });
}

/**
 * The unit as every check and report reads it: its numbering resolved, band rows and bonus/penalty lines placed,
 * its score column required, its ledger written. Prepared once per catalogue (idempotent).
 */
export function prepareUnit(unit: UnitSheet, catalog: Catalog): UnitSheet {
  if (unit.preparedFor === catalog) return unit;
  requireCodes(unit);
  const resolved = resolveNumbering(unit, catalog);
  const banded = applyBands(resolved.rows, resolved.others ?? []);
  const placed = placeSections(banded.rows, banded.others, catalog);
  const prepared: UnitSheet = { ...resolved, rows: placed.rows, others: placed.others, conflicts: banded.conflicts, preparedFor: catalog };
  requireScoreColumn(prepared, catalog);
  return withLedger({ ...prepared }, frameEntries(unit), catalog);
}

/**
 * The unit with its ledger (its frame, criterion rows and other rows), written the first time it is read: checking
 * a sheet never reads it, only the reading report does (a large sheet's ledger was a tenth of validating it). An
 * ordinary enumerable property for everything that reads the unit (spread, JSON, structured clone); assigning it
 * replaces it.
 */
function withLedger(unit: UnitSheet, frame: RowEntry[], catalog: Catalog): UnitSheet {
  let ledger: RowEntry[] | undefined;
  Object.defineProperty(unit, "ledger", {
    enumerable: true,
    configurable: true,
    get: () => (ledger ??= ledgerOf(frame, unit, catalog)),
    set: (value: RowEntry[] | undefined) => Object.defineProperty(unit, "ledger", { value, enumerable: true, configurable: true, writable: true }),
  });
  return unit;
}
