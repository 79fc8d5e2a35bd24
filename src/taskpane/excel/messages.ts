/** What the Excel adapter tells the user: errors (UserError) and skipped features, Vietnamese first, then English. */
import { errorText, UserError } from "../errors";
import { UiLang } from "../i18n";

export type Skip = { vi: string; en: string };

export const skipText = (skip: Skip, lang: UiLang): string => (lang === "en" ? skip.en : skip.vi);

export function noUnitTable(sheet: string): UserError {
  return new UserError(
    `Trang tính "${sheet}" không có bảng tự chấm điểm: cần một dòng tiêu đề (trong 30 dòng đầu) có cột "Mã tiêu chí" (hoặc "Mã", "STT") ` +
      `và ít nhất một trong các cột "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm". Mở trang tự chấm điểm của đơn vị rồi bấm lại, ` +
      `hoặc dùng thẻ "Mẫu" để tạo một trang tự chấm điểm mới từ bộ tiêu chí.`,
    `Sheet "${sheet}" has no self-assessment table: it needs a header row (within the first 30 rows) with a "Mã tiêu chí" (or "Mã", "STT") ` +
      `column and at least one of "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm". Open the unit's self-assessment sheet and try again, ` +
      `or use the "Mẫu" (Template) tab to create a new self-assessment sheet from the catalogue.`,
  );
}

/** The active sheet is one of the council's forms: it is filled in the Thẩm định view, not checked as a unit. */
export function appraisalFormActive(sheet: string): UserError {
  return new UserError(
    `Trang tính "${sheet}" là phiếu thẩm định của hội đồng (nhiều đơn vị), không phải bảng tự chấm của một đơn vị nên không kiểm tra như một đơn vị. ` +
      `Bấm "Đọc phiếu thẩm định" bên dưới để chấm phiếu; để kiểm tra một đơn vị, mở trang tự chấm của đơn vị đó rồi bấm lại.`,
    `Sheet "${sheet}" is an appraisal council form (many units), not one unit's self-assessment, so it is not checked as a unit. ` +
      `Click "Read the appraisal form" below to fill it in; to check a unit, open that unit's self-assessment sheet and try again.`,
  );
}

export function noCriterionRows(sheet: string, headerCell: string, codeColumn: string): UserError {
  return new UserError(
    `Trang tính "${sheet}" có dòng tiêu đề (ô ${headerCell}) nhưng cột ${codeColumn} bên dưới không có mã tiêu chí nào (ví dụ 1.1, 1.2.3). ` +
      `Nhập mã tiêu chí vào cột ${codeColumn}, hoặc dùng thẻ "Mẫu" để tạo trang tự chấm điểm có sẵn các tiêu chí.`,
    `Sheet "${sheet}" has a header row (cell ${headerCell}) but no criterion codes (such as 1.1, 1.2.3) below it in column ${codeColumn}. ` +
      `Type the criterion codes in column ${codeColumn}, or use the "Mẫu" (Template) tab to create a sheet with the criteria filled in.`,
  );
}

export function catalogSheetActive(sheet: string): UserError {
  return new UserError(
    `Trang tính "${sheet}" là bộ tiêu chí, không phải bảng tự chấm điểm của đơn vị. Mở trang tự chấm điểm rồi bấm lại.`,
    `Sheet "${sheet}" is a criteria catalogue, not a unit's self-assessment sheet. Open the self-assessment sheet and try again.`,
  );
}

export function sheetGone(sheet: string): UserError {
  return new UserError(
    `Không tìm thấy trang tính "${sheet}" (có thể đã bị đổi tên hoặc xóa). Mở lại trang tự chấm điểm và bấm "Kiểm tra" lần nữa.`,
    `Sheet "${sheet}" was not found (it may have been renamed or deleted). Open the self-assessment sheet again and run the check again.`,
  );
}

export function sheetProtected(sheet: string): UserError {
  return new UserError(
    `Trang tính "${sheet}" đang được bảo vệ nên PAR Scorer không tô màu và ghi chú được. ` +
      `Bỏ bảo vệ (Xem lại → Bỏ bảo vệ trang tính) rồi thử lại.`,
    `Sheet "${sheet}" is protected, so PAR Scorer cannot highlight cells or add notes. ` +
      `Unprotect it (Review → Unprotect Sheet) and try again.`,
  );
}

export function workbookProtected(): UserError {
  return new UserError(
    `Cấu trúc sổ làm việc đang được bảo vệ nên không thêm hoặc xóa được trang tính. Chưa có gì bị thay đổi. ` +
      `Bỏ bảo vệ (Xem lại → Bảo vệ sổ làm việc) rồi thử lại.`,
    `The workbook's structure is protected, so sheets cannot be added or removed. Nothing was changed. ` +
      `Unprotect it (Review → Protect Workbook) and try again.`,
  );
}

export function flagsNeedSheets(): UserError {
  return new UserError(
    `Cấu trúc sổ làm việc đang được bảo vệ nên PAR Scorer không thêm hoặc xóa được trang tính mà việc đánh dấu cần ` +
      `(trang ẩn "_par_flags" nhớ định dạng cũ của các ô, hoặc trang "Lỗi - …"). Chưa ô nào bị thay đổi. ` +
      `Bỏ bảo vệ (Xem lại → Bảo vệ sổ làm việc) rồi thử lại.`,
    `The workbook's structure is protected, so PAR Scorer cannot add or remove the sheets flagging needs (the hidden ` +
      `"_par_flags" sheet that remembers the cells' formats, or a findings sheet). No cell was changed. ` +
      `Unprotect it (Review → Protect Workbook) and try again.`,
  );
}

export function noFlags(sheet: string): UserError {
  return new UserError(
    `Trang tính "${sheet}" không có ô nào do PAR Scorer đánh dấu, nên không có gì để bỏ đánh dấu.`,
    `Sheet "${sheet}" has no cells highlighted by PAR Scorer, so there is nothing to remove.`,
  );
}

export function noUnitSheet(): UserError {
  return new UserError(
    `Sổ làm việc không có trang tự chấm điểm nào (cần một dòng tiêu đề có cột "Mã tiêu chí" và cột điểm, bên dưới là các mã tiêu chí). ` +
      `Dùng thẻ "Mẫu" để tạo trang tự chấm điểm từ bộ tiêu chí.`,
    `The workbook has no self-assessment sheet (a header row with a "Mã tiêu chí" column and a score column, criterion codes below it). ` +
      `Use the "Mẫu" (Template) tab to create one from the catalogue.`,
  );
}

/** Saving the catalogue choice in the document settings failed (the switch itself took effect, and was recalculated). */
export function catalogNotSaved(name: string, cause: unknown, use: { formulas: number; recalculated: boolean }): UserError {
  const why = { vi: errorText(cause, "vi"), en: errorText(cause, "en") };
  const done = {
    vi: use.recalculated
      ? `Sổ tính đã được tính lại với bộ này${use.formulas > 0 ? ` và ${use.formulas} công thức chấm điểm đã được ghi lại` : ""}.`
      : `Sổ tính chưa tính lại được: bấm Ctrl+Alt+F9 trong Excel.`,
    en: use.recalculated
      ? `The workbook was recalculated with it${use.formulas > 0 ? ` and ${use.formulas} PAR.* formulas were written again` : ""}.`
      : `The workbook could not be recalculated: press Ctrl+Alt+F9 in Excel.`,
  };
  return new UserError(
    `Không lưu được bộ tiêu chí "${name}" vào sổ tính (${why.vi}). Các công thức chấm điểm dùng bộ này cho đến khi đóng sổ tính. ${done.vi} ` +
      `Bấm "Đặt làm bộ tiêu chí đang dùng" để lưu lại; nếu sổ tính đang ở chế độ chỉ đọc, hãy lưu một bản có thể sửa rồi thử lại.`,
    `The catalogue "${name}" could not be saved in the workbook (${why.en}). The PAR.* functions use it until the workbook is closed. ${done.en} ` +
      `Click "Put this catalogue in use" to save it again; if the workbook is read-only, save an editable copy and try again.`,
  );
}

export const skips = {
  validation: {
    vi: `Chưa thêm quy tắc kiểm tra dữ liệu cho ô điểm: phiên bản Excel này chưa hỗ trợ (cần Excel mới hơn). Bảng vẫn dùng được bình thường.`,
    en: `Score cells have no data validation: this Excel version does not support it (needs ExcelApi 1.8). The sheet works as usual.`,
  },
  pageLayout: {
    vi: `Chưa đặt khổ in A4 và dòng tiêu đề lặp lại: phiên bản Excel này chưa hỗ trợ (cần Excel mới hơn). Chỉnh trong Bố trí Trang trước khi in.`,
    en: `A4 page setup and repeated header rows were not set: this Excel version does not support it (needs ExcelApi 1.9). Set them in Page Layout before printing.`,
  },
  indent: {
    vi: `Chưa thụt lề tên tiêu chí theo cấp: phiên bản Excel này chưa hỗ trợ (cần Excel mới hơn). Mã tiêu chí vẫn cho biết cấp.`,
    en: `Criterion names are not indented by level: this Excel version does not support it (needs ExcelApi 1.9). The codes still show the level.`,
  },
  autoFilter: {
    vi: `Chưa bật bộ lọc cho dòng tiêu đề: phiên bản Excel này chưa hỗ trợ (cần Excel mới hơn). Bật bằng Dữ liệu → Bộ lọc nếu cần.`,
    en: `The header row has no filter: this Excel version does not support it (needs ExcelApi 1.9). Turn it on with Data → Filter if needed.`,
  },
  chart: {
    vi: `Chưa vẽ biểu đồ: bảng số liệu của biểu đồ không có vùng ô để vẽ.`,
    en: `The chart was not drawn: its figures have no cell range to draw from.`,
  },
} satisfies Record<string, Skip>;

export function commentsKept(count: number): Skip {
  return {
    vi: `${count} ô đã có bình luận của người dùng nên PAR Scorer chỉ tô màu, không thêm bình luận; xem lỗi ở danh sách trong ngăn.`,
    en: `${count} cells already had a user's comment, so PAR Scorer only highlighted them without adding a comment; see the list in the pane.`,
  };
}
