/**
 * Which date system the workbook uses. Office.js has no property for it, but DATE(2000;1;1) answers differently in
 * each: 36526 in the 1900 system, 35064 in the 1904 system of older Mac workbooks (ExcelApi 1.2).
 */
import { dateSystemOf, DateSystem } from "../../scoring/dates";

/** Queues the question; call the result after the sync. */
export function queueDateSystem(context: Excel.RequestContext): () => DateSystem {
  const first = context.workbook.functions.date(2000, 1, 1);
  first.load("value");
  return () => dateSystemOf(first.value);
}
