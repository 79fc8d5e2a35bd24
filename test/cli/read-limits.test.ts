/**
 * Issue #23, items 1 and 2 (in process): a cell reference beyond Excel's last column or row is a damaged file, and
 * a workbook past the reading limits (--max-cells) is refused saying which limit and how to lift it.
 * memory-bombs.test.ts runs the large files under a 1 GB heap.
 */
import { join } from "node:path";
import { par, tempDir } from "../support/par";
import { writeRawXlsx } from "../support/raw-xlsx-stream";

jest.setTimeout(120_000);

const SHEET = "Tự chấm 2018";
const HEADER = `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1" t="inlineStr"><is><t>Điểm tự chấm</t></is></c></row>`;

describe("a cell beyond Excel's last column or row is a damaged file (item 1)", () => {
  test.each([
    ["a cell at column ZZZZZ", `<row r="2"><c r="ZZZZZ2"><v>1</v></c></row>`, "ZZZZZ2", ""],
    ["a cell one column past XFD", `<row r="2"><c r="XFE2"><v>1</v></c></row>`, "XFE2", ""],
    ["a row past 1 048 576", `<row r="1048577"><c r="A1048577"><v>1</v></c></row>`, "1048577", ""],
    ["a merged area to ZZZZZ", "", "A1:ZZZZZ9", `<mergeCells count="1"><mergeCell ref="A1:ZZZZZ9"/></mergeCells>`],
  ])("%s: exit 2, the sheet and the reference named", async (_what, rows, ref, after) => {
    const dir = tempDir();
    const book = join(dir, "hong.xlsx");
    await writeRawXlsx(book, [{ name: SHEET, rows: HEADER + rows, after }]);
    for (const command of [["validate", book], ["summary", book, "-o", join(dir, "out.xlsx")]]) {
      const r = await par(...command);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`trang "${SHEET}" có ô ${ref}`);
      expect(r.err).toMatch(/cột cuối là XFD, dòng cuối là 1\.048\.576\): tệp bị hỏng/);
    }
    const en = await par("validate", book, "--lang", "en");
    expect(en.err).toContain(`sheet "${SHEET}" has a cell ${ref}, beyond Excel's last column (XFD) or row (1,048,576): the file is damaged`);
  });

  test("XFD1048576, Excel's last cell, is read", async () => {
    const dir = tempDir();
    const book = join(dir, "cuoi.xlsx");
    await writeRawXlsx(book, [{ name: SHEET, rows: HEADER + `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>` }]);
    const r = await par("validate", book);
    expect(r.err).not.toMatch(/XFD1048576/);
    expect(r.err).toMatch(/Không tìm thấy bảng tự chấm điểm/);
  });
});

describe("reading stops at the documented limits (item 2)", () => {
  /** A sheet of `n` rows of one number each. */
  const rows = (n: number) => () =>
    (function* () {
      yield HEADER;
      for (let r = 2; r <= n + 1; r++) yield `<row r="${r}"><c r="B${r}"><v>${r}</v></c></row>`;
    })();

  test("more cells than --max-cells: which limit, where, how to lift it; lifted, the file is read", async () => {
    const dir = tempDir();
    const book = join(dir, "nhieu-o.xlsx");
    await writeRawXlsx(book, [{ name: SHEET, rows: rows(3000) }]);
    const r = await par("validate", book, "--max-cells", "2000");
    expect(r.code).toBe(2);
    expect(r.err).toContain(`Ngừng đọc tệp ${book}: sổ tính có hơn 2.000 ô có dữ liệu (đếm đến trang "${SHEET}"), vượt giới hạn --max-cells 2000`);
    expect(r.err).toContain("--max-cells 8000");
    const en = await par("validate", book, "--max-cells", "2000", "--lang", "en");
    expect(en.err).toContain("has more than 2,000 cells holding data");
    const lifted = await par("validate", book, "--max-cells", "8000");
    expect(lifted.err).not.toMatch(/--max-cells/);
  });

  test("more shared strings than --max-cells", async () => {
    const dir = tempDir();
    const book = join(dir, "nhieu-chuoi.xlsx");
    await writeRawXlsx(book, [{ name: SHEET, rows: HEADER }], () => Array.from({ length: 5000 }, (_, i) => `<si><t>${i}</t></si>`));
    const r = await par("validate", book, "--max-cells", "4000");
    expect(r.code).toBe(2);
    expect(r.err).toContain("có hơn 4.000 chuỗi chữ trong bảng chuỗi dùng chung (xl/sharedStrings.xml)");
  });

  test("a hyperlink over a whole sheet counts every cell it covers", async () => {
    const dir = tempDir();
    const book = join(dir, "lien-ket.xlsx");
    const after = `<hyperlinks><hyperlink ref="A1:XFD1048576" display="x" location="A1"/></hyperlinks>`;
    await writeRawXlsx(book, [{ name: SHEET, rows: HEADER, after }]);
    const r = await par("validate", book);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/có hơn 300\.000 ô có dữ liệu/);
  });

  test("--max-cells that is not a positive whole number: a usage error", async () => {
    const r = await par("validate", "x.xlsx", "--max-cells", "nhiều");
    expect(r.code).toBe(2);
    expect(r.err).toContain("--max-cells cần một số nguyên dương");
  });
});
