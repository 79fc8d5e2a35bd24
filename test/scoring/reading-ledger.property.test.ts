/**
 * The reading ledger's invariant (issue 17), over generated sheets that mix the layouts units use — codes in the
 * code column, in words, at the start of the name after a running counter; bands as rows chosen by a number or an
 * "x"; bonus and penalty lines without codes, a penalty typed negative; notes, signatures, blank lines, total rows;
 * stray numbers on rows nobody can place:
 * - every number in a score column is used in exactly one criterion's score, checked as a total, or named in a
 *   finding at its cell;
 * - the index equals the one computed from the generator's own truth (stray numbers never move it).
 */
import fc from "fast-check";
import { Catalog, CellValue, Grid, parseCatalog, prepareUnit, readUnitSheet, rollUp, unitRollups, validateUnit } from "../../src/scoring";

const catalog: Catalog = parseCatalog(
  {
    id: "thu-so-cai",
    name: "Bộ thử",
    nodes: [
      {
        code: "1",
        name: "Chỉ đạo điều hành",
        children: [
          { code: "1.1", name: "Kế hoạch", children: [{ code: "1.1.1", name: "Ban hành kế hoạch", max: 1 }, { code: "1.1.2", name: "Thực hiện kế hoạch", max: 2 }] },
          { code: "1.2", name: "Báo cáo định kỳ", max: 1.5 },
        ],
      },
      {
        code: "2",
        name: "Thủ tục hành chính",
        children: [
          { code: "2.1", name: "Công khai thủ tục", max: 2 },
          { code: "2.2", name: "Giải quyết đúng hạn", children: [{ code: "2.2.1", name: "Tỷ lệ đúng hạn", max: 3 }, { code: "2.2.2", name: "Xin lỗi khi trễ hẹn", max: 0.5 }] },
        ],
      },
      { code: "3", name: "Điểm thưởng", kind: "bonus", max: 2, children: [{ code: "3.1", name: "Sáng kiến được công nhận", max: 2 }] },
      { code: "4", name: "Điểm trừ", kind: "penalty", max: 3, children: [{ code: "4.1", name: "Vi phạm kỷ luật", max: 3 }] },
    ],
  },
  "thu.json",
);

interface NodeSpec {
  code: string;
  name: string;
  max: number | null;
  leaf: boolean;
  kind: "base" | "bonus" | "penalty";
}

const nodes: NodeSpec[] = [];
const visit = (list: Catalog["nodes"], kind: NodeSpec["kind"]) => {
  for (const n of list) {
    const k = n.kind ?? kind;
    nodes.push({ code: n.code, name: n.name, max: n.max, leaf: n.children.length === 0, kind: k });
    visit(n.children, k);
  }
};
visit(catalog.nodes, "base");
const baseLeaves = nodes.filter((n) => n.leaf && n.kind === "base");

type CodeStyle = "column" | "words" | "nameStart";
type LeafStyle = "plain" | "bands-number" | "bands-x";
type Junk = "note" | "blank" | "signature" | "stray";

interface Plan {
  codeStyle: CodeStyle;
  /** Points as a fraction of the max, per base leaf, from a few steps (0, ½, 1). */
  steps: number[];
  leafStyles: LeafStyle[];
  bonus: number;
  penalty: number;
  penaltyNegative: boolean;
  sectionsCoded: boolean;
  /** After which row (index in the table) a junk row goes. */
  junk: { after: number; kind: Junk; value: number }[];
  total: boolean;
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  codeStyle: fc.constantFrom<CodeStyle>("column", "words", "nameStart"),
  steps: fc.array(fc.constantFrom(0, 0.5, 1), { minLength: baseLeaves.length, maxLength: baseLeaves.length }),
  leafStyles: fc.array(fc.constantFrom<LeafStyle>("plain", "plain", "bands-number", "bands-x"), { minLength: baseLeaves.length, maxLength: baseLeaves.length }),
  bonus: fc.constantFrom(0, 1, 2),
  penalty: fc.constantFrom(0, 1, 2),
  penaltyNegative: fc.boolean(),
  sectionsCoded: fc.boolean(),
  junk: fc.array(
    fc.record({ after: fc.nat({ max: 14 }), kind: fc.constantFrom<Junk>("note", "blank", "signature", "stray"), value: fc.constantFrom(1, 0.5, 2, 3) }),
    { maxLength: 4 },
  ),
  total: fc.boolean(),
});

const HEADER = ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Ghi chú"];
const SELF = 3;
const EVIDENCE = "Quyết định số 7/QĐ-UBND ngày 05/01/2025";
const NOTE = "Theo quyết định của UBND tỉnh";
const ROMAN = ["I", "II", "III", "IV"];
const round2 = (x: number) => Math.round(x * 100) / 100;

interface Built {
  grid: Grid;
  /** Where each number typed in the score column went: "score", "total" or "stray". */
  placed: Map<string, "score" | "total" | "stray">;
  truth: Map<string, number>;
}

function build(plan: Plan): Built {
  const rows: CellValue[][] = [["Đơn vị: Sở Thử nghiệm"], ["BẢNG TỰ ĐÁNH GIÁ NĂM 2025"], HEADER];
  const placed = new Map<string, "score" | "total" | "stray">();
  const truth = new Map<string, number>();
  const table: CellValue[][] = [];
  const tableKinds: ("score" | "none")[] = [];
  let counter = 0;
  const codeCells = (n: NodeSpec): [CellValue, CellValue] => {
    counter++;
    const depth = n.code.split(".").length;
    if (plan.codeStyle === "column") return [n.code, n.name];
    if (plan.codeStyle === "words") {
      const words = depth === 1 ? `Lĩnh vực ${ROMAN[Number(n.code) - 1]}` : depth === 2 ? `Tiêu chí ${n.code}` : `TC ${n.code}`;
      return [words, n.name];
    }
    return [counter, `${n.code}${depth === 1 ? "." : ""} ${n.name}`];
  };
  let leafIndex = 0;
  for (const n of nodes) {
    if (n.kind !== "base") continue;
    const [a, b] = codeCells(n);
    if (!n.leaf) {
      table.push([a, b]);
      tableKinds.push("none");
      continue;
    }
    const i = leafIndex++;
    const points = round2(plan.steps[i] * n.max!);
    truth.set(n.code, points);
    const style = plan.leafStyles[i];
    if (style === "plain") {
      table.push([a, b, n.max, points, "Báo cáo số 12/BC-UBND ngày 05/01/2025", points < n.max! ? "Chưa đạt tối đa" : null]);
      tableKinds.push("score");
      continue;
    }
    table.push([a, b, n.max, null, "Báo cáo số 12/BC-UBND ngày 05/01/2025", points < n.max! ? "Chưa đạt tối đa" : null]);
    tableKinds.push("none");
    const bands = [n.max!, round2(n.max! / 2), 0];
    for (const band of bands) {
      const chosen = band === points;
      const mark = chosen ? (style === "bands-x" ? "x" : band) : null;
      table.push(["-", `Mức ${String(band).replace(".", ",")} điểm: ${String(band).replace(".", ",")} điểm`, null, mark]);
      tableKinds.push(chosen && style === "bands-number" ? "score" : "none");
    }
  }
  // Bonus and penalty: coded rows, or lines named by their words.
  const penaltyValue = plan.penaltyNegative ? -plan.penalty : plan.penalty;
  truth.set("3.1", plan.bonus);
  truth.set("4.1", plan.penalty);
  if (plan.sectionsCoded) {
    const section = nodes.filter((n) => n.kind !== "base");
    const value = (n: NodeSpec) => (n.code === "3.1" ? plan.bonus : penaltyValue);
    for (const n of section) table.push(n.leaf ? [...codeCells(n), n.max, value(n), EVIDENCE, NOTE] : codeCells(n));
    tableKinds.push("none", "score", "none", "score");
  } else {
    table.push([null, "Điểm thưởng", null, plan.bonus, EVIDENCE, NOTE], [null, "Điểm trừ", null, penaltyValue, EVIDENCE, NOTE]);
    tableKinds.push("score", "score");
  }
  // Junk rows, inserted from the last so earlier positions stay put.
  const junk = [...plan.junk].sort((x, y) => y.after - x.after);
  for (const j of junk) {
    const at = Math.min(j.after + 1, table.length);
    const row: CellValue[] =
      j.kind === "note"
        ? [null, "Ghi chú: số liệu tính đến 15/12"]
        : j.kind === "signature"
          ? [null, "THỦ TRƯỞNG ĐƠN VỊ"]
          : j.kind === "blank"
            ? []
            : [null, "Phần đơn vị tự đánh giá thêm", null, j.value];
    table.splice(at, 0, row);
    tableKinds.splice(at, 0, j.kind === "stray" ? "score" : "none");
    if (j.kind === "stray") (row as CellValue[] & { stray?: true }).stray = true;
  }
  if (plan.total) {
    let sum = 0;
    for (const [code, v] of truth) sum += code === "4.1" ? -v : v;
    table.push([null, "TỔNG CỘNG", null, round2(sum)]);
    tableKinds.push("score");
  }
  table.forEach((row, i) => {
    const r = rows.length;
    rows.push(row);
    const value = row[SELF];
    if (typeof value !== "number" && typeof value !== "string") return;
    if (tableKinds[i] !== "score") return;
    const kind = (row as { stray?: true }).stray ? "stray" : row[1] === "TỔNG CỘNG" ? "total" : "score";
    placed.set(`D${r + 1}`, kind);
  });
  return { grid: { name: "Tự đánh giá", values: rows, merges: [] }, placed, truth };
}

test("every number in a score column is a score, a checked total, or named in a finding; the index is the truth's", () => {
  fc.assert(
    fc.property(planArb, (plan) => {
      const { grid, placed, truth } = build(plan);
      const unit = readUnitSheet(grid, "x")!;
      expect(unit).not.toBeNull();
      const findings = validateUnit(unit, catalog);
      const prepared = prepareUnit(unit, catalog);
      expect(unitRollups(prepared, catalog).self.total.index).toBe(rollUp(catalog, truth).total.index);
      for (const [cell, kind] of placed) {
        const at = findings.filter((f) => f.cell === cell);
        if (kind === "stray") expect(at.map((f) => f.kind)).toContain("row-not-understood");
        else expect(at.filter((f) => f.severity === "error")).toEqual([]);
      }
      // The only errors are the stray numbers (every other number was used as a score or checked as a total).
      for (const e of findings.filter((f) => f.severity === "error")) expect(placed.get(e.cell)).toBe("stray");
      // The ledger names every non-empty row of the sheet.
      const named = new Set((prepared.ledger ?? []).map((e) => e.row));
      grid.values.forEach((row, r) => {
        if (row.some((v) => v !== null && v !== undefined && v !== "")) expect(named.has(r)).toBe(true);
      });
    }),
    { numRuns: 2000, seed: 17 },
  );
});
