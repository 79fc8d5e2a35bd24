/**
 * Issue #23 "hostile and odd inputs, round three", items 3 and 4: a unit name with control characters, and sheet
 * names Excel refuses in a unit's workbook. Every sheet PAR Scorer writes has a name Excel accepts, and a sheet
 * is looked up under the name it was written with.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { isValidSheetName } from "../../src/scoring/report/sheet-spec";
import { copySample, par, tempDir } from "../support/par";
import { patchXlsx, renameSheet } from "../support/xlsx-patch";

jest.setTimeout(120_000);

const SHEET = "Tự chấm 2018";

/** The sheet names in an .xlsx file's workbook.xml, as written (XML entities decoded). */
async function writtenSheetNames(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  return [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) =>
    m[1].replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"),
  );
}

describe("a unit name with control characters (item 3)", () => {
  test("aggregate writes the ranking, its unit sheet under a valid name, exit 0", async () => {
    const dir = tempDir();
    const units = join(dir, "don-vi");
    require("node:fs").mkdirSync(units);
    // The unit name cell "Đơn vị: Sở Tư pháp" with an ANSI colour escape in it (as _x001B_, how .xlsx writes ESC).
    await patchXlsx(
      copySample("so/so-tu-phap.xlsx", dir),
      { "xl/sharedStrings.xml": (xml) => xml.replace("Đơn vị: Sở Tư pháp", "Đơn vị: Sở _x001B_[31mTư pháp_x001B_[0m") },
      join(units, "so-tu-phap.xlsx"),
    );
    copySample("so/so-y-te.xlsx", units);
    const out = join(dir, "xep-hang.xlsx");
    const r = await par("aggregate", units, "-o", out);
    expect(r.err).not.toMatch(/không mong đợi|unexpected/);
    expect(r.code).toBe(0);
    const names = await writtenSheetNames(out);
    expect(names.filter((n) => !isValidSheetName(n))).toEqual([]);
    expect(names.some((n) => n.includes("Tư pháp"))).toBe(true);
  });
});

describe("sheet names Excel refuses are not copied into outputs (item 4)", () => {
  test.each([
    ["Tự chấm [2018]", "Tự chấm -2018-"],
    ["'Tự chấm", "Tự chấm"],
    ["History", "History (2)"],
    ["Bảng tự đánh giá, chấm điểm Chỉ số CCHC năm 2018", "Bảng tự đánh giá, chấm điểm Chỉ"],
  ])("summary of a unit sheet named %p: copied as %p, and the output says so", async (name, expected) => {
    const dir = tempDir();
    const book = join(dir, "ten-la.xlsx");
    await patchXlsx(copySample("so/so-tu-phap.xlsx", dir), renameSheet(SHEET, name.replace("'", "&apos;")), book);
    const out = join(dir, "tong-hop.xlsx");
    const r = await par("summary", book, "-o", out);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const names = await writtenSheetNames(out);
    expect(names.filter((n) => !isValidSheetName(n))).toEqual([]);
    expect(names).toContain(expected);
    expect(r.out).toContain(`Trang "${name}" được chép sang tệp kết quả với tên "${expected}"`);
    const en = await par("summary", book, "-o", join(dir, "summary.xlsx"), "--lang", "en");
    expect(en.out).toContain(`Sheet "${name}" is copied as "${expected}": Excel refuses that name`);
    const json = await par("summary", book, "-o", join(dir, "json.xlsx"), "--json");
    expect(JSON.parse(json.out)).toHaveProperty("unit");
    expect(json.err).toContain(`Trang "${name}" được chép sang tệp kết quả với tên "${expected}"`);
    // The copy is still a unit workbook PAR Scorer reads: the renamed sheet is found and scored again.
    const again = await par("validate", out, "--json", "--sheet", expected);
    expect(again.code).toBe(1);
  });

  test("a formula in another sheet that refers to the renamed sheet follows it", async () => {
    const dir = tempDir();
    const book = join(dir, "cong-thuc.xlsx");
    const zip = await JSZip.loadAsync(readFileSync(copySample("so/so-tu-phap.xlsx", dir)));
    // A second sheet "Ghi chú" whose A1 is ='Tự chấm [2018]'!A1 (the unit sheet renamed).
    const wb = (await zip.file("xl/workbook.xml")!.async("string"))
      .replace(`name="${SHEET}"`, 'name="Tự chấm [2018]"')
      .replace("</sheets>", '<sheet sheetId="2" name="Ghi chú" r:id="rIdNote"/></sheets>');
    zip.file("xl/workbook.xml", wb);
    const rels = (await zip.file("xl/_rels/workbook.xml.rels")!.async("string")).replace(
      "</Relationships>",
      '<Relationship Id="rIdNote" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    );
    zip.file("xl/_rels/workbook.xml.rels", rels);
    const types = (await zip.file("[Content_Types].xml")!.async("string")).replace(
      "</Types>",
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    );
    zip.file("[Content_Types].xml", types);
    zip.file(
      "xl/worksheets/sheet2.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>'Tự chấm [2018]'!A1</f><v>x</v></c></row></sheetData></worksheet>`,
    );
    require("node:fs").writeFileSync(book, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    const out = join(dir, "tong-hop.xlsx");
    const r = await par("summary", book, "-o", out);
    expect(r.code).toBe(0);
    const written = await JSZip.loadAsync(readFileSync(out));
    const sheets = await Promise.all(Object.keys(written.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f)).map((f) => written.file(f)!.async("string")));
    const formulas = sheets.flatMap((xml) => [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1].replace(/&apos;/g, "'")));
    expect(formulas).toContain("'Tự chấm -2018-'!A1");
    expect(formulas.some((f) => f.includes("[2018]"))).toBe(false);
  });
});
