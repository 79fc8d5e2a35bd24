import { classBand, sortBands } from "./bands";
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

function groupName(group: string | null | undefined): string | null {
  return typeof group === "string" && group.trim() !== "" ? group.trim() : null;
}

/**
 * Units scored against different catalogues are never ranked in one list: where a group (or the ungrouped units)
 * mixes catalogues, each catalogue becomes its own group, "Group — catalogue id" (ungrouped: the catalogue's name).
 */
function catalogueSafeGroups(units: RankingInput[]): (summary: UnitSummary, group: string | null | undefined) => string | null {
  const catalogues = new Map<string | null, Set<string>>();
  for (const { summary, group } of units) {
    const name = groupName(group);
    let set = catalogues.get(name);
    if (!set) catalogues.set(name, (set = new Set()));
    set.add(summary.catalogId);
  }
  return (summary, group) => {
    const name = groupName(group);
    if ((catalogues.get(name)?.size ?? 0) <= 1) return name;
    return name ? `${name} — ${summary.catalogId}` : summary.catalogName || summary.catalogId;
  };
}

/** The official points of a summary, for the ranking: main part, survey, bonus, penalty, total. */
function pointsOf(summary: UnitSummary): RankingEntry["points"] {
  const t = summary.total;
  return {
    base: t.final ?? t.appraised ?? t.self,
    survey: t.survey ?? null,
    bonus: t.bonus ?? 0,
    penalty: t.penalty ?? 0,
    total: t.total ?? t.final ?? t.appraised ?? t.self,
    applicableMax: t.applicableMax,
  };
}

/**
 * Ranks units by their official index, within groups kept apart (in order of first appearance; every ungrouped
 * unit in one list). Equal indexes share a rank and the next rank skips (1, 2, 2, 4); a unit without an index is
 * listed last, unranked. Bands: `bands` when given, for every group; otherwise each unit's own (its catalogue's,
 * see buildSummary), so a group — one catalogue — is classed with its catalogue's bands. Units of different
 * catalogues are never in one list (catalogueSafeGroups).
 */
export function buildRanking(units: RankingInput[], bands?: ClassBand[]): Ranking {
  const groupOf = catalogueSafeGroups(units);
  const groups = new Map<string | null, { entries: RankingEntry[]; bands: ClassBand[] }>();
  for (const { summary, group, source } of units) {
    const name = groupOf(summary, group);
    const own = bands ?? summary.bands ?? DEFAULT_BANDS;
    let entry = groups.get(name);
    if (!entry) groups.set(name, (entry = { entries: [], bands: own }));
    entry.entries.push({
      unit: summary.unit,
      catalogId: summary.catalogId,
      group: name,
      source: source ?? null,
      year: summary.year ?? null,
      officialIndex: summary.officialIndex,
      selfIndex: summary.selfIndex,
      appraisedIndex: summary.appraisedIndex,
      ...(summary.finalIndex !== undefined ? { finalIndex: summary.finalIndex } : {}),
      rank: null,
      band: classBand(summary.officialIndex, entry.bands),
      errors: summary.errors,
      warnings: summary.warnings,
      points: pointsOf(summary),
      ...(summary.parts ? { parts: summary.parts } : {}),
    });
  }
  const result: RankingGroup[] = [];
  for (const [name, { entries, bands: groupBands }] of groups) {
    entries.sort(compareEntries);
    assignRanks(entries);
    result.push({ name, entries, bands: sortBands(groupBands) });
  }
  return { groups: result, bands: sortBands(bands ?? result[0]?.bands ?? DEFAULT_BANDS) };
}
