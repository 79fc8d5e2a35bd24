/**
 * `par validate` of an .xlsx the fast reader reads does not load SheetJS at all (loading it was most of the
 * command's start): here loading it throws, so any path that still requires it fails.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { readWorkbookBytes } from "../../src/cli/workbook/read";
import { par, SAMPLE_CATALOG, SAMPLES } from "../support/par";

jest.mock("../../src/cli/workbook/sheetjs", () => {
  throw new Error("SheetJS was loaded");
});

it("reads a sample workbook and validates it without loading SheetJS", async () => {
  const file = join(SAMPLES, "so", "so-noi-vu.xlsx");
  const data = readWorkbookBytes(readFileSync(file), file);
  expect(data.grids.length).toBeGreaterThan(0);
  const r = await par("validate", file, "-c", SAMPLE_CATALOG, "--json");
  expect(r.err).not.toContain("SheetJS");
  expect([0, 1]).toContain(r.code);
  expect(Array.isArray(JSON.parse(r.out))).toBe(true);
});

it("loads SheetJS for a file the fast reader declines (an array formula), which proves the mock is in force", async () => {
  const file = join(SAMPLES, "so", "so-noi-vu.xlsx");
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sheet = Object.keys(zip.files).find((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n))!;
  const xml = await zip.file(sheet)!.async("string");
  expect(xml).toContain("<v>");
  zip.file(sheet, xml.replace("<v>", '<f t="array" ref="A1:A2">ROW(1:2)</f><v>'));
  const buf = await zip.generateAsync({ type: "nodebuffer" });
  expect(() => readWorkbookBytes(buf, file)).toThrow("SheetJS was loaded");
});
