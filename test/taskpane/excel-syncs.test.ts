/**
 * Round trips to Excel (context.sync calls) of each action, on the in-memory Excel that refuses any request or
 * response over 5 MB. Long test sheets: six columns, about 25 bytes a cell as JSON (every row's criterion code is
 * unknown to the catalogue, so every row is flagged unless the test keeps fewer findings); a dense one as the
 * samples (eight columns, about 60 bytes a cell). The figures are the README's table.
 */
import { builtinCatalog } from "../../src/scoring";
import { Validation } from "../../src/taskpane/actions";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { createFakeExcel, denseSheet, fakeDeps, longSheet } from "./excel-fixtures";

jest.setTimeout(180_000);

const catalog = builtinCatalog("dien-bien-so");

type Fake = ReturnType<typeof createFakeExcel>;

async function counted<T>(fake: Fake, action: () => Promise<T>): Promise<{ result: T; syncs: number }> {
  fake.resetSyncCount();
  const result = await action();
  for (const p of fake.payloads()) {
    expect(p.request).toBeLessThan(5_000_000);
    expect(p.response).toBeLessThan(5_000_000);
  }
  return { result, syncs: fake.syncCount() };
}

/** Syncs of each action, in order, on one workbook holding `sheet`; `keep` thins the findings flagged. */
async function syncsOf(fake: Fake, keep: (v: Validation) => Validation = (v) => v) {
  const actions = createExcelActions(fakeDeps(fake).deps);
  const validate = await counted(fake, () => actions.validateActiveSheet(catalog, "vi"));
  const validation = keep(validate.result);
  const flag = await counted(fake, () => actions.flagFindings(validation, "vi"));
  const again = await counted(fake, () => actions.flagFindings(validation, "vi"));
  const unflag = await counted(fake, () => actions.unflag(null));
  const summary = await counted(fake, () => actions.generateSummary(catalog, "vi"));
  expect(fake.snapshot().active).toBe(summary.result.sheets[0]);
  // Again, from the summary sheet: the unit sheet is read where it was last time.
  const summaryAgain = await counted(fake, () => actions.generateSummary(catalog, "vi"));
  const template = await counted(fake, () => actions.createTemplate(catalog, { unit: "Sở", lang: "vi" }));
  return {
    flagged: flag.result.cells,
    syncs: [validate, flag, again, unflag, summary, summaryAgain, template].map((c) => c.syncs),
  };
}

const everyTenth = (v: Validation): Validation => ({ ...v, findings: v.findings.filter((_, i) => i % 10 === 0) });

describe("syncs per action: validate, flag, flag again, unflag, summary, summary again, template", () => {
  test("5,000 rows, every row flagged: 2, 2, 2, 3, 3, 3, 2", async () => {
    const run = await syncsOf(createFakeExcel({ sheets: [longSheet("Tự chấm", 5_000)] }));
    expect(run.flagged).toBeGreaterThan(4_900);
    expect(run.syncs).toEqual([2, 2, 2, 3, 3, 3, 2]);
  });

  test("20,000 rows, one in ten flagged: 3, 2, 2, 3, 3, 3, 2", async () => {
    const run = await syncsOf(createFakeExcel({ sheets: [longSheet("Tự chấm", 20_000)] }), everyTenth);
    expect(run.flagged).toBeGreaterThan(1_900);
    expect(run.syncs).toEqual([3, 2, 2, 3, 3, 3, 2]);
  });

  test("20,000 rows, every row flagged: 20,000 notes are over 5 MB, so flagging takes 5 syncs and unflagging 5", async () => {
    const run = await syncsOf(createFakeExcel({ sheets: [longSheet("Tự chấm", 20_000)] }));
    expect(run.flagged).toBeGreaterThan(19_900);
    expect(run.syncs).toEqual([3, 5, 5, 5, 3, 3, 2]);
  });

  test("20,000 rows as dense as the samples (9.6 MB of cells): reading alone needs three syncs of 4 MB", async () => {
    const fake = createFakeExcel({ sheets: [denseSheet("Tự chấm", 20_000)] });
    const actions = createExcelActions(fakeDeps(fake).deps);
    expect((await counted(fake, () => actions.validateActiveSheet(catalog, "vi"))).syncs).toBe(4);
    expect((await counted(fake, () => actions.generateSummary(catalog, "vi"))).syncs).toBe(5);
  });
});

describe("summary from another sheet", () => {
  test("a fresh pane (no memory of sizes) summarising from another sheet: the unit sheet beyond its first look costs one more", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Bìa", values: [["Hồ sơ CCHC"]] }, longSheet("Tự chấm", 5_000), { name: "Ghi chú", values: [["x"]] }] });
    const summary = await counted(fake, () => createExcelActions(fakeDeps(fake).deps).generateSummary(catalog, "vi"));
    expect(summary.syncs).toBe(4);
    expect(summary.result.unit).toBe("Sở Thử nghiệm");
  });
});
