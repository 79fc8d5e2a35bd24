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

export function leaves(catalog: Catalog): CatalogNode[] {
  return [...walk(catalog.nodes)].filter((n) => n.children.length === 0);
}

const indexes = new WeakMap<Catalog, Map<string, CatalogNode>>();

function indexOf(catalog: Catalog): Map<string, CatalogNode> {
  let index = indexes.get(catalog);
  if (!index) {
    index = new Map([...walk(catalog.nodes)].map((n) => [n.code, n]));
    indexes.set(catalog, index);
  }
  return index;
}

/** "1.1." and " 1.1 " are "1.1"; a number 1.1 is "1.1". */
export function normalizeCode(code: string | number): string {
  return String(code).trim().replace(/\.+$/, "");
}

export function findNode(catalog: Catalog, code: string | number): CatalogNode | undefined {
  return indexOf(catalog).get(normalizeCode(code));
}

/** Like findNode, but an unknown code is a ParError that names the code and the catalogue. */
export function getNode(catalog: Catalog, code: string | number): CatalogNode {
  const node = findNode(catalog, code);
  if (!node) throw new ParError("catalog.unknownCode", { code: normalizeCode(code), catalog: catalog.id });
  return node;
}

/** A leaf's entry for roll-up: its points, "not applicable", or nothing yet (counts as 0 achieved). */
export type LeafScore = number | "notApplicable" | null;

export interface RollupNode {
  code: string;
  name: string;
  /** Sum of leaf maxima (null where some leaf has no known max). */
  max: number | null;
  /** Max less the not-applicable leaves': the denominator of the index. */
  applicableMax: number;
  achieved: number;
  /** Leaves with no score yet. */
  unscored: number;
  /** Applicable leaves whose maximum nobody gave (a names-only catalogue and no max on the sheet): no index then. */
  missingMax: string[];
  notApplicable: boolean;
  /** achieved / applicableMax × 100, or null when nothing applies. */
  index: number | null;
  children: RollupNode[];
}

export interface Rollup {
  fields: RollupNode[];
  total: Omit<RollupNode, "code" | "name" | "children">;
}

function rollNode(node: CatalogNode, scores: ReadonlyMap<string, LeafScore>): RollupNode {
  if (node.children.length === 0) {
    const score = scores.get(node.code) ?? null;
    const max = node.max;
    const na = score === "notApplicable";
    const applicableMax = na ? 0 : (max ?? 0);
    const missingMax = !na && max === null ? [node.code] : [];
    // A score above the maximum is reported by validation and counts as the maximum: the index stays within 100.
    const achieved = typeof score === "number" ? (max !== null ? Math.min(score, max) : score) : 0;
    return {
      code: node.code,
      name: node.name,
      max,
      applicableMax,
      achieved,
      unscored: score === null ? 1 : 0,
      missingMax,
      notApplicable: na,
      index: missingMax.length ? null : parIndex(achieved, applicableMax),
      children: [],
    };
  }
  const children = node.children.map((c) => rollNode(c, scores));
  return { code: node.code, name: node.name, ...combine(children), max: effectiveMax(node), children };
}

function combine(children: RollupNode[]) {
  const applicableMax = round2(children.reduce((a, c) => a + c.applicableMax, 0));
  const achieved = round2(children.reduce((a, c) => a + c.achieved, 0));
  const maxes = children.map((c) => c.max);
  const missingMax = children.flatMap((c) => c.missingMax);
  return {
    max: maxes.every((m) => m !== null) ? round2(maxes.reduce((a: number, m) => a + (m ?? 0), 0)) : null,
    applicableMax,
    achieved,
    unscored: children.reduce((a, c) => a + c.unscored, 0),
    missingMax,
    notApplicable: children.length > 0 && children.every((c) => c.notApplicable),
    index: missingMax.length ? null : parIndex(achieved, applicableMax),
  };
}

/**
 * Rolls leaf scores up to criteria, fields and the total; not-applicable leaves leave the denominator. A score
 * counts at most its leaf's maximum. Where an applicable leaf has no maximum at all, the index is unknown (null),
 * never computed over a smaller denominator.
 */
export function rollUp(catalog: Catalog, scores: ReadonlyMap<string, LeafScore>): Rollup {
  const fields = catalog.nodes.map((n) => rollNode(n, scores));
  return { fields, total: combine(fields) };
}

/** index = achieved / applicable max × 100, rounded to 2 decimals; null when nothing applies (or absurd input overflows). */
export function parIndex(achieved: number, applicableMax: number): number | null {
  const index = (achieved / applicableMax) * 100;
  return applicableMax > 0 && Number.isFinite(index) ? round2(index) : null;
}
