export * from "./types";
export * from "./codes";
export * from "./headers";
export * from "./read";
export * from "./scores";
export * from "./numbering";
export * from "./survey-table";
export * from "./ledger";
