/**
 * The criteria most units lost points on, for the province's annual report: from each unit's improvement plan
 * (buildPlan: every leaf criterion of the main points that lost points on the official figures), how many units
 * lost points on each criterion and how many points they lost together. Criteria are told apart by catalogue.
 */
import { round2 } from "../values";
import { PlanItem } from "./types";

/** What one unit lost on one criterion (a plan item, without the rest). */
export interface UnitLoss {
  code: string;
  name: string;
  lost: number;
}

export interface CriterionLoss {
  catalogId: string;
  code: string;
  name: string;
  /** Units that lost points on it. */
  units: number;
  /** Points those units lost together. */
  points: number;
}

/** A plan's items as the losses the tally needs. */
export function unitLosses(items: PlanItem[]): UnitLoss[] {
  return items.map((i) => ({ code: i.code, name: i.name, lost: i.lost }));
}

/** Counts units and points lost per criterion, over units added one at a time. */
export class LossTally {
  private readonly byKey = new Map<string, CriterionLoss>();

  add(catalogId: string, losses: UnitLoss[]): void {
    for (const loss of losses) {
      if (!(loss.lost > 0)) continue;
      const key = `${catalogId}\u0000${loss.code}`;
      let entry = this.byKey.get(key);
      if (!entry) this.byKey.set(key, (entry = { catalogId, code: loss.code, name: loss.name, units: 0, points: 0 }));
      entry.units++;
      entry.points = round2(entry.points + loss.lost);
    }
  }

  /** Every criterion, most units first, then most points, then by catalogue and code (1.2 before 1.10). */
  all(): CriterionLoss[] {
    return [...this.byKey.values()].sort(compareLosses).map((e) => ({ ...e }));
  }
}

/** Made when first compared: a collator costs about 10 ms to make, which `par validate` need not pay. */
let codeCollator: Intl.Collator | null = null;

export function compareLosses(a: CriterionLoss, b: CriterionLoss): number {
  codeCollator ??= new Intl.Collator("en", { numeric: true });
  return b.units - a.units || b.points - a.points || codeCollator.compare(a.catalogId, b.catalogId) || codeCollator.compare(a.code, b.code);
}

/** The `n` criteria most units lost points on (ties: most points). */
export function topLosses(losses: CriterionLoss[], n = 10): CriterionLoss[] {
  return [...losses].sort(compareLosses).slice(0, n);
}
