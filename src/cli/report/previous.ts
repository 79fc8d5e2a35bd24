/**
 * Each unit's change from last year: matched with last year's ranking by name within the same group (case,
 * diacritics and spaces aside, "Sở Tư pháp" = "SỞ TƯ PHÁP"); a unit not found is new ("mới"). The change is this
 * year's official index less last year's, written "+1,25", "−0,50" or "0,00".
 *
 * Across the merger of 1 July 2025 (given `merger`, from the registry of official units): a ward, commune or
 * special zone formed from other units is compared with the mean of its predecessors' indices in last year's
 * ranking, in any group ("so với bình quân 3 xã cũ"), or is "đơn vị mới" when none of them was ranked. A unit
 * whose only ranked predecessor is itself (same name, same group) keeps the plain comparison.
 */
import { fold, formatNumber, Lang, Ranking, RankingEntry, round2 } from "../../scoring";
import { MergerComparison, mergerComparison, mergerLabel, PreviousUnit, UnitRegistry } from "../../scoring/units";

export interface Change {
  /** Not in last year's group (nor, for a unit formed in 2025, any predecessor). */
  isNew: boolean;
  /** Last year's official index, or the mean of the predecessors' (null: new, or no index last year). */
  previous: number | null;
  /** This year's less last year's (null when either is unknown). */
  delta: number | null;
  /** "so với bình quân 3 xã cũ", "đơn vị mới": how a unit formed in 2025 was compared; absent otherwise. */
  basis?: string;
}

const key = (group: string | null, unit: string) => `${fold(group ?? "").replace(/ /g, "")}\u0000${fold(unit).replace(/ /g, "")}`;

/** The predecessors' comparison of a unit of this year, from last year's entries (see mergerComparison). */
export type MergerResolver = (unit: string) => MergerComparison | null;

export function mergerResolver(previous: Ranking, registry: UnitRegistry, province: string | null): MergerResolver {
  const units: PreviousUnit[] = previous.groups.flatMap((g) => g.entries.map((e) => ({ unit: e.unit, officialIndex: e.officialIndex })));
  return (unit) => mergerComparison(unit, units, registry, province);
}

/** The change of each of this year's entries (the first of last year's units with the same name counts). */
export function changesFrom(previous: Ranking, current: Ranking, merger?: MergerResolver, lang: Lang = "vi"): Map<RankingEntry, Change> {
  const last = new Map<string, RankingEntry>();
  for (const g of previous.groups) for (const e of g.entries) if (!last.has(key(g.name, e.unit))) last.set(key(g.name, e.unit), e);
  const changes = new Map<RankingEntry, Change>();
  for (const g of current.groups) {
    for (const e of g.entries) {
      const before = last.get(key(g.name, e.unit));
      const merged = merger?.(e.unit) ?? null;
      const onlyItself = merged !== null && merged.ranked.length === 1 && merged.includesSameName;
      if (merged && merged.mean !== null && !(before && onlyItself)) {
        const delta = e.officialIndex !== null ? round2(e.officialIndex - merged.mean) : null;
        changes.set(e, { isNew: false, previous: merged.mean, delta, basis: mergerLabel(merged, lang) });
        continue;
      }
      if (!before) {
        changes.set(e, merged ? { isNew: true, previous: null, delta: null, basis: mergerLabel(merged, lang) } : { isNew: true, previous: null, delta: null });
        continue;
      }
      const delta = e.officialIndex !== null && before.officialIndex !== null ? round2(e.officialIndex - before.officialIndex) : null;
      changes.set(e, { isNew: false, previous: before.officialIndex, delta });
    }
  }
  return changes;
}

/** "+1,25", "−0,50", "0,00"; "mới" (en "new") for a new unit, "—" when unknown; a merged unit's basis after it. */
export function formatChange(change: Change, lang: Lang): string {
  if (change.isNew) return change.basis ?? (lang === "en" ? "new" : "mới");
  const basis = change.basis ? ` (${change.basis})` : "";
  if (change.delta === null) return `—${basis}`;
  if (change.delta > 0) return `+${formatNumber(change.delta, lang)}${basis}`;
  if (change.delta < 0) return `\u2212${formatNumber(-change.delta, lang)}${basis}`;
  return `${formatNumber(0, lang)}${basis}`;
}
