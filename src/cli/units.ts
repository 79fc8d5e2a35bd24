import { CatalogChoice, chooseCatalog, findUnitSheets, ParError, prepareUnits, SheetIssue, UnitSheet, unitNameFromFile } from "../scoring";
import { loadCatalog } from "./catalog-source";
import { CliError } from "./errors";
import { inputKind, notReadReason } from "./input-formats";
import { isGeneratedWorkbook, ownedSheetNames, readWorkbook, WorkbookData } from "./xlsx/read";

export interface LoadedUnits {
  data: WorkbookData;
  /** The unit sheets, numbering resolved against the chosen catalogue, each with a column to score from. */
  units: UnitSheet[];
  choice: CatalogChoice;
  catalogIssues: SheetIssue[];
  /** Sheets with a criteria table but no score column, set aside because another sheet is usable. */
  rejected: { sheet: string; error: ParError }[];
}

export interface LoadOptions {
  sheet?: string;
  catalog?: string;
}

/**
 * Reads a workbook and finds its unit sheet(s) and the catalogue to check them against. Anything that makes the
 * workbook unusable is a CliError (or the reader's WorkbookError) with a message saying what to do.
 */
export async function loadUnits(file: string, options: LoadOptions = {}): Promise<LoadedUnits> {
  if (options.sheet !== undefined && options.sheet.trim() === "") {
    throw new CliError(
      'Tên trang (--sheet) đang trống. Ghi tên trang tự chấm điểm, ví dụ --sheet "Tự chấm 2018", hoặc bỏ --sheet để dùng trang đầu tiên nhận ra được',
      'The sheet name (--sheet) is empty. Give the self-assessment sheet\'s name, e.g. --sheet "Self-assessment", or leave --sheet out to use the first sheet recognised',
    );
  }
  const kind = inputKind(file);
  if (kind === "not-yet") {
    throw new CliError(`Không đọc được ${file}: ${notReadReason(file, kind, "vi")}`, `Cannot read ${file}: ${notReadReason(file, kind, "en")}`, kind);
  }
  const data = await readWorkbook(file);
  if (isGeneratedWorkbook(data)) {
    throw new CliError(
      `${file} do PAR Scorer tạo (bảng xếp hạng, tổng hợp hoặc bộ tiêu chí xuất ra), không phải sổ tính tự chấm điểm của đơn vị`,
      `${file} was written by PAR Scorer (a ranking, summary or exported catalogue), not a unit's self-assessment workbook`,
      "generated",
    );
  }
  const skip = new Set(ownedSheetNames(data));
  const grids = options.sheet !== undefined ? data.grids.filter((g) => g.name === options.sheet) : data.grids;
  if (options.sheet !== undefined && grids.length === 0) {
    const names = data.grids.filter((g) => !skip.has(g.name)).map((g) => `"${g.name}"`).join(", ");
    throw new CliError(
      `Tệp ${file} không có trang "${options.sheet}". Các trang có: ${names}`,
      `${file} has no sheet "${options.sheet}". Its sheets: ${names}`,
    );
  }
  const units = findUnitSheets(grids, unitNameFromFile(file), skip);
  if (units.length === 0) {
    throw new CliError(
      `Không tìm thấy bảng tự chấm điểm trong ${file}${options.sheet ? ` (trang "${options.sheet}")` : ""}: cần một dòng tiêu đề có cột "Mã" (hoặc "STT") và ít nhất một cột "Điểm tối đa", "Kết quả" hoặc "Điểm tự chấm", rồi các dòng có mã tiêu chí như 1.1.1`,
      `No self-assessment table found in ${file}: it needs a header row with a "Mã" (or "STT") column and at least one of "Điểm tối đa", "Kết quả", "Điểm tự chấm", then rows with criterion codes like 1.1.1`,
    );
  }
  const chosen = options.catalog
    ? { choice: { how: "given" as const, catalog: await loadCatalog(options.catalog) }, issues: [] }
    : chooseCatalog(data.grids, units);
  const choice = chosen.choice;
  if (!choice) {
    throw new CliError(
      `Không xác định được bộ tiêu chí cho ${file}: các mã trong bảng không khớp bộ tiêu chí có sẵn nào. Chọn bằng --catalog (xem: par catalog list)`,
      `Cannot tell which catalogue ${file} uses: its codes match no built-in catalogue. Pick one with --catalog (see: par catalog list)`,
    );
  }
  const prepared = prepareUnits(units, choice.catalog);
  if (prepared.units.length === 0) throw prepared.rejected[0].error;
  return { data, units: prepared.units, choice, catalogIssues: chosen.issues, rejected: prepared.rejected };
}
