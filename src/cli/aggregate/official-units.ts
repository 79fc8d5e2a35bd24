/**
 * What `par aggregate` (and `par report`) do with units' names since 1 July 2025: without --groups, rank
 * departments, wards, and communes with special zones apart (and say so); with --province (or the catalogue's
 * province) check each name against the registry of official units; with --previous, compare a unit formed in
 * 2025 with its predecessors. The rules are in src/scoring/units; this is the command line's side.
 */
import { Lang, Ranking, SheetSpec, UnitSummary } from "../../scoring";
import { checkUnitName, RegistryProvince, unitTiers, UnitNameIssue } from "../../scoring/units";
import { Io } from "../io";
import { provinceNamed, unitRegistry } from "../registry";
import { Change, changesFrom, formatChange, mergerResolver } from "../report/previous";


interface Grouped {
  summary: UnitSummary;
  group: string | null;
}

/** Without --groups: the tier groups when the units fall in two or more (said on stdout); returns whether applied. */
export function applyTiers(scored: Grouped[], groups: string[] | undefined, lang: Lang, io: Io): boolean {
  if (groups && groups.length > 0) return false;
  const tiers = unitTiers(
    scored.map((s) => ({ unit: s.summary.unit, catalogLevel: s.summary.catalogLevel })),
    lang,
  );
  if (!tiers) return false;
  scored.forEach((s, i) => (s.group = tiers.groups[i]));
  // Groups are listed in the order of their first unit: departments, wards, communes, then the rest.
  const order = new Map(tiers.order.map((name, i) => [name, i]));
  const rank = (g: string | null) => (g === null ? order.size : (order.get(g) ?? order.size));
  scored.sort((a, b) => rank(a.group) - rank(b.group));
  io.out(
    lang === "en"
      ? `Ranked apart by kind of unit (no --groups; told by each unit's name or its catalogue's level): ${tiers.said}. Give --groups to group otherwise.\n`
      : `Xếp hạng riêng theo loại đơn vị (không có --groups; nhận ra từ tên đơn vị hoặc cấp đánh giá của bộ tiêu chí): ${tiers.said}. Dùng --groups để chia nhóm khác.\n`,
  );
  return true;
}

/** The province to check names against: --province, else the one the units' catalogues name (when they agree). */
export function provinceFor(option: string | undefined, summaries: UnitSummary[]): RegistryProvince | null {
  if (option !== undefined) return provinceNamed(option);
  const named = [...new Set(summaries.map((s) => s.catalogProvince).filter((p): p is string => !!p))];
  if (named.length !== 1) return null;
  return unitRegistry().province(named[0]) ?? null;
}

/** Each unit's name against the province's official units: the warnings, each said on stderr. */
export function checkNames(summaries: UnitSummary[], province: RegistryProvince, lang: Lang, io: Io): UnitNameIssue[] {
  const registry = unitRegistry();
  const issues: UnitNameIssue[] = [];
  for (const s of summaries) {
    const issue = checkUnitName(s.unit, registry, province, lang);
    if (!issue) continue;
    issues.push(issue);
    io.err(`${lang === "en" ? "Warning (unit name)" : "Cảnh báo (tên đơn vị)"}: ${issue.message}\n`);
  }
  const registryNote =
    lang === "en"
      ? `Unit names checked against the ${registry.units.length} official units of 1 July 2025 (${province.fullName}: ${registry.unitsOf(province.code).length}; source ${registry.source}${registry.date ? `, ${registry.date}` : ""})`
      : `Đã đối chiếu tên đơn vị với danh sách đơn vị hành chính từ 01/07/2025 (${province.fullName.replace(/^Tỉnh/, "tỉnh").replace(/^Thành phố/, "thành phố")}: ${registry.unitsOf(province.code).length} xã, phường, đặc khu; nguồn ${registry.source}${registry.date ? `, ${registry.date.split("-").reverse().join("/")}` : ""})`;
  io.err(`${registryNote}: ${issues.length === 0 ? (lang === "en" ? "all found" : "đều đúng tên") : lang === "en" ? `${issues.length} warning(s)` : `${issues.length} cảnh báo`}\n`);
  return issues;
}

/** The changes from last year, across the merger (predecessors' mean), for the ranking and the report. */
export function changesAcrossMerger(previous: Ranking, current: Ranking, province: RegistryProvince | null, lang: Lang): Map<import("../../scoring").RankingEntry, Change> {
  return changesFrom(previous, current, mergerResolver(previous, unitRegistry(), province?.code ?? null), lang);
}

/** The "So với năm trước" sheet: group, unit, index, last year's (or the predecessors' mean), change, how compared. */
export function previousSheet(current: Ranking, changes: Map<import("../../scoring").RankingEntry, Change>, file: string, lang: Lang): SheetSpec {
  const en = lang === "en";
  const head = en
    ? ["Group", "Unit", "Index", "Last year", "Change", "Compared with"]
    : ["Nhóm", "Đơn vị", "Chỉ số", "Năm trước", "Thay đổi", "So sánh với"];
  const H = { bold: true, fill: "header" as const, border: true, wrap: true };
  const rows: SheetSpec["rows"] = [
    [{ value: en ? `Change from last year (${file})` : `So với năm trước (${file})`, style: { bold: true, size: 14 } }],
    head.map((h) => ({ value: h, style: H })),
  ];
  for (const g of current.groups) {
    for (const e of g.entries) {
      const c = changes.get(e);
      const how = !c ? "" : c.basis ?? (c.isNew ? (en ? "not in last year's ranking" : "không có trong bảng năm trước") : en ? "the same unit" : "chính đơn vị");
      rows.push([
        { value: g.name ?? "", style: { border: true } },
        { value: e.unit, style: { border: true } },
        { value: e.officialIndex, style: { border: true, numFmt: "#,##0.00" } },
        { value: c?.previous ?? null, style: { border: true, numFmt: "#,##0.00" } },
        { value: c ? formatChange({ ...c, basis: undefined }, lang) : "—", style: { border: true, align: "right" } },
        { value: how, style: { border: true, wrap: true } },
      ]);
    }
  }
  return { name: en ? "Year on year" : "So với năm trước", kind: "ranking", rows, columnWidths: [26, 36, 10, 12, 12, 40], freeze: { rows: 2 }, headerRow: 1 };
}

/** "3 đơn vị so với bình quân đơn vị cũ, 1 đơn vị mới": how the merged units were compared, for the last line. */
export function mergerSaid(changes: Map<unknown, Change>, lang: Lang): string {
  const all = [...changes.values()];
  const mean = all.filter((c) => c.basis && !c.isNew).length;
  const fresh = all.filter((c) => c.basis && c.isNew).length;
  if (mean + fresh === 0) return "";
  return lang === "en"
    ? `; ${mean} unit(s) formed in 2025 compared with their predecessors' mean, ${fresh} new unit(s)`
    : `; ${mean} đơn vị sắp xếp năm 2025 so với bình quân các đơn vị cũ, ${fresh} đơn vị mới`;
}


