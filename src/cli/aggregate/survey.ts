/**
 * `par aggregate --survey TABLE`: the survey table read once per thread, and each unit's survey points from it. The
 * main thread reads it first and stops the run on any cell that is not points (with the cell), before scoring.
 */
import { Catalog, catalogParts, isSurveyTable, Lang, LeafScore, readSurveyTable, SurveyTable, surveyRowOf, surveyScores, t } from "../../scoring";
import { CliError } from "../errors";
import { readWorkbook } from "../xlsx/read";

const tables = new Map<string, Promise<SurveyTable>>();

/** The survey table of a file: its first sheet that is one; a cell that is not points is a CliError naming it. */
export function readSurveyFile(file: string, lang: Lang): Promise<SurveyTable> {
  let table = tables.get(`${lang}\u0000${file}`);
  if (!table) {
    table = readWorkbook(file).then((data) => {
      const grid = data.grids.find(isSurveyTable);
      const read = readSurveyTable(grid ?? data.grids[0] ?? { name: file, values: [] }, lang);
      const errors = read.issues.filter((i) => i.severity === "error");
      if (errors.length > 0) {
        const list = errors.map((i) => `${i.sheet}!${i.cell}: ${i.message}`).join("; ");
        throw new CliError(`Bảng điều tra ${file} còn lỗi: ${list}`, `The survey table ${file} has errors: ${list}`);
      }
      return read;
    });
    tables.set(`${lang}\u0000${file}`, table);
  }
  return table;
}

/**
 * A unit's survey points from the table, and what to say (nothing for a catalogue without survey criteria): a unit
 * without a row keeps its sheet's survey column (if any); a row that does not fit the unit's catalogue gives no survey points (so no index), each problem said.
 */
export function surveyPointsFor(table: SurveyTable, unit: string, catalog: Catalog, lang: Lang): { scores?: Map<string, LeafScore>; notes: string[] } {
  if (!catalogParts(catalog).survey) return { notes: [] };
  const row = surveyRowOf(table, unit);
  if (!row) return { notes: [t("aggregate.surveyMissingUnit", { unit, sheet: table.sheet }, lang)] };
  const { scores, problems } = surveyScores(table, row, catalog, lang);
  if (problems.length > 0) return { scores: new Map([...row.scores.keys()].map((code) => [code, null])), notes: problems };
  return { scores, notes: [] };
}

/** The table's rows that matched no unit of the run. */
export function unusedSurveyRows(table: SurveyTable, units: string[], lang: Lang): string[] {
  const used = new Set(units.map((u) => surveyRowOf(table, u)));
  return table.rows.filter((r) => !used.has(r)).map((r) => t("aggregate.surveyUnused", { unit: r.unit, cell: `${table.sheet}!${r.cell}` }, lang));
}
