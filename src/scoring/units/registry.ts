/**
 * The registry of official administrative units after 1 July 2025: 34 provinces and cities, 3,321 commune-level
 * units (code, official name, kind, province) with the units each was formed from where the source gives them.
 * The data ships with the CLI (data/don-vi-hanh-chinh-2025.json.gz; see the README for its source and date); the
 * core receives it parsed, so it stays free of the file system.
 */
import { fold } from "../fold";
import { parseUnitName, UnitKind } from "./names";

export type RegistryKind = "ward" | "commune" | "special-zone";

/** The data file's layout: compact arrays. */
export interface RegistryData {
  source: string;
  date: string | null;
  kinds: RegistryKind[];
  /** [code, name, full name] */
  provinces: [string, string, string][];
  /** [code, name, kind index, province code, predecessors?] */
  units: ([string, string, number, string] | [string, string, number, string, string[]])[];
}

export interface RegistryProvince {
  code: string;
  /** "Hải Phòng" */
  name: string;
  /** "Thành phố Hải Phòng" */
  fullName: string;
}

export interface RegistryUnit {
  code: string;
  /** The proper name: "Tủa Chùa". */
  name: string;
  kind: RegistryKind;
  province: string;
  /** "Xã Mường Báng", "Thị trấn Tủa Chùa" …: the units it was formed from (empty when the source gives none). */
  predecessors: string[];
}

const KIND_LABEL: Record<RegistryKind, { vi: string; en: string }> = {
  ward: { vi: "phường", en: "ward" },
  commune: { vi: "xã", en: "commune" },
  "special-zone": { vi: "đặc khu", en: "special zone" },
};

/** "xã Tủa Chùa", "Phường Điện Biên Phủ" (capital: at the start of a sentence or a list item). */
export function officialName(unit: RegistryUnit, capital = false, lang: "vi" | "en" = "vi"): string {
  if (lang === "en") return `${unit.name} ${KIND_LABEL[unit.kind].en}`;
  const word = KIND_LABEL[unit.kind].vi;
  return `${capital ? word.charAt(0).toUpperCase() + word.slice(1) : word} ${unit.name}`;
}

/** Levenshtein distance of two short strings (names of a few words). */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** A predecessor's key: its kind and folded name ("commune|muong bang"). */
const predecessorKey = (kind: UnitKind | null, key: string) => `${kind ?? ""}|${key}`;

export class UnitRegistry {
  readonly source: string;
  readonly date: string | null;
  readonly provinces: RegistryProvince[];
  readonly units: RegistryUnit[];
  private readonly byProvince = new Map<string, RegistryUnit[]>();
  private readonly byPredecessor = new Map<string, RegistryUnit[]>();

  constructor(data: RegistryData) {
    this.source = data.source;
    this.date = data.date;
    this.provinces = data.provinces.map(([code, name, fullName]) => ({ code, name, fullName }));
    this.units = data.units.map(([code, name, kind, province, predecessors]) => ({ code, name, kind: data.kinds[kind], province, predecessors: predecessors ?? [] }));
    for (const unit of this.units) {
      let list = this.byProvince.get(unit.province);
      if (!list) this.byProvince.set(unit.province, (list = []));
      list.push(unit);
      for (const p of unit.predecessors) {
        const parsed = parseUnitName(p);
        const key = predecessorKey(parsed.kind, parsed.key);
        let units = this.byPredecessor.get(key);
        if (!units) this.byPredecessor.set(key, (units = []));
        if (!units.includes(unit)) units.push(unit);
      }
    }
  }

  /** A province by code, name or full name ("Hải Phòng", "thành phố hai phong", "TP. Hải Phòng", "31"). */
  province(text: string): RegistryProvince | null {
    const f = fold(text).replace(/^(tinh|thanh pho|tp\.?|thu do)\s+/, "").trim();
    return this.provinces.find((p) => p.code === text.trim() || fold(p.name) === f || fold(p.fullName) === fold(text)) ?? null;
  }

  /** The provinces whose names are closest to `text` (for a name not found). */
  closestProvinces(text: string, n = 3): RegistryProvince[] {
    const f = fold(text).replace(/^(tinh|thanh pho|tp\.?|thu do)\s+/, "");
    return [...this.provinces].sort((a, b) => distance(f, fold(a.name)) - distance(f, fold(b.name))).slice(0, n);
  }

  unitsOf(province: string): RegistryUnit[] {
    return this.byProvince.get(province) ?? [];
  }

  /** Units of the province (every province when null) with this folded proper name. */
  named(key: string, province: string | null): RegistryUnit[] {
    return (province === null ? this.units : this.unitsOf(province)).filter((u) => fold(u.name) === key);
  }

  /** The units formed from a pre-2025 unit ("xã Mường Báng", "thị trấn Tủa Chùa"), in the province when given. */
  successorsOf(kind: UnitKind | null, key: string, province: string | null): RegistryUnit[] {
    const found = this.byPredecessor.get(predecessorKey(kind, key)) ?? [];
    return province === null ? found : found.filter((u) => u.province === province);
  }

  /** The official units whose names are closest to a folded name (same province). */
  closest(key: string, province: string, n = 3): RegistryUnit[] {
    return this.unitsOf(province)
      .map((u) => ({ u, d: distance(key, fold(u.name)) }))
      .sort((a, b) => a.d - b.d || a.u.name.localeCompare(b.u.name, "vi"))
      .slice(0, n)
      .map((x) => x.u);
  }
}
