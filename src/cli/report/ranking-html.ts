/**
 * The HTML report beside a ranking workbook: the ranking with one chart per group in rank order (ranking-charts.ts)
 * and the points by field. The points-by-field sheet's chart (every unit, in input order) is not drawn again.
 */
import { Lang, Ranking } from "../../scoring";
import { SheetSpec } from "../../scoring/report/sheet-spec";
import { renderHtmlReport } from "../report-html";
import { rankingCharts } from "./ranking-charts";

/** `specs`: the ranking sheet first, then the other sheets of the ranking workbook. */
export function rankingHtml(ranking: Ranking, specs: SheetSpec[], lang: Lang): string {
  const [rankingSpec, ...others] = specs;
  const charts = rankingCharts(ranking, lang).map((c) => c.chart);
  return renderHtmlReport(lang === "en" ? "PAR Index ranking" : "Xếp hạng Chỉ số CCHC", [{ spec: rankingSpec, charts }, ...others.map((spec) => ({ spec, charts: [] }))], { lang });
}
