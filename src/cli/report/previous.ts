/**
 * Each unit's change from last year: matched with last year's ranking by name within the same group (case,
 * diacritics and spaces aside, "Sở Tư pháp" = "SỞ TƯ PHÁP"); a unit not found is new ("mới"). The change is this
 * year's official index less last year's, written "+1,25", "−0,50" or "0,00".
 */
import { fold, formatNumber, Lang, Ranking, RankingEntry, round2 } from "../../scoring";

export interface Change {
  /** Not in last year's group. */
  isNew: boolean;
  /** Last year's official index (null: new, or no index last year). */
  previous: number | null;
  /** This year's less last year's (null when either is unknown). */
  delta: number | null;
}

const key = (group: string | null, unit: string) => `${fold(group ?? "").replace(/ /g, "")}\u0000${fold(unit).replace(/ /g, "")}`;

/** The change of each of this year's entries (the first of last year's units with the same name counts). */
export function changesFrom(previous: Ranking, current: Ranking): Map<RankingEntry, Change> {
  const last = new Map<string, RankingEntry>();
  for (const g of previous.groups) for (const e of g.entries) if (!last.has(key(g.name, e.unit))) last.set(key(g.name, e.unit), e);
  const changes = new Map<RankingEntry, Change>();
  for (const g of current.groups) {
    for (const e of g.entries) {
      const before = last.get(key(g.name, e.unit));
      if (!before) {
        changes.set(e, { isNew: true, previous: null, delta: null });
        continue;
      }
      const delta = e.officialIndex !== null && before.officialIndex !== null ? round2(e.officialIndex - before.officialIndex) : null;
      changes.set(e, { isNew: false, previous: before.officialIndex, delta });
    }
  }
  return changes;
}

/** "+1,25", "−0,50", "0,00"; "mới" (en "new") for a new unit, "—" when unknown. */
export function formatChange(change: Change, lang: Lang): string {
  if (change.isNew) return lang === "en" ? "new" : "mới";
  if (change.delta === null) return "—";
  if (change.delta > 0) return `+${formatNumber(change.delta, lang)}`;
  if (change.delta < 0) return `\u2212${formatNumber(-change.delta, lang)}`;
  return formatNumber(0, lang);
}
