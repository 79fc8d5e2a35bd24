import { chartSvg, escapeHtml, formatCellVi, renderHtmlReport } from "../../src/cli/report-html";
import { SheetSpec } from "../../src/scoring/report/sheet-spec";

function spec(): SheetSpec {
  return {
    name: "Tổng hợp <Sở>",
    kind: "summary",
    rows: [
      [{ value: "TỔNG HỢP CHỈ SỐ CCHC", style: { bold: true, size: 14 } }],
      [
        { value: "Mã", style: { fill: "header" } },
        { value: "Lĩnh vực", style: { fill: "header" } },
        { value: "Điểm", style: { fill: "header" } },
        { value: "Chỉ số", style: { fill: "header" } },
        { value: "Ngày", style: { fill: "header" } },
      ],
      [
        { value: "1" },
        { value: '<script>alert("x")</script> & "quotes"', style: { fill: "error", wrap: true } },
        { value: 0.5, style: { numFmt: "0.00" } },
        { value: 0.85, style: { numFmt: "0.00%" } },
        { value: new Date(Date.UTC(2018, 11, 28)), style: { numFmt: "dd/mm/yyyy" } },
      ],
      [
        { value: "Tổng", style: { fill: "total" } },
        null,
        { value: 12.5, formula: "=SUM(C3:C3)", style: { numFmt: "0.00" } },
        { value: 1, style: { numFmt: "0.00%" } },
        { value: 43480, style: { numFmt: "dd/mm/yyyy" } },
      ],
    ],
    columnWidths: [6, 40, 10, 10, 12],
    merges: ["A1:E1", "A4:B4"],
    headerRow: 1,
    chart: {
      type: "bar",
      title: "Điểm theo lĩnh vực <b>",
      categories: ["Chỉ đạo, điều hành", "Thủ tục hành chính", "Hiện đại hóa <i>"],
      series: [
        { name: "Điểm tối đa", values: [15, 12, 16] },
        { name: "Điểm đạt", values: [12.5, 11.25, 14] },
      ],
      anchor: "G2",
    },
  };
}

describe("renderHtmlReport", () => {
  const html = renderHtmlReport("Báo cáo <tổng hợp> 2018", [spec(), { ...spec(), name: "Bảng 2", chart: undefined }]);

  test("is a self-contained Vietnamese page without scripts or external resources", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link|<img|<iframe|\ssrc=|@import|url\(/i);
    expect(html).not.toMatch(/href="(?!#)/);
    expect(html).toContain("<title>Báo cáo &lt;tổng hợp&gt; 2018</title>");
  });

  test("escapes the text of cells, names and charts", () => {
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;");
    expect(html).toContain("Tổng hợp &lt;Sở&gt;");
    expect(html).toContain("Hiện đại hóa &lt;i&gt;");
    expect(html).not.toContain("<b>");
    expect(html).not.toContain("<i>");
  });

  test("writes numbers, percentages and dates the Vietnamese way", () => {
    expect(html).toContain(">0,50<");
    expect(html).toContain(">85,00%<");
    expect(html).toContain(">28/12/2018<");
    expect(html).toContain(">12,50<");
    expect(html).toContain(">100,00%<");
    expect(html).toContain(">15/01/2019<");
  });

  test("tables: header cells, merges as colspan", () => {
    expect(html).toContain('<th class="fill-header" scope="col">Mã</th>');
    expect(html).toContain('colspan="5"');
    expect(html).toContain('<td class="fill-total" colspan="2">Tổng</td>');
    expect((html.match(/<table>/g) ?? []).length).toBe(2);
  });

  test("one inline SVG bar chart per chart, one <rect> per bar, value labels and a legend", () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBe(1);
    const svg = svgs[0] ?? "";
    expect((svg.match(/<rect /g) ?? []).length).toBe(6);
    expect((svg.match(/class="bar"/g) ?? []).length).toBe(6);
    expect(svg).toContain(">12,5<");
    expect(svg).toContain(">11,25<");
    expect(svg).toContain("Điểm tối đa");
    expect(svg).toContain("Điểm đạt");
    const fills = new Set([...svg.matchAll(/<rect [^>]*fill="([^"]+)"/g)].map((m) => m[1]));
    expect(fills.size).toBe(2);
    expect(svg).toContain("Điểm theo lĩnh vực &lt;b&gt;");
  });

  test("bars are proportional to the values", () => {
    const svg = chartSvg({ type: "bar", title: "t", categories: ["a", "b"], series: [{ name: "s", values: [10, 5] }], anchor: "A1" }, "c");
    const widths = [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[0]).toBeCloseTo(widths[1] * 2, 0);
  });

  test("is deterministic", () => {
    expect(renderHtmlReport("x", [spec()])).toBe(renderHtmlReport("x", [spec()]));
  });
});

describe("formatCellVi", () => {
  test.each([
    [0.5, "0.00", "0,50"],
    [1.005, "0.00", "1,01"],
    [-0.001, "0.00", "0,00"],
    [0.8512, "0.00%", "85,12%"],
    [2.6, "0", "3"],
    [0.5, undefined, "0,5"],
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
