import { buildRanking } from "../../src/scoring/report/ranking";
import { parseBands } from "../../src/scoring/report/summary";
import { DEFAULT_BANDS } from "../../src/scoring/report/types";
import { fakeSummary } from "./report-helpers";

const entry = (unit: string, index: number | null, group?: string | null, source?: string) => ({
  summary: fakeSummary(unit, index),
  group,
  source,
});

describe("buildRanking", () => {
  it("competition ranking: equal indexes share a rank, the next rank skips (1, 1, 3)", () => {
    const r = buildRanking([entry("Sở Y tế", 70), entry("Sở Tư pháp", 85.5), entry("Sở Tài chính", 85.5)]);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0].name).toBeNull();
    expect(r.groups[0].entries.map((e) => [e.rank, e.unit, e.officialIndex, e.band])).toEqual([
      [1, "Sở Tài chính", 85.5, "B"],
      [1, "Sở Tư pháp", 85.5, "B"],
      [3, "Sở Y tế", 70, "C"],
    ]);
  });

  it("1, 2, 2, 4 and ties broken by Vietnamese collation (D < Đ < E)", () => {
    const r = buildRanking([entry("Em", 80), entry("Đông", 80), entry("Dương", 95), entry("Ê", 60)]);
    expect(r.groups[0].entries.map((e) => [e.rank, e.unit])).toEqual([
      [1, "Dương"],
      [2, "Đông"],
      [2, "Em"],
      [4, "Ê"],
    ]);
  });

  it("units without an index come last, unranked and without band", () => {
    const r = buildRanking([entry("A", null), entry("B", 50), entry("C", null), entry("D", 99)]);
    expect(r.groups[0].entries.map((e) => [e.rank, e.unit, e.band])).toEqual([
      [1, "D", "A"],
      [2, "B", "D"],
      [null, "A", null],
      [null, "C", null],
    ]);
  });

  it("keeps groups apart, in order of first appearance, each ranked from 1; ungrouped units share one list", () => {
    const r = buildRanking([
      entry("UBND huyện Mường Chà", 75, "UBND cấp huyện", "huyen/muong-cha.xlsx"),
      entry("Sở Nội vụ", 91, "Sở, ban, ngành"),
      entry("UBND huyện Tuần Giáo", 88, "UBND cấp huyện"),
      entry("Sở Xây dựng", 93, " Sở, ban, ngành "),
      entry("Ban Dân tộc", 60, null),
      entry("Văn phòng", 65, "  "),
    ]);
    expect(r.groups.map((g) => g.name)).toEqual(["UBND cấp huyện", "Sở, ban, ngành", null]);
    expect(r.groups.map((g) => g.entries.map((e) => [e.rank, e.unit]))).toEqual([
      [
        [1, "UBND huyện Tuần Giáo"],
        [2, "UBND huyện Mường Chà"],
      ],
      [
        [1, "Sở Xây dựng"],
        [2, "Sở Nội vụ"],
      ],
      [
        [1, "Văn phòng"],
        [2, "Ban Dân tộc"],
      ],
    ]);
    const first = r.groups[0].entries[1];
    expect(first).toMatchObject({ group: "UBND cấp huyện", source: "huyen/muong-cha.xlsx" });
    expect(r.groups[1].entries[0].source).toBeNull();
  });

  it("copies indexes and counts from the summaries; bands from the ranking's bands (sorted)", () => {
    const s = fakeSummary("Sở Tư pháp", 82, { selfIndex: 90, appraisedIndex: 82, errors: 2, warnings: 5, band: "X" });
    const bands = parseBands("Tốt>=80; Khá>=60");
    const r = buildRanking([{ summary: s }], [...bands].reverse());
    expect(r.bands).toEqual(bands);
    expect(r.groups[0].entries[0]).toEqual({
      unit: "Sở Tư pháp",
      catalogId: "thu",
      group: null,
      source: null,
      officialIndex: 82,
      selfIndex: 90,
      appraisedIndex: 82,
      rank: 1,
      band: "Tốt",
      errors: 2,
      warnings: 5,
      year: null,
      points: { base: 0, survey: null, bonus: 0, penalty: 0, total: 0, applicableMax: 10 },
    });
  });

  it("no units: no groups; default bands", () => {
    expect(buildRanking([])).toEqual({ groups: [], bands: DEFAULT_BANDS });
  });
});
