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

/** Longest note written on a cell (Excel notes hold more, but a longer one is unreadable in its box). */
export const FLAG_NOTE_LIMIT = 1000;

const NOTE_HEAD = "PAR Scorer:";

function noteText(findings: Finding[]): string {
  const text = [NOTE_HEAD, ...findings.map((f) => `• ${f.message}`)].join("\n");
  return text.length <= FLAG_NOTE_LIMIT ? text : `${text.slice(0, FLAG_NOTE_LIMIT - 1)}…`;
}

/**
 * One flag per distinct (sheet, cell), in the findings' order. The messages are already in the findings'
 * language; `lang` is kept for the callers' symmetry with the other report functions.
 */
export function flagPlan(findings: Finding[], lang: Lang = "vi"): CellFlag[] {
  void lang;
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.sheet}\u0000${f.cell.toUpperCase()}`;
    const group = groups.get(key);
    if (group) group.push(f);
    else groups.set(key, [f]);
  }
  return [...groups.values()].map((group) => ({
    sheet: group[0].sheet,
    cell: group[0].cell,
    severity: group.some((f) => f.severity === "error") ? "error" : "warning",
    note: noteText(group),
    count: group.length,
  }));
}
