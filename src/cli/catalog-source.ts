import { existsSync } from "node:fs";
import { basename } from "node:path";
import {
  builtinCatalog,
  Catalog,
  CatalogGridRead,
  DEFAULT_CATALOG_ID,
  findCatalogGrid,
  Grid,
  isBuiltinId,
  Lang,
  parseCatalogJson,
  readCatalogGrid,
  importCatalogTable,
  slugId,
  tableHeaderProblem,
  unitNameFromFile,
} from "../scoring";
import { CliError } from "./errors";
import { readRegularFileSync } from "./read-file";
import { readWorkbook } from "./xlsx/read";

const WORKBOOK = /\.(xlsx|xlsm|xls|ods|csv)$/i;

/**
 * A catalogue named on the command line: a built-in id, a JSON file in the catalogue format, or a workbook holding
 * a catalogue sheet (`par catalog export`, edited: the way a province supplies the points a names-only catalogue
 * lacks) or a province's published criteria table (as `par catalog import` reads it). A sheet with errors is
 * refused with each error and its cell.
 */
export async function loadCatalog(idOrFile: string | undefined): Promise<Catalog> {
  const ref = idOrFile ?? DEFAULT_CATALOG_ID;
  if (isBuiltinId(ref) || !existsSync(ref)) return builtinCatalog(ref);
  if (WORKBOOK.test(ref)) return catalogFromWorkbook(ref);
  return parseCatalogJson(readRegularFileSync(ref).toString("utf8"), basename(ref));
}

/** Whether `--catalog` names a workbook (a catalogue sheet or a province's table, imported when loaded). */
export function isCatalogWorkbook(ref: string): boolean {
  return !isBuiltinId(ref) && existsSync(ref) && WORKBOOK.test(ref);
}

/**
 * The catalogue sheet of a workbook (`sheet`, else the first sheet of either layout) read into a catalogue; the
 * read keeps every issue, errors included, for the caller to show.
 */
export async function readCatalogWorkbook(
  file: string,
  options: { sheet?: string; fallbackId?: string; lang?: Lang } = {},
): Promise<{ grid: Grid; read: CatalogGridRead }> {
  const data = await readWorkbook(file);
  const grid = options.sheet !== undefined ? data.grids.find((g) => g.name === options.sheet) : findCatalogGrid(data.grids, true);
  const fallbackId = options.fallbackId ?? unitNameFromFile(file);
  const read = grid ? readCatalogGrid(grid, { fallbackId, lang: options.lang, lenient: true }) : null;
  if (grid && read) return { grid, read };
  // A sheet that looks like a table but lacks a column: its import says which column, at the header.
  const near = (options.sheet !== undefined ? (grid ? [grid] : []) : data.grids).find((g) => tableHeaderProblem(g) !== null);
  if (near) {
    const table = importCatalogTable(near, { id: slugId(fallbackId) || undefined, lang: options.lang, lenient: true });
    return { grid: near, read: { layout: "table", catalog: null, issues: table.issues, table } };
  }
  const where = options.sheet !== undefined ? ` (trang "${options.sheet}")` : "";
  const whereEn = options.sheet !== undefined ? ` (sheet "${options.sheet}")` : "";
  throw new CliError(
    `Tệp ${file}${where} không có trang bộ tiêu chí: cần bảng tiêu chí của tỉnh (các cột STT, Nội dung tiêu chí, Điểm tối đa) hoặc trang do "par catalog export" tạo (Mã | Tên tiêu chí | Điểm tối đa | Quy tắc…)`,
    `${file}${whereEn} has no catalogue sheet: it needs a province's criteria table (columns STT, Nội dung tiêu chí, Điểm tối đa) or a sheet made by "par catalog export" (Mã | Tên tiêu chí | Điểm tối đa | Quy tắc…)`,
  );
}

async function catalogFromWorkbook(file: string): Promise<Catalog> {
  const { grid, read } = await readCatalogWorkbook(file);
  const errors = read.issues.filter((i) => i.severity === "error");
  if (!read.catalog || errors.length > 0) {
    const list = errors.map((i) => `${i.sheet}!${i.cell}: ${i.message}`).join("; ");
    throw new CliError(`Trang bộ tiêu chí "${grid.name}" trong ${file} còn lỗi: ${list}`, `The catalogue sheet "${grid.name}" in ${file} has errors: ${list}`);
  }
  return read.catalog;
}
