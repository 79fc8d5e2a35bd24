/**
 * The reading ledger as its readers see it: one table (sheet, row, read as, code, note) that `par validate
 * --reading` prints, the summary workbook's sheet "Cách đọc" (Reading) holds, and the task pane's "Cách đọc bảng"
 * shows; and the JSON shape of `par validate --json --reading`. The data comes from readWorkbookUnits (the sheets)
 * and each unit's ledger (its rows); the words from i18n (ledger.*).
 */
import { t, Lang, MessageKey } from "../i18n/messages";
import { LedgerNote, RowEntry, SheetEntry } from "../sheet/ledger";
import { UnitSheet } from "../sheet/types";
import { SheetSpec, SpecCell } from "./sheet-spec";

/** What the ledger is made of: every sheet, and the unit sheets with their rows. */
export interface ReadingLedger {
  sheets: SheetEntry[];
  units: { sheet: string; unit: string; rows: RowEntry[] }[];
}

/** One line of the printed ledger. */
export interface LedgerLine {
  sheet: string;
  /** 1-based row number, or "" for a line about the whole sheet. */
  row: string;
  readAs: string;
  code: string;
  note: string;
}

const text = (v: unknown): string => (v === null || v === undefined ? "" : v instanceof Date ? v.toISOString().slice(0, 10) : String(v)).replace(/\s+/g, " ").trim();
const short = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/**
 * A unit sheet's row entries: its own ledger when the reader filled it; else what can be told from the rows read
 * (the header rows, the column numbering, each criterion row with its code from the code column).
 */
export function unitLedgerRows(unit: UnitSheet): RowEntry[] {
  if (unit.ledger) return unit.ledger;
  const rows: RowEntry[] = [];
  for (let r = unit.header.top; r <= unit.header.row; r++) rows.push({ row: r, readAs: "header", code: null, text: "" });
  if (unit.header.numberingRow !== undefined) rows.push({ row: unit.header.numberingRow, readAs: "numbering", code: null, text: "" });
  for (const row of unit.rows) {
    rows.push({ row: row.row, readAs: "criterion", code: row.code, codeSource: "code-column", text: short(text(row.name?.value)) });
  }
  return rows.sort((a, b) => a.row - b.row);
}

/** The ledger of a reading: its sheets, and each unit's rows. */
export function readingLedger(sheets: SheetEntry[], units: UnitSheet[]): ReadingLedger {
  return { sheets, units: units.map((u) => ({ sheet: u.sheet, unit: u.unit, rows: unitLedgerRows(u) })) };
}

function noteText(note: LedgerNote | undefined, lang: Lang): string {
  if (!note) return "";
  try {
    return t(note.key as MessageKey, note.params ?? {}, lang);
  } catch {
    // A note of a kind this build has no words for (e.g. written by a newer reader): its key, never dropped.
    return note.key;
  }
}

/** The ledger as lines: first one per sheet, then the rows of each unit sheet. */
export function ledgerLines(ledger: ReadingLedger, lang: Lang = "vi"): LedgerLine[] {
  const lines: LedgerLine[] = [];
  for (const s of ledger.sheets) {
    const state = s.state === "visible" ? "" : `${t(`ledger.state.${s.state}` as MessageKey, {}, lang)}; `;
    lines.push({ sheet: s.sheet, row: "", readAs: t(`ledger.sheet.${s.readAs}` as MessageKey, {}, lang), code: "", note: `${state}${noteText(s.note, lang)}`.replace(/; $/, "") });
  }
  for (const u of ledger.units) {
    for (const r of u.rows) {
      const readAs = t(`ledger.row.${r.readAs}` as MessageKey, {}, lang) + (r.readAs === "band" && r.chosen ? ` (${t("ledger.row.chosen", {}, lang)})` : "");
      const source = r.codeSource && r.codeSource !== "code-column" ? t(`ledger.code.${r.codeSource}` as MessageKey, {}, lang) : "";
      const note = [r.text, source, noteText(r.note, lang)].filter(Boolean).join(" — ");
      lines.push({ sheet: u.sheet, row: String(r.row + 1), readAs, code: r.code ?? "", note });
    }
  }
  return lines;
}

/** The ledger as a plain-text table for a terminal (columns padded; notes last, unpadded). */
export function ledgerText(ledger: ReadingLedger, lang: Lang = "vi"): string {
  const lines = ledgerLines(ledger, lang);
  const head: LedgerLine = {
    sheet: t("ledger.head.sheet", {}, lang),
    row: t("ledger.head.row", {}, lang),
    readAs: t("ledger.head.readAs", {}, lang),
    code: t("ledger.head.code", {}, lang),
    note: t("ledger.head.note", {}, lang),
  };
  const all = [head, ...lines];
  const width = (k: keyof LedgerLine) => Math.max(...all.map((l) => [...l[k]].length));
  const pad = (s: string, n: number) => s + " ".repeat(Math.max(0, n - [...s].length));
  const w = { sheet: Math.min(width("sheet"), 31), row: width("row"), readAs: width("readAs"), code: width("code") };
  const out = all.map((l) => `${pad(l.sheet, w.sheet)}  ${pad(l.row, w.row)}  ${pad(l.readAs, w.readAs)}  ${pad(l.code, w.code)}  ${l.note}`.trimEnd());
  return [t("ledger.title", {}, lang), ...out].join("\n");
}

/** The summary workbook's sheet "Cách đọc" (Reading): the ledger as a table; its footer names the unit. */
export function readingSheet(ledger: ReadingLedger, lang: Lang = "vi", unit?: string): SheetSpec {
  const head = (value: string): SpecCell => ({ value, style: { bold: true, fill: "header", border: true } });
  const cell = (value: string, wrap = false): SpecCell => ({ value: value === "" ? null : value, style: { border: true, ...(wrap ? { wrap: true } : {}) } });
  const lines = ledgerLines(ledger, lang);
  return {
    name: lang === "en" ? "Reading" : "Cách đọc",
    kind: "reading",
    rows: [
      [{ value: t("ledger.title", {}, lang), style: { bold: true, size: 14 } }],
      ["sheet", "row", "readAs", "code", "note"].map((k) => head(t(`ledger.head.${k}` as MessageKey, {}, lang))),
      ...lines.map((l) => [cell(l.sheet), cell(l.row), cell(l.readAs), cell(l.code), cell(l.note, true)]),
    ],
    columnWidths: [24, 7, 30, 10, 80],
    freeze: { rows: 2 },
    headerRow: 1,
    ...(unit ? { footer: `${unit} — ${t("ledger.footer", {}, lang)}` } : {}),
  };
}
