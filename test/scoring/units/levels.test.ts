/** Issue #21: catalogue levels since 1 July 2025, named in Vietnamese by the template, the summary and the catalogue sheet. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { catalogToSheet, Grid, parseCatalog, readCatalogSheet, SheetSpec, summarySheet, templateSheet } from "../../../src/scoring";
import { fakeSummary } from "../report-helpers";

const sample = (file: string) => parseCatalog(JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "samples", file), "utf8")), file);
const texts = (spec: SheetSpec) => spec.rows.flat().map((c) => (c ? String(c.value) : ""));
const grid = (spec: SheetSpec): Grid => ({ name: spec.name, values: spec.rows.map((row) => row.map((c) => (c ? (c.value as string | number | null) : null))) });

describe("catalogue levels", () => {
  test.each([
    ["ward", "phường"],
    ["commune", "xã"],
    ["special-zone", "đặc khu"],
    ["department", "sở, ban, ngành"],
    ["district", "huyện"],
  ])("level %s is accepted and the template's title names it (CẤP %s)", (level, vi) => {
    const catalog = { ...sample("bo-tieu-chi-xa-2026.json"), level: level as never };
    expect(texts(templateSheet(catalog, { year: 2026 }))[0]).toBe(`BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP ${vi.toUpperCase()} NĂM 2026`);
  });

  test("an unknown level is refused by the schema", () => {
    expect(() => parseCatalog({ ...JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "samples", "bo-tieu-chi-xa-2026.json"), "utf8")), level: "hamlet" }, "x.json")).toThrow();
  });

  test("the summary names the level its catalogue assesses", () => {
    const spec = summarySheet(fakeSummary("UBND phường Lê Chân", 80, { catalogLevel: "ward" }));
    expect(texts(spec).some((t) => t.endsWith("(cấp đánh giá: phường)"))).toBe(true);
    expect(texts(summarySheet(fakeSummary("UBND phường Lê Chân", 80, { catalogLevel: "ward" }), "en")).some((t) => t.endsWith("(level: wards)"))).toBe(true);
  });

  test("the catalogue sheet keeps the level and the province through a round trip", () => {
    const catalog = { ...sample("bo-tieu-chi-xa-2026.json"), level: "special-zone" as const };
    const back = readCatalogSheet(grid(catalogToSheet(catalog)));
    expect(back.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(back.catalog).toMatchObject({ level: "special-zone", province: "Hải Phòng" });
  });
});
