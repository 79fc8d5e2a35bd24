/**
 * The open workbook's date system, as the task pane's start found it (Excel has no property for it: see
 * src/taskpane/excel/date-system.ts). The PAR.* functions read dates through it. 1900 until told otherwise.
 */
import type { DateSystem } from "../scoring";

let system: DateSystem = 1900;

export function workbookDateSystem(): DateSystem {
  return system;
}

export function setWorkbookDateSystem(next: DateSystem): void {
  system = next;
}
