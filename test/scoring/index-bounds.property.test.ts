/**
 * Property: for random unit sheets on the province catalogue — rows deleted, scores above the maximum, negative,
 * text, "Không áp dụng" or blank, maxima typed smaller or larger, one- or two-row merged headers, literal or
 * relative numbering — the index never exceeds 100 and its denominator is exactly the catalogue's applicable
 * maximum: the sum of the catalogue's maxima over the leaves not marked not applicable, whatever the sheet says.
 */
import fc from "fast-check";
import { buildSummary, builtinCatalog, CellRect, CellValue, Grid, prepareUnit, readUnitSheet, round2, validateUnit, walk } from "../../src/scoring";

const catalog = builtinCatalog("dien-bien-2018");
const nodes = walk(catalog.nodes);
const leafCodes = nodes.filter((n) => n.children.length === 0).map((n) => n.code);
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];

const scoreArb = fc.oneof(
  fc.constant<CellValue>(null),
  fc.constant<CellValue>("Không áp dụng"),
  fc.constant<CellValue>("đạt"),
  fc.double({ min: -2, max: 20, noNaN: true }).map((x) => Math.round(x * 4) / 4),
);
const maxArb = fc.oneof(fc.constant<"catalogue" | number | null>("catalogue"), fc.constant(null), fc.constant(0), fc.double({ min: 0, max: 9, noNaN: true }));

const sheetArb = fc.record({
  deleted: fc.subarray(nodes.map((n) => n.code)),
  scores: fc.array(scoreArb, { minLength: leafCodes.length, maxLength: leafCodes.length }),
  maxima: fc.array(maxArb, { minLength: nodes.length, maxLength: nodes.length }),
  twoRow: fc.boolean(),
  relative: fc.boolean(),
});

type Sheet = { deleted: string[]; scores: CellValue[]; maxima: ("catalogue" | number | null)[]; twoRow: boolean; relative: boolean };

function sheetOf(s: Sheet): Grid {
  const values: CellValue[][] = [["Đơn vị: Sở Ngẫu nhiên"]];
  const merges: CellRect[] = [];
  if (s.twoRow) {
    values.push(["TT", "Nội dung", "Điểm tối đa", "Tự đánh giá", null, "TLKC"], [null, null, null, "Kết quả thực hiện", "Điểm tự chấm", null]);
    for (const col of [0, 1, 2, 5]) merges.push({ top: 1, left: col, bottom: 2, right: col });
    merges.push({ top: 1, left: 3, bottom: 1, right: 4 });
  } else {
    values.push(["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm", "TLKC"]);
  }
  nodes.forEach((node, i) => {
    if (s.deleted.includes(node.code)) return;
    const parts = node.code.split(".");
    const code = s.relative ? (parts.length === 1 ? ROMAN[Number(parts[0]) - 1] : parts.length === 2 ? Number(parts[1]) : `${"abcdeghik"[Number(parts[2]) - 1]})`) : node.code;
    const leaf = leafCodes.indexOf(node.code);
    const m = s.maxima[i];
    const max = m === "catalogue" ? node.max : m;
    values.push([code, node.name, max, null, leaf >= 0 ? s.scores[leaf] : null, null]);
  });
  return { name: "Ngẫu nhiên", values, merges };
}

test("the index never exceeds 100 and its denominator is the catalogue's applicable maximum", () => {
  fc.assert(
    fc.property(sheetArb, (s) => {
      const unit = readUnitSheet(sheetOf(s), "x")!;
      const findings = validateUnit(unit, catalog);
      const summary = buildSummary(unit, catalog, findings);
      if (summary.officialIndex !== null) expect(summary.officialIndex).toBeLessThanOrEqual(100);
      // Not applicable as the sheet is read (first row of each code; relative codes resolved): only those leave it.
      // "Không áp dụng" on a field or criterion row takes its whole subtree out.
      const seen = new Set<string>();
      const notApplicable = new Set<string>();
      const naParents: string[] = [];
      for (const row of prepareUnit(unit, catalog).rows) {
        if (seen.has(row.code)) continue;
        seen.add(row.code);
        if (row.self?.value !== "Không áp dụng") continue;
        if (leafCodes.includes(row.code)) notApplicable.add(row.code);
        else if (nodes.some((n) => n.code === row.code)) naParents.push(row.code);
      }
      for (const code of leafCodes) if (naParents.some((p) => code.startsWith(`${p}.`))) notApplicable.add(code);
      if (!s.relative && naParents.length === 0) {
        expect([...notApplicable].sort()).toEqual(leafCodes.filter((code, i) => !s.deleted.includes(code) && s.scores[i] === "Không áp dụng").sort());
      }
      const applicable = round2(nodes.filter((n) => n.children.length === 0 && !notApplicable.has(n.code)).reduce((a, n) => a + n.max!, 0));
      expect(summary.total.applicableMax).toBe(applicable);
      expect(summary.total.max).toBe(round2(nodes.filter((n) => n.children.length === 0).reduce((a, n) => a + n.max!, 0)));
      for (const field of summary.fields) if (field.selfPercent !== null) expect(field.selfPercent).toBeLessThanOrEqual(100);
    }),
    { numRuns: Number(process.env.FC_NUM_RUNS ?? 200) },
  );
});
