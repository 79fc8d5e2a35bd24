/**
 * Links behind "Kèm theo" to files named in Vietnamese: the relationship's target is UTF-8 in the file, and both
 * readers (the fast one and SheetJS) used to give it byte by byte ("Káº¿ hoáº¡ch"), so the evidence check looked for
 * a file that does not exist.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbookBytes } from "../../src/cli/workbook/read";
import { decodeLinkTarget } from "../../src/cli/workbook/hyperlinks";
import { tempDir } from "../support/par";

const dir = tempDir("par-links-");
const local = "tai-lieu/Kế hoạch số 12 năm 2025.pdf";
const web = "https://dichvucong.gov.vn/tài-liệu/Quyết định 45.pdf";

test("both readers give a Vietnamese link target as it was written", async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  ws.getCell("A1").value = { text: "Kèm theo", hyperlink: local };
  ws.getCell("A2").value = { text: web, hyperlink: web };
  ws.getCell("A3").value = { text: "Báo cáo", hyperlink: "https://example.org/bao-cao.pdf" };
  const file = join(dir, "lien-ket.xlsx");
  await wb.xlsx.writeFile(file);
  const buf = readFileSync(file);
  for (const reader of ["auto", "sheetjs"] as const) {
    const grid = readWorkbookBytes(buf, file, undefined, reader).grids[0];
    expect({ reader, links: grid.links }).toEqual({ reader, links: [[local], [web], ["https://example.org/bao-cao.pdf"]] });
    // A link showing its own address reads as its target.
    expect(grid.values[1][0]).toBe(web);
  }
});

test("only bytes that form valid UTF-8 are decoded", () => {
  expect(decodeLinkTarget(Buffer.from(local, "utf8").toString("latin1"))).toBe(local);
  expect(decodeLinkTarget(local)).toBe(local);
  expect(decodeLinkTarget("café.pdf")).toBe("café.pdf");
  expect(decodeLinkTarget("plain/ascii.pdf")).toBe("plain/ascii.pdf");
});
