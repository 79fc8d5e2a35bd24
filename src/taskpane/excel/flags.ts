/**
 * "Đánh dấu" and "Xóa đánh dấu": highlight the findings' cells (fill and an explanation) and put everything back.
 *
 * Only fills and notes/comments are touched, never values or formulas. Before the first change to a cell its fill
 * and note are remembered in "_par_flags" (backup.ts), in the same batch as the flags. Flagging again keeps those
 * original entries (our own highlight is never taken for the user's) and restores the cells no longer flagged.
 *
 * The explanation goes, by what this Excel supports (support.ts): into a note (ExcelApi 1.18; a note the cell
 * already had is kept below ours and put back on unflag), else a threaded comment (ExcelApi 1.10; not where the
 * cell already has one), else a findings sheet listing them (registered in "_par").
 *
 * Round trips: flag = sync 1 (sheets, protection, the flagged cells' fills, the sheet's notes/comments), sync 2
 * (the backup and registry when they exist, where each note/comment is), sync 3 (all writes); unflag the same.
 * Sync 2 is skipped when there is nothing to read in it.
 */
import { Finding } from "../../scoring";
import { a1, parseA1 } from "../../scoring/grid";
import { findingKindLabel } from "../../scoring/report/sheets";
import { FILL_COLORS, safeSheetName, SheetSpec, SpecCell } from "../../scoring/report/sheet-spec";
import { CellFlag, flagPlan } from "../../scoring/validate/flags";
import { FlagMode, FlagOutcome, UnflagOutcome, Validation } from "../actions";
import { UiLang } from "../i18n";
import { BackupRow, backupMatrix, FLAGS_SHEET, parseBackup } from "./backup";
import { OWNED_SHEET, OwnedEntry, ownedMatrix, parseOwned, queueHiddenRead, queueHiddenWrite } from "./hidden";
import { commentsKept, noFlags, Skip, sheetProtected, skipText } from "./messages";
import { API, ApiSupport } from "./support";
import { isBookkeeping, queueSheetList, SheetInfo, syncFinding } from "./workbook";
import { writeSheet } from "./write";

/** Every explanation the add-in writes starts with this (flagPlan's notes do), so it knows its own. */
export const NOTE_MARK = "PAR Scorer";

export const FLAG_FILLS = { error: FILL_COLORS.error!, warning: FILL_COLORS.warning! } as const;

const normalCell = (cell: string) => {
  const at = parseA1(cell);
  return at ? a1(at.row, at.col) : null;
};

/** The A1 cell of an address Office returns ("'Tự chấm'!E8" → "E8"). */
export function cellOfAddress(address: string): string {
  return (normalCell(address.slice(address.lastIndexOf("!") + 1).split(":")[0]) ?? "").toUpperCase();
}

function markedNote(note: string): string {
  return note.startsWith(NOTE_MARK) ? note : `${NOTE_MARK}: ${note}`;
}

function noteText(ours: string, earlier: string | null, lang: UiLang): string {
  if (!earlier) return ours;
  return `${ours}\n\n${lang === "en" ? "Earlier note:" : "Ghi chú trước đó:"}\n${earlier}`;
}

function canFlagWith(mode: FlagMode, supports: ApiSupport): boolean {
  return mode === "sheet" || supports(mode === "note" ? API.notes : API.comments);
}

/** The mode this Excel can do best. */
export function flagMode(supports: ApiSupport): FlagMode {
  if (supports(API.notes)) return "note";
  if (supports(API.comments)) return "comment";
  return "sheet";
}

interface Annotation {
  content: string;
  proxy: Excel.Note | Excel.Comment;
}

/** The sheet's notes and comments (those this Excel has), loaded in sync 1 and located in sync 2. */
class Annotations {
  private notes: Excel.NoteCollection | null;
  private comments: Excel.CommentCollection | null;
  private located: { kind: "note" | "comment"; proxy: Excel.Note | Excel.Comment; where: Excel.Range }[] = [];
  readonly note = new Map<string, Annotation>();
  readonly comment = new Map<string, Annotation>();

  constructor(sheet: Excel.Worksheet, supports: ApiSupport) {
    this.notes = supports(API.notes) ? sheet.notes.load("items/content") : null;
    this.comments = supports(API.comments) ? sheet.comments.load("items/content") : null;
  }

  /** After sync 1: queues where each note and comment is; true when there is any. */
  locate(): boolean {
    for (const proxy of this.notes?.items ?? []) this.located.push({ kind: "note", proxy, where: proxy.getLocation().load("address") });
    for (const proxy of this.comments?.items ?? []) this.located.push({ kind: "comment", proxy, where: proxy.getLocation().load("address") });
    return this.located.length > 0;
  }

  /** After sync 2. */
  index(): void {
    for (const { kind, proxy, where } of this.located) {
      (kind === "note" ? this.note : this.comment).set(cellOfAddress(where.address), { content: proxy.content ?? "", proxy });
    }
  }
}

/** Queues putting a cell back as the backup row says. */
function restoreCell(sheet: Excel.Worksheet, row: BackupRow, at: Annotations): void {
  const fill = sheet.getRange(row.cell).format.fill;
  if (row.hadFill && row.color) fill.color = row.color;
  else fill.clear();
  if (row.mode === "note") {
    const note = at.note.get(row.cell);
    if (row.hadNote && row.note !== null) {
      if (note) (note.proxy as Excel.Note).content = row.note;
      else sheet.notes.add(sheet.getRange(row.cell), row.note);
    } else if (note && note.content.startsWith(NOTE_MARK)) {
      note.proxy.delete();
    }
  } else if (row.mode === "comment" && !row.hadNote) {
    const comment = at.comment.get(row.cell);
    if (comment && comment.content.startsWith(NOTE_MARK)) comment.proxy.delete();
  }
}

/** The findings sheet of mode "sheet": cell, criterion code, kind and message of each finding. */
export function findingsSheet(sheet: string, findings: Finding[], lang: UiLang): SheetSpec {
  const en = lang === "en";
  const header = (en ? ["Cell", "Criterion", "Kind", "What to fix"] : ["Ô", "Mã tiêu chí", "Loại lỗi", "Nội dung cần sửa"]).map(
    (value): SpecCell => ({ value, style: { fill: "header", border: true } }),
  );
  const title = en
    ? `PAR Scorer — ${findings.length} findings on sheet "${sheet}" (highlighted there; "Remove flags" deletes this sheet)`
    : `PAR Scorer — ${findings.length} lỗi/cảnh báo của trang "${sheet}" (các ô đã được tô màu; "Xóa đánh dấu" sẽ xóa trang này)`;
  return {
    name: `${en ? "Findings" : "Lỗi"} - ${sheet}`,
    kind: "findings",
    rows: [
      [{ value: title, style: { bold: true } }],
      header,
      ...findings.map((f): SpecCell[] => [
        { value: f.cell, style: { border: true, fill: f.severity } },
        { value: f.code ?? "", style: { border: true, numFmt: "@" } },
        { value: findingKindLabel(f.kind, lang), style: { border: true } },
        { value: f.message, style: { border: true, wrap: true } },
      ]),
    ],
    columnWidths: [8, 12, 30, 90],
    freeze: { rows: 2 },
    headerRow: 1,
  };
}

interface Bookkeeping {
  sheets: SheetInfo[];
  rows: BackupRow[];
  backupExists: boolean;
  registryExists: boolean;
  registry: OwnedEntry[];
}

/** Sync 2 of flag and unflag: the backup and registry when they exist, and where the notes/comments are. */
async function readBookkeeping(context: Excel.RequestContext, sheets: SheetInfo[], at: Annotations): Promise<Bookkeeping> {
  const names = new Set(sheets.map((s) => s.name));
  const backupExists = names.has(FLAGS_SHEET);
  const registryExists = names.has(OWNED_SHEET);
  const backup = backupExists ? queueHiddenRead(context, FLAGS_SHEET) : null;
  const registry = registryExists ? queueHiddenRead(context, OWNED_SHEET) : null;
  const located = at.locate();
  if (backup || registry || located) await context.sync();
  at.index();
  return {
    sheets,
    rows: backup ? parseBackup(backup()) : [],
    backupExists,
    registryExists,
    registry: registry ? parseOwned(registry()) : [],
  };
}

/**
 * Queues the deletion of the findings sheets named that are still ours (present and registered); returns the
 * registry without them (and without entries whose sheet is gone) and the names left in the workbook.
 */
function dropFindingsSheets(context: Excel.RequestContext, book: Bookkeeping, names: (string | null)[]): { registry: OwnedEntry[]; left: string[] } {
  const present = new Set(book.sheets.map((s) => s.name));
  const ours = (n: string) => book.registry.some((e) => e.name === n && e.kind === "findings");
  const drop = new Set(names.filter((n): n is string => !!n && present.has(n) && !isBookkeeping(n) && ours(n)));
  for (const name of drop) context.workbook.worksheets.getItem(name).delete();
  return {
    registry: book.registry.filter((e) => !drop.has(e.name) && present.has(e.name)),
    left: [...present].filter((n) => !drop.has(n)),
  };
}

export async function flagFindings(context: Excel.RequestContext, validation: Validation, lang: UiLang, supports: ApiSupport): Promise<FlagOutcome> {
  const sheetName = validation.sheet;
  const findings = validation.findings.filter((f) => f.sheet === sheetName && normalCell(f.cell));
  const flags: CellFlag[] = [];
  const seen = new Set<string>();
  for (const flag of flagPlan(findings, lang)) {
    const cell = normalCell(flag.cell);
    if (flag.sheet !== sheetName || !cell || seen.has(cell)) continue;
    seen.add(cell);
    flags.push({ ...flag, cell });
  }
  const pattern = supports(API.fillPattern);

  // Sync 1.
  const list = queueSheetList(context);
  const target = context.workbook.worksheets.getItem(sheetName);
  target.protection.load("protected");
  const fills = flags.map((f) => target.getRange(f.cell).format.fill.load(pattern ? "color,pattern" : "color"));
  const at = new Annotations(target, supports);
  await syncFinding(context, sheetName);
  if (target.protection.protected) throw sheetProtected(sheetName);

  // Sync 2.
  const book = await readBookkeeping(context, list(), at);
  const old = book.rows.filter((r) => r.sheet === sheetName);
  // Flagging again goes on in the way the sheet was flagged, when this Excel can.
  const oldMode = old[0]?.mode;
  const mode: FlagMode = oldMode && canFlagWith(oldMode, supports) ? oldMode : flagMode(supports);
  const oldByCell = new Map(old.map((r) => [r.cell, r]));

  // Writes.
  for (const row of old) if (!seen.has(row.cell)) restoreCell(target, row, at);
  const kept: BackupRow[] = [];
  let commentsSkipped = 0;
  flags.forEach((flag, i) => {
    const range = target.getRange(flag.cell);
    const before = oldByCell.get(flag.cell);
    const fill = fills[i];
    const noFill = pattern ? fill.pattern === "None" : (fill.color ?? "").toUpperCase() === "#FFFFFF";
    const note = at.note.get(flag.cell);
    const comment = at.comment.get(flag.cell);
    const row: BackupRow = before ?? {
      sheet: sheetName,
      cell: flag.cell,
      hadFill: !noFill,
      color: noFill ? null : fill.color,
      hadNote: mode === "note" ? !!note : mode === "comment" ? !!comment : false,
      note: mode === "note" && note ? note.content : null,
      mode,
      findingsSheet: null,
    };
    kept.push(row);
    range.format.fill.color = FLAG_FILLS[flag.severity];
    const text = markedNote(flag.note);
    if (mode === "note") {
      const content = noteText(text, row.hadNote ? row.note : null, lang);
      if (note) (note.proxy as Excel.Note).content = content;
      else target.notes.add(range, content);
    } else if (mode === "comment") {
      if (row.hadNote) commentsSkipped++;
      else if (comment) (comment.proxy as Excel.Comment).content = text;
      else target.comments.add(range, text);
    }
  });

  let findingsName: string | null = null;
  if (mode === "sheet") {
    const dropped = dropFindingsSheets(context, book, old.map((r) => r.findingsSheet));
    let registry = dropped.registry;
    if (flags.length > 0) {
      const spec = findingsSheet(sheetName, findings, lang);
      findingsName = safeSheetName(spec.name, dropped.left);
      writeSheet(context.workbook.worksheets.add(findingsName), { ...spec, name: findingsName }, supports);
      registry = [...registry, { name: findingsName, kind: "findings" }];
    }
    for (const row of kept) row.findingsSheet = findingsName;
    queueHiddenWrite(context, OWNED_SHEET, book.registryExists, ownedMatrix(registry));
  }
  const others = book.rows.filter((r) => r.sheet !== sheetName);
  queueHiddenWrite(context, FLAGS_SHEET, book.backupExists, backupMatrix([...others, ...kept]));
  await context.sync();

  const skipped: Skip[] = commentsSkipped > 0 ? [commentsKept(commentsSkipped)] : [];
  return { sheet: sheetName, cells: flags.length, mode, findingsSheet: findingsName, skipped: skipped.map((s) => skipText(s, lang)) };
}

export async function unflagSheet(context: Excel.RequestContext, sheet: string | null, supports: ApiSupport): Promise<UnflagOutcome> {
  // Sync 1.
  const list = queueSheetList(context);
  const target = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
  target.load("name");
  target.protection.load("protected");
  const at = new Annotations(target, supports);
  await syncFinding(context, sheet ?? "");
  const name = target.name;
  const sheets = list();
  if (!sheets.some((s) => s.name === FLAGS_SHEET)) throw noFlags(name);

  // Sync 2.
  const book = await readBookkeeping(context, sheets, at);
  const mine = book.rows.filter((r) => r.sheet === name);
  if (mine.length === 0) throw noFlags(name);
  if (target.protection.protected) throw sheetProtected(name);

  // Writes.
  for (const row of mine) restoreCell(target, row, at);
  const findings = mine.map((r) => r.findingsSheet).filter((n) => n !== null);
  if (findings.length > 0) {
    const { registry } = dropFindingsSheets(context, book, findings);
    queueHiddenWrite(context, OWNED_SHEET, book.registryExists, ownedMatrix(registry));
  }
  queueHiddenWrite(context, FLAGS_SHEET, book.backupExists, backupMatrix(book.rows.filter((r) => r.sheet !== name)));
  await context.sync();
  return { sheet: name, cells: mine.length };
}
