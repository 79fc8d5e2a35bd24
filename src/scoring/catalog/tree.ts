import { ParError } from "../errors";
import { round2 } from "../values";
import { effectiveMax } from "./load";
import { Catalog, CatalogNode } from "./schema";

export { effectiveMax };

/** Depth of a code: "1" → 1 (field), "1.3" → 2 (criterion), "1.3.1" → 3 (sub-criterion). */
export function codeLevel(code: string): number {
  return code.split(".").length;
}

/** Every node, depth first in catalogue order. */
export function walk(nodes: CatalogNode[], into: CatalogNode[] = []): CatalogNode[] {
  for (const node of nodes) {
    into.push(node);
    walk(node.children, into);
  }
  return into;
}

const leafLists = new WeakMap<Catalog, readonly CatalogNode[]>();

/** The catalogue's leaves, depth first, listed once per catalogue (catalogues are never changed in place). */
export function leaves(catalog: Catalog): readonly CatalogNode[] {
  let list = leafLists.get(catalog);
  if (!list) leafLists.set(catalog, (list = walk(catalog.nodes).filter((n) => n.children.length === 0)));
  return list;
}

/** Every node of a catalogue, depth first, listed once per catalogue (catalogues are never changed in place). */
const nodeLists = new WeakMap<Catalog, readonly CatalogNode[]>();

export function catalogNodes(catalog: Catalog): readonly CatalogNode[] {
  let list = nodeLists.get(catalog);
  if (!list) nodeLists.set(catalog, (list = walk(catalog.nodes)));
  return list;
}

const indexes = new WeakMap<Catalog, Map<string, CatalogNode>>();

/** The catalogue's nodes by code, built once per catalogue. */
export function nodeIndex(catalog: Catalog): ReadonlyMap<string, CatalogNode> {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map(catalogNodes(catalog).map((n) => [n.code, n]));
    indexes.set(catalog, index);
  }
  return index;
}

/** "1.1." and " 1.1 " are "1.1"; a number 1.1 is "1.1". */
export function normalizeCode(code: string | number): string {
  return isCanonical(code) ? code : String(code).trim().replace(/\.+$/, "");
}

/** A code that starts and ends with a digit is its own normal form (the common case: codes read from sheets). */
function isCanonical(code: string | number): code is string {
  if (typeof code !== "string" || code.length === 0) return false;
  const first = code.charCodeAt(0);
  const last = code.charCodeAt(code.length - 1);
  return first >= 48 && first <= 57 && last >= 48 && last <= 57;
}

export function findNode(catalog: Catalog, code: string | number): CatalogNode | undefined {
  return nodeIndex(catalog).get(normalizeCode(code));
}

/** How a catalogue is named in messages: its title in quotes, with its id (what --catalog and the pane take) in brackets. */
export function catalogLabel(catalog: Catalog): string {
  return catalog.name && catalog.name !== catalog.id ? `"${catalog.name}" (${catalog.id})` : `"${catalog.id}"`;
}

/** Like findNode, but an unknown code is a ParError that names the code and the catalogue. */
export function getNode(catalog: Catalog, code: string | number): CatalogNode {
  if (typeof code === "number") refuseAmbiguousNumber(catalog, code);
  const node = findNode(catalog, code);
  if (!node) throw new ParError("catalog.unknownCode", { code: normalizeCode(code), catalog: catalogLabel(catalog) });
  return node;
}

/**
 * A code typed as a number has lost its trailing zeros (Excel in an English locale turns "1.10" into 1.1), so
 * when the catalogue has both 1.1 and 1.10 the number cannot say which one is meant: refuse rather than guess.
 */
function refuseAmbiguousNumber(catalog: Catalog, code: number): void {
  const text = normalizeCode(code);
  if (!text.includes(".")) return;
  const index = nodeIndex(catalog);
  const matches: string[] = [];
  for (let candidate = text; candidate.length <= text.length + 3; candidate += "0") {
    if (index.has(candidate)) matches.push(candidate);
  }
  if (matches.length > 1) {
    throw new ParError("catalog.ambiguousNumber", { number: text, codes: matches.join(", "), catalog: catalogLabel(catalog) });
  }
}

/** A leaf's entry for roll-up: its points, "not applicable", or nothing yet (counts as 0 achieved). */
export type LeafScore = number | "notApplicable" | null;

/** Where a node's points go: the main points ("base"), or a bonus or penalty section. */
export type PartKind = "base" | "bonus" | "penalty";

export interface NodePart {
  kind: PartKind;
  /** Scored by a sociological survey (the node or an ancestor says assessedBy "survey"). */
  survey: boolean;
}

const parts = new WeakMap<Catalog, Map<string, NodePart>>();

function partsOf(catalog: Catalog): Map<string, NodePart> {
  let map = parts.get(catalog);
  if (!map) {
    map = new Map();
    const visit = (node: CatalogNode, kind: PartKind, survey: boolean) => {
      const own = { kind, survey: survey || node.assessedBy === "survey" };
      map!.set(node.code, own);
      node.children.forEach((c) => visit(c, own.kind, own.survey));
    };
    catalog.nodes.forEach((n) => visit(n, n.kind ?? "base", false));
    parts.set(catalog, map);
  }
  return map;
}

/** Which part a node belongs to (base, bonus or penalty) and whether a survey scores it. */
export function nodePart(catalog: Catalog, code: string): NodePart {
  return partsOf(catalog).get(normalizeCode(code)) ?? { kind: "base", survey: false };
}

/** Whether the catalogue has survey criteria, a bonus section, a penalty section. */
export function catalogParts(catalog: Catalog): { survey: boolean; bonus: boolean; penalty: boolean } {
  const all = [...partsOf(catalog).values()];
  return { survey: all.some((p) => p.survey), bonus: all.some((p) => p.kind === "bonus"), penalty: all.some((p) => p.kind === "penalty") };
}

export interface RollupNode {
  code: string;
  name: string;
  /** The part the node is in. */
  kind: PartKind;
  /** Sum of leaf maxima (null where some leaf has no known max); in a bonus or penalty section, its cap. */
  max: number | null;
  /** Max less the not-applicable leaves': the denominator of the index (0 in bonus and penalty sections). */
  applicableMax: number;
  /** Points of the self-assessed leaves of the main part (each at most its leaf's max). */
  achieved: number;
  /** Points of the survey leaves (each at most its max). */
  survey: number;
  /** Whether the node has survey leaves at all. */
  hasSurvey: boolean;
  /** Applicable survey leaves whose points nobody gave yet: no index until they are known. */
  surveyMissing: string[];
  /** Bonus points, each node of the section capped at its max. */
  bonus: number;
  /** Points deducted (a positive number), each node of the section capped at its max. */
  penalty: number;
  /** achieved + survey + bonus − penalty; the grand total is kept within 0..applicableMax. */
  total: number;
  /** Self-assessed main-part leaves with no score yet. */
  unscored: number;
  /** Applicable leaves whose maximum nobody gave (a names-only catalogue and no max on the sheet): no index then. */
  missingMax: string[];
  notApplicable: boolean;
  /** total / applicableMax × 100, or null when nothing applies, a maximum or survey points are missing. */
  index: number | null;
  children: RollupNode[];
}

export interface Rollup {
  fields: RollupNode[];
  total: Omit<RollupNode, "code" | "name" | "children" | "kind">;
}

type Totals = Omit<RollupNode, "code" | "name" | "children" | "kind">;

function indexOfTotals(t: Pick<Totals, "total" | "applicableMax" | "missingMax" | "surveyMissing">): number | null {
  return t.missingMax.length || t.surveyMissing.length ? null : parIndex(t.total, t.applicableMax);
}

function rollLeaf(node: CatalogNode, part: NodePart, score: LeafScore): Totals {
  const max = node.max;
  const na = score === "notApplicable";
  const missingMax = !na && max === null ? [node.code] : [];
  // A score above the maximum is reported by validation and counts as the maximum: the index stays within 100.
  const points = typeof score === "number" ? (max !== null ? Math.min(score, max) : score) : 0;
  const base = part.kind === "base";
  const totals: Totals = {
    max,
    applicableMax: base && !na ? (max ?? 0) : 0,
    achieved: base && !part.survey ? points : 0,
    survey: base && part.survey ? points : 0,
    hasSurvey: part.survey,
    surveyMissing: part.survey && score === null ? [node.code] : [],
    bonus: part.kind === "bonus" ? Math.max(0, points) : 0,
    penalty: part.kind === "penalty" ? Math.max(0, points) : 0,
    total: 0,
    unscored: base && !part.survey && score === null ? 1 : 0,
    missingMax,
    notApplicable: na,
    index: null,
  };
  totals.total = totals.achieved + totals.survey + totals.bonus - totals.penalty;
  totals.index = base ? indexOfTotals(totals) : null;
  return totals;
}

function rollNode(catalog: Catalog, node: CatalogNode, scores: ReadonlyMap<string, LeafScore>): RollupNode {
  const part = nodePart(catalog, node.code);
  if (node.children.length === 0) {
    return { code: node.code, name: node.name, kind: part.kind, ...rollLeaf(node, part, scores.get(node.code) ?? null), children: [] };
  }
  const children = node.children.map((c) => rollNode(catalog, c, scores));
  const totals = combine(children);
  const max = effectiveMax(node);
  if (part.kind !== "base" && max !== null) {
    totals.bonus = round2(Math.min(totals.bonus, max));
    totals.penalty = round2(Math.min(totals.penalty, max));
    totals.total = round2(totals.bonus - totals.penalty);
  }
  if (part.kind !== "base") totals.index = null;
  return { code: node.code, name: node.name, kind: part.kind, ...totals, max, children };
}

function combine(children: Totals[]): Totals {
  const sum = (f: (c: Totals) => number) => round2(children.reduce((a, c) => a + f(c), 0));
  const maxes = children.map((c) => c.max);
  const totals: Totals = {
    max: maxes.every((m) => m !== null) ? round2(maxes.reduce((a: number, m) => a + (m ?? 0), 0)) : null,
    applicableMax: sum((c) => c.applicableMax),
    achieved: sum((c) => c.achieved),
    survey: sum((c) => c.survey),
    hasSurvey: children.some((c) => c.hasSurvey),
    surveyMissing: children.flatMap((c) => c.surveyMissing),
    bonus: sum((c) => c.bonus),
    penalty: sum((c) => c.penalty),
    total: sum((c) => c.total),
    unscored: children.reduce((a, c) => a + c.unscored, 0),
    missingMax: children.flatMap((c) => c.missingMax),
    notApplicable: children.length > 0 && children.every((c) => c.notApplicable),
    index: null,
  };
  totals.index = indexOfTotals(totals);
  return totals;
}

/**
 * Rolls leaf scores up to criteria, fields and the total. A score counts at most its leaf's maximum;
 * not-applicable leaves leave the denominator. Survey leaves count in the main points (their scores are in `scores`
 * like the others). Bonus and penalty sections add and subtract their points, each capped at its max, outside the
 * denominator; the grand total stays within 0..applicable max. Where an applicable leaf has no maximum, or a survey
 * leaf has no points yet, the index is unknown (null), never computed over a smaller denominator or without them.
 */
export function rollUp(catalog: Catalog, scores: ReadonlyMap<string, LeafScore>): Rollup {
  const fields = catalog.nodes.map((n) => rollNode(catalog, n, scores));
  const total = combine(fields);
  total.total = round2(Math.min(Math.max(total.total, 0), total.applicableMax));
  total.max = round2(fields.filter((f) => f.kind === "base").reduce((a, f) => a + (f.max ?? 0), 0));
  if (fields.some((f) => f.kind === "base" && f.max === null)) total.max = null;
  total.index = indexOfTotals(total);
  return { fields, total };
}

/** index = achieved / applicable max × 100, rounded to 2 decimals; null when nothing applies (or absurd input overflows). */
export function parIndex(achieved: number, applicableMax: number): number | null {
  const index = (achieved / applicableMax) * 100;
  return applicableMax > 0 && Number.isFinite(index) ? round2(index) : null;
}
