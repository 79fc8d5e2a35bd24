import { builtinCatalog, effectiveMax, leaves, parseCatalog } from "../../src/scoring/catalog";
import { ParError } from "../../src/scoring/errors";
import { BandsError, buildSummary, classBand, hasAppraisal, parseBands } from "../../src/scoring/report/summary";
import { DEFAULT_BANDS } from "../../src/scoring/report/types";
import { Finding, FINDING_KINDS } from "../../src/scoring/validate/types";
import { RowSpec, smallCatalog, unitSheet } from "./report-helpers";

/** 1.2.1 not applicable: field 1 applies 2,5 of 3, field 2 all 5; self 2 + 3 = 5 of 7,5. */
const selfRows: RowSpec[] = [
  { code: "1", name: "Công tác chỉ đạo điều hành" },
  { code: "1.1", max: 1, self: 1 },
  { code: "1.2", max: 2 },
  { code: "1.2.1", max: 0.5, self: "Không áp dụng" },
  { code: "1.2.2", max: 1.5, self: 1 },
  { code: "2", name: "Thủ tục hành chính" },
  { code: "2.1", max: 3, self: 2.5 },
  { code: "2.2", max: 2, self: "0,5" },
];

const appraisedRows: RowSpec[] = selfRows.map((r) => {
  const appraised: Record<string, RowSpec["appraised"]> = { "1.1": 1, "1.2.1": "Không áp dụng", "1.2.2": 0.5, "2.1": 2, "2.2": "" };
  return { ...r, appraised: appraised[r.code] };
});

describe("buildSummary: self scores only", () => {
  const s = buildSummary(unitSheet(selfRows), smallCatalog, []);

  it("names the unit, sheet and catalogue", () => {
    expect(s).toMatchObject({ unit: "Sở Tư pháp", sheet: "Tự đánh giá", catalogId: "thu", catalogName: "Bộ tiêu chí thử" });
  });

  it("drops not-applicable leaves from the applicable max of their field and of the total", () => {
    expect(s.fields).toEqual([
      { code: "1", name: "Công tác chỉ đạo điều hành", kind: "base", max: 3, applicableMax: 2.5, self: 2, appraised: null, survey: null, bonus: 0, penalty: 0, total: 2, selfPercent: 80, appraisedPercent: null, lost: 0.5 },
      { code: "2", name: "Thủ tục hành chính", kind: "base", max: 5, applicableMax: 5, self: 3, appraised: null, survey: null, bonus: 0, penalty: 0, total: 3, selfPercent: 60, appraisedPercent: null, lost: 2 },
    ]);
    expect(s.total).toMatchObject({ max: 8, applicableMax: 7.5, self: 5, appraised: null, selfPercent: 66.67, lost: 2.5 });
  });

  it("index = achieved / applicable × 100 to 2 decimals; official = self without an appraised column", () => {
    expect(s.selfIndex).toBe(66.67);
    expect(s.appraisedIndex).toBeNull();
    expect(s.officialIndex).toBe(66.67);
    expect(s.band).toBe("D");
  });

  it("uses the given bands", () => {
    expect(buildSummary(unitSheet(selfRows), smallCatalog, [], { bands: parseBands("Đạt>=60; Chưa đạt") }).band).toBe("Đạt");
  });

  it("counts blank and unreadable scores as 0 achieved but keeps them in the applicable max", () => {
    const rows = selfRows.map((r) => (r.code === "2.1" ? { ...r, self: "" } : r.code === "2.2" ? { ...r, self: "nhiều" } : r));
    const t = buildSummary(unitSheet(rows), smallCatalog, []);
    expect(t.fields[1]).toMatchObject({ applicableMax: 5, self: 0, selfPercent: 0, lost: 5 });
    expect(t.total).toMatchObject({ applicableMax: 7.5, self: 2, lost: 5.5 });
    expect(t.selfIndex).toBe(26.67);
  });

  it("a criterion missing from the sheet counts 0 of its max", () => {
    const t = buildSummary(unitSheet(selfRows.filter((r) => r.code !== "2.2")), smallCatalog, []);
    expect(t.total).toMatchObject({ applicableMax: 7.5, self: 4.5, lost: 3 });
  });

  it("gives a null index when nothing applies", () => {
    const rows = selfRows.map((r) => (r.max !== undefined && !["1", "1.2", "2"].includes(r.code) ? { ...r, self: "Không áp dụng" } : r));
    const t = buildSummary(unitSheet(rows), smallCatalog, []);
    expect(t.total).toMatchObject({ max: 8, applicableMax: 0, self: 0, selfPercent: null, lost: 0 });
    expect(t.selfIndex).toBeNull();
    expect(t.officialIndex).toBeNull();
    expect(t.band).toBeNull();
  });
});

describe("buildSummary: with an appraised column", () => {
  const s = buildSummary(unitSheet(appraisedRows, { appraised: true }), smallCatalog, []);

  it("reports appraised points per field and in total; lost follows the official (appraised) points", () => {
    expect(s.fields[0]).toMatchObject({ applicableMax: 2.5, self: 2, appraised: 1.5, selfPercent: 80, appraisedPercent: 60, lost: 1 });
    expect(s.fields[1]).toMatchObject({ applicableMax: 5, self: 3, appraised: 2, selfPercent: 60, appraisedPercent: 40, lost: 3 });
    expect(s.total).toMatchObject({ applicableMax: 7.5, self: 5, appraised: 3.5, lost: 4 });
  });

  it("the appraised index is the official one and gives the band", () => {
    expect(s.selfIndex).toBe(66.67);
    expect(s.appraisedIndex).toBe(46.67);
    expect(s.officialIndex).toBe(46.67);
    expect(s.band).toBe(classBand(46.67));
  });

  it("an appraised column with nothing in it (a template not yet appraised) is no appraisal", () => {
    const empty = unitSheet(selfRows.map((r) => ({ ...r, appraised: r.code === "2.1" ? "  " : null })), { appraised: true });
    expect(hasAppraisal(empty)).toBe(false);
    const t = buildSummary(empty, smallCatalog, []);
    expect(t.appraisedIndex).toBeNull();
    expect(t.officialIndex).toBe(66.67);
    expect(t.total.appraised).toBeNull();
    expect(t.total.lost).toBe(2.5);
  });

  it("where the council finds a criterion not applicable, the official applicable max follows it", () => {
    const rows = appraisedRows.map((r) => (r.code === "2.2" ? { ...r, appraised: "Không áp dụng" } : r));
    const t = buildSummary(unitSheet(rows, { appraised: true }), smallCatalog, []);
    expect(t.total).toMatchObject({ applicableMax: 5.5, appraised: 3.5, selfPercent: 66.67, appraisedPercent: 63.64, lost: 2 });
    expect(t.appraisedIndex).toBe(63.64);
  });
});

describe("buildSummary over the built-in catalogues", () => {
  it("dien-bien-2018 fully scored gives 100 and band A; totals match the catalogue", () => {
    const catalog = builtinCatalog("dien-bien-2018");
    const rows = leaves(catalog).map((n) => ({ code: n.code, max: n.max, self: n.max }));
    const s = buildSummary(unitSheet(rows), catalog, []);
    const total = catalog.nodes.reduce((a, n) => a + (effectiveMax(n) ?? 0), 0);
    expect(s.total.max).toBeCloseTo(total, 9);
    expect(s.total.applicableMax).toBeCloseTo(total, 9);
    expect(s.fields.map((f) => f.code)).toEqual(catalog.nodes.map((n) => n.code));
    expect(s.selfIndex).toBe(100);
    expect(s.band).toBe("A");
    expect(s.total.lost).toBe(0);
  });

  it("dien-bien-2018 with 1.3.1 at 0 loses its point", () => {
    const catalog = builtinCatalog("dien-bien-2018");
    const rows = leaves(catalog).map((n) => ({ code: n.code, self: n.code === "1.3.1" ? 0 : n.max }));
    const s = buildSummary(unitSheet(rows), catalog, []);
    expect(s.fields[0].lost).toBe(1);
    expect(s.total.lost).toBe(1);
  });

  it("the names-only dien-bien-so gives no index from the sheet's own maxima: the catalogue must supply them", () => {
    const catalog = builtinCatalog("dien-bien-so");
    const all = leaves(catalog);
    expect(all.every((n) => n.max === null)).toBe(true);
    const rows = all.map((n, i) => ({ code: n.code, max: i % 2 === 0 ? 1 : "0,5", self: i === 0 ? 0 : i % 2 === 0 ? 1 : 0.5 }));
    const s = buildSummary(unitSheet(rows), catalog, []);
    expect(s.total.max).toBeNull();
    expect(s.selfIndex).toBeNull();
    expect(s.officialIndex).toBeNull();
    expect(s.band).toBeNull();
    expect(s.missingMax).toEqual(all.map((n) => n.code));
    expect(s.catalogId).toBe("dien-bien-so");
  });

  it("with the points supplied in the catalogue, a unit that deletes a row keeps the full denominator", () => {
    const catalog = builtinCatalog("dien-bien-so");
    const all = leaves(catalog);
    type Raw = { children: Raw[]; max?: number | null };
    const withPoints = (n: Raw): Raw => ({ ...n, max: n.children.length ? null : 1, children: n.children.map(withPoints) });
    const raw = JSON.parse(JSON.stringify(catalog)) as { nodes: Raw[] };
    const supplied = parseCatalog({ ...raw, nodes: raw.nodes.map(withPoints) }, "diem.json");
    const rows = all.slice(1).map((n) => ({ code: n.code, max: 1, self: 1 }));
    const s = buildSummary(unitSheet(rows), supplied, []);
    expect(s.total.applicableMax).toBe(all.length);
    expect(s.total.self).toBe(all.length - 1);
    expect(s.selfIndex).toBe(Math.round(((all.length - 1) / all.length) * 10000) / 100);
    expect(s.missingMax).toEqual([]);
  });

  it("a score above its maximum counts as the maximum; a smaller maximum typed in the sheet is ignored", () => {
    const rows = [
      { code: "1.1", max: 1, self: 5 },
      { code: "1.2.1", max: 0.5, self: 0.5 },
      { code: "1.2.2", max: 0.1, self: 1.5 },
      { code: "2.1", max: 3, self: 3 },
      { code: "2.2", max: 2, self: 2 },
    ];
    const s = buildSummary(unitSheet(rows), smallCatalog, []);
    expect(s.total.applicableMax).toBe(8);
    expect(s.total.self).toBe(8);
    expect(s.selfIndex).toBe(100);
    expect(s.fields[0].self).toBe(3);
  });
});

describe("buildSummary: findings", () => {
  const at = (kind: Finding["kind"], severity: Finding["severity"], code: string | null, cell: string): Finding => ({
    kind,
    severity,
    code,
    sheet: "Tự đánh giá",
    cell,
    message: "…",
  });
  const findings = [
    at("missing-evidence", "error", "1.1", "G7"),
    at("missing-evidence", "error", "2.1", "G12"),
    at("missing-evidence", "warning", "2.2", "G13"),
    at("score-over-max", "error", "2.1", "E12"),
    at("missing-explanation", "warning", "2.2", "H13"),
  ];
  const s = buildSummary(unitSheet(selfRows), smallCatalog, findings);

  it("counts every kind (0 when none)", () => {
    expect(Object.keys(s.findingCounts).sort()).toEqual([...FINDING_KINDS].sort());
    expect(s.findingCounts["missing-evidence"]).toBe(3);
    expect(s.findingCounts["score-over-max"]).toBe(1);
    expect(s.findingCounts["missing-explanation"]).toBe(1);
    expect(s.findingCounts["sum-mismatch"]).toBe(0);
    expect(s.errors).toBe(3);
    expect(s.warnings).toBe(2);
    expect(s.findingSeverities?.["missing-evidence"]).toEqual({ error: 2, warning: 1 });
  });

  it("lists the criteria with no evidence (missing-evidence errors only), named from the catalogue", () => {
    expect(s.withoutEvidence).toEqual([
      { code: "1.1", name: "Ban hành kế hoạch", sheet: "Tự đánh giá", cell: "G7" },
      { code: "2.1", name: "Công khai TTHC", sheet: "Tự đánh giá", cell: "G12" },
    ]);
  });

  it("no findings: all zero", () => {
    const t = buildSummary(unitSheet(selfRows), smallCatalog, []);
    expect(Object.values(t.findingCounts).every((n) => n === 0)).toBe(true);
    expect(t.errors + t.warnings).toBe(0);
    expect(t.withoutEvidence).toEqual([]);
  });
});

describe("classBand", () => {
  it.each([
    [100, "A"],
    [90, "A"],
    [89.99, "B"],
    [80, "B"],
    [79.99, "C"],
    [70, "C"],
    [69.99, "D"],
    [0, "D"],
  ])("%p → %p", (index, band) => expect(classBand(index)).toBe(band));

  it("no index, no band", () => {
    expect(classBand(null)).toBeNull();
    expect(classBand(Number.NaN)).toBeNull();
  });

  it("sorts the bands itself, and gives null below bands without a catch-all", () => {
    const bands = [
      { label: "Khá", min: 70 },
      { label: "Tốt", min: 85 },
    ];
    expect(classBand(90, bands)).toBe("Tốt");
    expect(classBand(75, bands)).toBe("Khá");
    expect(classBand(69.99, bands)).toBeNull();
  });
});

describe("parseBands", () => {
  it("reads the default notation", () => {
    expect(parseBands("A>=90; B>=80; C>=70; D")).toEqual(DEFAULT_BANDS);
  });

  it("accepts ≥, =>, decimal commas, one band per line, any order, and no catch-all", () => {
    expect(parseBands("Tốt ≥ 80,5\nXuất sắc => 90\n\nKhá>=65")).toEqual([
      { label: "Xuất sắc", min: 90 },
      { label: "Tốt", min: 80.5 },
      { label: "Khá", min: 65 },
    ]);
  });

  function reasonOf(text: string): string {
    try {
      parseBands(text);
    } catch (e) {
      expect(e).toBeInstanceOf(ParError);
      expect(e).toBeInstanceOf(BandsError);
      expect((e as BandsError).message).toMatch(/^Thang xếp loại: /);
      return (e as BandsError).reason;
    }
    throw new Error(`no error for ${text}`);
  }

  it.each([
    ["", "empty"],
    [" ; ;\n", "empty"],
    ["A>90; D", "badPart"],
    [">=90; D", "badPart"],
    ["A>=chín mươi", "badPart"],
    ["90", "badPart"],
    ["A<=90", "badPart"],
    ["A>=120; D", "range"],
    ["A>=-5; D", "range"],
    ["D; A>=90", "catchAllNotLast"],
    ["A>=90; a>=80; D", "duplicateLabel"],
    ["A>=90; B>=90; D", "duplicateMin"],
    [`${"X".repeat(41)}>=90`, "badLabel"],
  ])("%p → %p", (text, reason) => expect(reasonOf(text)).toBe(reason));

  it("names a bound shared by two bands as a figure, in the message's language", () => {
    const error = (() => {
      try {
        parseBands("A>=90; B>=90; D");
      } catch (e) {
        return e as BandsError;
      }
      throw new Error("no error");
    })();
    expect(error.text("vi")).toContain('hai mức "A" và "B" cùng ngưỡng 90,00;');
    expect(error.text("en")).toContain('bands "A" and "B" have the same bound 90.00;');
  });

  it("takes one pass over a 100,000-character label (no backtracking), and quotes only its start", () => {
    expect(parseBands(`A${" ".repeat(100_000)}>=90; B`)).toEqual([
      { label: "A", min: 90 },
      { label: "B", min: Number.NEGATIVE_INFINITY },
    ]);
    expect(reasonOf(`A${" ".repeat(100_000)}B>=90; D`)).toBe("badLabel");
    expect(reasonOf(`A${" ".repeat(100_000)}B`)).toBe("badLabel");
    const error = (() => {
      try {
        parseBands(`${"X".repeat(100_000)}>=90`);
      } catch (e) {
        return e as BandsError;
      }
    })();
    expect(error?.text("vi").length).toBeLessThan(400);
    expect(error?.text("en")).toContain(`"${"X".repeat(40)}…"`);
  });

  it("says how to fix it, in Vietnamese and in English", () => {
    try {
      parseBands("D; A>=90");
      throw new Error("no error");
    } catch (e) {
      const err = e as BandsError;
      expect(err.message).toContain('mức "D" không có ngưỡng nên chỉ được đặt ở cuối');
      expect(err.text()).toBe(err.message);
      expect(err.text("en")).toContain('band "D" has no bound, so it must come last');
    }
  });
});
