/** Reading the active sheet and "Kiểm tra" through the Excel adapter, on the in-memory Excel. */
import { builtinCatalog } from "../../src/scoring";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { BYTES_PER_CELL, SYNC_BYTE_BUDGET } from "../../src/taskpane/excel/payload";
import { BlockRead, MAX_ROWS_PER_BLOCK, planBlocks } from "../../src/taskpane/excel/read";
import { readActiveSheet } from "../../src/taskpane/excel/validate";
import { UserError } from "../../src/taskpane/errors";
import { createFakeExcel, denseSheet, fakeDeps, longSheet, plantedDefects, sampleSheets } from "./excel-fixtures";

jest.setTimeout(60_000);

const all = () => true;

describe("reading the active sheet", () => {
  test("a used range not starting at A1 is padded so the grid starts at A1; formulas are kept, text equal to its formula is not one", async () => {
    const fake = createFakeExcel({
      sheets: [
        {
          name: "Lệch",
          values: [[], [], ["", "", "Mã", "Điểm"], ["", "", "1.1", 3], ["", "", "1.2", "=không"]],
          formulas: [[], [], [], [null, null, null, "=1+2"]],
        },
      ],
    });
    const read = await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, all));
    expect(read.grid.name).toBe("Lệch");
    expect(read.grid.values).toEqual([[], [], [null, null, "Mã", "Điểm"], [null, null, "1.1", 3], [null, null, "1.2", "=không"]]);
    expect(read.grid.formulas?.[3]?.[3]).toBe("=1+2");
    expect(read.grid.formulas?.[4]?.[3] ?? null).toBeNull();
    expect(fake.reads().filter((r) => r.property === "values").map((r) => r.address)).toEqual(["C3:D5"]);
  });

  test("an empty sheet reads as an empty grid", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Trống", values: [] }] });
    const read = await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, all));
    expect(read.grid).toEqual({ name: "Trống", values: [] });
    expect(fake.syncCount()).toBe(1);
  });

  test("blocks: whole rows, as many as the byte budget allows at the estimated bytes per cell, at most 20,000", () => {
    const blocks = planBlocks({ row: 4, col: 0, rows: 30_005, cols: 6 });
    expect(blocks[0]).toEqual({ row: 4, col: 0, rows: Math.floor(SYNC_BYTE_BUDGET / (6 * BYTES_PER_CELL)), cols: 6 });
    expect(blocks.reduce((n, b) => n + b.rows, 0)).toBe(30_005);
    for (const b of blocks) expect(b.rows * b.cols * BYTES_PER_CELL).toBeLessThanOrEqual(SYNC_BYTE_BUDGET);
    expect(planBlocks({ row: 0, col: 0, rows: 50_000, cols: 2 }, 10).map((b) => b.rows)).toEqual([20_000, 20_000, 10_000]);
    expect(MAX_ROWS_PER_BLOCK).toBe(20_000);
  });

  test("a 30,000-row sheet: the first block at the first guess, the rest planned from what its cells measured; each response within 5 MB", async () => {
    const fake = createFakeExcel({ sheets: [longSheet("Dài", 30_000)] });
    const log: BlockRead[] = [];
    const read = await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, all, log));
    const first = Math.floor(SYNC_BYTE_BUDGET / (6 * BYTES_PER_CELL));
    expect(log.map((b) => [b.rect.row, b.rect.rows, b.sync])).toEqual([
      [0, first, 0],
      [first, 20_000, 1],
      [first + 20_000, 30_005 - first - 20_000, 1],
    ]);
    expect(fake.syncCount()).toBe(3);
    for (const p of fake.payloads()) expect(p.response).toBeLessThan(5 * 1024 * 1024);
    expect(read.grid.values).toHaveLength(30_005);
    expect(read.grid.values[30_004][1]).toBe("Tiêu chí thử số 30000");
  });

  test("a dense 20,000-row sheet (evidence text in every row, as the samples) is read in blocks each under 5 MB", async () => {
    const fake = createFakeExcel({ sheets: [denseSheet("Dày", 20_000)] });
    const read = await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, all));
    expect(read.grid.values).toHaveLength(20_005);
    const payloads = fake.payloads();
    const cells = 20_005 * 8;
    expect(payloads.reduce((n, p) => n + p.response, 0) / cells).toBeGreaterThan(55);
    for (const p of payloads) expect(p.response).toBeLessThan(5 * 1024 * 1024);
    expect(fake.syncCount()).toBe(4);
  });

  test("a block Excel refuses for its size is read again in halves", async () => {
    const fake = createFakeExcel({ sheets: [longSheet("Dài", 3_000)], payloadLimit: 200_000 });
    const log: BlockRead[] = [];
    const read = await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, all, log));
    expect(read.grid.values).toHaveLength(3_005);
    expect(read.grid.values[3_004][0]).toBe(longSheet("x", 3_000).values[3_004][0]);
    const refused = fake.payloads().filter((p) => p.response > 200_000);
    expect(refused.length).toBeGreaterThan(0);
    expect(log.reduce((n, b) => n + b.rect.rows, 0)).toBe(3_005);
  });

  test("Excel on the web saying GeneralException (HTTP 500) for an oversized block: read again in halves too", async () => {
    const fake = createFakeExcel({ sheets: [longSheet("Dài", 3_000)], payloadLimit: 200_000, payloadError: "GeneralException" } as never);
    const log: BlockRead[] = [];
    const read = await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, all, log));
    expect(read.grid.values).toHaveLength(3_005);
    expect(log.reduce((n, b) => n + b.rect.rows, 0)).toBe(3_005);
  });

  test("a 5,000-row sheet is read in one block: two syncs in all", async () => {
    const fake = createFakeExcel({ sheets: [longSheet("Năm nghìn", 5_000)] });
    const log: BlockRead[] = [];
    await fake.Excel.run((context: Excel.RequestContext) => readActiveSheet(context, all, log));
    expect(log).toHaveLength(1);
    expect(fake.syncCount()).toBe(2);
  });
});

describe("validateActiveSheet", () => {
  test.each([
    ["so/so-tu-phap.xlsx", "Tự chấm 2018", "dien-bien-so"],
    ["huyen/huyen-tuan-giao.xlsx", "Tự đánh giá", "dien-bien-so"],
    ["tinh-dien-bien-2018.xlsx", "Tự đánh giá 2018", "dien-bien-2018"],
  ])("%s: finds each planted defect at its cell and nothing else, and changes nothing", async (file, sheet, catalogId) => {
    const fake = createFakeExcel({ sheets: await sampleSheets(file), active: sheet });
    const before = fake.snapshot();
    const actions = createExcelActions(fakeDeps(fake).deps);
    const validation = await actions.validateActiveSheet(builtinCatalog(catalogId), "vi");
    expect(validation.sheet).toBe(sheet);
    expect(validation.catalogId).toBe(catalogId);
    expect(validation.rows).toBeGreaterThan(50);
    expect(validation.scored).toBe(true);
    const found = validation.findings.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.kind}`).sort();
    expect(found).toEqual(plantedDefects(file));
    expect(fake.snapshot()).toEqual(before);
    expect(fake.syncCount()).toBe(2);
  });

  test("a fresh template reads back with every criterion and is reported as not scored yet", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Bìa", values: [["x"]] }] });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const catalog = builtinCatalog("dien-bien-2018");
    await actions.createTemplate(catalog, { unit: "Sở Nội vụ", lang: "vi" });
    const validation = await actions.validateActiveSheet(catalog, "vi");
    expect(validation.unit).toBe("Sở Nội vụ");
    expect(validation.rows).toBe(94);
    expect(validation.scored).toBe(false);
  });

  test("a sheet without a self-assessment table: a UserError naming the header needed and the Mẫu tab", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Ghi chép", values: [["Ngày", "Việc"], ["01/02", "Họp"]] }] });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const error = await actions.validateActiveSheet(builtinCatalog("dien-bien-so"), "vi").catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.text("vi")).toContain('Trang tính "Ghi chép"');
    expect(error.text("vi")).toContain("Mã tiêu chí");
    expect(error.text("vi")).toContain('"Mẫu"');
    expect(error.text("en")).toContain("Template");
  });

  test("a council's appraisal form is not checked as one unit (as par refuses it): the message points to the Thẩm định view", async () => {
    const header = ["Đơn vị", "Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình", "Điểm thẩm định", "Lý do"];
    const values = [["Cơ quan thẩm định: Sở Nội vụ"], header, ["UBND xã A", "1.1.1", "Kế hoạch", 0.5, 0.5, "KH 1", "", "", ""], ["UBND xã B", "1.1.1", "Kế hoạch", 0.5, 0.5, "KH 2", "", "", ""]];
    const fake = createFakeExcel({ sheets: [{ name: "Phiếu", values }] });
    const before = fake.snapshot();
    const error = await createExcelActions(fakeDeps(fake).deps).validateActiveSheet(builtinCatalog("dien-bien-2018"), "vi").catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.text("vi")).toContain('Trang tính "Phiếu" là phiếu thẩm định của hội đồng');
    expect(error.text("vi")).toContain('"Đọc phiếu thẩm định"');
    expect(error.text("en")).toContain('"Read the appraisal form"');
    expect(fake.snapshot()).toEqual(before);
  });

  test("a header without criterion codes below it says which column to fill", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Mới", values: [["Mã tiêu chí", "Tên tiêu chí", "Điểm tự chấm"]] }] });
    const actions = createExcelActions(fakeDeps(fake).deps);
    const error = await actions.validateActiveSheet(builtinCatalog("dien-bien-so"), "en").catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(error.text("en")).toContain("column A");
    expect(error.text("en")).toContain("cell A1");
  });
});
