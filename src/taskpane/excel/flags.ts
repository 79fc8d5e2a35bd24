/**
 * "Đánh dấu" and "Xóa đánh dấu": highlight the findings' cells (fill and an explanation) and put everything back.
 *
 * Only fills and notes/comments are touched, never values or formulas. Before the first change to a cell its fill
 * and note are remembered in "_par_flags" (backup.ts). Flagging again keeps those original entries (our own
 * highlight is never taken for the user's) and restores the cells no longer flagged.
 *
 * The explanation goes, by what this Excel supports (support.ts): into a note (ExcelApi 1.18; a note the cell
 * already had is kept below ours and put back on unflag), else a threaded comment (ExcelApi 1.10; not where the
 * cell already has one), else a findings sheet listing them (registered in "_par").
 *
 * Order of the writes: flagging writes the backup first, so a failure part-way leaves no flagged cell without its
 * backup (and a workbook whose structure is protected, where the backup sheet cannot be added, is refused before
 * anything changes); unflagging restores the cells first and rewrites the backup last, so it can be run again.
 *
 * Round trips: flag = sync 1 (sheets, protection, backup and registry, the flagged cells' fills and notes), sync 2
 * only for cells flagged before but not now or for comments' locations, then the writes (one sync up to a few
 * thousand cells; more to keep each within Excel on the web's 5 MB); unflag = sync 1, sync 2 (the backed-up cells'
 * notes), the writes.
 */
import { Finding } from "../../scoring";
import { a1, parseA1 } from "../../scoring/grid";
import { findingKindLabel } from "../../scoring/report/sheets";
import { FILL_COLORS, safeSheetName, SheetSpec, SpecCell } from "../../scoring/report/sheet-spec";
import { CellFlag, flagPlan } from "../../scoring/validate/flags";
import { FlagMode, FlagOutcome, UnflagOutcome, Validation } from "../actions";
import { UiLang } from "../i18n";
import { Annotation, CommentsByCell, NotesByCell, perCellSteps, textBytes } from "./annotations";
import { BackupRow, backupMatrix, FLAGS_SHEET, parseBackup } from "./backup";
import { FillReader, FillState, fillSteps } from "./fills";
import { hiddenDeleteStep, hiddenWriteStep, HiddenRead, OWNED_SHEET, OwnedEntry, parseRegistry, queueHiddenRead, Registry, registryWriteStep, withBookkeeping } from "./hidden";
import { commentsKept, flagsNeedSheets, noFlags, sheetGone, sheetProtected, Skip, skipText } from "./messages";
import { ACTION_BYTES } from "./payload";
import { officeErrorCode } from "./run";
import { runSteps, Step } from "./steps";
import { API, ApiSupport } from "./support";
import { isBookkeeping, queueSheetList, SheetInfo } from "./workbook";
import { sheetSteps } from "./write";

export { cellOfAddress } from "./annotations";

/** Every explanation the add-in writes starts with this (flagPlan's notes do), so it knows its own. */
export const NOTE_MARK = "PAR Scorer";

export const FLAG_FILLS = { error: FILL_COLORS.error!, warning: FILL_COLORS.warning! } as const;

const normalCell = (cell: string) => {
  const at = parseA1(cell);
  return at ? a1(at.row, at.col) : null;
};

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

/** What sync 1 of flag and unflag reads about the workbook. */
interface Book {
  name: string;
  sheets: SheetInfo[];
  sheetProtected: boolean;
  structureProtected: boolean;
  backup: HiddenRead;
  rows: BackupRow[];
  registryExists: boolean;
  registry: Registry;
}

/** The step of sync 1: sheets, protection, the backup and the registry (whether or not they exist). */
function bookStep(context: Excel.RequestContext, target: () => Excel.Worksheet, present: Set<string> | null, into: (book: Book) => void): Step {
  let read: () => Book;
  return {
    request: 12 * ACTION_BYTES,
    response: 200_000,
    queue: () => {
      const list = queueSheetList(context);
      const sheet = target();
      sheet.load("name");
      sheet.protection.load("protected");
      context.workbook.protection.load("protected");
      const backup = queueHiddenRead(context, FLAGS_SHEET, present);
      const registry = queueHiddenRead(context, OWNED_SHEET, present);
      read = () => {
        const b = backup();
        const r = registry();
        return {
          name: sheet.name,
          sheets: list(),
          sheetProtected: sheet.protection.protected,
          structureProtected: context.workbook.protection.protected,
          backup: b,
          rows: b.rows ? parseBackup(b.rows) : [],
          registryExists: r.exists,
          registry: parseRegistry(r.rows),
        };
      };
    },
    done: () => into(read()),
  };
}

/** Runs `work`, with "the sheet is gone" (ItemNotFound) told to the user as such. */
async function finding<T>(sheet: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (officeErrorCode(e) === "ItemNotFound") throw sheetGone(sheet);
    throw e;
  }
}

const runFinding = (context: Excel.RequestContext, steps: Step[], sheet: string) => finding(sheet, () => runSteps(context, steps));

/** The notes and comments of the cells concerned, as far as this Excel has them. */
class Explanations {
  readonly notes: NotesByCell | null;
  readonly comments: CommentsByCell | null;

  constructor(sheet: () => Excel.Worksheet, supports: ApiSupport) {
    this.notes = supports(API.notes) ? new NotesByCell(sheet) : null;
    this.comments = supports(API.comments) ? new CommentsByCell(sheet) : null;
  }

  note(cell: string): Annotation | undefined {
    return this.notes?.found.get(cell);
  }

  comment(cell: string): Annotation | undefined {
    return this.comments?.found.get(cell);
  }
}

/** Steps putting the notes/comments of backed-up cells back as they were (their fills go by fillSteps). */
function restoreSteps(sheet: () => Excel.Worksheet, rows: BackupRow[], at: Explanations): Step[] {
  const notes = rows.filter((r) => r.mode === "note");
  const comments = rows.filter((r) => r.mode === "comment" && !r.hadNote);
  return [
    ...perCellSteps(
      notes,
      (r) => 2 * ACTION_BYTES + (r.note ? textBytes(r.note) : 0),
      (part) => {
        const target = sheet();
        for (const row of part) {
          const note = at.note(row.cell);
          if (row.hadNote && row.note !== null) {
            if (note) (note.proxy as Excel.Note).content = row.note;
            else target.notes.add(row.cell, row.note);
          } else if (note && note.content.startsWith(NOTE_MARK)) note.proxy.delete();
        }
      },
    ),
    ...perCellSteps(
      comments,
      () => 2 * ACTION_BYTES,
      (part) => {
        for (const row of part) {
          const comment = at.comment(row.cell);
          if (comment && comment.content.startsWith(NOTE_MARK)) comment.proxy.delete();
        }
      },
    ),
  ];
}

const fillOf = (row: BackupRow): string | null => (row.hadFill && row.color ? row.color : null);

/**
 * The backup's colour of a cell whose own fill was left as it was: a pattern, gradient or theme/tint fill cannot be
 * read back whole, so a filled cell is never overwritten (its note, comment or the findings sheet marks it) and
 * unflag leaves its fill alone.
 */
export const KEPT_FILL = "keep";

/** The fills to write back on unflag (or when a cell is flagged no more): the cells whose fill was changed. */
const restoredFills = (rows: BackupRow[]) => new Map(rows.filter((r) => r.color !== KEPT_FILL).map((r) => [r.cell, fillOf(r)]));

/** The registry's findings sheets among `names` that still exist (and are ours). */
function ownFindingsSheets(book: Book, names: (string | null)[]): Set<string> {
  const present = new Set(book.sheets.map((s) => s.name));
  const ours = (n: string) => book.registry.owned.some((e) => e.name === n && e.kind === "findings");
  return new Set(names.filter((n): n is string => !!n && present.has(n) && !isBookkeeping(n) && ours(n)));
}

function dropSheetsStep(context: Excel.RequestContext, names: Set<string>): Step {
  return {
    request: names.size * 2 * ACTION_BYTES,
    response: 0,
    queue: () => {
      for (const name of names) context.workbook.worksheets.getItem(name).delete();
    },
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
  const many = supports(API.manyCells);
  const target = () => context.workbook.worksheets.getItem(sheetName);
  const outcome = (mode: FlagMode, findingsSheet: string | null, skipped: Skip[]): FlagOutcome => ({
    sheet: sheetName,
    cells: flags.length,
    mode,
    findingsSheet,
    skipped: skipped.map((s) => skipText(s, lang)),
  });

  // Sync 1 (more when thousands of cells are flagged).
  const { b, at, fills } = await finding(sheetName, () =>
    withBookkeeping(context, async (present) => {
      let book: Book | null = null;
      const at = new Explanations(target, supports);
      const fills = new FillReader(target, flags.map((f) => f.cell), many);
      const first: Step[] = [bookStep(context, target, present, (b) => (book = b)), ...fills.steps()];
      if (at.notes) first.push(...at.notes.steps(flags.map((f) => f.cell)));
      // The comments too: a cell with a threaded comment cannot also hold a note (Excel refuses it).
      if (at.comments) first.push(at.comments.loadStep());
      await runSteps(context, first);
      return { b: book as unknown as Book, at, fills };
    }),
  );
  if (b.sheetProtected) throw sheetProtected(sheetName);

  const old = b.rows.filter((r) => r.sheet === sheetName);
  if (flags.length === 0 && old.length === 0) return outcome(flagMode(supports), null, []);
  // Flagging again goes on in the way the sheet was flagged, when this Excel can.
  const oldMode = old[0]?.mode;
  const mode: FlagMode = oldMode && canFlagWith(oldMode, supports) ? oldMode : flagMode(supports);
  const restoring = old.filter((r) => !seen.has(r.cell));
  const oldByCell = new Map(old.map((r) => [r.cell, r]));
  const oldFindings = ownFindingsSheets(b, old.map((r) => r.findingsSheet));
  if (b.structureProtected && flags.length > 0 && (!b.backup.exists || mode === "sheet")) throw flagsNeedSheets();
  if (b.structureProtected && oldFindings.size > 0) throw flagsNeedSheets();

  // Sync 2, when needed: the notes of cells flagged before but not now; where the comments are.
  const second: Step[] = [];
  if (at.notes) second.push(...at.notes.steps(restoring.filter((r) => r.mode === "note").map((r) => r.cell)));
  if (at.comments) second.push(...at.comments.locateSteps());
  if (second.length > 0) await runFinding(context, second, sheetName);

  const kept: BackupRow[] = flags.map((flag) => {
    const before = oldByCell.get(flag.cell);
    if (before) return before;
    const fill: FillState = fills.states.get(flag.cell) ?? { hadFill: false, color: null };
    const note = at.note(flag.cell);
    const comment = at.comment(flag.cell);
    return {
      sheet: sheetName,
      cell: flag.cell,
      hadFill: fill.hadFill,
      color: fill.hadFill ? KEPT_FILL : fill.color,
      hadNote: mode === "note" ? !!note : mode === "comment" ? !!comment : false,
      note: mode === "note" && note ? note.content : null,
      mode,
      findingsSheet: null,
    };
  });

  // The findings sheet (mode "sheet"), named now so the backup can point to it.
  let findingsName: string | null = null;
  let registry = b.registry.owned.filter((e) => !oldFindings.has(e.name));
  let findingsSpec: SheetSpec | null = null;
  if (mode === "sheet" && flags.length > 0) {
    const spec = findingsSheet(sheetName, findings, lang);
    findingsName = safeSheetName(spec.name, b.sheets.map((s) => s.name).filter((n) => !oldFindings.has(n)));
    findingsSpec = { ...spec, name: findingsName };
    registry = [...registry, { name: findingsName, kind: "findings" }];
  }
  for (const row of kept) if (mode === "sheet") row.findingsSheet = findingsName;
  const others = b.rows.filter((r) => r.sheet !== sheetName);

  // Writes: the bookkeeping first.
  const writes: Step[] = [hiddenWriteStep(context, FLAGS_SHEET, b.backup.exists, backupMatrix([...others, ...kept, ...restoring]))];
  if (mode === "sheet" || oldFindings.size > 0) {
    const step = registryWriteStep(context, b.registryExists, { ...b.registry, owned: registry }, b.structureProtected);
    if (step) writes.push(step);
    if (oldFindings.size > 0) writes.push(dropSheetsStep(context, oldFindings));
    if (findingsSpec) {
      const name = findingsSpec.name;
      writes.push({ request: 2 * ACTION_BYTES, response: 0, queue: () => void context.workbook.worksheets.add(name) });
      writes.push(...sheetSteps(() => context.workbook.worksheets.getItem(name), findingsSpec, supports).steps);
    }
  }
  writes.push(...fillSteps(target, restoredFills(restoring), many));
  writes.push(...restoreSteps(target, restoring, at));
  const painted = flags.filter((_, i) => kept[i].color !== KEPT_FILL);
  writes.push(...fillSteps(target, new Map(painted.map((f) => [f.cell, FLAG_FILLS[f.severity]])), many));

  let commentsSkipped = 0;
  if (mode === "note") {
    // A cell holding a user's threaded comment keeps it alone: it is highlighted, its explanation stays in the pane.
    const commented = (cell: string) => !at.note(cell) && !!at.comment(cell);
    const contents = flags
      .map((flag, i) => ({ flag, content: noteText(markedNote(flag.note), kept[i].hadNote ? kept[i].note : null, lang) }))
      .filter(({ flag }) => !commented(flag.cell));
    commentsSkipped = flags.length - contents.length;
    writes.push(
      ...perCellSteps(
        contents,
        ({ content }) => 2 * ACTION_BYTES + textBytes(content),
        (part) => {
          const sheet = target();
          for (const { flag, content } of part) {
            const note = at.note(flag.cell);
            if (note) (note.proxy as Excel.Note).content = content;
            else sheet.notes.add(flag.cell, content);
          }
        },
      ),
    );
  } else if (mode === "comment") {
    const adding = flags.filter((_, i) => !kept[i].hadNote);
    commentsSkipped = flags.length - adding.length;
    writes.push(
      ...perCellSteps(
        adding,
        (flag) => 2 * ACTION_BYTES + textBytes(markedNote(flag.note)),
        (part) => {
          const sheet = target();
          for (const flag of part) {
            const comment = at.comment(flag.cell);
            if (comment) (comment.proxy as Excel.Comment).content = markedNote(flag.note);
            else sheet.comments.add(sheet.getRange(flag.cell), markedNote(flag.note));
          }
        },
      ),
    );
  }
  const left = [...others, ...kept];
  if (restoring.length > 0) {
    if (left.length > 0 || b.structureProtected) writes.push(hiddenWriteStep(context, FLAGS_SHEET, true, backupMatrix(left)));
    else writes.push(hiddenDeleteStep(context, FLAGS_SHEET));
  }
  await runFinding(context, writes, sheetName);

  return outcome(mode, findingsName, commentsSkipped > 0 ? [commentsKept(commentsSkipped)] : []);
}

export async function unflagSheet(context: Excel.RequestContext, sheet: string | null, supports: ApiSupport): Promise<UnflagOutcome> {
  const many = supports(API.manyCells);
  let name = sheet ?? "";
  const target = () => (name ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.getActiveWorksheet());

  // Sync 1 (with the comments, when this Excel has no notes).
  const { b, at } = await finding(name, () =>
    withBookkeeping(context, async (present) => {
      let book: Book | null = null;
      const at = new Explanations(target, supports);
      const first = [bookStep(context, target, present, (b) => (book = b))];
      if (at.comments && !at.notes) first.push(at.comments.loadStep());
      await runSteps(context, first);
      return { b: book as unknown as Book, at };
    }),
  );
  name = b.name;
  const mine = b.rows.filter((r) => r.sheet === name);
  if (mine.length === 0) throw noFlags(name);
  if (b.sheetProtected) throw sheetProtected(name);
  const findings = ownFindingsSheets(b, mine.map((r) => r.findingsSheet));
  if (b.structureProtected && findings.size > 0) throw flagsNeedSheets();

  // Sync 2: the backed-up cells' notes (and where the comments are).
  const second: Step[] = [];
  if (at.notes) second.push(...at.notes.steps(mine.filter((r) => r.mode === "note").map((r) => r.cell)));
  if (at.comments && mine.some((r) => r.mode === "comment")) {
    if (at.notes) await runFinding(context, [at.comments.loadStep()], name);
    second.push(...at.comments.locateSteps());
  }
  if (second.length > 0) await runFinding(context, second, name);

  // Writes: the cells first, the bookkeeping last.
  const writes: Step[] = [...fillSteps(target, restoredFills(mine), many), ...restoreSteps(target, mine, at)];
  if (findings.size > 0) {
    const owned: OwnedEntry[] = b.registry.owned.filter((e) => !findings.has(e.name));
    writes.push(dropSheetsStep(context, findings));
    const step = registryWriteStep(context, b.registryExists, { ...b.registry, owned }, b.structureProtected);
    if (step) writes.push(step);
  }
  const left = b.rows.filter((r) => r.sheet !== name);
  // An emptied backup goes, unless the workbook's structure is protected: then it stays, with its header only.
  if (left.length > 0 || b.structureProtected) writes.push(hiddenWriteStep(context, FLAGS_SHEET, true, backupMatrix(left)));
  else writes.push(hiddenDeleteStep(context, FLAGS_SHEET));
  await runFinding(context, writes, name);
  return { sheet: name, cells: mine.length };
}

/** The sheets the flags' record ("_par_flags") lists: what Xóa đánh dấu can restore. Reads only. */
export async function flaggedSheets(context: Excel.RequestContext): Promise<string[]> {
  return withBookkeeping(context, async (present) => {
    const read = queueHiddenRead(context, FLAGS_SHEET, present);
    await context.sync();
    const rows = read().rows;
    return rows ? [...new Set(parseBackup(rows).map((r) => r.sheet))] : [];
  });
}
