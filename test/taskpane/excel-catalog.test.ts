/**
 * Putting a catalogue in use: saved in the document settings and recorded in "_par" (settings can be lost), the
 * PAR.* formulas of the pane's templates written again so Excel evaluates them, and the workbook recalculated in
 * any case, also when saving failed (then the user is told). And reading the record back at start.
 */
import { ACTIVE_CATALOG_SETTING, getActiveCatalog, resetActiveCatalog } from "../../src/functions/active-catalog";
import { builtinCatalog } from "../../src/scoring";
import { UserError } from "../../src/taskpane/errors";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { parFormulaRuns, readAtOpen } from "../../src/taskpane/excel/catalog";
import { parseRegistry } from "../../src/taskpane/excel/hidden";
import { createFakeExcel, fakeDeps, Snapshot } from "./excel-fixtures";

jest.setTimeout(60_000);

afterEach(() => resetActiveCatalog());

const so = builtinCatalog("dien-bien-so");
const registryOf = (snap: Snapshot) => parseRegistry(snap.sheets.find((s) => s.name === "_par")?.values ?? null);

/** A workbook with a template made by the pane (a sheet with PAR.SCORE formulas, noted in _par). */
async function withTemplate() {
  const fake = createFakeExcel({ sheets: [{ name: "Bìa", values: [["Hồ sơ"]] }] });
  const { deps, recalculations } = fakeDeps(fake);
  const actions = createExcelActions(deps);
  const created = await actions.createTemplate(builtinCatalog("dien-bien-2018"), { unit: "Sở Tư pháp", lang: "vi" });
  const sheet = fake.snapshot().sheets.find((s) => s.name === created.sheet)!;
  const parCells = sheet.formulas.flat().filter((f) => typeof f === "string" && f.startsWith("=PAR.")).length;
  return { fake, actions, recalculations, template: created.sheet, parCells };
}

describe("setActiveCatalog", () => {
  test("saves the choice, records it in _par, writes the templates' PAR.* formulas again and recalculates, in 3 syncs", async () => {
    const { fake, actions, template, parCells } = await withTemplate();
    const before = fake.snapshot().sheets.find((s) => s.name === template)!;
    fake.resetSyncCount();
    const outcome = await actions.setActiveCatalog(so);
    expect(outcome).toEqual({ formulas: parCells, recalculated: true });
    expect(parCells).toBeGreaterThan(10);
    expect(fake.syncCount()).toBe(3);
    expect(fake.settings.get(ACTIVE_CATALOG_SETTING)).toBe("dien-bien-so");
    expect(getActiveCatalog()).toBe(so);
    expect(fake.calculations()).toBe(1);
    const snap = fake.snapshot();
    expect(registryOf(snap)).toMatchObject({ catalog: { id: "dien-bien-so", builtin: true }, templates: [template], owned: [] });
    const rewritten = fake.writes().filter((w) => w.sheet === template && w.property === "formulas");
    expect(rewritten.length).toBeGreaterThan(0);
    expect(rewritten.every((w) => /^E\d+(:E\d+)?$/.test(w.address))).toBe(true);
    // Written again as they were: nothing else on the template changes.
    expect(snap.sheets.find((s) => s.name === template)).toEqual(before);
  });

  test("a workbook without templates gets the record alone, in a very hidden _par", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }] });
    const outcome = await createExcelActions(fakeDeps(fake).deps).setActiveCatalog(so);
    expect(outcome).toEqual({ formulas: 0, recalculated: true });
    expect(registryOf(fake.snapshot())).toEqual({ owned: [], catalog: { id: "dien-bien-so", builtin: true }, templates: [] });
    expect(fake.snapshot().sheets.find((s) => s.name === "_par")!.visibility).toBe("VeryHidden");
  });

  test("a template renamed since is dropped from the record, its formulas left alone", async () => {
    const { fake, actions, template } = await withTemplate();
    await fake.Excel.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem(template).name = "Của tôi";
      await context.sync();
    });
    fake.resetSyncCount();
    expect(await actions.setActiveCatalog(so)).toEqual({ formulas: 0, recalculated: true });
    expect(registryOf(fake.snapshot()).templates).toEqual([]);
    expect(fake.writes().filter((w) => w.sheet === "Của tôi")).toEqual([]);
  });

  test("saving the choice fails: the workbook is still recalculated and the formulas written again, then the user is told both", async () => {
    const { fake, template, parCells } = await withTemplate();
    const { deps } = fakeDeps(fake, () => Promise.reject(new Error("Sổ tính chỉ đọc")));
    const error = await createExcelActions(deps)
      .setActiveCatalog(so)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const vi = (error as UserError).text("vi");
    expect(vi).toContain('Không lưu được bộ tiêu chí "');
    expect(vi).toContain("Sổ tính chỉ đọc");
    expect(vi).toContain(`Sổ tính đã được tính lại với bộ này và ${parCells} công thức chấm điểm đã được ghi lại`);
    expect(vi).toContain('Bấm "Đặt làm bộ tiêu chí đang dùng" để lưu lại');
    expect((error as UserError).text("en")).toContain("The workbook was recalculated");
    expect(fake.calculations()).toBe(1);
    expect(fake.writes().some((w) => w.sheet === template)).toBe(true);
  });

  test("the workbook batch fails: the recalculation happens on its own, finally", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }] });
    const { deps, recalculations } = fakeDeps(fake);
    const actions = createExcelActions({ ...deps, run: () => Promise.reject(new Error("Excel đang bận")) });
    await expect(actions.setActiveCatalog(so)).resolves.toEqual({ formulas: 0, recalculated: true });
    expect(recalculations()).toBe(1);
    expect(fake.settings.get(ACTIVE_CATALOG_SETTING)).toBe("dien-bien-so");
  });

  test("a protected workbook structure without _par: no record (it cannot be added), still recalculated", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }] });
    fake.setStructureProtected(true);
    await expect(createExcelActions(fakeDeps(fake).deps).setActiveCatalog(so)).resolves.toEqual({ formulas: 0, recalculated: true });
    expect(fake.snapshot().sheets.map((s) => s.name)).toEqual(["A"]);
    expect(fake.calculations()).toBe(1);
  });

  test("a custom catalogue is recorded as custom", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }] });
    const custom = { ...so, id: "tinh-2025" };
    await createExcelActions(fakeDeps(fake).deps).setActiveCatalog(custom);
    expect(registryOf(fake.snapshot()).catalog).toEqual({ id: "tinh-2025", builtin: false });
  });
});

describe("readAtOpen", () => {
  test("gives the record, or null without _par, and the date system, in one sync", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }] });
    const read = () => fake.Excel.run((context: Excel.RequestContext) => readAtOpen(context)).then((o: { recorded: unknown }) => o.recorded);
    expect(await read()).toBeNull();
    await createExcelActions(fakeDeps(fake).deps).setActiveCatalog(so);
    fake.resetSyncCount();
    expect(await read()).toEqual({ id: "dien-bien-so", builtin: true });
    expect(fake.syncCount()).toBe(1);
  });
});

describe("parFormulaRuns", () => {
  test("runs down each column of PAR.* formulas only (not SUM, not text mentioning PAR.)", () => {
    const formulas = [
      ["=PAR.SCORE(D6,A6)", "=SUM(C7:C8)"],
      ["=par.score(D7,A7)", "PAR.SCORE là hàm"],
      ["=IF(COUNT(E8)=0,\"\",SUM(E8))", "=1+PAR.MAX(A9)"],
      ["=PAR.SCORE(D9,A9)", ""],
    ];
    const runs = parFormulaRuns({ row: 5, col: 4, rows: 4, cols: 2 }, formulas);
    expect(runs.map((r) => [r.rect.row, r.rect.col, r.rect.rows, r.formulas.length])).toEqual([
      [5, 4, 2, 2],
      [8, 4, 1, 1],
      [7, 5, 1, 1],
    ]);
  });
});
