/** Every Office.js call of the task pane lives here (and in settings.ts): components get plain data. */

export interface OfficeStart {
  /** True when running inside Excel; false in a plain browser (or another Office app). */
  inExcel: boolean;
  /** Office's UI language ("vi-VN", "en-US") inside Excel; null elsewhere (the pane then speaks Vietnamese). */
  displayLanguage: string | null;
}

type OfficeGlobal = {
  onReady?: () => Promise<{ host: unknown } | null>;
  HostType?: { Excel: unknown };
  context?: { displayLanguage?: string; officeTheme?: { bodyBackgroundColor?: string }; document?: { mode?: unknown } };
  DocumentMode?: { ReadOnly?: unknown };
};

/** Whether the workbook was opened read-only (Office.context.document.mode); false when Office cannot say. */
export function documentReadOnly(): boolean {
  try {
    const office = officeGlobal();
    const mode = office?.context?.document?.mode;
    return mode !== undefined && mode === (office?.DocumentMode?.ReadOnly ?? "readOnly");
  } catch {
    return false;
  }
}

/** "dark" when Office's pane background is dark (Office's Black or Dark Gray themes), else "light". */
export function themeOf(background: string | null | undefined): "light" | "dark" {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(background ?? "");
  if (!m) return "light";
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}

/** Office's theme (ExcelApi-independent; absent in older Office, then light). */
export function officeTheme(): "light" | "dark" {
  try {
    return themeOf(officeGlobal()?.context?.officeTheme?.bodyBackgroundColor);
  } catch {
    return "light";
  }
}

const officeGlobal = () => (globalThis as { Office?: OfficeGlobal }).Office;

/** Whether office.js was loaded at all (offline, or blocked by a proxy, it is not). */
export function officeLoaded(): boolean {
  return typeof officeGlobal()?.onReady === "function";
}

/**
 * Waits for Office.onReady, however long Excel takes to start: outside Office it resolves at once with host
 * null; inside, the pane starts when Office is ready (never given up on and taken for a plain browser).
 */
export async function startOffice(): Promise<OfficeStart> {
  const office = officeGlobal();
  if (!office || typeof office.onReady !== "function") return { inExcel: false, displayLanguage: null };
  const info = await office.onReady();
  const inExcel = !!info && info.host === office.HostType?.Excel;
  let displayLanguage: string | null = null;
  try {
    displayLanguage = inExcel ? (office.context?.displayLanguage ?? null) : null;
  } catch {
    displayLanguage = null;
  }
  return { inExcel, displayLanguage };
}

/** Recalculates every formula, so PAR.* results follow a catalogue switch (ExcelApi 1.1). */
export async function recalculateWorkbook(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}
