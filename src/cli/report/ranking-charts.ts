/**
 * The ranking as charts: one bar chart per group, its units in rank order (best first; units without an index
 * last, without a bar), labelled "rank. unit". A long group is cut into charts of at most `maxBars` units so a
 * chart fits a printed page. The HTML report and the Word report draw these same charts.
 */
import { Lang, Ranking } from "../../scoring";
import { ChartIntent } from "../../scoring/report/sheet-spec";

export interface RankingChart {
  /** The group's name (null: ungrouped). */
  group: string | null;
  chart: ChartIntent;
}

export const MAX_BARS = 30;

export function rankingCharts(ranking: Ranking, lang: Lang, maxBars = MAX_BARS): RankingChart[] {
  const en = lang === "en";
  const charts: RankingChart[] = [];
  for (const group of ranking.groups) {
    if (group.entries.length === 0) continue;
    const name = group.name ?? (en ? "Ungrouped" : "Không phân nhóm");
    const base = ranking.groups.length > 1 || group.name !== null ? `${en ? "PAR Index" : "Chỉ số CCHC"} — ${name}` : en ? "PAR Index by unit" : "Chỉ số CCHC theo đơn vị";
    const parts = Math.ceil(group.entries.length / maxBars);
    for (let p = 0; p < parts; p++) {
      const entries = group.entries.slice(p * maxBars, (p + 1) * maxBars);
      charts.push({
        group: group.name,
        chart: {
          type: "bar",
          title: parts > 1 ? `${base} (${p + 1}/${parts})` : base,
          categories: entries.map((e) => (e.rank === null ? e.unit : `${e.rank}. ${e.unit}`)),
          series: [{ name: en ? "PAR Index" : "Chỉ số CCHC", values: entries.map((e) => e.officialIndex ?? Number.NaN) }],
          anchor: "A1",
        },
      });
    }
  }
  return charts;
}
