/**
 * Unit names as provinces write them: "UBND phường Điện Biên Phủ", "Ủy ban nhân dân xã Tủa Chùa", "ĐẶC KHU CÁT HẢI",
 * "Sở Tư pháp", "UBND HUYỆN MƯỜNG CHÀ", "xa Sin Thau" — with or without "UBND", in any case, with or without
 * diacritics. parseUnitName tells the kind of unit and its proper name; tierOf the group it is ranked in since the
 * two-tier local government of 1 July 2025 (departments, wards, communes with special zones apart).
 */
import { fold } from "../fold";

/** What a name says the unit is. district, town and province-city are pre-2025 kinds (no longer exist). */
export type UnitKind = "province" | "department" | "ward" | "commune" | "special-zone" | "district" | "town";

export interface ParsedUnitName {
  kind: UnitKind | null;
  /** The proper name, as written ("Tủa Chùa"), without "UBND" and the kind word. */
  name: string;
  /** fold(name): the key names are compared by. */
  key: string;
  /** The kind word as written ("huyện", "Thị xã"), or null. */
  kindWord: string | null;
}

/** Kind words (folded, as token lists), longest first. "thanh pho" is a district-level city unless it names a province. */
const KIND_WORDS: [string[], UnitKind][] = [
  [["uy", "ban", "nhan", "dan"], "province"], // placeholder, stripped below (never returned)
  [["dac", "khu"], "special-zone"],
  [["thi", "tran"], "town"],
  [["thi", "xa"], "district"],
  [["thanh", "pho"], "district"],
  [["tp"], "district"],
  [["tp."], "district"],
  [["phuong"], "ward"],
  [["p."], "ward"],
  [["xa"], "commune"],
  [["huyen"], "district"],
  [["quan"], "district"],
  [["tinh"], "province"],
  [["so"], "department"],
  [["ban"], "department"],
  [["van", "phong"], "department"],
  [["thanh", "tra"], "department"],
];

const COMMITTEE: string[][] = [["uy", "ban", "nhan", "dan"], ["ubnd"], ["ubnd."], ["u.b.n.d"], ["u.b.n.d."]];

function startsWith(tokens: string[], at: number, words: string[]): boolean {
  return words.every((w, i) => tokens[at + i] === w);
}

/** The kind and proper name of a unit's name. A name without a kind word has kind null and is kept whole. */
export function parseUnitName(text: string): ParsedUnitName {
  const original = text.trim().split(/\s+/).filter((w) => w !== "");
  const tokens = original.map((w) => fold(w));
  let at = 0;
  let committee = false;
  for (const words of COMMITTEE) {
    if (startsWith(tokens, 0, words)) {
      at = words.length;
      committee = true;
      break;
    }
  }
  for (const [words, kind] of KIND_WORDS.slice(1)) {
    if (!startsWith(tokens, at, words) || tokens.length <= at + words.length) continue;
    // "UBND Sở …" does not happen; "Ban …" and "Văn phòng …" under "UBND" are not departments ("UBND tỉnh" is).
    if (committee && kind === "department" && words[0] !== "van") continue;
    const name = original.slice(at + words.length).join(" ");
    const kindWord = original.slice(at, at + words.length).join(" ");
    // A department keeps its whole name ("Sở Tư pháp"): the kind word is part of what it is called.
    if (kind === "department") return { kind, name: original.slice(at).join(" "), key: fold(original.slice(at).join(" ")), kindWord };
    return { kind, name, key: fold(name), kindWord };
  }
  const name = original.slice(at).join(" ");
  return { kind: null, name, key: fold(name), kindWord: null };
}

/** Groups ranked apart since 1 July 2025 (Hải Phòng's 2025 index: 14 sở, 45 phường, 68 xã và đặc khu). */
export type Tier = "department" | "ward" | "commune";

export function tierOf(kind: UnitKind | null): Tier | null {
  if (kind === "department") return "department";
  if (kind === "ward") return "ward";
  // A town (thị trấn) was a commune-level unit until 1 July 2025: a historical ranking keeps it with the communes.
  if (kind === "commune" || kind === "special-zone" || kind === "town") return "commune";
  return null;
}

export const TIER_NAMES: Record<Tier, { vi: string; en: string }> = {
  department: { vi: "Sở, ban, ngành", en: "Departments" },
  ward: { vi: "UBND phường", en: "Wards" },
  commune: { vi: "UBND xã, đặc khu", en: "Communes and special zones" },
};

/** The levels a catalogue assesses, in Vietnamese and English ("district" and "province" for historical catalogues). */
export const LEVEL_NAMES: Record<"province" | "department" | "district" | "ward" | "commune" | "special-zone", { vi: string; en: string }> = {
  province: { vi: "tỉnh", en: "province" },
  department: { vi: "sở, ban, ngành", en: "departments" },
  district: { vi: "huyện (trước 01/07/2025)", en: "district (before 1 July 2025)" },
  ward: { vi: "phường", en: "wards" },
  commune: { vi: "xã", en: "communes" },
  "special-zone": { vi: "đặc khu", en: "special zones" },
};

/** "xã", "phường", "đặc khu", "thị trấn", "huyện": the kind word to write before a proper name. */
export const KIND_WORD: Record<UnitKind, string> = {
  province: "tỉnh",
  department: "",
  ward: "phường",
  commune: "xã",
  "special-zone": "đặc khu",
  district: "huyện",
  town: "thị trấn",
};
