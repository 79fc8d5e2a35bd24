/**
 * `par report` writes, per unit whose workbook holds the council's scores, the minutes of appraisal (biên bản thẩm
 * định) laid out per Nghị định 30/2020/NĐ-CP: read back from document.xml (fonts, sizes in half-points, A4 and its
 * margins in twips, texts) and through LibreOffice as PDF (pdftotext).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { minutesIssuer } from "../../src/cli/commands/report";
import { convertWithLibreOffice } from "../support/libreoffice";
import { pdfPages } from "../support/pdf";
import { par, sha256, tempDir } from "../support/par";

jest.setTimeout(300_000);

const CATALOG = {
  id: "thu-hoi-dong",
  name: "Bộ tiêu chí thử (hội đồng)",
  nodes: [
    { code: "1", name: "Công tác chỉ đạo điều hành", children: [{ code: "1.1", name: "Ban hành kế hoạch", max: 1 }, { code: "1.2", name: "Báo cáo định kỳ", max: 2 }] },
    { code: "2", name: "Thủ tục hành chính", children: [{ code: "2.1", name: "Công bố TTHC", max: 3 }, { code: "2.2", name: "Giải quyết TTHC", max: 2 }] },
  ],
};

const HEAD = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Điểm thẩm định", "Lý do thẩm định", "Giải trình của đơn vị", "Điểm cuối cùng", "Lý do (vòng 2)"];

async function unitBook(file: string, unit: string, rows: unknown[][], head = HEAD): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  ws.addRow([`BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2025`]);
  ws.mergeCells(1, 1, 1, head.length);
  ws.addRow([`Đơn vị: ${unit}`]);
  ws.addRow(head);
  for (const r of rows) ws.addRow(r.slice(0, head.length));
  await wb.xlsx.writeFile(file);
}

const TU_PHAP = [
  ["1", "Công tác chỉ đạo điều hành", 3],
  ["1.1", "Ban hành kế hoạch", 1, 1, "KH 12", 0.5, "Ban hành muộn", "Ban hành ngày 10/01/2025, kèm văn bản", 1, "Chấp nhận giải trình"],
  ["1.2", "Báo cáo định kỳ", 2, 2, "BC", 1, "Thiếu báo cáo quý II", null, 1, "Giữ nguyên"],
  ["2", "Thủ tục hành chính", 5],
  ["2.1", "Công bố TTHC", 3, 3, "QĐ 5", 3, null, null, 3, null],
  ["2.2", "Giải quyết TTHC", 2, 2, "Sổ", 2, null, null, 2, null],
];
// Round 1 only; 2.1 lowered without a reason.
const Y_TE = [
  ["1", "Công tác chỉ đạo điều hành", 3],
  ["1.1", "Ban hành kế hoạch", 1, 1, "KH", 1],
  ["1.2", "Báo cáo định kỳ", 2, 2, "BC", 1.5, "Báo cáo chậm 5 ngày"],
  ["2", "Thủ tục hành chính", 5],
  ["2.1", "Công bố TTHC", 3, 3, "QĐ", 2],
  ["2.2", "Giải quyết TTHC", 2, 2, "Sổ", 2],
];
// No appraisal: no minutes.
const TAI_CHINH = Y_TE.map((r) => r.slice(0, 5));

async function docxXml(file: string): Promise<{ xml: string; paragraphs: string[] }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file("word/document.xml")!.async("string");
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join(""));
  return { xml, paragraphs: paragraphs.filter((p) => p.trim() !== "") };
}

/** The run (<w:r>) holding `text`, as XML: its properties tell font, size, bold, italic, underline. */
function runOf(xml: string, text: string): string {
  const runs = [...xml.matchAll(/<w:r>[\s\S]*?<\/w:r>/g)].map((m) => m[0]);
  const hit = runs.find((r) => r.includes(`>${text}</w:t>`));
  if (!hit) throw new Error(`no run "${text}"`);
  return hit;
}

describe("par report: the minutes of appraisal per Nghị định 30/2020/NĐ-CP", () => {
  const dir = tempDir("par-minutes-");
  const catalog = join(dir, "bo-tieu-chi.json");
  const books = { tuPhap: join(dir, "so-tu-phap.xlsx"), yTe: join(dir, "so-y-te.xlsx"), taiChinh: join(dir, "so-tai-chinh.xlsx") };
  const report = join(dir, "bao-cao.docx");
  const minutesDir = join(dir, "bao-cao-bien-ban");
  const tuPhap = join(minutesDir, "Biên bản thẩm định - Sở Tư pháp.docx");
  const yTe = join(minutesDir, "Biên bản thẩm định - Sở Y tế.docx");
  let before: string[];
  let out = "";

  beforeAll(async () => {
    writeFileSync(catalog, JSON.stringify(CATALOG));
    await unitBook(books.tuPhap, "Sở Tư pháp", TU_PHAP);
    await unitBook(books.yTe, "Sở Y tế", Y_TE, HEAD.slice(0, 7));
    await unitBook(books.taiChinh, "Sở Tài chính", TAI_CHINH, HEAD.slice(0, 5));
    before = Object.values(books).map(sha256);
    const r = await par(
      "report",
      books.tuPhap,
      books.yTe,
      books.taiChinh,
      "-c",
      catalog,
      "-o",
      report,
      "--issuer",
      "UBND tỉnh Điện Biên/Sở Nội vụ",
      "--signer",
      "KT. GIÁM ĐỐC/PHÓ GIÁM ĐỐC",
      "--signer-name",
      "Nguyễn Văn An",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    out = r.out;
  });

  it("one document per appraised unit, beside the report; none for a unit without an appraisal", () => {
    expect(existsSync(report)).toBe(true);
    expect(readdirSync(minutesDir).sort()).toEqual(["Biên bản thẩm định - Sở Tư pháp.docx", "Biên bản thẩm định - Sở Y tế.docx"]);
    expect(out).toContain(`Đã ghi: 2 biên bản thẩm định trong ${minutesDir}`);
  });

  it("A4 with the decree's margins, Times New Roman 14 pt body", async () => {
    const { xml } = await docxXml(tuPhap);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"[^>]*\/>/);
    const margin = /<w:pgMar ([^>]*)\/>/.exec(xml)![1];
    const twips = (name: string) => Number(new RegExp(`w:${name}="(\\d+)"`).exec(margin)![1]);
    const mm = (t: number) => (t * 25.4) / 1440;
    expect(mm(twips("top"))).toBeGreaterThanOrEqual(20);
    expect(mm(twips("top"))).toBeLessThanOrEqual(25);
    expect(mm(twips("bottom"))).toBeGreaterThanOrEqual(20);
    expect(mm(twips("bottom"))).toBeLessThanOrEqual(25);
    expect(mm(twips("left"))).toBeGreaterThanOrEqual(30);
    expect(mm(twips("left"))).toBeLessThanOrEqual(35);
    expect(mm(twips("right"))).toBeGreaterThanOrEqual(15);
    expect(mm(twips("right"))).toBeLessThanOrEqual(20);
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(["Times New Roman"]);
    const body = runOf(xml, "Căn cứ Bộ tiêu chí Bộ tiêu chí thử (hội đồng);");
    expect(body).toContain('<w:sz w:val="28"/>');
  });

  it("letterhead: parent body, issuing body in bold capitals, the number line; the motto; place and date in italics", async () => {
    const { xml, paragraphs } = await docxXml(tuPhap);
    expect(paragraphs.slice(0, 7)).toEqual([
      "UBND TỈNH ĐIỆN BIÊN",
      "SỞ NỘI VỤ",
      "Số: …/BB-SNV",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      `Điện Biên, ngày … tháng … năm ${new Date().getFullYear()}`,
      "BIÊN BẢN",
    ]);
    const parent = runOf(xml, "UBND TỈNH ĐIỆN BIÊN");
    expect(parent).not.toContain("<w:b/>");
    expect(parent).toContain('<w:sz w:val="26"/>');
    expect(runOf(xml, "SỞ NỘI VỤ")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="26"\/>/);
    expect(runOf(xml, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")).toMatch(/<w:b\/>[\s\S]*<w:sz w:val="24"\/>/);
    const motto = runOf(xml, "Độc lập - Tự do - Hạnh phúc");
    expect(motto).toContain("<w:b/>");
    expect(motto).toContain('<w:sz w:val="26"/>');
    expect(motto).toContain('<w:u w:val="single"/>');
    const date = runOf(xml, `Điện Biên, ngày … tháng … năm ${new Date().getFullYear()}`);
    expect(date).toContain("<w:i/>");
    expect(date).toContain('<w:sz w:val="26"/>');
    // Title bold and centred.
    expect(xml).toMatch(/<w:jc w:val="center"\/>[\s\S]{0,400}<w:b\/>[\s\S]{0,200}>BIÊN BẢN<\/w:t>/);
  });

  it("lists each changed criterion: code, name, self, round 1, final, the reason and the unit's explanation", async () => {
    const { paragraphs } = await docxXml(tuPhap);
    const text = paragraphs.join("\n");
    expect(text).toContain("Thẩm định kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025 của Sở Tư pháp");
    expect(text).toContain("- Điểm tự đánh giá: 8,00/8,00 điểm; chỉ số 100,00.");
    expect(text).toContain("- Điểm thẩm định vòng 1: 6,50/8,00 điểm; chỉ số 81,25.");
    expect(text).toContain("- Điểm cuối cùng sau giải trình: 7,00/8,00 điểm; chỉ số 87,50 (kết quả chính thức); xếp loại B.");
    expect(text).toContain("Có 2 tiêu chí");
    const table = paragraphs.slice(paragraphs.indexOf("Mã"));
    expect(table.slice(0, 6)).toEqual(["Mã", "Tiêu chí", "Tự chấm", "Thẩm định vòng 1", "Điểm cuối cùng", "Lý do, giải trình"]);
    expect(table.slice(6, 15)).toEqual([
      "1.1",
      "Ban hành kế hoạch",
      "(tối đa 1,00 điểm)",
      "1,00",
      "0,50",
      "1,00",
      "Lý do thẩm định: Ban hành muộn",
      "Giải trình của đơn vị: Ban hành ngày 10/01/2025, kèm văn bản",
      "Lý do (vòng 2): Chấp nhận giải trình",
    ]);
    expect(table.slice(15, 23)).toEqual(["1.2", "Báo cáo định kỳ", "(tối đa 2,00 điểm)", "2,00", "1,00", "1,00", "Lý do thẩm định: Thiếu báo cáo quý II", "Lý do (vòng 2): Giữ nguyên"]);
    expect(text).not.toContain("Công bố TTHC");
  });

  it("after one round only: round 1 official, a missing reason said; signature block and Nơi nhận", async () => {
    const { xml, paragraphs } = await docxXml(yTe);
    const text = paragraphs.join("\n");
    expect(text).toContain("- Điểm thẩm định: 6,50/8,00 điểm; chỉ số 81,25 (kết quả chính thức); xếp loại B.");
    expect(text).not.toContain("Điểm cuối cùng");
    expect(text).toContain("Lý do thẩm định: Báo cáo chậm 5 ngày");
    expect(text).toContain("Lý do thẩm định: (không ghi)");
    const tail = paragraphs.slice(paragraphs.indexOf("Nơi nhận:"));
    expect(tail).toEqual(["Nơi nhận:", "- Sở Y tế;", "- Hội đồng thẩm định;", "- Lưu: VT, SNV.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An"]);
    const head = runOf(xml, "Nơi nhận:");
    expect(head).toContain("<w:b/>");
    expect(head).toContain("<w:i/>");
    expect(head).toContain('<w:sz w:val="24"/>');
    expect(runOf(xml, "KT. GIÁM ĐỐC")).toContain("<w:b/>");
  });

  it("LibreOffice opens it and prints it with every part in place, pages numbered from the second", () => {
    const converted = convertWithLibreOffice(tuPhap, dir);
    expect(converted.ok).toBe(true);
    const pages = pdfPages(converted.output!);
    const text = pages.join("\n");
    for (const part of ["UBND TỈNH ĐIỆN BIÊN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "BIÊN BẢN", "Nơi nhận:", "PHÓ GIÁM ĐỐC", "Nguyễn Văn An", "Ban hành muộn"]) {
      expect(text).toContain(part);
    }
    expect(pages.length).toBe(2);
    expect(pages[0].trim().split("\n")[0]).toMatch(/^UBND TỈNH ĐIỆN BIÊN/);
    expect(pages[1].trim().split("\n")[0].trim()).toBe("2");
    // Letterhead left and motto right on the same line.
    expect(pages[0].split("\n").some((line) => /SỞ NỘI VỤ\s{2,}Độc lập - Tự do - Hạnh phúc|UBND TỈNH ĐIỆN BIÊN\s{2,}CỘNG HÒA/.test(line))).toBe(true);
  });

  it("the annual report ranks by the final index and shows self, round 1 and final", async () => {
    const { paragraphs } = await docxXml(report);
    const text = paragraphs.join("\n");
    expect(text).toContain("điểm cuối cùng sau giải trình khi có, nếu không là điểm thẩm định, nếu không là điểm tự đánh giá");
    const head = paragraphs.indexOf("Hạng");
    expect(paragraphs.slice(head, head + 7)).toEqual(["Hạng", "Đơn vị", "Tự đánh giá", "Thẩm định vòng 1", "Điểm cuối cùng", "Chỉ số CCHC", "Xếp loại"]);
    // Sở Tài chính: not appraised (self 100); Sở Tư pháp: final 87,50 (round 1 81,25); Sở Y tế: one round.
    expect(paragraphs.slice(head + 7, head + 28)).toEqual([
      ...["1", "Sở Tài chính", "100,00", "—", "—", "100,00", "A"],
      ...["2", "Sở Tư pháp", "100,00", "81,25", "87,50", "87,50", "B"],
      ...["3", "Sở Y tế", "100,00", "81,25", "—", "81,25", "B"],
    ]);
  });

  it("a ranking workbook keeps the final index for par report", async () => {
    const ranking = join(dir, "xep-hang.xlsx");
    expect((await par("aggregate", books.tuPhap, books.yTe, books.taiChinh, "-c", catalog, "-o", ranking)).code).toBe(0);
    const again = join(dir, "bao-cao-2.docx");
    const r = await par("report", ranking, "-o", again);
    expect(r.code).toBe(0);
    const { paragraphs } = await docxXml(again);
    const head = paragraphs.indexOf("Hạng");
    expect(paragraphs.slice(head + 14, head + 28)).toEqual([
      ...["2", "Sở Tư pháp", "100,00", "81,25", "87,50", "87,50", "B"],
      ...["3", "Sở Y tế", "100,00", "81,25", "—", "81,25", "B"],
    ]);
    // No criterion scores in a ranking: no minutes beside it.
    expect(existsSync(join(dir, "bao-cao-2-bien-ban"))).toBe(false);
  });

  it("leaves the units' workbooks byte-identical", () => {
    expect(Object.values(books).map(sha256)).toEqual(before);
  });
});

describe("--issuer, --place, --signer", () => {
  it("splits the parent and the issuing body at the last '/', in capitals; the place from the province", () => {
    expect(minutesIssuer({ issuer: "UBND tỉnh Điện Biên/Sở Nội vụ" })).toEqual({
      parent: "UBND TỈNH ĐIỆN BIÊN",
      body: "SỞ NỘI VỤ",
      place: "Điện Biên",
      signer: ["GIÁM ĐỐC"],
      signerName: null,
    });
    expect(minutesIssuer({ issuer: "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI/SỞ NỘI VỤ" }).place).toBe("Hà Nội");
    expect(minutesIssuer({ issuer: "UBND TỈNH HÀ NAM/SỞ NỘI VỤ", place: "Phủ Lý" }).place).toBe("Phủ Lý");
  });

  it("without --issuer: SỞ NỘI VỤ, the parent and the place left as dots to fill", () => {
    expect(minutesIssuer({})).toMatchObject({ parent: null, body: "SỞ NỘI VỤ", place: null });
  });
});
