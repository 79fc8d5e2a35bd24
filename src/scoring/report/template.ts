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
 * children has a number, so an untouched appraisal column never reads as an appraisal of 0 points. A catalogue with
 * survey criteria gets an "Điều tra XHH" column after "Điểm thẩm định" (the survey leaves' self and appraised cells
 * are greyed, not theirs to fill); bonus and penalty sections sum capped at their max and count + and − in the
 * total; a choice rule's result cell gets a dropdown of its outcomes and "Không áp dụng".
 */
import { Catalog, CatalogNode, catalogParts, codeLevel, effectiveMax, nodePart, walk } from "../catalog";
import { a1, columnLetters } from "../grid";
import { Lang, t } from "../i18n/messages";
import { isChoiceRule, parseRuleCached, ruleLabels } from "../rules";
import { round2 } from "../values";
import { CellStyle, LIST_SOURCE_LIMIT, SheetSpec, SpecCell, SpecValidation } from "./sheet-spec";
import { LEVEL_NAMES } from "../units/names";

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
  /** 0-based column per role (survey only when the catalogue has survey criteria). */
  columns: { code: number; name: number; max: number; value: number; self: number; appraised: number; survey?: number; evidence: number; notes: number };
}

type Columns = TemplateLayout["columns"];

const COLUMNS = { code: 0, name: 1, max: 2, value: 3, self: 4, appraised: 5, evidence: 6, notes: 7 } as const;
const HEADER_ROW = 4;
const WIDTHS = [9, 60, 11, 16, 11, 11, 45, 30];
const SURVEY_WIDTH = 11;

function columnsFor(survey: boolean): Columns {
  return survey ? { ...COLUMNS, survey: 6, evidence: 7, notes: 8 } : { ...COLUMNS };
}

/** The layout of the template of `catalog` (without one: a catalogue with no survey criteria). */
export function templateLayout(catalog?: Catalog): TemplateLayout {
  return { headerRow: HEADER_ROW, firstRow: HEADER_ROW + 1, columns: columnsFor(catalog ? catalogParts(catalog).survey : false) };
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
  surveyHeader: "Điều tra XHH",
  total: "Tổng cộng",
  choiceTitle: "Kết quả không có trong danh sách",
  choiceMessage: "Chọn một kết quả trong danh sách của tiêu chí (hoặc 'Không áp dụng').",
  choicePrompt: "Chọn kết quả trong danh sách.",
  choicesBlock: (code: string) => `Các kết quả được chọn của tiêu chí ${code} (danh sách thả xuống ở cột Kết quả thực hiện):`,
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
  surveyHeader: "Survey (điều tra XHH)",
  total: "Total",
  choiceTitle: "Not one of the outcomes",
  choiceMessage: "Pick one of the criterion's outcomes from the list (or 'Not applicable').",
  choicePrompt: "Pick the result from the list.",
  choicesBlock: (code: string) => `Outcomes of criterion ${code} (the dropdown of its Result cell):`,
  errorTitle: "Invalid score",
  errorMessage: "The score must be from 0 to the criterion's maximum, or 'Not applicable'.",
  prompt: "Enter points from 0 to the maximum (Max column), or 'Not applicable'.",
};

type Row = (SpecCell | null)[];

const TABLE: CellStyle = { border: true };
const POINTS: CellStyle = { border: true, numFmt: "#,##0.00", align: "right" };
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
  /** The columns of the row that take points by hand (one contiguous run, first..last). */
  first: number;
  last: number;
}

/** Validation blocks: consecutive leaf rows with the same typed columns become one range. */
function validations(leaves: LeafRow[], L: Labels, lang: Lang): SpecValidation[] {
  const out: SpecValidation[] = [];
  let start: LeafRow | null = null;
  let end: LeafRow | null = null;
  const flush = () => {
    if (!start || !end) return;
    const topLeft = a1(start.row, start.first);
    out.push({
      range: `${topLeft}:${a1(end.row, start.last)}`,
      formula: scoreValidationFormula(topLeft, start.row, lang),
      errorTitle: L.errorTitle,
      errorMessage: L.errorMessage,
      prompt: L.prompt,
    });
  };
  for (const leaf of leaves) {
    if (start && end && leaf.row === end.row + 1 && leaf.first === start.first && leaf.last === start.last) {
      end = leaf;
      continue;
    }
    flush();
    start = end = leaf;
  }
  flush();
  return out;
}

/** A choice rule's outcomes and "Không áp dụng": the values of its result cell's dropdown (null: not a choice rule). */
function choicesOf(node: CatalogNode, lang: Lang): string[] | null {
  if (!node.rule) return null;
  try {
    const rule = parseRuleCached(node.rule);
    return isChoiceRule(rule) ? [...ruleLabels(rule), ...naLabels(lang)] : null;
  } catch {
    return null;
  }
}

/** Whether a list fits Excel's comma-separated source (at most 255 characters; no comma or quote inside a value). */
function fitsInline(values: string[]): boolean {
  return values.join(",").length <= LIST_SOURCE_LIMIT && values.every((v) => !/[,"]/.test(v));
}

function titleRows(catalog: Catalog, options: TemplateOptions, L: Labels, lastCol: number): { rows: Row[]; merges: string[] } {
  const last = columnLetters(lastCol);
  const unit = options.unit?.trim() ?? "";
  // "… CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2026": the level the catalogue assesses, in the title's words.
  const level = catalog.level ? (L === EN ? ` — ${LEVEL_NAMES[catalog.level].en.toUpperCase()}` : ` CẤP ${LEVEL_NAMES[catalog.level].vi.replace(/ \(.*\)$/, "").toUpperCase()}`) : "";
  const title = L.title + level + (options.year !== undefined ? L.year(options.year) : "");
  const rows: Row[] = [
    [{ value: title, style: { bold: true, size: 14, align: "center", wrap: true } }],
    unit ? [{ value: `${L.unit}: ${unit}`, style: { bold: true, size: 12 } }] : [{ value: `${L.unit}:`, style: { bold: true, size: 12 } }, null],
    [{ value: `${L.catalog}: ${catalog.id}`, style: { italic: true } }, null, { value: catalog.name, style: { italic: true } }],
    [{ value: L.instructions, style: { italic: true, wrap: true } }],
  ];
  const merges = [`A1:${last}1`, ...(unit ? [`A2:${last}2`] : []), "A3:B3", `C3:${last}3`, `A4:${last}4`];
  return { rows, merges };
}

/** =IF(COUNT(…)=0,"",MIN(cap,SUM(…))): a bonus or penalty section's points, capped at its max. */
function cappedSumFormula(cells: string[], cap: number): string {
  const list = cells.join(",");
  return `=IF(COUNT(${list})=0,"",MIN(${cap},SUM(${list})))`;
}

/** The total: the main fields' sum, plus the bonus sections, less the penalty sections (blank while none has a number). */
function totalFormula(base: string[], bonus: string[], penalty: string[]): string {
  const all = [...base, ...bonus, ...penalty].join(",");
  const sum = (cells: string[]) => (cells.length ? `SUM(${cells.join(",")})` : "0");
  return `=IF(COUNT(${all})=0,"",${sum(base)}${bonus.length ? `+${sum(bonus)}` : ""}${penalty.length ? `-${sum(penalty)}` : ""})`;
}

/**
 * Title rows, the header the core recognises, one row per catalogue node (fields bold, indentation by level),
 * =PAR.SCORE(value, code) on leaves with a rule, parent rows summing their children, a total row, data
 * validation (0..max or "Không áp dụng") on typed score cells and a dropdown on choice rules' result cells, number
 * formats 0.00, frozen header.
 */
export function templateSheet(catalog: Catalog, options: TemplateOptions = {}): SheetSpec {
  const lang = options.lang ?? "vi";
  const L = lang === "en" ? EN : VI;
  const layout = templateLayout(catalog);
  const C = layout.columns;
  const survey = C.survey !== undefined;
  const lastCol = survey ? 8 : 7;
  const { rows, merges } = titleRows(catalog, options, L, lastCol);
  const headers = survey ? [...L.headers.slice(0, 6), L.surveyHeader, ...L.headers.slice(6)] : [...L.headers];
  rows.push(headers.map((h) => ({ value: h, style: HEAD })));

  const nodes = walk(catalog.nodes);
  const rowOf = new Map<CatalogNode, number>(nodes.map((n, i) => [n, HEADER_ROW + 1 + i]));
  const leaves: LeafRow[] = [];
  const dropdowns: { node: CatalogNode; row: number; values: string[] }[] = [];
  const cellOf = (node: CatalogNode, col: number) => a1(rowOf.get(node)!, col);
  const greyed: CellStyle = { ...TABLE, ...POINTS, fill: "total" };

  for (const node of nodes) {
    const r = rowOf.get(node)!;
    const level = codeLevel(node.code);
    const leaf = node.children.length === 0;
    const part = nodePart(catalog, node.code);
    const base: CellStyle = level === 1 ? { ...TABLE, bold: true, fill: "field" } : level === 2 ? { ...TABLE, bold: true } : TABLE;
    const points: CellStyle = { ...base, ...POINTS };
    const row: Row = [
      { value: node.code, style: { ...base, numFmt: "@", align: "left" } },
      { value: node.name, style: { ...base, wrap: true, ...(level > 1 ? { indent: level - 1 } : {}) } },
    ];
    if (leaf && part.survey) {
      // Scored by the survey: only its survey cell takes points.
      row.push({ value: node.max, style: points }, { value: null, style: base }, { value: null, style: greyed }, { value: null, style: greyed });
      row.push({ value: null, style: points });
      leaves.push({ row: r, first: C.survey!, last: C.survey! });
    } else if (leaf) {
      row.push({ value: node.max, style: points }, { value: null, style: base });
      row.push(
        node.rule
          ? { value: null, formula: `=PAR.SCORE(${a1(r, C.value)},${a1(r, C.code)})`, style: points }
          : { value: null, style: points },
      );
      row.push({ value: null, style: points });
      if (survey) row.push({ value: null, style: greyed });
      leaves.push({ row: r, first: node.rule ? C.appraised : C.self, last: C.appraised });
      const choices = choicesOf(node, lang);
      if (choices) dropdowns.push({ node, row: r, values: choices });
    } else {
      const cap = part.kind === "base" ? null : effectiveMax(node);
      const sum = (col: number): SpecCell => {
        const cells = node.children.map((c) => cellOf(c, col));
        return { value: null, formula: cap === null ? sumFormula(cells) : cappedSumFormula(cells, cap), style: points };
      };
      row.push({ ...sum(C.max), value: cap ?? shownMax(node) }, { value: null, style: base });
      if (cap !== null) row[C.max] = { value: cap, style: points };
      row.push(sum(C.self), sum(C.appraised));
      if (survey) row.push(sum(C.survey!));
    }
    row.push({ value: null, style: { ...base, wrap: true } }, { value: null, style: { ...base, wrap: true } });
    rows.push(row);
  }

  const totalStyle: CellStyle = { ...TABLE, bold: true, fill: "total" };
  const fields = (kind: "base" | "bonus" | "penalty") => catalog.nodes.filter((f) => nodePart(catalog, f.code).kind === kind);
  const fieldCells = (col: number, kind: "base" | "bonus" | "penalty") => fields(kind).map((f) => cellOf(f, col));
  const sections = fields("bonus").length + fields("penalty").length > 0;
  const totalSum = (col: number, value: number | null): SpecCell => ({
    value,
    formula: sections ? totalFormula(fieldCells(col, "base"), fieldCells(col, "bonus"), fieldCells(col, "penalty")) : sumFormula(fieldCells(col, "base")),
    style: { ...totalStyle, ...POINTS },
  });
  const totalRow: Row = [
    { value: null, style: totalStyle },
    { value: L.total, style: totalStyle },
    { value: sumValue(fields("base").map(shownMax)), formula: sumFormula(fieldCells(C.max, "base")), style: { ...totalStyle, ...POINTS } },
    { value: null, style: totalStyle },
    totalSum(C.self, null),
    totalSum(C.appraised, null),
  ];
  if (survey) totalRow.push({ value: null, formula: sumFormula(fieldCells(C.survey!, "base")), style: { ...totalStyle, ...POINTS } });
  totalRow.push({ value: null, style: totalStyle }, { value: null, style: totalStyle });
  rows.push(totalRow);

  // Dropdowns: the outcomes inline when Excel's list source holds them, else listed below the table and referenced.
  const lists: SpecValidation[] = [];
  for (const d of dropdowns) {
    const common = { range: `${a1(d.row, C.value)}:${a1(d.row, C.value)}`, errorTitle: L.choiceTitle, errorMessage: L.choiceMessage, prompt: L.choicePrompt };
    if (fitsInline(d.values)) {
      lists.push({ ...common, list: d.values });
      continue;
    }
    rows.push([], [null, { value: L.choicesBlock(d.node.code), style: { italic: true } }]);
    const first = rows.length;
    for (const v of d.values) rows.push([null, { value: v, style: { border: true } }]);
    const colB = columnLetters(C.name);
    lists.push({ ...common, listRange: `$${colB}$${first + 1}:$${colB}$${rows.length}` });
  }

  return {
    name: options.name?.trim() || L.name,
    kind: "template",
    rows,
    columnWidths: survey ? [...WIDTHS.slice(0, 6), SURVEY_WIDTH, ...WIDTHS.slice(6)] : [...WIDTHS],
    freeze: { rows: HEADER_ROW + 1, columns: 2 },
    merges,
    headerRow: HEADER_ROW,
    validations: [...validations(leaves, L, lang), ...lists],
  };
}
