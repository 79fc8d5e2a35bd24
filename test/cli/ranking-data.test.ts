/**
 * The ranking workbook's very hidden "_par_data" sheet: what `par report` and next year's `--previous` read back.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { addRankingData, readRankingData, RankingData } from "../../src/cli/report/ranking-data";
import { loadUnits } from "../../src/cli/units";
import { isGeneratedWorkbook, ownedSheetNames, readWorkbook, readWorkbookBuffer } from "../../src/cli/xlsx/read";
import { workbookBuffer } from "../../src/cli/xlsx/write";
import { buildPlan, buildRanking, LossTally, unitLosses } from "../../src/scoring";
import { fakeSummary } from "../scoring/report-helpers";
import { par, SAMPLE_CATALOG, SAMPLES, tempDir } from "../support/par";

async function roundTrip(data: RankingData): Promise<RankingData | null> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Xếp hạng").getCell("A1").value = "x";
  addRankingData(workbook, data);
  return readRankingData(await readWorkbookBuffer(await workbookBuffer(workbook), "x.xlsx"));
}

describe("ranking data sheet", () => {
  test("reads back exactly what was written: groups in rank order, unknowns, bands, losses", async () => {
    const ranking = buildRanking(
      [
        { summary: fakeSummary("Sở Tư pháp", 90.5, { band: "A" }), group: "Sở, ban, ngành", source: "so/tu-phap.xlsx" },
        { summary: fakeSummary("=1+1 Sở \"lạ\"", null), group: "Sở, ban, ngành", source: null },
        { summary: fakeSummary("UBND huyện Mường Chà", 78.61), group: null, source: "huyen/muong-cha.xlsx" },
      ],
      [
        { label: "Tốt", min: 80 },
        { label: "Yếu", min: Number.NEGATIVE_INFINITY },
      ],
    );
    const losses = [
      { catalogId: "thu", code: "1.10", name: "Báo cáo", units: 2, points: 1.75 },
      { catalogId: "thu", code: "3", name: "Khác", units: 1, points: 0.5 },
    ];
    const back = await roundTrip({ ranking, losses });
    expect(back).toEqual({ ranking, losses });
  });

  test("a workbook without it has none", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Xếp hạng").getCell("A1").value = "x";
    expect(readRankingData(await readWorkbookBuffer(await workbookBuffer(workbook), "x.xlsx"))).toBeNull();
  });

  test("par aggregate writes it very hidden, listed in _par, the workbook still PAR Scorer's own; its losses are the units' plans'", async () => {
    const dir = tempDir();
    const out = join(dir, "xep-hang.xlsx");
    const groups = ["--groups", `${join(SAMPLES, "so")}=Sở, ban, ngành`, `${join(SAMPLES, "huyen")}=UBND cấp huyện`];
    const run = await par("aggregate", join(SAMPLES, "so"), join(SAMPLES, "huyen"), "-c", SAMPLE_CATALOG, "-o", out, ...groups);
    expect(run.code).toBe(0);
    const data = await readWorkbook(out);
    expect(data.sheetStates["_par_data"]).toBe("veryHidden");
    expect(ownedSheetNames(data)).toContain("_par_data");
    expect(isGeneratedWorkbook(data)).toBe(true);

    const read = readRankingData(data)!;
    expect(read.ranking.groups.map((g) => [g.name, g.entries.map((e) => [e.rank, e.unit])])).toEqual([
      ["Sở, ban, ngành", [[1, "Sở Nội vụ"], [2, "Sở Y tế"], [3, "Sở Tư pháp"], [4, "Sở Tài chính"]]],
      ["UBND cấp huyện", [[1, "UBND huyện Tuần Giáo"], [2, "UBND huyện Điện Biên Đông"], [3, "UBND huyện Mường Chà"]]],
    ]);
    // The visible ranking sheet says the same.
    const sheet = data.grids.find((g) => g.name === "Xếp hạng")!;
    for (const e of read.ranking.groups.flatMap((g) => g.entries)) {
      const row = sheet.values.find((r) => r?.[1] === e.unit)!;
      expect([row[0], row[2], row[3]]).toEqual([e.rank, e.officialIndex, e.band]);
    }

    const tally = new LossTally();
    for (const file of ["so/so-noi-vu.xlsx", "so/so-tai-chinh.xlsx", "so/so-tu-phap.xlsx", "so/so-y-te.xlsx", "huyen/huyen-dien-bien-dong.xlsx", "huyen/huyen-muong-cha.xlsx", "huyen/huyen-tuan-giao.xlsx"]) {
      const loaded = await loadUnits(join(SAMPLES, file), { catalog: SAMPLE_CATALOG });
      for (const unit of loaded.units) tally.add(loaded.choice.catalog.id, unitLosses(buildPlan(unit, loaded.choice.catalog).items));
    }
    expect(read.losses).toEqual(tally.all());
    expect(read.losses[0].units).toBeGreaterThan(1);
  });
});
