/**
 * The fast .xlsx reader (src/cli/workbook/fast-xlsx.ts) against SheetJS: on every sample workbook and on files
 * written as clerks' tools write them (raw XML with and without r=, exceljs with merges, hyperlinks, dates, rich
 * text, hidden sheets, formulas with cached values, errors; LibreOffice's own save), the Grids it gives deep-equal
 * SheetJS's (holes included), or it declines and SheetJS reads the file.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import * as XLSX from "../../src/cli/workbook/sheetjs";
import { readWorkbookBytes, readWorkbookFast, WorkbookData } from "../../src/cli/workbook/read";
import { ssfIsDate } from "../../src/scoring/ssf-date";
import { writeRawXlsx } from "../support/raw-xlsx";
import { content, Layout, writeLayout } from "../support/layouts";
import { convertWithLibreOffice } from "../support/libreoffice";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "par-fast-xlsx-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The data as read, after checking it holds no invalid Date (a date format over a number past the calendar stays
 * the number: read.ts's serialDate).
 */
function comparable(data: WorkbookData | null): WorkbookData | null {
  for (const grid of data?.grids ?? [])
    for (const row of grid.values)
      if (row)
        for (const k in row) {
          const v = row[k];
          if (v instanceof Date) expect(Number.isNaN(v.getTime())).toBe(false);
        }
  return data;
}

/** Both readers on one file: the fast one's result (null when it declined) and SheetJS's. */
function both(buf: Buffer, file: string): { fast: WorkbookData | null; slow: WorkbookData; why: string | null } {
  let why: string | null = null;
  const fast = comparable(readWorkbookFast(buf, file, undefined, (reason) => (why = reason)));
  const slow = comparable(readWorkbookBytes(buf, file, undefined, "sheetjs"))!;
  return { fast, slow, why };
}

function expectSame(file: string, buf: Buffer<ArrayBufferLike> = readFileSync(file)): string | null {
  const { fast, slow, why } = both(buf, file);
  if (fast) expect(fast).toStrictEqual(slow);
  // Whatever the fast reader decides, the default reading is SheetJS's.
  expect(comparable(readWorkbookBytes(buf, file))).toStrictEqual(slow);
  return fast ? null : why;
}

function xlsxFiles(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    if (statSync(path).isDirectory()) return xlsxFiles(path);
    return /\.xlsx$/i.test(name) ? [path] : [];
  });
}

describe("the fast reader gives SheetJS's grids", () => {
  it("on every sample workbook, and reads them all itself", () => {
    const files = xlsxFiles(join(__dirname, "..", "..", "samples"));
    expect(files.length).toBeGreaterThan(10);
    const declined = files.map((f) => [f, expectSame(f)]).filter(([, why]) => why !== null);
    expect(declined).toEqual([]);
  });

  it("on raw XML files with and without r= attributes, hidden and very hidden sheets, inline strings", async () => {
    for (const refs of [true, false]) {
      const file = join(dir, `raw-${refs}.xlsx`);
      await writeRawXlsx(
        file,
        [
          { name: "Tự đánh giá", rows: [["Mã", "Tiêu chí", null, "Điểm"], ["1.1", "Ban hành kế hoạch & <báo cáo>", null, 0.5], [null, null], ["  khoảng trắng  ", "a\nb", 3, -1.25e-7]] },
          { name: "Ẩn", rows: [["x"]], state: "hidden" },
          { name: "Rất ẩn", rows: [[1, 2, 3]], state: "veryHidden" },
        ],
        { refs },
      );
      expect(expectSame(file)).toBeNull();
    }
  });

  it("on the clerks' layouts (merged headers, codes, evidence text)", async () => {
    for (const layout of ["plain", "twoRow", "threeRow", "relative", "survey"] as Layout[]) {
      const file = join(dir, `layout-${layout}.xlsx`);
      await writeLayout(file, layout, content({ "1.1": { value: 1, self: 1, evidence: "Kế hoạch số 12/KH-UBND ngày 05/01/2018" } }));
      expect(expectSame(file)).toBeNull();
    }
  });

  const rich = async (file: string, date1904 = false) => {
    const wb = new ExcelJS.Workbook();
    if (date1904) wb.properties.date1904 = true;
    const ws = wb.addWorksheet("Tự chấm");
    ws.addRow(["Mã", "Tiêu chí", "Ngày", "Kết quả", "Điểm", "TLKC"]);
    ws.mergeCells("A2:B3");
    ws.getCell("A2").value = "Gộp ô";
    ws.getCell("C2").value = new Date(Date.UTC(2018, 0, 15));
    ws.getCell("C2").numFmt = "dd/mm/yyyy";
    ws.getCell("C3").value = 43115.5;
    ws.getCell("C3").numFmt = "m/d/yy h:mm";
    ws.getCell("C4").value = 43115;
    ws.getCell("C4").numFmt = "0.00";
    ws.getCell("C5").value = 0.85;
    ws.getCell("C5").numFmt = "0%";
    ws.getCell("D2").value = { richText: [{ text: "Đạt " }, { text: "một phần", font: { bold: true } }] };
    ws.getCell("E2").value = { formula: "IF(D4>=1,1,0.5)", result: 0.5 };
    ws.getCell("E3").value = { formula: 'IF(1,"có","không")', result: "có" };
    ws.getCell("E4").value = { formula: "1=1", result: true };
    ws.getCell("E5").value = { formula: "1/0", result: { error: "#DIV/0!" } };
    ws.getCell("E6").value = { formula: "SUM(E2:E5)" };
    ws.getCell("E7").value = { error: "#N/A" };
    ws.getCell("E8").value = false;
    ws.getCell("F2").value = { text: "bao-cao-2018.pdf", hyperlink: "tai-lieu/bao-cao-2018.pdf" };
    ws.getCell("F3").value = { text: "Kế hoạch số 125/KH-STP", hyperlink: "https://example.org/kh-125" };
    ws.getCell("F4").value = { text: "Phụ lục", hyperlink: "#'Phụ lục'!A1" };
    ws.getCell("F5").value = "_x000D_ & \"trích\" 'dẫn' <thẻ>";
    ws.getCell("F6").value = "  đầu cuối  ";
    ws.getCell("F7").value = "dòng 1\r\ndòng 2";
    // A formula filled down: exceljs writes it as Excel does, one shared formula.
    ws.fillFormula("G2:G6", "IF(C5>=1,$E$2*C5,SUM(C$2:C5))", [1, 2, 3, 4, 5]);
    const hidden = wb.addWorksheet("Phụ lục", { state: "hidden" });
    hidden.addRow(["Ẩn", 1]);
    wb.addWorksheet("_par", { state: "veryHidden" }).addRow(["x"]);
    await wb.xlsx.writeFile(file);
  };

  it("on exceljs workbooks with merges, hyperlinks, dates, rich text, formulas with cached values, errors, hidden sheets", async () => {
    for (const date1904 of [false, true]) {
      const file = join(dir, `rich-${date1904}.xlsx`);
      await rich(file, date1904);
      expect(expectSame(file)).toBeNull();
      const zip = await JSZip.loadAsync(readFileSync(file));
      expect(await zip.file("xl/worksheets/sheet1.xml")!.async("string")).toContain('t="shared"');
    }
  });

  it("on LibreOffice's own save of such a workbook", async () => {
    const file = join(dir, "lo-in.xlsx");
    await rich(file);
    const out = join(dir, "lo");
    const { ok, output, log } = convertWithLibreOffice(file, out, "xlsx");
    expect({ ok, log: ok ? "" : log }).toEqual({ ok: true, log: "" });
    // Whether LibreOffice's save is read fast or declined, the grids are SheetJS's.
    expectSame(output!);
  });

  const sheetXml = (cells: string, after = "") =>
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells}</sheetData>${after}</worksheet>`;

  /** A raw .xlsx whose first sheet's cells are `cells` (and `after` them, e.g. merges), as bytes. */
  async function withCells(name: string, cells: string, after = ""): Promise<{ file: string; buf: Buffer<ArrayBufferLike> }> {
    const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
    await writeRawXlsx(file, [{ name: "S", rows: [[1]] }]);
    const zip = await JSZip.loadAsync(readFileSync(file));
    zip.file("xl/worksheets/sheet1.xml", sheetXml(cells, after));
    return { file, buf: await zip.generateAsync({ type: "nodebuffer" }) };
  }

  it("reads shared formulas as Excel writes them (filled down and across, $ references, a dependent before its master)", async () => {
    const cases: [string, string][] = [
      [
        "filled down",
        `<row r="1"><c r="A1"><v>1</v></c><c r="B1"><f t="shared" ref="B1:B3" si="0">IF(A1&gt;=1,$C$1*A1,SUM(A$1:A1))</f><v>2</v></c><c r="C1"><v>2</v></c></row>` +
          `<row r="2"><c r="A2"><v>2</v></c><c r="B2"><f t="shared" si="0"/><v>4</v></c></row><row r="3"><c r="A3"><v>3</v></c><c r="B3"><f t="shared" si="0"></f><v>6</v></c></row>`,
      ],
      ["filled across", `<row r="5"><c r="D5"><f t="shared" ref="D5:F5" si="3">D4+Sheet2!D4+'Phụ lục'!$D4+D4:E4</f><v>0</v></c><c r="E5"><f t="shared" si="3"/><v>0</v></c><c r="F5"><f t="shared" si="3"/><v>0</v></c></row>`],
      ["dependent first", `<row r="1"><c r="B1"><f t="shared" si="1"/><v>7</v></c></row><row r="2"><c r="B2"><f t="shared" ref="B1:B2" si="1">A2*2</f><v>8</v></c></row>`],
      ["text with a line break", `<row r="1"><c r="A1" t="str"><f t="shared" ref="A1:A2" si="0">"a&#13;
b"&amp;B1</f><v>a</v></c></row><row r="2"><c r="A2" t="str"><f t="shared" si="0"/><v>b</v></c></row>`],
    ];
    for (const [what, cells] of cases) {
      const { file, buf } = await withCells(`shared ${what}`, cells);
      expect({ what, declined: expectSame(file, buf) }).toEqual({ what, declined: null });
    }
    const { file, buf } = await withCells("shared check", cases[0][1]);
    expect(readWorkbookBytes(buf, file).grids[0].formulas?.[2]?.[1]).toBe("=IF(A3>=1,$C$1*A3,SUM(A$1:A3))");
  });

  it("declines a shared formula shifted before column A, which SheetJS cannot read either (same error)", async () => {
    const { file, buf } = await withCells("shifted before A", `<row r="1"><c r="B1"><f t="shared" ref="B1:B2" si="0">A1</f><v>1</v></c><c r="A1"><f t="shared" si="0"/><v>0</v></c></row>`);
    let why = "";
    expect(readWorkbookFast(buf, file, undefined, (reason) => (why = reason))).toBeNull();
    expect(why).toContain("before column A");
    const error = (reader: "auto" | "sheetjs") => {
      try {
        readWorkbookBytes(buf, file, undefined, reader);
      } catch (e) {
        return (e as Error).message;
      }
      return "read";
    };
    expect(error("auto")).toBe(error("sheetjs"));
    expect(error("sheetjs")).not.toBe("read");
  });

  it("reads as SheetJS (as read.ts has it read) formulas without cached values, empty booleans, a sheet whose part is missing", async () => {
    const cases: [string, string, string?][] = [
      ["formula without a value, no type", `<row r="1"><c r="A1"><f>SUM(B1:B3)</f></c><c r="B1"><v>1</v></c></row>`],
      ["formula without a value, typed", `<row r="1"><c r="A1" t="n"><f>B1*2</f><v></v></c><c r="B1" t="b"><f>1=1</f></c><c r="C1" t="s"><f>D1</f></c><c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>`],
      ["shared formula filled down, never calculated", `<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">B1+1</f></c></row><row r="2"><c r="A2"><f t="shared" si="0"/></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>4</v></c></row>`],
      ["under a merge", `<row r="1"><c r="A1"><f>1+1</f></c><c r="B1"><f>2+2</f></c></row>`, `<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>`],
      ["empty booleans", `<row r="1"><c r="A1" t="b"/><c r="B1" t="b"></c><c r="C1" t = 'b' ><v></v></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="b"><v>1</v></c></row><row r="2"><c r="A2" t="b" s="0"/></row>`],
    ];
    for (const [what, cells, after] of cases) {
      const { file, buf } = await withCells(`quirk ${what}`, cells, after);
      expect({ what, declined: expectSame(file, buf) }).toEqual({ what, declined: null });
    }
    const { file, buf } = await withCells("quirk check", cases[1][1]);
    const grid = readWorkbookBytes(buf, file, undefined, "sheetjs").grids[0];
    expect({ uncalculated: grid.uncalculated, values: grid.values[0] }).toEqual({ uncalculated: ["A1", "B1", "C1"], values: [null, null, null, "#DIV/0!"] });
    const merged = await withCells("quirk merged", cases[3][1], cases[3][2]);
    expect(readWorkbookBytes(merged.buf, merged.file, undefined, "sheetjs").grids[0].uncalculated).toEqual(["A1"]);

    // A workbook whose second sheet's part is lost.
    const lost = join(dir, "lost-part.xlsx");
    await writeRawXlsx(lost, [{ name: "Một", rows: [[1]] }, { name: "Hai", rows: [[2]], state: "hidden" }]);
    const zip = await JSZip.loadAsync(readFileSync(lost));
    zip.remove("xl/worksheets/sheet2.xml");
    const lostBuf = await zip.generateAsync({ type: "nodebuffer" });
    expect(expectSame(lost, lostBuf)).toBeNull();
    const data = readWorkbookBytes(lostBuf, lost, undefined, "sheetjs");
    expect({ unread: data.unreadSheets, state: data.sheetStates.Hai }).toEqual({ unread: [{ sheet: "Hai", reason: "missing" }], state: "hidden" });
  });

  it("keeps a date-formatted number past Excel's calendar a number, in both readers", async () => {
    const file = join(dir, "huge-dates.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Ngày");
    [1e10, 2958466, -1, 43115, 2958465.5].forEach((v, i) => {
      const cell = ws.getCell(1, i + 1);
      cell.value = v;
      cell.numFmt = "dd/mm/yyyy";
    });
    await wb.xlsx.writeFile(file);
    expect(expectSame(file)).toBeNull();
    const row = readWorkbookBytes(readFileSync(file), file).grids[0].values[0];
    expect(row.slice(0, 3)).toEqual([1e10, 2958466, -1]);
    expect(row.slice(3).map((d) => (d as Date).toISOString())).toEqual(["2018-01-15T12:00:00.000Z", "9999-12-31T12:00:00.000Z"]);
  });

  it("declines array formulas and other things it does not read as SheetJS does, and SheetJS reads them", async () => {
    const cases: [string, string][] = [
      ["array formula", `<row r="1"><c r="A1"><f t="array" ref="A1:A2">ROW(1:2)</f><v>1</v></c></row>`],
      ["ISO date cell", `<row r="1"><c r="A1" t="d"><v>2018-01-15T00:00:00</v></c></row>`],
      ["lower-case reference", `<row r="1"><c r="a1"><v>1</v></c></row>`],
    ];
    for (const [what, cells] of cases) {
      const { file, buf } = await withCells(`declined ${what}`, cells);
      expect({ what, declined: expectSame(file, buf) !== null }).toEqual({ what, declined: true });
    }
  });
});

describe("property: random sheets written with exceljs", () => {
  const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("Kế hoạch số 12/KH-UBND", " x ", "a&b<c>", "_x0041_", "", "=1+1", "dòng\nhai"));
  const cellValue = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: -1e6, max: 1e6 }),
    text,
    fc.boolean(),
    fc.constant(null),
    fc.record({ formula: fc.constantFrom("A1+1", "SUM(A1:B2)", 'IF(A1>1,"x","y")'), result: fc.oneof(fc.integer(), text, fc.boolean(), fc.constant(undefined)) }),
    fc.record({ error: fc.constantFrom("#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!") }),
    fc.record({ text, hyperlink: fc.constantFrom("https://example.org/a", "tai-lieu/kh.pdf", "#'Phụ lục'!A1", "mailto:a@b.vn") }),
    fc.record({ richText: fc.array(fc.record({ text }), { minLength: 1, maxLength: 3 }) }),
  );
  const numFmt = fc.constantFrom(undefined, "0.00", "dd/mm/yyyy", "m/d/yy", "0%", "[h]:mm", "General", '"ngày "d', "#,##0");

  it("give the same grids with both readers", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.record({ v: cellValue, fmt: numFmt }), { maxLength: 6 }), { maxLength: 8 }),
        fc.option(fc.record({ top: fc.nat(4), left: fc.nat(3), h: fc.nat(2), w: fc.nat(2) })),
        fc.constantFrom<"visible" | "hidden" | "veryHidden">("visible", "hidden", "veryHidden"),
        async (rows, merge, state) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet("Trang 1");
          rows.forEach((row, r) =>
            row.forEach(({ v, fmt }, c) => {
              const cell = ws.getCell(r + 1, c + 1);
              // fast-check's records have no prototype, which exceljs needs.
              cell.value = (v !== null && typeof v === "object" ? JSON.parse(JSON.stringify(v)) : v) as ExcelJS.CellValue;
              if (fmt) cell.numFmt = fmt;
            }),
          );
          if (merge && (merge.h > 0 || merge.w > 0)) ws.mergeCells(merge.top + 1, merge.left + 1, merge.top + 1 + merge.h, merge.left + 1 + merge.w);
          wb.addWorksheet("Trang 2", { state }).addRow(["x", 1]);
          const buf = Buffer.from(await wb.xlsx.writeBuffer());
          const { fast, slow, why } = both(buf, "ngau-nhien.xlsx");
          expect(why).toBeNull();
          expect(fast).toStrictEqual(slow);
        },
      ),
      { numRuns: 80 },
    );
  });

  it("tell date formats as SheetJS does", () => {
    const format = fc.string({ unit: fc.constantFrom("d", "m", "y", "h", "s", "0", "#", ".", ",", '"', "\\", "_", "*", "[", "]", "$", "-", "/", ":", " ", "A", "M", "P", "G", "e", "n", "r", "a", "l", "B", "1", "2", "@", "?", ";", "%", "E", "+", "上"), maxLength: 14 });
    fc.assert(fc.property(format, (f) => expect(ssfIsDate(f)).toBe(XLSX.SSF.is_date(f))), { numRuns: 2000 });
  });
});
