/**
 * The adapter reads its bookkeeping sheets ("_par", "_par_flags") in a first sync without knowing whether they
 * exist: getItemOrNullObject(name).getUsedRangeOrNullObject(), which gives null objects when the sheet is missing.
 * Should a host refuse such a chain instead, the adapter reads the sheet names and tries again: the same results,
 * two syncs more (the refused one and the list). Both behaviours played by the stand-in (nullChains).
 */
import { builtinCatalog } from "../../src/scoring";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { createFakeExcel, fakeDeps, sampleSheets } from "./excel-fixtures";

jest.setTimeout(60_000);

const catalog = builtinCatalog("dien-bien-so");
const SHEET = "Tự chấm 2018";

async function roundTrip(nullChains: "null" | "fail") {
  const fake = createFakeExcel({ sheets: await sampleSheets("so/so-tu-phap.xlsx"), active: SHEET, nullChains });
  const actions = createExcelActions(fakeDeps(fake).deps);
  const syncs: number[] = [];
  const count = async <T>(action: () => Promise<T>) => {
    fake.resetSyncCount();
    const result = await action();
    syncs.push(fake.syncCount());
    return result;
  };
  const original = fake.snapshot();
  const validation = await count(() => actions.validateActiveSheet(catalog, "vi"));
  await count(() => actions.flagFindings(validation, "vi"));
  const flagged = fake.snapshot();
  await count(() => actions.unflag(SHEET));
  const unflagged = fake.snapshot();
  await count(() => actions.generateSummary(catalog, "vi"));
  await count(() => actions.createTemplate(catalog, { unit: "", lang: "vi" }));
  await count(() => actions.setActiveCatalog(catalog));
  return { original, flagged, unflagged, final: fake.snapshot(), syncs };
}

test("a host that refuses methods of null objects: every action still does the same, with two syncs more where a bookkeeping sheet is missing", async () => {
  const lenient = await roundTrip("null");
  const strict = await roundTrip("fail");
  expect(strict.flagged).toEqual(lenient.flagged);
  expect(strict.unflagged).toEqual(lenient.original);
  expect(strict.final).toEqual(lenient.final);
  // validate, flag (no backup yet), unflag (backup, no registry), summary (no registry yet), template and switch (registry present).
  expect(lenient.syncs).toEqual([2, 2, 3, 2, 2, 3]);
  expect(strict.syncs).toEqual([2, 4, 5, 4, 2, 3]);
});
