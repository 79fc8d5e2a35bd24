/**
 * The unit's self-assessment sheet ("Mẫu") generated from a catalogue, as a SheetSpec both writers can render.
 * It is the user's sheet once created (kind "template" is never marked as owned or regenerated).
 *
 *   row 1  BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH [NĂM 2026]      (merged over the table)
 *   row 2  Đơn vị: <unit>          (blank unit: "Đơn vị:" in A2, B2 left empty for the user to type the name)
 *   row 3  Bộ tiêu chí: <id> (A3:B3) | <catalogue name> (C3:H3)
 *   row 4  how to fill the sheet (italic, merged)
 *   row 5  Mã | Tiêu chí | Điểm tối đa | Kết quả thực hiện | Điểm tự chấm | Điểm thẩm định | Tài liệu kiểm chứng | Ghi chú
 *   row 6… one row per catalogue node, depth first; then the total row
 *
 * Parent rows sum their direct children with =IF(COUNT(…)=0,"",SUM(…)): a parent stays blank until one of its
 * children has a number, so an untouched appraisal column never reads as an appraisal of 0 points.
 */
import { Catalog, CatalogNode, codeLevel, walk } from "../catalog";
import { a1, columnLetters } from "../grid";
import { Lang, t } from "../i18n/messages";
import { round2 } from "../values";
import { CellStyle, SheetSpec, SpecCell, SpecValidation } from "./sheet-spec";

export interface TemplateOptions {
  lang?: Lang;
  /** Written as "Đơn vị: …" in the title rows (blank: left for the user to fill). */
  unit?: string;
  /** Year shown in the title (default: none). */
  year?: number;
  /** Wanted sheet name (the writer still makes it unique). */
  name?: string;
}

/** Where things are in a template sheet, for writers and tests. */
export interface TemplateLayout {
  /** 0-based header row. */
  headerRow: number;
  /** 0-based first criterion row. */
  firstRow: number;
  /** 0-based column per role. */
  columns: { code: number; name: number; max: number; value: number; self: number; appraised: number; evidence: number; notes: number };
}

const COLUMNS = { code: 0, name: 1, max: 2, value: 3, self: 4, appraised: 5, evidence: 6, notes: 7 } as const;
const LAST_COL = 7;
const HEADER_ROW = 4;
const WIDTHS = [9, 60, 11, 16, 11, 11, 45, 30];

export function templateLayout(): TemplateLayout {
  return { headerRow: HEADER_ROW, firstRow: HEADER_ROW + 1, columns: { ...COLUMNS } };
}

const VI = {
  name: "Tự đánh giá",
  title: "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
  year: (y: number) => ` NĂM ${y}`,
  unit: "Đơn vị",
  catalog: "Bộ tiêu chí",
  instructions:
    'Hướng dẫn: nhập kết quả vào cột "Kết quả thực hiện" (số, tỷ lệ %, ngày dd/mm/yyyy, có/không). Cột "Điểm tự chấm" ' +
    "được tính bằng hàm =PAR.SCORE ở các tiêu chí có quy tắc chấm điểm trong bộ tiêu chí; ở các tiêu chí khác, tự nhập điểm. " +
    'Điểm từ 0 đến điểm tối đa của tiêu chí, hoặc ghi "Không áp dụng". Tài liệu kiểm chứng: mỗi tài liệu một dòng, ' +
    "ghi số và ngày ban hành (ví dụ Kế hoạch số 125/KH-UBND ngày 15/01/2019). Điểm dưới mức tối đa: ghi giải trình.",
  headers: ["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm", "Điểm thẩm định", "Tài liệu kiểm chứng", "Ghi chú (giải trình)"],
  total: "Tổng cộng",
  errorTitle: "Điểm không hợp lệ",
  errorMessage: "Điểm phải từ 0 đến điểm tối đa của tiêu chí, hoặc ghi 'Không áp dụng'.",
  prompt: "Nhập điểm từ 0 đến điểm tối đa (cột Điểm tối đa), hoặc 'Không áp dụng'.",
};

type Labels = typeof VI;

const EN: Labels = {
  name: "Self-assessment",
  title: "PAR INDEX SELF-ASSESSMENT AND SCORING SHEET",
  year: (y: number) => ` ${y}`,
  unit: "Unit",
  catalog: "Catalogue",
  instructions:
    'How to fill: type each result in "Result" (a number, percentage, date dd/mm/yyyy, yes/no). "Self score" is ' +
    "computed by =PAR.SCORE where the catalogue has a scoring rule; elsewhere type the points. Points go from 0 to " +
    'the criterion\'s maximum, or write "Not applicable". Evidence: one document per line, with its number and date ' +
    "(e.g. Kế hoạch số 125/KH-UBND ngày 15/01/2019). Below the maximum: explain why in Notes.",
  headers: ["Code", "Criterion", "Max", "Result", "Self score", "Appraised score", "Evidence", "Notes (explanation)"],
  total: "Total",
  errorTitle: "Invalid score",
  errorMessage: "The score must be from 0 to the criterion's maximum, or 'Not applicable'.",
  prompt: "Enter points from 0 to the maximum (Max column), or 'Not applicable'.",
};

type Row = (SpecCell | null)[];

const TABLE: CellStyle = { border: true };
const POINTS: CellStyle = { border: true, numFmt: "0.00", align: "right" };
const HEAD: CellStyle = { bold: true, fill: "header", wrap: true, border: true, align: "center" };

/** =IF(COUNT(C9,C12)=0,"",SUM(C9,C12)): the sum of the cells, blank while none of them holds a number. */
function sumFormula(cells: string[]): string {
  const list = cells.join(",");
  return `=IF(COUNT(${list})=0,"",SUM(${list}))`;
}

/** The cached result of sumFormula over known values (null for blank). */
function sumValue(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : round2(known.reduce((a, v) => a + v, 0));
}

/** What a max cell shows before the user types anything: a leaf's max, a parent's sum of what its children show. */
function shownMax(node: CatalogNode): number | null {
  return node.children.length === 0 ? node.max : sumValue(node.children.map(shownMax));
}

/** The values the "Not applicable" check accepts: the sheet language's label first, the Vietnamese one always. */
function naLabels(lang: Lang): string[] {
  return [...new Set([t("na.label", {}, lang), t("na.label", {}, "vi")])];
}

/**
 * The data validation formula of a score block whose top-left cell is `cell` and whose maximum is in column C of
 * the same row ($C: the block may span the self and appraised columns).
 */
export function scoreValidationFormula(cell: string, row: number, lang: Lang): string {
  const max = `$${columnLetters(COLUMNS.max)}${row + 1}`;
  const na = naLabels(lang).map((label) => `${cell}="${label}"`);
  return `=OR(AND(ISNUMBER(${cell}),${cell}>=0,OR(ISBLANK(${max}),${cell}<=${max})),${na.join(",")})`;
}

interface LeafRow {
  row: number;
  /** Whether the self score is typed (no rule, so no formula). */
  typedSelf: boolean;
}

/** Validation blocks: consecutive leaf rows with the same typed columns become one range. */
function validations(leaves: LeafRow[], L: Labels, lang: Lang): SpecValidation[] {
  const out: SpecValidation[] = [];
  let start: LeafRow | null = null;
  let end: LeafRow | null = null;
  const flush = () => {
    if (!start || !end) return;
    const firstCol = start.typedSelf ? COLUMNS.self : COLUMNS.appraised;
    const topLeft = a1(start.row, firstCol);
    out.push({
      range: `${topLeft}:${a1(end.row, COLUMNS.appraised)}`,
      formula: scoreValidationFormula(topLeft, start.row, lang),
      errorTitle: L.errorTitle,
      errorMessage: L.errorMessage,
      prompt: L.prompt,
    });
  };
  for (const leaf of leaves) {
    if (start && end && leaf.row === end.row + 1 && leaf.typedSelf === start.typedSelf) {
      end = leaf;
      continue;
    }
    flush();
    start = end = leaf;
  }
  flush();
  return out;
}

function titleRows(catalog: Catalog, options: TemplateOptions, L: Labels): { rows: Row[]; merges: string[] } {
  const last = columnLetters(LAST_COL);
  const unit = options.unit?.trim() ?? "";
  const title = L.title + (options.year !== undefined ? L.year(options.year) : "");
  const rows: Row[] = [
    [{ value: title, style: { bold: true, size: 14, align: "center", wrap: true } }],
    unit ? [{ value: `${L.unit}: ${unit}`, style: { bold: true, size: 12 } }] : [{ value: `${L.unit}:`, style: { bold: true, size: 12 } }, null],
    [{ value: `${L.catalog}: ${catalog.id}`, style: { italic: true } }, null, { value: catalog.name, style: { italic: true } }],
    [{ value: L.instructions, style: { italic: true, wrap: true } }],
  ];
  const merges = [`A1:${last}1`, ...(unit ? [`A2:${last}2`] : []), "A3:B3", `C3:${last}3`, `A4:${last}4`];
  return { rows, merges };
}

/**
 * Title rows, the header the core recognises, one row per catalogue node (fields bold, indentation by level),
 * =PAR.SCORE(value, code) on leaves with a rule, parent rows summing their children, a total row, data
 * validation (0..max or "Không áp dụng") on typed score cells, number formats 0.00, frozen header.
 */
export function templateSheet(catalog: Catalog, options: TemplateOptions = {}): SheetSpec {
  const lang = options.lang ?? "vi";
  const L = lang === "en" ? EN : VI;
  const { rows, merges } = titleRows(catalog, options, L);
  rows.push(L.headers.map((h) => ({ value: h, style: HEAD })));

  const nodes = walk(catalog.nodes);
  const rowOf = new Map<CatalogNode, number>(nodes.map((n, i) => [n, HEADER_ROW + 1 + i]));
  const leaves: LeafRow[] = [];
  const cellOf = (node: CatalogNode, col: number) => a1(rowOf.get(node)!, col);

  for (const node of nodes) {
    const r = rowOf.get(node)!;
    const level = codeLevel(node.code);
    const leaf = node.children.length === 0;
    const base: CellStyle = level === 1 ? { ...TABLE, bold: true, fill: "field" } : level === 2 ? { ...TABLE, bold: true } : TABLE;
    const points: CellStyle = { ...base, ...POINTS };
    const row: Row = [
      { value: node.code, style: { ...base, numFmt: "@", align: "left" } },
      { value: node.name, style: { ...base, wrap: true, ...(level > 1 ? { indent: level - 1 } : {}) } },
    ];
    if (leaf) {
      row.push({ value: node.max, style: points }, { value: null, style: base });
      row.push(
        node.rule
          ? { value: null, formula: `=PAR.SCORE(${a1(r, COLUMNS.value)},${a1(r, COLUMNS.code)})`, style: points }
          : { value: null, style: points },
      );
      row.push({ value: null, style: points });
      leaves.push({ row: r, typedSelf: !node.rule });
    } else {
      const sum = (col: number): SpecCell => ({ value: null, formula: sumFormula(node.children.map((c) => cellOf(c, col))), style: points });
      row.push({ ...sum(COLUMNS.max), value: shownMax(node) }, { value: null, style: base });
      row.push(sum(COLUMNS.self), sum(COLUMNS.appraised));
    }
    row.push({ value: null, style: { ...base, wrap: true } }, { value: null, style: { ...base, wrap: true } });
    rows.push(row);
  }

  const totalStyle: CellStyle = { ...TABLE, bold: true, fill: "total" };
  const fieldCells = (col: number) => catalog.nodes.map((f) => cellOf(f, col));
  const totalSum = (col: number, value: number | null): SpecCell => ({
    value,
    formula: sumFormula(fieldCells(col)),
    style: { ...totalStyle, ...POINTS },
  });
  rows.push([
    { value: null, style: totalStyle },
    { value: L.total, style: totalStyle },
    totalSum(COLUMNS.max, sumValue(catalog.nodes.map(shownMax))),
    { value: null, style: totalStyle },
    totalSum(COLUMNS.self, null),
    totalSum(COLUMNS.appraised, null),
    { value: null, style: totalStyle },
    { value: null, style: totalStyle },
  ]);

  return {
    name: options.name?.trim() || L.name,
    kind: "template",
    rows,
    columnWidths: [...WIDTHS],
    freeze: { rows: HEADER_ROW + 1, columns: 2 },
    merges,
    headerRow: HEADER_ROW,
    validations: validations(leaves, L, lang),
  };
}
