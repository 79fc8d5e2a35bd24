import { Catalog, CatalogChoice, chooseCatalog, findUnitSheets, ParError, prepareUnits, SheetIssue, UnitSheet, unitNameFromFile } from "../scoring";
import { loadCatalog } from "./catalog-source";
import { CliError } from "./errors";
import { convertGrid, detectLegacyEncoding, LegacyEncoding } from "./workbook/legacy-text";
import { isGeneratedWorkbook, ownedSheetNames, readWorkbook, WorkbookData } from "./xlsx/read";

export interface LoadedUnits {
  data: WorkbookData;
  /** The unit sheets, numbering resolved against the chosen catalogue, each with a column to score from. */
  units: UnitSheet[];
  choice: CatalogChoice;
  catalogIssues: SheetIssue[];
  /** Sheets with a criteria table but no score column, set aside because another sheet is usable. */
  rejected: { sheet: string; error: ParError }[];
  /** The legacy encoding the workbook's text was converted from (given with --encoding, or detected), or null. */
  encoding: LegacyEncoding | null;
  /** The cells whose text was converted from that encoding, sheet by sheet (A1 addresses). */
  convertedCells: ConvertedCells;
}

export type ConvertedCells = { sheet: string; cells: string[] }[];

export interface LoadOptions {
  sheet?: string;
  catalog?: string;
  /** The catalogue `catalog` names, already loaded (a run over many files loads it once). */
  catalogLoaded?: Catalog;
  /** tcvn3 or vni: convert the text from that encoding; unicode: never convert; absent: convert when detected. */
  encoding?: LegacyEncoding | "unicode";
  /** Read at most this many cells and shared strings (--max-cells; workbook/limits.ts). */
  maxCells?: number;
}

const ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: "TCVN3 (ABC, .VnTime)", vni: "VNI (VNI-Times)" };

/** The workbook with every text cell not already in Unicode converted from a legacy encoding; `cells` gets which. */
function converted(data: WorkbookData, encoding: LegacyEncoding, cells: ConvertedCells, onlySigned = false): WorkbookData {
  cells.length = 0;
  const grids = data.grids.map((g) => {
    const list: string[] = [];
    const grid = convertGrid(g, encoding, (address) => list.push(address), onlySigned);
    if (list.length > 0) cells.push({ sheet: g.name, cells: list });
    return grid;
  });
  return { ...data, grids };
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
  let data = await readWorkbook(file, options.maxCells ? { maxCells: options.maxCells } : undefined);
  let encoding: LegacyEncoding | null = options.encoding === "tcvn3" || options.encoding === "vni" ? options.encoding : null;
  const convertedCells: ConvertedCells = [];
  if (encoding) data = converted(data, encoding, convertedCells);
  if (isGeneratedWorkbook(data)) {
    throw new CliError(
      `${file} do PAR Scorer tạo (bảng xếp hạng, tổng hợp hoặc bộ tiêu chí xuất ra), không phải sổ tính tự chấm điểm của đơn vị`,
      `${file} was written by PAR Scorer (a ranking, summary or exported catalogue), not a unit's self-assessment workbook`,
      "generated",
    );
  }
  const skip = new Set(ownedSheetNames(data));
  let grids = options.sheet !== undefined ? data.grids.filter((g) => g.name === options.sheet) : data.grids;
  if (options.sheet !== undefined && grids.length === 0) {
    const names = data.grids.filter((g) => !skip.has(g.name)).map((g) => `"${g.name}"`).join(", ");
    throw new CliError(
      `Tệp ${file} không có trang "${options.sheet}". Các trang có: ${names}`,
      `${file} has no sheet "${options.sheet}". Its sheets: ${names}`,
    );
  }
  let units = findUnitSheets(grids, unitNameFromFile(file), skip);
  // Text typed in a legacy font encoding (headers that match nothing, a unit name in VNI): when the text itself
  // looks like one, whatever its font, the cells in it are converted.
  const detection = options.encoding === undefined ? detectLegacyEncoding(grids) : null;
  const detected = detection?.encoding ?? null;
  if (detection && detected) {
    data = converted(data, detected, convertedCells, detection.mixed);
    grids = options.sheet !== undefined ? data.grids.filter((g) => g.name === options.sheet) : data.grids;
    units = findUnitSheets(grids, unitNameFromFile(file), skip);
    encoding = detected;
  }
  if (units.length === 0) {
    const legacy = detected
      ? {
          vi: ` Chữ trong tệp có vẻ gõ bằng bảng mã ${ENCODING_NAMES[detected]}; đã chuyển sang Unicode mà vẫn không thấy bảng. Thử --encoding ${detected === "tcvn3" ? "vni" : "tcvn3"}, hoặc mở tệp bằng Excel, chuyển mã sang Unicode (Unikey: Công cụ chuyển mã) rồi lưu lại.`,
          en: ` Its text looks typed in the ${ENCODING_NAMES[detected]} encoding; converted to Unicode, it still has no table. Try --encoding ${detected === "tcvn3" ? "vni" : "tcvn3"}, or convert the workbook to Unicode (e.g. Unikey's converter) and save it again.`,
        }
      : { vi: "", en: "" };
    throw new CliError(
      `Không tìm thấy bảng tự chấm điểm trong ${file}${options.sheet ? ` (trang "${options.sheet}")` : ""}: cần một dòng tiêu đề có cột "Mã" (hoặc "STT") và ít nhất một cột "Điểm tối đa", "Kết quả" hoặc "Điểm tự chấm", rồi các dòng có mã tiêu chí như 1.1.1.${legacy.vi}`,
      `No self-assessment table found in ${file}: it needs a header row with a "Mã" (or "STT") column and at least one of "Điểm tối đa", "Kết quả", "Điểm tự chấm", then rows with criterion codes like 1.1.1.${legacy.en}`,
    );
  }
  const chosen = options.catalog
    ? { choice: { how: "given" as const, catalog: options.catalogLoaded ?? (await loadCatalog(options.catalog)) }, issues: [] }
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
  return { data, units: prepared.units, choice, catalogIssues: chosen.issues, rejected: prepared.rejected, encoding, convertedCells };
}

/**
 * "Chữ trong tệp được chuyển từ bảng mã TCVN3 (ABC, .VnTime) sang Unicode: trang "…" ô A1, A2 …": said whenever
 * text was converted, with the cells (at most 12 named per sheet).
 */
export function describeEncoding(encoding: LegacyEncoding | null, lang: "vi" | "en", cells: ConvertedCells = []): string | null {
  if (!encoding) return null;
  const en = lang === "en";
  const where = cells
    .map(({ sheet, cells: list }) => {
      const named = list.slice(0, 12).join(", ");
      const more = list.length > 12 ? (en ? ` and ${list.length - 12} more` : ` và ${list.length - 12} ô khác`) : "";
      return en ? `sheet "${sheet}" cell${list.length > 1 ? "s" : ""} ${named}${more}` : `trang "${sheet}" ô ${named}${more}`;
    })
    .join("; ");
  return en
    ? `Text converted from the ${ENCODING_NAMES[encoding]} encoding to Unicode${where ? `: ${where}` : ""}`
    : `Chữ trong tệp được chuyển từ bảng mã ${ENCODING_NAMES[encoding]} sang Unicode${where ? `: ${where}` : ""}`;
}
