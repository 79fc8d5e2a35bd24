/**
 * The self-assessment template: what the core generates, it must read back perfectly (header, every code once in
 * order, unit, catalogue), and its formulas (evaluated by HyperFormula with PAR.SCORE) must agree with the core.
 */
import { RawCellContent } from "hyperformula";
import {
  a1,
  builtinCatalog,
  Catalog,
  CatalogNode,
  CellValue,
  chooseCatalog,
  effectiveMax,
  FindingKind,
  Grid,
  headerRole,
  Lang,
  parseA1,
  readUnitSheet,
  scoreCriterion,
  SheetSpec,
  t,
  templateLayout,
  templateSheet,
  UnitSheet,
  validateUnit,
  walk,
} from "../../src/scoring";
import { createParHyperFormula } from "../support/hyperformula-par";

const CATALOG_IDS = ["dien-bien-2018", "dien-bien-so"];
const LANGS: Lang[] = ["vi", "en"];
const L = templateLayout();
const col = L.columns;

/** The spec as a host would read it back before any recalculation: cached values, formulas where set. */
function specToGrid(spec: SheetSpec, name = spec.name): Grid {
  return {
    name,
    values: spec.rows.map((row) => row.map((cell) => (cell ? (cell.value as CellValue) : null))),
    formulas: spec.rows.map((row) => row.map((cell) => cell?.formula ?? null)),
  };
}

/** Row index of each catalogue code in the spec. */
function rowsByCode(spec: SheetSpec): Map<string, number> {
  const map = new Map<string, number>();
  spec.rows.forEach((row, r) => {
    if (r >= L.firstRow && typeof row[col.code]?.value === "string") map.set(row[col.code]!.value as string, r);
  });
  return map;
}

/** Every A1 cell a validation range covers. */
function cellsOf(range: string): string[] {
  const [from, to] = range.split(":").map((a) => parseA1(a)!);
  const out: string[] = [];
  for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) out.push(`${r},${c}`);
  return out;
}

const isLeaf = (n: CatalogNode) => n.children.length === 0;

describe.each(CATALOG_IDS)("template of %s", (id) => {
  const catalog = builtinCatalog(id);
  const nodes = walk(catalog.nodes);

  describe.each(LANGS)("in %s", (lang) => {
    const spec = templateSheet(catalog, { lang, unit: "Sở Tư pháp", year: 2026 });
    const grid = specToGrid(spec);
    const unit = readUnitSheet(grid, "Tên tệp")!;

    test("the reader finds the header with every column in its place", () => {
      expect(unit).not.toBeNull();
      expect(unit.header.row).toBe(L.headerRow);
      expect(unit.header.columns).toEqual(L.columns);
      expect(spec.headerRow).toBe(L.headerRow);
      for (const [role, c] of Object.entries(L.columns)) expect(headerRole(spec.rows[L.headerRow][c]!.value)).toBe(role);
    });

    test("every catalogue code once, in tree order, as text, from the first criterion row", () => {
      expect(unit.rows.map((r) => r.code)).toEqual(nodes.map((n) => n.code));
      expect(unit.rows[0].row).toBe(L.firstRow);
      unit.rows.forEach((r, i) => {
        expect(r.codeCell.value).toBe(nodes[i].code);
        expect(spec.rows[r.row][col.code]!.style?.numFmt).toBe("@");
      });
    });

    test("the title names the unit and the catalogue id, which chooseCatalog matches", () => {
      expect(unit.unit).toBe("Sở Tư pháp");
      expect(unit.catalogRef).toBe(id);
      expect(chooseCatalog([grid], [unit]).choice).toMatchObject({ how: "named", sheet: spec.name });
      expect(chooseCatalog([grid], [unit]).choice!.catalog.id).toBe(id);
      expect(String(spec.rows[0][0]!.value)).toMatch(/2026$/);
      expect(spec.merges).toContain("A1:H1");
      const catalogName = spec.rows.slice(0, L.headerRow).flat().some((c) => c?.value === catalog.name);
      expect(catalogName).toBe(true);
    });

    test("a blank unit leaves the label and an empty cell: the reader falls back, and reads what the user types there", () => {
      const blank = templateSheet(catalog, { lang, unit: "  " });
      const g = specToGrid(blank);
      expect(readUnitSheet(g, "Tên tệp")!.unit).toBe("Tên tệp");
      const labelRow = g.values.findIndex((row) => typeof row[0] === "string" && /^(Đơn vị|Unit):$/.test(row[0] as string));
      expect(labelRow).toBeGreaterThan(0);
      expect(g.values[labelRow][1] ?? null).toBeNull();
      expect(blank.merges!.some((m) => m.startsWith(`A${labelRow + 1}:`))).toBe(false);
      g.values[labelRow][1] = "UBND huyện Mường Chà";
      expect(readUnitSheet(g, "Tên tệp")!.unit).toBe("UBND huyện Mường Chà");
    });

    test("fields are bold with the field fill, criteria bold, names indented by level", () => {
      for (const node of nodes) {
        const r = rowsByCode(spec).get(node.code)!;
        const level = node.code.split(".").length;
        const name = spec.rows[r][col.name]!;
        expect(name.value).toBe(node.name);
        expect(name.style?.indent ?? 0).toBe(level - 1);
        expect(Boolean(name.style?.bold)).toBe(level <= 2);
        expect(name.style?.fill === "field").toBe(level === 1);
      }
    });

    test("leaves: max from the catalogue, PAR.SCORE where there is a rule, else empty; parents sum their children", () => {
      const at = rowsByCode(spec);
      for (const node of nodes) {
        const r = at.get(node.code)!;
        const row = spec.rows[r];
        for (const c of [col.max, col.self, col.appraised]) expect(row[c]!.style?.numFmt).toBe("#,##0.00");
        if (isLeaf(node)) {
          expect(row[col.max]!.value).toBe(node.max);
          expect(row[col.max]!.formula).toBeUndefined();
          expect(row[col.appraised]!.formula).toBeUndefined();
          if (node.rule) expect(row[col.self]!.formula).toBe(`=PAR.SCORE(D${r + 1},A${r + 1})`);
          else expect(row[col.self]!.formula).toBeUndefined();
        } else {
          const children = node.children.map((c) => `E${at.get(c.code)! + 1}`).join(",");
          expect(row[col.self]!.formula).toBe(`=IF(COUNT(${children})=0,"",SUM(${children}))`);
          expect(row[col.max]!.value).toBe(effectiveMax(node));
        }
      }
    });

    test("a total row without code sums the fields", () => {
      const last = spec.rows[spec.rows.length - 1];
      expect(last[col.code]!.value).toBeNull();
      expect(last[col.name]!.value).toBe(lang === "en" ? "Total" : "Tổng cộng");
      expect(last[col.name]!.style).toMatchObject({ bold: true, fill: "total" });
      const fields = catalog.nodes.map((f) => `C${rowsByCode(spec).get(f.code)! + 1}`).join(",");
      expect(last[col.max]!.formula).toBe(`=IF(COUNT(${fields})=0,"",SUM(${fields}))`);
    });

    test("validation covers exactly the typed score cells, in few blocks, relative to each block's top-left", () => {
      const at = rowsByCode(spec);
      const expected = new Set<string>();
      for (const node of nodes.filter(isLeaf)) {
        const r = at.get(node.code)!;
        if (!node.rule) expected.add(`${r},${col.self}`);
        expected.add(`${r},${col.appraised}`);
      }
      const covered = spec.validations!.flatMap((v) => cellsOf(v.range));
      expect(new Set(covered).size).toBe(covered.length);
      expect(new Set(covered)).toEqual(expected);
      expect(spec.validations!.length).toBeLessThan(expected.size / 1.5);
      const na = t("na.label", {}, lang);
      for (const v of spec.validations!) {
        const top = v.range.split(":")[0];
        const row = parseA1(top)!.row + 1;
        expect(v.formula).toBe(
          `=OR(AND(ISNUMBER(${top}),${top}>=0,OR(ISBLANK($C${row}),${top}<=$C${row})),${top}="${na}"${lang === "en" ? `,${top}="Không áp dụng"` : ""})`,
        );
        expect(v.errorMessage).toContain(lang === "en" ? "Not applicable" : "Không áp dụng");
        expect(v.errorTitle.length).toBeLessThanOrEqual(32);
        expect(v.errorMessage.length).toBeLessThanOrEqual(255);
        expect(v.prompt!.length).toBeLessThanOrEqual(255);
        expect(v.formula!.length).toBeLessThanOrEqual(255);
      }
    });

    test("frozen through the header and the two first columns; sensible widths; kind template; default name", () => {
      expect(spec.freeze).toEqual({ rows: L.headerRow + 1, columns: 2 });
      expect(spec.columnWidths).toEqual([9, 60, 11, 16, 11, 11, 45, 30]);
      expect(spec.kind).toBe("template");
      expect(spec.name).toBe(lang === "en" ? "Self-assessment" : "Tự đánh giá");
      expect(templateSheet(catalog, { lang, name: "Sở Tư pháp 2026" }).name).toBe("Sở Tư pháp 2026");
    });

    test("an untouched template is reported unscored (one error at the self-score header), nothing else", () => {
      const findings = validateUnit(unit, catalog, { lang });
      expect(findings.map((f) => [f.kind, f.severity, f.code, f.cell])).toEqual([["unscored", "error", null, a1(unit.header.row, unit.header.columns.self!)]]);
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Evaluated with HyperFormula
// ---------------------------------------------------------------------------------------------------------------

/** Raw HyperFormula content of the spec: formulas as formulas, codes forced to text, user inputs on top. */
function hfSheet(spec: SheetSpec, inputs: Map<string, RawCellContent>): RawCellContent[][] {
  return spec.rows.map((row, r) => {
    const width = Math.max(row.length, L.columns.notes + 1);
    return Array.from({ length: width }, (_, c) => {
      const typed = inputs.get(`${r},${c}`);
      if (typed !== undefined) return typed;
      const cell = row[c];
      if (!cell) return null;
      if (cell.formula) return cell.formula;
      if (typeof cell.value === "string" && c === col.code && r >= L.firstRow) return `'${cell.value}`;
      return cell.value as RawCellContent;
    });
  });
}

/** The evaluated sheet as a grid the reader gets from Excel: computed values, formulas alongside. */
function evaluated(spec: SheetSpec, catalog: Catalog, inputs: Map<string, RawCellContent>): Grid {
  const sheet = hfSheet(spec, inputs);
  const hf = createParHyperFormula(sheet, { catalog });
  const values = hf.getSheetValues(0).map((row) =>
    row.map((v) => {
      if (v !== null && typeof v === "object") throw new Error(`formula error ${JSON.stringify(v)}`);
      return v as CellValue;
    }),
  );
  hf.destroy();
  return { name: spec.name, values, formulas: spec.rows.map((row) => row.map((c) => c?.formula ?? null)) };
}

/** A value the leaf's rule can score (the first candidate that does not throw). */
function valueFor(node: CatalogNode, catalog: Catalog, i: number): number | string {
  const candidates: (number | string)[] = [[1, 0.5, 0.9, 20, 3][i % 5], "có", "không", 1, 0, 100];
  for (const v of candidates) {
    try {
      scoreCriterion(v, node.code, null, catalog);
      return v;
    } catch {
      // try the next one
    }
  }
  throw new Error(`no value scores ${node.code}`);
}

const num = (v: CellValue): number => (typeof v === "number" ? v : 0);
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(0.005);

function checkSums(catalog: Catalog, unit: UnitSheet, grid: Grid, spec: SheetSpec): void {
  const rows = new Map(unit.rows.map((r) => [r.code, r]));
  for (const node of walk(catalog.nodes)) {
    if (isLeaf(node)) continue;
    const row = rows.get(node.code)!;
    for (const c of ["max", "self", "appraised"] as const) {
      const children = node.children.map((k) => rows.get(k.code)![c]!.value);
      const parent = row[c]!.value;
      if (children.every((v) => typeof v !== "number")) expect(parent).toBe("");
      else close(num(parent), children.reduce((a: number, v) => a + num(v), 0));
    }
  }
  const total = grid.values[spec.rows.length - 1];
  for (const c of [col.max, col.self, col.appraised]) {
    const fields = catalog.nodes.map((f) => rows.get(f.code)!);
    const key = c === col.max ? "max" : c === col.self ? "self" : "appraised";
    close(num(total[c]), fields.reduce((a, f) => a + num(f[key]!.value), 0));
  }
}

const STRUCTURE: FindingKind[] = [
  "missing-criterion",
  "unknown-criterion",
  "duplicate-criterion",
  "score-invalid",
  "score-over-max",
  "score-mismatch",
  "sum-mismatch",
];

describe("a filled template evaluated by HyperFormula", () => {
  test("dien-bien-2018: PAR.SCORE gives the core's scores, parents and the total sum their children", () => {
    const catalog = builtinCatalog("dien-bien-2018");
    const spec = templateSheet(catalog, { unit: "Sở Nội vụ" });
    const at = rowsByCode(spec);
    const inputs = new Map<string, RawCellContent>();
    const leaves = walk(catalog.nodes).filter(isLeaf);
    let planted = "";
    leaves.forEach((node, i) => {
      const r = at.get(node.code)!;
      if (node.rule) inputs.set(`${r},${col.value}`, valueFor(node, catalog, i));
      else if (i % 7 === 3) inputs.set(`${r},${col.self}`, "Không áp dụng");
      else inputs.set(`${r},${col.self}`, (node.max ?? 0) / 2);
      if (i % 3 === 0) inputs.set(`${r},${col.appraised}`, node.max ?? 0);
      inputs.set(`${r},${col.evidence}`, "Kế hoạch số 125/KH-UBND ngày 15/01/2018");
      inputs.set(`${r},${col.notes}`, "Giải trình");
    });
    // One planted defect: a typed self score above the maximum.
    const over = leaves.find((n) => !n.rule && n.max !== null && n.max > 0)!;
    const overRow = at.get(over.code)!;
    inputs.set(`${overRow},${col.self}`, over.max! + 1);
    planted = `E${overRow + 1}`;

    const grid = evaluated(spec, catalog, inputs);
    const unit = readUnitSheet(grid, "x")!;
    expect(unit.rows.map((r) => r.code)).toEqual(walk(catalog.nodes).map((n) => n.code));
    let scored = 0;
    for (const node of leaves.filter((n) => n.rule)) {
      const row = unit.rows.find((r) => r.code === node.code)!;
      const expected = scoreCriterion(row.value!.value, node.code, null, catalog);
      if (expected.kind === "points") {
        expect(row.self!.value).toBeCloseTo(expected.points, 9);
        scored++;
      } else expect(row.self!.value).toBe(expected.kind === "blank" ? "" : t("na.label"));
    }
    expect(scored).toBeGreaterThan(20);
    checkSums(catalog, unit, grid, spec);

    const findings = validateUnit(unit, catalog).filter((f) => STRUCTURE.includes(f.kind));
    expect(findings.map((f) => [f.kind, f.cell])).toEqual([["score-over-max", planted]]);
  });

  test("dien-bien-so (names only): the user types the maxima, parents sum them, no structure defect", () => {
    const catalog = builtinCatalog("dien-bien-so");
    const spec = templateSheet(catalog, { lang: "en" });
    const at = rowsByCode(spec);
    const inputs = new Map<string, RawCellContent>();
    const leaves = walk(catalog.nodes).filter(isLeaf);
    leaves.forEach((node, i) => {
      const r = at.get(node.code)!;
      const max = [1, 0.5, 2, 1.5][i % 4];
      inputs.set(`${r},${col.max}`, max);
      inputs.set(`${r},${col.self}`, i % 5 === 0 ? "Not applicable" : max * (i % 2 ? 1 : 0.5));
      inputs.set(`${r},${col.evidence}`, "Báo cáo số 12/BC-STP ngày 10/12/2020");
      inputs.set(`${r},${col.notes}`, "ok");
    });
    const grid = evaluated(spec, catalog, inputs);
    const unit = readUnitSheet(grid, "x")!;
    checkSums(catalog, unit, grid, spec);
    const findings = validateUnit(unit, catalog, { lang: "en" }).filter((f) => STRUCTURE.includes(f.kind));
    expect(findings).toEqual([]);
  });

  test("an untouched template evaluates to blank scores (not 0), so it is no appraisal", () => {
    const catalog = builtinCatalog("dien-bien-2018");
    const spec = templateSheet(catalog);
    const grid = evaluated(spec, catalog, new Map());
    const unit = readUnitSheet(grid, "x")!;
    expect(unit.rows.every((r) => r.appraised!.value === null || r.appraised!.value === "")).toBe(true);
    expect(unit.rows.every((r) => r.self!.value === null || r.self!.value === "")).toBe(true);
    expect(validateUnit(unit, catalog).map((f) => f.kind)).toEqual(["unscored"]);
    // The cached values in the spec agree with what a spreadsheet computes.
    spec.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell?.formula) expect(cell.value ?? "").toEqual(grid.values[r][c] ?? "");
      }),
    );
  });
});
