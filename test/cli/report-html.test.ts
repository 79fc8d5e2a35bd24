import { chartSvg, escapeHtml, formatCellVi, renderHtmlReport } from "../../src/cli/report-html";
import { specBlocks } from "../../src/cli/report/spec-tables";
import { rankingHtml } from "../../src/cli/report/ranking-html";
import { rankingCharts } from "../../src/cli/report/ranking-charts";
import { CellStyle, SheetSpec, SpecCell } from "../../src/scoring/report/sheet-spec";
import { buildRanking, planSheet, rankingSheet, UnitSummary } from "../../src/scoring";

const HEAD: CellStyle = { fill: "header", bold: true, border: true };
const h = (value: string): SpecCell => ({ value, style: HEAD });
const n = (value: number | null, numFmt: "0.00" | "0.00%" | "0" = "0.00"): SpecCell => ({ value, style: { numFmt, border: true } });
const s = (value: string | null, style: CellStyle = { border: true }): SpecCell => ({ value, style });

/** Two sections sharing columns, like the summary sheet: a title block, section I (with an empty column and a helper column beside it), section II. */
function spec(): SheetSpec {
  return {
    name: "Tổng hợp <Sở>",
    kind: "summary",
    rows: [
      [{ value: "TỔNG HỢP CHỈ SỐ CCHC", style: { bold: true, size: 14, align: "center" } }],
      [{ value: "Đơn vị: Sở Tư pháp", style: { bold: true, size: 12 } }],
      [],
      [{ value: "I. ĐIỂM THEO LĨNH VỰC", style: { bold: true, size: 12 } }],
      [h("Mã"), h("Lĩnh vực"), h("Điểm"), h("Tỷ lệ đạt"), h("Mục tiêu"), h("Ngày"), null, { value: "Nhãn biểu đồ", style: { italic: true } }],
      [
        s("3.2.1"),
        s('<script>alert("x")</script> & "quotes"', { fill: "error", wrap: true, border: true }),
        n(1234.5),
        n(0.9333, "0.00%"),
        s(null),
        { value: new Date(Date.UTC(2018, 11, 28)), style: { numFmt: "dd/mm/yyyy", border: true } },
        null,
        { value: "3.2.1. Niêm yết", style: { italic: true } },
      ],
      [s("Tổng cộng", { fill: "total" }), null, n(12.5), n(1, "0.00%"), s(null), { value: 43480, style: { numFmt: "dd/mm/yyyy" } }],
      [],
      [{ value: "II. KẾT QUẢ KIỂM TRA", style: { bold: true, size: 12 } }],
      [h("STT"), h("Loại phát hiện"), h("Lỗi")],
      [n(1, "0"), s("Thiếu tiêu chí"), n(3, "0")],
    ],
    columnWidths: [8, 40, 12, 12, 20, 12, 2, 30],
    merges: ["A1:F1", "A2:F2", "A4:F4", "A7:B7", "A9:F9"],
    headerRow: 4,
    chart: {
      type: "bar",
      title: "Điểm theo lĩnh vực <b>",
      categories: ["Chỉ đạo, điều hành", "Thủ tục hành chính", "Hiện đại hóa <i>"],
      series: [
        { name: "Điểm tối đa", values: [15, 12, 16] },
        { name: "Điểm đạt", values: [12.5, 11.25, 14] },
      ],
      anchor: "J5",
    },
  };
}

const tables = (html: string): string[] => [...(html.match(/<table>[\s\S]*?<\/table>/g) ?? [])];

describe("renderHtmlReport", () => {
  const html = renderHtmlReport("Báo cáo <tổng hợp> 2018", [spec(), { ...spec(), name: "Bảng 2", chart: undefined }]);

  test("is a self-contained Vietnamese page: no scripts, no external resources, a CSP", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`http-equiv="Content-Security-Policy" content="default-src 'none'`);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<img|<iframe|<object|<embed|\ssrc=|@import|url\(/i);
    expect(html).not.toMatch(/href="(?!#)/);
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, "")).not.toMatch(/https?:/);
    expect(html).toContain("<title>Báo cáo &lt;tổng hợp&gt; 2018</title>");
  });

  test("escapes the text of cells, names and charts", () => {
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</span> &amp; &quot;quotes&quot;");
    expect(html).toContain("Tổng hợp &lt;Sở&gt;");
    expect(html).toContain("Hiện đại hóa &lt;i&gt;");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<i>");
  });

  test("figures with formatNumber (2 decimals, grouped), percentages and dates the Vietnamese way, never wrapped", () => {
    expect(html).toContain('<td class="bd al-right nw">1.234,50</td>');
    expect(html).toContain(">93,33%<");
    expect(html).toContain(">28/12/2018<");
    expect(html).toContain(">12,50<");
    expect(html).toContain(">100,00%<");
    expect(html).toContain(">15/01/2019<");
    expect(html).toContain('<td class="bd nw">3.2.1</td>');
  });

  test("each section is a table of its own, with its caption, header (th scope) and rows", () => {
    const [first, second] = tables(html);
    expect(tables(html)).toHaveLength(4);
    expect(first).toContain("<caption>I. ĐIỂM THEO LĨNH VỰC</caption>");
    expect(first).toContain('<th class="fill-header b bd nw" scope="col">Mã</th>');
    expect(first).not.toContain("Loại phát hiện");
    expect(second).toContain("<caption>II. KẾT QUẢ KIỂM TRA</caption>");
    expect(second).toContain('scope="col">Loại phát hiện</th>');
    expect(second).not.toContain(">Lĩnh vực<");
    for (const table of tables(html)) {
      expect(table).toMatch(/<caption>[^<]+/);
      expect((table.match(/<thead>/g) ?? []).length).toBe(1);
      for (const th of table.match(/<th[ >][^>]*>/g) ?? []) expect(th).toMatch(/scope="(col|colgroup|row|rowgroup)"/);
    }
    // The title lines stay lines above the first table.
    expect(html).toContain('<p class="title b al-center">TỔNG HỢP CHỈ SỐ CCHC</p>');
  });

  test("drops columns without content and helper columns beside the table", () => {
    const [first] = tables(html);
    expect(first).not.toContain("Mục tiêu");
    expect(first).not.toContain("Nhãn biểu đồ");
    expect(first).not.toContain("3.2.1. Niêm yết");
    expect((first.match(/<col /g) ?? []).length).toBe(5);
    expect(first).toContain('<td class="fill-total" colspan="2">Tổng cộng</td>');
  });

  test("text wraps only at spaces: words with digits, dashes or slashes are kept whole", () => {
    const page = renderHtmlReport("x", [{ ...spec(), rows: [[h("Tài liệu")], [s("Kế hoạch số 3790/KH-UBND ngày 27/12/2017 về CCHC")]] }]);
    expect(page).toContain('Kế hoạch số <span class="nw">3790/KH-UBND</span> ngày <span class="nw">27/12/2017</span> về CCHC');
    expect(page).toMatch(/td,th\{[^}]*overflow-wrap:normal;word-break:keep-all;hyphens:manual/);
    expect(page).toMatch(/\.nw\{white-space:nowrap\}/);
    expect(page).toMatch(/@media print\{[\s\S]*tr,figure,svg,p\{break-inside:avoid\}/);
    expect(page).toContain("@page{size:A4");
  });

  test("in English: lang, figures 1,234.50", () => {
    const en = renderHtmlReport("x", [spec()], { lang: "en" });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain(">1,234.50<");
    expect(en).toContain(">93.33%<");
  });

  test("one inline SVG bar chart per chart, under the first table, one <rect class=bar> per bar, value labels and a legend", () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(1);
    const svg = svgs[0] ?? "";
    expect(html.indexOf("<svg")).toBeGreaterThan(html.indexOf("I. ĐIỂM THEO LĨNH VỰC"));
    expect(html.indexOf("<svg")).toBeLessThan(html.indexOf("II. KẾT QUẢ KIỂM TRA"));
    expect((svg.match(/class="bar"/g) ?? []).length).toBe(6);
    expect(svg).toContain(">12,50<");
    expect(svg).toContain(">11,25<");
    expect(svg).toContain("Điểm tối đa");
    expect(svg).toContain("Điểm đạt");
    const fills = new Set([...svg.matchAll(/<rect class="bar" [^>]*fill="([^"]+)"/g)].map((m) => m[1]));
    expect(fills.size).toBe(2);
    expect(svg).toContain("Điểm theo lĩnh vực &lt;b&gt;");
  });

  test("bars are proportional to the values", () => {
    const svg = chartSvg({ type: "bar", title: "t", categories: ["a", "b"], series: [{ name: "s", values: [10, 5] }], anchor: "A1" }, "c");
    const widths = [...svg.matchAll(/<rect class="bar" [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeCloseTo(widths[1] * 2, 0);
  });

  test("is deterministic", () => {
    expect(renderHtmlReport("x", [spec()])).toBe(renderHtmlReport("x", [spec()]));
  });
});

describe("the core's sheets as HTML", () => {
  test("a names-only plan: the six columns the catalogue leaves empty are dropped", () => {
    const plan = planSheet({
      unit: "Sở Tư pháp",
      catalogId: "dien-bien-so",
      catalogName: "Bộ tiêu chí",
      items: [
        { code: "3.2.1", name: "Niêm yết TTHC", lost: 2, achieved: 0, max: 2, target: null, targetText: null, evidence: [], evidenceRequirement: null, deadline: null, lead: null, coordinating: null },
      ],
    });
    const page = renderHtmlReport("x", [plan]);
    const [table] = tables(page);
    for (const gone of ["Mục tiêu", "Tài liệu kiểm chứng", "Yêu cầu đối với TLKC", "Thời hạn", "Cơ quan chủ trì", "Cơ quan phối hợp"]) expect(table).not.toContain(gone);
    for (const kept of ["STT", "Mã", "Tiêu chí", "Điểm mất", "Điểm đạt", "Điểm tối đa"]) expect(table).toContain(`>${kept}</th>`);
    expect(table).toContain("<caption>Các tiêu chí bị mất điểm, xếp theo số điểm bị mất từ cao đến thấp</caption>");
  });

  test("the ranking: each group a row group of its own (th scope=rowgroup), in rank order", () => {
    const unit = (name: string, index: number): UnitSummary =>
      ({
        unit: name,
        catalogId: "c",
        catalogName: "C",
        officialIndex: index,
        selfIndex: index,
        appraisedIndex: null,
        errors: 0,
        warnings: 0,
        total: { self: index, appraised: null, survey: null, bonus: 0, penalty: 0, total: index, applicableMax: 100 },
      }) as unknown as UnitSummary;
    const ranking = buildRanking([
      { summary: unit("Sở A", 80), group: "Sở" },
      { summary: unit("Huyện B", 70), group: "Huyện" },
      { summary: unit("Sở C", 90), group: "Sở" },
    ]);
    const page = renderHtmlReport("x", [rankingSheet(ranking)]);
    const [table] = tables(page);
    expect(table).toMatch(/<tbody><tr><th class="[^"]*" colspan="\d+" scope="rowgroup">Sở<\/th><\/tr>/);
    expect(table.indexOf("Sở C")).toBeLessThan(table.indexOf("Sở A"));
    expect(table.indexOf("Sở A")).toBeLessThan(table.indexOf(">Huyện<"));
    expect((table.match(/<tbody>/g) ?? []).length).toBe(2);
  });

  test("the ranking report: self-assessed against appraised index only for a group with appraised units, in rank order", () => {
    const unit = (name: string, self: number, appraised: number | null): UnitSummary =>
      ({
        unit: name,
        catalogId: "c",
        catalogName: "C",
        officialIndex: appraised ?? self,
        selfIndex: self,
        appraisedIndex: appraised,
        errors: 0,
        warnings: 0,
        total: { self, appraised, survey: null, bonus: 0, penalty: 0, total: appraised ?? self, applicableMax: 100 },
      }) as unknown as UnitSummary;
    const ranking = buildRanking([
      { summary: unit("Sở A", 80, null), group: "Sở" },
      { summary: unit("Huyện B", 75, 70.5), group: "Huyện" },
      { summary: unit("Huyện C", 92, 90.25), group: "Huyện" },
      { summary: unit("Huyện D", 60, null), group: "Huyện" },
    ]);
    const page = rankingHtml(ranking, [rankingSheet(ranking)], "vi");
    const titles = [...page.matchAll(/<svg[\s\S]*?<title[^>]*>([^<]*)<\/title>/g)].map((m) => m[1]);
    expect(titles).toEqual(["Chỉ số CCHC — Sở", "Chỉ số CCHC — Huyện", "Chỉ số tự đánh giá và thẩm định — Huyện"]);
    const both = rankingCharts(ranking, "vi")[2].chart;
    expect(both.categories).toEqual(["1. Huyện C", "2. Huyện B", "3. Huyện D"]);
    expect(both.series.map((s) => s.name)).toEqual(["Tự đánh giá", "Thẩm định"]);
    expect(both.series[0].values).toEqual([92, 75, 60]);
    expect(both.series[1].values.slice(0, 2)).toEqual([90.25, 70.5]);
    expect(both.series[1].values[2]).toBeNaN();
    const svg = page.match(/<svg[\s\S]*?<\/svg>/g)![2];
    expect(svg).toContain(">90,25<");
    expect(svg).toContain(">Thẩm định<");
    expect(rankingCharts(ranking, "en")[2].chart.title).toBe("Self-assessed and appraised index — Huyện");
    // A group cut into several charts gets the comparison cut the same way.
    expect(rankingCharts(ranking, "vi", 2).map((c) => c.chart.title)).toEqual([
      "Chỉ số CCHC — Sở",
      "Chỉ số CCHC — Huyện (1/2)",
      "Chỉ số CCHC — Huyện (2/2)",
      "Chỉ số tự đánh giá và thẩm định — Huyện (1/2)",
      "Chỉ số tự đánh giá và thẩm định — Huyện (2/2)",
    ]);
  });

  test("a table whose rows hold nothing becomes lines", () => {
    const blocks = specBlocks({ name: "x", kind: "plan", rows: [[h("Mã"), h("Tên")], [s("Không có tiêu chí nào bị mất điểm")]], columnWidths: [8, 8], merges: ["A2:B2"] });
    expect(blocks).toEqual([{ kind: "lines", lines: [{ value: "Không có tiêu chí nào bị mất điểm", style: { border: true } }] }]);
  });
});

describe("formatCellVi", () => {
  test.each([
    [0.5, "0.00", "0,50"],
    [1.005, "0.00", "1,01"],
    [-0.001, "0.00", "0,00"],
    [1234567.891, "0.00", "1.234.567,89"],
    [0.8512, "0.00%", "85,12%"],
    [2.6, "0", "3"],
    [12345, "0", "12.345"],
    [0.5, undefined, "0,50"],
    [43480, "dd/mm/yyyy", "15/01/2019"],
  ] as const)("%p with %p → %p", (value, fmt, text) => {
    expect(formatCellVi(value, fmt)).toBe(text);
  });
  test("dates, booleans, text", () => {
    expect(formatCellVi(new Date(2018, 11, 28))).toBe("28/12/2018");
    expect(formatCellVi(new Date(Date.UTC(2018, 11, 28)))).toBe("28/12/2018");
    expect(formatCellVi(new Date(Date.UTC(2018, 11, 28, 12)))).toBe("28/12/2018");
    expect(formatCellVi(true)).toBe("có");
    expect(formatCellVi("=1+1")).toBe("=1+1");
    expect(formatCellVi(null)).toBe("");
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe("&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
  });
});
