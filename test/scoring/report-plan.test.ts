import { builtinCatalog, findNode, leaves } from "../../src/scoring/catalog";
import { buildPlan } from "../../src/scoring/report/plan";
import { RowSpec, smallCatalog, unitSheet } from "./report-helpers";

/** Losses: 1.1 0,5; 1.2.1 n/a; 1.2.2 unscored 1,5; 2.1 0,5; 2.2 absent 2. */
const rows: RowSpec[] = [
  { code: "1.1", max: 1, self: 0.5 },
  { code: "1.2.1", max: 0.5, self: "Không áp dụng" },
  { code: "1.2.2", max: 1.5, self: null },
  { code: "2.1", max: 3, self: "2,5" },
];

describe("buildPlan", () => {
  const plan = buildPlan(unitSheet(rows, { unit: "UBND huyện Điện Biên" }), smallCatalog);

  it("lists the criteria that lost points, largest loss first, equal losses in catalogue order", () => {
    expect(plan.items.map((i) => [i.code, i.lost, i.achieved, i.max])).toEqual([
      ["2.2", 2, 0, 2],
      ["1.2.2", 1.5, 0, 1.5],
      ["1.1", 0.5, 0.5, 1],
      ["2.1", 0.5, 2.5, 3],
    ]);
    expect(plan).toMatchObject({ unit: "UBND huyện Điện Biên", catalogId: "thu", catalogName: "Bộ tiêu chí thử" });
  });

  it("skips not-applicable criteria and those at their max", () => {
    const full = buildPlan(unitSheet([...rows.slice(0, 3), { code: "2.1", self: 3 }, { code: "2.2", self: 2 }]), smallCatalog);
    expect(full.items.map((i) => i.code)).toEqual(["1.2.2", "1.1"]);
    expect(full.items.some((i) => i.code === "1.2.1")).toBe(false);
  });

  it("copies what the catalogue says about the criterion", () => {
    expect(plan.items.find((i) => i.code === "1.1")).toEqual({
      code: "1.1",
      name: "Ban hành kế hoạch",
      lost: 0.5,
      achieved: 0.5,
      max: 1,
      target: 1,
      targetText: "Duy trì 1/1 điểm",
      evidence: [{ name: "Kế hoạch CCHC" }, { name: "Báo cáo quý", points: 0.5, lead: "Văn phòng" }],
      evidenceRequirement: "Ban hành đúng hạn",
      deadline: "Quý I năm 2019",
      lead: "Sở Nội vụ",
      coordinating: "Các sở, ngành",
    });
    const c = plan.items.find((i) => i.code === "2.2")!;
    expect([c.target, c.targetText, c.evidence, c.deadline, c.lead, c.coordinating]).toEqual([null, null, [], null, null, null]);
  });

  it("does not share evidence objects with the catalogue", () => {
    const item = plan.items.find((i) => i.code === "1.1")!;
    item.evidence[0].name = "đổi";
    expect(findNode(smallCatalog, "1.1")!.evidence[0].name).toBe("Kế hoạch CCHC");
  });

  it("uses the appraised scores when the council has scored", () => {
    const appraised = rows.map((r) => ({ ...r, appraised: r.code === "2.1" ? 1 : r.self }));
    const p = buildPlan(unitSheet([...appraised, { code: "2.2", self: 2, appraised: 2 }], { appraised: true }), smallCatalog);
    expect(p.items.map((i) => [i.code, i.lost])).toEqual([
      ["2.1", 2],
      ["1.2.2", 1.5],
      ["1.1", 0.5],
    ]);
  });

  it("dien-bien-2018: equal losses keep catalogue order (1.2 before 1.3.1)", () => {
    const catalog = builtinCatalog("dien-bien-2018");
    const sheet = leaves(catalog).map((n) => ({ code: n.code, self: n.code === "1.3.1" ? 0 : n.code === "1.2" ? 2 : n.max }));
    expect(buildPlan(unitSheet(sheet), catalog).items.map((i) => [i.code, i.lost])).toEqual([
      ["1.2", 1],
      ["1.3.1", 1],
    ]);
  });

  it("a full score gives an empty plan", () => {
    const full = leaves(smallCatalog).map((n) => ({ code: n.code, self: n.max }));
    expect(buildPlan(unitSheet(full), smallCatalog).items).toEqual([]);
  });

  it("dien-bien-2018: 1.3.1 at 0 carries its lead, evidence, requirement and deadline from the catalogue", () => {
    const catalog = builtinCatalog("dien-bien-2018");
    const sheet = leaves(catalog).map((n) => ({ code: n.code, self: n.code === "1.3.1" ? 0 : n.code === "1.2" ? 2.5 : n.max }));
    const p = buildPlan(unitSheet(sheet), catalog);
    expect(p.items.map((i) => [i.code, i.lost])).toEqual([
      ["1.3.1", 1],
      ["1.2", 0.5],
    ]);
    const item = p.items[0];
    expect(item.lead).toBe("1. Kế hoạch - Sở Nội vụ; 2. Các TLKC khác do Trưởng các đoàn kiểm tra");
    expect(item.coordinating).toBe("Các cơ quan trong BCĐ CCHC tỉnh xây dựng nội dung kiểm tra gửi Sở Nội vụ chậm nhất tháng 4");
    expect(item.deadline).toBe("1. KH Kiểm tra ban hành chậm nhất quý II; 2. TLKC sau kết thúc kiểm tra 15 ngày");
    expect(item.evidence.map((e) => e.name)).toEqual([
      "Kế hoạch kiểm tra CCHC",
      "Các thông báo kết luận kiểm tra",
      "Biên bản kiểm tra, báo cáo kết quả kiểm tra",
      "Công văn yêu cầu xử lý sau kiểm tra",
    ]);
    expect(item).toMatchObject({ max: 1, target: 1, achieved: 0 });
    expect(item.evidenceRequirement).toMatch(/^1\. Kiểm tra trên 30% CQCM cấp tỉnh/);
    expect(p.items[1].evidence[0]).toEqual({ name: "Báo cáo CCHC quý, năm", points: 1, target: 1, lead: "Sở Nội vụ" });
  });

  it("names-only dien-bien-so: nothing is planned from the sheet's own maxima (the catalogue gives none)", () => {
    const catalog = builtinCatalog("dien-bien-so");
    const [first, second, third] = leaves(catalog);
    const p = buildPlan(
      unitSheet([
        { code: first.code, max: 2, self: 0.5 },
        { code: second.code, self: 0 },
        { code: third.code, max: 1, self: 1 },
      ]),
      catalog,
    );
    expect(p.items).toEqual([]);
  });

  it("a score above the maximum loses nothing (it is capped, not a negative loss)", () => {
    const p = buildPlan(unitSheet([{ code: "1.1", max: 1, self: 3 }]), smallCatalog);
    expect(p.items.find((i) => i.code === "1.1")).toBeUndefined();
  });
});
