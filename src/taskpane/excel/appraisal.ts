/**
 * "Thẩm định": the active sheet read as an appraisal form (the core's readAppraisalForm), and the council member's
 * scores and reasons written to the form's own last two columns ("Điểm thẩm định", "Lý do") — the member's input,
 * typed through the pane, never anything generated.
 *
 * Reading: the sheet's name, protection and used range in one sync, then its values (read.ts). Writing, in one
 * Excel.run: the sheet's protection and whether the cells to write are unlocked (a protected form with locked score
 * cells is refused before anything is written); where threaded comments exist (ExcelApi 1.10) and the sheet is not
 * protected, the sheet's comments are loaded and located, and the notes of the cells concerned looked up (a cell holds a note or a threaded comment, not
 * both); then one batch writes every row's two cells and adds (or updates) each reason as a comment on its score
 * cell. No sync per row.
 */
import { columnLetters, Grid } from "../../scoring/grid";
import { AppraisalForm, readAppraisalForm } from "../../scoring/sheet/appraisal-form";
import { UserError } from "../errors";
import { CommentsByCell, NotesByCell, textBytes } from "./annotations";
import { ACTION_BYTES } from "./payload";
import { readAreas, queueUsedRect } from "./read";
import { runSteps, Step } from "./steps";
import { API, ApiSupport } from "./support";

/** The active sheet as a form, with what the write will be able to do. */
export interface AppraisalFormView extends AppraisalForm {
  /** The sheet is protected: values go to its unlocked columns, comments cannot be added. */
  protected: boolean;
  /** This Excel has threaded comments (ExcelApi 1.10). */
  comments: boolean;
}

/** One row's input, checked by the pane (checkAppraisedScore): null points clear the cell. */
export interface AppraisalEntry {
  row: number;
  appraised: number | null;
  reason: string;
}

export interface AppraisalWrite {
  /** Rows written. */
  rows: number;
  /** Reasons added (or updated) as comments on their score cells. */
  comments: number;
  /** Score cells holding a note (a note and a comment cannot share a cell): their reason is in "Lý do" only. */
  noted: string[];
  /** The sheet was protected: no comment was added. */
  protected: boolean;
  /** This Excel has threaded comments. */
  commentsSupported: boolean;
}

export function notAppraisalForm(sheet: string): UserError {
  return new UserError(
    `Trang "${sheet}" không phải phiếu thẩm định: dòng tiêu đề phải đúng là "Đơn vị | Mã | Tiêu chí | Điểm tối đa | Điểm tự chấm | Tài liệu kiểm chứng | Giải trình | Điểm thẩm định | Lý do" (phiếu do par appraise forms tạo). Mở trang phiếu rồi bấm lại.`,
    `Sheet "${sheet}" is not an appraisal form: its header row must read exactly "Đơn vị | Mã | Tiêu chí | Điểm tối đa | Điểm tự chấm | Tài liệu kiểm chứng | Giải trình | Điểm thẩm định | Lý do" (the form par appraise forms writes). Open the form's sheet and try again.`,
  );
}

export function formChanged(sheet: string): UserError {
  return new UserError(
    `Trang đang mở không còn là phiếu "${sheet}" đã đọc. Bấm "Đọc phiếu thẩm định" để đọc lại rồi nhập điểm.`,
    `The active sheet is no longer the form "${sheet}" that was read. Press "Read the appraisal form" again, then enter the scores.`,
  );
}

/** A protected form whose score or reason cells are locked: Excel would refuse the write part-way. */
export function formLocked(sheet: string, columns: string): UserError {
  return new UserError(
    `Trang "${sheet}" đang được bảo vệ và các ô điểm thẩm định, lý do (cột ${columns}) bị khóa, nên chưa ghi gì. Bỏ bảo vệ trang (Xem lại → Bỏ bảo vệ trang), hoặc mở khóa hai cột này (Định dạng ô → Bảo vệ → bỏ chọn Khóa) rồi bảo vệ lại, rồi bấm ghi lại.`,
    `Sheet "${sheet}" is protected and its appraised score and reason cells (columns ${columns}) are locked, so nothing was written. Unprotect the sheet (Review → Unprotect Sheet), or unlock these two columns (Format Cells → Protection → clear Locked) and protect it again, then write again.`,
  );
}

/** Reads the active sheet; throws when it is not an appraisal form. */
export async function readActiveForm(context: Excel.RequestContext, supports: ApiSupport): Promise<AppraisalFormView> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  sheet.protection.load("protected");
  const used = queueUsedRect(sheet);
  await context.sync();
  const [read] = await readAreas(context, [{ sheet, name: sheet.name, rect: used() }], { merges: false });
  const grid: Grid = read.grid;
  const form = readAppraisalForm(grid);
  if (!form) throw notAppraisalForm(sheet.name);
  return { ...form, protected: !!sheet.protection.protected, comments: supports(API.comments) };
}

/**
 * Writes the entries to the form's last two columns of `form.sheet` (which must still be the active sheet) and,
 * where it can, each non-empty reason as a threaded comment on its score cell.
 */
export async function writeAppraisals(context: Excel.RequestContext, form: Pick<AppraisalFormView, "sheet" | "appraisedCol" | "reasonCol" | "rows">, entries: AppraisalEntry[], supports: ApiSupport): Promise<AppraisalWrite> {
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  active.protection.load("protected");
  const sheetOf = () => context.workbook.worksheets.getItem(form.sheet);
  const withReason = entries.filter((e) => e.reason.trim() !== "");
  const cellOf = (row: number) => form.rows.find((r) => r.row === row)?.appraisedCell ?? "";
  // Read: the sheet still active, its protection; the comments and the notes of the cells that get a comment.
  const comments = supports(API.comments) ? new CommentsByCell(sheetOf) : null;
  const notes = comments && supports(API.notes) ? new NotesByCell(sheetOf) : null;
  let isProtected = false;
  // Whether the cells to write are unlocked, read with the protection: on a protected sheet Excel refuses locked ones.
  const written = entries.map((e) => e.row);
  const top = Math.min(...written);
  const lock = written.length > 0 ? sheetOf().getRangeByIndexes(top, form.appraisedCol, Math.max(...written) - top + 1, 2).format.protection : null;
  lock?.load("locked");
  await runSteps(context, [{ request: 3 * ACTION_BYTES, response: 200, queue: () => undefined }, ...(comments && withReason.length > 0 ? [comments.loadStep()] : [])]);
  if (active.name !== form.sheet) throw formChanged(form.sheet);
  isProtected = !!active.protection.protected;
  if (isProtected && lock && lock.locked !== false) throw formLocked(form.sheet, `${columnLetters(form.appraisedCol)}:${columnLetters(form.reasonCol)}`);
  const commenting = comments !== null && !isProtected && withReason.length > 0;
  if (commenting) await runSteps(context, [...comments!.locateSteps(), ...(notes ? notes.steps(withReason.map((e) => cellOf(e.row))) : [])]);

  // Write: one batch (split only if it would exceed Excel's payload limit).
  const noted: string[] = [];
  let added = 0;
  const steps: Step[] = entries.map((e) => ({
    request: 3 * ACTION_BYTES + textBytes(e.reason),
    response: 0,
    queue: () => {
      sheetOf().getRangeByIndexes(e.row, form.appraisedCol, 1, 2).values = [[e.appraised ?? "", e.reason]];
    },
  }));
  if (commenting) {
    for (const e of withReason) {
      const cell = cellOf(e.row);
      if (notes?.found.has(cell)) {
        noted.push(cell);
        continue;
      }
      const existing = comments!.found.get(cell);
      added++;
      steps.push({
        request: 3 * ACTION_BYTES + textBytes(e.reason),
        response: 0,
        queue: () => {
          if (existing) (existing.proxy as Excel.Comment).content = e.reason;
          else sheetOf().comments.add(sheetOf().getRange(cell), e.reason);
        },
      });
    }
  }
  await runSteps(context, steps);
  return { rows: entries.length, comments: added, noted, protected: isProtected, commentsSupported: comments !== null };
}
