import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { cellAt, Grid, gridWidth } from "../../src/scoring/grid";
import { SheetSpec } from "../../src/scoring/report/sheet-spec";
import { readUnitSheet } from "../../src/scoring/sheet";

/** A grid's values as a dense rectangle (the reader keeps them sparse). */
function dense(grid: Grid): unknown[][] {
  const width = gridWidth(grid);
  return Array.from({ length: grid.values.length }, (_, r) => Array.from({ length: width }, (_, c) => cellAt(grid, r, c)));
}
import {
  hyperlinkValue,
  ownedSheetNames,
  readWorkbook,
  readWorkbookBuffer,
  WorkbookError,
} from "../../src/cli/xlsx/read";
import {
  addSheet,
  copyWorkbookWithSheets,
  OWNED_SHEET,
  ownedSheets,
  saveWorkbook,
  workbookBuffer,
} from "../../src/cli/xlsx/write";
import { CliError } from "../../src/cli/errors";
import { convertWithLibreOffice, requireSoffice } from "../support/libreoffice";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "par-xlsx-"));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
const noon = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 12));

/** A unit's self-assessment workbook as users make them: title rows, a merged title, every kind of cell. */
async function buildFixture(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự chấm");
  ws.getCell("A1").value = "ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN";
  ws.mergeCells("A1:F1");
  ws.getCell("A2").value = "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2018";
  ws.getCell("A3").value = "Đơn vị: Sở Tư pháp";
  ws.getRow(5).values = ["Mã số", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Ngày ban hành", "TLKC"];
  ws.getCell("A6").value = "1.1.1";
  ws.getCell("B6").value = { richText: [{ text: "Ban hành " }, { font: { bold: true }, text: "kế hoạch CCHC" }] };
  ws.getCell("C6").value = 0.5;
  ws.getCell("D6").value = 0.5;
  ws.getCell("E6").value = new Date(Date.UTC(2017, 11, 28));
  ws.getCell("E6").numFmt = "dd/mm/yyyy";
  ws.getCell("F6").value = { text: "bao-cao-cchc-2018.pdf", hyperlink: "https://sotuphap.dienbien.gov.vn/tlkc/bao-cao-cchc-2018.pdf" };
  ws.getCell("A7").value = 1.2;
  ws.getCell("B7").value = "Báo cáo CCHC";
  ws.getCell("C7").value = 1;
  ws.getCell("D7").value = { formula: "D6*2", result: 1 };
  ws.getCell("E7").value = new Date(Date.UTC(2019, 0, 15));
  ws.getCell("F7").value = { text: "Kế hoạch số 125/KH-STP ngày 28/12/2017", hyperlink: "https://sotuphap.dienbien.gov.vn/kh-125.pdf" };
  ws.getCell("A8").value = "1.3.";
  ws.getCell("B8").value = "=không phải công thức";
  ws.getCell("C8").value = true;
  ws.getCell("D8").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
  ws.getCell("F8").value = { text: "sotuphap.dienbien.gov.vn", hyperlink: "https://sotuphap.dienbien.gov.vn/" };
  ws.getCell("C9").value = { formula: "C6+1", result: 1.5, shareType: "shared", ref: "C9:C10" } as ExcelJS.CellSharedFormulaValue & { shareType: string; ref: string };
  ws.getCell("C10").value = { sharedFormula: "C9", result: 2 } as ExcelJS.CellSharedFormulaValue;
  ws.getCell("D9").value = { formula: "SUM(D6:D8)", result: { error: "#N/A" } } as unknown as ExcelJS.CellFormulaValue;
  ws.getCell("D10").value = { formula: "D6-D6", result: 0 };
  ws.getCell("E10").value = "";
  ws.getCell("F10").value = "Không áp dụng";
  ws.getCell("G12").value = null;
  ws.getCell("G12").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };

  const list = wb.addWorksheet("Danh mục", { state: "hidden" });
  list.getCell("A1").value = "Có";
  list.getCell("A2").value = "Không";
  const secret = wb.addWorksheet("Ẩn sâu", { state: "veryHidden" });
  secret.getCell("B2").value = 42;
  wb.addWorksheet("Trống");
  await wb.xlsx.writeFile(path);
}

const FIXTURE_GRID = [
  ["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", null, null, null, null, null],
  ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2018", null, null, null, null, null],
  ["Đơn vị: Sở Tư pháp", null, null, null, null, null],
  [null, null, null, null, null, null],
  ["Mã số", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Ngày ban hành", "TLKC"],
  ["1.1.1", "Ban hành kế hoạch CCHC", 0.5, 0.5, noon(2017, 12, 28), "https://sotuphap.dienbien.gov.vn/tlkc/bao-cao-cchc-2018.pdf"],
  [1.2, "Báo cáo CCHC", 1, 1, noon(2019, 1, 15), "Kế hoạch số 125/KH-STP ngày 28/12/2017"],
  ["1.3.", "=không phải công thức", true, "#N/A", null, "https://sotuphap.dienbien.gov.vn/"],
  [null, null, 1.5, "#N/A", null, null],
  [null, null, 2, 0, null, "Không áp dụng"],
];

describe("readWorkbook", () => {
  let fixture: string;
  beforeAll(async () => {
    fixture = join(dir, "tu-cham.xlsx");
    await buildFixture(fixture);
  });

  test("reads every worksheet as a grid, values exactly, hidden sheets with their state", async () => {
    const before = sha256(fixture);
    const data = await readWorkbook(fixture);
    expect(sha256(fixture)).toBe(before);
    expect(data.file).toBe(fixture);
    expect(data.grids.map((g) => g.name)).toEqual(["Tự chấm", "Danh mục", "Ẩn sâu", "Trống"]);
    expect(data.sheetStates).toEqual({ "Tự chấm": "visible", "Danh mục": "hidden", "Ẩn sâu": "veryHidden", Trống: "visible" });
    const grid = data.grids[0];
    expect(dense(grid)).toEqual(FIXTURE_GRID);
    expect(dense(data.grids[1])).toEqual([["Có"], ["Không"]]);
    expect(dense(data.grids[2])).toEqual([
      [null, null],
      [null, 42],
    ]);
    expect(data.grids[3]).toEqual({ name: "Trống", values: [], merges: [] });
    expect(data.grids[1].formulas).toBeUndefined();
  });

  test("records formula text (shared formulas translated) beside their cached results", async () => {
    const grid = (await readWorkbook(fixture)).grids[0];
    const formulas: Record<string, string> = {};
    grid.formulas!.forEach((row, r) => row.forEach((f, c) => f && (formulas[`${r},${c}`] = f)));
    expect(formulas).toEqual({ "6,3": "=D6*2", "8,2": "=C6+1", "9,2": "=C7+1", "8,3": "=SUM(D6:D8)", "9,3": "=D6-D6" });
    expect(grid.formulas!.length).toBeLessThanOrEqual(grid.values.length);
  });

  test("dates keep their day in UTC and in the local time zone", async () => {
    const d = (await readWorkbook(fixture)).grids[0].values[5][4] as Date;
    expect(d).toBeInstanceOf(Date);
    expect([d.getUTCDate(), d.getUTCMonth(), d.getUTCFullYear()]).toEqual([28, 11, 2017]);
    // 12:00 UTC is the same day in every time zone from UTC−11 to UTC+11 (Việt Nam is UTC+7).
    if (Math.abs(d.getTimezoneOffset()) <= 11 * 60) expect([d.getDate(), d.getMonth(), d.getFullYear()]).toEqual([28, 11, 2017]);
  });

  test("readWorkbookBuffer reads the same as readWorkbook", async () => {
    const data = await readWorkbookBuffer(readFileSync(fixture), "tu-cham.xlsx");
    expect(data.file).toBe("tu-cham.xlsx");
    expect(dense(data.grids[0])).toEqual(FIXTURE_GRID);
  });

  test("hyperlinks: the link when the text is empty, a file name or the link itself; else the text", () => {
    expect(hyperlinkValue(null, "https://a.vn/x.pdf")).toBe("https://a.vn/x.pdf");
    expect(hyperlinkValue("x.pdf", "https://a.vn/x.pdf")).toBe("https://a.vn/x.pdf");
    expect(hyperlinkValue("Báo cáo CCHC năm 2018.docx", "file:///C:/TLKC/bc.docx")).toBe("file:///C:/TLKC/bc.docx");
    expect(hyperlinkValue("HTTPS://A.VN/", "https://a.vn")).toBe("https://a.vn");
    expect(hyperlinkValue("Kế hoạch số 125/KH-STP", "https://a.vn/x.pdf")).toBe("Kế hoạch số 125/KH-STP");
    expect(hyperlinkValue("Báo cáo tháng 12.2018", "https://a.vn/x.pdf")).toBe("Báo cáo tháng 12.2018");
    expect(hyperlinkValue("Xem trang 2", "#'Trang 2'!A1")).toBe("Xem trang 2");
    expect(hyperlinkValue("abc", undefined)).toBe("abc");
  });

  test("merged cells: the value only in the master cell", async () => {
    const p = join(dir, "merged.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("B2").value = "Tiêu đề";
    ws.mergeCells("B2:D3");
    ws.getCell("E3").value = 1;
    await wb.xlsx.writeFile(p);
    const grid = (await readWorkbook(p)).grids[0];
    expect(dense(grid)).toEqual([
      [null, null, null, null, null],
      [null, "Tiêu đề", null, null, null],
      [null, null, null, null, 1],
    ]);
    expect(grid.merges).toEqual([{ top: 1, left: 1, bottom: 2, right: 3 }]);
  });

  test("read sparsely: one stray cell at XFD1048576 costs one cell, not a dense 16384 × 1048576 grid", async () => {
    const p = join(dir, "stray.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addRow(["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"]);
    ws.addRow(["1.1", "Kế hoạch", 1, 1]);
    ws.getCell("XFD1048576").value = "x";
    await wb.xlsx.writeFile(p);
    const grid = (await readWorkbook(p)).grids[0];
    expect(grid.values.length).toBe(1048576);
    expect(Object.keys(grid.values)).toEqual(["0", "1", "1048575"]);
    expect(Object.keys(grid.values[1048575])).toEqual(["16383"]);
    expect(cellAt(grid, 1048575, 16383)).toBe("x");
    expect(cellAt(grid, 5000, 3)).toBeNull();
    const unit = readUnitSheet(grid, "x")!;
    expect(unit.rows.map((r) => r.code)).toEqual(["1.1"]);
  });

  describe("unreadable files are a WorkbookError naming the file, in Vietnamese and English", () => {
    const cases: [string, (p: string) => void, string][] = [
      ["rong.xlsx", (p) => writeFileSync(p, ""), "empty"],
      ["van-ban.xlsx", (p) => writeFileSync(p, "Đây là tệp văn bản, không phải Excel.\n"), "not-xlsx"],
      ["ngau-nhien.xlsx", (p) => writeFileSync(p, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256))), "not-xlsx"],
      ["cu.xls.xlsx", (p) => writeFileSync(p, Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(2048)])), "encrypted-or-xls"],
      ["zip-khac.xlsx", (p) => writeFileSync(p, Buffer.from("504b0506000000000000000000000000000000000000", "hex")), "not-xlsx"],
    ];
    test.each(cases)("%s", async (name, make, code) => {
      const p = join(dir, name);
      make(p);
      const before = sha256(p);
      const error = await readWorkbook(p).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(WorkbookError);
      const e = error as WorkbookError;
      expect(e.code).toBe(code);
      expect(e.message).toContain(name);
      expect(e.message).toMatch(/Không đọc được tệp/);
      expect(e.messageEn).toContain(name);
      expect(e.text("en")).toBe(e.messageEn);
      expect(e.message).not.toMatch(/\n\s+at /);
      expect(sha256(p)).toBe(before);
    });

    test("a truncated copy of a real workbook", async () => {
      const real = readFileSync(fixture);
      for (const fraction of [0.3, 0.6, 0.95]) {
        const p = join(dir, `cat-${fraction}.xlsx`);
        writeFileSync(p, real.subarray(0, Math.floor(real.length * fraction)));
        const e = await readWorkbook(p).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(WorkbookError);
        expect((e as WorkbookError).message).toContain(`cat-${fraction}.xlsx`);
        expect((e as WorkbookError).message).toContain("Mở tệp bằng Excel và lưu lại");
      }
    });

    test("a missing file and a folder are CliErrors in words", async () => {
      const missing = join(dir, "khong-co.xlsx");
      await expect(readWorkbook(missing)).rejects.toMatchObject({ code: "ENOENT", message: expect.stringContaining("khong-co.xlsx") });
      await expect(readWorkbook(dir)).rejects.toMatchObject({ code: "EISDIR", message: expect.stringContaining("thư mục") });
      await expect(readWorkbook(dir)).rejects.toBeInstanceOf(CliError);
    });
  });
});

const INJECTION = ['=HYPERLINK("http://evil")', "+1", "-2", "@x", "=1+1", "\t=cmd"];

function summarySpec(): SheetSpec {
  const header = ["Mã", "Lĩnh vực", "Điểm tối đa", "Điểm đạt", "Chỉ số"].map((value) => ({
    value,
    style: { fill: "header" as const, bold: true, border: true },
  }));
  return {
    name: "Tổng hợp",
    kind: "summary",
    rows: [
      [{ value: "TỔNG HỢP CHỈ SỐ CCHC — Sở Tư pháp", style: { bold: true, size: 14 } }],
      [{ value: "Ngày lập", style: { italic: true } }, { value: new Date(Date.UTC(2019, 0, 15)), style: { numFmt: "dd/mm/yyyy" } }],
      header,
      [
        { value: "1", style: { fill: "field", border: true } },
        { value: "Công tác chỉ đạo, điều hành", style: { fill: "field", border: true, wrap: true } },
        { value: 15, style: { numFmt: "0.00", border: true } },
        { value: 12.5, style: { numFmt: "0.00", border: true } },
        { value: 0.8333, style: { numFmt: "0.00%", border: true } },
      ],
      [
        { value: "1.1", style: { indent: 1, border: true } },
        { value: "Kế hoạch CCHC", style: { indent: 1, border: true } },
        { value: 5, style: { numFmt: "0.00", border: true } },
        { value: 4.5, style: { numFmt: "0.00", border: true, fill: "warning" } },
        { value: 0.9, style: { numFmt: "0.00%", border: true } },
      ],
      [
        { value: "Tổng", style: { fill: "total", border: true } },
        null,
        { value: 20, formula: "=SUM(C4:C5)", style: { fill: "total", numFmt: "0.00", border: true } },
        { value: 17, formula: "=SUM(D4:D5)", style: { fill: "total", numFmt: "0.00", border: true } },
        { value: 0.85, style: { fill: "total", numFmt: "0.00%", border: true } },
      ],
    ],
    columnWidths: [8, 40, 12, 12, 10],
    freeze: { rows: 3 },
    merges: ["A1:E1", "A6:B6"],
    headerRow: 2,
    chart: {
      type: "bar",
      title: "Điểm theo lĩnh vực",
      categories: ["Công tác chỉ đạo, điều hành", "Kế hoạch CCHC"],
      series: [
        { name: "Điểm tối đa", values: [15, 5], range: "C4:C5" },
        { name: "Điểm đạt", values: [12.5, 4.5], range: "D4:D5" },
      ],
      anchor: "G3",
    },
  };
}

function findingsSpec(): SheetSpec {
  return {
    name: "Lỗi: cần sửa?",
    kind: "findings",
    rows: [
      [{ value: "Ô", style: { fill: "header" } }, { value: "Nội dung", style: { fill: "header" } }],
      ...INJECTION.map((text, i) => [{ value: `B${i + 2}` }, { value: text, style: { fill: "error" as const } }]),
    ],
    columnWidths: [8, 60],
    freeze: { rows: 1, columns: 1 },
    headerRow: 0,
  };
}

describe("addSheet / saveWorkbook", () => {
  test("user text starting with = + - @ stays text; only SpecCell.formula is a formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = addSheet(wb, findingsSpec());
    expect(ws.name).toBe("Lỗi- cần sửa-");
    const p = join(dir, "injection.xlsx");
    await saveWorkbook(wb, p);
    const data = await readWorkbook(p);
    const grid = data.grids.find((g) => g.name === "Lỗi- cần sửa-")!;
    expect(grid.values.slice(1).map((r) => r[1])).toEqual(INJECTION);
    expect(grid.formulas).toBeUndefined();
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(p);
    for (let r = 2; r <= INJECTION.length + 1; r++) {
      const cell = back.getWorksheet("Lỗi- cần sửa-")!.getCell(r, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    }
    expect(sharedStringsXml(p)).toContain("=HYPERLINK(&quot;http://evil&quot;)");
  });

  test("styles, number formats, widths, frozen panes, merges, autofilter and formulas survive the file", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, summarySpec());
    const p = join(dir, "styles.xlsx");
    await saveWorkbook(wb, p);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(p);
    const ws = back.getWorksheet("Tổng hợp")!;
    expect(ws.getCell("A3").font?.bold).toBe(true);
    expect(ws.getCell("A3").font?.color?.argb).toBe("FFFFFFFF");
    expect((ws.getCell("A3").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF1F4E79");
    expect(ws.getCell("A1").font?.size).toBe(14);
    expect(ws.getCell("C4").numFmt).toBe("0.00");
    expect(ws.getCell("E4").numFmt).toBe("0.00%");
    expect(ws.getCell("B2").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("A5").alignment?.indent).toBe(1);
    expect(ws.getCell("B4").alignment?.wrapText).toBe(true);
    expect(ws.getCell("C4").border?.top?.style).toBe("thin");
    expect(ws.getColumn(2).width).toBe(40);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ws.model.merges).toEqual(expect.arrayContaining(["A1:E1", "A6:B6"]));
    expect(ws.autoFilter).toBe("A3:E6");
    expect(ws.getCell("C6").formula).toBe("SUM(C4:C5)");
    expect(ws.getCell("C6").result).toBe(20);
    const grid = (await readWorkbook(p)).grids.find((g) => g.name === "Tổng hợp")!;
    expect(grid.values[1][1]).toEqual(noon(2019, 1, 15));
    expect(grid.values[5][3]).toBe(17);
    expect(grid.formulas![5][3]).toBe("=SUM(D4:D5)");
    expect(ownedSheets(back)).toEqual([{ name: "Tổng hợp", kind: "summary" }]);
    expect(back.getWorksheet(OWNED_SHEET)!.state).toBe("veryHidden");
  });

  test("sheet names are made valid and unique", () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tổng hợp");
    expect(addSheet(wb, { ...summarySpec(), chart: undefined }).name).toBe("Tổng hợp (2)");
    expect(addSheet(wb, { ...findingsSpec(), name: "x".repeat(40) }).name).toBe("x".repeat(31));
  });

  test("the written package draws each added sheet's charts natively, under the sheet's name as written", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tổng hợp");
    const spec = summarySpec();
    const second = { ...spec.chart!, title: "Biểu đồ thứ hai", anchor: "A12" };
    const ws = addSheet(wb, { ...spec, charts: [spec.chart!, second], pageBreaks: [11], footer: "Sở Tư pháp & Sở Y tế — Bộ tiêu chí" });
    expect(ws.name).toBe("Tổng hợp (2)");
    const zip = await JSZip.loadAsync(await workbookBuffer(wb));
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).sort();
    expect(charts).toHaveLength(2);
    const first = await zip.file(charts[0])!.async("string");
    expect(first).toContain("&apos;Tổng hợp (2)&apos;!$C$4:$C$5");
    expect(await zip.file(charts[1])!.async("string")).toContain("Biểu đồ thứ hai");
    const sheet = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    expect(sheet).toContain("<oddFooter>&amp;LSở Tư pháp &amp;&amp; Sở Y tế — Bộ tiêu chí&amp;R&amp;P/&amp;N</oddFooter>");
    expect(sheet).toMatch(/<rowBreaks count="1" manualBreakCount="1"><brk id="11"/);
    expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).not.toContain("<drawing");
  });

  test("saveWorkbook refuses the input file, by any spelling of its path, and leaves no temporary file", async () => {
    const input = join(dir, "dau-vao.xlsx");
    await buildFixture(input);
    const before = sha256(input);
    const wb = new ExcelJS.Workbook();
    addSheet(wb, findingsSpec());
    for (const out of [input, join(dir, ".", "..", dir.split(/[\\/]/).pop()!, "dau-vao.xlsx")]) {
      await expect(saveWorkbook(wb, out, { input })).rejects.toMatchObject({ code: "same-as-input" });
      await expect(copyWorkbookWithSheets(input, [findingsSpec()], out, { force: true })).rejects.toMatchObject({ code: "same-as-input" });
    }
    expect(sha256(input)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("saveWorkbook creates a missing folder", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, findingsSpec());
    const out = join(dir, "thu-muc-moi", "con", "out.xlsx");
    await saveWorkbook(wb, out);
    expect(existsSync(out)).toBe(true);
  });

  test("saveWorkbook where a folder cannot be made is a CliError naming the file in the way", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, findingsSpec());
    const blocker = join(dir, "la-tep");
    writeFileSync(blocker, "x");
    const out = join(blocker, "out.xlsx");
    await expect(saveWorkbook(wb, out)).rejects.toMatchObject({ code: "ENOTDIR" });
    await expect(saveWorkbook(wb, out)).rejects.toThrow(/out\.xlsx: .*la-tep là một tệp, không phải thư mục/);
  });
});

function sharedStringsXml(path: string): string {
  // The raw part, to be sure the text is stored as a string and not as <f>.
  const buf = readFileSync(path);
  return buf.toString("latin1").includes("sharedStrings") ? unzipEntry(buf, "xl/sharedStrings.xml") : "";
}

/** Reads one stored or deflated entry of a zip (enough for the files exceljs writes). */
function unzipEntry(zip: Buffer, name: string): string {
  const zlib = require("node:zlib") as typeof import("node:zlib");
  let i = zip.lastIndexOf(Buffer.from("504b0506", "hex"));
  const count = zip.readUInt16LE(i + 10);
  i = zip.readUInt32LE(i + 16);
  for (let n = 0; n < count; n++) {
    const method = zip.readUInt16LE(i + 10);
    const size = zip.readUInt32LE(i + 20);
    const nameLen = zip.readUInt16LE(i + 28);
    const extra = zip.readUInt16LE(i + 30);
    const comment = zip.readUInt16LE(i + 32);
    const local = zip.readUInt32LE(i + 42);
    const entry = zip.toString("utf8", i + 46, i + 46 + nameLen);
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 0 ? data : zlib.inflateRawSync(data)).toString("utf8");
    }
    i += 46 + nameLen + extra + comment;
  }
  return "";
}

describe("copyWorkbookWithSheets", () => {
  let input: string;
  let inputHash: string;
  beforeAll(async () => {
    input = join(dir, "so-tu-phap.xlsx");
    await buildFixture(input);
    inputHash = sha256(input);
  });

  test("adds the sheets to a copy; the input's bytes are unchanged; the user's sheets are untouched", async () => {
    const out = join(dir, "so-tu-phap-ket-qua.xlsx");
    const names = await copyWorkbookWithSheets(input, [summarySpec(), findingsSpec()], out);
    expect(names).toEqual(["Tổng hợp", "Lỗi- cần sửa-"]);
    expect(sha256(input)).toBe(inputHash);
    const original = await readWorkbook(input);
    const copy = await readWorkbook(out);
    for (const grid of original.grids) {
      const same = copy.grids.find((g) => g.name === grid.name)!;
      expect(same.values).toEqual(grid.values);
      expect(same.formulas).toEqual(grid.formulas);
      expect(copy.sheetStates[grid.name]).toBe(original.sheetStates[grid.name]);
    }
    expect(copy.sheetStates[OWNED_SHEET]).toBe("veryHidden");
    expect(ownedSheetNames(copy).sort()).toEqual([OWNED_SHEET, "Lỗi- cần sửa-", "Tổng hợp"].sort());
  });

  test("running again (on the input or on the output) gives the same set of sheets", async () => {
    const out1 = join(dir, "lan-1.xlsx");
    const out2 = join(dir, "lan-2.xlsx");
    const out3 = join(dir, "lan-3.xlsx");
    await copyWorkbookWithSheets(input, [summarySpec(), findingsSpec()], out1);
    await copyWorkbookWithSheets(out1, [summarySpec(), findingsSpec()], out2);
    await copyWorkbookWithSheets(out2, [summarySpec(), findingsSpec()], out3);
    await copyWorkbookWithSheets(input, [summarySpec(), findingsSpec()], out1, { force: true });
    const sheets = async (p: string) => (await readWorkbook(p)).grids.map((g) => g.name);
    const expected = ["Tự chấm", "Danh mục", "Ẩn sâu", "Trống", "Tổng hợp", OWNED_SHEET, "Lỗi- cần sửa-"];
    expect(await sheets(out1)).toEqual(expected);
    expect(await sheets(out2)).toEqual(expected);
    expect(await sheets(out3)).toEqual(expected);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out3);
    expect(ownedSheets(wb).map((s) => s.name)).toEqual(["Tổng hợp", "Lỗi- cần sửa-"]);
    const a = (await readWorkbook(out1)).grids.find((g) => g.name === "Tổng hợp");
    const c = (await readWorkbook(out3)).grids.find((g) => g.name === "Tổng hợp");
    expect(c).toEqual(a);
    expect(sha256(input)).toBe(inputHash);
  });

  test("a user's sheet that happens to be named like a generated one is kept", async () => {
    const userFile = join(dir, "trung-ten.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Tổng hợp").getCell("A1").value = "của người dùng";
    await wb.xlsx.writeFile(userFile);
    const out = join(dir, "trung-ten-ket-qua.xlsx");
    expect(await copyWorkbookWithSheets(userFile, [summarySpec()], out)).toEqual(["Tổng hợp (2)"]);
    const again = join(dir, "trung-ten-lan-2.xlsx");
    expect(await copyWorkbookWithSheets(out, [summarySpec()], again)).toEqual(["Tổng hợp (2)"]);
    const data = await readWorkbook(again);
    expect(data.grids.find((g) => g.name === "Tổng hợp")!.values).toEqual([["của người dùng"]]);
  });

  test("LibreOffice opens the generated workbook and the fixture", () => {
    requireSoffice();
    const out = join(dir, "lo-out.xlsx");
    copyFileSync(join(dir, "so-tu-phap-ket-qua.xlsx"), out);
    const pdfDir = join(dir, "pdf");
    for (const file of [out, input]) {
      const result = convertWithLibreOffice(file, pdfDir);
      if (!result.ok) throw new Error(`LibreOffice could not convert ${file}:\n${result.log}`);
      expect(result.output).toMatch(/\.pdf$/);
      expect(readFileSync(result.output!).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    }
    expect(sha256(input)).toBe(inputHash);
  }, 300_000);
});

describe("bundled samples (samples/, made by scripts/make-samples.js)", () => {
  const root = join(__dirname, "..", "..", "samples");
  const defects = readFileSync(join(root, "DEFECTS.md"), "utf8")
    .split("\n")
    .filter((line) => /^\| [\w/-]+\.xlsx \|/.test(line))
    .map((line) => line.split("|").map((s) => s.trim()))
    .map(([, file, sheet, cell, code, kind]) => ({ file, sheet, cell, code, kind }));
  const files = [...new Set(defects.map((d) => d.file))];

  /** The two samples laid out as real templates without "Đơn vị:" / "Bộ tiêu chí:" lines (two-row headers). */
  const headed = new Set(["so/so-y-te.xlsx", "huyen/huyen-dien-bien-dong.xlsx"]);

  test("DEFECTS.md lists defects in fourteen workbooks", () => {
    expect(files.sort()).toEqual(
      [
        "2026/phuong/phuong-le-chan.xlsx",
        "2026/xa/xa-tien-lang.xlsx",
        "huyen/huyen-dien-bien-dong.xlsx",
        "huyen/huyen-muong-cha.xlsx",
        "huyen/huyen-tuan-giao.xlsx",
        "mau-dia-phuong/so-xay-dung-muc-diem.xlsx",
        "mau-dia-phuong/xa-muong-phang-ma-bang-chu.xlsx",
        "quoc-gia/huyen-nam-po-2026.xlsx",
        "quoc-gia/huyen-tua-chua-2026.xlsx",
        "so/so-noi-vu.xlsx",
        "so/so-tai-chinh.xlsx",
        "so/so-tu-phap.xlsx",
        "so/so-y-te.xlsx",
        "tinh-dien-bien-2018.xlsx",
      ].sort(),
    );
  });

  test.each(files)("%s reads, names its unit and catalogue, and every listed cell is in its sheet", async (file) => {
    const data = await readWorkbook(join(root, file));
    for (const d of defects.filter((x) => x.file === file)) {
      const grid = data.grids.find((g) => g.name === d.sheet);
      expect(grid).toBeDefined();
      const m = /^([A-Z]+)(\d+)$/.exec(d.cell)!;
      expect(Number(m[2])).toBeLessThanOrEqual(grid!.values.length);
    }
    const texts = data.grids.flatMap((g) => g.values.slice(0, 8).flat()).filter((v): v is string => typeof v === "string");
    if (headed.has(file)) {
      expect(texts.some((t) => /^(SỞ|UBND) /.test(t))).toBe(true);
      expect(data.grids[0].merges!.some((m) => m.bottom > m.top)).toBe(true);
      return;
    }
    if (file.startsWith("quoc-gia/")) {
      // A heading names the unit; the catalogue travels as a catalogue sheet.
      expect(texts.some((t) => /^UBND HUYỆN /.test(t))).toBe(true);
      expect(texts).toContain("Mã bộ tiêu chí: mau-huyen-2026");
      return;
    }
    if (file.startsWith("2026/")) {
      // "Đơn vị: UBND …" under the title; the 2026 sample catalogue travels as a catalogue sheet.
      expect(texts.some((t) => /^Đơn vị: UBND (phường|xã) /.test(t))).toBe(true);
      expect(texts.some((t) => /^Mã bộ tiêu chí: mau-(phuong|xa)-2026$/.test(t))).toBe(true);
      return;
    }
    expect(texts.some((t) => /^Đơn vị:/.test(t))).toBe(true);
    expect(texts.some((t) => /^Bộ tiêu chí: dien-bien-(so|2018)$/.test(t))).toBe(true);
  });

  test("LibreOffice opens a sample", () => {
    requireSoffice();
    const result = convertWithLibreOffice(join(root, "so", "so-tu-phap.xlsx"), join(dir, "pdf-samples"));
    if (!result.ok) throw new Error(`LibreOffice could not convert the sample:\n${result.log}`);
  }, 180_000);
});

describe("print-friendly output", () => {
  test("rows with wrapped text get taller and pages fit the width", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-print-"));
    const wb = new ExcelJS.Workbook();
    const long = "Tham mưu xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại cấp quản lý (cấp Sở hoặc cấp Huyện)";
    addSheet(wb, {
      name: "In",
      kind: "summary",
      rows: [[{ value: "ngắn" }], [{ value: long, style: { wrap: true } }], [{ value: "a\nb\nc", style: { wrap: true } }]],
      columnWidths: [30],
      freeze: { rows: 1 },
    });
    const out = join(dir, "in.xlsx");
    await saveWorkbook(wb, out);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(out);
    const ws = back.getWorksheet("In")!;
    expect(ws.getRow(1).height ?? 15).toBeLessThanOrEqual(15);
    expect(ws.getRow(2).height).toBeGreaterThanOrEqual(45);
    expect(ws.getRow(3).height).toBeGreaterThanOrEqual(45);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printTitlesRow).toBe("1:1");
  });
});
