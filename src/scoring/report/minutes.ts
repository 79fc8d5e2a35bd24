/**
 * The minutes of the council's appraisal (biên bản thẩm định) of one unit, as data: the unit's indexes (self, round
 * 1, final) and every leaf criterion whose score the council changed — round 1 differs from the self score, or the
 * final score differs from round 1 — with the reasons and the unit's explanation as the sheet carries them
 * ("Lý do thẩm định", "Giải trình của đơn vị", "Lý do (vòng 2)"). `par report` lays it out as a document (the
 * CLI's minutes-docx.ts).
 */
import { Catalog, LeafScore, leaves, nodePart } from "../catalog";
import { prepareUnit } from "../sheet/numbering";
import { hasFinal, leafScores, rowsByCode } from "../sheet/scores";
import { UnitCell, UnitSheet } from "../sheet/types";
import { hasAppraisal } from "./summary";
import { UnitSummary } from "./types";

/** One criterion the council changed. Scores: points, "notApplicable", or null (blank or unreadable). */
export interface MinutesItem {
  code: string;
  name: string;
  max: number | null;
  self: LeafScore;
  appraised: LeafScore;
  /** Only when the sheet has final scores (null: this criterion has none). */
  final?: LeafScore;
  /** Texts as typed ("" when blank): round 1's reason, the unit's explanation, round 2's reason. */
  reason: string;
  explanation: string;
  finalReason: string;
}

export interface AppraisalMinutes {
  unit: string;
  sheet: string;
  catalogName: string;
  year: number | null;
  selfIndex: number | null;
  appraisedIndex: number | null;
  /** Only after a second round. */
  finalIndex?: number | null;
  officialIndex: number | null;
  band: string | null;
  /** Main-part points (survey, bonus and penalty apart) of each round, and the applicable maximum. */
  points: { self: number; appraised: number | null; final?: number | null; max: number };
  /** Whether the sheet has final scores (a second round). */
  rounds: 1 | 2;
  items: MinutesItem[];
}

const EPS = 0.005;

function textOf(cell: UnitCell | null | undefined): string {
  const v = cell?.value;
  if (v === null || v === undefined) return "";
  return (typeof v === "string" ? v : String(v)).replace(/\s+/g, " ").trim();
}

function same(a: LeafScore, b: LeafScore): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= EPS;
  return a === b;
}

/**
 * The minutes of a unit's appraisal, or null when its sheet holds no council scores (neither "Điểm thẩm định" nor
 * "Điểm cuối cùng" filled). Criteria in catalogue order; survey criteria are not the council's to score and are left
 * out. A criterion left blank by the council in round 1 is not a change (appraisal-missing is the merge's to say).
 */
export function appraisalMinutes(unit: UnitSheet, catalog: Catalog, summary: UnitSummary): AppraisalMinutes | null {
  unit = prepareUnit(unit, catalog);
  const second = hasFinal(unit);
  if (!hasAppraisal(unit) && !second) return null;
  const rows = rowsByCode(unit);
  const self = leafScores(unit, catalog, "self");
  const appraised = leafScores(unit, catalog, "appraised");
  const final = second ? leafScores(unit, catalog, "final") : null;
  const items: MinutesItem[] = [];
  for (const node of leaves(catalog)) {
    const row = rows.get(node.code);
    if (!row || nodePart(catalog, node.code).survey) continue;
    const s = self.get(node.code) ?? null;
    const a = appraised.get(node.code) ?? null;
    const f = final ? (final.get(node.code) ?? null) : null;
    const changedInRound1 = a !== null && !same(a, s);
    const changedInRound2 = f !== null && !same(f, a !== null ? a : s);
    if (!changedInRound1 && !changedInRound2) continue;
    items.push({
      code: node.code,
      name: node.name,
      max: node.max,
      self: s,
      appraised: a,
      ...(final ? { final: f } : {}),
      reason: textOf(row.appraisalReason),
      explanation: textOf(row.explanation),
      finalReason: textOf(row.finalReason),
    });
  }
  return {
    unit: summary.unit,
    sheet: summary.sheet,
    catalogName: summary.catalogName,
    year: summary.year ?? null,
    selfIndex: summary.selfIndex,
    appraisedIndex: summary.appraisedIndex,
    ...(second ? { finalIndex: summary.finalIndex ?? null } : {}),
    officialIndex: summary.officialIndex,
    band: summary.band,
    points: {
      self: summary.total.self,
      appraised: summary.total.appraised,
      ...(second ? { final: summary.total.final ?? null } : {}),
      max: summary.total.applicableMax,
    },
    rounds: second ? 2 : 1,
    items,
  };
}
