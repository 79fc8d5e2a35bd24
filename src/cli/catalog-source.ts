import { existsSync } from "node:fs";
import { basename } from "node:path";
import {
  builtinCatalog,
  Catalog,
  DEFAULT_CATALOG_ID,
  isBuiltinId,
  isCatalogSheet,
  parseCatalogJson,
  readCatalogSheet,
  unitNameFromFile,
} from "../scoring";
import { CliError } from "./errors";
import { readRegularFileSync } from "./read-file";
import { readWorkbook } from "./xlsx/read";

const WORKBOOK = /\.(xlsx|xlsm)$/i;

/**
 * A catalogue named on the command line: a built-in id, a JSON file in the catalogue format, or a workbook holding
 * a catalogue sheet (`par catalog export`, edited: the way a province supplies the points a names-only catalogue
 * lacks). A catalogue sheet with errors is refused with each error and its cell.
 */
export async function loadCatalog(idOrFile: string | undefined): Promise<Catalog> {
  const ref = idOrFile ?? DEFAULT_CATALOG_ID;
  if (isBuiltinId(ref) || !existsSync(ref)) return builtinCatalog(ref);
  if (WORKBOOK.test(ref)) return catalogFromWorkbook(ref);
  return parseCatalogJson(readRegularFileSync(ref).toString("utf8"), basename(ref));
}

async function catalogFromWorkbook(file: string): Promise<Catalog> {
  const data = await readWorkbook(file);
  const grid = data.grids.find(isCatalogSheet);
  if (!grid) {
    throw new CliError(
      `Tệp ${file} không có trang bộ tiêu chí (dòng tiêu đề Mã | Tên tiêu chí | Điểm tối đa | Quy tắc…). Tạo trang đó bằng: par catalog export <mã bộ> -o ${basename(file)}`,
      `${file} has no catalogue sheet (a header Mã | Tên tiêu chí | Điểm tối đa | Quy tắc…). Make one with: par catalog export <id> -o ${basename(file)}`,
    );
  }
  const read = readCatalogSheet(grid, unitNameFromFile(file));
  const errors = read.issues.filter((i) => i.severity === "error");
  if (!read.catalog || errors.length > 0) {
    const list = errors.map((i) => `${i.sheet}!${i.cell}: ${i.message}`).join("; ");
    throw new CliError(`Trang bộ tiêu chí "${grid.name}" trong ${file} còn lỗi: ${list}`, `The catalogue sheet "${grid.name}" in ${file} has errors: ${list}`);
  }
  return read.catalog;
}
