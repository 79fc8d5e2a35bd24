/** Administrative units since 1 July 2025: names, the registry of official units, tiers, predecessors. */
export * from "./names";
export * from "./registry";
export * from "./check";
export * from "./predecessors";
export * from "./tiers";
