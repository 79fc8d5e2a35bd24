import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { readWorkbook, readWorkbookBuffer, WorkbookError } from "../../src/cli/xlsx/read";
import { builtinCatalog, chooseCatalog, findUnitSheets, validateUnit } from "../../src/scoring";

jest.setTimeout(120_000);

let original: Buffer;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  ws.addRow(["Đơn vị: Sở Thử"]);
  ws.addRow(["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "TLKC", "Giải trình"]);
  ws.addRow(["1.1.1", "Ban hành kế hoạch CCHC", 0.5, 0.5, "Kế hoạch số 1/KH-ST ngày 20/12/2017", null]);
  ws.addRow(["1.1.2", "Mức độ hoàn thành", 1, "đạt", null, null]);
  original = Buffer.from(await wb.xlsx.writeBuffer());
});

/** Damage: flip bytes, cut the tail, or splice random bytes in. */
const damage = fc.oneof(
  fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }).map((flips) => (buf: Buffer) => {
    const b = Buffer.from(buf);
    for (const [at, byte] of flips) b[at % b.length] = byte;
    return b;
  }),
  fc.nat().map((cut) => (buf: Buffer) => buf.subarray(0, cut % buf.length)),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, bytes]) => (buf: Buffer) => {
    const i = at % buf.length;
    return Buffer.concat([buf.subarray(0, i), Buffer.from(bytes), buf.subarray(i)]);
  }),
);

describe("damaged workbooks", () => {
  test("give one clear WorkbookError or a workbook the core checks without crashing", async () => {
    const catalog = builtinCatalog("dien-bien-2018");
    await fc.assert(
      fc.asyncProperty(damage, async (hurt) => {
        const buf = hurt(original);
        let data;
        try {
          data = await readWorkbookBuffer(buf, "hong.xlsx");
        } catch (e) {
          expect(e).toBeInstanceOf(WorkbookError);
          expect((e as WorkbookError).message).toContain("hong.xlsx");
          return;
        }
        const units = findUnitSheets(data.grids, "hong");
        chooseCatalog(data.grids, units);
        for (const unit of units) validateUnit(unit, catalog);
      }),
      { numRuns: 80 },
    );
  });

  test("reading never changes the file, damaged or not", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-damaged-"));
    const files = [
      ["ok.xlsx", original],
      ["cut.xlsx", original.subarray(0, original.length >> 1)],
      ["text.xlsx", Buffer.from("không phải Excel")],
    ] as const;
    for (const [name, bytes] of files) {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      const before = createHash("sha256").update(readFileSync(file)).digest("hex");
      await readWorkbook(file).catch((e) => expect(e).toBeInstanceOf(WorkbookError));
      expect(createHash("sha256").update(readFileSync(file)).digest("hex")).toBe(before);
    }
  });
});
