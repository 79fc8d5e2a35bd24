/** The pure scoring core: no Office.js, no file system. The add-in and the CLI are adapters over it. */
export * from "./errors";
export * from "./values";
export * from "./rules";
export * from "./catalog";
export * from "./criteria";
export { t } from "./i18n/messages";
export type { Lang, MessageKey } from "./i18n/messages";
export * from "./grid";
export * from "./sheet";
export * from "./validate";
export * from "./report";
export * from "./workbook";
export * from "./report/skipped";
export * from "./evidence";
export * from "./deadline";
export * from "./catalog/sheet";
