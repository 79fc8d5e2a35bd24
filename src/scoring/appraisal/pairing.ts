import { SummaryLine, UnitSummary } from "../report/types";
import { fold } from "../values";

/**
 * Pairing a council's appraisal workbook with the unit's self-assessment (par aggregate).
 *
 * The council often returns its appraisal as a workbook of its own: letterhead "SỞ NỘI VỤ", "Đơn vị được thẩm
 * định: UBND xã …" (the reader takes that label as the unit's name), the appraised scores. Ranked as it is, the
 * unit would appear twice. Two summaries of the same unit (name, catalogue and year), exactly one of which holds
 * appraised scores, are one unit: the self figures from the unit's workbook, the appraised (and so the official)
 * figures from the council's. Anything else (two self-assessments, two appraisals) is left as it is, for the
 * duplicate check to name both places.
 */

export interface Pairable {
  summary: UnitSummary;
  /** Where it came from (file, and sheet when the file holds several units). */
  source: string;
}

export interface Pairing {
  unit: string;
  /** The self-assessment's source and the appraisal's. */
  self: string;
  appraisal: string;
  /** The findings of the appraisal workbook's own sheet (not counted in the unit's row). */
  appraisalErrors: number;
  appraisalWarnings: number;
}

const unitKey = (s: UnitSummary) => [fold(s.unit).replace(/\s+/g, " ").trim(), s.catalogId, s.year ?? ""].join("|");

/** One line of both: the council's official figures with the unit's own self figures. */
function joinLine(self: SummaryLine, appraisal: SummaryLine | undefined): SummaryLine {
  if (!appraisal) return self;
  return { ...appraisal, name: self.name, self: self.self, selfPercent: self.selfPercent };
}

/**
 * The unit's summary with the council's appraisal joined: self from `self`, appraised and official from `appraisal`.
 * The findings counted are the unit's own workbook's: the council's sheet, read as a self-assessment, has findings
 * that say nothing about the unit (no self scores, no evidence column); how many it has is said with the pairing
 * (Pairing.appraisalErrors/Warnings), so that `par validate` can be run on it.
 */
export function joinAppraisal(self: UnitSummary, appraisal: UnitSummary): UnitSummary {
  const byCode = new Map(appraisal.fields.map((f) => [f.code, f]));
  return {
    ...appraisal,
    unit: self.unit,
    sheet: self.sheet,
    year: self.year ?? appraisal.year,
    fields: self.fields.map((f) => joinLine(f, byCode.get(f.code))),
    total: joinLine(self.total, appraisal.total),
    selfIndex: self.selfIndex,
    findingCounts: self.findingCounts,
    findingSeverities: self.findingSeverities,
    errors: self.errors,
    warnings: self.warnings,
    withoutEvidence: self.withoutEvidence,
  };
}

/**
 * Joins each appraisal workbook with its unit's self-assessment; returns the entries to rank (the self entry
 * carrying the joined summary, the appraisal's entry removed) and which source was paired with which.
 */
export function pairAppraisals<T extends Pairable>(entries: T[]): { entries: T[]; pairs: Pairing[] } {
  const groups = new Map<string, T[]>();
  for (const e of entries) {
    const key = unitKey(e.summary);
    const list = groups.get(key) ?? [];
    list.push(e);
    groups.set(key, list);
  }
  const drop = new Set<T>();
  const joined = new Map<T, T>();
  const pairs: Pairing[] = [];
  for (const list of groups.values()) {
    if (list.length !== 2) continue;
    const appraisals = list.filter((e) => e.summary.appraisedIndex !== null || e.summary.total.appraised !== null);
    if (appraisals.length !== 1) continue;
    const appraisal = appraisals[0];
    const self = list.find((e) => e !== appraisal)!;
    joined.set(self, { ...self, summary: joinAppraisal(self.summary, appraisal.summary) });
    drop.add(appraisal);
    pairs.push({ unit: self.summary.unit, self: self.source, appraisal: appraisal.source, appraisalErrors: appraisal.summary.errors, appraisalWarnings: appraisal.summary.warnings });
  }
  return { entries: entries.filter((e) => !drop.has(e)).map((e) => joined.get(e) ?? e), pairs };
}
