/** How the adapter reaches Excel: through a runner, so tests hand it a context of their own. */

export type ExcelBatch<T> = (context: Excel.RequestContext) => Promise<T>;
export type ExcelRunner = <T>(batch: ExcelBatch<T>) => Promise<T>;

/** Excel.run, looked up when called (office.js may load after this module). */
export const officeRunner: ExcelRunner = (batch) => Excel.run(batch);

/** The code of an Office.js error ("ItemNotFound", "AccessDenied", …), or null for anything else. */
export function officeErrorCode(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : null;
}
