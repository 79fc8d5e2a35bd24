/**
 * Year on year across the 2025 merger: a unit formed from several is compared with the mean of its predecessors'
 * indices in last year's ranking ("so với bình quân 3 xã cũ"), or is "đơn vị mới" when none of them was ranked.
 */
import { Lang } from "../i18n/messages";
import { round2 } from "../values";
import { parseUnitName, UnitKind } from "./names";
import { RegistryUnit, UnitRegistry } from "./registry";

export interface PreviousUnit {
  unit: string;
  officialIndex: number | null;
}

export interface MergerComparison {
  /** The official unit this year's name is. */
  unit: RegistryUnit;
  /** Its predecessors found in last year's ranking with an index, and that index. */
  ranked: { unit: string; officialIndex: number }[];
  /** Mean of the ranked predecessors' indices (2 decimals), or null when none was ranked. */
  mean: number | null;
  /** Whether one of the ranked predecessors bears the unit's own name (and kind). */
  includesSameName: boolean;
}

const keyOf = (kind: UnitKind | null, key: string) => `${kind ?? ""}|${key.replace(/ /g, "")}`;

/**
 * The comparison of this year's `unit` with its predecessors in `previous`, or null when the name is not a ward,
 * commune or special zone of the registry formed from other units (in `province` when given; otherwise the one
 * whose predecessors last year's ranking holds most of).
 */
export function mergerComparison(unit: string, previous: PreviousUnit[], registry: UnitRegistry, province: string | null): MergerComparison | null {
  const parsed = parseUnitName(unit);
  if (parsed.kind !== "ward" && parsed.kind !== "commune" && parsed.kind !== "special-zone") return null;
  const last = new Map<string, PreviousUnit>();
  for (const p of previous) {
    const n = parseUnitName(p.unit);
    const k = keyOf(n.kind, n.key);
    if (!last.has(k)) last.set(k, p);
  }
  const candidates = registry.named(parsed.key, province).filter((u) => u.kind === parsed.kind);
  let best: MergerComparison | null = null;
  for (const candidate of candidates) {
    const own = keyOf(parsed.kind === "special-zone" ? "special-zone" : parsed.kind, parsed.key);
    const preds = candidate.predecessors.map((p) => parseUnitName(p)).map((p) => keyOf(p.kind, p.key));
    if (preds.length === 0 || (preds.length === 1 && preds[0] === own)) continue;
    const ranked: MergerComparison["ranked"] = [];
    let includesSameName = false;
    for (const k of preds) {
      const found = last.get(k);
      if (!found || found.officialIndex === null) continue;
      ranked.push({ unit: found.unit, officialIndex: found.officialIndex });
      if (k === own) includesSameName = true;
    }
    const mean = ranked.length ? round2(ranked.reduce((s, r) => s + r.officialIndex, 0) / ranked.length) : null;
    if (!best || ranked.length > best.ranked.length) best = { unit: candidate, ranked, mean, includesSameName };
  }
  return best;
}

/** "so với bình quân 3 xã cũ" (en "against the mean of 3 former communes"); "đơn vị mới" when none was ranked. */
export function mergerLabel(m: MergerComparison, lang: Lang): string {
  if (m.ranked.length === 0) return lang === "en" ? "new unit" : "đơn vị mới";
  const kinds = new Set(m.ranked.map((r) => parseUnitName(r.unit).kind));
  const only = kinds.size === 1 ? [...kinds][0] : null;
  const noun = only === "commune" ? ["xã", "commune"] : only === "ward" ? ["phường", "ward"] : only === "town" ? ["thị trấn", "town"] : ["đơn vị", "unit"];
  const n = m.ranked.length;
  return lang === "en" ? `against the mean of ${n} former ${noun[1]}${n === 1 ? "" : "s"}` : `so với bình quân ${n} ${noun[0]} cũ`;
}

