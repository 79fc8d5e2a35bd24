import { existsSync } from "node:fs";
import { basename } from "node:path";
import { builtinCatalog, Catalog, DEFAULT_CATALOG_ID, isBuiltinId, parseCatalogJson } from "../scoring";
import { readRegularFileSync } from "./read-file";

/** A catalogue named on the command line: a built-in id, or a JSON file in the catalogue format. */
export function loadCatalog(idOrFile: string | undefined): Catalog {
  const ref = idOrFile ?? DEFAULT_CATALOG_ID;
  if (isBuiltinId(ref) || !existsSync(ref)) return builtinCatalog(ref);
  return parseCatalogJson(readRegularFileSync(ref).toString("utf8"), basename(ref));
}
