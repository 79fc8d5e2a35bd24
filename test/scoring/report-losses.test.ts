import { buildPlan, LossTally, PlanItem, topLosses, unitLosses } from "../../src/scoring";
import { smallCatalog, unitSheet } from "./report-helpers";

const item = (code: string, lost: number): PlanItem => ({
  code,
  name: `Tiêu chí ${code}`,
  lost,
  achieved: 0,
  max: lost,
  target: null,
  targetText: null,
  evidence: [],
  evidenceRequirement: null,
  deadline: null,
  lead: null,
  coordinating: null,
});

describe("criteria most units lost points on", () => {
  test("counts units and sums points per criterion; most units first, then most points, then code order", () => {
    const tally = new LossTally();
    tally.add("c", unitLosses([item("1.10", 1), item("2.1", 0.5), item("1.2", 0.25)]));
    tally.add("c", unitLosses([item("2.1", 1.25), item("1.10", 0.5), item("1.2", 0.5)]));
    tally.add("c", unitLosses([item("3.1", 2), item("1.2", 0.25)]));
    expect(tally.all()).toEqual([
      { catalogId: "c", code: "1.2", name: "Tiêu chí 1.2", units: 3, points: 1 },
      { catalogId: "c", code: "2.1", name: "Tiêu chí 2.1", units: 2, points: 1.75 },
      { catalogId: "c", code: "1.10", name: "Tiêu chí 1.10", units: 2, points: 1.5 },
      { catalogId: "c", code: "3.1", name: "Tiêu chí 3.1", units: 1, points: 2 },
    ]);
    expect(topLosses(tally.all(), 2).map((l) => l.code)).toEqual(["1.2", "2.1"]);
  });

  test("the same code in two catalogues is two criteria; equal counts and points go by catalogue, then code (1.2 before 1.10)", () => {
    const tally = new LossTally();
    tally.add("b", unitLosses([item("1.10", 1)]));
    tally.add("a", unitLosses([item("1.10", 1), item("1.2", 1)]));
    expect(tally.all().map((l) => `${l.catalogId}:${l.code}`)).toEqual(["a:1.2", "a:1.10", "b:1.10"]);
  });

  test("from real plans: a unit counts once per leaf criterion it lost points on, with what it lost", () => {
    const full = unitSheet([
      { code: "1.1", self: 1 },
      { code: "1.2.1", self: 0.5 },
      { code: "1.2.2", self: 1.5 },
      { code: "2.1", self: 3 },
      { code: "2.2", self: 2 },
    ]);
    const weak = unitSheet([
      { code: "1.1", self: 0 },
      { code: "1.2.1", self: 0.5 },
      { code: "1.2.2", self: 1 },
      { code: "2.1", self: 3 },
      { code: "2.2", self: 0.5 },
    ]);
    const weaker = unitSheet([
      { code: "1.1", self: 0 },
      { code: "1.2.1", self: 0 },
      { code: "1.2.2", self: 1.5 },
      { code: "2.1", self: 3 },
      { code: "2.2", self: 1 },
    ]);
    const tally = new LossTally();
    for (const unit of [full, weak, weaker]) tally.add(smallCatalog.id, unitLosses(buildPlan(unit, smallCatalog).items));
    expect(tally.all().map((l) => [l.code, l.units, l.points])).toEqual([
      ["2.2", 2, 2.5],
      ["1.1", 2, 2],
      ["1.2.1", 1, 0.5],
      ["1.2.2", 1, 0.5],
    ]);
  });
});
