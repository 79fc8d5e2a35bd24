/**
 * Each unit's name against the registry of a province: an official name passes; a name not found, a commune or
 * town merged in 2025, a district (a level gone since 1 July 2025), or the wrong kind word is a warning that names
 * what to write instead.
 */
import { Lang } from "../i18n/messages";
import { KIND_WORD, parseUnitName } from "./names";
import { officialName, RegistryProvince, RegistryUnit, UnitRegistry } from "./registry";

export type UnitNameIssueKind = "unit-not-found" | "unit-merged" | "unit-district" | "unit-kind";

export interface UnitNameIssue {
  /** The name as the workbook gives it. */
  unit: string;
  kind: UnitNameIssueKind;
  /** The official units named in the message (closest names, or successors). */
  suggestions: RegistryUnit[];
  message: string;
}

const list = (units: RegistryUnit[], lang: Lang) => units.map((u) => officialName(u, false, lang)).join(", ");

/** "xã Tủa Chùa (gồm thị trấn Tủa Chùa, xã Mường Báng, xã Nà Tòng)" */
function withPredecessors(u: RegistryUnit, lang: Lang): string {
  if (u.predecessors.length === 0) return officialName(u, false, lang);
  const parts = u.predecessors.map((p) => (lang === "en" ? p : p.charAt(0).toLowerCase() + p.slice(1))).join(", ");
  return `${officialName(u, false, lang)} (${lang === "en" ? "formed from" : "gồm"} ${parts})`;
}

/** The issue with a unit's name in a province, or null when it is an official name (or not a local unit's name). */
export function checkUnitName(unit: string, registry: UnitRegistry, province: RegistryProvince, lang: Lang): UnitNameIssue | null {
  const en = lang === "en";
  const parsed = parseUnitName(unit);
  const where = en ? province.fullName : province.fullName.replace(/^Tỉnh/, "tỉnh").replace(/^Thành phố/, "thành phố");
  const said = `"${unit}"`;
  const { kind, key } = parsed;
  if (kind === null || kind === "department" || kind === "province" || key === "") return null;
  const kindWord = KIND_WORD[kind];

  if (kind === "district") {
    const heirs = [
      ...registry.named(key, province.code),
      ...registry.successorsOf("district", key, province.code),
      ...registry.successorsOf("town", key, province.code),
    ].filter((u, i, all) => all.indexOf(u) === i);
    const word = parsed.kindWord?.toLowerCase() ?? kindWord;
    const message = en
      ? `${said}: the district level (${word} ${parsed.name}) no longer exists since 1 July 2025 (Resolution 202/2025/QH15); its area now belongs to communes and wards of ${where}` +
        (heirs.length ? `. Successor by name or seat: ${heirs.map((u) => withPredecessors(u, lang)).join("; ")}` : "") +
        ". Rank the new units under their official names."
      : `${said}: cấp huyện không còn từ ngày 01/07/2025 (Nghị quyết 202/2025/QH15); địa bàn ${word} ${parsed.name} nay thuộc các xã, phường của ${where}` +
        (heirs.length ? `. Đơn vị kế thừa tên hoặc trung tâm huyện: ${heirs.map((u) => withPredecessors(u, lang)).join("; ")}` : "") +
        ". Xếp hạng các đơn vị mới theo tên chính thức.";
    return { unit, kind: "unit-district", suggestions: heirs, message };
  }

  const same = registry.named(key, province.code);
  if (kind !== "town") {
    if (same.some((u) => u.kind === kind)) return null;
    if (same.length > 0) {
      const message = en
        ? `${said}: the official name in ${where} is ${list(same, lang)}, not a ${kind.replace("-", " ")}`
        : `${said}: tên chính thức ở ${where} là ${list(same, lang)}, không phải ${kindWord}`;
      return { unit, kind: "unit-kind", suggestions: same, message };
    }
  }
  const successors = registry.successorsOf(kind, key, province.code);
  if (successors.length > 0) {
    const message = en
      ? `${said}: ${kindWord} ${parsed.name} was merged on 1 July 2025 into ${successors.map((u) => withPredecessors(u, lang)).join("; ")}. Use the new unit's name.`
      : `${said}: ${kindWord} ${parsed.name} đã được sắp xếp từ ngày 01/07/2025 vào ${successors.map((u) => withPredecessors(u, lang)).join("; ")}. Ghi tên đơn vị mới.`;
    return { unit, kind: "unit-merged", suggestions: successors, message };
  }
  const closest = registry.closest(key, province.code);
  const message = en
    ? `${said}: no ${kind === "town" ? "town (towns no longer exist since 1 July 2025)" : kind.replace("-", " ")} of that name in ${where} (registry ${registry.source}). Closest official names: ${list(closest, lang)}. Check the spelling.`
    : `${said}: không có ${kindWord} nào tên "${parsed.name}" trong danh sách đơn vị hành chính của ${where}${kind === "town" ? " (thị trấn không còn từ ngày 01/07/2025)" : ""}. Tên chính thức gần nhất: ${list(closest, lang)}. Kiểm tra lại chính tả.`;
  return { unit, kind: "unit-not-found", suggestions: closest, message };
}
