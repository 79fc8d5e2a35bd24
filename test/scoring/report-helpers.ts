/** Shared fixtures of the report tests: unit sheets made by hand, a small catalogue, an A1 resolver for specs. */
import { Catalog, parseCatalog } from "../../src/scoring/catalog";
import { a1, parseA1 } from "../../src/scoring/grid";
import { SheetSpec, SpecCell } from "../../src/scoring/report/sheet-spec";
import { UnitSummary } from "../../src/scoring/report/types";
import { UnitCell, UnitRow, UnitSheet } from "../../src/scoring/sheet/types";
import { CellValue } from "../../src/scoring/values";
import { FINDING_KINDS, FindingKind } from "../../src/scoring/validate/types";

export interface RowSpec {
  code: string;
  name?: string;
  max?: CellValue;
  value?: CellValue;
  self?: CellValue;
  appraised?: CellValue;
  evidence?: CellValue;
  notes?: CellValue;
}

const COLUMNS = { code: 0, name: 1, max: 2, value: 3, self: 4, appraised: 5, evidence: 6, notes: 7 } as const;
/** 0-based header row: four title rows above it, like real sheets. */
export const HEADER_ROW = 4;

/**
 * A UnitSheet as the reader would give it: header on row 5 (Mã | Tiêu chí | Điểm tối đa | Kết quả | Điểm tự chấm |
 * Điểm thẩm định | TLKC | Ghi chú), rows from row 6. Without `appraised: true` the sheet has no appraised column.
 */
export function unitSheet(rows: RowSpec[], opts: { unit?: string; sheet?: string; appraised?: boolean } = {}): UnitSheet {
  const columns: UnitSheet["header"]["columns"] = { ...COLUMNS };
  if (!opts.appraised) delete columns.appraised;
  const cell = (r: number, role: keyof typeof COLUMNS, value: CellValue): UnitCell | null =>
    columns[role] === undefined ? null : { value: value ?? null, cell: a1(r, COLUMNS[role]) };
  const unitRows: UnitRow[] = rows.map((spec, i) => {
    const r = HEADER_ROW + 1 + i;
    return {
      row: r,
      code: spec.code,
      codeCell: { value: spec.code, cell: a1(r, COLUMNS.code) },
      name: cell(r, "name", spec.name ?? `Tiêu chí ${spec.code}`),
      max: cell(r, "max", spec.max),
      value: cell(r, "value", spec.value),
      self: cell(r, "self", spec.self),
      appraised: cell(r, "appraised", spec.appraised),
      survey: null,
      evidence: cell(r, "evidence", spec.evidence),
      notes: cell(r, "notes", spec.notes),
    };
  });
  return {
    sheet: opts.sheet ?? "Tự đánh giá",
    unit: opts.unit ?? "Sở Tư pháp",
    header: { top: HEADER_ROW, row: HEADER_ROW, columns, found: [] },
    rows: unitRows,
    catalogRef: null,
    numbering: "literal",
  };
}

/** Fields 1 (1.1 max 1; 1.2 = 1.2.1 max 0,5 + 1.2.2 max 1,5) and 2 (2.1 max 3; 2.2 max 2): max 8 in all. */
export const smallCatalog: Catalog = parseCatalog(
  {
    id: "thu",
    name: "Bộ tiêu chí thử",
    nodes: [
      {
        code: "1",
        name: "Công tác chỉ đạo điều hành",
        children: [
          {
            code: "1.1",
            name: "Ban hành kế hoạch",
            max: 1,
            target: 1,
            targetText: "Duy trì 1/1 điểm",
            rule: "100%: 1; *: 0",
            evidence: ["Kế hoạch CCHC", { name: "Báo cáo quý", points: 0.5, lead: "Văn phòng" }],
            evidenceRequirement: "Ban hành đúng hạn",
            deadline: "Quý I năm 2019",
            lead: "Sở Nội vụ",
            coordinating: "Các sở, ngành",
          },
          {
            code: "1.2",
            name: "Báo cáo",
            max: 2,
            children: [
              { code: "1.2.1", name: "Báo cáo quý", max: 0.5 },
              { code: "1.2.2", name: "Báo cáo năm", max: 1.5 },
            ],
          },
        ],
      },
      {
        code: "2",
        name: "Thủ tục hành chính",
        children: [
          { code: "2.1", name: "Công khai TTHC", max: 3, target: 3 },
          { code: "2.2", name: "Giải quyết hồ sơ đúng hạn", max: 2 },
        ],
      },
    ],
  },
  "thu.json",
);

/** Cells of an A1 range ("D7:D8", "B7") of a spec, row by row. */
export function cellsAt(spec: SheetSpec, range: string): (SpecCell | null)[] {
  const [from, to] = range.split(":");
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  if (!a || !b) throw new Error(`not an A1 range: ${range}`);
  const out: (SpecCell | null)[] = [];
  for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) out.push(spec.rows[r]?.[c] ?? null);
  return out;
}

export function valuesAt(spec: SheetSpec, range: string): unknown[] {
  return cellsAt(spec, range).map((c) => c?.value ?? null);
}

/** Every cell of a spec with its 0-based position. */
export function allCells(spec: SheetSpec): { row: number; col: number; cell: SpecCell }[] {
  const out: { row: number; col: number; cell: SpecCell }[] = [];
  spec.rows.forEach((row, r) => row.forEach((cell, c) => cell && out.push({ row: r, col: c, cell })));
  return out;
}

/** The first cell whose value is `value` (for locating labels). */
export function find(spec: SheetSpec, value: unknown): { row: number; col: number } | null {
  const hit = allCells(spec).find((x) => x.cell.value === value);
  return hit ? { row: hit.row, col: hit.col } : null;
}

function zeroCounts(): Record<FindingKind, number> {
  return Object.fromEntries(FINDING_KINDS.map((k) => [k, 0])) as Record<FindingKind, number>;
}

/** A minimal summary for ranking and matrix tests. */
export function fakeSummary(unit: string, officialIndex: number | null, extra: Partial<UnitSummary> = {}): UnitSummary {
  const line: UnitSummary["total"] = {
    code: "",
    name: "Tổng cộng",
    kind: "base",
    max: 10,
    applicableMax: 10,
    self: 0,
    appraised: null,
    survey: null,
    bonus: 0,
    penalty: 0,
    total: 0,
    selfPercent: null,
    appraisedPercent: null,
    lost: 0,
  };
  return {
    unit,
    sheet: "Tự đánh giá",
    catalogId: "thu",
    catalogName: "Bộ tiêu chí thử",
    fields: [],
    total: line,
    selfIndex: officialIndex,
    appraisedIndex: null,
    officialIndex,
    band: null,
    findingCounts: zeroCounts(),
    errors: 0,
    warnings: 0,
    withoutEvidence: [],
    ...extra,
  };
}
