/**
 * Four things SheetJS (and the fast reader, which reads as SheetJS does) used to drop or misread, in files written
 * as clerks' tools write them (hand-written sheet XML, zipped; a LibreOffice save): each now reaches the user, with
 * both readers giving the same grids.
 * 1. A formula with no cached value (a tool that never calculated): kept (Grid.uncalculated), named by
 *    `par validate` (formula-uncalculated), Vietnamese first, English with --lang en.
 * 2. A sheet the reader cannot read (its part missing, or damaged): named (WorkbookData.unreadSheets, the ledger,
 *    `par validate`), never dropped in silence.
 * 3. An empty boolean cell (`<c t="b"/>`): empty, not FALSE.
 * 4. A huge date-formatted number: stays the number, never an invalid Date.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbookBytes, readWorkbookFast, WorkbookData } from "../../src/cli/workbook/read";
import { content, writeLayout } from "../support/layouts";
import { convertWithLibreOffice } from "../support/libreoffice";
import { par } from "../support/par";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "par-quirks-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/**
 * An .xlsx as a script or converter writes it: each sheet's <sheetData> content as given, a styles part whose
 * cell format 1 is a date (numFmtId 14) and 2 a custom "dd/mm/yyyy", shared strings when given. Sheets listed in
 * `leaveOut` are named in the workbook but their part is not in the zip.
 */
async function rawBook(name: string, sheets: { name: string; cells: string }[], options: { strings?: string[]; leaveOut?: string[] } = {}): Promise<{ file: string; buf: Buffer }> {
  const zip = new JSZip();
  const overrides = sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("");
  const sst = options.strings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : "";
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sst}${overrides}</Types>`,
  );
  zip.file("_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
      .join("")}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  );
  zip.file(
    "xl/styles.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>`,
  );
  if (options.strings)
    zip.file("xl/sharedStrings.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}">${options.strings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`);
  sheets.forEach((s, i) => {
    if (options.leaveOut?.includes(s.name)) return;
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>${s.cells}</sheetData></worksheet>`);
  });
  const file = join(dir, `${name}.xlsx`);
  const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  writeFileSync(file, buf);
  return { file, buf };
}

/** Both readers on one file: the fast one alone (null when it declines, with why) and SheetJS alone. */
function both(buf: Buffer, file: string): { fast: WorkbookData | null; slow: WorkbookData; why: string | null } {
  let why: string | null = null;
  const fast = readWorkbookFast(buf, file, undefined, (reason) => (why = reason));
  return { fast, slow: readWorkbookBytes(buf, file, undefined, "sheetjs"), why };
}

describe("1. a formula with no cached value", () => {
  const cells =
    `<row r="1"><c r="A1" t="inlineStr"><is><t>Điểm</t></is></c></row>` +
    `<row r="5"><c r="E5"><f>SUM(E6:E8)</f></c><c r="F5" t="n"><f>E5*2</f><v></v></c><c r="G5" t="b"><f>E5&gt;1</f></c><c r="H5" s="1"><f>DATE(2018,1,15)</f></c></row>` +
    `<row r="6"><c r="E6"><v>0.5</v></c><c r="F6"><f>E6</f><v>0.5</v></c><c r="G6" t="str"><f>""</f><v></v></c></row>`;

  it("is kept with its formula and named as uncalculated by both readers; a formula with a value (or an empty text result) is not", async () => {
    const { file, buf } = await rawBook("uncalculated", [{ name: "Tự chấm", cells }]);
    const { fast, slow, why } = both(buf, file);
    expect(why).toBeNull();
    expect(fast).toStrictEqual(slow);
    const grid = slow.grids[0];
    expect(grid.uncalculated).toEqual(["E5", "F5", "G5", "H5"]);
    expect([grid.formulas?.[4]?.[4], grid.formulas?.[4]?.[5], grid.formulas?.[4]?.[6], grid.formulas?.[4]?.[7]]).toEqual(["=SUM(E6:E8)", "=E5*2", "=E5>1", "=DATE(2018,1,15)"]);
    expect(grid.values[4].slice(4, 8)).toEqual([null, null, null, null]);
    expect(grid.values[5][4]).toBe(0.5);
    expect(grid.formulas?.[5]?.[6]).toBe('=""');
    // The default reading (fast, SheetJS for what it declines) gives the same.
    expect(readWorkbookBytes(buf, file)).toStrictEqual(slow);
  });

  /** A plain unit workbook whose self score of the first leaf is a formula a tool wrote without calculating it. */
  async function uncalculatedUnit(name: string): Promise<{ file: string; cell: string; code: string }> {
    const file = join(dir, `${name}.xlsx`);
    await writeLayout(file, "plain", content());
    const zip = await JSZip.loadAsync(readFileSync(file));
    const part = "xl/worksheets/sheet1.xml";
    let xml = await zip.file(part)!.async("string");
    // The first criterion row with a self score (column E) and a maximum (column C): its score becomes =C{row}.
    const m = /<c r="E(\d+)"((?: s="\d+")?)><v>([^<]+)<\/v><\/c>/.exec(xml)!;
    const row = m[1];
    xml = xml.replace(m[0], `<c r="E${row}"${m[2]}><f>C${row}</f></c>`);
    zip.file(part, xml);
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const data = readWorkbookBytes(readFileSync(file), file);
    const code = String(data.grids[0].values[Number(row) - 1][0]);
    return { file, cell: `E${row}`, code };
  }

  it("is named by par validate: sheet, cell, criterion, formula, what to do (Vietnamese; English with --lang en)", async () => {
    const { file, cell, code } = await uncalculatedUnit("unit-uncalculated");
    const json = await par("validate", file, "--json");
    expect(json.err).toBe("");
    const findings = JSON.parse(json.out) as { kind: string; severity: string; code: string | null; sheet: string; cell: string; message: string }[];
    const named = findings.filter((f) => f.kind === "formula-uncalculated");
    expect(named.map(({ severity, code: c, sheet, cell: at }) => ({ severity, code: c, sheet, cell: at }))).toEqual([{ severity: "error", code, sheet: "Tự đánh giá", cell }]);
    expect(named[0].message).toContain(`=C${cell.slice(1)}`);
    expect(named[0].message).toContain(`tiêu chí ${code}`);
    expect(named[0].message).toContain("Mở tệp trong Excel/LibreOffice, tính lại (F9) và lưu lại");
    expect(json.code).toBe(1);
    const text = await par("validate", file);
    expect(text.out).toContain(`Ô ${cell}`);
    const en = await par("validate", file, "--lang", "en");
    expect(en.out).toContain(`Cell ${cell}`);
    expect(en.out).toContain("recalculate (F9) and save it");
  });

  it("on another sheet (an appendix's links written as =HYPERLINK by a script) is said by par validate, cells named", async () => {
    const file = join(dir, "unit-appendix-formulas.xlsx");
    await writeLayout(file, "plain", content());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const appendix = wb.addWorksheet("Phụ lục");
    appendix.addRow(["Tài liệu kiểm chứng"]);
    appendix.getCell("A2").value = { formula: 'HYPERLINK("tai-lieu/kh-12.pdf","Kế hoạch 12")' } as ExcelJS.CellFormulaValue;
    appendix.getCell("A3").value = { formula: 'HYPERLINK("tai-lieu/bc-3.pdf","Báo cáo 3")' } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(file);
    const vi = await par("validate", file);
    expect(vi.out).toContain('Trang "Phụ lục": 2 ô có công thức mà tệp không lưu kết quả (A2, A3), đọc như để trống');
    expect(vi.out).not.toContain("[formula-uncalculated]");
    const en = await par("validate", file, "--lang", "en");
    expect(en.out).toContain('Sheet "Phụ lục": 2 cells hold formulas the file has no result for (A2, A3), read as blank');
  });

  it("goes away once LibreOffice has calculated and saved the file, as the message says", async () => {
    const { file, cell } = await uncalculatedUnit("unit-recalculated");
    const out = join(dir, "recalculated");
    const { ok, output, log } = convertWithLibreOffice(file, out, "xlsx");
    expect({ ok, log: ok ? "" : log }).toEqual({ ok: true, log: "" });
    const data = readWorkbookBytes(readFileSync(output!), output!);
    expect(data.grids[0].uncalculated).toBeUndefined();
    expect(typeof data.grids[0].values[Number(cell.slice(1)) - 1][4]).toBe("number");
    const findings = JSON.parse((await par("validate", output!, "--json")).out) as { kind: string }[];
    expect(findings.filter((f) => f.kind === "formula-uncalculated")).toEqual([]);
  });
});

describe("2. a sheet the reader cannot read", () => {
  const unitCells = `<row r="1"><c r="A1" t="inlineStr"><is><t>Ghi chú</t></is></c></row>`;

  it("whose part is missing from the file is named by both readers, not dropped", async () => {
    const { file, buf } = await rawBook("missing-part", [
      { name: "Ghi chú", cells: unitCells },
      { name: "Phụ lục", cells: "" },
    ], { leaveOut: ["Phụ lục"] });
    const { fast, slow, why } = both(buf, file);
    expect(why).toBeNull();
    expect(fast).toStrictEqual(slow);
    expect(slow.unreadSheets).toEqual([{ sheet: "Phụ lục", reason: "missing" }]);
    expect(slow.sheetStates["Phụ lục"]).toBe("visible");
    expect(slow.grids.map((g) => g.name)).toEqual(["Ghi chú"]);
  });

  it("that SheetJS fails on is named with why (the fast reader declines it, and the default reading names it too)", async () => {
    // A shared string index past the table: SheetJS throws inside the sheet and used to leave the sheet out.
    const { file, buf } = await rawBook(
      "damaged-sheet",
      [
        { name: "Ghi chú", cells: unitCells },
        { name: "Hỏng", cells: `<row r="1"><c r="A1" t="s"><v>7</v></c></row>` },
      ],
      { strings: ["một"] },
    );
    const { fast, slow } = both(buf, file);
    expect(fast).toBeNull();
    expect(slow.unreadSheets).toEqual([{ sheet: "Hỏng", reason: "damaged", detail: expect.any(String) }]);
    expect(readWorkbookBytes(buf, file)).toStrictEqual(slow);
  });

  it("is said by par validate and listed in its reading; a file with no readable sheet is an error naming them", async () => {
    const unit = join(dir, "unit-missing-sheet.xlsx");
    await writeLayout(unit, "plain", content());
    const zip = await JSZip.loadAsync(readFileSync(unit));
    // A second sheet, "Phụ lục", named in the workbook but its part lost (a truncated copy).
    const wb = (await zip.file("xl/workbook.xml")!.async("string")).replace("</sheets>", `<sheet name="Phụ lục" sheetId="9" r:id="rIdLost"/></sheets>`);
    zip.file("xl/workbook.xml", wb);
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
      "</Relationships>",
      `<Relationship Id="rIdLost" Type="${REL}/worksheet" Target="worksheets/sheet9.xml"/></Relationships>`,
    );
    zip.file("xl/_rels/workbook.xml.rels", rels);
    writeFileSync(unit, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    expect(wb).toContain('xmlns:r="');
    const vi = await par("validate", unit);
    expect(vi.out).toContain('Không đọc được trang "Phụ lục": tệp thiếu phần dữ liệu của trang');
    const en = await par("validate", unit, "--lang", "en");
    expect(en.out).toContain('Sheet "Phụ lục" cannot be read: the file lacks its data');
    const reading = JSON.parse((await par("validate", unit, "--json", "--reading")).out) as { reading: { sheets: { sheet: string; readAs: string }[] } };
    expect(reading.reading.sheets.find((s) => s.sheet === "Phụ lục")).toMatchObject({ readAs: "unreadable" });
    // par summary and par aggregate say it too.
    const summary = await par("summary", unit, "-o", join(dir, "tong-hop.xlsx"));
    expect(summary.out).toContain('Không đọc được trang "Phụ lục"');
    const folder = join(dir, "thu-muc");
    mkdirSync(folder);
    copyFileSync(unit, join(folder, "don-vi.xlsx"));
    const aggregate = await par("aggregate", folder, "-o", join(dir, "xep-hang.xlsx"));
    expect(aggregate.out + aggregate.err).toContain('Không đọc được trang "Phụ lục"');

    const { file } = await rawBook("no-readable-sheet", [{ name: "Tự chấm", cells: "" }], { leaveOut: ["Tự chấm"] });
    const none = await par("validate", file);
    expect(none.code).toBe(2);
    expect(none.err).toContain('"Tự chấm"');
    expect(none.err).toContain("bị thiếu hoặc hỏng");
  });
});

describe("2b. an Excel 4 macro sheet or a dialog sheet", () => {
  it("is named, never dropped (SheetJS reads them as sheets of another type, which used to vanish), in tab order", async () => {
    const unit = join(dir, "unit-macro-sheet.xlsx");
    await writeLayout(unit, "plain", content());
    const zip = await JSZip.loadAsync(readFileSync(unit));
    // As Excel saves a workbook with an Excel 4 macro sheet (holding figures) and a dialog sheet.
    // The macro sheet first among the tabs, the dialog sheet last.
    const workbook = (await zip.file("xl/workbook.xml")!.async("string"))
      .replace("<sheets>", `<sheets><sheet name="Macro1" sheetId="8" r:id="rIdM"/>`)
      .replace("</sheets>", `<sheet name="Dialog1" sheetId="9" r:id="rIdD"/></sheets>`);
    zip.file("xl/workbook.xml", workbook);
    zip.file(
      "xl/_rels/workbook.xml.rels",
      (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
        "</Relationships>",
        `<Relationship Id="rIdM" Type="http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet" Target="macrosheets/sheet1.xml"/><Relationship Id="rIdD" Type="${REL}/dialogsheet" Target="dialogsheets/sheet1.xml"/></Relationships>`,
      ),
    );
    zip.file(
      "[Content_Types].xml",
      (await zip.file("[Content_Types].xml")!.async("string")).replace(
        "</Types>",
        `<Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/vnd.ms-excel.macrosheet+xml"/><Override PartName="/xl/dialogsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.dialogsheet+xml"/></Types>`,
      ),
    );
    zip.file("xl/macrosheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xm:macrosheet xmlns="${MAIN}" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Tổng điểm</t></is></c><c r="B1"><v>85</v></c></row></sheetData></xm:macrosheet>`);
    zip.file("xl/dialogsheets/sheet1.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<dialogsheet xmlns="${MAIN}"><sheetPr/></dialogsheet>`);
    const buf = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    writeFileSync(unit, buf);

    const { fast, slow, why } = both(buf, unit);
    expect(fast).toBeNull();
    expect(why).toContain("not a worksheet");
    expect(slow.unreadSheets).toEqual([
      { sheet: "Macro1", reason: "not-worksheet", detail: "macro" },
      { sheet: "Dialog1", reason: "not-worksheet", detail: "dialog" },
    ]);
    expect(readWorkbookBytes(buf, unit)).toStrictEqual(slow);

    const vi = await par("validate", unit);
    expect(vi.out).toContain('Trang "Macro1" là trang macro Excel 4, không phải trang tính, nên không đọc và không kiểm tra gì trong trang này');
    expect(vi.out).toContain('Trang "Dialog1" là trang hộp thoại, không phải trang tính');
    const en = await par("validate", unit, "--lang", "en");
    expect(en.out).toContain('Sheet "Macro1" is an Excel 4 macro sheet, not a worksheet');
    const reading = JSON.parse((await par("validate", unit, "--json", "--reading")).out) as { reading: { sheets: { sheet: string; readAs: string }[] } };
    expect(reading.reading.sheets.filter((s) => s.readAs === "unreadable").map((s) => s.sheet)).toEqual(["Macro1", "Dialog1"]);
    // The reading lists the sheets in tab order, whatever the reader made of each.
    expect(reading.reading.sheets.map((s) => s.sheet)).toEqual(["Macro1", ...slow.grids.map((g) => g.name), "Dialog1"]);
  });
});

describe("3. an empty boolean cell", () => {
  it("reads as empty in both readers, not FALSE; a boolean with a value stays one", async () => {
    const cells =
      `<row r="1"><c r="A1" t="b"/><c r="B1" t="b"></c><c r="C1" t="b"><v>0</v></c><c r="D1" t="b"><v>1</v></c><c r="E1" t="b"><v></v></c><c r="F1"><v>2</v></c></row>` +
      `<row r="2"><c r="A2" t="b" s="0"/></row>`;
    const { file, buf } = await rawBook("empty-boolean", [{ name: "S", cells }]);
    const { fast, slow, why } = both(buf, file);
    expect(why).toBeNull();
    expect(fast).toStrictEqual(slow);
    expect(slow.grids[0].values[0].slice(0, 6)).toEqual([undefined, undefined, false, true, undefined, 2]);
    expect(slow.grids[0].values[1]).toBeUndefined();
  });
});

describe("4. a huge date-formatted number", () => {
  it("stays the number in both readers (no invalid Date), a date in Excel's calendar is still a date", async () => {
    const cells = `<row r="1"><c r="A1" s="1"><v>10000000000</v></c><c r="B1" s="2"><v>3000000</v></c><c r="C1" s="2"><v>-1</v></c><c r="D1" s="2"><v>43115</v></c><c r="E1" s="2"><v>2958465</v></c></row>`;
    const { file, buf } = await rawBook("huge-date", [{ name: "S", cells }]);
    const { fast, slow, why } = both(buf, file);
    expect(why).toBeNull();
    expect(fast).toStrictEqual(slow);
    const row = slow.grids[0].values[0];
    expect(row.slice(0, 3)).toEqual([1e10, 3000000, -1]);
    expect((row[3] as Date).toISOString()).toBe("2018-01-15T12:00:00.000Z");
    expect((row[4] as Date).toISOString()).toBe("9999-12-31T12:00:00.000Z");
  });
});
