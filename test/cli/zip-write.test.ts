/**
 * Issue 22: workbooks are compressed with Node's zlib instead of jszip's pako. Every part must read back exactly as
 * written, in the package's order, by jszip and by PAR Scorer's own reader; the looks of cells still share one
 * style each (the style key changed from JSON to a joined string).
 */
import JSZip from "jszip";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { addSheet, newWorkbook, workbookBuffer } from "../../src/cli/xlsx/write";
import { deflateRawSync } from "node:zlib";
import fc from "fast-check";
import { deflatedPackage, windowBitsFor } from "../../src/cli/xlsx/zip-write";
import { XlsxPackage } from "../../src/cli/xlsx/package";
import { join } from "node:path";
import { writeFileSync } from "node:fs";
import { tempDir } from "../support/par";
import { SheetSpec } from "../../src/scoring";

describe("zlib-compressed packages", () => {
  test("every part reads back the same, in order, with its date: folders, empty parts, Vietnamese names, incompressible bytes", async () => {
    const zip = new JSZip();
    const date = new Date(2026, 11, 7, 9, 30, 20);
    const random = Buffer.alloc(5000);
    for (let i = 0; i < random.length; i++) random[i] = (i * 2654435761) >>> 24;
    zip.file("[Content_Types].xml", "<Types/>".repeat(500), { date });
    zip.folder("_rels");
    zip.file("xl/trống.xml", "", { date });
    zip.file("xl/media/anh.bin", random, { date });
    zip.file("xl/Đơn vị.xml", "<a>Điểm tự chấm</a>", { date });
    const out = deflatedPackage(XlsxPackage.read(await zip.generateAsync({ type: "nodebuffer", compression: "STORE" })), 1)!;
    const back = await JSZip.loadAsync(out, { checkCRC32: true });
    expect(Object.keys(back.files)).toEqual(Object.keys(zip.files));
    for (const name of Object.keys(zip.files)) {
      expect(back.files[name].dir).toBe(zip.files[name].dir);
      if (zip.files[name].dir) continue;
      expect(await back.file(name)!.async("nodebuffer")).toEqual(await zip.file(name)!.async("nodebuffer"));
      expect(back.files[name].date.getTime()).toBe(date.getTime());
    }
  });

  test("a workbook written through it reads back cell for cell, and one look is one style", async () => {
    const bold = { bold: true, border: true };
    const spec: SheetSpec = {
      name: "Xếp hạng",
      kind: "ranking",
      columnWidths: [10, 30],
      rows: [
        [{ value: "Mã", style: { bold: true, border: true } }, { value: "Đơn vị", style: bold }],
        [{ value: 1, style: { bold: true, border: true, numFmt: "0" } }, { value: "Sở Nội vụ", style: { bold: undefined } }],
        [{ value: 0.85, style: { numFmt: "0.00%" } }, { value: "Sở Y tế" }],
      ],
    } as SheetSpec;
    const wb = newWorkbook();
    const ws = addSheet(wb, spec);
    // Same look, other objects: one style; another number format: another style; no style and bold undefined: one.
    expect(ws.getCell(1, 1).style).toBe(ws.getCell(1, 2).style);
    expect(ws.getCell(2, 1).style).not.toBe(ws.getCell(1, 1).style);
    expect(ws.getCell(2, 2).style).toBe(ws.getCell(3, 2).style);
    expect(ws.getCell(3, 1).style.numFmt).toBe("0.00%");
    const file = join(tempDir("par-zip-"), "xep-hang.xlsx");
    writeFileSync(file, await workbookBuffer(wb, { level: 1 }));
    const grid = (await readWorkbook(file)).grids.find((g) => g.name === "Xếp hạng")!;
    expect(grid.values.slice(0, 3)).toEqual([
      ["Mã", "Đơn vị"],
      [1, "Sở Nội vụ"],
      [0.85, "Sở Y tế"],
    ]);
  });

  test("a part deflated with the window that fits it gives the bytes the default 32 KB window gives", () => {
    // Parts as a ranking holds them (repetitive XML), at every size around each window's edge, and random bytes.
    const xml = (n: number) => '<row r="1"><c r="A1" s="3" t="s"><v>12</v></c></row>'.repeat(Math.ceil(n / 50) + 1).slice(0, n);
    const edges = [0, 1, 249, 250, 251, 511, 762, 763, 764, 1786, 1787, 1788, 3834, 3835, 3836, 7930, 7931, 7932, 16122, 16123, 16124, 32505, 32506, 32507, 40000];
    const same = (data: Buffer, level: number) => deflateRawSync(data, { level, windowBits: windowBitsFor(data.length) }).equals(deflateRawSync(data, { level }));
    for (const n of edges) {
      expect([n, same(Buffer.from(xml(n)), 1)]).toEqual([n, true]);
      expect([n, same(Buffer.from(xml(n)), 6)]).toEqual([n, true]);
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20_000, size: "max" }), fc.integer({ min: 1, max: 9 }), (bytes, level) => same(Buffer.from(bytes), level)),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.array(fc.constantFrom("<c r=\"B2\">", "<v>0,5</v>", "</c>", "Sở Nội vụ", " ", "\n"), { maxLength: 3000, size: "max" }), (pieces) => same(Buffer.from(pieces.join("")), 1)),
      { numRuns: 200 },
    );
    expect(windowBitsFor(250)).toBe(9);
    expect(windowBitsFor(251)).toBe(10);
    expect(windowBitsFor(32_506)).toBe(15);
    expect(windowBitsFor(10_000_000)).toBe(15);
  });
});
