/** "Tổng hợp" on the in-memory Excel, and the workbook-wide actions (catalogue sheet, active catalogue, select). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { resetActiveCatalog } from "../../src/functions/active-catalog";
import { builtinCatalog, parseCatalogJson } from "../../src/scoring";
import { UserError } from "../../src/taskpane/errors";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { OWNED_SHEET } from "../../src/taskpane/excel/hidden";
import { OWNED_SHEET as CLI_OWNED_SHEET } from "../../src/cli/xlsx/read";
import { createFakeExcel, fakeDeps, SheetSeed, Snapshot, sampleSheets } from "./excel-fixtures";

jest.setTimeout(60_000);

/**
 * dien-bien-so with the points the samples use (a names-only catalogue gives no index), under the id the samples'
 * sheets name ("Bộ tiêu chí: dien-bien-so"): the user's copy of that catalogue, which the pane then uses (a copy
 * under another id would be set aside for the catalogue the sheet names, as par does).
 */
const catalog = {
  ...parseCatalogJson(readFileSync(join(__dirname, "..", "..", "samples", "bo-tieu-chi-cap-so-2018.json"), "utf8"), "bo-tieu-chi-cap-so-2018.json"),
  id: "dien-bien-so",
};
const sheetOf = (snap: Snapshot, name: string) => snap.sheets.find((s) => s.name === name);

async function workbook(files: string[], extra: SheetSeed[] = []) {
  const sheets = [...extra];
  for (const file of files) sheets.push(...(await sampleSheets(file)));
  return sheets;
}

afterEach(() => resetActiveCatalog());

describe("generateSummary", () => {
  test("one unit sheet: summary and plan sheets with a bar chart, registered in _par, summary active; the unit sheet untouched", async () => {
    const sheets = await workbook(["so/so-tu-phap.xlsx"]);
    sheets[0].fills = { A5: "#FFFF00" };
    const fake = createFakeExcel({ sheets, active: "Tự chấm 2018" });
    const before = fake.snapshot();
    const actions = createExcelActions(fakeDeps(fake).deps);
    const outcome = await actions.generateSummary(catalog, "vi");
    expect(outcome).toMatchObject({ sheets: ["Tổng hợp", "Kế hoạch cải thiện"], units: 1, unscored: [], chart: true, skipped: [] });
    expect(outcome.unit).toBe("Sở Tư pháp");
    expect(typeof outcome.index).toBe("number");

    const snap = fake.snapshot();
    expect(snap.active).toBe("Tổng hợp");
    expect(snap.sheets.map((s) => s.name)).toEqual(["Tự chấm 2018", "Tổng hợp", "Kế hoạch cải thiện", "_par"]);
    expect(sheetOf(snap, "Tự chấm 2018")).toEqual(sheetOf(before, "Tự chấm 2018"));
    const summary = sheetOf(snap, "Tổng hợp")!;
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0]).toMatchObject({ type: "BarClustered", categoriesRange: expect.stringMatching(/^[A-Z]+\d+:[A-Z]+\d+$/) });
    expect(summary.values.flat()).toContain("Đơn vị: Sở Tư pháp");
    const registry = sheetOf(snap, "_par")!;
    expect(registry.visibility).toBe("VeryHidden");
    expect(registry.values.slice(1).map((r) => r.slice(0, 2))).toEqual([
      ["Tổng hợp", "summary"],
      ["Kế hoạch cải thiện", "plan"],
    ]);
    expect(OWNED_SHEET).toBe(CLI_OWNED_SHEET);
  });

  test("two unit sheets: a ranking too; the active unit sheet is the one summarised", async () => {
    const fake = createFakeExcel({ sheets: await workbook(["so/so-tu-phap.xlsx", "so/so-noi-vu.xlsx"]), active: "Bang tu cham" });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const outcome = await actions.generateSummary(catalog, "en");
    expect(outcome.sheets).toEqual(["Summary", "Improvement plan", "Ranking", "Ranking charts"]);
    expect(outcome.units).toBe(2);
    expect(outcome.unit).toBe("Sở Nội vụ");
    // The ranking's charts are drawn on their own sheet, from the ranking's cells; the ranking sheet has none.
    expect(sheetOf(fake.snapshot(), "Ranking")!.charts).toEqual([]);
    const charts = sheetOf(fake.snapshot(), "Ranking charts")!.charts;
    expect(charts.length).toBeGreaterThan(0);
    expect(charts[0].categoriesRange).toMatch(/^B\d+:B\d+$/);
    const names = fake.snapshot().sheets.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(["Tự chấm 2018", "Bang tu cham"]);
    expect(names).toEqual(expect.arrayContaining(outcome.sheets));
  });

  test("a fresh template beside a filled sheet is not ranked and is named as unscored", async () => {
    const fake = createFakeExcel({ sheets: await workbook(["so/so-tu-phap.xlsx"]), active: "Tự chấm 2018" });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const created = await actions.createTemplate(catalog, { unit: "", lang: "vi" });
    const outcome = await actions.generateSummary(catalog, "vi");
    expect(outcome.units).toBe(2);
    expect(outcome.unscored).toEqual([created.sheet]);
    expect(outcome.unit).toBe("Sở Tư pháp");
    expect(outcome.sheets).toEqual(["Tổng hợp", "Kế hoạch cải thiện"]);
  });

  test("running it twice gives the same workbook", async () => {
    const fake = createFakeExcel({ sheets: await workbook(["so/so-tu-phap.xlsx", "so/so-noi-vu.xlsx"]), active: "Tự chấm 2018" });
    const actions = createExcelActions(fakeDeps(fake).deps);
    await actions.generateSummary(catalog, "vi");
    const once = fake.snapshot();
    await actions.generateSummary(catalog, "vi");
    // The very hidden registry is never moved (Excel refuses it), so only its place in the tab order may differ.
    const visible = (snap: typeof once) => ({ ...snap, sheets: snap.sheets.filter((s) => s.visibility !== "VeryHidden") });
    const hidden = (snap: typeof once) => snap.sheets.filter((s) => s.visibility === "VeryHidden").sort((x, y) => x.name.localeCompare(y.name));
    const twice = fake.snapshot();
    expect(visible(twice)).toEqual(visible(once));
    expect(hidden(twice)).toEqual(hidden(once));
  });

  test("a user's own sheet named Tổng hợp is kept; ours gets another name, and keeps it on the next run", async () => {
    const mine: SheetSeed = { name: "Tổng hợp", values: [["Bảng của tôi", 42]], formulas: [[null, "=40+2"]], fills: { A1: "#92D050" } };
    const fake = createFakeExcel({ sheets: await workbook(["so/so-tu-phap.xlsx"], [mine]), active: "Tự chấm 2018" });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const before = sheetOf(fake.snapshot(), "Tổng hợp");
    const first = await actions.generateSummary(catalog, "vi");
    expect(first.sheets[0]).toBe("Tổng hợp (2)");
    const second = await actions.generateSummary(catalog, "vi");
    expect(second.sheets).toEqual(first.sheets);
    const snap = fake.snapshot();
    expect(sheetOf(snap, "Tổng hợp")).toEqual(before);
    expect(snap.sheets.filter((s) => s.name.startsWith("Tổng hợp"))).toHaveLength(2);
  });

  test("a findings sheet from flagging survives the summary; the flags backup is not read as a unit sheet", async () => {
    const fake = createFakeExcel({ sheets: await workbook(["so/so-tu-phap.xlsx"]), active: "Tự chấm 2018", apiVersion: "1.9" });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const flagged = await actions.flagFindings(await actions.validateActiveSheet(catalog, "vi"), "vi");
    await actions.generateSummary(catalog, "vi");
    const snap = fake.snapshot();
    expect(sheetOf(snap, flagged.findingsSheet!)).toBeDefined();
    expect(sheetOf(snap, "_par")!.values.slice(1).map((r) => r[1])).toEqual(["findings", "summary", "plan"]);
    await actions.selectCell("Tự chấm 2018", "A1");
    await actions.unflag(null);
    expect(sheetOf(fake.snapshot(), flagged.findingsSheet!)).toBeUndefined();
    expect(sheetOf(fake.snapshot(), "Tổng hợp")).toBeDefined();
  });

  test("a workbook without a unit sheet: a UserError pointing to the Mẫu tab, nothing written", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Ghi chép", values: [["Ngày", "Việc"]] }] });
    const before = fake.snapshot();
    const error = await createExcelActions(fakeDeps(fake).deps)
      .generateSummary(catalog, "vi")
      .catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.text("vi")).toContain('"Mẫu"');
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("readWorkbookCatalog", () => {
  test("finds the catalogue sheet inserted earlier and reads it back", async () => {
    const fake = createFakeExcel({ sheets: await workbook(["so/so-tu-phap.xlsx"]) });
    const actions = createExcelActions(fakeDeps(fake).deps);
    expect(await actions.readWorkbookCatalog("vi")).toEqual({ sheet: null, catalog: null, issues: [] });
    await actions.insertCatalogSheet(builtinCatalog("dien-bien-2018"), "vi");
    const read = await actions.readWorkbookCatalog("vi");
    expect(read.sheet).toBe("Bộ tiêu chí");
    expect(read.catalog?.id).toBe("dien-bien-2018");
    expect(read.issues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("a province's published table: the reading state of each criterion's wording comes back with the catalogue", async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: "Phụ lục",
          values: [
            ["STT", "Nội dung tiêu chí", "Điểm tối đa"],
            ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 3],
            ["1", "Ban hành kế hoạch CCHC năm\nBan hành kịp thời: 1 điểm\nBan hành chậm: 0,5 điểm\nKhông ban hành: 0 điểm", 1],
            ["2", "Hoàn thành đúng hạn 100% nhiệm vụ: 2 điểm", 2],
          ],
        },
      ],
    });
    const read = await createExcelActions(fakeDeps(fake).deps).readWorkbookCatalog("vi");
    expect(read.sheet).toBe("Phụ lục");
    expect(read.readings).toBeDefined();
    const { counts, review } = read.readings!;
    expect(counts.exact + counts.assumption + counts.notRead + counts.noWording).toBe(3);
    // 1.1's bands after the line break are read exactly; 1.2 states no bands to read: a person checks it.
    expect(counts.exact).toBe(1);
    expect(review.map((r) => r.code)).toContain("1.2");
    expect(review.every((r) => r.state !== "exact" && r.how.length > 0)).toBe(true);
  });

  test("a damaged catalogue sheet: no catalogue, and its problems by cell", async () => {
    const fake = createFakeExcel({
      sheets: [{ name: "Bộ tiêu chí", values: [["Mã bộ tiêu chí: thu"], ["Mã", "Tên tiêu chí", "Điểm tối đa", "Quy tắc chấm điểm"], ["1", "Lĩnh vực", "hai", ""]] }],
    });
    const read = await createExcelActions(fakeDeps(fake).deps).readWorkbookCatalog("en");
    expect(read.sheet).toBe("Bộ tiêu chí");
    expect(read.catalog).toBeNull();
    expect(read.issues.some((i) => i.cell === "C3")).toBe(true);
  });
});

describe("selectCell", () => {
  test("selectCell activates the sheet and selects the cell in one round trip; a missing sheet is a UserError", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }, { name: "B", values: [["y"]] }] });
    const actions = createExcelActions(fakeDeps(fake).deps);
    await actions.selectCell("B", "E21");
    expect(fake.snapshot()).toMatchObject({ active: "B", selection: { sheet: "B", cell: "E21" } });
    expect(fake.syncCount()).toBe(1);
    const error = await actions.selectCell("C", "A1").catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.text("en")).toContain('Sheet "C" was not found');
  });
});
