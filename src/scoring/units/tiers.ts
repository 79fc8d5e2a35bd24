/**
 * Without --groups, units are ranked in the groups provinces rank them in since 1 July 2025: departments, wards,
 * and communes with special zones (and, in a historical ranking, districts) apart. The kind comes from the unit's
 * name ("UBND phường…", "Sở…"), else from the level its catalogue assesses.
 */
import { Lang } from "../i18n/messages";
import { parseUnitName, Tier, TIER_NAMES, tierOf, UnitKind } from "./names";

export type CatalogLevel = "department" | "ward" | "commune" | "special-zone" | "district" | "province";

export interface TierUnit {
  unit: string;
  catalogLevel?: CatalogLevel;
}

const DISTRICTS = { vi: "UBND cấp huyện (trước 01/07/2025)", en: "Districts (before 1 July 2025)" };

function groupKey(u: TierUnit): Tier | "district" | null {
  const kind: UnitKind | null = parseUnitName(u.unit).kind;
  const fromName = tierOf(kind) ?? (kind === "district" ? "district" : null);
  if (fromName) return fromName;
  const level = u.catalogLevel;
  if (level === "district") return "district";
  return level && level !== "province" ? tierOf(level) : null;
}

export interface Tiers {
  /** The group of each unit, in the order given (null: none recognised, ranked with the other ungrouped units). */
  groups: (string | null)[];
  /** The groups present, in the order they are listed: departments, wards, communes, districts. */
  order: string[];
  /** "Sở, ban, ngành: 2; UBND phường: 2; UBND xã, đặc khu: 3" */
  said: string;
}

/** The tier groups of the units, or null when they do not fall in at least two (then nothing changes). */
export function unitTiers(units: TierUnit[], lang: Lang): Tiers | null {
  const keys = units.map(groupKey);
  const present = [...new Set(keys.filter((k): k is Tier | "district" => k !== null))];
  if (present.length < 2) return null;
  const nameOf = (k: Tier | "district") => (k === "district" ? DISTRICTS : TIER_NAMES[k])[lang === "en" ? "en" : "vi"];
  const order: (Tier | "district")[] = ["department", "ward", "commune", "district"];
  const counts = order.filter((k) => present.includes(k)).map((k) => `${nameOf(k)}: ${keys.filter((x) => x === k).length}`);
  const other = keys.filter((k) => k === null).length;
  if (other) counts.push(lang === "en" ? `not recognised: ${other}` : `không nhận ra loại: ${other}`);
  return {
    groups: keys.map((k) => (k === null ? null : nameOf(k))),
    order: order.filter((k) => present.includes(k)).map(nameOf),
    said: counts.join("; "),
  };
}
