/**
 * The appraisal council's core: who appraises what (catalogue appraisedBy, inherited), the catalogue sheet's
 * "Cơ quan thẩm định" column both ways, the built-in catalogue's agencies taken from the seed's lead agency only,
 * and the merge of filled forms (every row used or reported).
 */
import {
  appraisingAgency,
  assignCriteria,
  builtinCatalog,
  buildSummary,
  Catalog,
  catalogToSheet,
  FormEntry,
  Grid,
  LeafScore,
  leaves,
  mergeForms,
  MergeUnit,
  pairAppraisals,
  parseCatalog,
  readCatalogSheet,
  readFormGrid,
  SheetSpec,
  UnitSheet,
  validateUnit,
} from "../../src/scoring";
import { par } from "../support/par";
import { smallCatalog, unitSheet } from "./report-helpers";

const catalog: Catalog = parseCatalog(
  {
    id: "thu-tham-dinh",
    name: "Thử",
    nodes: [
      { code: "1", name: "Chỉ đạo", appraisedBy: "Sở Nội vụ", children: [{ code: "1.1", name: "A", max: 1 }, { code: "1.2", name: "B", max: 1, appraisedBy: "  Văn phòng   UBND tỉnh " }] },
      { code: "2", name: "Văn bản", children: [{ code: "2.1", name: "C", max: 2 }] },
      { code: "3", name: "Hài lòng", assessedBy: "survey", appraisedBy: "Sở Nội vụ", children: [{ code: "3.1", name: "D", max: 2 }] },
    ],
  },
  "thu.json",
);

const specToGrid = (spec: SheetSpec): Grid => ({ name: spec.name, values: spec.rows.map((row) => row.map((cell) => cell?.value ?? null)) });

describe("appraisedBy in the catalogue", () => {
  test("inherited by descendants, a node's own wins; survey criteria and unassigned leaves said apart", () => {
    expect(appraisingAgency(catalog, "1.1")).toBe("Sở Nội vụ");
    expect(appraisingAgency(catalog, "1.2")).toBe("Văn phòng UBND tỉnh");
    expect(appraisingAgency(catalog, "2.1")).toBeNull();
    const a = assignCriteria(catalog);
    expect(a.agencies.map((g) => [g.agency, g.criteria.map((n) => n.code)])).toEqual([
      ["Sở Nội vụ", ["1.1"]],
      ["Văn phòng UBND tỉnh", ["1.2"]],
    ]);
    expect(a.unassigned.map((n) => n.code)).toEqual(["2.1"]);
    expect(a.agencyOf.has("3.1")).toBe(false);
  });

  test('the catalogue sheet writes "Cơ quan thẩm định" and reads it back to the same catalogue', () => {
    const spec = catalogToSheet(catalog);
    const header = spec.rows[3].map((c) => c?.value);
    const col = header.indexOf("Cơ quan thẩm định");
    expect(col).toBeGreaterThan(0);
    const row1 = spec.rows.findIndex((r) => r[0]?.value === "1");
    expect(spec.rows[row1][col]?.value).toBe("Sở Nội vụ");
    expect(spec.rows[row1 + 1][col]?.value ?? null).toBeNull();
    const back = readCatalogSheet(specToGrid(spec));
    expect(back.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(back.catalog).toEqual(catalog);
  });

  test("a sheet typed by hand: header in other words, agency on a field only", () => {
    const grid: Grid = {
      name: "BTC",
      values: [
        ["Mã bộ tiêu chí: tay"],
        ["Mã", "Tên tiêu chí", "Điểm tối đa", "Quy tắc chấm điểm", "Đơn vị thẩm định"],
        ["1", "Lĩnh vực", null, null, "Sở Tư pháp"],
        ["1.1", "A", 1, null, null],
      ],
    };
    const read = readCatalogSheet(grid);
    expect(read.catalog).not.toBeNull();
    expect(appraisingAgency(read.catalog!, "1.1")).toBe("Sở Tư pháp");
  });

  test("dien-bien-2018: each agency is the lead agency the seed names for the criterion; none invented", () => {
    const c = builtinCatalog("dien-bien-2018");
    const ABBREVIATIONS: Record<string, string[]> = {
      "Sở Thông tin và Truyền thông": ["Sở Thông tin và Truyền thông", "Sở TT&TT", "Sở TTTT"],
      "Sở Khoa học và Công nghệ": ["Sở Khoa học và Công nghệ", "Sở KH&CN"],
    };
    for (const leaf of leaves(c)) {
      if (!leaf.appraisedBy) continue;
      const spellings = ABBREVIATIONS[leaf.appraisedBy] ?? [leaf.appraisedBy];
      expect(spellings.some((s) => (leaf.lead ?? "").includes(s))).toBe(true);
    }
    const a = assignCriteria(c);
    // 1.4.1 and 7.1.1 name two agencies (the plan's and the report's), 4.3.3 none: left unassigned.
    expect(a.unassigned.map((n) => n.code)).toEqual(["1.4.1", "4.3.3", "7.1.1"]);
    expect(a.agencies.map((g) => g.agency).sort()).toEqual(
      ["Sở Khoa học và Công nghệ", "Sở Nội vụ", "Sở Thông tin và Truyền thông", "Sở Tài chính", "Sở Tư pháp", "Văn phòng UBND tỉnh"].sort(),
    );
    expect(appraisingAgency(c, "2.1.1")).toBe("Sở Tư pháp");
    expect(appraisingAgency(c, "6.2.3")).toBe("Sở Tài chính");
    // The other built-in catalogue's seed names no lead agency: nothing assigned.
    expect(assignCriteria(builtinCatalog("dien-bien-so")).agencies).toEqual([]);
  });

  test("par catalog show says who appraises each criterion, and which have no agency", async () => {
    const r = await par("catalog", "show", "dien-bien-2018");
    expect(r.out).toMatch(/2\.1\.1 {2}.*— thẩm định: Sở Tư pháp/);
    expect(r.out).toMatch(/4\.3\.3 {2}.*— chưa giao cơ quan thẩm định/);
    expect(r.out).toContain("Chưa giao cơ quan thẩm định (3 tiêu chí): 1.4.1, 4.3.3, 7.1.1");
    const none = await par("catalog", "show", "dien-bien-so");
    expect(none.out).toContain('Chưa giao cơ quan thẩm định cho tiêu chí nào (cột "Cơ quan thẩm định")');
  });

  test("par catalog export then import keeps the agencies", async () => {
    const { tempDir } = await import("../support/par");
    const { join } = await import("node:path");
    const { readFileSync } = await import("node:fs");
    const dir = tempDir();
    expect((await par("catalog", "export", "dien-bien-2018", "-o", join(dir, "btc.xlsx"))).code).toBe(0);
    const r = await par("catalog", "import", join(dir, "btc.xlsx"), "-o", join(dir, "btc.json"));
    expect(r.code).toBe(0);
    const back = parseCatalog(JSON.parse(readFileSync(join(dir, "btc.json"), "utf8")), "btc.json");
    const agencies = (x: Catalog) => leaves(x).map((n) => `${n.code}=${appraisingAgency(x, n.code) ?? "-"}`);
    expect(agencies(back)).toEqual(agencies(builtinCatalog("dien-bien-2018")));
  });
});

/* ------------------------------------------------------------------------------------------------------------- */

function unit(name: string, self: Record<string, number>): MergeUnit {
  const codes = ["1", "1.1", "1.2", "2", "2.1"];
  const sheet: UnitSheet = {
    sheet: "Tự chấm",
    unit: name,
    header: { top: 0, row: 0, columns: { code: 0, self: 1 }, found: [] },
    rows: codes.map((code, i) => ({
      row: i + 1,
      code,
      codeCell: { value: code, cell: `A${i + 2}` },
      name: null,
      max: null,
      value: null,
      self: self[code] === undefined ? null : { value: self[code], cell: `B${i + 2}` },
      appraised: null,
      survey: null,
      evidence: null,
      notes: null,
    })),
    catalogRef: null,
    numbering: "literal",
  };
  return { unit: name, sheet, self: new Map(Object.entries(self) as [string, LeafScore][]) };
}

const formGrid = (agency: string, rows: unknown[][]): Grid => ({
  name: "Phiếu thẩm định",
  values: [
    [`Cơ quan thẩm định: ${agency}`],
    ["Đơn vị", "Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình", "Điểm thẩm định", "Lý do"],
    ...rows.map((r) => [r[0], r[1], null, r[2], null, null, null, r[3], r[4] ?? null]),
  ] as Grid["values"],
});

describe("merging the forms", () => {
  const units = [unit("Xã A", { "1.1": 1, "1.2": 1, "2.1": 2 })];

  test("scores as text, out of range, unknown code and unit, unassigned criterion; every row used or reported", () => {
    const snv = readFormGrid(
      formGrid("Sở Nội vụ", [
        ["Xã A", "1.1", 1, "0,5", "Thiếu kế hoạch"],
        ["Xã A", "9.9", 1, 1],
        ["Xã B", "1.1", 1, 1],
      ]),
      "snv.xlsx",
      1,
    )!;
    const vp = readFormGrid(formGrid("Văn phòng UBND tỉnh", [["Xã A", "1.2", 1, 1.5]]), "vp.xlsx", 1)!;
    expect(snv.agency).toBe("Sở Nội vụ");
    expect(snv.entries.map((e: FormEntry) => e.score)).toEqual([0.5, 1, 1]);
    const result = mergeForms(1, catalog, units, [snv, vp]);
    const u = result.units[0];
    expect(u.criteria.get("1.1")).toMatchObject({ score: 0.5, reason: "Thiếu kế hoạch", form: "snv.xlsx", cell: "H3" });
    const kinds = u.findings.map((f) => `${f.kind}:${f.code}:${f.severity}`);
    // 1.2 out of range (1,5 > 1); 9.9 unknown; 2.1 unassigned and on no form: missing (an error: the index would count 0).
    expect(kinds.sort()).toEqual(["appraisal-missing:2.1:error", "appraisal-unknown:9.9:error", "score-invalid:1.2:error"]);
    expect(u.findings.find((f) => f.kind === "appraisal-missing")!.message).toMatch(/chưa giao cơ quan thẩm định/);
    expect(result.findings.map((f) => f.kind)).toEqual(["appraisal-unknown"]);
    expect(result.findings[0].message).toMatch(/"Xã B"/);
  });

  test("the same score on two forms is no conflict; a differing one is, naming both forms", () => {
    const f1 = readFormGrid(formGrid("Sở Nội vụ", [["Xã A", "1.1", 1, 1]]), "a.xlsx", 1)!;
    const f2 = readFormGrid(formGrid("Sở Nội vụ", [["xã a", "1.1", 1, "1,00"]]), "b.xlsx", 1)!;
    const f3 = readFormGrid(formGrid("Sở Nội vụ", [["Xã A", "1.1", 1, 0]]), "c.xlsx", 1)!;
    expect(mergeForms(1, catalog, units, [f1, f2]).units[0].findings.filter((f) => f.kind === "appraisal-conflict")).toEqual([]);
    const conflict = mergeForms(1, catalog, units, [f1, f3]).units[0].findings.find((f) => f.kind === "appraisal-conflict")!;
    expect(conflict.message).toContain('"a.xlsx"');
    expect(conflict.message).toContain('"c.xlsx"');
    expect(mergeForms(1, catalog, units, [f1, f3], "en").units[0].findings.find((f) => f.kind === "appraisal-conflict")!.message).toMatch(/^Criterion 1\.1 of Xã A: form "a\.xlsx"/);
  });

  test("a round-2 form is not read as a round-1 form, nor a round-1 form as a round-2 one", () => {
    const round2: Grid = {
      name: "Vòng 2",
      values: [
        ["Đơn vị được thẩm định: Xã A"],
        ["Đơn vị", "Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Lý do thẩm định", "Giải trình của đơn vị", "Điểm cuối cùng", "Lý do (vòng 2)"],
        ["Xã A", "1.1", "A", 1, 1, 0.5, "Thiếu", "Đã bổ sung", 1, "Đồng ý"],
      ],
    };
    expect(readFormGrid(round2, "x.xlsx", 1)).toBeNull();
    const read = readFormGrid(round2, "x.xlsx", 2)!;
    expect(read.entries[0]).toMatchObject({ code: "1.1", score: 1, reason: "Đồng ý", explanation: "Đã bổ sung" });
    expect(readFormGrid(formGrid("Sở Nội vụ", [["Xã A", "1.1", 1, 1]]), "y.xlsx", 2)).toBeNull();
  });
});

describe("pairing a council's appraisal workbook with its unit (par aggregate)", () => {
  const rows = (self: number[] | null, appraised: number[] | null) =>
    ["1.1", "1.2.1", "1.2.2", "2.1", "2.2"].map((code, i) => ({ code, self: self?.[i] ?? null, appraised: appraised?.[i] ?? null, evidence: "Kế hoạch số 1/KH-UBND ngày 05/01/2019" }));
  const summary = (s: UnitSheet) => buildSummary(s, smallCatalog, validateUnit(s, smallCatalog));

  test("one row: self from the unit's workbook, appraised and official from the council's, the unit's own findings", () => {
    const own = summary(unitSheet(rows([1, 0.5, 1.5, 3, 2], null), { unit: "UBND xã A" }));
    const council = summary(unitSheet(rows(null, [1, 0.5, 0.5, 3, 2]), { unit: "UBND XÃ A", sheet: "Thẩm định", appraised: true }));
    const other = summary(unitSheet(rows([1, 0.5, 1.5, 3, 1], null), { unit: "UBND xã B" }));
    expect(council.appraisedIndex).toBe(87.5);
    const { entries, pairs } = pairAppraisals([
      { summary: own, source: "xa-a.xlsx" },
      { summary: other, source: "xa-b.xlsx" },
      { summary: council, source: "tham-dinh-xa-a.xlsx" },
    ]);
    expect(entries.map((e) => e.source)).toEqual(["xa-a.xlsx", "xa-b.xlsx"]);
    expect(pairs).toEqual([{ unit: "UBND xã A", self: "xa-a.xlsx", appraisal: "tham-dinh-xa-a.xlsx", appraisalErrors: council.errors, appraisalWarnings: council.warnings }]);
    const joined = entries[0].summary;
    expect(joined).toMatchObject({ unit: "UBND xã A", selfIndex: 100, appraisedIndex: 87.5, officialIndex: 87.5, errors: own.errors, warnings: own.warnings });
    expect(joined.total).toMatchObject({ self: 8, appraised: 7 });
    expect(joined.fields.map((f) => [f.code, f.self, f.appraised])).toEqual([
      ["1", 3, 2],
      ["2", 5, 5],
    ]);
  });

  test("two self-assessments, or two appraisals, are not paired (the duplicate check names both)", () => {
    const a = summary(unitSheet(rows([1, 0.5, 1.5, 3, 2], null), { unit: "UBND xã A" }));
    const b = summary(unitSheet(rows([1, 0.5, 1.5, 3, 1], null), { unit: "UBND xã A" }));
    expect(pairAppraisals([{ summary: a, source: "1" }, { summary: b, source: "2" }]).pairs).toEqual([]);
    const c = summary(unitSheet(rows(null, [1, 0.5, 0.5, 3, 2]), { unit: "UBND xã A", appraised: true }));
    const d = summary(unitSheet(rows(null, [1, 0.5, 1, 3, 2]), { unit: "UBND xã A", appraised: true }));
    expect(pairAppraisals([{ summary: c, source: "1" }, { summary: d, source: "2" }]).entries).toHaveLength(2);
  });
});
