/** A unit's figures as plain data (`par summary --json`): the same names as the summary, camelCase like the findings. */
import { SummaryLine, UnitSummary } from "./types";

/** The points of a summary line that the figures carry, as the summary names them. */
type LineFigures = Pick<SummaryLine, "self" | "appraised" | "survey" | "bonus" | "penalty" | "total" | "applicableMax" | "max">;

export interface FieldFigures extends LineFigures, Pick<SummaryLine, "code" | "name" | "kind"> {
  /** After a second round only. */
  final?: number | null;
  /** Official % achieved (appraised when there is an appraisal, else self); null for a bonus or penalty section. */
  index: number | null;
}

export interface UnitFigures extends LineFigures {
  index: number | null;
  unit: string;
  sheet: string;
  year: number | null;
  catalogId: string;
  band: string | null;
  selfIndex: number | null;
  appraisedIndex: number | null;
  /** After a second round only. */
  finalIndex?: number | null;
  /** After a second round only: the final points (see SummaryLine.final). */
  final?: number | null;
  errors: number;
  warnings: number;
  fields: FieldFigures[];
}

function figures(line: SummaryLine): LineFigures & { final?: number | null } {
  return {
    self: line.self,
    appraised: line.appraised,
    ...(line.final !== undefined ? { final: line.final } : {}),
    survey: line.survey,
    bonus: line.bonus,
    penalty: line.penalty,
    total: line.total,
    applicableMax: line.applicableMax,
    max: line.max,
  };
}

export function unitFigures(summary: UnitSummary): UnitFigures {
  return {
    unit: summary.unit,
    sheet: summary.sheet,
    year: summary.year ?? null,
    catalogId: summary.catalogId,
    index: summary.officialIndex,
    band: summary.band,
    selfIndex: summary.selfIndex,
    appraisedIndex: summary.appraisedIndex,
    ...(summary.finalIndex !== undefined ? { finalIndex: summary.finalIndex } : {}),
    ...figures(summary.total),
    errors: summary.errors,
    warnings: summary.warnings,
    fields: summary.fields.map((f) => ({
      code: f.code,
      name: f.name,
      kind: f.kind,
      index: f.kind === "base" ? (f.final !== undefined ? f.finalPercent ?? null : (f.appraisedPercent ?? (f.appraised === null ? f.selfPercent : null))) : null,
      ...figures(f),
    })),
  };
}
