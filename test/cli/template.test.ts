/** `par template` and the xlsx writer's template support: data validation, print setup, sheets not owned. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { addSheet, ownedSheets, OWNED_SHEET, saveWorkbook } from "../../src/cli/xlsx/write";
import { builtinCatalog, chooseCatalog, findUnitSheets, printSetup, summarySheet, templateSheet, validateUnit, walk } from "../../src/scoring";
import { convertWithLibreOffice, requireSoffice } from "../support/libreoffice";
import { fakeSummary } from "../scoring/report-helpers";

jest.setTimeout(180_000);

async function par(...args: string[]) {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const tmp = () => mkdtempSync(join(tmpdir(), "par-template-"));

type Validations = { dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> } };

/** The validation exceljs read back for a cell: keyed by the cell or by a range holding it. */
function validationAt(ws: ExcelJS.Worksheet, cell: string): ExcelJS.DataValidation | undefined {
  const model = (ws as unknown as Validations).dataValidations.model;
  if (model[cell]) return model[cell];
  const target = ws.getCell(cell);
  for (const [address, v] of Object.entries(model)) {
    if (!v || !address.includes(":")) continue;
    const [from, to] = address.split(":").map((a) => ws.getCell(a));
    const row = Number(target.row);
    const col = Number(target.col);
    if (row >= Number(from.row) && row <= Number(to.row) && col >= Number(from.col) && col <= Number(to.col)) return v;
  }
  return undefined;
}

describe("par template", () => {
  test("writes a workbook whose one sheet the core reads back: unit, catalogue, every code", async () => {
    const out = join(tmp(), "so-tu-phap.xlsx");
    const r = await par("template", "-o", out, "--unit", "Sở Tư pháp", "--year", "2026");
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain('"Tự đánh giá"');
    expect(r.out).toContain("dien-bien-2018");
    const data = await readWorkbook(out);
    expect(data.grids.map((g) => g.name)).toEqual(["Tự đánh giá"]);
    const units = findUnitSheets(data.grids, "so-tu-phap");
    expect(units).toHaveLength(1);
    const catalog = builtinCatalog("dien-bien-2018");
    expect(units[0].unit).toBe("Sở Tư pháp");
    expect(units[0].rows.map((row) => row.code)).toEqual(walk(catalog.nodes).map((n) => n.code));
    expect(units[0].rows.every((row) => typeof row.codeCell.value === "string")).toBe(true);
    expect(chooseCatalog(data.grids, units).choice).toMatchObject({ how: "named" });
    // A fresh template is not scored yet: that is its one finding (never "no errors").
    expect(validateUnit(units[0], catalog).map((f) => f.kind)).toEqual(["unscored"]);
    expect(String(data.grids[0].values[0][0])).toContain("NĂM 2026");
  });

  test("the file carries the data validation, formulas, frozen header and print setup; the sheet is not owned", async () => {
    const out = join(tmp(), "mau.xlsx");
    expect((await par("template", "-o", out)).code).toBe(0);
    const spec = templateSheet(builtinCatalog("dien-bien-2018"));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet(OWNED_SHEET)).toBeUndefined();
    expect(ownedSheets(wb)).toEqual([]);
    const ws = wb.getWorksheet("Tự đánh giá")!;
    for (const v of spec.validations!) {
      for (const corner of v.range.split(":")) {
        const back = validationAt(ws, corner);
        expect(back).toMatchObject({
          type: "custom",
          allowBlank: true,
          showErrorMessage: true,
          errorTitle: v.errorTitle,
          error: v.errorMessage,
          prompt: v.prompt,
        });
        expect(back!.formulae[0]).toBe(v.formula!.slice(1));
      }
    }
    expect(validationAt(ws, "C8")).toBeUndefined();
    const ruleRow = spec.rows.findIndex((row) => row[4]?.formula?.startsWith("=PAR.SCORE"));
    expect(ws.getCell(ruleRow + 1, 5).formula).toBe(`PAR.SCORE(D${ruleRow + 1},A${ruleRow + 1})`);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 5 });
    expect(ws.pageSetup.orientation).toBe(printSetup(spec).orientation);
    expect(ws.pageSetup.printTitlesRow).toBe("1:5");
    expect(ws.getCell("A7").numFmt).toBe("@");
  });

  test("English sheet of the names-only catalogue", async () => {
    const out = join(tmp(), "en.xlsx");
    const r = await par("template", "-c", "dien-bien-so", "--lang", "en", "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote the sheet "Self-assessment"/);
    const data = await readWorkbook(out);
    const [unit] = findUnitSheets(data.grids, "en");
    expect(unit.unit).toBe("en");
    expect(unit.catalogRef).toBe("dien-bien-so");
    expect(data.grids[0].values[4]).toEqual(["Code", "Criterion", "Max", "Result", "Self score", "Appraised score", "Evidence", "Notes (explanation)"]);
  });

  test("never overwrites an existing file", async () => {
    const out = join(tmp(), "co-roi.xlsx");
    writeFileSync(out, "giữ nguyên");
    const vi = await par("template", "-o", out);
    expect(vi.code).toBe(2);
    expect(vi.err).toContain(`Tệp ${out} đã có; không ghi đè`);
    const en = await par("template", "-o", out, "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.err).toContain("already exists and is not overwritten");
    expect(readFileSync(out, "utf8")).toBe("giữ nguyên");
  });

  test("bad arguments: not .xlsx, a bad year, an unknown catalogue", async () => {
    const dir = tmp();
    const notXlsx = await par("template", "-o", join(dir, "a.xls"));
    expect(notXlsx.code).toBe(2);
    expect(notXlsx.err).toContain(".xlsx");
    const year = await par("template", "-o", join(dir, "b.xlsx"), "--year", "26");
    expect(year.code).toBe(2);
    expect(year.err).toContain('Năm "26"');
    const unknown = await par("template", "-o", join(dir, "c.xlsx"), "-c", "khong-co");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("khong-co");
    expect(existsSync(join(dir, "b.xlsx")) || existsSync(join(dir, "c.xlsx"))).toBe(false);
  });

  test("LibreOffice opens the workbook and keeps its validation rules", async () => {
    requireSoffice();
    const dir = tmp();
    const out = join(dir, "mau-lo.xlsx");
    expect((await par("template", "-o", out, "--unit", "Sở Tư pháp")).code).toBe(0);
    const pdf = convertWithLibreOffice(out, join(dir, "pdf"));
    expect({ ok: pdf.ok, log: pdf.ok ? "" : pdf.log }).toEqual({ ok: true, log: "" });
    const again = convertWithLibreOffice(out, join(dir, "xlsx"), "xlsx");
    expect({ ok: again.ok, log: again.ok ? "" : again.log }).toEqual({ ok: true, log: "" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(again.output!) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0];
    const spec = templateSheet(builtinCatalog("dien-bien-2018"));
    const first = spec.validations![0];
    const back = validationAt(ws, first.range.split(":")[0]);
    expect(back?.type).toBe("custom");
    expect(String(back?.formulae[0])).toContain("ISNUMBER");
    const data = await readWorkbook(again.output!);
    expect(findUnitSheets(data.grids, "x")[0].unit).toBe("Sở Tư pháp");
  });
});

describe("addSheet: owned sheets", () => {
  test("generated sheets are owned by default, a template is not, and the option decides", async () => {
    const wb = new ExcelJS.Workbook();
    addSheet(wb, summarySheet(fakeSummary("Sở Tư pháp", 80)));
    addSheet(wb, templateSheet(builtinCatalog("dien-bien-2018")));
    addSheet(wb, { ...summarySheet(fakeSummary("Sở Y tế", 70)), name: "Không ghi" }, { owned: false });
    expect(ownedSheets(wb)).toEqual([{ name: "Tổng hợp", kind: "summary" }]);
    addSheet(wb, { ...templateSheet(builtinCatalog("dien-bien-so")), name: "Mẫu riêng" }, { owned: true });
    expect(ownedSheets(wb).map((s) => s.name)).toEqual(["Tổng hợp", "Mẫu riêng"]);
    const out = join(tmp(), "owned.xlsx");
    await saveWorkbook(wb, out);
    const data = await readWorkbook(out);
    expect(data.sheetStates[OWNED_SHEET]).toBe("veryHidden");
  });
});

describe("par template on a national-style catalogue (samples/bo-tieu-chi-huyen-2026.json)", () => {
  const catalogFile = join(__dirname, "..", "..", "samples", "bo-tieu-chi-huyen-2026.json");

  test("dropdowns of the outcomes, the survey column, the sections; read back by the core; LibreOffice opens it", async () => {
    const dir = tmp();
    const out = join(dir, "tua-chua.xlsx");
    expect((await par("template", "-o", out, "-c", catalogFile, "--unit", "UBND huyện Tủa Chùa")).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.worksheets[0];
    expect(ws.getCell("G5").value).toBe("Điều tra XHH");
    const row14 = [...Array(40).keys()].map((i) => i + 1).find((r) => ws.getCell(`A${r}`).value === "1.4")!;
    expect(validationAt(ws, `D${row14}`)).toMatchObject({
      type: "list",
      formulae: ['"Hoàn thành xuất sắc,Hoàn thành tốt,Hoàn thành,Không hoàn thành,Không áp dụng"'],
      showErrorMessage: true,
    });
    const data = await readWorkbook(out);
    const units = findUnitSheets(data.grids, "x");
    expect(units[0].header.columns.survey).toBe(6);
    requireSoffice();
    const again = convertWithLibreOffice(out, join(dir, "xlsx"), "xlsx");
    expect({ ok: again.ok, log: again.ok ? "" : again.log }).toEqual({ ok: true, log: "" });
  });
});
