import { classBand, sortBands } from "./summary";
import { ClassBand, DEFAULT_BANDS, Ranking, RankingEntry, RankingGroup, UnitSummary } from "./types";

export interface RankingInput {
  summary: UnitSummary;
  /** The group the unit is ranked in ("Sở, ban, ngành", "UBND cấp huyện"); null, undefined or blank: ungrouped. */
  group?: string | null;
  /** Where the unit came from (file name). */
  source?: string | null;
}

/** Official index descending (no index last), then unit name in Vietnamese order. */
function compareEntries(a: RankingEntry, b: RankingEntry): number {
  if (a.officialIndex !== b.officialIndex) {
    if (a.officialIndex === null) return 1;
    if (b.officialIndex === null) return -1;
    return b.officialIndex - a.officialIndex;
  }
  return a.unit.localeCompare(b.unit, "vi");
}

/** Competition ranking (1, 2, 2, 4) over entries already sorted; units without an index get no rank. */
function assignRanks(entries: RankingEntry[]): void {
  let previous: number | null = null;
  let rank = 0;
  entries.forEach((entry, i) => {
    if (entry.officialIndex === null) {
      entry.rank = null;
      return;
    }
    if (entry.officialIndex !== previous) rank = i + 1;
    previous = entry.officialIndex;
    entry.rank = rank;
  });
}

/**
 * Ranks units by their official index, within groups kept apart (in order of first appearance; every ungrouped
 * unit in one list). Equal indexes share a rank and the next rank skips (1, 2, 2, 4); a unit without an index is
 * listed last, unranked. Bands are assigned from `bands` (not from the summaries' own).
 */
export function buildRanking(units: RankingInput[], bands: ClassBand[] = DEFAULT_BANDS): Ranking {
  const groups = new Map<string | null, RankingEntry[]>();
  for (const { summary, group, source } of units) {
    const name = typeof group === "string" && group.trim() !== "" ? group.trim() : null;
    let entries = groups.get(name);
    if (!entries) groups.set(name, (entries = []));
    entries.push({
      unit: summary.unit,
      group: name,
      source: source ?? null,
      officialIndex: summary.officialIndex,
      selfIndex: summary.selfIndex,
      appraisedIndex: summary.appraisedIndex,
      rank: null,
      band: classBand(summary.officialIndex, bands),
      errors: summary.errors,
      warnings: summary.warnings,
    });
  }
  const result: RankingGroup[] = [];
  for (const [name, entries] of groups) {
    entries.sort(compareEntries);
    assignRanks(entries);
    result.push({ name, entries });
  }
  return { groups: result, bands: sortBands(bands) };
}
