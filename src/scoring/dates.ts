/**
 * Excel's two date systems. Workbooks made on older Macs count days from 01/01/1904 instead of 1900: the same day is
 * a serial 1 462 smaller. The core compares 1900 serials; whatever reads a 1904 workbook converts first.
 */
export type DateSystem = 1900 | 1904;

/** Days from Excel's 1900 epoch to its 1904 epoch: serial(1904 system) + 1 462 = serial(1900 system). */
export const DAYS_1900_TO_1904 = 1462;

/** A serial of `system` as the 1900 system counts it. */
export function serialIn1900(serial: number, system: DateSystem): number {
  return system === 1904 ? serial + DAYS_1900_TO_1904 : serial;
}

/** What DATE(2000;1;1) gives in each system: how an add-in tells which one a workbook uses. */
export const FIRST_OF_2000: Record<DateSystem, number> = { 1900: 36526, 1904: 36526 - DAYS_1900_TO_1904 };

/** The date system whose DATE(2000;1;1) is `serial`; 1900 for anything else. */
export function dateSystemOf(serial: unknown): DateSystem {
  return serial === FIRST_OF_2000[1904] ? 1904 : 1900;
}

/** Whether a number format shows a date (or time), exactly as SheetJS decides it: both the CLI's readers and the pane use it. */
export { isDateFormat } from "./ssf-date";
