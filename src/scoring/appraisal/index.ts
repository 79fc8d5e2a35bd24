export * from "./assignment";
export * from "./forms";
export * from "./merge";
export * from "./pairing";
