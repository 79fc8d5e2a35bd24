/** Workbooks for the Excel adapter's tests: the bundled samples and generated sheets, as fake-excel seeds. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { a1, cellAt, formulaAt, gridWidth } from "../../src/scoring/grid";
import { dateToSerial } from "../../src/scoring/values";
import { officeApiSupport } from "../../src/taskpane/excel/support";

export interface SheetSeed {
  name: string;
  values: unknown[][];
  formulas?: (string | null)[][];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  protected?: boolean;
  /** With protected: the cells left unlocked ("H:I"), whose contents may still be changed. */
  unlocked?: string[];
  fills?: Record<string, string>;
  notes?: Record<string, string>;
  /** Number formats by address ("E8": "dd/mm/yyyy"). */
  numberFormats?: Record<string, string>;
  comments?: { cell: string; content: string; id?: string }[];
  /** Merged areas ("A5:A6"); the value stays in the top-left cell only. */
  merges?: string[];
}

export interface SheetSnapshot {
  name: string;
  visibility: string;
  values: unknown[][];
  formulas: (string | null)[][];
  numberFormats: string[][];
  fills: Record<string, string>;
  notes: Record<string, string>;
  comments: { cell: string; content: string; id: string }[];
  frozenRows: number;
  frozenColumns: number;
  merges: string[];
  validations: { range: string; formula: string | null; list?: string }[];
  charts: { type: string; title: string; valuesRange: string; categoriesRange: string | null; anchor: string | null }[];
  columnWidths: Record<string, number>;
  /** 1-based row → height in points, or "auto" after autofit. */
  rowHeights: Record<string, number | "auto">;
}

export interface Snapshot {
  active: string | null;
  sheets: SheetSnapshot[];
  selection: { sheet: string; cell: string } | null;
}

export interface FakeExcel {
  Office: any;
  Excel: any;
  syncCount(): number;
  resetSyncCount(): void;
  snapshot(): Snapshot;
  formatOf(sheet: string, address: string): Record<string, unknown> | null;
  layoutOf(sheet: string): { pageLayout: any; autoFilter: string | null; charts: any[] } | null;
  reads(): { sheet: string; address: string; cells: number; property: string }[];
  writes(): { sheet: string; address: string; property: string }[];
  /** Request and response bytes of each sync since the last resetSyncCount. */
  payloads(): { request: number; response: number }[];
  settings: Map<string, unknown>;
  setProtected(sheet: string, on: boolean): void;
  setStructureProtected(on: boolean): void;
  calculations(): number;
  /** saveAsync calls on the document settings (refused ones included). */
  settingsSaves(): number;
}

export interface FakeInit {
  sheets?: SheetSeed[];
  active?: string;
  apiVersion?: string;
  displayLanguage?: string;
  name?: string;
  /** Bytes allowed per request and per response (default Excel on the web's 5 MB). */
  payloadLimit?: number;
  /** The code an oversized request or response fails with (Excel on the web also says GeneralException). */
  payloadError?: string;
  readOnly?: boolean;
  /** A workbook in the 1904 date system: seeded dates are stored as its serials, and DATE() answers in it. */
  date1904?: boolean;
  officeTheme?: { bodyBackgroundColor: string };
  /** Classes the office.js in use lacks, e.g. ["NoteCollection"]. */
  missingClasses?: string[];
  /** Whether methods of a null object give null objects (default) or fail the sync. */
  nullChains?: "null" | "fail";
}

export const createFakeExcel = (require("../support/fake-excel") as { createFakeExcel: (init: FakeInit) => FakeExcel }).createFakeExcel;

/**
 * The adapter's dependencies on a fake: its Excel.run, its requirement sets (and library), its settings (`save`
 * may be replaced, e.g. to fail), a recalculation counter.
 */
export function fakeDeps(fake: FakeExcel, save: () => Promise<void> = async () => undefined) {
  let recalculations = 0;
  return {
    deps: {
      run: fake.Excel.run as <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>,
      supports: officeApiSupport(fake.Office, fake.Excel),
      settings: () => ({
        get: (k: string) => fake.Office.context.document.settings.get(k),
        set: (k: string, v: string) => fake.Office.context.document.settings.set(k, v),
        save,
      }),
      recalculate: async () => {
        recalculations++;
      },
    },
    recalculations: () => recalculations,
  };
}

const samples = join(__dirname, "..", "..", "samples");

/**
 * A workbook file's sheets as Excel would show them to Office.js: a full rectangle of values ("" for an empty
 * cell, dates as serial numbers), formulas, and with `merges` its merged areas.
 */
export async function workbookSeeds(path: string, options: { merges?: boolean } = {}): Promise<SheetSeed[]> {
  const data = await readWorkbook(path);
  return data.grids.map((grid) => {
    const width = gridWidth(grid);
    const rect = <T>(cell: (r: number, c: number) => T) =>
      Array.from({ length: grid.values.length }, (_, r) => Array.from({ length: width }, (_, c) => cell(r, c)));
    return {
      name: grid.name,
      values: rect((r, c) => {
        const v = cellAt(grid, r, c);
        return v instanceof Date ? dateToSerial(v) : v === null || v === undefined ? "" : v;
      }),
      ...(grid.formulas ? { formulas: rect((r, c) => formulaAt(grid, r, c)) } : {}),
      ...(options.merges ? { merges: (grid.merges ?? []).map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`) } : {}),
    };
  });
}

/** A sample workbook's sheets as Excel would show them to Office.js. */
export function sampleSheets(file: string): Promise<SheetSeed[]> {
  return workbookSeeds(join(samples, file));
}

/** The planted defects of a sample file, from samples/DEFECTS.md, as "sheet!cell code kind". */
export function plantedDefects(file: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(join(samples, "DEFECTS.md"), "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 7 || cells[1] !== file) continue;
    const [, , sheet, cell, code, kind] = cells;
    out.push(`${sheet}!${cell} ${code} ${kind}`);
  }
  return out.sort();
}

/**
 * A long self-assessment sheet: four title rows, the header on row 5, then `rows` criterion rows with codes
 * 1.1, 1.2, … (most unknown to any catalogue), a max of 1, a self score and evidence text.
 */
export function longSheet(name: string, rows: number): SheetSeed {
  const values: (string | number)[][] = [
    ["BẢNG TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"],
    ["Đơn vị: Sở Thử nghiệm"],
    [],
    [],
    ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Ghi chú"],
  ];
  for (let i = 0; i < rows; i++) {
    values.push([`${1 + Math.floor(i / 500)}.${(i % 500) + 1}`, `Tiêu chí thử số ${i + 1}`, 1, i % 7 === 0 ? 0.5 : 1, `Báo cáo số ${i + 1}/BC-STN`, ""]);
  }
  return { name, values };
}

/**
 * A long sheet as dense as the samples (about 60 bytes a cell as JSON, values and formulas): eight columns, the
 * criterion's name, evidence with document numbers and dates, and an explanation in every row.
 */
export function denseSheet(name: string, rows: number): SheetSeed {
  const values: (string | number)[][] = [
    ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"],
    ["Đơn vị: Sở Thử nghiệm"],
    [],
    [],
    ["Mã tiêu chí", "Tên tiêu chí", "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm", "Điểm thẩm định", "Tài liệu kiểm chứng", "Ghi chú"],
  ];
  for (let i = 0; i < rows; i++) {
    values.push([
      `${1 + Math.floor(i / 500)}.${(i % 500) + 1}`,
      `Ban hành kế hoạch cải cách hành chính năm của cơ quan, đơn vị số ${i + 1}`,
      1,
      "100%",
      1,
      "",
      `Kế hoạch số ${i + 1}/KH-UBND ngày 27/12/2017 của UBND tỉnh về cải cách hành chính`,
      "Đã ban hành đúng hạn, gửi Sở Nội vụ",
    ]);
  }
  return { name, values };
}

/** Reads a fake's sheet values as written (for assertions): the cell's value, "" when empty. */
export function cellOf(fake: FakeExcel, sheet: string, address: string): unknown {
  const snap = fake.snapshot();
  const s = snap.sheets.find((x) => x.name === sheet);
  if (!s) return undefined;
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return s.values[Number(m[2]) - 1]?.[col - 1] ?? "";
}
