import { ParError } from "../errors";
import dienBien2018 from "./data/dien-bien-2018.json";
import dienBienSo from "./data/dien-bien-so.json";
import { parseBuiltinCatalog } from "./load";
import type { Catalog } from "./schema";

/** The default catalogue of the PAR.* functions: the province's 2018 set. */
export const DEFAULT_CATALOG_ID = "dien-bien-2018";

const sources: Record<string, unknown> = {
  "dien-bien-2018": dienBien2018,
  "dien-bien-so": dienBienSo,
};

const parsed = new Map<string, Catalog>();

/** Ids of the built-in catalogues, in display order. */
export function builtinIds(): string[] {
  return Object.keys(sources);
}

export function isBuiltinId(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(sources, id);
}

/** A built-in catalogue by id (validated once, then shared). */
export function builtinCatalog(id: string): Catalog {
  let catalog = parsed.get(id);
  if (!catalog) {
    if (!isBuiltinId(id)) throw new ParError("catalog.unknownId", { id, known: builtinIds().join(", ") });
    catalog = parseBuiltinCatalog(sources[id]);
    parsed.set(id, catalog);
  }
  return catalog;
}

export function builtinCatalogs(): Catalog[] {
  return builtinIds().map(builtinCatalog);
}
