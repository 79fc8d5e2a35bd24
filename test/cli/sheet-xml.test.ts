/**
 * Sheets written as XML from their spec (sheet-xml.ts, the ranking's unit sheets) are what exceljs writes for the
 * same specs: every part of the package the same, sheet by sheet, once shared strings are read as their text.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { tempDir } from "../support/par";
import { SheetSpec, SpecCell } from "../../src/scoring/report/sheet-spec";
import { addSheet, newTemplatedWorkbook, newWorkbook, workbookBuffer } from "../../src/cli/xlsx/write";

type Workbook = ReturnType<typeof newWorkbook>;

const { unitWorkbook } = require("../../bench/aggregate.js") as { unitWorkbook: (file: string, unit: string, variant: number) => Promise<void> };

/** Every part's text, sheets with their shared strings as text; docProps/core (the write time) and the table itself left out. */
async function parts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const sst = await zip.file("xl/sharedStrings.xml")!.async("string");
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    if (zip.files[name].dir || name === "xl/sharedStrings.xml" || name === "docProps/core.xml") continue;
    let text = await zip.file(name)!.async("string");
    if (name.startsWith("xl/worksheets/sheet")) text = text.replace(/(<c [^>]*t="s"[^>]*><v>)(\d+)(<\/v>)/g, (_, a: string, i: string, b: string) => `${a}${strings[Number(i)]}${b}`);
    out.set(name, text);
  }
  return out;
}

async function same(specs: SheetSpec[]): Promise<{ old: Map<string, string>; now: Map<string, string> }> {
  const build = (wb: Workbook) => {
    for (const spec of specs) addSheet(wb, spec);
    return workbookBuffer(wb, { level: 1 });
  };
  const templated = newTemplatedWorkbook();
  const now = await parts(await build(templated));
  const old = await parts(await build(newWorkbook()));
  return { old, now };
}

const c = (value: SpecCell["value"], style?: SpecCell["style"]): SpecCell => ({ value, ...(style ? { style } : {}) });

/** A unit's summary-like sheet: title merged across, header, rows of numbers and text, a wrapped note, a chart. */
function unitSheet(name: string, n: number, extra: Partial<SheetSpec> = {}): SheetSpec {
  const rows: (SpecCell | null)[][] = [
    [c(`Tổng hợp — ${name}`, { bold: true, size: 14 })],
    [c("Mã", { fill: "header", border: true }), c("Tiêu chí", { fill: "header", border: true }), c("Điểm", { fill: "header", border: true }), c("Tỷ lệ", { fill: "header", border: true })],
  ];
  for (let i = 0; i < n; i++) {
    rows.push([c(`${i + 1}`, { border: true }), c(i % 3 === 0 ? `Tiêu chí <${i}> & "trích" 'dẫn'` : ` khoảng trắng ${i} `, { wrap: true, border: true }), c(i * 0.25, { numFmt: "0.00", border: true }), c(i % 2 === 0, { border: true })]);
  }
  rows.push([null, c("Ghi chú rất dài ".repeat(12), { wrap: true, italic: true }), c(null, { fill: "total" }), c(Number.NaN)]);
  rows.push([]);
  rows.push([c("Chữ có ký tự điều khiển \u0001 và \ttab"), null, c(""), c(null, { italic: false })]);
  return {
    name,
    kind: "summary",
    rows,
    columnWidths: [8, 30, 10, 10],
    freeze: { rows: 2 },
    merges: ["A1:D1", "B" + (n + 3) + ":B" + (n + 4), "C" + (n + 5) + ":D" + (n + 5)],
    headerRow: 1,
    pageBreaks: [2],
    footer: `&L${name}&R&P/&N`,
    chart: { type: "bar", title: "Điểm", categories: ["a", "b"], series: [{ name: "Điểm", values: [1, 2], range: "C3:C4" }], anchor: "A20" },
    ...extra,
  } as SheetSpec;
}

test("unit sheets written as XML are, part by part, what exceljs writes", async () => {
  const specs = [
    { name: "Xếp hạng", kind: "ranking", rows: [[c("Hạng", { bold: true })], [c(1), c("Đơn vị 1")]], columnWidths: [6, 30] } as SheetSpec,
    unitSheet("Đơn vị 1", 6),
    unitSheet("Đơn vị 2", 9),
    // A look the sheets before did not have: written by exceljs, and its style id learned for those after it.
    unitSheet("Đơn vị 3", 4, { rows: [...unitSheet("x", 4).rows, [c("Mới", { fill: "warning", bold: true })]] }),
    unitSheet("Đơn vị 4", 12, { rows: [...unitSheet("x", 12).rows, [c("Mới", { fill: "warning", bold: true })]] }),
    // A formula: exceljs writes it.
    unitSheet("Đơn vị 5", 3, { rows: [...unitSheet("x", 3).rows, [{ value: 3, formula: "=SUM(C3:C5)" }]] }),
    // Overlapping and malformed merges: exceljs writes them (and keeps the first).
    unitSheet("Đơn vị 6", 5, { merges: ["A1:D1", "B1:C2", "nonsense"] }),
    unitSheet("Đơn vị 7", 5),
  ];
  const { old, now } = await same(specs);
  expect([...now.keys()]).toEqual([...old.keys()]);
  for (const [name, text] of old) expect({ name, text: now.get(name) }).toEqual({ name, text });
});

test("the templated workbook writes the repeated sheets as XML (not through exceljs cells)", async () => {
  const wb = newTemplatedWorkbook();
  addSheet(wb, unitSheet("Đơn vị 1", 3));
  const second = addSheet(wb, unitSheet("Đơn vị 2", 3));
  // Added without cells: they are written into the package.
  expect(second.getCell(1, 1).value).toBeNull();
  const zip = await JSZip.loadAsync(await workbookBuffer(wb));
  const xml = await zip.file("xl/worksheets/sheet3.xml")!.async("string");
  expect(xml).toContain('<mergeCell ref="A1:D1"/>');
  expect(xml).toMatch(/<c r="C5" s="\d+"><v>0.5<\/v><\/c>/);
});

test("a look no sheet written by exceljs had makes exceljs write every sheet's cells", async () => {
  const wb = newTemplatedWorkbook();
  const first = unitSheet("Đơn vị 1", 3);
  addSheet(wb, first);
  const second = addSheet(wb, unitSheet("Đơn vị 2", 3));
  // The first sheet, written by exceljs, is removed: the looks the second relies on are not written before it.
  wb.removeWorksheet(wb.getWorksheet("Đơn vị 1")!.id);
  const zip = await JSZip.loadAsync(await workbookBuffer(wb));
  expect(second.getCell(1, 1).value).toBe("Tổng hợp — Đơn vị 2");
  const old = newWorkbook();
  addSheet(old, first);
  addSheet(old, unitSheet("Đơn vị 2", 3));
  old.removeWorksheet(old.getWorksheet("Đơn vị 1")!.id);
  const want = await parts(await workbookBuffer(old));
  const got = await parts(Buffer.from(await zip.generateAsync({ type: "nodebuffer" })));
  for (const [name, text] of want) expect({ name, text: got.get(name) }).toEqual({ name, text });
});

test("the compiled CLI lays unit sheets out while its threads score, and writes the ranking it writes with one thread", async () => {
  const bin = join(__dirname, "..", "..", "bin", "par.js");
  if (!existsSync(join(__dirname, "..", "..", "lib", "cli", "aggregate", "worker.js"))) throw new Error("lib/ is missing: run npm run build:cli (CI builds before testing)");
  const dir = tempDir("par-sheet-xml-");
  const units = join(dir, "units");
  mkdirSync(units);
  for (let i = 0; i < 18; i++) await unitWorkbook(join(units, `don-vi-${String(i).padStart(2, "0")}.xlsx`), `Đơn vị ${i + 1}`, i);
  const run = (threads: number) => {
    const out = join(dir, `xep-hang-${threads}.xlsx`);
    execFileSync(process.execPath, [bin, "aggregate", units, "-o", out, "--threads", String(threads), "--year", "2018"], { stdio: "ignore" });
    return parts(readFileSync(out));
  };
  const one = await run(1);
  const two = await run(2);
  expect(one.size).toBeGreaterThan(18);
  for (const [name, text] of one) expect({ name, text: two.get(name) }).toEqual({ name, text });
}, 120_000);
