/**
 * The built-in catalogues read without zod: the same normalisation as catalogSchema (texts trimmed, blank texts
 * null, absent lists empty, unknown keys dropped, keys in the schema's order), written out for the only input it
 * ever gets, the JSON shipped with PAR Scorer. Loading zod took about a third of `par validate`'s start; a test
 * proves this gives exactly what catalogSchema gives for every built-in catalogue, key for key.
 */
import type { Catalog, CatalogNode, EvidenceItem } from "./schema";

type Raw = Record<string, unknown>;

const has = (o: Raw, key: string) => Object.prototype.hasOwnProperty.call(o, key);

/** optionalText: null or blank is null, else trimmed. */
function text(v: unknown): string | null {
  return v == null || (v as string).trim() === "" ? null : (v as string).trim();
}

/**
 * Copies `key` through `f` when the input has it: as zod does for a key whose value may be undefined (an optional
 * key, or one read to undefined when absent). Keys read to null when absent are always set.
 */
function copy(out: Raw, o: Raw, key: string, f: (v: unknown) => unknown): void {
  if (has(o, key)) out[key] = f(o[key]);
}

const orNull = (v: unknown) => v ?? null;
const orUndefined = (v: unknown) => v ?? undefined;
const trimmed = (v: unknown) => (typeof v === "string" ? v.trim() : v);

function evidenceItem(e: unknown): EvidenceItem {
  if (typeof e === "string") return { name: e.trim() };
  const o = e as Raw;
  const out: Raw = { name: (o.name as string).trim() };
  copy(out, o, "points", (v) => v);
  copy(out, o, "target", (v) => v);
  copy(out, o, "lead", trimmed);
  return out as unknown as EvidenceItem;
}

function node(o: Raw): CatalogNode {
  const out: Raw = { code: (o.code as string).trim(), name: (o.name as string).trim() };
  out.max = orNull(o.max);
  out.target = orNull(o.target);
  out.targetText = text(o.targetText);
  out.rule = text(o.rule);
  out.evidence = ((o.evidence as unknown[] | undefined) ?? []).map(evidenceItem);
  out.evidenceRequirement = text(o.evidenceRequirement);
  out.deadline = text(o.deadline);
  out.lead = text(o.lead);
  out.coordinating = text(o.coordinating);
  copy(out, o, "appraisedBy", (v) => (v == null || (v as string).trim() === "" ? undefined : (v as string).trim().replace(/\s+/g, " ")));
  copy(out, o, "assessedBy", orUndefined);
  copy(out, o, "kind", orUndefined);
  out.children = ((o.children as Raw[] | undefined) ?? []).map(node);
  return out as unknown as CatalogNode;
}

/** A built-in catalogue's JSON (already NFC), normalised as catalogSchema would. */
export function normalizeBuiltin(raw: unknown): Catalog {
  const o = raw as Raw;
  const out: Raw = { id: o.id, name: (o.name as string).trim() };
  out.source = text(o.source);
  out.level = orNull(o.level);
  copy(out, o, "province", text);
  out.year = orNull(o.year);
  copy(out, o, "bands", (s) => (s == null || (s as string).trim() === "" ? undefined : (s as string).trim()));
  out.nodes = (o.nodes as Raw[]).map(node);
  return out as unknown as Catalog;
}
