/**
 * Round trips to Excel (context.sync calls) of each action on a 5,000-row unit sheet, as designed: validate 2,
 * flag 2 (3 when flagging again: the backup is read), unflag 3, summary 3 (also when run again from the summary
 * sheet), template 2. And how a 30,000-row sheet is read in blocks.
 */
import { builtinCatalog } from "../../src/scoring";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { MAX_ROWS_PER_BLOCK, SYNC_CELL_BUDGET } from "../../src/taskpane/excel/read";
import { createFakeExcel, fakeDeps, longSheet } from "./excel-fixtures";

jest.setTimeout(120_000);

const catalog = builtinCatalog("dien-bien-so");

async function counted<T>(fake: ReturnType<typeof createFakeExcel>, action: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  fake.resetSyncCount();
  const result = await action();
  return { result, syncs: fake.syncCount() };
}

describe("sync counts on a 5,000-row unit sheet", () => {
  test("validate 2, flag 2 then 3, unflag 3, summary 3 and 3 again, template 2", async () => {
    const fake = createFakeExcel({ sheets: [longSheet("Tự chấm", 5_000)] });
    const actions = createExcelActions(fakeDeps(fake).deps);

    const validate = await counted(fake, () => actions.validateActiveSheet(catalog, "vi"));
    expect(validate.syncs).toBe(2);
    expect(validate.result.rows).toBe(5_000);
    expect(validate.result.findings.length).toBeGreaterThan(1_000);

    const flag = await counted(fake, () => actions.flagFindings(validate.result, "vi"));
    expect(flag.result.cells).toBeGreaterThan(1_000);
    expect(flag.syncs).toBe(2);
    expect((await counted(fake, () => actions.flagFindings(validate.result, "vi"))).syncs).toBe(3);
    expect((await counted(fake, () => actions.unflag(null))).syncs).toBe(3);

    const summary = await counted(fake, () => actions.generateSummary(catalog, "vi"));
    expect(summary.syncs).toBe(3);
    expect(fake.snapshot().active).toBe(summary.result.sheets[0]);
    // Again, from the summary sheet: the unit sheet is read where it was last time.
    expect((await counted(fake, () => actions.generateSummary(catalog, "vi"))).syncs).toBe(3);

    expect((await counted(fake, () => actions.createTemplate(catalog, { unit: "Sở", lang: "vi" }))).syncs).toBe(2);
  });

  test("a fresh pane (no memory of sizes) summarising from another sheet: the unit sheet beyond its window costs one more", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Bìa", values: [["Hồ sơ CCHC"]] }, longSheet("Tự chấm", 5_000), { name: "Ghi chú", values: [["x"]] }] });
    const summary = await counted(fake, () => createExcelActions(fakeDeps(fake).deps).generateSummary(catalog, "vi"));
    expect(summary.syncs).toBe(4);
    const loads = fake.reads().filter((r) => r.property === "values");
    expect(loads.some((r) => r.sheet === "Tự chấm" && r.address === "A1:F5005")).toBe(true);
  });
});

describe("a 30,000-row sheet", () => {
  test("validate reads it in blocks of at most 20,000 rows, one sync each, as both exceed the budget together", async () => {
    const fake = createFakeExcel({ sheets: [longSheet("Dài", 30_000)] });
    const validate = await counted(fake, () => createExcelActions(fakeDeps(fake).deps).validateActiveSheet(catalog, "vi"));
    expect(validate.result.rows).toBe(30_000);
    expect(validate.syncs).toBe(3);
    const blocks = fake.reads().filter((r) => r.property === "values");
    expect(blocks.map((b) => b.address)).toEqual(["A1:F20000", "A20001:F30005"]);
    for (const b of blocks) {
      expect(b.cells).toBeLessThanOrEqual(SYNC_CELL_BUDGET);
      expect(b.cells / 6).toBeLessThanOrEqual(MAX_ROWS_PER_BLOCK);
    }
  });
});
