import { Catalog, CatalogNode, catalogNodes, leaves, nodePart } from "../catalog";
import { fold } from "../values";

/**
 * Who appraises what (hội đồng thẩm định): each catalogue node may name an agency (`appraisedBy`), which its
 * descendants inherit. Only leaves are appraised: a field or criterion's points are the sum of its leaves'. Survey
 * criteria (assessedBy "survey") are scored by the sociological survey, not by the council, and are left out.
 */

/** The agency that appraises `code`: its own appraisedBy, else its nearest ancestor's; null when none is named. */
export function appraisingAgency(catalog: Catalog, code: string): string | null {
  const byCode = new Map(catalogNodes(catalog).map((n) => [n.code, n]));
  for (let c: string | null = code; c !== null; c = c.includes(".") ? c.slice(0, c.lastIndexOf(".")) : null) {
    const agency = byCode.get(c)?.appraisedBy;
    if (agency) return agency;
  }
  return null;
}

/** Agencies are compared as people write them: any case, with or without diacritics, spaces squeezed. */
export const agencyKey = (name: string): string => fold(name).replace(/\s+/g, " ").trim();

export interface Assignment {
  /** Each agency (as the catalogue first writes it) with its leaves, in catalogue order; agencies in first-seen order. */
  agencies: { agency: string; criteria: CatalogNode[] }[];
  /** Leaves appraised by the council but assigned to no agency: they go on no form (said, never dropped). */
  unassigned: CatalogNode[];
  /** Agency of each appraised leaf (null: unassigned). */
  agencyOf: Map<string, string | null>;
}

/** The leaves the council appraises, grouped by agency. */
export function assignCriteria(catalog: Catalog): Assignment {
  const agencies: Assignment["agencies"] = [];
  const byKey = new Map<string, Assignment["agencies"][number]>();
  const unassigned: CatalogNode[] = [];
  const agencyOf = new Map<string, string | null>();
  for (const leaf of leaves(catalog)) {
    if (nodePart(catalog, leaf.code).survey) continue;
    const agency = appraisingAgency(catalog, leaf.code);
    if (!agency) {
      unassigned.push(leaf);
      agencyOf.set(leaf.code, null);
      continue;
    }
    let group = byKey.get(agencyKey(agency));
    if (!group) {
      group = { agency, criteria: [] };
      byKey.set(agencyKey(agency), group);
      agencies.push(group);
    }
    group.criteria.push(leaf);
    agencyOf.set(leaf.code, group.agency);
  }
  return { agencies, unassigned, agencyOf };
}
