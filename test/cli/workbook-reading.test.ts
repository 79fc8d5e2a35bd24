/**
 * Reading a workbook as a whole (issue 17, "Sheets and units" and "Choosing the catalogue"): hidden sheets, several
 * unit sheets, the unit's name and year, the catalogue chosen by fit both ways, a minimal .xlsx without r=, and the
 * reading ledger printed by `par validate --reading`. Every workbook is written as raw XML, as exporters write them.
 */
import { join } from "node:path";
import { builtinCatalog, leaves, walk } from "../../src/scoring";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { par, tempDir } from "../support/par";
import { RawCell, RawSheet, writeRawXlsx } from "../support/raw-xlsx";

jest.setTimeout(120_000);

const dir = tempDir("par-reading-");
const catalog = builtinCatalog("dien-bien-2018");
const nodes = walk(catalog.nodes);

/** A unit sheet over dien-bien-2018: every criterion, each leaf scored `share` of its maximum. */
function unitRows(titles: string[], share: number, only?: string[]): RawCell[][] {
  const rows: RawCell[][] = titles.map((t) => [t]);
  rows.push(["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"]);
  for (const node of nodes) {
    if (only && !only.includes(node.code)) continue;
    const leaf = node.children.length === 0;
    const max = node.max ?? 0;
    rows.push([node.code, node.name, max, leaf ? Math.round(max * share * 100) / 100 : null, leaf ? `Báo cáo số ${node.code.replace(/\./g, "")}/BC ngày 01/12/2018` : null]);
  }
  return rows;
}

const sheet = (name: string, rows: RawCell[][], state?: RawSheet["state"]): RawSheet => ({ name, rows, ...(state ? { state } : {}) });

async function book(name: string, sheets: RawSheet[], refs = true): Promise<string> {
  const file = join(dir, name);
  await writeRawXlsx(file, sheets, { refs });
  return file;
}

const out = (name: string) => join(dir, `${name}-${Math.random().toString(36).slice(2)}.xlsx`);
const indexOf = (text: string) => Number(/Chỉ số CCHC: (\d+(?:,\d+)?)/.exec(text)?.[1].replace(",", "."));

describe("hidden sheets are not units unless --include-hidden", () => {
  test("a hidden copy of last year's sheet with every maximum does not rank first; --include-hidden reads it, and the same unit twice is an error naming both places", async () => {
    const a = await book("so-a.xlsx", [
      sheet("Tự đánh giá", unitRows(["Đơn vị: Sở A", "BẢNG TỰ ĐÁNH GIÁ NĂM 2018"], 0.6)),
      sheet("Bản cũ", unitRows(["Đơn vị: Sở A", "BẢNG TỰ ĐÁNH GIÁ NĂM 2018"], 1), "hidden"),
    ]);
    const b = await book("so-b.xlsx", [sheet("Tự đánh giá", unitRows(["Đơn vị: Sở B", "BẢNG TỰ ĐÁNH GIÁ NĂM 2018"], 0.8))]);
    const ranked = await par("aggregate", a, b, "-o", out("rank"));
    expect(ranked.code).toBe(0);
    expect(ranked.out).toMatch(/Đã xếp hạng 2 đơn vị từ 2 tệp/);
    const data = await readWorkbook(ranked.out.match(/Đã ghi: (\S+\.xlsx)/)![1]);
    const table = data.grids[0].values.map((r) => (r ?? []).join(" | ")).join("\n");
    expect(table.indexOf("Sở B")).toBeLessThan(table.indexOf("Sở A"));
    expect(table).not.toMatch(/100,00|\b100\b/);

    const both = await par("aggregate", a, b, "-o", out("rank-hidden"), "--include-hidden");
    expect(both.code).toBe(2);
    expect(both.err).toContain('Đơn vị "Sở A"');
    expect(both.err).toContain('"Tự đánh giá"');
    expect(both.err).toContain('"Bản cũ"');
  });

  test('a hidden "Năm 2024" in front of the visible "Năm 2025" is not the one summarised; the ledger lists it', async () => {
    const file = await book("nam.xlsx", [
      sheet("Năm 2024", unitRows(["Đơn vị: Sở C"], 1), "hidden"),
      sheet("Năm 2025", unitRows(["Đơn vị: Sở C"], 0.5), "visible"),
    ]);
    const summary = await par("summary", file, "-o", out("nam"), "--catalog", "dien-bien-2018");
    expect(summary.code).toBe(0);
    expect(summary.out).toContain('(trang "Năm 2025")');
    expect(indexOf(summary.out)).toBeLessThan(60);
    const reading = await par("validate", file, "--catalog", "dien-bien-2018", "--reading");
    expect(reading.out).toMatch(/Năm 2024\s+trang ẩn: không đọc\s+ẩn; có bảng tự đánh giá; chỉ đọc khi thêm --include-hidden/);
    expect(reading.out).toMatch(/Năm 2025\s+bảng tự đánh giá của đơn vị/);
  });

  test("a workbook whose only unit table is hidden: the refusal names the hidden sheet and --include-hidden", async () => {
    const file = await book("only-hidden.xlsx", [sheet("Bìa", [["BÁO CÁO"]]), sheet("Ẩn", unitRows(["Đơn vị: Sở D"], 0.5), "veryHidden")]);
    const r = await par("validate", file, "--catalog", "dien-bien-2018");
    expect(r.code).toBe(2);
    expect(r.err).toContain('"Ẩn"');
    expect(r.err).toContain("--include-hidden");
    expect((await par("validate", file, "--catalog", "dien-bien-2018", "--include-hidden")).code).not.toBe(2);
  });
});

describe("a council's form kept in a unit's workbook", () => {
  test("the form sheet (many units' rows) is named in the ledger, never read as a second unit; the unit is summarised alone", async () => {
    const form: RawCell[][] = [
      ["Cơ quan thẩm định: Sở Nội vụ"],
      ["Đơn vị", "Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình", "Điểm thẩm định", "Lý do"],
      ["Sở C", "1.1.1", "Kế hoạch CCHC", 0.5, 0.5, "KH 1", "", 0.25, "Thiếu nội dung"],
      ["Sở D", "1.1.1", "Kế hoạch CCHC", 0.5, 0.5, "KH 2", "", 0.5, ""],
    ];
    const file = await book("kem-phieu.xlsx", [sheet("Tự chấm", unitRows(["Đơn vị: Sở C"], 1)), sheet("Phiếu thẩm định", form)]);
    const summary = await par("summary", file, "-o", out("kem-phieu"), "--catalog", "dien-bien-2018");
    expect(summary.code).toBe(0);
    expect(summary.out).toContain('(trang "Tự chấm")');
    const reading = await par("validate", file, "--catalog", "dien-bien-2018", "--reading");
    expect(reading.out).toMatch(/Phiếu thẩm định\s+phiếu thẩm định của hội đồng \(gộp bằng par appraise merge, không chấm như một đơn vị\)/);
  });
});

describe("several unit sheets", () => {
  const three = () =>
    book("ba-xa.xlsx", [
      sheet("Xã Thanh Minh", unitRows([], 0.9)),
      sheet("Xã Tà Lèng", unitRows([], 0.7)),
      sheet("Xã Mường Phăng", unitRows([], 0.5)),
    ]);

  test("summary refuses with the list of unit sheets unless --sheet; units named only by their tab are named after it", async () => {
    const file = await three();
    const refused = await par("summary", file, "-o", out("ba"), "--catalog", "dien-bien-2018");
    expect(refused.code).toBe(2);
    for (const s of ["Xã Thanh Minh", "Xã Tà Lèng", "Xã Mường Phăng"]) expect(refused.err).toContain(`"${s}"`);
    expect(refused.err).toContain("--sheet");
    const one = await par("summary", file, "-o", out("ba1"), "--catalog", "dien-bien-2018", "--sheet", "Xã Tà Lèng", "--json");
    expect(one.code).toBe(0);
    expect(JSON.parse(one.out)).toMatchObject({ unit: "Xã Tà Lèng", sheet: "Xã Tà Lèng" });
  });

  test("aggregate ranks each sheet, and the ranking's file column names the sheet", async () => {
    const file = await three();
    const ranked = await par("aggregate", file, "-o", out("ba-rank"), "--catalog", "dien-bien-2018");
    expect(ranked.code).toBe(0);
    expect(ranked.out).toMatch(/3 đơn vị từ 1 tệp/);
    const data = await readWorkbook(ranked.out.match(/Đã ghi: (\S+\.xlsx)/)![1]);
    const cells = data.grids[0].values.flat().map(String);
    expect(cells).toContain("Xã Thanh Minh");
    expect(cells.some((c) => c.includes("ba-xa.xlsx") && c.includes('"Xã Mường Phăng"'))).toBe(true);
  });
});

describe("the unit's name", () => {
  test("a label wins over the letterhead; a name in capitals is shown in its usual case", async () => {
    const labelled = await book("nhan.xlsx", [sheet("TĐG", unitRows(["UBND TỈNH ĐIỆN BIÊN", "SỞ NỘI VỤ", "Đơn vị được thẩm định: Sở Tư pháp"], 0.5))]);
    const a = await par("summary", labelled, "-o", out("nhan"), "--catalog", "dien-bien-2018", "--json");
    expect(JSON.parse(a.out).unit).toBe("Sở Tư pháp");
    const capitals = await book("hoa.xlsx", [sheet("TĐG", unitRows(["UBND TỈNH ĐIỆN BIÊN", "SỞ Y TẾ"], 0.5))]);
    const b = await par("summary", capitals, "-o", out("hoa"), "--catalog", "dien-bien-2018", "--json");
    expect(JSON.parse(b.out).unit).toBe("Sở Y tế");
    const district = await book("huyen.xlsx", [sheet("TĐG", unitRows(["Tên đơn vị: UBND HUYỆN ĐIỆN BIÊN ĐÔNG"], 0.5))]);
    const c = await par("summary", district, "-o", out("huyen"), "--catalog", "dien-bien-2018", "--json");
    expect(JSON.parse(c.out).unit).toBe("UBND huyện Điện Biên Đông");
  });
});

describe("the assessment year", () => {
  test("read from the title, used by summary and par report; --year overrides; different years in one ranking are a warning", async () => {
    const y2018 = await book("y2018.xlsx", [sheet("TĐG", unitRows(["Đơn vị: Sở E", "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2018"], 0.5))]);
    const y2019 = await book("y2019.xlsx", [sheet("TĐG", unitRows(["Đơn vị: Sở F", "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2019"], 0.5))]);
    const s = await par("summary", y2018, "-o", out("y"), "--catalog", "dien-bien-2018", "--json");
    expect(JSON.parse(s.out).year).toBe(2018);
    const over = await par("summary", y2018, "-o", out("y2"), "--catalog", "dien-bien-2018", "--json", "--year", "2020");
    expect(JSON.parse(over.out).year).toBe(2020);
    const report = await par("report", y2018, "-o", join(dir, "bao-cao.docx"));
    expect(report.code).toBe(0);
    expect(report.out).toContain("năm 2018");
    const mixed = await par("aggregate", y2018, y2019, "-o", out("mixed"), "--catalog", "dien-bien-2018");
    expect(mixed.code).toBe(0);
    expect(mixed.err).toContain("năm đánh giá khác nhau (2018, 2019)");
  });
});

describe("choosing the catalogue", () => {
  const commune = () => book("xa-15.xlsx", [sheet("Tự đánh giá", unitRows(["Đơn vị: UBND xã Nà Tấu"], 0.9, leaves(catalog).slice(0, 15).map((n) => n.code)))]);

  test("a sheet with 15 of the catalogue's criteria is refused, with every candidate's figures both ways", async () => {
    const r = await par("validate", await commune());
    expect(r.code).toBe(2);
    expect(r.err).toContain("Không chọn được bộ tiêu chí");
    expect(r.err).toMatch(/dien-bien-2018 15\/15 — 15\/\d+/);
    expect(r.err).toContain("--catalog");
  });

  test("--catalog always wins", async () => {
    const r = await par("validate", await commune(), "--catalog", "dien-bien-2018");
    expect(r.code).not.toBe(2);
    expect(r.out).toContain("chọn bằng --catalog");
  });

  test("a full sheet is matched and said with both figures", async () => {
    const file = await book("full.xlsx", [sheet("TĐG", unitRows(["Đơn vị: Sở G"], 0.5))]);
    const r = await par("validate", file);
    expect(r.out).toMatch(/dien-bien-2018 .*\d+\/\d+ mã của bảng có trong bộ, \d+\/\d+ tiêu chí thành phần của bộ có trên bảng/);
  });
});

describe("a minimal .xlsx without r= attributes", () => {
  test("works in validate, summary and aggregate alike", async () => {
    const file = await book("no-r.xlsx", [sheet("TĐG", unitRows(["Đơn vị: Sở H"], 0.5))], false);
    const v = await par("validate", file, "--catalog", "dien-bien-2018", "--json");
    expect(v.code).not.toBe(2);
    const s = await par("summary", file, "-o", out("nor"), "--catalog", "dien-bien-2018");
    expect(s.err).toBe("");
    expect(s.code).toBe(0);
    const a = await par("aggregate", file, "-o", out("nor-rank"), "--catalog", "dien-bien-2018");
    expect(a.code).toBe(0);
    expect(indexOf(s.out)).toBeGreaterThan(40);
  });
});

describe("the reading ledger", () => {
  test("--json keeps the findings array; --json --reading adds the ledger beside it", async () => {
    const file = await book("ledger.xlsx", [
      sheet("Hướng dẫn", [["Hướng dẫn chấm điểm"], ["Nhập điểm vào cột D"]]),
      sheet("TĐG", unitRows(["Đơn vị: Sở K"], 0.5)),
      sheet("Tài liệu kiểm chứng", [["Danh mục tài liệu kiểm chứng"], ["1.1.1", "Kế hoạch số 12"]]),
      sheet("Ghi chép", [["abc", 12]]),
      sheet("Trống", []),
    ]);
    const plain = await par("validate", file, "--catalog", "dien-bien-2018", "--json");
    expect(Array.isArray(JSON.parse(plain.out))).toBe(true);
    const both = JSON.parse((await par("validate", file, "--catalog", "dien-bien-2018", "--json", "--reading")).out);
    expect(Array.isArray(both.findings)).toBe(true);
    expect(both.findings).toEqual(JSON.parse(plain.out));
    expect(both.reading.sheets.map((s: { sheet: string; readAs: string }) => `${s.sheet}:${s.readAs}`)).toEqual([
      "Hướng dẫn:instructions",
      "TĐG:unit",
      "Tài liệu kiểm chứng:appendix",
      "Ghi chép:not-understood",
      "Trống:empty",
    ]);
    expect(both.reading.units).toHaveLength(1);
    expect(both.reading.units[0]).toMatchObject({ sheet: "TĐG", unit: "Sở K" });
    const codes = both.reading.units[0].rows.filter((r: { readAs: string }) => r.readAs === "criterion").map((r: { code: string }) => r.code);
    expect(codes).toEqual(nodes.map((n) => n.code));
  });

  test("the summary workbook holds a sheet \"Cách đọc\" (English: \"Reading\")", async () => {
    const file = await book("cach-doc.xlsx", [sheet("TĐG", unitRows(["Đơn vị: Sở L"], 0.5))]);
    const o = out("cach-doc");
    expect((await par("summary", file, "-o", o, "--catalog", "dien-bien-2018")).code).toBe(0);
    const data = await readWorkbook(o);
    const reading = data.grids.find((g) => g.name === "Cách đọc");
    expect(reading?.values.flat()).toContain("bảng tự đánh giá của đơn vị");
    const en = out("reading-en");
    expect((await par("summary", file, "-o", en, "--catalog", "dien-bien-2018", "--lang", "en")).code).toBe(0);
    expect((await readWorkbook(en)).grids.some((g) => g.name === "Reading")).toBe(true);
  });
});
