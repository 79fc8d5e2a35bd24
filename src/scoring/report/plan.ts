import { Catalog, leaves, nodePart } from "../catalog";
import { prepareUnit } from "../sheet/numbering";
import { finalLeafScores, hasFinal, leafScores } from "../sheet/scores";
import { UnitSheet } from "../sheet/types";
import { round2 } from "../values";
import { hasAppraisal } from "./summary";
import { ImprovementPlan, PlanItem } from "./types";

/**
 * Next year's improvement plan (the appendix of the PAR plan): every scored leaf criterion that lost points on
 * the official figures (the council's — final after a second round — when the sheet has them, else the unit's own), largest loss first and equal
 * losses in catalogue order, with what the catalogue says about reaching it again: target, evidence, requirement,
 * deadline, lead and coordinating agencies. An unscored (or missing) criterion lost its whole maximum;
 * not-applicable criteria, criteria the catalogue gives no maximum, and bonus and penalty sections are left out.
 */
export function buildPlan(unit: UnitSheet, catalog: Catalog): ImprovementPlan {
  unit = prepareUnit(unit, catalog);
  const scores = hasFinal(unit) ? finalLeafScores(unit, catalog) : leafScores(unit, catalog, hasAppraisal(unit) ? "appraised" : "self");
  const items: PlanItem[] = [];
  for (const node of leaves(catalog)) {
    if (node.max === null || nodePart(catalog, node.code).kind !== "base") continue;
    const score = scores.get(node.code) ?? null;
    if (score === "notApplicable") continue;
    const achieved = typeof score === "number" ? round2(Math.min(score, node.max)) : 0;
    const lost = round2(node.max - achieved);
    if (!(lost > 0)) continue;
    items.push({
      code: node.code,
      name: node.name,
      lost,
      achieved,
      max: node.max,
      target: node.target,
      targetText: node.targetText,
      evidence: node.evidence.map((e) => ({ ...e })),
      evidenceRequirement: node.evidenceRequirement,
      deadline: node.deadline,
      lead: node.lead,
      coordinating: node.coordinating,
    });
  }
  // Array.prototype.sort is stable: equal losses keep catalogue order.
  items.sort((a, b) => b.lost - a.lost);
  return { unit: unit.unit, catalogId: catalog.id, catalogName: catalog.name, items };
}
