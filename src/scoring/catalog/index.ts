export * from "./schema";
export * from "./load";
export * from "./tree";
export * from "./builtin";
