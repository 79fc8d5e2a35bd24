export * from "./types";
export * from "./sheet-spec";
export * from "./summary";
export * from "./ranking";
export * from "./plan";
export * from "./sheets";
export * from "./template";
export * from "./workbook-reports";
