/**
 * par appraise on the province's own 2018 sheet (samples/tinh-dien-bien-2018.xlsx) with the built-in catalogue,
 * whose agencies come from the plan's lead agencies: forms per agency, the criteria without an agency said, blank
 * forms never read as 0, outputs never overwritten without --force, the input never written.
 */
import { copyFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { safeFileName } from "../../src/cli/commands/appraise";
import { par, SAMPLES, sha256, tempDir } from "../support/par";

test("a form's file name keeps the agency's name, Vietnamese letters too, and never a path or a clash", () => {
  const taken = new Set<string>();
  expect(safeFileName("Sở Thông tin và Truyền thông", taken)).toBe("Sở Thông tin và Truyền thông.xlsx");
  expect(safeFileName("Sở KH/CN: \"tổng hợp\"", taken)).toBe("Sở KH-CN- -tổng hợp-.xlsx");
  expect(safeFileName("../../etc", taken)).toBe("etc.xlsx");
  expect(safeFileName("sở thông tin và truyền thông", taken)).toBe("sở thông tin và truyền thông (2).xlsx");
  expect(safeFileName("   ", taken)).toBe("phieu.xlsx");
});

jest.setTimeout(120_000);

describe("par appraise forms / merge on the sample province sheet", () => {
  const dir = tempDir("par-appraise-forms-");
  const book = join(dir, "tinh-dien-bien-2018.xlsx");
  copyFileSync(join(SAMPLES, "tinh-dien-bien-2018.xlsx"), book);
  const hash = sha256(book);

  test("one form per agency of dien-bien-2018; the criteria without an agency named, in no form", async () => {
    const r = await par("appraise", "forms", book, "-c", "dien-bien-2018", "-o", join(dir, "phieu"));
    expect(r.code).toBe(0);
    expect(readdirSync(join(dir, "phieu")).sort()).toEqual(
      ["Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Thông tin và Truyền thông", "Sở Tài chính", "Sở Tư pháp", "Văn phòng UBND tỉnh"].map((a) => `${a}.xlsx`).sort(),
    );
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toMatch(/^Đã ghi .*Sở Nội vụ\.xlsx: Sở Nội vụ, 23 dòng$/);
    expect(lines.at(-1)).toMatch(/^Chưa giao cơ quan thẩm định nên không có trong phiếu nào \(3 tiêu chí\): 1\.4\.1, 4\.3\.3, 7\.1\.1\./);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "phieu", "Sở Tài chính.xlsx"));
    const codes: string[] = [];
    wb.worksheets[0].eachRow((row, n) => n > 2 && codes.push(String(row.getCell(2).value)));
    expect(codes).toEqual(["6.1", "6.2.1", "6.2.2", "6.2.3"]);
    expect(sha256(book)).toBe(hash);

    // Run again: the forms exist, so nothing is written without --force.
    const again = await par("appraise", "forms", book, "-c", "dien-bien-2018", "-o", join(dir, "phieu"));
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/đã có; không ghi đè/);
    expect((await par("appraise", "forms", book, "-c", "dien-bien-2018", "-o", join(dir, "phieu"), "--force")).code).toBe(0);
    expect(sha256(book)).toBe(hash);
  });

  test("forms returned blank: every criterion appraisal-missing, no appraised index (never 0)", async () => {
    const r = await par("appraise", "merge", book, "--forms", join(dir, "phieu"), "-c", "dien-bien-2018", "-o", join(dir, "gop"), "--json");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { units: { self: number; appraised: number | null; index: number; findings: { kind: string }[] }[] };
    expect(json.units).toHaveLength(1);
    const u = json.units[0];
    expect(u.appraised).toBeNull();
    expect(u.index).toBe(u.self);
    expect(new Set(u.findings.map((f) => f.kind))).toEqual(new Set(["appraisal-missing"]));
    expect(sha256(book)).toBe(hash);
  });

  test("a catalogue that assigns no agency: no forms, and what to do", async () => {
    const r = await par("appraise", "forms", book, "-c", "dien-bien-so", "-o", join(dir, "khong"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/chưa giao cơ quan thẩm định cho tiêu chí nào/);
    expect(r.err).toMatch(/par catalog export dien-bien-so/);
  });

  test('a criterion the unit marked "Không áp dụng": the council may confirm it on the form, merged as such', async () => {
    const catalog = join(dir, "btc.json");
    writeFileSync(
      catalog,
      JSON.stringify({ id: "thu-kad", name: "Thử", nodes: [{ code: "1", name: "Lĩnh vực", appraisedBy: "Sở Nội vụ", children: [{ code: "1.1", name: "A", max: 2 }, { code: "1.2", name: "B", max: 1 }] }] }),
    );
    const unit = join(dir, "xa.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tự chấm");
    ws.getCell("A1").value = "Đơn vị: UBND xã Mường Phăng";
    ws.getRow(3).values = ["Mã", "Tên tiêu chí", "Điểm tối đa", "Điểm tự chấm"];
    ws.getRow(4).values = ["1", "Lĩnh vực", 3, null];
    ws.getRow(5).values = ["1.1", "A", 2, 2];
    ws.getRow(6).values = ["1.2", "B", 1, "Không áp dụng"];
    await wb.xlsx.writeFile(unit);
    const unitHash = sha256(unit);

    expect((await par("appraise", "forms", unit, "-c", catalog, "-o", join(dir, "phieu-kad"))).code).toBe(0);
    const form = join(dir, "phieu-kad", "Sở Nội vụ.xlsx");
    const f = new ExcelJS.Workbook();
    await f.xlsx.readFile(form);
    const sheet = f.worksheets[0];
    expect(sheet.getCell("E4").value).toBe("Không áp dụng");
    expect(sheet.getCell("H3").dataValidation).toMatchObject({ type: "decimal", formulae: [0, 2] });
    expect(sheet.getCell("H4").dataValidation.type).toBe("custom");
    expect(String(sheet.getCell("H4").dataValidation.formulae[0])).toContain('H4="Không áp dụng"');
    sheet.getCell("H3").value = 2;
    sheet.getCell("H4").value = "Không áp dụng";
    await f.xlsx.writeFile(form);

    const r = await par("appraise", "merge", unit, "--forms", join(dir, "phieu-kad"), "-c", catalog, "-o", join(dir, "gop-kad"), "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as { units: { self: number; appraised: number; findings: unknown[] }[] };
    expect(json.units[0]).toMatchObject({ self: 100, appraised: 100, findings: [] });
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(join(dir, "gop-kad", "xa.xlsx"));
    expect(copy.worksheets[0].getCell("E3").value).toBe("Điểm thẩm định");
    expect(copy.worksheets[0].getCell("E6").value).toBe("Không áp dụng");
    expect(sha256(unit)).toBe(unitHash);
  });
});
