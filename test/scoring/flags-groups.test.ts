/** flagPlan (what "Đánh dấu" writes on cells) and groupFindings (the task pane's list of findings). */
import fc from "fast-check";
import {
  Finding,
  FINDING_KINDS,
  FindingKind,
  findingKindLabel,
  flagPlan,
  FLAG_NOTE_LIMIT,
  groupFindings,
  readUnitSheet,
  Severity,
  templateSheet,
  validateUnit,
} from "../../src/scoring";
import { smallCatalog } from "./report-helpers";

function f(kind: FindingKind, severity: Severity, code: string | null, cell: string, message = `${kind} ${cell}`, sheet = "Tự đánh giá"): Finding {
  return { kind, severity, code, sheet, cell, message };
}

describe("flagPlan", () => {
  test("one flag per cell, in the findings' order, with the worst severity and every message", () => {
    const findings = [
      f("missing-explanation", "warning", "1.1", "H7", "Thiếu giải trình"),
      f("score-over-max", "error", "2.1", "E9", "Vượt điểm tối đa"),
      f("missing-evidence", "error", "1.1", "H7", "Thiếu tài liệu"),
      f("score-mismatch", "warning", "2.2", "E10", "Không khớp"),
    ];
    expect(flagPlan(findings)).toEqual([
      { sheet: "Tự đánh giá", cell: "H7", severity: "error", note: "PAR Scorer:\n• Thiếu giải trình\n• Thiếu tài liệu", count: 2 },
      { sheet: "Tự đánh giá", cell: "E9", severity: "error", note: "PAR Scorer:\n• Vượt điểm tối đa", count: 1 },
      { sheet: "Tự đánh giá", cell: "E10", severity: "warning", note: "PAR Scorer:\n• Không khớp", count: 1 },
    ]);
  });

  test("the same cell on two sheets is two flags", () => {
    const flags = flagPlan([f("score-invalid", "error", "1.1", "E7", "a", "A"), f("score-invalid", "error", "1.1", "E7", "b", "B")]);
    expect(flags.map((x) => [x.sheet, x.cell, x.note])).toEqual([
      ["A", "E7", "PAR Scorer:\n• a"],
      ["B", "E7", "PAR Scorer:\n• b"],
    ]);
  });

  test("a long note is cut at 1,000 characters and ends with …", () => {
    const long = Array.from({ length: 8 }, (_, i) => f("evidence-late", "warning", "1.1", "G7", `${i} ${"x".repeat(200)}`));
    const [flag] = flagPlan(long);
    expect(flag.count).toBe(8);
    expect(flag.note.length).toBe(FLAG_NOTE_LIMIT);
    expect(flag.note.endsWith("…")).toBe(true);
    expect(flag.note.startsWith("PAR Scorer:\n• 0 xxx")).toBe(true);
    const [short] = flagPlan(long.slice(0, 2));
    expect(short.note.endsWith("…")).toBe(false);
  });

  test("no findings, no flags", () => {
    expect(flagPlan([])).toEqual([]);
  });
});

describe("groupFindings", () => {
  const findings = [
    f("missing-explanation", "warning", "2.1", "H9"),
    f("unknown-criterion", "error", "9.1", "A20"),
    f("score-over-max", "error", "1.1", "E7"),
    f("missing-criterion", "warning", null, "A30"),
    f("missing-evidence", "warning", "1.1", "G7"),
    f("missing-explanation", "warning", "1.2.1", "H8"),
    f("score-invalid", "error", "1.2.2", "E9"),
    f("score-over-max", "error", "1.2.1", "E8"),
    f("unknown-criterion", "error", "10", "A21"),
  ];

  test("fields in catalogue order, unknown fields after by number, findings without a code last", () => {
    const groups = groupFindings(findings, smallCatalog);
    expect(groups.map((g) => [g.field, g.label, g.count])).toEqual([
      ["1", "1. Công tác chỉ đạo điều hành", 5],
      ["2", "2. Thủ tục hành chính", 1],
      ["9", "Lĩnh vực 9", 1],
      ["10", "Lĩnh vực 10", 1],
      [null, "Chung", 1],
    ]);
    expect(groupFindings(findings, smallCatalog, "en").map((g) => g.label).slice(2)).toEqual(["Field 9", "Field 10", "General"]);
  });

  test("within a field: missing evidence first (even as a warning), then errors, then warnings, in kind order", () => {
    const [field1] = groupFindings(findings, smallCatalog);
    expect(field1.kinds.map((k) => [k.kind, k.severity, k.findings.length])).toEqual([
      ["missing-evidence", "warning", 1],
      ["score-invalid", "error", 1],
      ["score-over-max", "error", 2],
      ["missing-explanation", "warning", 1],
    ]);
    expect(field1.kinds[2].findings.map((x) => x.cell)).toEqual(["E7", "E8"]);
    expect(field1.kinds[0].label).toBe("Thiếu tài liệu kiểm chứng");
    expect(groupFindings(findings, smallCatalog, "en")[0].kinds[0].label).toBe("Missing evidence");
  });

  test("a kind with an error and a warning is an error group", () => {
    const [g] = groupFindings([f("missing-evidence", "warning", "1.1", "G7"), f("missing-evidence", "error", "1.2.1", "G8")], smallCatalog);
    expect(g.kinds).toHaveLength(1);
    expect(g.kinds[0].severity).toBe("error");
  });

  test("real findings of a template with planted defects", () => {
    const spec = templateSheet(smallCatalog, { unit: "Sở Tư pháp" });
    const values = spec.rows.map((r) => r.map((c) => (c ? c.value : null)));
    values[6][4] = 5; // 1.1 self above max 1
    values[8][4] = 0.5; // 1.2.1 self, no evidence, no note
    const unit = readUnitSheet({ name: "Mẫu", values }, "x")!;
    const found = validateUnit(unit, smallCatalog);
    const groups = groupFindings(found, smallCatalog);
    // Field 2's leaves are left blank: each is an unscored criterion (counted 0), never silently.
    expect(groups.map((g) => g.field)).toEqual(["1", "2"]);
    expect(groups[1].kinds.map((k) => k.kind)).toEqual(["unscored-criterion"]);
    expect(groups[0].count + groups[1].count).toBe(found.length);
    expect(groups[0].kinds[0].kind).toBe("missing-evidence");
    expect(groups[0].kinds.map((k) => k.kind)).toContain("score-over-max");
  });
});

describe("properties", () => {
  const codes = ["1", "1.1", "1.2.1", "2", "2.2", "9.1", "10", "3.4.5", null];
  const findingArb: fc.Arbitrary<Finding> = fc.record({
    kind: fc.constantFrom(...FINDING_KINDS),
    severity: fc.constantFrom<Severity>("error", "warning"),
    code: fc.constantFrom(...codes),
    sheet: fc.constantFrom("A", "B"),
    cell: fc.constantFrom("A1", "E7", "E8", "G9"),
    message: fc.string({ maxLength: 300 }),
  });

  test("groupFindings: every finding in exactly one group, counts add up, the orders hold", () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 60 }), fc.constantFrom<"vi" | "en">("vi", "en"), (list, lang) => {
        const groups = groupFindings(list, smallCatalog, lang);
        const placed = groups.flatMap((g) => g.kinds.flatMap((k) => k.findings));
        expect(placed.length).toBe(list.length);
        expect(new Set(placed)).toEqual(new Set(list));
        expect(groups.reduce((n, g) => n + g.count, 0)).toBe(list.length);
        const rank = (field: string | null) => (field === null ? 3 : field === "1" ? 0 : field === "2" ? 1 : 2);
        for (let i = 1; i < groups.length; i++) expect(rank(groups[i - 1].field)).toBeLessThanOrEqual(rank(groups[i].field));
        expect(new Set(groups.map((g) => g.field)).size).toBe(groups.length);
        for (const g of groups) {
          expect(g.count).toBe(g.kinds.reduce((n, k) => n + k.findings.length, 0));
          const kinds = g.kinds.map((k) => k.kind);
          expect(new Set(kinds).size).toBe(kinds.length);
          const hasEvidence = kinds.includes("missing-evidence");
          if (hasEvidence) expect(kinds[0]).toBe("missing-evidence");
          const rest = g.kinds.filter((k) => k.kind !== "missing-evidence");
          const sevRank = rest.map((k) => (k.severity === "error" ? 0 : 1));
          expect(sevRank).toEqual([...sevRank].sort());
          for (const k of g.kinds) {
            expect(k.label).toBe(findingKindLabel(k.kind, lang));
            expect(k.severity).toBe(k.findings.some((x) => x.severity === "error") ? "error" : "warning");
            for (const x of k.findings) {
              expect(x.kind).toBe(k.kind);
              expect(g.field).toBe(x.code === null ? null : x.code.split(".")[0]);
            }
          }
        }
      }),
    );
  });

  test("flagPlan: one flag per distinct (sheet, cell), counts add up, notes within the limit", () => {
    fc.assert(
      fc.property(fc.array(findingArb, { maxLength: 60 }), (list) => {
        const flags = flagPlan(list);
        expect(new Set(flags.map((x) => `${x.sheet}!${x.cell}`)).size).toBe(flags.length);
        expect(new Set(list.map((x) => `${x.sheet}!${x.cell}`)).size).toBe(flags.length);
        expect(flags.reduce((n, x) => n + x.count, 0)).toBe(list.length);
        for (const flag of flags) {
          const mine = list.filter((x) => x.sheet === flag.sheet && x.cell === flag.cell);
          expect(flag.severity).toBe(mine.some((x) => x.severity === "error") ? "error" : "warning");
          expect(flag.note.length).toBeLessThanOrEqual(FLAG_NOTE_LIMIT);
          expect(flag.note.startsWith("PAR Scorer:")).toBe(true);
        }
      }),
    );
  });
});
