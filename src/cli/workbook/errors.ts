/** A workbook that cannot be read, in words: which file, why, and what to do (Vietnamese and English). */
import { CliError } from "../errors";

export type WorkbookErrorCode = "empty" | "encrypted" | "encrypted-or-xls" | "not-xlsx" | "not-workbook" | "over-limit" | "damaged-reference" | "damaged-sheets";

/** A workbook that cannot be read or written, with a message for the user in Vietnamese and in English. */
export class WorkbookError extends CliError {
  constructor(
    override readonly code: WorkbookErrorCode,
    readonly file: string,
    message: string,
    messageEn: string,
    readonly detail?: string,
  ) {
    super(message, messageEn, code);
    this.name = "WorkbookError";
  }
}

const SAVE_AGAIN_VI = "Mở tệp bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).";
const SAVE_AGAIN_EN = "Open it in Excel and save it again as an Excel Workbook (.xlsx).";

export function unreadable(code: WorkbookErrorCode, file: string, detail?: string, sheets: string[] = []): WorkbookError {
  switch (code) {
    case "damaged-sheets": {
      const names = sheets.map((s) => `"${s}"`).join(", ");
      return new WorkbookError(
        code,
        file,
        `Không đọc được tệp ${file}: không trang nào đọc được, phần dữ liệu của trang ${names} bị thiếu hoặc hỏng. ${SAVE_AGAIN_VI} Nếu Excel cũng không mở được, xin đơn vị gửi lại tệp gốc.`,
        `Cannot read ${file}: no sheet can be read, the data of sheet ${names} is missing or damaged. ${SAVE_AGAIN_EN} If Excel cannot open it either, ask the unit for the original file again.`,
        detail,
      );
    }
    case "empty":
      return new WorkbookError(
        code,
        file,
        `Không đọc được tệp ${file}: tệp rỗng (0 byte), có thể chưa sao chép hoặc tải về xong. Lấy lại tệp gốc.`,
        `Cannot read ${file}: the file is empty (0 bytes); it may not have finished copying or downloading. Get the original file again.`,
        detail,
      );
    case "encrypted":
      return new WorkbookError(
        code,
        file,
        `Không đọc được tệp ${file}: sổ tính được đặt mật khẩu (mã hóa). Mở tệp bằng Excel, nhập mật khẩu, bỏ mật khẩu ` +
          `(Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa trống) rồi lưu lại, hoặc xin đơn vị gửi bản không đặt mật khẩu.`,
        `Cannot read ${file}: the workbook is protected with a password (encrypted). Open it in Excel, enter the password, remove it ` +
          `(File → Info → Protect Workbook → Encrypt with Password, leave it empty) and save, or ask the unit for a copy without a password.`,
        detail,
      );
    case "encrypted-or-xls":
      return new WorkbookError(
        code,
        file,
        `Không đọc được tệp ${file}: tệp có dạng Excel 97-2003 (.xls) nhưng bị hỏng hoặc không phải sổ tính. ${SAVE_AGAIN_VI}`,
        `Cannot read ${file}: it looks like an Excel 97-2003 (.xls) file but is damaged or not a workbook. ${SAVE_AGAIN_EN}`,
        detail,
      );
    case "not-workbook":
      return new WorkbookError(
        code,
        file,
        `Không đọc được tệp ${file}: tệp không phải sổ tính (.xlsx, .xlsm, .xls, .ods hoặc .csv) hoặc bị hỏng. ${SAVE_AGAIN_VI}`,
        `Cannot read ${file}: it is not a workbook (.xlsx, .xlsm, .xls, .ods or .csv), or it is damaged. ${SAVE_AGAIN_EN}`,
        detail,
      );
    default:
      return new WorkbookError(
        "not-xlsx",
        file,
        `Không đọc được tệp ${file}: tệp không phải định dạng Excel .xlsx hợp lệ (có thể bị hỏng). ${SAVE_AGAIN_VI}`,
        `Cannot read ${file}: it is not a valid Excel .xlsx file (it may be damaged). ${SAVE_AGAIN_EN}`,
        detail,
      );
  }
}
