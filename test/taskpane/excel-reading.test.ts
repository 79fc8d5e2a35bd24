/**
 * The task pane reads workbooks with the core's readWorkbookUnits, as par does (issue 17): through the Excel
 * adapter over the stand-in, the catalogue a sheet names is used and offered, hidden sheets are not units, and
 * every workbook in samples/ (and generated layouts with hidden and several sheets) gives the pane the same
 * catalogue, findings and index as `par validate` / `par summary`.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { builtinCatalog, Catalog, Finding, walk } from "../../src/scoring";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { par, SAMPLES, tempDir } from "../support/par";
import { RawCell, writeRawXlsx } from "../support/raw-xlsx";
import { createFakeExcel, fakeDeps, SheetSeed, workbookSeeds } from "./excel-fixtures";

jest.setTimeout(300_000);

const dir = tempDir("par-pane-reading-");
const province = builtinCatalog("dien-bien-2018");

/** The sheets of a file as Excel shows them, with the states the file gives them. */
async function seeds(file: string, states: Record<string, SheetSeed["visibility"]> = {}): Promise<SheetSeed[]> {
  return (await workbookSeeds(file, { merges: true })).map((s) => (states[s.name] ? { ...s, visibility: states[s.name] } : s));
}

function paneOver(sheets: SheetSeed[], active?: string) {
  const first = sheets.find((s) => (s.visibility ?? "Visible") === "Visible")!;
  const fake = createFakeExcel({ sheets, active: active ?? first.name });
  return createExcelActions(fakeDeps(fake).deps);
}

async function parValidate(file: string): Promise<{ code: number; catalogId: string | null; findings: Finding[] }> {
  const text = await par("validate", file);
  const json = await par("validate", file, "--json");
  const id = /Bộ tiêu chí: (\S+) —/.exec(text.out)?.[1] ?? null;
  return { code: json.code, catalogId: id, findings: json.code === 2 ? [] : (JSON.parse(json.out) as Finding[]) };
}

async function parIndex(file: string): Promise<number | null | undefined> {
  const r = await par("summary", file, "-o", join(dir, `o-${Math.random().toString(36).slice(2)}.xlsx`), "--json");
  return r.code === 0 ? (JSON.parse(r.out).index as number | null) : undefined;
}

const where = (fs: Finding[]) => fs.map((f) => `${f.sheet}!${f.cell} ${f.code ?? "-"} ${f.kind} ${f.severity}`).sort();

/** A unit sheet over the province catalogue, each leaf scored `share` of its maximum. */
function unitRows(titles: string[], share: number): RawCell[][] {
  const rows: RawCell[][] = titles.map((t) => [t]);
  rows.push(["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"]);
  for (const node of walk(province.nodes)) {
    const leaf = node.children.length === 0;
    const max = node.max ?? 0;
    rows.push([node.code, node.name, max, leaf ? Math.round(max * share * 100) / 100 : null, leaf ? `Báo cáo số ${node.code.replace(/\./g, "")}/BC ngày 01/12/2018` : null]);
  }
  return rows;
}

test("so-tu-phap.xlsx names dien-bien-so: the pane checks it against that catalogue, as par does, and offers to switch", async () => {
  const file = join(SAMPLES, "so", "so-tu-phap.xlsx");
  const byPar = await parValidate(file);
  expect(byPar.catalogId).toBe("dien-bien-so");
  const actions = paneOver(await seeds(file));
  const v = await actions.validateActiveSheet(province, "vi");
  expect(v.catalogId).toBe("dien-bien-so");
  expect(v.switchTo?.id).toBe("dien-bien-so");
  expect(v.switchNote).toContain("dien-bien-so");
  expect(where(v.findings)).toEqual(where(byPar.findings));
  // The ledger of the sheet is there for "Cách đọc bảng".
  expect(v.reading?.sheets.map((s) => s.readAs)).toEqual(["unit"]);
  expect(v.reading?.units[0].rows.some((r) => r.readAs === "criterion")).toBe(true);
});

test('a hidden "Năm 2024" in front of the visible "Năm 2025": the pane summarises 2025 and ranks nothing hidden', async () => {
  const file = join(dir, "nam.xlsx");
  await writeRawXlsx(file, [
    { name: "Năm 2024", rows: unitRows(["Đơn vị: Sở C"], 1), state: "hidden" },
    { name: "Năm 2025", rows: unitRows(["Đơn vị: Sở C"], 0.5) },
  ]);
  const actions = paneOver(await seeds(file, { "Năm 2024": "Hidden" }), "Năm 2025");
  const summary = await actions.generateSummary(province, "vi");
  expect(summary.units).toBe(1);
  const cli = await par("summary", file, "-o", join(dir, "nam-o.xlsx"), "--json");
  expect(summary.index).toBe(JSON.parse(cli.out).index);
  expect(summary.index).toBeLessThan(60);
});

describe("parity: every workbook in samples/ and generated layouts, through par and through the pane", () => {
  const files = ["so", "huyen", "quoc-gia", "mau-dia-phuong", "2026/so", "2026/phuong", "2026/xa"].flatMap((d) => readdirSync(join(SAMPLES, d)).filter((f) => f.endsWith(".xlsx")).map((f) => join(SAMPLES, d, f)));
  files.push(join(SAMPLES, "tinh-dien-bien-2018.xlsx"));

  test.each(files.map((f) => [f.slice(SAMPLES.length + 1), f]))("%s: the same catalogue, findings and index", async (_name, file) => {
    const byPar = await parValidate(file);
    const sheets = await seeds(file);
    const actions = paneOver(sheets);
    // The catalogue in use: the workbook's own catalogue sheet when it has one (as the catalogue tab reads it), else the province's.
    const own = await actions.readWorkbookCatalog("vi");
    const active: Catalog = own.catalog ?? province;
    const v = await actions.validateActiveSheet(active, "vi");
    expect(v.catalogId).toBe(byPar.catalogId);
    expect(where(v.findings)).toEqual(where(byPar.findings));
    const index = await parIndex(file);
    if (index !== undefined) expect((await actions.generateSummary(active, "vi")).index).toBe(index);
  });

  test("generated: a hidden copy with every maximum, and several unit sheets", async () => {
    const file = join(dir, "gen.xlsx");
    await writeRawXlsx(file, [
      { name: "Tự đánh giá", rows: unitRows(["Đơn vị: Sở A", "Bộ tiêu chí: dien-bien-2018"], 0.6) },
      { name: "Bản cũ", rows: unitRows(["Đơn vị: Sở A", "Bộ tiêu chí: dien-bien-2018"], 1), state: "veryHidden" },
    ]);
    const byPar = await parValidate(file);
    const actions = paneOver(await seeds(file, { "Bản cũ": "VeryHidden" }));
    const v = await actions.validateActiveSheet(province, "vi");
    expect(v.catalogId).toBe(byPar.catalogId);
    expect(where(v.findings)).toEqual(where(byPar.findings));
    const s = await actions.generateSummary(province, "vi");
    expect(s.units).toBe(1);
    expect(s.index).toBe(await parIndex(file));

    const several = join(dir, "several.xlsx");
    await writeRawXlsx(several, [
      { name: "Xã A", rows: unitRows(["Bộ tiêu chí: dien-bien-2018"], 0.9) },
      { name: "Xã B", rows: unitRows(["Bộ tiêu chí: dien-bien-2018"], 0.5) },
    ]);
    const pane = paneOver(await seeds(several), "Xã B");
    const summary = await pane.generateSummary(province, "vi");
    expect(summary.units).toBe(2);
    expect(summary.unit).toBe("Xã B");
    const cli = await par("summary", several, "-o", join(dir, "several-o.xlsx"), "--sheet", "Xã B", "--json");
    expect(summary.index).toBe(JSON.parse(cli.out).index);
  });
});
