import { EvidenceItem } from "../catalog";
import { Numbering } from "../sheet/types";
import { FindingKind, Severity } from "../validate/types";

/** One line of a unit's summary: a field, or the total. Points are rounded to 2 decimals. */
export interface SummaryLine {
  code: string;
  name: string;
  /** Sum of the leaves' maxima; null where some leaf has no known max. */
  max: number | null;
  /** Max less the not-applicable leaves'. */
  applicableMax: number;
  self: number;
  /** Null when the sheet has no appraised column. */
  appraised: number | null;
  /** self / applicableMax × 100 (null when nothing applies). */
  selfPercent: number | null;
  appraisedPercent: number | null;
  /** applicableMax − the official points (appraised when there is an appraised column, else self). */
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
  catalogId: string;
  catalogName: string;
  fields: SummaryLine[];
  total: SummaryLine;
  selfIndex: number | null;
  /** Null when the sheet has no appraised column. */
  appraisedIndex: number | null;
  /** The council's figure when there is one (appraised), else the self-assessed one. */
  officialIndex: number | null;
  /** Class band of the official index (A, B, C, D by default). */
  band: string | null;
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
  /** The group the unit is ranked in (e.g. "Sở, ban, ngành", "UBND cấp huyện"); null when not grouped. */
  group: string | null;
  /** Where it came from (file name), for the reader of the ranking. */
  source: string | null;
  officialIndex: number | null;
  selfIndex: number | null;
  appraisedIndex: number | null;
  /** Competition rank within its group (1, 2, 2, 4); null when the unit has no index. */
  rank: number | null;
  band: string | null;
  errors: number;
  warnings: number;
}

export interface RankingGroup {
  name: string | null;
  entries: RankingEntry[];
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
