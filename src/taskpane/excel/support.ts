/**
 * Which Excel JavaScript API features this Excel can do, asked through one injectable function so tests can play
 * any Excel version. Features newer than the manifest's minimum (ExcelApi 1.7) are used only when supported; what
 * is skipped is reported to the user, never a failure.
 */

/** True when this Excel can do what ExcelApi `version` ("1.9") brings. */
export type ApiSupport = (version: string) => boolean;

/** What the workbook actions need at the least (the manifest's ExcelApi MinVersion). */
export const MIN_EXCEL_API = "1.7";

/** The ExcelApi version each optional feature needs. */
export const API = {
  dataValidation: "1.8",
  fillPattern: "1.9",
  /** Range.getCellProperties and Worksheet.getRanges: fills of many cells in one action. */
  manyCells: "1.9",
  indent: "1.9",
  pageLayout: "1.9",
  autoFilter: "1.9",
  comments: "1.10",
  merges: "1.13",
  notes: "1.18",
} as const;

/**
 * isSetSupported answers for the host, not for the office.js the page loaded: a copy older than the host (the
 * npm package is a 2022 build, with comments but no notes) lacks the classes of newer sets. Each feature whose
 * class may be missing is checked in the library too.
 */
const IN_LIBRARY: Record<string, (excel: Record<string, unknown>) => boolean> = {
  [API.comments]: (excel) => typeof excel.CommentCollection === "function",
  [API.merges]: (excel) => typeof (excel.Range as { prototype?: Record<string, unknown> } | undefined)?.prototype?.getMergedAreasOrNullObject === "function",
  [API.notes]: (excel) => typeof excel.NoteCollection === "function",
};

type OfficeGlobal = { context: { requirements: { isSetSupported(name: string, version?: string): boolean } } };

/** Office's own answer (Office.context.requirements.isSetSupported) and the library's classes; false when Office cannot say. */
export function officeApiSupport(
  office: OfficeGlobal | undefined = (globalThis as { Office?: OfficeGlobal }).Office,
  excel: Record<string, unknown> | undefined = (globalThis as { Excel?: Record<string, unknown> }).Excel,
): ApiSupport {
  return (version) => {
    try {
      if (!office?.context.requirements.isSetSupported("ExcelApi", version)) return false;
      const check = IN_LIBRARY[version];
      return !check || (!!excel && check(excel));
    } catch {
      return false;
    }
  };
}
