/**
 * par validate / summary --evidence DIR (issue 19): citations in the evidence column checked against documents
 * built here as a clerk's office makes them (Nghị định 30 documents written as HTML, converted by LibreOffice to
 * PDF and .docx; a scan printed by Chromium as a PDF of one image), under file names unrelated to their content.
 * Planted: a citation with no file, a file with another date, a document dated after the year, a scan without
 * --ocr, a link to a missing file, a dangerous link behind "Kèm theo", words meaning "none", an uncited file.
 */
import ExcelJS from "exceljs";
import { copyFileSync, cpSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { builtinCatalog, Finding, walk } from "../../src/scoring";
import { convertDocument, nd30Html, scannedPdf } from "../support/evidence-docs";
import { par, tempDir } from "../support/par";

jest.setTimeout(300_000);

const catalog = builtinCatalog("dien-bien-2018");
const leaves = walk(catalog.nodes).filter((n) => n.children.length === 0);

const dir = tempDir("par-evidence-");
const folder = join(dir, "tai-lieu");
mkdirSync(folder);

const head = { issuerTop: "UBND HUYỆN ĐIỆN BIÊN", issuer: "ỦY BAN NHÂN DÂN XÃ TÂN THÀNH", place: "Tân Thành" };
const scanHtml = nd30Html({ ...head, number: "45/UBND-VP", date: [20, 3, 2018], kind: "", subject: "V/v triển khai công tác cải cách hành chính" });

type Cell = string | { text: string; hyperlink: string } | { formula: string; result: string };

/** A unit sheet on dien-bien-2018 (year 2018), every leaf at full points, evidence as given (else an https link). */
async function workbook(file: string, evidence: Record<string, Cell>, extra?: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  ws.addRow(["UBND XÃ TÂN THÀNH"]);
  ws.addRow(["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2018"]);
  ws.addRow(["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "TLKC", "Ghi chú"]);
  for (const node of walk(catalog.nodes)) {
    const leaf = node.children.length === 0;
    const row = ws.addRow([node.code, node.name, leaf ? node.max : null, leaf ? node.max : null, null, null]);
    if (leaf) row.getCell(5).value = (evidence[node.code] ?? "https://tanthanh.dienbien.gov.vn/tai-lieu") as ExcelJS.CellValue;
  }
  extra?.(wb);
  await wb.xlsx.writeFile(file);
}

async function validate(...args: string[]): Promise<{ findings: Finding[]; code: number; err: string }> {
  const r = await par("validate", ...args, "--catalog", "dien-bien-2018", "--json");
  return { findings: r.out ? (JSON.parse(r.out) as Finding[]) : [], code: r.code, err: r.err };
}

const of = (findings: Finding[], code: string, kind?: string) => findings.filter((f) => f.code === code && (!kind || f.kind === kind));

const [c1, c2, c3, c4, c5, c6, c7, c8, c9] = leaves.map((n) => n.code);
const book = join(dir, "xa-tan-thanh.xlsx");

beforeAll(async () => {
  // A December plan for the assessed year: in period.
  convertDocument(nd30Html({ ...head, number: "15/KH-UBND", date: [10, 12, 2017], kind: "KẾ HOẠCH", subject: "Cải cách hành chính năm 2018" }), folder, "pdf", "scan0001.pdf");
  // A report whose date differs from the one cited.
  convertDocument(nd30Html({ ...head, number: "20/BC-UBND", date: [5, 6, 2018], kind: "BÁO CÁO", subject: "Kết quả cải cách hành chính 6 tháng đầu năm 2018" }), folder, "docx", "Document (3).docx");
  // A decision issued after the assessed year.
  convertDocument(nd30Html({ ...head, number: "30/QĐ-UBND", date: [15, 1, 2019], kind: "QUYẾT ĐỊNH", subject: "Về việc kiện toàn tổ công tác" }), folder, "pdf", "IMG_2031.pdf");
  // A notice nobody cites.
  convertDocument(nd30Html({ ...head, number: "7/TB-UBND", date: [2, 2, 2018], kind: "THÔNG BÁO", subject: "Lịch tiếp công dân" }), folder, "pdf", "tb.pdf");
  // A letter (công văn) as a scan: no text without OCR.
  scannedPdf(scanHtml, folder, "may-quet-0042.pdf");
  await workbook(book, {
    [c1]: "Kế hoạch số 15/KH-UBND ngày 10/12/2017",
    [c2]: "Báo cáo số 20/BC-UBND ngày 15/6/2018",
    [c3]: "Quyết định số 30/QĐ-UBND ngày 15/01/2019",
    [c4]: "Kế hoạch số 99/KH-UBND ngày 01/03/2018",
    [c5]: "Công văn số 45/UBND-VP ngày 20/3/2018",
    [c6]: { text: "Kèm theo", hyperlink: "tai-lieu/khong-co-tep-nay.pdf" },
    [c7]: { text: "Kèm theo", hyperlink: "javascript:alert(document.cookie)" },
    [c8]: "Không có",
    [c9]: { formula: 'HYPERLINK("\\\\may-chu\\chia-se\\kh.pdf","Xem tại đây")', result: "Xem tại đây" },
  });
});

describe("par validate --evidence DIR", () => {
  let findings: Finding[];
  let text: string;
  beforeAll(async () => {
    const v = await validate(book, "--evidence", folder);
    findings = v.findings;
    text = (await par("validate", book, "--catalog", "dien-bien-2018", "--evidence", folder)).out;
  });

  test("a cited document whose file is there (a December plan for the year) passes", () => {
    expect(of(findings, c1).filter((f) => f.kind.startsWith("evidence-"))).toEqual([]);
    expect(text).toMatch(new RegExp(`${c1.replace(/\./g, "\\.")} E\\d+: "Kế hoạch số 15/KH-UBND ngày 10/12/2017" → "scan0001.pdf" \\(khớp\\)`));
  });

  test("a file with the number but another date is evidence-mismatch, quoting the file's words and naming it", () => {
    const [f] = of(findings, c2, "evidence-mismatch");
    expect(f.severity).toBe("error");
    expect(f.message).toContain('"Document (3).docx"');
    expect(f.message).toContain("Tân Thành, ngày 05 tháng 06 năm 2018");
    expect(f.message).toContain("15/06/2018");
    expect(f.cell).toMatch(/^E\d+$/);
  });

  test("a document dated after the assessed year is evidence-out-of-period", () => {
    const [f] = of(findings, c3, "evidence-out-of-period");
    expect(f.message).toContain("IMG_2031.pdf");
    expect(f.message).toContain("31/12/2018");
  });

  test("a citation with no file is evidence-not-found, naming the closest file and why it is not it", () => {
    const [f] = of(findings, c4, "evidence-not-found");
    expect(f.message).toContain('Tệp gần nhất là "scan0001.pdf"');
    expect(f.message).toContain("số của tệp là 15/KH-UBND");
  });

  test("a scan without --ocr is evidence-unreadable, and the message says to use --ocr", () => {
    const [f] = of(findings, c5, "evidence-unreadable");
    expect(f.message).toContain("may-quet-0042.pdf");
    expect(f.message).toContain("--ocr");
  });

  test("a link to a local file that does not exist is evidence-not-found", () => {
    const [f] = of(findings, c6, "evidence-not-found");
    expect(f.message).toContain("tai-lieu/khong-co-tep-nay.pdf");
  });

  test('a dangerous link behind "Kèm theo" is evidence-invalid; so is a network path in =HYPERLINK()', () => {
    expect(of(findings, c7, "evidence-invalid")[0].message).toContain("javascript:");
    expect(of(findings, c9, "evidence-invalid")[0].message).toContain("may-chu");
  });

  test('"Không có" in the evidence column is missing evidence, not a document', () => {
    expect(of(findings, c8, "missing-evidence")[0].severity).toBe("error");
  });

  test("files no criterion cites are listed as information", () => {
    // The notice nobody cites, and the scan no citation could be matched to without OCR.
    expect(text).toContain("Tệp không tiêu chí nào trích dẫn (thông tin): 2");
    expect(text).toMatch(/\n {2}tb\.pdf\n/);
    expect(text).toMatch(/\n {2}may-quet-0042\.pdf \(không có chữ\)/);
  });

  test("files are matched by content: renaming a file to the cited words changes nothing", async () => {
    const v = await validate(book);
    // Without --evidence nothing is checked against files (only the links are followed).
    expect(v.findings.filter((f) => ["evidence-mismatch", "evidence-out-of-period", "evidence-unreadable"].includes(f.kind))).toEqual([]);
    expect(of(v.findings, c6, "evidence-not-found")).toHaveLength(1);
  });
});

describe("--ocr reads the scan", () => {
  test("the công văn in the image-only PDF is found, and the terminal says it was read by OCR", async () => {
    const r = await par("validate", book, "--catalog", "dien-bien-2018", "--evidence", folder, "--ocr");
    expect(r.out).toMatch(/"Công văn số 45\/UBND-VP ngày 20\/3\/2018" → "may-quet-0042\.pdf" \(OCR\) \(khớp\)/);
    const v = await validate(book, "--evidence", folder, "--ocr");
    expect(of(v.findings, c5).filter((f) => f.kind.startsWith("evidence-"))).toEqual([]);
  });
});

describe("par summary --evidence", () => {
  test("the HTML report shows per criterion which file matched which citation; no output keeps a dangerous live link", async () => {
    const out = join(dir, "tong-hop.xlsx");
    const r = await par("summary", book, "--catalog", "dien-bien-2018", "--evidence", folder, "-o", out);
    expect(r.code).toBe(0);
    const html = readFileSync(out.replace(/\.xlsx$/, ".html"), "utf8");
    expect(html).toContain("Đối chiếu tài liệu kiểm chứng");
    expect(html).toMatch(/Kế hoạch số 15\/KH-UBND ngày 10\/12\/2017<\/td><td>scan0001\.pdf<\/td><td>khớp/);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*(javascript|vbscript|data|file):/i);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const links: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => {
      if (cell.hyperlink) links.push(cell.hyperlink);
      const formula = (cell.value as { formula?: string } | null)?.formula;
      if (formula) links.push(formula);
    })));
    expect(links.filter((l) => /javascript:|\\\\may-chu/i.test(l))).toEqual([]);
    // The unit's own safe link is kept.
    expect(links).toContain("tai-lieu/khong-co-tep-nay.pdf");
  });
});

describe("appendix sheets", () => {
  const appendixBook = join(dir, "phu-luc.xlsx");
  const noColumn = join(dir, "khong-cot-tlkc.xlsx");
  const codes = leaves.map((n) => n.code);
  const missing = codes[3];

  function appendix(wb: ExcelJS.Workbook): void {
    const ws = wb.addWorksheet("Danh mục TLKC");
    ws.addRow(["DANH MỤC TÀI LIỆU KIỂM CHỨNG"]);
    ws.addRow(["STT", "Mã tiêu chí", "Tên tài liệu kiểm chứng"]);
    let n = 1;
    for (const code of codes) {
      if (code === missing) {
        ws.addRow([n++, code, null]);
        continue;
      }
      ws.addRow([n++, code, `Báo cáo số ${n}/BC-UBND ngày 01/12/2018`]);
      ws.addRow([null, null, `Kế hoạch số ${n}/KH-UBND ngày 02/01/2018`]);
    }
  }

  test('"Xem phụ lục" is read from the appendix: the one criterion it lists nothing for is missing-evidence', async () => {
    await workbook(appendixBook, Object.fromEntries(codes.map((c) => [c, "Xem phụ lục"])), appendix);
    const v = await validate(appendixBook);
    const missingEvidence = v.findings.filter((f) => f.kind === "missing-evidence" && f.severity === "error");
    expect(missingEvidence.map((f) => f.code)).toEqual([missing]);
    expect(missingEvidence[0].message).toContain('trang "Danh mục TLKC"');
  });

  test("a sheet with no evidence column but an appendix sheet is read from the appendix", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tự đánh giá");
    ws.addRow(["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]);
    for (const node of walk(catalog.nodes)) {
      const leaf = node.children.length === 0;
      ws.addRow([node.code, node.name, leaf ? node.max : null, leaf ? node.max : null, null]);
    }
    appendix(wb);
    await wb.xlsx.writeFile(noColumn);
    const v = await validate(noColumn);
    expect(v.findings.filter((f) => f.kind === "missing-evidence" && f.severity === "error").map((f) => f.code)).toEqual([missing]);
  });
});

describe("par aggregate", () => {
  test("a folder beside a workbook, named like it, is its evidence folder without --evidence; --evidence DIR holds one per workbook", async () => {
    const beside = join(dir, "ben-canh");
    mkdirSync(beside);
    copyFileSync(book, join(beside, "xa-tan-thanh.xlsx"));
    cpSync(folder, join(beside, "xa-tan-thanh"), { recursive: true });
    const r = await par("aggregate", join(beside, "xa-tan-thanh.xlsx"), "--catalog", "dien-bien-2018", "-o", join(dir, "xep-hang-1.xlsx"));
    expect(r.code).toBe(0);
    expect(r.err + r.out).toMatch(/thư mục tài liệu \S*xa-tan-thanh: đối chiếu 6 văn bản, 5 có lỗi/);

    const apart = join(dir, "rieng");
    mkdirSync(join(apart, "so"), { recursive: true });
    copyFileSync(book, join(apart, "so", "xa-tan-thanh.xlsx"));
    const evidenceRoot = join(apart, "tlkc");
    cpSync(folder, join(evidenceRoot, "xa-tan-thanh"), { recursive: true });
    const without = await par("aggregate", join(apart, "so", "xa-tan-thanh.xlsx"), "--catalog", "dien-bien-2018", "-o", join(dir, "xep-hang-2.xlsx"));
    expect(without.err + without.out).not.toMatch(/thư mục tài liệu/);
    const given = await par("aggregate", join(apart, "so", "xa-tan-thanh.xlsx"), "--catalog", "dien-bien-2018", "--evidence", evidenceRoot, "-o", join(dir, "xep-hang-3.xlsx"));
    expect(given.err + given.out).toMatch(/thư mục tài liệu \S*xa-tan-thanh: đối chiếu 6 văn bản, 5 có lỗi/);
  });
});
