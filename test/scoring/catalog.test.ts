import {
  builtinCatalog,
  CatalogError,
  codeLevel,
  computeIndex,
  effectiveMax,
  findNode,
  getNode,
  LeafScore,
  leaves,
  parseCatalog,
  parseCatalogJson,
  ParError,
  rollUp,
  scoreCriterion,
} from "../../src/scoring";

const small = {
  id: "thu",
  name: "Bộ thử",
  nodes: [
    {
      code: "1",
      name: "Lĩnh vực 1",
      children: [
        { code: "1.1", name: "A", max: 1, rule: "100%: 1; *: 0" },
        { code: "1.2", name: "B", max: 2, children: [{ code: "1.2.1", name: "B1", max: 0.5 }, { code: "1.2.2", name: "B2", max: 1.5 }] },
      ],
    },
    { code: "2", name: "Lĩnh vực 2", children: [{ code: "2.1", name: "C", max: 3 }] },
  ],
};

function catalogError(raw: unknown): CatalogError {
  try {
    parseCatalog(raw, "thu.json");
  } catch (e) {
    if (e instanceof CatalogError) return e;
    throw e;
  }
  throw new Error("expected a CatalogError");
}

describe("loading catalogues", () => {
  test("a valid catalogue gets defaults for missing fields", () => {
    const c = parseCatalog(small, "thu.json");
    const n = getNode(c, "1.2.1");
    expect(n).toMatchObject({ max: 0.5, target: null, rule: null, evidence: [], deadline: null, children: [] });
  });

  test("evidence may be strings or objects", () => {
    const c = parseCatalog(
      { ...small, nodes: [{ code: "1", name: "X", children: [{ code: "1.1", name: "A", max: 1, evidence: ["Kế hoạch", { name: "Báo cáo", points: 0.5, lead: "Sở Nội vụ" }] }] }] },
      "thu.json",
    );
    expect(getNode(c, "1.1").evidence).toEqual([{ name: "Kế hoạch" }, { name: "Báo cáo", points: 0.5, lead: "Sở Nội vụ" }]);
  });

  test("a bad field is reported with the file, the node's code and the field", () => {
    const raw = structuredClone(small) as any;
    raw.nodes[0].children[1].children[0].max = "nửa điểm";
    const e = catalogError(raw);
    expect(e.issues).toHaveLength(1);
    expect(e.issues[0]).toMatchObject({ source: "thu.json", code: "1.2.1", field: "max" });
    expect(e.message).toContain("thu.json");
    expect(e.message).toContain("tiêu chí 1.2.1");
    expect(e.message).toContain('trường "max"');
  });

  test("a malformed code", () => {
    const raw = structuredClone(small) as any;
    raw.nodes[1].children[0].code = "2.a";
    expect(catalogError(raw).issues[0]).toMatchObject({ code: "2.a", field: "code" });
  });

  test("duplicate codes and children outside their parent", () => {
    const raw = structuredClone(small) as any;
    raw.nodes[1].children.push({ code: "2.1", name: "dup", max: 1 });
    raw.nodes[1].children.push({ code: "3.1", name: "lạc", max: 1 });
    const kinds = catalogError(raw).issues.map((i) => [i.code, i.message.slice(0, 12)]);
    expect(kinds).toEqual([
      ["2.1", expect.stringContaining("mã 2.1")],
      ["3.1", expect.stringContaining("mã 3.1")],
    ]);
  });

  test("a parent max that differs from its children's sum", () => {
    const raw = structuredClone(small) as any;
    raw.nodes[0].children[1].max = 2.5;
    const issue = catalogError(raw).issues[0];
    expect(issue).toMatchObject({ code: "1.2", field: "max" });
    expect(issue.message).toContain("là 2,50 nhưng");
    expect(issue.message).toContain("là 2,00;");
  });

  test("not JSON at all", () => {
    expect(() => parseCatalogJson("{ id: ", "hong.json")).toThrow(/hong\.json/);
    try {
      parseCatalogJson("{ id: ", "hong.json");
    } catch (e) {
      expect((e as ParError).key).toBe("catalog.badJson");
    }
  });
});

describe("tree operations", () => {
  const c = parseCatalog(small, "thu.json");

  test("lookup by code tolerates a trailing dot and numbers", () => {
    expect(findNode(c, "1.2.")?.name).toBe("B");
    expect(findNode(c, 1.1)?.name).toBe("A");
    expect(findNode(c, "9")).toBeUndefined();
    expect(() => getNode(c, "9")).toThrow(/"9"/);
  });

  test("levels and leaves", () => {
    expect(codeLevel("1")).toBe(1);
    expect(codeLevel("1.3.1")).toBe(3);
    expect(leaves(c).map((n) => n.code)).toEqual(["1.1", "1.2.1", "1.2.2", "2.1"]);
  });

  test("effective max sums children; unknown when a leaf has none", () => {
    expect(effectiveMax(getNode(c, "1"))).toBe(3);
    const so = builtinCatalog("dien-bien-so");
    expect(effectiveMax(getNode(so, "1"))).toBeNull();
  });

  test("roll-up: achieved, applicable max and index per field and in total", () => {
    const scores = new Map<string, LeafScore>([
      ["1.1", 1],
      ["1.2.1", "notApplicable"],
      ["1.2.2", 0.75],
      ["2.1", null],
    ]);
    const r = rollUp(c, scores);
    const [f1, f2] = r.fields;
    expect(f1).toMatchObject({ max: 3, applicableMax: 2.5, achieved: 1.75, index: 70, unscored: 0 });
    expect(f1.children[1]).toMatchObject({ code: "1.2", max: 2, applicableMax: 1.5, achieved: 0.75, index: 50 });
    expect(f2).toMatchObject({ max: 3, applicableMax: 3, achieved: 0, unscored: 1, index: 0 });
    expect(r.total).toMatchObject({ max: 6, applicableMax: 5.5, achieved: 1.75, index: 31.82 });
  });

  test("a field entirely not applicable has no index", () => {
    const r = rollUp(c, new Map<string, LeafScore>([["2.1", "notApplicable"]]));
    expect(r.fields[1]).toMatchObject({ applicableMax: 0, index: null, notApplicable: true });
  });

  test("the province set rolls up to its full 61.5 points", () => {
    const cat = builtinCatalog("dien-bien-2018");
    const full = new Map<string, LeafScore>(leaves(cat).map((n) => [n.code, n.max]));
    const r = rollUp(cat, full);
    expect(r.total).toMatchObject({ max: 61.5, applicableMax: 61.5, achieved: 61.5, index: 100 });
  });
});

describe("PAR index over ranges", () => {
  test("not applicable leaves the denominator", () => {
    expect(computeIndex([1, 0.5, "Không áp dụng"], [1, 1, 2])).toEqual({ achieved: 1.5, applicableMax: 2, index: 75, capped: [] });
  });

  test("blank pairs are skipped, a blank score with a max counts as 0", () => {
    expect(computeIndex([1, null, null], [1, null, 1])).toEqual({ achieved: 1, applicableMax: 2, index: 50, capped: [] });
  });

  test("text scores are read as numbers", () => {
    expect(computeIndex(["0,5", "1"], ["1", "1"]).index).toBe(75);
  });

  test("shape mismatch and nothing applicable are errors", () => {
    expect(() => computeIndex([1], [1, 2])).toThrow(ParError);
    expect(() => computeIndex(["KAD"], [1])).toThrow(/Không có tiêu chí nào được áp dụng/);
    expect(() => computeIndex(["nhiều"], [1])).toThrow(/nhiều/);
  });
});

describe("scoring by criterion code", () => {
  const province = builtinCatalog("dien-bien-2018");

  test("uses the catalogue's rule and max", () => {
    const r = scoreCriterion(0.75, "7.1.3", null, province);
    expect(r).toMatchObject({ kind: "points", points: 0.75 });
  });

  test("an explicit max overrides the catalogue's", () => {
    expect(scoreCriterion(25, "3.3.4", 0.5, province)).toMatchObject({ points: 0.5, capped: true });
  });

  test("a number cell code reads as the code", () => {
    expect(scoreCriterion(2, 1.5, null, province)).toMatchObject({ points: 1.5 });
  });

  test("a criterion without a rule tells the user to give one", () => {
    expect(() => scoreCriterion(1, "1.1.1", null, province)).toThrow(/1\.1\.1 chưa có quy tắc/);
  });

  test("unknown code", () => {
    expect(() => scoreCriterion(1, "8.1", null, province)).toThrow(/"8\.1" không có trong bộ tiêu chí "Chỉ số CCHC cấp tỉnh Điện Biên 2018 \(Kế hoạch 352\/KH-UBND\)" \(dien-bien-2018\)/);
  });
});
