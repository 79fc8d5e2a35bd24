/** What "Đánh dấu" puts on the sheet: one flag per flagged cell, with the note text. Pure. */
import { Lang } from "../i18n/messages";
import { Finding, Severity } from "./types";

export interface CellFlag {
  sheet: string;
  /** A1 address of the cell. */
  cell: string;
  /** The worst severity of the findings at that cell (decides the fill). */
  severity: Severity;
  /** Note text: "PAR Scorer:" then one line per finding at that cell (capped in length). */
  note: string;
  /** How many findings point at this cell. */
  count: number;
}

/** One flag per distinct (sheet, cell), in the findings' order. */
export declare function flagPlan(findings: Finding[], lang?: Lang): CellFlag[];
