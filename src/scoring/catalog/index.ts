export type { AssessedBy, Catalog, CatalogInput, CatalogNode, CatalogNodeInput, EvidenceItem, SectionKind } from "./schema";
export * from "./load";
export * from "./tree";
export * from "./builtin";
