/**
 * Which Excel JavaScript API requirement sets the host supports, asked through one injectable function so tests
 * can play any Excel version. Features newer than the manifest's minimum (ExcelApi 1.7) are used only when
 * supported; what is skipped is reported to the user, never a failure.
 */

/** True when the host supports ExcelApi `version` ("1.9"). */
export type ApiSupport = (version: string) => boolean;

/** What the workbook actions need at the least (the manifest's ExcelApi MinVersion). */
export const MIN_EXCEL_API = "1.7";

/** The ExcelApi version each optional feature needs. */
export const API = {
  dataValidation: "1.8",
  fillPattern: "1.9",
  indent: "1.9",
  pageLayout: "1.9",
  autoFilter: "1.9",
  comments: "1.10",
  notes: "1.18",
} as const;

/** Office's own answer (Office.context.requirements.isSetSupported); false when Office cannot say. */
export function officeApiSupport(): ApiSupport {
  return (version) => {
    try {
      return Office.context.requirements.isSetSupported("ExcelApi", version);
    } catch {
      return false;
    }
  };
}
