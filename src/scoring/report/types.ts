import type { EvidenceItem, PartKind } from "../catalog";
import { Numbering } from "../sheet/types";
import { FindingKind, Severity } from "../validate/types";

/** One line of a unit's summary: a field (or a bonus or penalty section), or the total. Points are rounded to 2 decimals. */
export interface SummaryLine {
  code: string;
  name: string;
  /** "base" for a field of the main points; "bonus" or "penalty" for such a section (the total line: "base"). */
  kind: PartKind;
  /** Sum of the leaves' maxima (a bonus or penalty section: its cap); null where some leaf has no known max. */
  max: number | null;
  /** Max less the not-applicable leaves' (0 for a bonus or penalty section: they are not in the denominator). */
  applicableMax: number;
  /** Self-assessed points of the main part (survey criteria excluded). */
  self: number;
  /** Null when the sheet has no appraised column. */
  appraised: number | null;
  /** Points of the survey criteria (điều tra XHH); null where the line has none. */
  survey: number | null;
  /** Bonus points (điểm thưởng), capped; on the official figures (appraised when there are, else self). */
  bonus: number;
  /** Points deducted (điểm trừ), as a positive number, capped; on the official figures. */
  penalty: number;
  /** Official points + survey + bonus − penalty; the total line stays within 0..applicable max. */
  total: number;
  /** The self-assessed figures' total / applicableMax × 100 (null when nothing applies or points are missing). */
  selfPercent: number | null;
  appraisedPercent: number | null;
  /**
   * After a second round (a "Điểm cuối cùng" column with scores): the final points (a leaf without a final score
   * counts at round 1, else self) and their %; absent otherwise.
   */
  final?: number | null;
  finalPercent?: number | null;
  /** applicableMax − total (never below 0); 0 for a bonus or penalty section. */
  lost: number;
}

export interface CriterionRef {
  code: string;
  name: string;
  sheet: string;
  cell: string;
}

export interface UnitSummary {
  unit: string;
  sheet: string;
  /** The assessment year: given (--year), else the sheet's title ("… NĂM 2018"), else the catalogue's; null when none says. */
  year?: number | null;
  catalogId: string;
  catalogName: string;
  /** The level the catalogue assesses (department, ward, commune…), when it says. */
  catalogLevel?: "department" | "ward" | "commune" | "special-zone" | "district" | "province";
  /** The province whose units the catalogue assesses, when it says. */
  catalogProvince?: string;
  fields: SummaryLine[];
  total: SummaryLine;
  selfIndex: number | null;
  /** Null when the sheet has no appraised column. */
  appraisedIndex: number | null;
  /** After a second round (a "Điểm cuối cùng" column with scores): the final index; absent otherwise. */
  finalIndex?: number | null;
  /** After a second round: the leaves without a final score, counted at round 1 (else self). */
  finalMissing?: string[];
  /** The council's figure when there is one (final after a second round, else appraised), else the self-assessed one. */
  officialIndex: number | null;
  /** Class band of the official index (A, B, C, D by default; the catalogue's bands when it has some). */
  band: string | null;
  /** The bands `band` was taken from. */
  bands?: ClassBand[];
  findingCounts: Record<FindingKind, number>;
  /** The same counts split by severity (set by buildSummary; optional for summaries made elsewhere). */
  findingSeverities?: Record<FindingKind, Record<Severity, number>>;
  errors: number;
  warnings: number;
  /** Scored leaf criteria that have no evidence at all. */
  withoutEvidence: CriterionRef[];
  /**
   * Applicable leaf criteria whose maximum neither the catalogue nor the sheet gives (a names-only catalogue and a
   * row left out): the index is then unknown (null), never computed over a smaller denominator.
   */
  missingMax?: string[];
  /** How the sheet numbered its criteria (see Numbering). */
  numbering?: Numbering;
  /** Applicable survey criteria with no points yet (no survey column value, not in the survey table): no index. */
  surveyMissing?: string[];
  /** Which parts the catalogue has beyond its main points (the summary and ranking show their columns then). */
  parts?: { survey: boolean; bonus: boolean; penalty: boolean };
  /** Where the survey points came from: the sheet's survey column, a survey table, or none. */
  surveySource?: "sheet" | "table" | null;
}

/** A class band: an index at or above `min` gets `label` (bands sorted by min, highest first). */
export interface ClassBand {
  label: string;
  min: number;
}

export const DEFAULT_BANDS: ClassBand[] = [
  { label: "A", min: 90 },
  { label: "B", min: 80 },
  { label: "C", min: 70 },
  { label: "D", min: Number.NEGATIVE_INFINITY },
];

export interface RankingEntry {
  unit: string;
  /** The unit's assessment year (UnitSummary.year), when known. */
  year?: number | null;
  /** The unit's catalogue (units of different catalogues are never in one group). */
  catalogId?: string;
  /** The group the unit is ranked in (e.g. "Sở, ban, ngành", "UBND cấp huyện"); null when not grouped. */
  group: string | null;
  /** Where it came from (file name), for the reader of the ranking. */
  source: string | null;
  officialIndex: number | null;
  selfIndex: number | null;
  appraisedIndex: number | null;
  /** After a second round: the final index (the official one); absent otherwise. */
  finalIndex?: number | null;
  /** Competition rank within its group (1, 2, 2, 4); null when the unit has no index. */
  rank: number | null;
  band: string | null;
  errors: number;
  warnings: number;
  /** Official points of the main part, survey, bonus, penalty and total (from the unit's summary). */
  points?: { base: number; survey: number | null; bonus: number; penalty: number; total: number; applicableMax: number };
  /** The parts of the unit's catalogue (see UnitSummary.parts). */
  parts?: { survey: boolean; bonus: boolean; penalty: boolean };
}

export interface RankingGroup {
  name: string | null;
  entries: RankingEntry[];
  /** The bands this group was classed with (its catalogue's, unless bands were given for all). */
  bands?: ClassBand[];
}

export interface Ranking {
  groups: RankingGroup[];
  bands: ClassBand[];
}

/** A criterion that lost points, with what next year's plan needs to say about it (the seed 000 appendix). */
export interface PlanItem {
  code: string;
  name: string;
  lost: number;
  achieved: number;
  max: number | null;
  target: number | null;
  targetText: string | null;
  evidence: EvidenceItem[];
  evidenceRequirement: string | null;
  deadline: string | null;
  lead: string | null;
  coordinating: string | null;
}

export interface ImprovementPlan {
  unit: string;
  catalogId: string;
  /** The catalogue's name (set by buildPlan; optional for plans made elsewhere). */
  catalogName?: string;
  /** Largest loss first; equal losses in catalogue order. */
  items: PlanItem[];
}
