/**
 * The appraisal council end to end: three units (workbooks as a commune's clerk types them), three agencies;
 * forms written, filled as the agencies return them (one re-saved by LibreOffice), merged, ranked, a second round.
 * The units' own files stay byte-identical after every command.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { convertWithLibreOffice } from "../support/libreoffice";
import { par, sha256, tempDir } from "../support/par";

jest.setTimeout(180_000);

const CATALOG = {
  id: "thu-tham-dinh",
  name: "Bộ tiêu chí thử thẩm định",
  level: "commune",
  year: 2025,
  nodes: [
    {
      code: "1",
      name: "Công tác chỉ đạo, điều hành CCHC",
      appraisedBy: "Sở Nội vụ",
      children: [
        { code: "1.1", name: "Kế hoạch CCHC năm", max: 2 },
        { code: "1.2", name: "Báo cáo CCHC", max: 1 },
      ],
    },
    {
      code: "2",
      name: "Xây dựng và tổ chức thực hiện văn bản QPPL",
      appraisedBy: "Sở Tư pháp",
      children: [
        { code: "2.1", name: "Rà soát văn bản QPPL", max: 2 },
        { code: "2.2", name: "Kiểm tra văn bản QPPL", max: 1 },
      ],
    },
    {
      code: "3",
      name: "Cải cách tài chính công",
      appraisedBy: "Sở Tài chính",
      children: [
        { code: "3.1", name: "Tự chủ tài chính", max: 2 },
        { code: "3.2", name: "Quản lý tài sản công", max: 2 },
      ],
    },
  ],
};

const UNITS = ["UBND xã An Bình", "UBND xã Bình Minh", "UBND xã Cát Tiên"];
/** Self scores per unit, in the order 1.1 1.2 2.1 2.2 3.1 3.2. */
const SELF: number[][] = [
  [2, 1, 2, 1, 2, 2],
  [2, 1, 1.5, 1, 2, 1.5],
  [1.5, 0.5, 2, 1, 1, 2],
];
const LEAVES = ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2"];

/** A unit's self-assessment as a clerk types it: letterhead, title, merged title cells, a header, field rows. */
async function unitWorkbook(path: string, unit: string, self: number[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự chấm 2025");
  ws.getCell("A1").value = "UBND HUYỆN ĐIỆN BIÊN";
  ws.getCell("A2").value = `Đơn vị: ${unit}`;
  ws.getCell("A3").value = "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2025";
  ws.mergeCells("A3:F3");
  ws.getRow(5).values = ["Mã", "Tên tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình"];
  ws.getRow(5).font = { bold: true, name: "Times New Roman" };
  let r = 6;
  for (const field of CATALOG.nodes) {
    ws.getRow(r++).values = [field.code, field.name, field.children.reduce((s, c) => s + c.max, 0), null, null, null];
    for (const leaf of field.children) {
      const i = LEAVES.indexOf(leaf.code);
      ws.getRow(r++).values = [leaf.code, leaf.name, leaf.max, self[i], `Kế hoạch số ${10 + i}/KH-UBND ngày 05/01/2025`, null];
    }
  }
  ws.getColumn(2).width = 40;
  ws.getCell("D7").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  await wb.xlsx.writeFile(path);
}

interface Fill {
  /** unit index, code → value typed in "Điểm thẩm định" (undefined: the self score), and the reason. */
  set?: Record<string, { value: ExcelJS.CellValue; reason?: string }>;
  /** Extra rows appended by the agency (unit, code, score). */
  extra?: [string, string, ExcelJS.CellValue][];
}

/** Fills a form the way an agency does: every row gets the self score unless told otherwise. */
async function fillForm(path: string, fill: Fill): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(2).values as ExcelJS.CellValue[]).slice(1);
  const col = (h: string) => header.indexOf(h) + 1;
  let last = 2;
  ws.eachRow((row, n) => {
    if (n < 3) return;
    last = n;
    const unit = String(row.getCell(col("Đơn vị")).value);
    const code = String(row.getCell(col("Mã")).value);
    const key = `${UNITS.indexOf(unit)}:${code}`;
    const given = fill.set?.[key];
    row.getCell(col("Điểm thẩm định")).value = given ? given.value : (row.getCell(col("Điểm tự chấm")).value as number);
    if (given?.reason) row.getCell(col("Lý do")).value = given.reason;
  });
  for (const [unit, code, score] of fill.extra ?? []) {
    const row = ws.getRow(++last);
    row.getCell(col("Đơn vị")).value = unit;
    row.getCell(col("Mã")).value = code;
    row.getCell(col("Điểm thẩm định")).value = score;
  }
  await wb.xlsx.writeFile(path);
}

async function sheetOf(path: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb.worksheets[0];
}

/** The values of the column headed `header` (header row `headerRow`), by the code in column A. */
function columnByCode(ws: ExcelJS.Worksheet, headerRow: number, header: string): Map<string, ExcelJS.CellValue> {
  const values = (ws.getRow(headerRow).values as ExcelJS.CellValue[]).slice(1);
  const col = values.indexOf(header) + 1;
  expect(col).toBeGreaterThan(0);
  const out = new Map<string, ExcelJS.CellValue>();
  ws.eachRow((row, n) => {
    if (n > headerRow) out.set(String(row.getCell(1).value), row.getCell(col).value);
  });
  return out;
}

describe("par appraise: the council's forms, merge, ranking and second round", () => {
  const dir = tempDir("par-appraise-");
  const unitsDir = join(dir, "don-vi");
  const files = UNITS.map((_, i) => join(unitsDir, `xa-${i + 1}.xlsx`));
  const catalog = join(dir, "bo-tieu-chi.json");
  const formsDir = join(dir, "phieu");
  const merged = join(dir, "da-gop");
  const forms2 = join(dir, "phieu-vong-2");
  const final = join(dir, "vong-2");
  let hashes: string[] = [];
  const unchanged = () => expect(files.map(sha256)).toEqual(hashes);

  beforeAll(async () => {
    mkdirSync(unitsDir);
    writeFileSync(catalog, JSON.stringify(CATALOG));
    for (const [i, unit] of UNITS.entries()) await unitWorkbook(files[i], unit, SELF[i]);
    hashes = files.map(sha256);
  });

  test("forms: one workbook per agency, exact header, validation, protection, A4", async () => {
    const r = await par("appraise", "forms", ...files, "-c", catalog, "-o", formsDir);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    unchanged();
    expect(readdirSync(formsDir).sort()).toEqual(["Sở Nội vụ.xlsx", "Sở Tài chính.xlsx", "Sở Tư pháp.xlsx"].sort());
    const ws = await sheetOf(join(formsDir, "Sở Tư pháp.xlsx"));
    expect(ws.getCell("A1").value).toBe("Cơ quan thẩm định: Sở Tư pháp");
    expect((ws.getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      "Đơn vị",
      "Mã",
      "Tiêu chí",
      "Điểm tối đa",
      "Điểm tự chấm",
      "Tài liệu kiểm chứng",
      "Giải trình",
      "Điểm thẩm định",
      "Lý do",
    ]);
    // One row per unit and criterion of the agency: 3 units × 2 criteria.
    const rows: string[] = [];
    ws.eachRow((row, n) => n > 2 && rows.push(`${row.getCell(1).value}|${row.getCell(2).value}|${row.getCell(5).value}`));
    expect(rows).toEqual(["UBND xã An Bình|2.1|2", "UBND xã An Bình|2.2|1", "UBND xã Bình Minh|2.1|1.5", "UBND xã Bình Minh|2.2|1", "UBND xã Cát Tiên|2.1|2", "UBND xã Cát Tiên|2.2|1"]);
    expect(ws.getCell("F3").value).toBe("Kế hoạch số 12/KH-UBND ngày 05/01/2025");
    const dv = ws.getCell("H3").dataValidation;
    expect(dv).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 2], showErrorMessage: true });
    expect(dv.error).toMatch(/từ 0 đến 2/);
    expect(ws.getCell("H4").dataValidation.formulae).toEqual([0, 1]);
    // Protected without a password; only "Điểm thẩm định" and "Lý do" open.
    const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean; hashValue?: string } }).sheetProtection;
    expect(protection?.sheet).toBe(true);
    expect(protection?.hashValue).toBeUndefined();
    expect(ws.getCell("H3").protection?.locked).toBe(false);
    expect(ws.getCell("I5").protection?.locked).toBe(false);
    expect(ws.getCell("E3").protection?.locked).not.toBe(false);
    expect(ws.getCell("A3").protection?.locked).not.toBe(false);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" });
  });

  test("merge: findings, filled copies, JSON, exit 1; forms as agencies return them", async () => {
    // Sở Nội vụ: An Bình 1.1 lowered with a reason; Bình Minh 1.2 lowered without one; Cát Tiên 1.1 left blank;
    // Bình Minh 1.1 typed as text "1,5" (a number typed as text).
    await fillForm(join(formsDir, "Sở Nội vụ.xlsx"), {
      set: {
        "0:1.1": { value: 1, reason: "Kế hoạch ban hành sau thời hạn" },
        "1:1.2": { value: 0.5 },
        "2:1.1": { value: null },
        "1:1.1": { value: "1,5", reason: "Thiếu báo cáo quý IV" },
      },
    });
    // Sở Tư pháp: a row for Sở Nội vụ's criterion 1.2 (not its own), and a row for a unit that is not given.
    await fillForm(join(formsDir, "Sở Tư pháp.xlsx"), { extra: [["UBND xã An Bình", "1.2", 0.25], ["UBND xã Không Có", "2.1", 1]] });
    // Sở Tài chính: Cát Tiên 3.1 twice, with two different scores; re-saved by LibreOffice as the clerk's office suite does.
    const stc = join(formsDir, "Sở Tài chính.xlsx");
    await fillForm(stc, { extra: [["UBND xã Cát Tiên", "3.1", 0.5]] });
    const lo = convertWithLibreOffice(stc, join(dir, "lo"), "xlsx");
    expect(lo.ok).toBe(true);
    copyFileSync(lo.output!, stc);

    const formFiles = readdirSync(formsDir).map((f) => join(formsDir, f));
    const formHashes = formFiles.map(sha256);
    const r = await par("appraise", "merge", ...files, "--forms", formsDir, "-c", catalog, "-o", merged, "--json");
    unchanged();
    // The forms are inputs too: read, never written.
    expect(formFiles.map(sha256)).toEqual(formHashes);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { units: { unit: string; file: string; self: number; appraised: number; index: number; findings: { kind: string; severity: string; code: string; message: string }[] }[] };
    expect(Object.keys(json)).toEqual(["units"]);
    expect(json.units.map((u) => u.unit)).toEqual(UNITS);
    for (const u of json.units) expect(Object.keys(u)).toEqual(["unit", "file", "self", "appraised", "index", "findings"]);
    const kinds = (i: number) => json.units[i].findings.map((f) => `${f.kind}:${f.code}:${f.severity}`).sort();
    expect(kinds(0)).toEqual(["appraisal-unknown:1.2:error"]);
    expect(kinds(1)).toEqual(["appraisal-no-reason:1.2:warning"]);
    expect(kinds(2)).toEqual(["appraisal-conflict:3.1:error", "appraisal-missing:1.1:error"].sort());
    const conflict = json.units[2].findings.find((f) => f.kind === "appraisal-conflict")!;
    expect(conflict.message).toContain("Sở Tài chính.xlsx");
    expect(json.units[0].findings[0].message).toMatch(/Sở Nội vụ thẩm định, không phải Sở Tư pháp/);
    // The row for a unit not given is said on stderr (the JSON holds the units only).
    expect(r.err).toMatch(/UBND xã Không Có/);
    // Figures: An Bình self 10/10 = 100, appraised 9/10 = 90, the index used for ranking is the appraised one.
    expect(json.units[0]).toMatchObject({ self: 100, appraised: 90, index: 90 });
    expect(json.units[1]).toMatchObject({ self: 90, appraised: 80, index: 80 });

    // The copies: "Điểm thẩm định" and "Lý do thẩm định" added after the last column, the user's formatting kept.
    expect(readdirSync(merged).sort()).toEqual(["xa-1.xlsx", "xa-2.xlsx", "xa-3.xlsx"]);
    const ws1 = await sheetOf(join(merged, "xa-1.xlsx"));
    expect(ws1.getCell("G5").value).toBe("Điểm thẩm định");
    expect(ws1.getCell("H5").value).toBe("Lý do thẩm định");
    expect(ws1.getCell("D7").fill).toMatchObject({ fgColor: { argb: "FFFFF2CC" } });
    expect(ws1.getCell("A2").value).toBe("Đơn vị: UBND xã An Bình");
    const appraised1 = columnByCode(ws1, 5, "Điểm thẩm định");
    expect(LEAVES.map((c) => appraised1.get(c))).toEqual([1, 1, 2, 1, 2, 2]);
    expect(columnByCode(ws1, 5, "Lý do thẩm định").get("1.1")).toBe("Kế hoạch ban hành sau thời hạn");
    const appraised2 = columnByCode(await sheetOf(join(merged, "xa-2.xlsx")), 5, "Điểm thẩm định");
    expect(appraised2.get("1.1")).toBe(1.5);
    // Cát Tiên: the blank row stays blank (not 0), the conflicting criterion gets no score.
    const appraised3 = columnByCode(await sheetOf(join(merged, "xa-3.xlsx")), 5, "Điểm thẩm định");
    expect(appraised3.get("1.1")).toBeNull();
    expect(appraised3.get("3.1")).toBeNull();
    expect(appraised3.get("3.2")).toBe(2);

    // In words (Vietnamese first), the same findings and the exit code.
    const words = await par("appraise", "merge", ...files, "--forms", formsDir, "-c", catalog, "-o", join(dir, "da-gop-2"));
    expect(words.code).toBe(1);
    expect(words.out).toMatch(/UBND xã An Bình: đã ghi .*xa-1\.xlsx — chỉ số tự chấm 100,00, thẩm định 90,00/);
    expect(words.out).toMatch(/Tổng cộng: 4 lỗi, 1 cảnh báo/);
    unchanged();
  });

  test("aggregate ranks the merged copies by the appraised index", async () => {
    const ranking = join(dir, "xep-hang.xlsx");
    const r = await par("aggregate", merged, "-c", catalog, "-o", ranking);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Đã xếp hạng 3 đơn vị/);
    const ws = (await (async () => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(ranking);
      return wb.worksheets[0];
    })())!;
    const text: string[] = [];
    ws.eachRow((row) => text.push((row.values as ExcelJS.CellValue[]).map((v) => (v === null || v === undefined ? "" : String(v))).join("|")));
    const anBinh = text.find((t) => t.includes("UBND xã An Bình"))!;
    expect(anBinh).toMatch(/\|90(\||$)/);
    unchanged();

    // The forms given too (a folder holding everything): each is said and skipped, never ranked as "Sở Nội vụ".
    const all = await par("aggregate", merged, formsDir, "-c", catalog, "-o", join(dir, "xep-hang-ca-phieu.xlsx"));
    expect(all.code).toBe(0);
    expect(all.out).toMatch(/Đã xếp hạng 3 đơn vị/);
    for (const agency of ["Sở Nội vụ", "Sở Tư pháp", "Sở Tài chính"]) {
      expect(all.err).toMatch(new RegExp(`Bỏ qua .*${agency}\\.xlsx: .*phiếu thẩm định của hội đồng`));
    }
  });

  test("aggregate pairs a council's own appraisal workbook with the unit's self-assessment", async () => {
    // As Sở Nội vụ's clerk sends it: letterhead, the unit appraised named by a label, only the appraised column.
    const council = join(dir, "tham-dinh-an-binh.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Thẩm định");
    ws.getCell("A1").value = "UBND TỈNH ĐIỆN BIÊN";
    ws.getCell("A2").value = "SỞ NỘI VỤ";
    ws.mergeCells("A2:C2");
    ws.getCell("A4").value = "KẾT QUẢ THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2025";
    ws.getCell("A5").value = "Đơn vị được thẩm định: UBND xã An Bình";
    ws.getRow(7).values = ["Mã", "Tên tiêu chí", "Điểm tối đa", "Điểm thẩm định", "Ghi chú"];
    let r = 8;
    for (const field of CATALOG.nodes) {
      ws.getRow(r++).values = [field.code, field.name, field.children.reduce((s, c) => s + c.max, 0)];
      for (const leaf of field.children) ws.getRow(r++).values = [leaf.code, leaf.name, leaf.max, leaf.code === "1.1" ? 1.5 : leaf.max, leaf.code === "1.1" ? "Kế hoạch ban hành muộn" : null];
    }
    await wb.xlsx.writeFile(council);
    const councilHash = sha256(council);

    const ranking = join(dir, "xep-hang-ghep.xlsx");
    const a = await par("aggregate", ...files, council, "-c", catalog, "-o", ranking);
    expect(a.code).toBe(0);
    unchanged();
    expect(sha256(council)).toBe(councilHash);
    expect(a.out).toMatch(/Đã xếp hạng 3 đơn vị từ 4 tệp/);
    expect(a.err).toMatch(/Ghép điểm thẩm định với tự chấm của UBND xã An Bình: .*tham-dinh-an-binh\.xlsx \(có điểm thẩm định\) với .*xa-1\.xlsx \(tự chấm\)/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(ranking);
    const rows: string[] = [];
    book.worksheets[0].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).map((v) => (v === null || v === undefined ? "" : String(v))).join("|")));
    const anBinh = rows.filter((t) => t.includes("An Bình"));
    expect(anBinh).toHaveLength(1);
    expect(rows.some((t) => /Sở Nội vụ|SỞ NỘI VỤ/.test(t))).toBe(false);
    // Self 100 (its own workbook), appraised 95 (the council's), ranked by 95.
    expect(anBinh[0]).toMatch(/\|100(\||$)/);
    expect(anBinh[0]).toMatch(/\|95(\||$)/);
  });

  test("second round: a form per unit whose scores changed; merge keeps every round", async () => {
    const copies = readdirSync(merged).map((f) => join(merged, f));
    const before = copies.map(sha256);
    const r = await par("appraise", "forms", "--round", "2", ...copies, "-c", catalog, "-o", forms2);
    expect(r.code).toBe(0);
    // An Bình (1.1) and Bình Minh (1.1, 1.2) had scores cut; Cát Tiên's only differences are unscored cells.
    expect(readdirSync(forms2).sort()).toEqual(["UBND xã An Bình.xlsx", "UBND xã Bình Minh.xlsx"]);
    expect(r.out).toMatch(/UBND xã Cát Tiên: không tiêu chí nào có điểm thẩm định khác điểm tự chấm/);
    const ws = await sheetOf(join(forms2, "UBND xã Bình Minh.xlsx"));
    expect(ws.getCell("A1").value).toBe("Đơn vị được thẩm định: UBND xã Bình Minh");
    expect((ws.getRow(2).values as ExcelJS.CellValue[]).slice(1)).toEqual([
      "Đơn vị",
      "Mã",
      "Tiêu chí",
      "Điểm tối đa",
      "Điểm tự chấm",
      "Điểm thẩm định",
      "Lý do thẩm định",
      "Giải trình của đơn vị",
      "Điểm cuối cùng",
      "Lý do (vòng 2)",
    ]);
    expect([ws.getCell("B3").value, ws.getCell("E3").value, ws.getCell("F3").value, ws.getCell("G3").value]).toEqual(["1.1", 2, 1.5, "Thiếu báo cáo quý IV"]);
    expect(ws.getCell("B4").value).toBe("1.2");
    expect(ws.getCell("I3").dataValidation).toMatchObject({ type: "decimal", formulae: [0, 2] });
    expect(ws.getCell("H3").protection?.locked).toBe(false);
    expect(ws.getCell("F3").protection?.locked).not.toBe(false);

    // The unit explains; the council settles: Bình Minh 1.1 restored to 2 with a reason, 1.2 kept at 0,5.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(forms2, "UBND xã Bình Minh.xlsx"));
    const s = wb.worksheets[0];
    s.getCell("H3").value = "Báo cáo quý IV đã gửi ngày 15/12/2025 (kèm theo)";
    s.getCell("I3").value = 2;
    s.getCell("J3").value = "Đơn vị bổ sung tài liệu";
    s.getCell("H4").value = "Đồng ý";
    s.getCell("I4").value = "0,5";
    await wb.xlsx.writeFile(join(forms2, "UBND xã Bình Minh.xlsx"));
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(join(forms2, "UBND xã An Bình.xlsx"));
    wb2.worksheets[0].getCell("I3").value = 1;
    await wb2.xlsx.writeFile(join(forms2, "UBND xã An Bình.xlsx"));

    const forms2Files = readdirSync(forms2).map((f) => join(forms2, f));
    const forms2Hashes = forms2Files.map(sha256);
    const m = await par("appraise", "merge", "--round", "2", ...copies.slice(0, 2), "--forms", forms2, "-c", catalog, "-o", final, "--json");
    expect(forms2Files.map(sha256)).toEqual(forms2Hashes);
    expect(m.err).toBe("");
    expect(m.code).toBe(0);
    expect(copies.map(sha256)).toEqual(before);
    unchanged();
    const json = JSON.parse(m.out) as { units: { unit: string; findings: unknown[] }[] };
    expect(json.units.map((u) => u.unit)).toEqual(UNITS.slice(0, 2));
    expect(json.units.every((u) => u.findings.length === 0)).toBe(true);

    const out = await sheetOf(join(final, "xa-2.xlsx"));
    const headers = (out.getRow(5).values as ExcelJS.CellValue[]).slice(1);
    for (const h of ["Điểm tự chấm", "Điểm thẩm định", "Lý do thẩm định", "Giải trình của đơn vị", "Điểm cuối cùng", "Lý do (vòng 2)"]) expect(headers).toContain(h);
    expect(columnByCode(out, 5, "Điểm tự chấm").get("1.1")).toBe(2);
    expect(columnByCode(out, 5, "Điểm thẩm định").get("1.1")).toBe(1.5);
    expect(columnByCode(out, 5, "Giải trình của đơn vị").get("1.1")).toBe("Báo cáo quý IV đã gửi ngày 15/12/2025 (kèm theo)");
    const finalScores = columnByCode(out, 5, "Điểm cuối cùng");
    expect(LEAVES.map((c) => finalScores.get(c))).toEqual([2, 0.5, 1.5, 1, 2, 1.5]);
    expect(columnByCode(out, 5, "Lý do (vòng 2)").get("1.1")).toBe("Đơn vị bổ sung tài liệu");
  });
  test("after the second round the final score is official: summary, ranking and the minutes of appraisal", async () => {
    // Bình Minh: round 1 cut 1.1 from 2 to 1,5 (index 80); the council restored it to 2 (index 85).
    const summary = await par("summary", join(final, "xa-2.xlsx"), "-c", catalog, "-o", join(dir, "tong-hop-binh-minh.xlsx"), "--json");
    expect(summary.code).toBe(0);
    const figures = JSON.parse(summary.out) as { index: number; appraisedIndex?: number; finalIndex?: number };
    expect(figures.finalIndex).toBe(85);
    expect(figures.appraisedIndex).toBe(80);

    const ranking = join(dir, "xep-hang-vong-2.xlsx");
    const r = await par("aggregate", final, "-c", catalog, "-o", ranking);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ranking);
    const rows: string[] = [];
    wb.worksheets[0].eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).map((v) => (v === null || v === undefined ? "" : String(v))).join("|")));
    const binhMinh = rows.find((t) => t.includes("UBND xã Bình Minh"))!;
    expect(binhMinh).toMatch(/\|80\|/);
    expect(binhMinh).toMatch(/\|85(\||$)/);
    expect(rows.find((t) => /Điểm cuối cùng/.test(t))).toBeDefined();

    const report = join(dir, "bao-cao.docx");
    const minutes = join(dir, "bien-ban");
    const rep = await par("report", final, "-c", catalog, "-o", report, "--minutes", minutes, "--issuer", "UBND TỈNH ĐIỆN BIÊN/SỞ NỘI VỤ");
    expect(rep.code).toBe(0);
    expect(readdirSync(minutes).sort()).toEqual(["Biên bản thẩm định - UBND xã An Bình.docx", "Biên bản thẩm định - UBND xã Bình Minh.docx"]);
    const xml = await (await JSZip.loadAsync(readFileSync(join(minutes, "Biên bản thẩm định - UBND xã Bình Minh.docx")))).file("word/document.xml")!.async("string");
    const text = xml.replace(/<[^>]+>/g, "");
    for (const said of ["SỞ NỘI VỤ", "UBND TỈNH ĐIỆN BIÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kế hoạch CCHC năm", "Thiếu báo cáo quý IV", "Đơn vị bổ sung tài liệu"]) {
      expect(text).toContain(said);
    }
    unchanged();
  });
});
