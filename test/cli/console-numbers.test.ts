/**
 * Every figure the console prints (par validate, summary, aggregate, catalog show) is written one way: 2 decimals,
 * Vietnamese "1.234,50", English "1,234.50" with --lang en; counts ("5 lỗi", "2 units") stay whole numbers.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { par, SAMPLE_CATALOG, SAMPLES, tempDir } from "../support/par";

jest.setTimeout(120_000);

const dir = tempDir("par-console-numbers-");
const SO_TU_PHAP = join(SAMPLES, "so", "so-tu-phap.xlsx");

/** Decimal figures in the other language's notation, or with other than 2 decimals, in `text`. */
function strayFigures(text: string, lang: "vi" | "en"): string[] {
  // Vietnamese: a decimal comma always has exactly 2 digits after it, and "." only groups thousands (or joins a
  // code's parts, 1.3.2, which never has a comma after it). English: the other way round.
  const [decimal, group] = lang === "vi" ? [",", "."] : [".", ","];
  const d = `\\${decimal}`;
  const g = `\\${group}`;
  // (In English "1.1" may be a criterion code: only Vietnamese decimals can be checked for their 2 digits.)
  const badDecimal = lang === "vi" ? new RegExp(`\\d${d}(?:\\d(?!\\d)|\\d{3,})`, "g") : /(?!)/g;
  // A decimal figure whose whole part is grouped wrongly (1234,50 instead of 1.234,50).
  const ungrouped = new RegExp(`(?<![\\d${g}${d}])\\d{4,}${d}\\d{2}(?!\\d)`, "g");
  // In English, a comma followed by fewer than 3 digits is a Vietnamese decimal (English groups thousands by 3).
  // (In Vietnamese the mirror check cannot be made: "1.3" is a criterion code.)
  const leaked = lang === "en" ? (text.match(/\d,\d{1,2}(?!\d)/g) ?? []) : [];
  return [...(text.match(badDecimal) ?? []), ...(text.match(ungrouped) ?? []), ...leaked];
}

describe("console figures in both languages", () => {
  test("par summary: the index as a figure, counts as whole numbers", async () => {
    const vi = await par("summary", SO_TU_PHAP, "-c", SAMPLE_CATALOG, "-o", join(dir, "vi.xlsx"));
    expect(vi.code).toBe(0);
    expect(vi.out).toContain("Chỉ số CCHC: 90,50 — xếp loại A; 5 lỗi, 1 cảnh báo; 10 tiêu chí bị mất điểm");
    expect(strayFigures(vi.out, "vi")).toEqual([]);
    const en = await par("summary", SO_TU_PHAP, "-c", SAMPLE_CATALOG, "-o", join(dir, "en.xlsx"), "--lang", "en");
    expect(en.code).toBe(0);
    expect(en.out).toContain("PAR index: 90.50 — band A; 5 errors, 1 warning; 10 criteria lost points");
    expect(strayFigures(en.out, "en")).toEqual([]);
  });

  test("par validate: points in the findings as figures, the totals as counts", async () => {
    const vi = await par("validate", SO_TU_PHAP, "-c", SAMPLE_CATALOG);
    expect(vi.code).toBe(1);
    expect(vi.out).toContain("là 10,25, nhưng tổng của các tiêu chí con là 9,25");
    expect(vi.out).toContain("được chấm 1,00 điểm");
    expect(vi.out).toContain("Tổng cộng: 5 lỗi, 1 cảnh báo.");
    expect(strayFigures(vi.out, "vi")).toEqual([]);
    const en = await par("validate", SO_TU_PHAP, "-c", SAMPLE_CATALOG, "--lang", "en");
    expect(en.code).toBe(1);
    expect(en.out).toContain("is 10.25, but its children sum to 9.25");
    expect(en.out).toContain("scores 1.00 points");
    expect(en.out).toContain("Total: 5 errors, 1 warning.");
    expect(strayFigures(en.out, "en")).toEqual([]);
  });

  test("par aggregate: a survey figure above its maximum is said with both figures, thousands grouped", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(SAMPLES, "dieu-tra-xhh-huyen-2026.xlsx"));
    const ws = wb.worksheets[0];
    expect([ws.getCell("A4").value, ws.getCell("B3").value]).toEqual(["UBND huyện Tủa Chùa", "5.1"]);
    ws.getCell("B4").value = 1234.5;
    const survey = join(dir, "dieu-tra.xlsx");
    await wb.xlsx.writeFile(survey);
    for (const [lang, figure] of [
      ["vi", /1\.234,50, vượt điểm tối đa \d+,00/],
      ["en", /1,234\.50, above the maximum \d+\.00/],
    ] as const) {
      const r = await par("aggregate", join(SAMPLES, "quoc-gia"), "--survey", survey, "-o", join(dir, `xh-${lang}.xlsx`), "--lang", lang);
      const text = r.out + r.err;
      expect([lang, text]).toEqual([lang, expect.stringMatching(figure)]);
      expect(text).toMatch(lang === "vi" ? /Đã xếp hạng 2 đơn vị từ 2 tệp/ : /Ranked 2 units from 2 workbooks/);
      expect(strayFigures(text, lang)).toEqual([]);
    }
  });

  test("par catalog show: each maximum as a figure", async () => {
    const vi = await par("catalog", "show", SAMPLE_CATALOG);
    expect(vi.out).toContain("1  Công tác chỉ đạo, điều hành CCHC  (15,00 điểm)");
    expect(vi.out).toContain("  1.2  Báo cáo CCHC  (2,50 điểm)");
    expect(strayFigures(vi.out, "vi")).toEqual([]);
    const en = await par("catalog", "show", SAMPLE_CATALOG, "--lang", "en");
    expect(en.out).toContain("  1.2  Báo cáo CCHC  (2.50 points)");
    expect(strayFigures(en.out, "en")).toEqual([]);
  });

  test("the check itself sees a figure in the wrong notation or with the wrong decimals", () => {
    expect(strayFigures("Chỉ số CCHC: 93,9 — 86 — 91,41", "vi")).toEqual(["3,9"]);
    expect(strayFigures("is 10.25, but 1234,50", "vi")).toEqual(["1234,50"]);
    expect(strayFigures("PAR index: 93,90", "en")).toEqual(["3,90"]);
    expect(strayFigures("PAR index: 93,9 and 0,5; 1,234.50 of 1,234,567.00, criterion 1.2", "en")).toEqual(["3,9", "0,5"]);
    expect(strayFigures("tiêu chí 1.3.2 được chấm 1,00 điểm", "vi")).toEqual([]);
  });
});
