/**
 * The template of a national-style catalogue (samples/bo-tieu-chi-huyen-2026.json): a dropdown of each choice rule's
 * outcomes (and "Không áp dụng") in its result cell, a survey column, bonus and penalty sections capped and counted
 * in the total; what it writes reads back, and a long list of outcomes is listed below the table instead.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  a1,
  Catalog,
  CellValue,
  Grid,
  LIST_SOURCE_LIMIT,
  parseCatalog,
  parseCatalogJson,
  readUnitSheet,
  SheetSpec,
  templateLayout,
  templateSheet,
  validateUnit,
  walk,
} from "../../src/scoring";

const catalog = parseCatalogJson(readFileSync(join(__dirname, "..", "..", "samples", "bo-tieu-chi-huyen-2026.json"), "utf8"), "sample");
const spec = templateSheet(catalog, { unit: "UBND huyện Tủa Chùa" });
const L = templateLayout(catalog);
const C = L.columns;
const rowOf = new Map(spec.rows.map((row, r) => [row[0]?.value, r] as const).filter(([code]) => typeof code === "string"));
const cell = (code: string, col: number) => spec.rows[rowOf.get(code)!][col];

function gridOf(s: SheetSpec): Grid {
  return { name: s.name, values: s.rows.map((row) => row.map((c) => (c ? (c.value as CellValue) : null))) };
}

test("a survey column after the appraised one, read back as the survey column; every code once", () => {
  expect(C).toMatchObject({ self: 4, appraised: 5, survey: 6, evidence: 7, notes: 8 });
  expect(spec.rows[L.headerRow][C.survey!]?.value).toBe("Điều tra XHH");
  const unit = readUnitSheet(gridOf(spec), "x")!;
  expect(unit.header.columns).toMatchObject({ self: 4, appraised: 5, survey: 6, evidence: 7, notes: 8 });
  expect(unit.rows.map((r) => r.code)).toEqual(walk(catalog.nodes).map((n) => n.code));
  expect(validateUnit(unit, catalog).map((f) => f.kind)).toEqual(["unscored"]);
  expect(templateLayout().columns.survey).toBeUndefined();
});

test("survey criteria: their self and appraised cells greyed, their survey cell validated 0..max; others the other way round", () => {
  expect(cell("5.1", C.self)?.style?.fill).toBe("total");
  expect(cell("5.1", C.appraised)?.style?.fill).toBe("total");
  expect(cell("1.1.1", C.survey!)?.style?.fill).toBe("total");
  const surveyCell = a1(rowOf.get("5.1")!, C.survey!);
  const v = spec.validations!.find((x) => x.range.startsWith(surveyCell))!;
  expect(v.formula).toContain(`ISNUMBER(${surveyCell})`);
  expect(cell("5", C.survey!)?.formula).toBe(`=IF(COUNT(${a1(rowOf.get("5.1")!, C.survey!)},${a1(rowOf.get("5.2")!, C.survey!)})=0,"",SUM(${a1(rowOf.get("5.1")!, C.survey!)},${a1(rowOf.get("5.2")!, C.survey!)}))`);
});

test("a choice rule's result cell gets a dropdown of its outcomes and Không áp dụng", () => {
  const range = `${a1(rowOf.get("1.4")!, C.value)}:${a1(rowOf.get("1.4")!, C.value)}`;
  const v = spec.validations!.find((x) => x.range === range)!;
  expect(v.list).toEqual(["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành", "Không áp dụng"]);
  expect(v.errorMessage).toContain("Không áp dụng");
  // A rule comparing numbers gets no list; nor does a criterion without a rule.
  for (const code of ["1.1.2", "2.1", "1.5"]) {
    const r = a1(rowOf.get(code)!, C.value);
    expect(spec.validations!.some((x) => x.range === `${r}:${r}`)).toBe(false);
  }
  const en = templateSheet(catalog, { lang: "en" });
  expect(en.validations!.find((x) => x.range === range)!.list).toEqual([
    "Hoàn thành xuất sắc",
    "Hoàn thành tốt",
    "Hoàn thành",
    "Không hoàn thành",
    "Not applicable",
    "Không áp dụng",
  ]);
});

test("bonus and penalty sections sum capped at their max; the total adds the bonus and takes the penalty", () => {
  const kids = (code: string, col: number) => walk(catalog.nodes).find((n) => n.code === code)!.children.map((c) => a1(rowOf.get(c.code)!, col)).join(",");
  expect(cell("6", C.self)?.formula).toBe(`=IF(COUNT(${kids("6", C.self)})=0,"",MIN(3,SUM(${kids("6", C.self)})))`);
  expect(cell("7", C.max)?.value).toBe(3);
  const total = spec.rows[rowOf.get("7.2")! + 1];
  const f = (code: string) => a1(rowOf.get(code)!, C.self);
  expect(total[C.self]?.formula).toBe(`=IF(COUNT(${f("1")},${f("2")},${f("3")},${f("4")},${f("5")},${f("6")},${f("7")})=0,"",SUM(${f("1")},${f("2")},${f("3")},${f("4")},${f("5")})+SUM(${f("6")})-SUM(${f("7")}))`);
  expect(total[C.max]?.value).toBe(100);
});

test("outcomes too long for Excel's 255-character list are listed below the table and the dropdown points at them", () => {
  const long = Array.from({ length: 12 }, (_, i) => `Hoàn thành nhiệm vụ cải cách hành chính ở mức ${String.fromCharCode(65 + i)}`);
  const comma = "Đầy đủ, đúng hạn";
  const small: Catalog = parseCatalog(
    {
      id: "dai",
      name: "Dài",
      nodes: [
        {
          code: "1",
          name: "Chỉ đạo, điều hành",
          children: [
            { code: "1.1", name: "Thực hiện nhiệm vụ", max: 1, rule: long.map((l, i) => `"${l}": ${i === 0 ? 1 : 0}`).join("; ") },
            { code: "1.2", name: "Báo cáo", max: 1, rule: `"${comma}": 1; "Không đầy đủ": 0` },
          ],
        },
      ],
    },
    "dai.json",
  );
  expect([...long, "Không áp dụng"].join(",").length).toBeGreaterThan(LIST_SOURCE_LIMIT);
  const s = templateSheet(small);
  const lists = s.validations!.filter((v) => v.listRange);
  expect(lists).toHaveLength(2);
  const [from, to] = lists[0].listRange!.replace(/\$/g, "").split(":");
  const first = Number(from.slice(1)) - 1;
  expect(s.rows.slice(first, Number(to.slice(1))).map((r) => r[1]?.value)).toEqual([...long, "Không áp dụng"]);
  expect(s.rows[first - 1][1]?.value).toContain("tiêu chí 1.1");
  const [from2] = lists[1].listRange!.replace(/\$/g, "").split(":");
  expect(s.rows[Number(from2.slice(1)) - 1][1]?.value).toBe(comma);
  // The lists below the table are not criterion rows.
  expect(readUnitSheet(gridOf(s), "x")!.rows.map((r) => r.code)).toEqual(["1", "1.1", "1.2"]);
});
