import {
  Catalog,
  CatalogChoice,
  noCatalogFit,
  isAppraisalForm,
  ParError,
  readWorkbookUnits,
  SheetEntry,
  SheetIssue,
  UnitSheet,
  unitNameFromFile,
  WorkbookReading,
  WorkbookSheet,
} from "../scoring";
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
  /** How every sheet of the workbook was read (the sheet ledger). */
  sheets: SheetEntry[];
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
  /** Read hidden and very hidden sheets as unit sheets too (--include-hidden). */
  includeHidden?: boolean;
  /** Read at most this many cells and shared strings (--max-cells; workbook/limits.ts). */
  maxCells?: number;
}

const ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: "TCVN3 (ABC, .VnTime)", vni: "VNI (VNI-Times)" };

/** Every sheet of the workbook with its state, chart sheets included, in tab order. */
function sheetList(data: WorkbookData): WorkbookSheet[] {
  const sheets: WorkbookSheet[] = data.grids.map((g) => ({ name: g.name, state: data.sheetStates[g.name] ?? "visible" }));
  for (const name of data.chartSheets ?? []) sheets.push({ name, state: data.sheetStates[name] ?? "visible", chart: true });
  for (const { sheet, reason, detail } of data.unreadSheets ?? [])
    sheets.push({ name: sheet, state: data.sheetStates[sheet] ?? "visible", unreadable: { reason, ...(detail ? { detail } : {}) } });
  const order = data.tabOrder;
  return order ? sheets.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name)) : sheets;
}

/**
 * What the reading could not use, for the commands to print (none when everything was read): "Không đọc được trang
 * "…" …" for each worksheet the reader could not read (its data missing or damaged), and, for each other sheet than
 * the unit sheets in `units` (whose cells validation names one by one: formula-uncalculated) and PAR Scorer's own,
 * the cells holding a formula saved without its result (at most 12 named), which read as blank.
 */
export function describeUnread(data: WorkbookData, lang: "vi" | "en", units: UnitSheet[] = []): string[] {
  const en = lang === "en";
  const lines = (data.unreadSheets ?? []).map(({ sheet, reason, detail }) => {
    if (reason === "not-worksheet") {
      const kind = detail === "dialog" ? (en ? "a dialog sheet" : "trang hộp thoại") : en ? "an Excel 4 macro sheet" : "trang macro Excel 4";
      return en
        ? `Sheet "${sheet}" is ${kind}, not a worksheet, so nothing in it is read or checked. If it holds self-assessment figures, copy them to an ordinary worksheet`
        : `Trang "${sheet}" là ${kind}, không phải trang tính, nên không đọc và không kiểm tra gì trong trang này. Nếu trang có số liệu tự chấm, chép sang một trang tính thường`;
    }
    if (en)
      return reason === "missing"
        ? `Sheet "${sheet}" cannot be read: the file lacks its data (it is truncated or damaged), so nothing in it is checked. Open the file in Excel and save it again, or ask the unit for the original file`
        : `Sheet "${sheet}" cannot be read: its data is damaged${detail ? ` (${detail})` : ""}, so nothing in it is checked. Open the file in Excel and save it again, or ask the unit for the original file`;
    return reason === "missing"
      ? `Không đọc được trang "${sheet}": tệp thiếu phần dữ liệu của trang (tệp bị cắt hoặc hỏng), nên không kiểm tra được gì trong trang này. Mở tệp bằng Excel và lưu lại, hoặc xin đơn vị gửi lại tệp gốc`
      : `Không đọc được trang "${sheet}": dữ liệu của trang bị hỏng${detail ? ` (${detail})` : ""}, nên không kiểm tra được gì trong trang này. Mở tệp bằng Excel và lưu lại, hoặc xin đơn vị gửi lại tệp gốc`;
  });
  const skip = new Set([...units.map((u) => u.sheet), ...ownedSheetNames(data)]);
  for (const grid of data.grids) {
    const cells = grid.uncalculated ?? [];
    if (cells.length === 0 || skip.has(grid.name)) continue;
    const named = cells.slice(0, 12).join(", ");
    const more = cells.length > 12 ? (en ? ` and ${cells.length - 12} more` : ` và ${cells.length - 12} ô khác`) : "";
    lines.push(
      en
        ? `Sheet "${grid.name}": ${cells.length} cell${cells.length > 1 ? "s hold formulas" : " holds a formula"} the file has no result for (${named}${more}), read as blank: the file was saved by a tool that does not calculate formulas. Open it in Excel or LibreOffice, recalculate (F9) and save it`
        : `Trang "${grid.name}": ${cells.length} ô có công thức mà tệp không lưu kết quả (${named}${more}), đọc như để trống: tệp được lưu bằng một công cụ không tính công thức. Mở tệp trong Excel/LibreOffice, tính lại (F9) và lưu lại`,
    );
  }
  return lines;
}

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
  const owned = ownedSheetNames(data);
  const sheetNames = data.grids.map((g) => g.name).filter((n) => !owned.includes(n));
  // The council's forms (par appraise forms) list many units: they are merged, never read as one unit.
  const ownGrids = data.grids.filter((g) => !owned.includes(g.name));
  if (ownGrids.length > 0 && ownGrids.every(isAppraisalForm)) {
    throw new CliError(
      `${file} là phiếu thẩm định của hội đồng (par appraise forms), không phải sổ tính tự chấm của một đơn vị: gộp phiếu vào sổ tính của các đơn vị bằng par appraise merge`,
      `${file} is an appraisal council form (par appraise forms), not a unit's self-assessment workbook: merge the forms into the units' workbooks with par appraise merge`,
      "appraisal-form",
    );
  }
  const unread = describeUnread(data, "vi").map((t) => ` ${t}.`).join("");
  const unreadEn = describeUnread(data, "en").map((t) => ` ${t}.`).join("");
  if (options.sheet !== undefined && !sheetNames.includes(options.sheet)) {
    const names = sheetNames.map((n) => `"${n}"`).join(", ");
    throw new CliError(
      `Tệp ${file} không có trang "${options.sheet}". Các trang có: ${names}.${unread}`,
      `${file} has no sheet "${options.sheet}". Its sheets: ${names}.${unreadEn}`,
    );
  }
  const given = options.catalog ? (options.catalogLoaded ?? (await loadCatalog(options.catalog))) : undefined;
  const read = (d: WorkbookData): WorkbookReading =>
    readWorkbookUnits(
      { grids: d.grids, sheets: sheetList(d), owned, fallbackUnit: unitNameFromFile(file) },
      { sheet: options.sheet, includeHidden: options.includeHidden, catalog: given },
    );
  let reading = read(data);
  const grids = () => (options.sheet !== undefined ? data.grids.filter((g) => g.name === options.sheet) : data.grids);
  // Text typed in a legacy font encoding (headers that match nothing, a unit name in VNI): when the text itself
  // looks like one, whatever its font, the cells in it are converted.
  const detection = options.encoding === undefined ? detectLegacyEncoding(grids()) : null;
  const detected = detection?.encoding ?? null;
  if (detection && detected) {
    data = converted(data, detected, convertedCells, detection.mixed);
    reading = read(data);
    encoding = detected;
  }
  if (reading.found.length === 0) {
    const legacy = detected
      ? {
          vi: ` Chữ trong tệp có vẻ gõ bằng bảng mã ${ENCODING_NAMES[detected]}; đã chuyển sang Unicode mà vẫn không thấy bảng. Thử --encoding ${detected === "tcvn3" ? "vni" : "tcvn3"}, hoặc mở tệp bằng Excel, chuyển mã sang Unicode (Unikey: Công cụ chuyển mã) rồi lưu lại.`,
          en: ` Its text looks typed in the ${ENCODING_NAMES[detected]} encoding; converted to Unicode, it still has no table. Try --encoding ${detected === "tcvn3" ? "vni" : "tcvn3"}, or convert the workbook to Unicode (e.g. Unikey's converter) and save it again.`,
        }
      : { vi: "", en: "" };
    const hidden = reading.hiddenUnits.length > 0 ? new ParError("reading.hiddenUnits", { sheets: reading.hiddenUnits.map((n) => `"${n}"`).join(", ") }) : null;
    const hiddenText = { vi: hidden ? ` ${hidden.text("vi")}.` : "", en: hidden ? ` ${hidden.text("en")}.` : "" };
    throw new CliError(
      `Không tìm thấy bảng tự chấm điểm trong ${file}${options.sheet ? ` (trang "${options.sheet}")` : ""}: cần một dòng tiêu đề có cột "Mã" (hoặc "STT") và ít nhất một cột "Điểm tối đa", "Kết quả" hoặc "Điểm tự chấm", rồi các dòng có mã tiêu chí như 1.1.1.${hiddenText.vi}${legacy.vi}${unread}`,
      `No self-assessment table found in ${file}: it needs a header row with a "Mã" (or "STT") column and at least one of "Điểm tối đa", "Kết quả", "Điểm tự chấm", then rows with criterion codes like 1.1.1.${hiddenText.en}${legacy.en}${unreadEn}`,
    );
  }
  const choice = reading.choice;
  if (!choice && reading.rejected.length > 0) throw reading.rejected[0].error;
  if (!choice) throw noCatalogFit(reading.fits, file);
  if (reading.units.length === 0) throw reading.rejected[0].error;
  return {
    data,
    units: reading.units,
    choice,
    catalogIssues: reading.catalogIssues,
    rejected: reading.rejected,
    encoding,
    sheets: reading.sheets,
    convertedCells,
  };
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
