/**
 * The HTML reports as the Sở Nội vụ prints them: `par summary` (a names-only catalogue: the plan's empty columns)
 * and `par aggregate` (two groups; and the national sample with survey, bonus and penalty columns, the widest
 * ranking) printed to A4 PDFs by headless Chromium, read back with pdftotext. No word — figure, code, percentage,
 * header — is split across lines; each table's header stands only over its own rows; the ranking's charts list each
 * group's units in rank order; the page asks for nothing outside itself; tables are accessible; and the figures are
 * the .xlsx's.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Browser } from "playwright-core";
import { formatCell } from "../../src/cli/report/cell-text";
import { readRankingData } from "../../src/cli/report/ranking-data";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { formatNumber } from "../../src/scoring";
import { NumberFormat } from "../../src/scoring/report/sheet-spec";
import { par, SAMPLE_CATALOG, SAMPLES, tempDir } from "../support/par";
import { brokenWords, launchChromium, pdfLines, printHtml, PrintedHtml } from "../support/printed";

jest.setTimeout(240_000);

const dir = tempDir("par-print-");
let browser: Browser;
const printed: Record<string, PrintedHtml & { lines: string[]; html: string }> = {};

async function print(name: string): Promise<void> {
  const html = join(dir, `${name}.html`);
  const pdf = join(dir, `${name}.pdf`);
  const result = await printHtml(browser, html, pdf);
  printed[name] = { ...result, lines: pdfLines(pdf), html: require("node:fs").readFileSync(html, "utf8") };
}

beforeAll(async () => {
  const runs = [
    ["summary", join(SAMPLES, "so", "so-tu-phap.xlsx"), "-c", SAMPLE_CATALOG, "-o", join(dir, "tong-hop.xlsx")],
    ["aggregate", join(SAMPLES, "so"), join(SAMPLES, "huyen"), "-c", SAMPLE_CATALOG, "-o", join(dir, "xep-hang.xlsx"), "--groups", `${join(SAMPLES, "so")}=Sở, ban, ngành`, `${join(SAMPLES, "huyen")}=UBND cấp huyện`],
    ["aggregate", join(SAMPLES, "quoc-gia"), "--survey", join(SAMPLES, "dieu-tra-xhh-huyen-2026.xlsx"), "-o", join(dir, "quoc-gia.xlsx")],
  ];
  for (const args of runs) {
    const run = await par(...args);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
  }
  browser = await launchChromium();
  for (const name of ["tong-hop", "xep-hang", "quoc-gia"]) await print(name);
});

afterAll(async () => {
  await browser?.close();
});

describe("HTML reports printed on A4", () => {
  test.each(["tong-hop", "xep-hang", "quoc-gia"])("%s: no figure, code, percentage or word is split across lines", (name) => {
    const { words, lines } = printed[name];
    expect(words.length).toBeGreaterThan(100);
    expect(brokenWords(words, lines)).toEqual([]);
  });

  test("the check finds a split: the same page with words allowed to break anywhere", async () => {
    const { readFileSync, writeFileSync } = require("node:fs");
    const html = readFileSync(join(dir, "tong-hop.html"), "utf8")
      .replace("overflow-wrap:normal;word-break:keep-all", "overflow-wrap:anywhere;word-break:break-all")
      .replace(".nw{white-space:nowrap}", "")
      .replace("<body>", '<body style="width:380px">');
    writeFileSync(join(dir, "split.html"), html);
    const split = await printHtml(browser, join(dir, "split.html"), join(dir, "split.pdf"));
    expect(brokenWords(split.words, pdfLines(join(dir, "split.pdf"))).length).toBeGreaterThan(0);
  });

  test("each table's header stands once, over its own section only; the plan's empty columns are gone", () => {
    const { lines } = printed["tong-hop"];
    const count = (re: RegExp) => lines.filter((l) => re.test(l)).length;
    // Section I's header (Lĩnh vực), section II's (Loại phát hiện), section III's (Vị trí), the plan's (Điểm mất).
    expect(count(/\bLĩnh vực\b/)).toBe(1);
    expect(count(/Loại phát hiện/)).toBe(1);
    expect(count(/Vị trí/)).toBe(1);
    expect(count(/Điểm mất/)).toBe(1);
    for (const gone of ["Mục tiêu", "Yêu cầu đối với", "Thời hạn", "Cơ quan chủ trì", "Cơ quan phối hợp", "Nhãn biểu đồ"]) expect(count(new RegExp(gone))).toBe(0);
    expect(printed["tong-hop"].tables.map((t) => t.caption)).toEqual([
      "I. ĐIỂM THEO LĨNH VỰC",
      "II. KẾT QUẢ KIỂM TRA SỔ TỰ ĐÁNH GIÁ",
      "III. TIÊU CHÍ CHƯA CÓ TÀI LIỆU KIỂM CHỨNG",
      "Các tiêu chí bị mất điểm, xếp theo số điểm bị mất từ cao đến thấp",
    ]);
  });

  test("accessible tables: every table has a caption and one header, every th a scope", () => {
    for (const name of ["tong-hop", "xep-hang", "quoc-gia"]) {
      expect(printed[name].tables.length).toBeGreaterThan(1);
      for (const t of printed[name].tables) {
        expect(t.caption).not.toBe("");
        expect(t.theads).toBe(1);
        expect(t.thWithoutScope).toBe(0);
      }
    }
  });

  test("self-contained: the page asks for nothing but itself; a CSP; no http(s) address in src or href", () => {
    for (const name of ["tong-hop", "xep-hang", "quoc-gia"]) {
      const { requests, html } = printed[name];
      expect(requests).toEqual([expect.stringMatching(new RegExp(`^file://.*/${name}\\.html$`))]);
      expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
      expect(html).not.toMatch(/\s(src|href)="(?!#)/);
      expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    }
  });

  test("the ranking's charts: one per group, its units in rank order, the index of each", async () => {
    const data = readRankingData(await readWorkbook(join(dir, "xep-hang.xlsx")))!;
    const { charts } = printed["xep-hang"];
    // The districts were appraised (SNV đánh giá): their group also gets self-assessed against appraised.
    expect(charts.map((c) => c.title)).toEqual([
      "Chỉ số CCHC — Sở, ban, ngành",
      "Chỉ số CCHC — UBND cấp huyện",
      "Chỉ số tự đánh giá và thẩm định — UBND cấp huyện",
    ]);
    const districts = data.ranking.groups.find((g) => g.name === "UBND cấp huyện")!;
    expect(districts.entries.some((e) => e.appraisedIndex !== null)).toBe(true);
    expect(charts[2].categories).toEqual(districts.entries.map((e) => `${e.rank}. ${e.unit}`));
    // Each unit's two indexes (a unit not appraised: "—" for its appraised bar).
    const both = districts.entries.flatMap((e) => [e.selfIndex, e.appraisedIndex]).map((v) => (v === null ? "—" : formatNumber(v)));
    expect([...charts[2].values].sort()).toEqual(both.sort());
    data.ranking.groups.forEach((group, i) => {
      expect(charts[i].categories).toEqual(group.entries.map((e) => `${e.rank}. ${e.unit}`));
      expect(charts[i].values).toEqual(group.entries.map((e) => formatNumber(e.officialIndex!)));
      const indexes = group.entries.map((e) => e.officialIndex!);
      expect([...indexes].sort((a, b) => b - a)).toEqual(indexes);
    });
    expect(charts[0].categories[0]).toBe("1. Sở Nội vụ");
  });

  test("the same figures as the .xlsx: every number of its visible sheets, formatted, is in the HTML", async () => {
    for (const name of ["tong-hop", "xep-hang"]) {
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(join(dir, `${name}.xlsx`));
      const words = new Set(printed[name].words);
      let checked = 0;
      for (const ws of book.worksheets) {
        if (ws.state !== "visible" || !["Tổng hợp", "Kế hoạch cải thiện", "Xếp hạng", "Điểm theo lĩnh vực"].includes(ws.name)) continue;
        ws.eachRow((row) =>
          row.eachCell((cell) => {
            if (typeof cell.value !== "number") return;
            const text = formatCell(cell.value, (cell.numFmt || undefined) as NumberFormat | undefined, "vi");
            expect([ws.name, text, words.has(text)]).toEqual([ws.name, text, true]);
            checked++;
          }),
        );
      }
      expect(checked).toBeGreaterThan(20);
    }
  });
});
