/**
 * Issue 22: a written workbook is finished in an XlsxPackage (src/cli/xlsx/package.ts) instead of jszip. What it
 * writes must be what jszip would have held: for any package and any sequence of parts set and folders added, the
 * same parts in the same order, the same folders, the same contents, the read parts with their times.
 */
import JSZip from "jszip";
import type ExcelJS from "exceljs";
import fc from "fast-check";
import { deflateRawSync } from "node:zlib";
import { PackageError, XlsxPackage } from "../../src/cli/xlsx/package";
import { deflatedPackage } from "../../src/cli/xlsx/zip-write";

const names = fc.constantFrom(
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/worksheets/sheet1.xml",
  "xl/worksheets/sheet2.xml",
  "xl/worksheets/_rels/sheet1.xml.rels",
  "xl/charts/chart1.xml",
  "xl/drawings/_rels/drawing1.xml.rels",
  "docProps/core.xml",
  "xl/Đơn vị/trang.xml",
  "a/b/c/d.xml",
);
const text = fc.oneof(fc.constant(""), fc.string({ maxLength: 40 }), fc.constant("<c r=\"A1\"><v>Điểm tự chấm</v></c>"));
const op = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), name: names, data: text }),
  fc.record({ kind: fc.constant("folder" as const), name: fc.constantFrom("xl", "xl/media", "customXml/", "a/b") }),
);

async function jszipParts(zip: JSZip): Promise<Array<[string, boolean, string]>> {
  const out: Array<[string, boolean, string]> = [];
  for (const f of Object.values(zip.files)) out.push([f.name, f.dir, f.dir ? "" : await f.async("string")]);
  return out;
}

function packageParts(pkg: XlsxPackage): Array<[string, boolean, string]> {
  return [...pkg.entries()].map((p) => [p.name, p.dir, p.dir ? "" : (pkg.text(p.name) ?? "")]);
}

describe("XlsxPackage", () => {
  test("for any package and any parts set and folders added, the parts jszip would hold, in its order", async () => {
    const start = fc.uniqueArray(fc.record({ name: names, data: text }), { selector: (p) => p.name, maxLength: 6 });
    await fc.assert(
      fc.asyncProperty(start, fc.array(op, { maxLength: 12 }), fc.boolean(), async (parts, ops, deflated) => {
        const made = new JSZip();
        const date = new Date(Date.UTC(2025, 6, 1, 8, 30, 20));
        for (const p of parts) made.file(p.name, p.data, { date });
        const bytes = await made.generateAsync({ type: "nodebuffer", compression: deflated ? "DEFLATE" : "STORE" });
        const zip = await JSZip.loadAsync(bytes);
        const pkg = XlsxPackage.read(bytes);
        expect(packageParts(pkg)).toEqual(await jszipParts(zip));
        for (const p of pkg.entries()) expect([p.name, p.date.getTime()]).toEqual([p.name, zip.files[p.name].date.getTime()]);
        for (const o of ops) {
          if (o.kind === "set") {
            zip.file(o.name, o.data);
            pkg.set(o.name, o.data);
          } else {
            zip.folder(o.name);
            pkg.addFolder(o.name);
          }
        }
        expect(packageParts(pkg)).toEqual(await jszipParts(zip));
        for (const name of ["xl/workbook.xml", "xl/", "nothing.xml"]) expect(pkg.has(name)).toBe(zip.file(name) !== null);
        // Written with zlib, read back by jszip: the same parts again.
        const back = await JSZip.loadAsync(deflatedPackage(pkg, 1)!, { checkCRC32: true });
        expect(await jszipParts(back)).toEqual(await jszipParts(zip));
      }),
      { numRuns: 150 },
    );
  });

  test("a part set now takes the time it is set at; a package that is not a zip is said, not read", () => {
    const zip = Buffer.concat([Buffer.from("PK\x05\x06"), Buffer.alloc(18)]);
    const pkg = XlsxPackage.read(zip);
    const before = Date.now();
    pkg.set("xl/a.xml", "<a/>");
    const parts = [...pkg.entries()];
    expect(parts.map((p) => p.name)).toEqual(["xl/", "xl/a.xml"]);
    expect(parts[1].date.getTime()).toBeGreaterThanOrEqual(before - 1);
    expect(() => XlsxPackage.read(Buffer.from("không phải zip"))).toThrow(PackageError);
    const damaged = Buffer.concat([deflateRawSync(Buffer.from("x")), Buffer.from("PK\x05\x06"), Buffer.alloc(6), Buffer.from([1, 0]), Buffer.alloc(8), Buffer.alloc(2)]);
    expect(() => XlsxPackage.read(damaged)).toThrow(PackageError);
  });
});

describe("exceljs's parts put straight into the package", () => {
  test("are the parts, in the order, its writeBuffer stores: sheets of every kind, merges, validations, print setup", async () => {
    const { addSheet, newWorkbook, writtenPackage } = await import("../../src/cli/xlsx/write");
    const { builtinCatalog, templateSheet } = await import("../../src/scoring");
    const wb = newWorkbook();
    addSheet(wb, templateSheet(builtinCatalog("dien-bien-2018")));
    const ws = wb.addWorksheet("Ghi chú");
    ws.getCell("A1").value = "Điểm tự chấm";
    ws.getCell("B2").value = { formula: "SUM(1,2)", result: 3 } as ExcelJS.CellFormulaValue;
    ws.mergeCells("C3:D4");
    // A picture (a 1×1 PNG), as a user's workbook copied by par may hold: media and drawing parts.
    const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
    ws.addImage(wb.addImage({ buffer: png, extension: "png" } as unknown as ExcelJS.Image), "E5:F6");
    ws.addImage(wb.addImage({ base64: png.toString("base64"), extension: "png" }), "G5:H6");
    const direct = await writtenPackage(wb);
    const stored = XlsxPackage.read(Buffer.from(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions)));
    // docProps/core.xml holds the time it was written.
    const parts = (pkg: XlsxPackage) => [...pkg.entries()].map((p) => [p.name, p.dir, p.name === "docProps/core.xml" ? "" : (pkg.text(p.name) ?? "")]);
    expect(parts(direct)).toEqual(parts(stored));
    expect(parts(direct).length).toBeGreaterThan(10);
    const media = [...direct.entries()].filter((p) => p.name.startsWith("xl/media/") && !p.dir);
    expect(media).toHaveLength(2);
    expect(direct.has("xl/drawings/drawing1.xml")).toBe(true);
    for (const m of media) expect(Buffer.from(m.data).equals(png)).toBe(true);
  });
});
