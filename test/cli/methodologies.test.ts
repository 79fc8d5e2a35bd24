/**
 * The command line on real methodologies: rules as they are worded, a province's table imported, the survey part,
 * bonus and penalty sections, the figures as JSON, class bands per catalogue.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { parseCatalogJson, walk } from "../../src/scoring";
import { par, SAMPLES, tempDir } from "../support/par";

jest.setTimeout(120_000);

const dir = tempDir("par-methods-");

/** A province's table as its decision publishes it (Hà Nam 2023 layout), with one formula the import must not guess. */
async function writeTable(file: string, extra: (string | number | null)[][] = []): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Phụ lục I");
  ws.addRow(["BỘ TIÊU CHÍ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN NĂM 2023"]);
  ws.addRow(["(Kèm theo Quyết định số 123/QĐ-UBND ngày 15/01/2023)"]);
  ws.addRow(["STT", "Nội dung tiêu chí", "Điểm tối đa"]);
  const rows: (string | number | null)[][] = [
    [1, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 3],
    ["1.1", "Ban hành kế hoạch CCHC năm", 1],
    [null, "Ban hành kịp thời: 1"],
    [null, "Ban hành không kịp thời: 0,5"],
    [null, "Không ban hành: 0"],
    ["1.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 2],
    [null, "Giải quyết đúng hạn 100% hồ sơ: điểm tối đa"],
    [null, "Giải quyết đúng hạn từ 95% đến dưới 100% hồ sơ: 1"],
    [null, "Dưới 95%: 0"],
    [2, "ĐIỀU TRA XÃ HỘI HỌC", 2],
    ["2.1", "Mức độ hài lòng", 2],
    [null, "Điểm = tỷ lệ % hài lòng × điểm tối đa"],
    [3, "ĐIỂM THƯỞNG", 1],
    ["3.1", "Sáng kiến được công nhận", 1],
    ...extra,
  ];
  rows.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(file);
}

describe("par score and explain take the rules as methodologies word them", () => {
  const outcomes = '"Ban hành kịp thời": 1; "Ban hành không kịp thời": 0,5; "Không ban hành": 0';

  test.each([
    [outcomes, "ban hanh khong kip thoi", [], "0.5"],
    ["trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0", "90%", [], "1"],
    ['"Hoàn thành xuất sắc": điểm tối đa; "Hoàn thành tốt": 75% điểm; "Hoàn thành": 50% điểm', "Hoàn thành tốt", ["-m", "2"], "1.5"],
    ["*: 1 - 0,25*x", "6", [], "0"],
  ])("%s with %s", async (rule, value, extra, expected) => {
    const r = await par("score", "--rule", rule, "--value", value, ...extra);
    expect([r.code, r.out.trim(), r.err]).toEqual([0, expected, ""]);
  });

  test("a value that is not an outcome is an error listing them (exit 2), in English too", async () => {
    const r = await par("score", "--rule", outcomes, "--value", "Ban hành chậm");
    expect(r.code).toBe(2);
    expect(r.err).toContain('Chọn một trong: "Ban hành kịp thời", "Ban hành không kịp thời", "Không ban hành"');
    const en = await par("score", "--rule", outcomes, "--value", "Ban hành chậm", "--lang", "en");
    expect(en.err).toMatch(/is not an outcome of the rule\. Pick one of/);
  });

  test("explain names the outcome that matched", async () => {
    const r = await par("explain", "--rule", outcomes, "--value", "Không ban hành");
    expect(r.out.trim()).toBe('Giá trị Không ban hành khớp mức 3 ("Không ban hành": 0) → 0,00 điểm (quy tắc chọn kết quả)');
  });
});

describe("par catalog import", () => {
  test("writes the catalogue JSON and reports each wording it did not turn into a rule, with its cell", async () => {
    const table = join(dir, "qd-123.xlsx");
    await writeTable(table);
    const out = join(dir, "ha-nam-2023.json");
    const r = await par("catalog", "import", table, "-o", out);
    expect(r.code).toBe(0);
    const catalog = parseCatalogJson(readFileSync(out, "utf8"), out);
    expect(catalog.id).toBe("ha-nam-2023");
    const node = (code: string) => walk(catalog.nodes).find((n) => n.code === code)!;
    expect(node("1.1").rule).toBe('"Ban hành kịp thời": 1; "Ban hành không kịp thời": 0,5; "Không ban hành": 0');
    expect(node("1.2").rule).toBe("100%: điểm tối đa; 95%..<100%: 1; <95%: 0");
    expect(node("2").assessedBy).toBe("survey");
    expect(node("3").kind).toBe("bonus");
    expect(node("2.1").rule).toBeNull();
    expect(r.out).toContain('Bảng tiêu chí: trang "Phụ lục I"');
    expect(r.out).toContain("2 tiêu chí có quy tắc chấm điểm lấy từ lời văn");
    expect(r.out).toContain("Phụ lục I!A13  2 «ĐIỀU TRA XÃ HỘI HỌC»: chấm bằng điều tra xã hội học");
    expect(r.out).toContain('Phụ lục I!B15  2.1  "Điểm = tỷ lệ % hài lòng × điểm tối đa" — không thấy số điểm');
    expect(r.out).toContain(`Đã ghi: ${out}`);
  });

  test("a parent's max that disagrees with its children's sum stops the import at that cell; nothing is written", async () => {
    const table = join(dir, "sai-tong.xlsx");
    await writeTable(table, [[4, "CẢI CÁCH TTHC", 5], ["4.1", "Công khai TTHC", 1], ["4.2", "Giải quyết TTHC", 1]]);
    const out = join(dir, "sai-tong.json");
    const r = await par("catalog", "import", table, "-o", out, "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Errors \(no catalogue written; correct the table and run again\):\n {2}Phụ lục I!C18 {2}4 /);
    expect(existsSync(out)).toBe(false);
  });

  test("--catalog takes the table itself, through the same reading", async () => {
    const table = join(dir, "qd-123b.xlsx");
    await writeTable(table);
    const r = await par("score", "--rule", "1.2", "--value", "97%", "--catalog", table);
    expect([r.code, r.out.trim()]).toEqual([0, "1"]);
    const full = await par("score", "--rule", "1.2", "--value", "100%", "--catalog", table);
    expect(full.out.trim()).toBe("2");
  });

  test("--catalog TABLE.xlsx in validate, summary and aggregate prints the import report on stderr, in both languages", async () => {
    const table = join(dir, "qd-123c.xlsx");
    await writeTable(table);
    const unit = join(dir, "don-vi.xlsx");
    expect((await par("template", "--catalog", table, "--unit", "UBND huyện Thử", "-o", unit)).code).toBe(0);
    // Self scores for 1.1 and 1.2 (column "Điểm tự chấm"), so that summary and aggregate have something to score.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(unit);
    wb.worksheets[0].eachRow((row) => {
      if (row.getCell(1).value === "1.1" || row.getCell(1).value === "1.2") row.getCell(5).value = 0.5;
    });
    await wb.xlsx.writeFile(unit);
    const v = await par("validate", unit, "--catalog", table, "--json");
    expect(v.code).not.toBe(2);
    // stdout stays the JSON it was; the report is on stderr, with each wording left as it was and its cell.
    expect(Array.isArray(JSON.parse(v.out))).toBe(true);
    expect(v.out).not.toContain("Bảng tiêu chí");
    expect(v.err).toContain('Bảng tiêu chí: trang "Phụ lục I" của');
    expect(v.err).toContain("Lời văn chưa chuyển thành quy tắc (1 dòng;");
    expect(v.err).toContain('Phụ lục I!B15  2.1  "Điểm = tỷ lệ % hài lòng × điểm tối đa" — không thấy số điểm');
    const s = await par("summary", unit, "--catalog", table, "-o", join(dir, "tong-hop-bang.xlsx"), "--lang", "en");
    expect(s.code).toBe(0);
    expect(s.err).toContain('Criteria table: sheet "Phụ lục I" of');
    expect(s.err).toContain("Wording not turned into a rule (1 line;");
    expect(s.err).toContain('Phụ lục I!B15  2.1  "Điểm = tỷ lệ % hài lòng × điểm tối đa"');
    expect(s.out).not.toContain("Criteria table");
    const a = await par("aggregate", unit, "--catalog", table, "-o", join(dir, "xep-hang-bang.xlsx"));
    expect(a.code).toBe(0);
    // Once, not once per worker thread.
    expect(a.err.split('Bảng tiêu chí: trang "Phụ lục I"').length - 1).toBe(1);
    expect(a.err).toContain("Phụ lục I!B15  2.1");
    // A built-in catalogue or a JSON file prints no import report.
    const plain = await par("validate", join(SAMPLES, "so", "so-tu-phap.xlsx"), "--catalog", "dien-bien-2018");
    expect(plain.err).not.toContain("Bảng tiêu chí");
  });

  test("an output that is not .json, or a bad --id, is refused before anything is read", async () => {
    expect((await par("catalog", "import", "x.xlsx", "-o", join(dir, "x.txt"))).code).toBe(2);
    const bad = await par("catalog", "import", "x.xlsx", "-o", join(dir, "x.json"), "--id", "Bộ tiêu chí");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("không hợp lệ");
  });
});

describe("summary and ranking on a national-style catalogue (samples/quoc-gia)", () => {
  const tuaChua = join(SAMPLES, "quoc-gia", "huyen-tua-chua-2026.xlsx");

  test("par summary --json prints the figures: unit, catalogue, index, band, self, survey, bonus, penalty, total, per field", async () => {
    const r = await par("summary", tuaChua, "-o", join(dir, "tong-hop.xlsx"), "--json");
    expect(r.code).toBe(0);
    const figures = JSON.parse(r.out);
    expect(figures).toMatchObject({
      unit: "UBND huyện Tủa Chùa",
      catalogId: "mau-huyen-2026",
      index: 86.75,
      band: "Tốt",
      self: 55.5,
      appraised: null,
      survey: 29.75,
      bonus: 2,
      penalty: 0.5,
      total: 86.75,
      applicableMax: 100,
    });
    expect(figures.fields.map((f: { code: string; kind: string; total: number }) => [f.code, f.kind, f.total])).toEqual([
      ["1", "base", 11.5],
      ["2", "base", 14],
      ["3", "base", 13],
      ["4", "base", 17],
      ["5", "base", 29.75],
      ["6", "bonus", 2],
      ["7", "penalty", -0.5],
    ]);
    expect(Object.keys(figures.fields[0])).toEqual(["code", "name", "kind", "index", "self", "appraised", "survey", "bonus", "penalty", "total", "applicableMax", "max"]);
  });

  test("the summary sheet shows the survey, bonus, penalty and total columns", async () => {
    const out = join(dir, "tong-hop-2.xlsx");
    expect((await par("summary", tuaChua, "-o", out)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const values = wb.getWorksheet("Tổng hợp")!.getSheetValues().flat().map(String);
    for (const head of ["Điều tra XHH", "Điểm thưởng", "Điểm trừ", "Tổng điểm"]) expect(values).toContain(head);
    expect(values.some((v) => v.startsWith("Tổng điểm: 86,75/100,00"))).toBe(true);
  });

  test("par aggregate --survey: survey points from the table, each group classed with its catalogue's bands", async () => {
    const out = join(dir, "xep-hang.xlsx");
    const r = await par("aggregate", join(SAMPLES, "quoc-gia"), "--survey", join(SAMPLES, "dieu-tra-xhh-huyen-2026.xlsx"), "-o", out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    const rows = ws.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1));
    const header = rows.find((row) => row[0] === "Hạng")!;
    const entries = rows.filter((row) => typeof row[0] === "number").map((row) => Object.fromEntries(header.map((h, i) => [h, row[i]])));
    expect(entries.map((e) => [e["Đơn vị"], e["Chỉ số"], e["Xếp loại"], e["Điều tra XHH"], e["Điểm thưởng"], e["Điểm trừ"], e["Tổng điểm"]])).toEqual([
      ["UBND huyện Tủa Chùa", 86.75, "Tốt", 29.75, 2, 0.5, 86.75],
      ["UBND huyện Nậm Pồ", 69.23, "Trung bình", 26.75, 1, 0, 63],
    ]);
  });

  test("without the survey table, a unit with no survey column gets no index, and the run says why", async () => {
    const r = await par("aggregate", join(SAMPLES, "quoc-gia"), "-o", join(dir, "xep-hang-2.xlsx"));
    expect(r.code).toBe(0);
    expect(r.err).toContain("UBND huyện Nậm Pồ — Chưa tính được chỉ số: chưa có điểm điều tra xã hội học của 2 tiêu chí (5.1, 5.2)");
  });

  test("--bands overrides the catalogue's bands", async () => {
    const r = await par("summary", tuaChua, "-o", join(dir, "tong-hop-3.xlsx"), "--json", "--bands", "A>=80; B");
    expect(JSON.parse(r.out).band).toBe("A");
  });
});

describe("--survey on worker threads", () => {
  test("the survey points reach the threads: the same outcomes as in one thread", async () => {
    const worker = join(__dirname, "..", "..", "lib", "cli", "aggregate", "worker.js");
    if (!existsSync(worker)) throw new Error(`${worker} is missing: run npm run build:cli (CI builds before testing)`);
    const { scoreFiles } = await import("../../src/cli/aggregate/pool");
    const files = ["huyen-tua-chua-2026.xlsx", "huyen-nam-po-2026.xlsx"].map((f) => join(SAMPLES, "quoc-gia", f));
    const options = { survey: join(SAMPLES, "dieu-tra-xhh-huyen-2026.xlsx"), lang: "vi" as const, unitFiles: false };
    const collect = async (threads: number) => {
      const seen: { unit: string; survey: number | null; index: number | null }[] = [];
      await scoreFiles(files, options, (o) => void seen.push(...o.units.map((u) => ({ unit: u.summary.unit, survey: u.summary.total.survey, index: u.summary.officialIndex }))), {
        threads,
        workerFile: worker,
      });
      return seen;
    };
    const threads = await collect(2);
    expect(threads).toEqual([
      { unit: "UBND huyện Tủa Chùa", survey: 29.75, index: 86.75 },
      { unit: "UBND huyện Nậm Pồ", survey: 26.75, index: 69.23 },
    ]);
    expect(await collect(1)).toEqual(threads);
  });
});
