import type { z } from "zod";
import { ParError } from "../errors";
import { figure, Lang, t } from "../i18n/messages";
import { parseBands } from "../report/bands";
import { parseRuleCached } from "../rules/parse";
import { nfcDeep } from "../text";
import { round2 } from "../values";
import type { Catalog, CatalogNode } from "./schema";
import { normalizeBuiltin } from "./builtin-normalize";

/** One problem in a catalogue: which file, which node (code) and which field, and what is wrong. */
export interface CatalogIssue {
  source: string;
  code: string | null;
  field: string | null;
  message: string;
}

export class CatalogError extends ParError {
  constructor(
    readonly source: string,
    readonly issues: CatalogIssue[],
  ) {
    super("catalog.invalid", {
      source,
      detail: issues.map((i) => t("catalog.issue", { where: where(i), detail: i.message })).join("; "),
    });
    this.name = "CatalogError";
  }
}

function where(issue: CatalogIssue): string {
  const parts = [issue.code ? `tiêu chí ${issue.code}` : null, issue.field ? `trường "${issue.field}"` : null];
  return parts.filter(Boolean).join(", ") || "gốc";
}

/** Walks a zod issue path through the raw JSON to name the node's code and the field. */
function locate(raw: unknown, path: PropertyKey[]): { code: string | null; field: string | null } {
  let node: unknown = raw;
  let code: string | null = null;
  let field: string | null = null;
  for (const key of path) {
    if (node && typeof node === "object") {
      node = (node as Record<PropertyKey, unknown>)[key];
      if (typeof key === "string") field = key;
      if (node && typeof node === "object" && !Array.isArray(node)) {
        const c = (node as { code?: unknown }).code;
        if (typeof c === "string" || typeof c === "number") code = String(c);
      }
    }
  }
  return { code, field };
}

function structuralIssues(source: string, catalog: Catalog, lang: Lang): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const seen = new Set<string>();
  const issue = (code: string | null, field: string, message: string) => issues.push({ source, code, field, message });
  if (catalog.bands) {
    try {
      parseBands(catalog.bands);
    } catch (e) {
      if (!(e instanceof ParError)) throw e;
      issue(null, "bands", e.text(lang));
    }
  }
  // Inside a bonus or penalty section a max is a cap, not the sum of the children's.
  let capped = false;
  let survey = false;
  const visit = (node: CatalogNode, parent: CatalogNode | null) => {
    if (node.kind && parent) issue(node.code, "kind", t("catalog.kindNotField", { code: node.code, kind: node.kind }, lang));
    if (survey && node.assessedBy === "self") issue(node.code, "assessedBy", t("catalog.surveyConflict", { code: node.code }, lang));
    if (node.assessedBy === "survey" && (capped || node.kind)) {
      issue(node.code, "assessedBy", t("catalog.surveyInSection", { code: node.code }, lang));
    }
    const outer = { capped, survey };
    if (!parent) capped = node.kind !== undefined;
    if (node.assessedBy === "survey") survey = true;
    if (seen.has(node.code)) {
      issues.push({ source, code: node.code, field: "code", message: t("catalog.duplicateCode", { code: node.code }, lang) });
    }
    seen.add(node.code);
    // A rule that cannot be read is said when the catalogue loads, naming the criterion, not when a score is computed.
    if (node.rule) {
      try {
        parseRuleCached(node.rule);
      } catch (e) {
        if (!(e instanceof ParError)) throw e;
        issue(node.code, "rule", e.text(lang));
      }
    }
    if (parent ? !node.code.startsWith(parent.code + ".") || node.code.split(".").length !== parent.code.split(".").length + 1 : node.code.includes(".")) {
      issues.push({
        source,
        code: node.code,
        field: "code",
        message: t("catalog.childCode", { code: node.code, parent: parent?.code ?? "(gốc)" }, lang),
      });
    }
    node.children.forEach((c) => visit(c, node));
    const childMaxes = node.children.map(effectiveMax);
    if (!capped && node.max !== null && node.children.length > 0 && childMaxes.every((m) => m !== null)) {
      const sum = round2(childMaxes.reduce((a: number, b) => a + (b ?? 0), 0));
      if (Math.abs(sum - node.max) > 1e-9) {
        issues.push({
          source,
          code: node.code,
          field: "max",
          message: t("catalog.sumMismatch", { code: node.code, max: figure(node.max), sum: figure(sum) }, lang),
        });
      }
    }
    ({ capped, survey } = outer);
  };
  catalog.nodes.forEach((n) => visit(n, null));
  return issues;
}

/** A node's max (in a bonus or penalty section, its cap): its own, else the sum of its children's when all are known, else null. */
export function effectiveMax(node: CatalogNode): number | null {
  if (node.max !== null) return node.max;
  if (node.children.length === 0) return null;
  let sum = 0;
  for (const child of node.children) {
    const m = effectiveMax(child);
    if (m === null) return null;
    sum += m;
  }
  return round2(sum);
}

/** Real catalogues nest three levels (field, criterion, sub-criterion); anything far deeper is not one. */
export const MAX_JSON_DEPTH = 64;
export const MAX_NODE_LEVELS = 12;

/** Whether JSON nests containers deeper than `limit` (walked without recursion, so any depth is safe). */
function nestedDeeperThan(raw: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[raw, 1]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (depth > limit) return true;
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

/** How many levels of criteria `nodes` / `children` hold, counted up to limit + 1. */
function nodeLevels(raw: unknown, limit: number): number {
  const childrenOf = (v: unknown): unknown[] => {
    const list = v && typeof v === "object" ? (v as { children?: unknown; nodes?: unknown }) : {};
    const found = list.children ?? list.nodes;
    return Array.isArray(found) ? found : [];
  };
  let layer = childrenOf(raw);
  let levels = 0;
  while (layer.length > 0 && levels <= limit) {
    levels++;
    layer = layer.flatMap(childrenOf);
  }
  return levels;
}

/** Refuses JSON too deep to be a catalogue before the schema walks it (a deep enough one would overflow the stack). */
function checkDepth(raw: unknown, source: string): void {
  if (nestedDeeperThan(raw, MAX_JSON_DEPTH)) throw new ParError("catalog.tooDeep", { source, limit: MAX_JSON_DEPTH });
  if (nodeLevels(raw, MAX_NODE_LEVELS) > MAX_NODE_LEVELS) throw new ParError("catalog.tooManyLevels", { source, limit: MAX_NODE_LEVELS });
}

/**
 * Validates parsed JSON as a catalogue. Errors name the source (file), the node's code and the field.
 * Structure is checked too: unique codes, children under their parent's code, leaves' maxima summing to a
 * parent's stated maximum.
 */
export function parseCatalog(raw: unknown, source: string, lang: Lang = "vi"): Catalog {
  checkDepth(raw, source);
  // Every text in NFC (names, rules, outcomes, evidence): a rule typed in decomposed Unicode reads like any other.
  raw = nfcDeep(raw);
  // zod is loaded the first time a catalogue from outside is read (a third of `par validate`'s start otherwise).
  const { catalogSchema } = require("./schema") as typeof import("./schema");
  const result = catalogSchema.safeParse(raw);
  if (!result.success) {
    const issues = result.error.issues.map((issue: z.core.$ZodIssue) => {
      const { code, field } = locate(raw, issue.path);
      return { source, code, field, message: issue.message };
    });
    throw new CatalogError(source, issues);
  }
  const issues = structuralIssues(source, result.data, lang);
  if (issues.length > 0) throw new CatalogError(source, issues);
  return result.data;
}

/**
 * A built-in catalogue: normalised without zod (normalizeBuiltin gives what catalogSchema gives for each of them),
 * not put in NFC and not checked for structure at each start: a test holds every built-in to what parseCatalog,
 * which does both, reads from it (test/scoring/catalog-builtin-fast.test.ts).
 */
export function parseBuiltinCatalog(raw: unknown): Catalog {
  return normalizeBuiltin(raw);
}

/** Parses catalogue JSON text (a file's content). */
export function parseCatalogJson(text: string, source: string, lang: Lang = "vi"): Catalog {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ParError("catalog.badJson", { source, detail: (e as Error).message });
  }
  return parseCatalog(raw, source, lang);
}
