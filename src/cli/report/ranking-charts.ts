/**
 * The ranking as charts: one bar chart per group, its units in rank order (best first; units without an index
 * last, without a bar), labelled "rank. unit"; then, for a group with appraised units, their self-assessed index
 * against the appraised one (as the ranking workbook's chart sheet has it). A long group is cut into charts of at
 * most `maxBars` units so a chart fits a printed page. The HTML report and the Word report draw these same charts.
 */
import { Lang, Ranking, RankingEntry } from "../../scoring";
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
    const slices = Array.from({ length: parts }, (_, p) => group.entries.slice(p * maxBars, (p + 1) * maxBars));
    const title = (text: string, p: number) => (parts > 1 ? `${text} (${p + 1}/${parts})` : text);
    const categories = (entries: RankingEntry[]) => entries.map((e) => (e.rank === null ? e.unit : `${e.rank}. ${e.unit}`));
    const values = (entries: RankingEntry[], index: (e: RankingEntry) => number | null) => entries.map((e) => index(e) ?? Number.NaN);
    slices.forEach((entries, p) => {
      charts.push({
        group: group.name,
        chart: {
          type: "bar",
          title: title(base, p),
          categories: categories(entries),
          series: [{ name: en ? "PAR Index" : "Chỉ số CCHC", values: values(entries, (e) => e.officialIndex) }],
          anchor: "A1",
        },
      });
    });
    const final = group.entries.some((e) => e.finalIndex !== undefined);
    if (!final && !group.entries.some((e) => e.appraisedIndex !== null)) continue;
    const both = final
      ? en
        ? "Self-assessed, round-1 appraised and final index"
        : "Chỉ số tự đánh giá, thẩm định vòng 1 và điểm cuối cùng"
      : en
        ? "Self-assessed and appraised index"
        : "Chỉ số tự đánh giá và thẩm định";
    const named = ranking.groups.length > 1 || group.name !== null ? `${both} — ${name}` : both;
    slices.forEach((entries, p) => {
      charts.push({
        group: group.name,
        chart: {
          type: "bar",
          title: title(named, p),
          categories: categories(entries),
          series: [
            { name: en ? "Self-assessed" : "Tự đánh giá", values: values(entries, (e) => e.selfIndex) },
            final
              ? { name: en ? "Appraised, round 1" : "Thẩm định vòng 1", values: values(entries, (e) => e.appraisedIndex) }
              : { name: en ? "Appraised" : "Thẩm định", values: values(entries, (e) => e.appraisedIndex) },
            ...(final ? [{ name: en ? "Final score" : "Điểm cuối cùng", values: values(entries, (e) => e.finalIndex ?? null) }] : []),
          ],
          anchor: "A1",
        },
      });
    });
  }
  return charts;
}
