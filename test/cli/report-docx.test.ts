/**
 * `par report`: the annual report as a Word document, from a ranking workbook (with last year's to compare) or
 * from the units' workbooks, opened by LibreOffice and converted to PDF, its text read back with pdftotext.
 */
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { addRankingData, readRankingData } from "../../src/cli/report/ranking-data";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { markOwned, workbookBuffer } from "../../src/cli/xlsx/write";
import { formatNumber } from "../../src/scoring";
import { convertWithLibreOffice } from "../support/libreoffice";
import { par, SAMPLE_CATALOG, SAMPLES, tempDir } from "../support/par";
import { brokenWords, pdfLines, pdfPages } from "../support/printed";

jest.setTimeout(300_000);

const dir = tempDir("par-report-");
const ranking = join(dir, "xep-hang.xlsx");
const last = join(dir, "xep-hang-2017.xlsx");
const GROUPS = ["--groups", `${join(SAMPLES, "so")}=Sở, ban, ngành`, `${join(SAMPLES, "huyen")}=UBND cấp huyện`];

/** The document's paragraphs' text (tables' cells are paragraphs), and its media files. */
async function docxParts(file: string): Promise<{ paragraphs: string[]; media: Map<string, Buffer>; xml: string }> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file("word/document.xml")!.async("string");
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decode(t[1])).join(""));
  const media = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith("word/media/"))) media.set(name, await zip.file(name)!.async("nodebuffer"));
  return { paragraphs: paragraphs.filter((p) => p.trim() !== ""), media, xml };
}

/** Last year's ranking: this year's, with Sở Nội vụ 1,25 lower, Y tế named "SỞ Y TẾ" (in capitals, as last year's reader kept it) and 0,50 higher, Tài chính absent. */
async function writeLastYear(): Promise<void> {
  const data = readRankingData(await readWorkbook(ranking))!;
  for (const group of data.ranking.groups) {
    group.entries = group.entries.filter((e) => e.unit !== "Sở Tài chính");
    for (const e of group.entries) {
      if (e.unit === "Sở Nội vụ") e.officialIndex = 91.93;
      if (e.unit === "Sở Y tế") Object.assign(e, { unit: "SỞ Y TẾ", officialIndex: 93.5 });
    }
  }
  const workbook = new ExcelJS.Workbook();
  markOwned(workbook, workbook.addWorksheet("Xếp hạng").name, "ranking");
  addRankingData(workbook, data);
  writeFileSync(last, await workbookBuffer(workbook));
}

let pdfText: string[];
let pdf: string;
const days: string[] = [];
const ddmmyyyy = (d: Date) => `${String(d.getDate()).padStart(2, "0")}/${String(d.getMonth() + 1).padStart(2, "0")}/${d.getFullYear()}`;
const report = join(dir, "bao-cao.docx");

beforeAll(async () => {
  const run = await par("aggregate", join(SAMPLES, "so"), join(SAMPLES, "huyen"), "-c", SAMPLE_CATALOG, "-o", ranking, ...GROUPS);
  expect(run.code).toBe(0);
  await writeLastYear();
  days.push(ddmmyyyy(new Date()));
  const made = await par("report", ranking, "--previous", last, "--year", "2018", "-o", report);
  expect(made.err).toBe("");
  expect(made.code).toBe(0);
  days.push(ddmmyyyy(new Date()));
  expect(made.out).toContain(`Đã ghi: ${report} (báo cáo Chỉ số CCHC năm 2018: 7 đơn vị, 2 nhóm; so sánh với ${last}`);
  const converted = convertWithLibreOffice(report, dir);
  if (!converted.ok) throw new Error(`LibreOffice could not open the report:\n${converted.log}`);
  pdf = converted.output!;
  pdfText = pdfLines(pdf);
});

describe("par report: the annual report as a Word document", () => {
  test("LibreOffice opens it: A4, numbered pages, the title, the year and today's date", () => {
    const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = pdfPages(pdf);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = pdfText.join("\n");
    for (let p = 1; p <= pages; p++) expect(text).toContain(`Trang ${p} / ${pages}`);
    expect(text).toContain("BÁO CÁO KẾT QUẢ CHỈ SỐ CCHC NĂM 2018");
    // The day the report was made (the run may cross midnight).
    expect(days.some((day) => text.includes(`Ngày lập báo cáo: ${day}`))).toBe(true);
  });

  test("no number, code or header is split across lines in the PDF", async () => {
    const { paragraphs } = await docxParts(report);
    const words = paragraphs.flatMap((p) => p.normalize("NFC").split(/\s+/).filter(Boolean));
    expect(words.length).toBeGreaterThan(200);
    expect(brokenWords(words, pdfText)).toEqual([]);
  });

  test("per group: the ranking in rank order with index, class, last year's index and the change; new units say so", async () => {
    const data = readRankingData(await readWorkbook(ranking))!;
    const { paragraphs } = await docxParts(report);
    const heads = ["Hạng", "Đơn vị", "Chỉ số CCHC", "Xếp loại", "Năm trước", "Tăng, giảm"];
    const expected: Record<string, [string, string]> = {
      "Sở Nội vụ": ["91,93", "+1,25"],
      "Sở Y tế": ["93,50", "\u22120,50"],
      "Sở Tài chính": ["—", "mới"],
    };
    let at = 0;
    data.ranking.groups.forEach((group, g) => {
      at = paragraphs.indexOf(`${g + 1}. ${group.name}`, at);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(paragraphs.slice(at + 1, at + 7)).toEqual(heads);
      at += 7;
      for (const e of group.entries) {
        const [before, change] = expected[e.unit] ?? [formatNumber(e.officialIndex!), "0,00"];
        expect(paragraphs.slice(at, at + 6)).toEqual([String(e.rank), e.unit, formatNumber(e.officialIndex!), e.band, before, change]);
        at += 6;
      }
      expect(paragraphs[at]).toMatch(/^Thang xếp loại: A: từ 90,00 điểm trở lên; B: từ 80,00 đến dưới 90,00 điểm;/);
    });
    const text = pdfText.join("\n");
    expect(text).toMatch(/Sở Nội vụ\s+93,18\s+A\s+91,93\s+\+1,25/);
    expect(text).toMatch(/Sở Tài chính\s+86,00\s+B\s+—\s+mới/);
  });

  test("a chart per group: the HTML report's SVG, with a PNG fallback LibreOffice draws", async () => {
    const { media, xml } = await docxParts(report);
    const svgs = [...media].filter(([n]) => n.endsWith(".svg")).map(([, b]) => b.toString("utf8"));
    const pngs = [...media].filter(([n]) => n.endsWith(".png"));
    // One per group, and the districts' (appraised) self-assessed against appraised index.
    expect(svgs).toHaveLength(3);
    expect(pngs).toHaveLength(3);
    expect(xml).toContain("asvg:svgBlip");
    const html = readFileSync(join(dir, "xep-hang.html"), "utf8");
    const htmlSvgs = html.match(/<svg[\s\S]*?<\/svg>/g)!;
    const same = (svg: string) => svg.replace(/ (id|aria-labelledby)="[^"]*"/g, "");
    expect(svgs.map(same)).toEqual(htmlSvgs.map(same));
    const images = spawnSync("pdfimages", ["-list", pdf], { encoding: "utf8" }).stdout;
    expect(images.split("\n").filter((l) => /^\s*\d+\s+\d+\s+image\s/.test(l))).toHaveLength(3);
    expect(pdfText.join("\n")).toContain("Hình 1. Chỉ số CCHC — Sở, ban, ngành");
    expect(pdfText.join("\n")).toContain("Hình 2. Chỉ số CCHC — UBND cấp huyện");
    expect(pdfText.join("\n")).toContain("Hình 3. Chỉ số tự đánh giá và thẩm định — UBND cấp huyện");
    // Its PNG fallback draws both series: the legend names them.
    expect(svgs[2]).toContain(">Tự đánh giá<");
    expect(svgs[2]).toContain(">Thẩm định<");
  });

  test("the criteria most units lost points on: ten, most units first", async () => {
    const data = readRankingData(await readWorkbook(ranking))!;
    const { paragraphs } = await docxParts(report);
    const at = paragraphs.indexOf("3. Các tiêu chí nhiều đơn vị bị mất điểm nhất");
    expect(at).toBeGreaterThan(0);
    const head = paragraphs.indexOf("STT", at);
    expect(paragraphs.slice(head, head + 5)).toEqual(["STT", "Mã", "Tiêu chí", "Số đơn vị mất điểm", "Tổng điểm bị mất"]);
    const rows = paragraphs.slice(head + 5);
    expect(rows).toHaveLength(50);
    data.losses.slice(0, 10).forEach((l, i) => {
      expect(rows.slice(i * 5, i * 5 + 5)).toEqual([String(i + 1), l.code, l.name, String(l.units), formatNumber(l.points)]);
    });
  });

  test("from the units' workbooks: the same report as from the ranking workbook", async () => {
    const fromRanking = join(dir, "tu-xep-hang.docx");
    const fromUnits = join(dir, "tu-don-vi.docx");
    expect((await par("report", ranking, "--year", "2018", "-o", fromRanking)).code).toBe(0);
    const run = await par("report", join(SAMPLES, "so"), join(SAMPLES, "huyen"), "-c", SAMPLE_CATALOG, ...GROUPS, "--year", "2018", "-o", fromUnits);
    expect(run.code).toBe(0);
    expect((await docxParts(fromUnits)).paragraphs).toEqual((await docxParts(fromRanking)).paragraphs);
    expect((await docxParts(fromUnits)).paragraphs).not.toContain("Năm trước");
  });

  test("in English", async () => {
    const out = join(dir, "report-en.docx");
    const run = await par("report", ranking, "--year", "2018", "--lang", "en", "-o", out);
    expect(run.code).toBe(0);
    const { paragraphs } = await docxParts(out);
    expect(paragraphs[0]).toBe("PAR INDEX RESULTS 2018");
    expect(paragraphs).toContain("93.18");
    expect(paragraphs).toContain("Criteria most units lost points on".replace(/^/, "3. "));
  });
});

describe("par report refuses, saying what to do", () => {
  test("a ranking workbook written before the ranking data: run par aggregate again", async () => {
    const old = join(dir, "xep-hang-cu.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(ranking);
    workbook.removeWorksheet(workbook.getWorksheet("_par_data")!.id);
    writeFileSync(old, await workbookBuffer(workbook));
    for (const args of [[old], [ranking, "--previous", old]]) {
      const run = await par("report", ...args, "-o", join(dir, "cu.docx"));
      expect(run.code).toBe(2);
      expect(run.err).toContain("_par_data");
      expect(run.err).toContain("par aggregate");
    }
  });

  test("never over one of its inputs, not even with --force: -o a link to a unit's workbook, to the ranking or to --previous", async () => {
    const { symlinkSync } = require("node:fs");
    const unit = join(dir, "so-tu-phap.xlsx");
    copyFileSync(join(SAMPLES, "so", "so-tu-phap.xlsx"), unit);
    const cases: [string, string[]][] = [
      [unit, [unit]],
      [ranking, [ranking]],
      [last, [ranking, "--previous", last]],
    ];
    for (const [target, args] of cases) {
      const link = join(dir, `lien-ket-${cases.findIndex((c) => c[0] === target)}.docx`);
      symlinkSync(target, link);
      const before = readFileSync(target);
      const run = await par("report", ...args, "-o", link, "--force");
      expect(run.code).toBe(2);
      expect(run.err).toContain("tệp đầu vào");
      expect(readFileSync(target).equals(before)).toBe(true);
    }
  });

  test("--previous that is not a ranking", async () => {
    const run = await par("report", ranking, "--previous", join(SAMPLES, "so", "so-tu-phap.xlsx"), "-o", join(dir, "x.docx"));
    expect(run.code).toBe(2);
    expect(run.err).toContain('không phải bảng xếp hạng do "par aggregate" ghi');
  });

  test("an existing report without --force, a name not ending in .docx, scoring options with a ranking", async () => {
    const existing = join(dir, "da-co.docx");
    copyFileSync(report, existing);
    const before = readFileSync(existing);
    const kept = await par("report", ranking, "-o", existing);
    expect(kept.code).toBe(2);
    expect(kept.err).toContain("đã có; không ghi đè");
    expect(readFileSync(existing).equals(before)).toBe(true);
    expect((await par("report", ranking, "-o", existing, "--force")).code).toBe(0);

    const xlsx = await par("report", ranking, "-o", join(dir, "bao-cao.xlsx"));
    expect(xlsx.code).toBe(2);
    expect(xlsx.err).toContain(".docx");

    const groups = await par("report", ranking, ...GROUPS, "-o", join(dir, "nhom.docx"));
    expect(groups.code).toBe(2);
    expect(groups.err).toContain("--groups");
  });
});
