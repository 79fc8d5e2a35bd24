/** Every Office.js call of the task pane lives here (and in settings.ts): components get plain data. */

export interface OfficeStart {
  /** True when running inside Excel; false in a plain browser (or another Office app). */
  inExcel: boolean;
  /** Office's UI language ("vi-VN", "en-US"), else the browser's. */
  displayLanguage: string | null;
}

function browserLanguage(): string | null {
  return typeof navigator !== "undefined" ? navigator.language : null;
}

/**
 * Waits for Office.onReady. Outside Office it resolves with host null; if office.js is missing or never
 * answers, the page goes on as a plain browser page after `timeoutMs`.
 */
export async function startOffice(timeoutMs = 5000): Promise<OfficeStart> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") {
    return { inExcel: false, displayLanguage: browserLanguage() };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const info = await Promise.race([Office.onReady(), timeout]).finally(() => clearTimeout(timer));
  const inExcel = info !== null && info.host === Office.HostType.Excel;
  let displayLanguage: string | null = null;
  try {
    displayLanguage = inExcel ? Office.context.displayLanguage : null;
  } catch {
    displayLanguage = null;
  }
  return { inExcel, displayLanguage: displayLanguage ?? browserLanguage() };
}

/** Recalculates every formula, so PAR.* results follow a catalogue switch (ExcelApi 1.1). */
export async function recalculateWorkbook(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}
