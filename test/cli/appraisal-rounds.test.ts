/**
 * A unit's workbook after the council's two rounds (the columns par appraise merge writes, typed here as a clerk's
 * exceljs file with a merged title): par summary and par aggregate show self, round 1 and final side by side and
 * rank by the final score; the units' files are left byte-identical.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { par, sha256, tempDir } from "../support/par";

jest.setTimeout(60_000);

const CATALOG = {
  id: "thu-hoi-dong",
  name: "Bộ tiêu chí thử (hội đồng)",
  nodes: [
    {
      code: "1",
      name: "Công tác chỉ đạo điều hành",
      children: [
        { code: "1.1", name: "Ban hành kế hoạch", max: 1 },
        { code: "1.2", name: "Báo cáo định kỳ", max: 2 },
      ],
    },
    { code: "2", name: "Thủ tục hành chính", children: [{ code: "2.1", name: "Công bố TTHC", max: 3 }, { code: "2.2", name: "Giải quyết TTHC", max: 2 }] },
  ],
};

const HEAD = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Điểm thẩm định", "Lý do thẩm định", "Giải trình của đơn vị", "Điểm cuối cùng", "Lý do (vòng 2)"];

async function unitBook(file: string, unit: string, rows: unknown[][], head = HEAD): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  ws.addRow([`Đơn vị: ${unit}`]);
  ws.mergeCells(1, 1, 1, head.length);
  ws.addRow([]);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r.slice(0, head.length));
  await wb.xlsx.writeFile(file);
}

const TU_PHAP = [
  ["1", "Công tác chỉ đạo điều hành", 3],
  ["1.1", "Ban hành kế hoạch", 1, 1, "KH 12", 0.5, "Ban hành muộn", "Ban hành 10/01, kèm văn bản", 1, "Chấp nhận"],
  ["1.2", "Báo cáo định kỳ", 2, 2, "BC", 1, "Thiếu báo cáo quý II", "Đã gửi qua hệ thống", null, null],
  ["2", "Thủ tục hành chính", 5],
  ["2.1", "Công bố TTHC", 3, 3, "QĐ 5", 2, "Công bố chậm", null, "2,5", "Chấp nhận một phần"],
  ["2.2", "Giải quyết TTHC", 2, 2, "Sổ", 2, null, null, 2, null],
];
// Round 1 only: 6 of 8 (75) — ahead of Sở Tư pháp's round 1 (5,5 of 8: 68,75) but behind its final (6,5: 81,25).
const Y_TE = [
  ["1", "Công tác chỉ đạo điều hành", 3],
  ["1.1", "Ban hành kế hoạch", 1, 1, "KH", 1],
  ["1.2", "Báo cáo định kỳ", 2, 2, "BC", 1.5, "Báo cáo chậm"],
  ["2", "Thủ tục hành chính", 5],
  ["2.1", "Công bố TTHC", 3, 3, "QĐ", 2, "Thiếu 1 TTHC"],
  ["2.2", "Giải quyết TTHC", 2, 2, "Sổ", 1.5, "Quá hạn 2 hồ sơ"],
];

describe("par summary and par aggregate after a second round", () => {
  const dir = tempDir("par-rounds-");
  const catalog = join(dir, "bo-tieu-chi.json");
  const tuPhap = join(dir, "so-tu-phap.xlsx");
  const yTe = join(dir, "so-y-te.xlsx");
  let before: string[];

  beforeAll(async () => {
    writeFileSync(catalog, JSON.stringify(CATALOG));
    await unitBook(tuPhap, "Sở Tư pháp", TU_PHAP);
    await unitBook(yTe, "Sở Y tế", Y_TE, HEAD.slice(0, 7));
    before = [sha256(tuPhap), sha256(yTe)];
  });

  it("par summary --json: index = final (1.2 without a final score counts at round 1); the gap is a warning", async () => {
    const r = await par("summary", tuPhap, "-c", catalog, "-o", join(dir, "tong-hop.xlsx"), "--json");
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out);
    // self 8; round 1: 0,5 + 1 + 2 + 2 = 5,5; final: 1 + 1 (round 1) + 2,5 + 2 = 6,5.
    expect(f).toMatchObject({ index: 81.25, selfIndex: 100, appraisedIndex: 68.75, finalIndex: 81.25, self: 8, appraised: 5.5, final: 6.5, warnings: 1 });
    expect(f.fields.map((x: { final: number }) => x.final)).toEqual([2, 4.5]);
  });

  it("par summary: the workbook and its HTML show self, round 1 and final", async () => {
    const out = join(dir, "tong-hop-2.xlsx");
    const r = await par("summary", tuPhap, "-c", catalog, "-o", out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet("Tổng hợp")!;
    const texts: string[] = [];
    sheet.eachRow((row) => row.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toEqual(expect.arrayContaining(["Điểm tự chấm", "Điểm thẩm định vòng 1", "Điểm cuối cùng", "Chỉ số CCHC (điểm cuối cùng — kết quả chính thức): 81,25 — Xếp loại B"]));
    const html = readFileSync(out.replace(/\.xlsx$/, ".html"), "utf8");
    expect(html).toContain("Điểm thẩm định vòng 1");
    expect(html).toContain("Tỷ lệ đạt (điểm cuối cùng)");
  });

  it("par aggregate ranks by the final index, self / round 1 / final side by side, in the workbook and its HTML", async () => {
    const out = join(dir, "xep-hang.xlsx");
    const r = await par("aggregate", tuPhap, yTe, "-c", catalog, "-o", out);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet("Xếp hạng")!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1, 8)));
    const head = rows.findIndex((x) => x[0] === "Hạng");
    expect(rows[head]).toEqual(["Hạng", "Đơn vị", "Chỉ số", "Xếp loại", "Tự đánh giá", "Thẩm định vòng 1", "Điểm cuối cùng"]);
    const units = rows.slice(head + 1).filter((x) => typeof x[0] === "number");
    expect(units.map((x) => [x[0], x[1], x[2], x[5], x[6] ?? null])).toEqual([
      [1, "Sở Tư pháp", 81.25, 68.75, 81.25],
      [2, "Sở Y tế", 75, 75, null],
    ]);
    const html = readFileSync(out.replace(/\.xlsx$/, ".html"), "utf8");
    expect(html).toContain("Thẩm định vòng 1");
    expect(html).toContain("Chỉ số tự đánh giá, thẩm định vòng 1 và điểm cuối cùng");
  });

  it("leaves the units' files byte-identical", () => {
    expect([sha256(tuPhap), sha256(yTe)]).toEqual(before);
  });
});
