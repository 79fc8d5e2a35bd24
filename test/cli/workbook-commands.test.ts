import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { Finding } from "../../src/scoring";
import { convertWithLibreOffice, requireSoffice } from "../support/libreoffice";

jest.setTimeout(180_000);

async function par(...args: string[]) {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

const dir = mkdtempSync(join(tmpdir(), "par-books-"));

type Row = (string | number | null)[];

/**
 * A unit workbook on the province catalogue (dien-bien-2018), field 1 only plus two foreign rows, with planted
 * defects. Columns: A Mã | B Tiêu chí | C Điểm tối đa | D Kết quả | E Điểm tự chấm | F TLKC | G Giải trình.
 */
function provinceRows(): Row[] {
  return [
    ["1", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", 9, null, 8, null, null], // row 5
    ["1.1", "Kế hoạch CCHC", 1.5, null, 1.5, null, null], // 6
    ["1.1.1", "Ban hành kế hoạch CCHC", 0.5, null, 0.5, "Kế hoạch CCHC năm 2018 số 3790/KH-UBND ngày 27/12/2017", null], // 7
    ["1.1.2", "Mức độ hoàn thành kế hoạch CCHC", 1, 1, 1, "Kế hoạch CCHC số 3790/KH-UBND ngày 27/12/2017\nBáo cáo CCHC năm số 250/BC-UBND ngày 05/12/2018", null], // 8
    ["1.2", "Thực hiện chế độ báo cáo định kỳ", 3, null, 3, null, null], // 9  ← planted: no evidence, no note
    ["1.3", "Công tác kiểm tra CCHC", 2, null, 1.5, null, null], // 10 ← planted: sum 1 + "đạt" → skipped; see E12
    ["1.3.1", "Tỷ lệ CQCM được kiểm tra", 1, 0.35, 1, "ftp://noibo/kiem-tra.pdf", null], // 11 ← planted: link not http
    ["1.3.2", "Xử lý các vấn đề phát hiện qua kiểm tra", 1, 1, "đạt", "Báo cáo kết quả xử lý sau kiểm tra số 12/BC-SNV ngày 20/11/2018", null], // 12 ← planted: text score
    ["1.4", "Công tác tuyên truyền CCHC", 1, null, 1, null, null], // 13
    ["1.4.1", "Mức độ hoàn thành kế hoạch tuyên truyền CCHC", 0.5, 1, 0.5, "Kế hoạch tuyên truyền CCHC số 15/KH-STTTT ngày 20/12/2017\nBáo cáo CCHC quý IV số 230/BC-UBND ngày 10/12/2018", null], // 14
    ["1.4.2", "Thực hiện các hình thức tuyên truyền CCHC", 0.5, null, 0.75, "https://dienbien.gov.vn/tuyen-truyen", null], // 15 ← planted: over max
    ["1.5", "Sáng kiến", 1.5, 1, 0, null, null], // 16 ← planted: below max, no note (and rule gives 0 for 1)
    ["9.1", "Tiêu chí không có", 1, null, 1, "x.pdf", null], // 17 ← planted: unknown
    ["1.1.1", "Ban hành kế hoạch CCHC (lặp)", 0.5, null, 0.5, "y.pdf", null], // 18 ← planted: duplicate
  ];
}

async function writeUnitBook(file: string, unit: string, rows: Row[], catalogRef: string | null = "dien-bien-2018") {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  ws.addRow(["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN"]);
  ws.addRow([`Đơn vị: ${unit}`]);
  ws.addRow([catalogRef ? `Bộ tiêu chí: ${catalogRef}` : "BẢNG TỰ CHẤM ĐIỂM"]);
  ws.addRow(["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình"]);
  for (const r of rows) ws.addRow(r);
  ws.getCell("A1").font = { bold: true };
  await wb.xlsx.writeFile(file);
}

const book = join(dir, "ubnd-tinh.xlsx");

beforeAll(async () => {
  await writeUnitBook(book, "UBND tỉnh Điện Biên", provinceRows());
});

describe("par validate", () => {
  test("finds each planted defect at its cell, exit 1, input unchanged", async () => {
    const before = sha(book);
    const r = await par("validate", book, "--json");
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out) as Finding[];
    const at = (kind: string, cell: string) => findings.find((f) => f.kind === kind && f.cell === cell);
    expect(at("missing-evidence", "F9")).toMatchObject({ severity: "error", code: "1.2", sheet: "Tự đánh giá" });
    expect(at("missing-explanation", "G9")).toBeDefined();
    expect(at("evidence-invalid", "F11")).toMatchObject({ code: "1.3.1" });
    expect(at("score-invalid", "E12")).toMatchObject({ code: "1.3.2" });
    expect(at("score-over-max", "E15")).toMatchObject({ code: "1.4.2" });
    expect(at("missing-explanation", "G16")).toMatchObject({ code: "1.5" });
    expect(at("unknown-criterion", "A17")).toMatchObject({ code: "9.1" });
    expect(at("duplicate-criterion", "A18")).toMatchObject({ code: "1.1.1" });
    expect(at("missing-criterion", "A17")).toMatchObject({ code: "2" });
    for (const f of findings) expect(Object.keys(f).sort()).toEqual(["cell", "code", "kind", "message", "severity", "sheet"]);
    expect(sha(book)).toBe(before);
  });

  test("human-readable report names the catalogue and how it was chosen", async () => {
    const r = await par("validate", book);
    expect(r.code).toBe(1);
    expect(r.out).toContain("Bộ tiêu chí: dien-bien-2018");
    expect(r.out).toContain('ghi ở tiêu đề trang "Tự đánh giá"');
    expect(r.out).toContain("đơn vị: UBND tỉnh Điện Biên");
    expect(r.out).toMatch(/Tự đánh giá!F9 {2}1\.2 {2}Tiêu chí 1\.2 được chấm 3,00 điểm nhưng không có tài liệu kiểm chứng/);
  });

  test("without a catalogue named, a sheet of field 1 only fits no built-in catalogue both ways: refused, with the figures", async () => {
    const file = join(dir, "khong-ghi.xlsx");
    await writeUnitBook(file, "Sở A", provinceRows(), null);
    const r = await par("validate", file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Không chọn được bộ tiêu chí .*dien-bien-2018 \d+\/\d+ — \d+\/\d+/);
    expect((await par("validate", file, "--catalog", "dien-bien-2018")).out).toContain("Bộ tiêu chí: dien-bien-2018");
  });

  test("a clean workbook exits 0 (catalogue from a JSON file)", async () => {
    const catalogFile = join(dir, "mot-tieu-chi.json");
    writeFileSync(
      catalogFile,
      JSON.stringify({
        id: "mot",
        name: "Một tiêu chí",
        nodes: [{ code: "1", name: "Lĩnh vực", children: [{ code: "1.1", name: "Ban hành kế hoạch", max: 0.5, rule: "có: 0,5; không: 0" }] }],
      }),
    );
    const file = join(dir, "sach.xlsx");
    await writeUnitBook(file, "Sở B", [
      ["1", "Lĩnh vực", 0.5, null, 0.5, null, null],
      ["1.1", "Ban hành kế hoạch", 0.5, "có", 0.5, "Kế hoạch số 1/KH-SB ngày 20/12/2017", null],
    ]);
    const r = await par("validate", file, "--catalog", catalogFile);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Không phát hiện lỗi nào.");
    expect(r.out).toContain("Bộ tiêu chí: mot — Một tiêu chí (chọn bằng --catalog)");
  });

  test("--sheet picks a sheet; an unknown one is exit 2 with the sheets listed", async () => {
    expect((await par("validate", book, "--sheet", "Tự đánh giá", "--json")).code).toBe(1);
    const r = await par("validate", book, "--sheet", "Không có");
    expect(r.code).toBe(2);
    expect(r.err).toContain('"Tự đánh giá"');
  });

  test("unusable files: exit 2, a Vietnamese message, no stack trace", async () => {
    const broken = join(dir, "hong.xlsx");
    writeFileSync(broken, "đây không phải là tệp Excel");
    for (const args of [["validate", broken], ["validate", join(dir, "khong-ton-tai.xlsx")], ["validate", book, "--catalog", "khong-co"]]) {
      const r = await par(...args);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/^Lỗi: /);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
  });

  test("a workbook with no self-assessment table", async () => {
    const file = join(dir, "trong.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sheet1").addRow(["Xin chào"]);
    await wb.xlsx.writeFile(file);
    const r = await par("validate", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không tìm thấy bảng tự chấm điểm");
  });
});

describe("par summary", () => {
  test("writes summary and plan sheets to a copy and an HTML report; the input is untouched", async () => {
    const before = sha(book);
    const out = join(dir, "tong-hop.xlsx");
    const r = await par("summary", book, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Chỉ số CCHC:");
    expect(sha(book)).toBe(before);
    const data = await readWorkbook(out);
    const names = data.grids.map((g) => g.name);
    expect(names).toEqual(expect.arrayContaining(["Tự đánh giá", "Tổng hợp", "Kế hoạch cải thiện"]));
    const original = data.grids.find((g) => g.name === "Tự đánh giá")!;
    expect(original.values[11][4]).toBe("đạt");
    const plan = data.grids.find((g) => g.name === "Kế hoạch cải thiện")!;
    expect(JSON.stringify(plan.values)).toContain("1.5");
    expect(existsSync(out.replace(/\.xlsx$/, ".html"))).toBe(true);
    expect(readFileSync(out.replace(/\.xlsx$/, ".html"), "utf8")).toContain("<svg");
  });

  test("running it twice gives the same sheets (generated sheets are replaced, not duplicated)", async () => {
    const out1 = join(dir, "lan1.xlsx");
    const out2 = join(dir, "lan2.xlsx");
    await par("summary", book, "-o", out1);
    await par("summary", out1, "-o", out2);
    const names = (await readWorkbook(out2)).grids.map((g) => g.name);
    expect(names.filter((n) => n.startsWith("Tổng hợp"))).toEqual(["Tổng hợp"]);
  });

  test("refuses to overwrite its input", async () => {
    const r = await par("summary", book, "-o", book);
    expect(r.code).toBe(2);
  });

  test("the outputs open in LibreOffice", async () => {
    requireSoffice();
    const out = join(dir, "tong-hop.xlsx");
    const pdfDir = join(dir, "pdf");
    mkdirSync(pdfDir, { recursive: true });
    const result = convertWithLibreOffice(out, pdfDir);
    expect(result.ok).toBe(true);
  });
});

describe("par aggregate", () => {
  test("ranks many workbooks in groups, skips a broken one, writes ranking and summaries", async () => {
    const so = join(dir, "agg", "so");
    const huyen = join(dir, "agg", "huyen");
    mkdirSync(so, { recursive: true });
    mkdirSync(huyen, { recursive: true });
    const full = provinceRows().slice(0, 12).map((r) => [...r]);
    await writeUnitBook(join(so, "a.xlsx"), "Sở A", full);
    await writeUnitBook(join(so, "b.xlsx"), "Sở B", full);
    await writeUnitBook(join(huyen, "c.xlsx"), "Huyện C", full);
    writeFileSync(join(huyen, "hong.xlsx"), "rác");
    const out = join(dir, "agg", "xep-hang.xlsx");
    const r = await par("aggregate", so, huyen, "-o", out, "--groups", `${so}=Sở, ban, ngành`, `${huyen}=UBND cấp huyện`);
    expect(r.code).toBe(0);
    expect(r.err).toContain("hong.xlsx");
    expect(r.out).toContain("Đã xếp hạng 3 đơn vị");
    const data = await readWorkbook(out);
    const ranking = data.grids.find((g) => g.name === "Xếp hạng")!;
    const text = JSON.stringify(ranking.values);
    expect(text).toContain("Sở, ban, ngành");
    expect(text).toContain("UBND cấp huyện");
    expect(data.grids.map((g) => g.name)).toEqual(expect.arrayContaining(["Sở A", "Sở B", "Huyện C", "Tệp lỗi"]));
    requireSoffice();
    const pdfDir = join(dir, "agg", "pdf");
    mkdirSync(pdfDir, { recursive: true });
    expect(convertWithLibreOffice(out, pdfDir).ok).toBe(true);
  });

  test("nothing usable: exit 2", async () => {
    const empty = join(dir, "rong");
    mkdirSync(empty, { recursive: true });
    writeFileSync(join(empty, "x.xlsx"), "rác");
    const r = await par("aggregate", empty, "-o", join(dir, "rong.xlsx"));
    expect(r.code).toBe(2);
  });
});

describe("a workbook that carries its own catalogue sheet", () => {
  test("is validated against that sheet (a province that changed a maximum for its year)", async () => {
    const { builtinCatalog, catalogToSheet } = await import("../../src/scoring");
    const { addSheet } = await import("../../src/cli/xlsx/write");
    const base = builtinCatalog("dien-bien-2018");
    const adapted = structuredClone(base);
    adapted.id = "dien-bien-2019";
    adapted.name = "Bộ tiêu chí điều chỉnh 2019";
    adapted.nodes[0].children[0].children[0].max = 1; // 1.1.1: 0,5 → 1
    adapted.nodes[0].children[0].children[1].max = 0.5; // 1.1.2: 1 → 0,5 (1.1 still sums to 1,5)
    const file = join(dir, "co-bo-tieu-chi.xlsx");
    await writeUnitBook(file, "Sở C", provinceRows(), null);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    addSheet(wb, catalogToSheet(adapted as never));
    await wb.xlsx.writeFile(file);

    const r = await par("validate", file);
    expect(r.out).toContain('Bộ tiêu chí: dien-bien-2019 — Bộ tiêu chí điều chỉnh 2019 (trang bộ tiêu chí "Bộ tiêu chí" trong sổ tính)');
    const json = JSON.parse((await par("validate", file, "--json")).out) as Finding[];
    // The sheet says 0,5 for 1.1.1 and 1 for 1.1.2: both now differ from the workbook's own catalogue.
    expect(json.filter((f) => f.kind === "score-mismatch" && f.cell.startsWith("C")).map((f) => f.code)).toEqual(["1.1.1", "1.1.2"]);
  });
});

describe("par catalog export", () => {
  test("writes the catalogue as a sheet that validates back as the workbook's catalogue", async () => {
    const out = join(dir, "bo-tieu-chi.xlsx");
    const r = await par("catalog", "export", "dien-bien-2018", "-o", out);
    expect(r.code).toBe(0);
    const data = await readWorkbook(out);
    expect(data.grids[0].name).toBe("Bộ tiêu chí");
    const { readCatalogSheet } = await import("../../src/scoring");
    const back = readCatalogSheet(data.grids[0]);
    expect(back.catalog?.id).toBe("dien-bien-2018");
  });
});
