/**
 * The layout of the generated sheets (summary, improvement plan, ranking, points by field), decided once for the
 * .xlsx writer and the Excel task pane. Print-friendly: a title block, then bordered tables with a styled header
 * row, 2-decimal points ("0.00"), percentages stored as fractions ("0.00%"), wrapped long text, column widths
 * and a frozen header. No cell carries a formula: every figure is a value computed by the core, and text from
 * users or catalogues is only ever a value (writers keep it as text).
 */
import { LEVEL_NAMES } from "../units/names";
import { EvidenceItem } from "../catalog";
import { a1, columnLetters } from "../grid";
import { Lang } from "../i18n/messages";
import { formatNumber, round2 } from "../values";
import { FINDING_KINDS, FindingKind } from "../validate/types";
import { CellStyle, ChartIntent, chartRows, NumberFormat, SheetSpec, SpecCell } from "./sheet-spec";
import { ClassBand, ImprovementPlan, PlanItem, Ranking, RankingEntry, RankingGroup, SummaryLine, UnitSummary } from "./types";
import { indexGapText } from "./summary";

// ---------------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------------

const KIND_LABELS: Record<Lang, Record<FindingKind, string>> = {
  vi: {
    "missing-criterion": "Thiếu tiêu chí",
    "unknown-criterion": "Tiêu chí không có trong bộ tiêu chí",
    "duplicate-criterion": "Tiêu chí bị trùng",
    "score-invalid": "Điểm không hợp lệ",
    "score-over-max": "Điểm vượt điểm tối đa",
    "score-mismatch": "Điểm tự chấm không khớp quy tắc",
    "sum-mismatch": "Tổng điểm không khớp các tiêu chí con",
    "missing-evidence": "Thiếu tài liệu kiểm chứng",
    "evidence-late": "Tài liệu kiểm chứng quá hạn",
    "evidence-invalid": "Tài liệu kiểm chứng không hợp lệ",
    "missing-explanation": "Thiếu giải trình",
    unscored: "Chưa chấm điểm",
    "row-not-understood": "Dòng không đọc được",
    "unscored-criterion": "Tiêu chí chưa chấm",
    "score-computed": "Điểm tính theo quy tắc",
    "evidence-not-found": "Không có tệp tài liệu trích dẫn",
    "evidence-mismatch": "Tệp tài liệu khác ngày hoặc cơ quan ban hành",
    "evidence-out-of-period": "Tài liệu ngoài kỳ đánh giá",
    "evidence-unreadable": "Tệp tài liệu không đọc được",
    "appraisal-conflict": "Các phiếu thẩm định chấm khác nhau",
    "appraisal-no-reason": "Điểm thẩm định khác điểm tự chấm, thiếu lý do",
    "appraisal-missing": "Chưa có điểm thẩm định",
    "appraisal-unknown": "Dòng phiếu thẩm định không khớp",
    "formula-uncalculated": "Công thức chưa được tính",
  },
  en: {
    "missing-criterion": "Missing criterion",
    "unknown-criterion": "Criterion not in the catalogue",
    "duplicate-criterion": "Duplicate criterion",
    "score-invalid": "Invalid score",
    "score-over-max": "Score above the maximum",
    "score-mismatch": "Self score differs from the rule",
    "sum-mismatch": "Total differs from its sub-criteria",
    "missing-evidence": "Missing evidence",
    "evidence-late": "Evidence after the deadline",
    "evidence-invalid": "Invalid evidence",
    "missing-explanation": "Missing explanation",
    unscored: "Not scored yet",
    "row-not-understood": "Row not understood",
    "unscored-criterion": "Criterion not scored",
    "score-computed": "Score computed by the rule",
    "evidence-not-found": "Cited document not in the files",
    "evidence-mismatch": "File has another date or issuer",
    "evidence-out-of-period": "Evidence outside the period",
    "evidence-unreadable": "Evidence file unreadable",
    "appraisal-conflict": "Appraisal forms disagree",
    "appraisal-no-reason": "Appraised score differs, no reason",
    "appraisal-missing": "No appraised score",
    "appraisal-unknown": "Appraisal form row not matched",
    "formula-uncalculated": "Formula never calculated",
  },
};

/** The label of a finding kind ("missing-evidence" → "Thiếu tài liệu kiểm chứng"). */
export function findingKindLabel(kind: FindingKind, lang: Lang = "vi"): string {
  return KIND_LABELS[lang][kind] ?? kind;
}

const VI = {
  summaryName: "Tổng hợp",
  planName: "Kế hoạch cải thiện",
  rankingName: "Xếp hạng",
  rankingChartsName: "Biểu đồ xếp hạng",
  matrixName: "Điểm theo lĩnh vực",
  summaryTitle: "TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
  planTitle: "PHỤ LỤC: KẾ HOẠCH CẢI THIỆN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
  rankingTitle: "BẢNG XẾP HẠNG CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
  matrixTitle: "ĐIỂM THEO LĨNH VỰC CỦA CÁC ĐƠN VỊ",
  unit: "Đơn vị",
  catalog: "Bộ tiêu chí",
  sheet: "Trang tính",
  indexSelf: "Chỉ số CCHC (tự đánh giá)",
  indexAppraised: "Chỉ số CCHC (thẩm định — kết quả chính thức)",
  indexRound1: "Chỉ số CCHC (thẩm định vòng 1)",
  indexFinal: "Chỉ số CCHC (điểm cuối cùng — kết quả chính thức)",
  band: "Xếp loại",
  noIndex: "chưa tính được (không có tiêu chí nào được áp dụng)",
  checks: (errors: number, warnings: number) => `Kết quả kiểm tra: ${errors} lỗi, ${warnings} cảnh báo`,
  fieldSection: "I. ĐIỂM THEO LĨNH VỰC",
  findingSection: "II. KẾT QUẢ KIỂM TRA SỔ TỰ ĐÁNH GIÁ",
  evidenceSection: "III. TIÊU CHÍ CHƯA CÓ TÀI LIỆU KIỂM CHỨNG",
  code: "Mã",
  field: "Lĩnh vực",
  max: "Điểm tối đa",
  applicableMax: "Điểm tối đa áp dụng",
  self: "Điểm tự chấm",
  appraised: "Điểm thẩm định",
  percent: "Tỷ lệ đạt",
  percentSelf: "Tỷ lệ đạt (tự chấm)",
  percentAppraised: "Tỷ lệ đạt (thẩm định)",
  round1: "Điểm thẩm định vòng 1",
  final: "Điểm cuối cùng",
  percentRound1: "Tỷ lệ đạt (thẩm định vòng 1)",
  percentFinal: "Tỷ lệ đạt (điểm cuối cùng)",
  lost: "Điểm bị mất",
  survey: "Điều tra XHH",
  bonus: "Điểm thưởng",
  penalty: "Điểm trừ",
  totalScore: "Tổng điểm",
  basePoints: "Điểm chính",
  pointsLine: (total: string, max: string, parts: string) => `Tổng điểm: ${total}/${max} (${parts})`,
  legendOf: (group: string) => `Thang xếp loại — ${group}`,
  total: "Tổng cộng",
  chartTitle: "Điểm theo lĩnh vực",
  no: "STT",
  kind: "Loại phát hiện",
  errors: "Lỗi",
  warnings: "Cảnh báo",
  count: "Tổng",
  criterion: "Tiêu chí",
  location: "Vị trí",
  noneWithoutEvidence: "Không có tiêu chí nào thiếu tài liệu kiểm chứng",
  planNote: "Các tiêu chí bị mất điểm, xếp theo số điểm bị mất từ cao đến thấp",
  planLost: "Điểm mất",
  planAchieved: "Điểm đạt",
  target: "Mục tiêu",
  evidence: "Tài liệu kiểm chứng",
  requirement: "Yêu cầu đối với TLKC",
  deadline: "Thời hạn",
  lead: "Cơ quan chủ trì",
  coordinating: "Cơ quan phối hợp",
  points: "điểm",
  planEmpty: "Không có tiêu chí nào bị mất điểm",
  rankingNote: (n: number) =>
    `Số đơn vị: ${n}. Xếp hạng theo chỉ số chính thức (điểm thẩm định khi có, nếu không là điểm tự đánh giá)`,
  rankingNoteFinal: (n: number) =>
    `Số đơn vị: ${n}. Xếp hạng theo chỉ số chính thức (điểm cuối cùng sau giải trình khi có, nếu không là điểm thẩm định, nếu không là điểm tự đánh giá)`,
  rank: "Hạng",
  index: "Chỉ số",
  selfIndex: "Tự đánh giá",
  appraisedIndex: "Thẩm định",
  round1Index: "Thẩm định vòng 1",
  finalIndex: "Điểm cuối cùng",
  source: "Tệp",
  ungrouped: "Không phân nhóm",
  noUnits: "Không có đơn vị nào",
  legend: "Thang xếp loại",
  condition: "Điều kiện",
  bandFrom: (min: string) => `Từ ${min} điểm trở lên`,
  bandRange: (min: string, max: string) => `Từ ${min} đến dưới ${max} điểm`,
  bandBelow: (max: string) => `Dưới ${max} điểm`,
  bandAll: "Mọi chỉ số",
  matrixNote: "Điểm chính thức theo lĩnh vực: điểm thẩm định khi có, nếu không là điểm tự chấm",
  matrixNoteFinal: "Điểm chính thức theo lĩnh vực: điểm cuối cùng sau giải trình khi có, nếu không là điểm thẩm định, nếu không là điểm tự chấm",
  totalPoints: "Tổng điểm",
  indexChart: "Chỉ số CCHC theo đơn vị",
  rankingFooter: "Bảng xếp hạng Chỉ số CCHC",
  matrixTitleShort: "Điểm theo lĩnh vực của các đơn vị",
  indexSeries: "Chỉ số CCHC",
  selfAppraisedChart: "Chỉ số tự đánh giá và thẩm định",
  selfFinalChart: "Chỉ số tự đánh giá, thẩm định vòng 1 và điểm cuối cùng",
};

type Labels = typeof VI;

const EN: Labels = {
  summaryName: "Summary",
  planName: "Improvement plan",
  rankingName: "Ranking",
  rankingChartsName: "Ranking charts",
  matrixName: "Points by field",
  summaryTitle: "PAR INDEX SUMMARY",
  planTitle: "APPENDIX: PAR INDEX IMPROVEMENT PLAN",
  rankingTitle: "PAR INDEX RANKING",
  matrixTitle: "POINTS BY FIELD FOR EACH UNIT",
  unit: "Unit",
  catalog: "Catalogue",
  sheet: "Sheet",
  indexSelf: "PAR Index (self-assessed)",
  indexAppraised: "PAR Index (appraised — official)",
  indexRound1: "PAR Index (appraised, round 1)",
  indexFinal: "PAR Index (final score — official)",
  band: "Band",
  noIndex: "cannot be computed (no criterion applies)",
  checks: (errors: number, warnings: number) => `Checks: ${errors} errors, ${warnings} warnings`,
  fieldSection: "I. POINTS BY FIELD",
  findingSection: "II. CHECKS OF THE SELF-ASSESSMENT",
  evidenceSection: "III. CRITERIA WITHOUT EVIDENCE",
  code: "Code",
  field: "Field",
  max: "Max",
  applicableMax: "Applicable max",
  self: "Self score",
  appraised: "Appraised",
  percent: "% achieved",
  percentSelf: "% achieved (self)",
  percentAppraised: "% achieved (appraised)",
  round1: "Appraised, round 1",
  final: "Final score",
  percentRound1: "% achieved (round 1)",
  percentFinal: "% achieved (final)",
  lost: "Points lost",
  survey: "Survey",
  bonus: "Bonus",
  penalty: "Penalty",
  totalScore: "Total points",
  basePoints: "Main points",
  pointsLine: (total: string, max: string, parts: string) => `Total points: ${total}/${max} (${parts})`,
  legendOf: (group: string) => `Class bands — ${group}`,
  total: "Total",
  chartTitle: "Points by field",
  no: "No.",
  kind: "Finding",
  errors: "Errors",
  warnings: "Warnings",
  count: "Total",
  criterion: "Criterion",
  location: "Location",
  noneWithoutEvidence: "Every scored criterion has evidence",
  planNote: "Criteria that lost points, largest loss first",
  planLost: "Points lost",
  planAchieved: "Achieved",
  target: "Target",
  evidence: "Evidence",
  requirement: "Evidence requirements",
  deadline: "Deadline",
  lead: "Lead agency",
  coordinating: "Coordinating agencies",
  points: "points",
  planEmpty: "No criterion lost points",
  rankingNote: (n: number) => `Units: ${n}. Ranked by the official index (appraised when there is one, else self-assessed)`,
  rankingNoteFinal: (n: number) =>
    `Units: ${n}. Ranked by the official index (the final score after the units' explanations when there is one, else appraised, else self-assessed)`,
  rank: "Rank",
  index: "Index",
  selfIndex: "Self-assessed",
  appraisedIndex: "Appraised",
  round1Index: "Appraised, round 1",
  finalIndex: "Final score",
  source: "File",
  ungrouped: "Ungrouped",
  noUnits: "No unit",
  legend: "Class bands",
  condition: "Condition",
  bandFrom: (min: string) => `${min} and above`,
  bandRange: (min: string, max: string) => `${min} to below ${max}`,
  bandBelow: (max: string) => `Below ${max}`,
  bandAll: "Any index",
  matrixNote: "Official points by field: appraised where there are, else self-assessed",
  matrixNoteFinal: "Official points by field: the final score after the units' explanations where there is one, else appraised, else self-assessed",
  totalPoints: "Total points",
  indexChart: "PAR Index by unit",
  rankingFooter: "PAR Index ranking",
  matrixTitleShort: "Points by field of the units",
  indexSeries: "PAR Index",
  selfAppraisedChart: "Self-assessed and appraised index",
  selfFinalChart: "Self-assessed, round-1 appraised and final index",
};

function labels(lang: Lang): Labels {
  return lang === "en" ? EN : VI;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells
// ---------------------------------------------------------------------------------------------------------------

type Row = (SpecCell | null)[];

/** A figure in text as every output writes it (formatNumber): 1.234,50 (vi) or 1,234.50 (en). */
export function fixed2(x: number, lang: Lang = "vi"): string {
  return formatNumber(x, lang);
}

/** Figures in cells: 2 decimals and grouped thousands, in the notation of the program that shows them. */
const FIGURE: NumberFormat = "#,##0.00";

function text(value: string | null | undefined, style?: CellStyle): SpecCell {
  const v = value === null || value === undefined ? null : value;
  return style ? { value: v, style } : { value: v };
}

function num(value: number | null | undefined, numFmt: NumberFormat, style: CellStyle = {}): SpecCell {
  const v = value === null || value === undefined || !Number.isFinite(value) ? null : value;
  return { value: v, style: { ...style, numFmt, align: style.align ?? "right" } };
}

/** A percentage from 0–100 as the fraction "0.00%" shows. */
function fraction(percent: number | null): number | null {
  return percent === null ? null : round2(percent * 100) / 10000;
}

const HEAD: CellStyle = { bold: true, fill: "header", wrap: true, border: true, align: "center" };
const TITLE: CellStyle = { bold: true, size: 14, align: "center" };

function header(texts: string[]): Row {
  return texts.map((s) => text(s, HEAD));
}

/** "1. CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH…": the code and the name cut at a word near `limit` characters. */
export function shortLabel(code: string, name: string, limit = 32): string {
  const clean = name.replace(/\s+/g, " ").trim();
  let short = clean;
  if (clean.length > limit) {
    const cut = clean.slice(0, limit);
    const space = cut.lastIndexOf(" ");
    short = `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, "")}…`;
  }
  return code ? `${code}. ${short}` : short;
}

/** Sets a cell, filling the gap before it with empty cells (no holes in a row). */
/**
 * A catalogue's name as a page footer names it: up to its first " — ", " (" or ", " when what comes before says
 * enough ("Chỉ số CCHC cấp sở tỉnh Điện Biên 2018 — danh mục tiêu chí…" → "Chỉ số CCHC cấp sở tỉnh Điện Biên 2018"),
 * so the footer stays one line beside the page number; the full name is in the sheet's title rows.
 */
export function shortCatalogName(name: string): string {
  const clean = name.replace(/\s+/g, " ").trim();
  const cut = clean.search(/ [—–-] | \(|, /);
  return cut >= 12 ? clean.slice(0, cut) : clean;
}

function range(col: number, firstRow: number, lastRow: number): string {
  return `${a1(firstRow, col)}:${a1(lastRow, col)}`;
}

function mergeRow(row: number, lastCol: number): string {
  return `A${row + 1}:${columnLetters(lastCol)}${row + 1}`;
}

/** The rows and merges of a sheet being built, and titleRow: a row whose one cell spans the table's width. */
function sheetRows(lastCol: number) {
  const rows: Row[] = [];
  const merges: string[] = [];
  const titleRow = (value: string, style: CellStyle) => {
    merges.push(mergeRow(rows.length, lastCol));
    rows.push([text(value, style)]);
  };
  return { rows, merges, titleRow };
}

// ---------------------------------------------------------------------------------------------------------------
// Summary of one unit
// ---------------------------------------------------------------------------------------------------------------

function indexLine(label: string, index: number | null, band: string | null, L: Labels, lang: Lang): string {
  if (index === null) return `${label}: ${L.noIndex}`;
  return `${label}: ${fixed2(index, lang)}${band ? ` — ${L.band} ${band}` : ""}`;
}

/**
 * The summary sheet of one unit:
 * - title block: title, unit, catalogue, the index with its band ("Chỉ số CCHC (tự đánh giá): 85,50 — Xếp loại B";
 *   with an appraisal also the appraised index, marked as the official figure), the count of errors and warnings;
 * - I. points by field: Mã | Lĩnh vực | Điểm tối đa | Điểm tối đa áp dụng | Điểm tự chấm | [Điểm thẩm định] |
 *   Tỷ lệ đạt … | Điểm bị mất, a total row; beside it the chart labels, and the bar chart to their right;
 * - II. findings by kind (label, errors, warnings, total, kind id);
 * - III. criteria without evidence (code, name, sheet!cell).
 * The header row of table I is frozen (with the title block above it) and is the sheet's headerRow.
 */
export function summarySheet(summary: UnitSummary, lang: Lang = "vi"): SheetSpec {
  const L = labels(lang);
  const appraised = summary.appraisedIndex !== null || summary.total.appraised !== null;
  // After a second round: self | round 1 | final side by side, the final figures official.
  const final = summary.finalIndex !== undefined;

  type Column = { head: string; width: number; cell: (l: SummaryLine, style: CellStyle) => SpecCell };
  const columns: Column[] = [
    { head: L.code, width: 8, cell: (l, s) => text(l === summary.total ? null : l.code, { ...s, align: "center" }) },
    { head: L.field, width: 50, cell: (l, s) => text(l === summary.total ? L.total : l.name, { ...s, wrap: true }) },
    { head: L.max, width: 12, cell: (l, s) => num(l.max, FIGURE, s) },
    { head: L.applicableMax, width: 13, cell: (l, s) => num(l.applicableMax, FIGURE, s) },
    { head: L.self, width: 12, cell: (l, s) => num(l.self, FIGURE, s) },
  ];
  if (appraised) columns.push({ head: final ? L.round1 : L.appraised, width: 12, cell: (l, s) => num(l.appraised, FIGURE, s) });
  if (final) columns.push({ head: L.final, width: 12, cell: (l, s) => num(l.final ?? null, FIGURE, s) });
  columns.push({
    head: appraised || final ? L.percentSelf : L.percent,
    width: 12,
    cell: (l, s) => num(fraction(l.selfPercent), "0.00%", s),
  });
  if (appraised) {
    columns.push({ head: final ? L.percentRound1 : L.percentAppraised, width: 13, cell: (l, s) => num(fraction(l.appraisedPercent), "0.00%", s) });
  }
  if (final) columns.push({ head: L.percentFinal, width: 13, cell: (l, s) => num(fraction(l.finalPercent ?? null), "0.00%", s) });
  const parts = summary.parts ?? { survey: false, bonus: false, penalty: false };
  if (parts.survey) columns.push({ head: L.survey, width: 12, cell: (l, s) => num(l.survey, FIGURE, s) });
  if (parts.bonus) columns.push({ head: L.bonus, width: 11, cell: (l, s) => num(l.bonus, FIGURE, s) });
  if (parts.penalty) columns.push({ head: L.penalty, width: 11, cell: (l, s) => num(l.penalty, FIGURE, s) });
  if (parts.survey || parts.bonus || parts.penalty) columns.push({ head: L.totalScore, width: 11, cell: (l, s) => num(l.total, FIGURE, s) });
  columns.push({ head: L.lost, width: 12, cell: (l, s) => num(l.lost, FIGURE, s) });
  const lastCol = columns.length - 1;
  const { rows, merges, titleRow } = sheetRows(lastCol);
  const colOf = (head: string) => columns.findIndex((c) => c.head === head);

  // Title block.
  titleRow(L.summaryTitle, TITLE);
  titleRow(`${L.unit}: ${summary.unit}`, { bold: true, size: 12 });
  const level = summary.catalogLevel ? LEVEL_NAMES[summary.catalogLevel][lang === "en" ? "en" : "vi"] : null;
  titleRow(`${L.catalog}: ${summary.catalogName}${level ? (lang === "en" ? ` (level: ${level})` : ` (cấp đánh giá: ${level})`) : ""}`, {});
  const council = appraised || final;
  titleRow(indexLine(L.indexSelf, summary.selfIndex, council ? null : summary.band, L, lang), {
    bold: !council,
    size: council ? 12 : 13,
  });
  if (final) {
    if (appraised) titleRow(indexLine(L.indexRound1, summary.appraisedIndex, null, L, lang), { size: 12 });
    titleRow(indexLine(L.indexFinal, summary.finalIndex ?? null, summary.band, L, lang), { bold: true, size: 13 });
  } else if (appraised) titleRow(indexLine(L.indexAppraised, summary.appraisedIndex, summary.band, L, lang), { bold: true, size: 13 });
  if (parts.survey || parts.bonus || parts.penalty) {
    const t = summary.total;
    const pieces = [`${L.basePoints} ${fixed2(t.final ?? t.appraised ?? t.self, lang)}`];
    if (parts.survey) pieces.push(`${L.survey} ${t.survey === null ? "—" : fixed2(t.survey, lang)}`);
    if (parts.bonus) pieces.push(`${L.bonus} +${fixed2(t.bonus, lang)}`);
    if (parts.penalty) pieces.push(`${L.penalty} −${fixed2(t.penalty, lang)}`);
    titleRow(L.pointsLine(fixed2(t.total, lang), fixed2(t.applicableMax, lang), pieces.join("; ")), {});
  }
  const gap = indexGapText(summary, lang);
  if (gap) titleRow(gap, { italic: true, fill: "error", wrap: true });
  titleRow(`${L.checks(summary.errors, summary.warnings)} — ${L.sheet}: ${summary.sheet}`, { italic: true });
  rows.push([]);

  // I. Points by field.
  titleRow(L.fieldSection, { bold: true, size: 12 });
  const headerRow = rows.length;
  rows.push(header(columns.map((c) => c.head)));
  const firstField = rows.length;
  for (const field of summary.fields) rows.push(columns.map((c) => c.cell(field, { fill: "field", border: true })));
  const lastField = rows.length - 1;
  rows.push(columns.map((c) => c.cell(summary.total, { fill: "total", bold: true, border: true })));
  rows.push([]);

  // The chart of table I, under it on a page of its own: its categories are the table's field names, its bars
  // the table's figures.
  const pageBreaks: number[] = [];
  let chart: ChartIntent | undefined;
  if (summary.fields.length > 0) {
    const series = [
      { name: L.applicableMax, values: summary.fields.map((f) => f.applicableMax), col: colOf(L.applicableMax) },
      { name: L.self, values: summary.fields.map((f) => f.self), col: colOf(L.self) },
    ];
    if (appraised) {
      const head = final ? L.round1 : L.appraised;
      series.push({ name: head, values: summary.fields.map((f) => f.appraised ?? 0), col: colOf(head) });
    }
    if (final) series.push({ name: L.final, values: summary.fields.map((f) => f.final ?? 0), col: colOf(L.final) });
    chart = {
      type: "bar",
      title: L.chartTitle,
      categories: summary.fields.map((f) => f.name),
      categoriesRange: range(colOf(L.field), firstField, lastField),
      series: series.map((s) => ({ name: s.name, values: s.values, range: range(s.col, firstField, lastField) })),
      anchor: a1(rows.length, 0),
    };
    pageBreaks.push(rows.length);
    for (let i = chartRows(chart); i > 0; i--) rows.push([]);
  }

  // II. Findings by kind.
  titleRow(L.findingSection, { bold: true, size: 12 });
  rows.push(header([L.no, L.kind, L.errors, L.warnings, L.count]));
  const severities = summary.findingSeverities;
  let sumErrors = 0;
  let sumWarnings = 0;
  let sumAll = 0;
  FINDING_KINDS.forEach((kind, i) => {
    const count = summary.findingCounts[kind] ?? 0;
    const sev = severities?.[kind];
    const fill = sev ? (sev.error > 0 ? "error" : sev.warning > 0 ? "warning" : undefined) : undefined;
    const style: CellStyle = fill ? { border: true, fill } : { border: true };
    sumErrors += sev?.error ?? 0;
    sumWarnings += sev?.warning ?? 0;
    sumAll += count;
    rows.push([
      num(i + 1, "0", { ...style, align: "center" }),
      text(findingKindLabel(kind, lang), style),
      num(sev ? sev.error : null, "0", style),
      num(sev ? sev.warning : null, "0", style),
      num(count, "0", { ...style, bold: true }),
    ]);
  });
  const totalStyle: CellStyle = { fill: "total", bold: true, border: true };
  rows.push([
    text(null, totalStyle),
    text(L.total, totalStyle),
    num(severities ? sumErrors : summary.errors, "0", totalStyle),
    num(severities ? sumWarnings : summary.warnings, "0", totalStyle),
    num(sumAll, "0", totalStyle),
  ]);
  rows.push([]);

  // III. Criteria without evidence.
  titleRow(L.evidenceSection, { bold: true, size: 12 });
  // The location spans the columns right of the name, so a long sheet name stays on its line.
  const located = (row: Row, cell: SpecCell) => {
    if (lastCol > 2) merges.push(`${a1(rows.length, 2)}:${a1(rows.length, lastCol)}`);
    const fill = cell.style;
    rows.push([...row, cell, ...Array.from({ length: Math.max(0, lastCol - 2) }, () => text(null, fill))]);
  };
  located(header([L.code, L.criterion]), text(L.location, HEAD));
  if (summary.withoutEvidence.length === 0) {
    const ok: CellStyle = { border: true, fill: "ok" };
    located([text(null, ok), text(L.noneWithoutEvidence, { ...ok, italic: true })], text(null, ok));
  }
  for (const ref of summary.withoutEvidence) {
    located(
      [text(ref.code, { border: true, align: "center" }), text(ref.name, { border: true, wrap: true })],
      text(`${ref.sheet}!${ref.cell}`, { border: true, wrap: true }),
    );
  }

  return {
    name: L.summaryName,
    kind: "summary",
    rows,
    columnWidths: columns.map((c) => c.width),
    freeze: { rows: headerRow + 1 },
    merges,
    headerRow,
    printTitleRows: null,
    pageBreaks,
    footer: `${summary.unit} — ${shortCatalogName(summary.catalogName)}`,
    ...(chart ? { chart } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Improvement plan
// ---------------------------------------------------------------------------------------------------------------

function evidenceText(items: EvidenceItem[], L: Labels, lang: Lang): string | null {
  if (items.length === 0) return null;
  const lines = items.map((e, i) => {
    const extras = [e.points != null ? `${fixed2(e.points, lang)} ${L.points}` : null, e.lead ?? null].filter(Boolean);
    const body = extras.length ? `${e.name} (${extras.join("; ")})` : e.name;
    return items.length > 1 ? `${i + 1}. ${body}` : body;
  });
  return lines.join("\n");
}

/**
 * The improvement plan: the appendix of next year's plan, one row per criterion that lost points (largest loss
 * first): STT | Mã | Tiêu chí | Điểm mất | Điểm đạt | Điểm tối đa | Mục tiêu | Tài liệu kiểm chứng (one per line) |
 * Yêu cầu đối với TLKC | Thời hạn | Cơ quan chủ trì | Cơ quan phối hợp, then a total row. A column no criterion
 * has anything for is left out (a names-only catalogue has no targets, evidence or agencies). Text wraps; the
 * header row and the first three columns are frozen, and the header row is repeated on every printed page.
 */
export function planSheet(plan: ImprovementPlan, lang: Lang = "vi"): SheetSpec {
  const L = labels(lang);
  const body: CellStyle = { border: true, wrap: true };
  type Column = { head: string; width: number; cell: (item: PlanItem, i: number) => SpecCell; sum?: (item: PlanItem) => number | null; has?: (item: PlanItem) => boolean };
  const textColumn = (head: string, width: number, value: (item: PlanItem) => string | null): Column => ({
    head,
    width,
    cell: (item) => text(value(item), body),
    has: (item) => !!value(item)?.trim(),
  });
  const all: Column[] = [
    { head: L.no, width: 6, cell: (_, i) => num(i + 1, "0", { border: true, align: "center" }) },
    { head: L.code, width: 9, cell: (item) => text(item.code, { border: true, align: "center" }) },
    { head: L.criterion, width: 42, cell: (item) => text(item.name, body) },
    { head: L.planLost, width: 10, cell: (item) => num(item.lost, FIGURE, { border: true, bold: true }), sum: (i) => i.lost },
    { head: L.planAchieved, width: 10, cell: (item) => num(item.achieved, FIGURE, { border: true }), sum: (i) => i.achieved },
    { head: L.max, width: 10, cell: (item) => num(item.max, FIGURE, { border: true }), sum: (i) => i.max },
    {
      head: L.target,
      width: 16,
      cell: (item) => (item.targetText !== null ? text(item.targetText, body) : num(item.target, FIGURE, body)),
      has: (item) => item.targetText !== null || item.target !== null,
    },
    textColumn(L.evidence, 40, (item) => evidenceText(item.evidence, L, lang)),
    textColumn(L.requirement, 34, (item) => item.evidenceRequirement),
    textColumn(L.deadline, 18, (item) => item.deadline),
    textColumn(L.lead, 22, (item) => item.lead),
    textColumn(L.coordinating, 24, (item) => item.coordinating),
  ];
  const columns = all.filter((c) => !c.has || plan.items.some(c.has));
  const lastCol = columns.length - 1;
  const { rows, merges, titleRow } = sheetRows(lastCol);
  titleRow(L.planTitle, { ...TITLE, wrap: true });
  titleRow(`${L.unit}: ${plan.unit}`, { bold: true, size: 12 });
  titleRow(`${L.catalog}: ${plan.catalogName ?? plan.catalogId}`, { wrap: true });
  titleRow(L.planNote, { italic: true });
  rows.push([]);
  const headerRow = rows.length;
  rows.push(header(columns.map((c) => c.head)));

  plan.items.forEach((item, i) => rows.push(columns.map((c) => c.cell(item, i))));
  if (plan.items.length === 0) {
    titleRow(L.planEmpty, { italic: true, fill: "ok", border: true, align: "center" });
  } else {
    const t: CellStyle = { fill: "total", bold: true, border: true };
    rows.push(
      columns.map((c) => {
        if (c.head === L.criterion) return text(L.total, t);
        if (!c.sum) return text(null, t);
        return num(round2(plan.items.reduce((a, item) => a + (c.sum!(item) ?? 0), 0)), FIGURE, t);
      }),
    );
  }
  return {
    name: L.planName,
    kind: "plan",
    rows,
    columnWidths: columns.map((c) => c.width),
    freeze: { rows: headerRow + 1, columns: 3 },
    merges,
    headerRow,
    printTitleRows: `${headerRow + 1}:${headerRow + 1}`,
    footer: `${plan.unit} — ${shortCatalogName(plan.catalogName ?? plan.catalogId)}`,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Ranking
// ---------------------------------------------------------------------------------------------------------------

/** The condition of each band, highest first: "Từ 90,00 điểm trở lên", "Từ 80,00 đến dưới 90,00 điểm", "Dưới 70,00 điểm". */
export function bandConditions(bands: ClassBand[], lang: Lang = "vi"): { label: string; condition: string }[] {
  const L = labels(lang);
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.map((band, i) => {
    const upper = i > 0 ? sorted[i - 1].min : null;
    const finite = Number.isFinite(band.min);
    const condition = !finite
      ? upper === null
        ? L.bandAll
        : L.bandBelow(fixed2(upper, lang))
      : upper === null
        ? L.bandFrom(fixed2(band.min, lang))
        : L.bandRange(fixed2(band.min, lang), fixed2(upper, lang));
    return { label: band.label, condition };
  });
}

interface RankingLayout {
  spec: SheetSpec;
  /** Each group's units: consecutive rows (0-based) of the ranking sheet, in rank order. */
  groupRows: { group: RankingGroup; first: number; last: number }[];
  selfCol: number;
  appraisedCol: number;
  /** The final index's column after a second round; −1 without one. */
  finalCol: number;
}

function rankingLayout(ranking: Ranking, lang: Lang): RankingLayout {
  const L = labels(lang);
  const entries = ranking.groups.flatMap((g) => g.entries);
  const has = (part: "survey" | "bonus" | "penalty") => entries.some((e) => e.parts?.[part]);
  const pointColumns: { head: string; value: (p: NonNullable<RankingEntry["points"]>) => number | null }[] = [];
  if (has("survey") || has("bonus") || has("penalty")) {
    pointColumns.push({ head: L.basePoints, value: (p) => p.base });
    if (has("survey")) pointColumns.push({ head: L.survey, value: (p) => p.survey });
    if (has("bonus")) pointColumns.push({ head: L.bonus, value: (p) => p.bonus });
    if (has("penalty")) pointColumns.push({ head: L.penalty, value: (p) => p.penalty });
    pointColumns.push({ head: L.totalScore, value: (p) => p.total }, { head: L.applicableMax, value: (p) => p.applicableMax });
  }
  // After a second round (some unit has final scores): self | round 1 | final side by side.
  const final = entries.some((e) => e.finalIndex !== undefined);
  const indexHeads = final ? [L.selfIndex, L.round1Index, L.finalIndex] : [L.selfIndex, L.appraisedIndex];
  const heads = [L.rank, L.unit, L.index, L.band, ...indexHeads, ...pointColumns.map((c) => c.head), L.errors, L.warnings, L.source];
  const widths = [8, 42, 11, 10, ...indexHeads.map(() => 13), ...pointColumns.map(() => 11), 8, 10, 44];
  const lastCol = heads.length - 1;
  const { rows, merges, titleRow } = sheetRows(lastCol);
  const count = ranking.groups.reduce((n, g) => n + g.entries.length, 0);
  titleRow(L.rankingTitle, TITLE);
  titleRow(final ? L.rankingNoteFinal(count) : L.rankingNote(count), { italic: true });
  rows.push([]);
  const headerRow = rows.length;
  rows.push(header(heads));

  const subtitles = ranking.groups.length > 1 || ranking.groups.some((g) => g.name !== null);
  const entryRow = (e: RankingEntry): Row => {
    const b: CellStyle = { border: true };
    return [
      num(e.rank, "0", { ...b, bold: true, align: "center" }),
      text(e.unit, { ...b, wrap: true }),
      num(e.officialIndex, FIGURE, { ...b, bold: true }),
      text(e.band, { ...b, bold: true, align: "center" }),
      num(e.selfIndex, FIGURE, b),
      num(e.appraisedIndex, FIGURE, b),
      ...(final ? [num(e.finalIndex ?? null, FIGURE, b)] : []),
      ...pointColumns.map((c) => num(e.points ? c.value(e.points) : null, FIGURE, b)),
      num(e.errors, "0", e.errors > 0 ? { ...b, fill: "error" } : b),
      num(e.warnings, "0", e.warnings > 0 ? { ...b, fill: "warning" } : b),
      text(e.source, { ...b, wrap: true }),
    ];
  };
  // Each group's units are consecutive rows in rank order: its chart draws them straight from the table.
  const groupRows: { group: RankingGroup; first: number; last: number }[] = [];
  for (const group of ranking.groups) {
    if (subtitles) {
      titleRow(group.name ?? L.ungrouped, { bold: true, fill: "field", border: true });
    }
    const first = rows.length;
    for (const entry of group.entries) rows.push(entryRow(entry));
    if (group.entries.length > 0) groupRows.push({ group, first, last: rows.length - 1 });
  }
  if (count === 0) {
    titleRow(L.noUnits, { italic: true, border: true, align: "center" });
  }

  // One legend, or one per group when the groups' catalogues class with different bands.
  const key = (bands: ClassBand[]) => JSON.stringify(bands.map((b) => [b.label, b.min]));
  const legends = new Map<string, { bands: ClassBand[]; groups: string[] }>();
  for (const g of ranking.groups) {
    const bands = g.bands ?? ranking.bands;
    const entry = legends.get(key(bands)) ?? { bands, groups: [] };
    entry.groups.push(g.name ?? L.ungrouped);
    legends.set(key(bands), entry);
  }
  if (legends.size === 0) legends.set(key(ranking.bands), { bands: ranking.bands, groups: [] });
  for (const { bands, groups } of legends.values()) {
    rows.push([]);
    titleRow(legends.size > 1 ? L.legendOf(groups.join(", ")) : L.legend, { bold: true });
    rows.push([text(L.band, HEAD), text(L.condition, HEAD)]);
    for (const { label, condition } of bandConditions(bands, lang)) {
      rows.push([text(label, { bold: true, border: true, align: "center" }), text(condition, { border: true })]);
    }
  }
  const catalogues = [...new Set(entries.map((e) => e.catalogId).filter((id): id is string => !!id))];
  const spec: SheetSpec = {
    name: L.rankingName,
    kind: "ranking",
    rows,
    columnWidths: widths,
    freeze: { rows: headerRow + 1 },
    merges,
    headerRow,
    printTitleRows: `${headerRow + 1}:${headerRow + 1}`,
    footer: catalogues.length > 0 ? `${L.rankingFooter} — ${catalogues.join(", ")}` : L.rankingFooter,
  };
  return {
    spec,
    groupRows,
    selfCol: heads.indexOf(L.selfIndex),
    appraisedCol: heads.indexOf(final ? L.round1Index : L.appraisedIndex),
    finalCol: final ? heads.indexOf(L.finalIndex) : -1,
  };
}

/**
 * The ranking table (rankingSheet) and, when some group has units, its charts on a sheet of their own
 * (rankingChartsSheet): the table's header row repeats on every printed page, which a chart page must not carry.
 */
export function rankingSheets(ranking: Ranking, lang: Lang = "vi"): SheetSpec[] {
  const layout = rankingLayout(ranking, lang);
  const charts = chartsSheet(ranking, layout, lang);
  return charts ? [layout.spec, charts] : [layout.spec];
}

/**
 * The ranking: a header row (Hạng | Đơn vị | Chỉ số | Xếp loại | Tự đánh giá | Thẩm định | Lỗi | Cảnh báo | Tệp),
 * then per group a sub-title row and its units in rank order; the band legend at the bottom. Its charts are on the
 * sheet rankingSheets adds after it.
 */
export function rankingSheet(ranking: Ranking, lang: Lang = "vi"): SheetSpec {
  return rankingLayout(ranking, lang).spec;
}

/**
 * The ranking's charts on a sheet of their own, each on a page of its own, drawn from the ranking sheet's cells
 * (`dataSheet`): the index by unit in rank order, one chart (and series) per group; for a group with appraised
 * indexes, then its units' self-assessed and appraised indexes side by side. Null when no group has units.
 */
export function rankingChartsSheet(ranking: Ranking, lang: Lang = "vi"): SheetSpec | null {
  return chartsSheet(ranking, rankingLayout(ranking, lang), lang);
}

function chartsSheet(ranking: Ranking, layout: RankingLayout, lang: Lang): SheetSpec | null {
  const L = labels(lang);
  const { groupRows, selfCol, appraisedCol, finalCol } = layout;
  if (groupRows.length === 0) return null;
  const dataSheet = layout.spec.name;
  const { rows, merges, titleRow } = sheetRows(7);
  titleRow(L.rankingChartsName, TITLE);
  const charts: ChartIntent[] = [];
  const pageBreaks: number[] = [];
  const place = (chart: Omit<ChartIntent, "anchor" | "dataSheet">) => {
    rows.push([]);
    // The first chart sits under the sheet's title; each other one starts a page.
    if (charts.length > 0) pageBreaks.push(rows.length);
    const placed: ChartIntent = { ...chart, anchor: a1(rows.length, 0), dataSheet };
    charts.push(placed);
    for (let i = chartRows(placed); i > 0; i--) rows.push([]);
  };
  for (const { group, first, last } of groupRows) {
    const name = group.name ?? (ranking.groups.length > 1 ? L.ungrouped : null);
    const categories = group.entries.map((e) => e.unit);
    const categoriesRange = range(1, first, last);
    const values = (index: (e: RankingEntry) => number | null) => group.entries.map((e) => index(e) ?? Number.NaN);
    place({
      type: "bar",
      title: name ? `${L.indexChart} — ${name}` : L.indexChart,
      categories,
      categoriesRange,
      series: [{ name: name ?? L.indexSeries, values: values((e) => e.officialIndex), range: range(2, first, last) }],
    });
    const withFinal = finalCol >= 0 && group.entries.some((e) => e.finalIndex !== undefined);
    if (withFinal) {
      place({
        type: "bar",
        title: name ? `${L.selfFinalChart} — ${name}` : L.selfFinalChart,
        categories,
        categoriesRange,
        series: [
          { name: L.selfIndex, values: values((e) => e.selfIndex), range: range(selfCol, first, last) },
          { name: L.round1Index, values: values((e) => e.appraisedIndex), range: range(appraisedCol, first, last) },
          { name: L.finalIndex, values: values((e) => e.finalIndex ?? null), range: range(finalCol, first, last) },
        ],
      });
    } else if (group.entries.some((e) => e.appraisedIndex !== null)) {
      place({
        type: "bar",
        title: name ? `${L.selfAppraisedChart} — ${name}` : L.selfAppraisedChart,
        categories,
        categoriesRange,
        series: [
          { name: L.selfIndex, values: values((e) => e.selfIndex), range: range(selfCol, first, last) },
          { name: finalCol >= 0 ? L.round1Index : L.appraisedIndex, values: values((e) => e.appraisedIndex), range: range(appraisedCol, first, last) },
        ],
      });
    }
  }
  return {
    name: L.rankingChartsName,
    kind: "ranking",
    rows,
    columnWidths: Array.from({ length: 8 }, () => 10),
    merges,
    printTitleRows: null,
    pageBreaks,
    footer: layout.spec.footer,
    chart: charts[0],
    charts,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Points by field, many units
// ---------------------------------------------------------------------------------------------------------------

/**
 * Units as rows, fields as columns (official points: appraised where there are, else self), then the total, the
 * applicable max, the index and the band; a bar chart of the index by unit to the right. Fields are the union of
 * the units' fields by code, in order of first appearance.
 */
export function unitsMatrixSheet(summaries: UnitSummary[], lang: Lang = "vi"): SheetSpec {
  const L = labels(lang);
  const fields = new Map<string, string>();
  for (const s of summaries) for (const f of s.fields) if (!fields.has(f.code)) fields.set(f.code, f.name);
  const fieldCodes = [...fields.keys()];
  const heads = [
    L.no,
    L.unit,
    ...fieldCodes.map((c) => shortLabel(c, fields.get(c) ?? "", 40)),
    L.totalPoints,
    L.applicableMax,
    L.index,
    L.band,
  ];
  const lastCol = heads.length - 1;
  const { rows, merges, titleRow } = sheetRows(lastCol);
  titleRow(L.matrixTitle, TITLE);
  titleRow(summaries.some((s) => s.finalIndex !== undefined) ? L.matrixNoteFinal : L.matrixNote, { italic: true });
  rows.push([]);
  const headerRow = rows.length;
  rows.push(header(heads));
  const official = (l: SummaryLine) => l.final ?? l.appraised ?? l.self;
  const b: CellStyle = { border: true };
  summaries.forEach((s, i) => {
    const byCode = new Map(s.fields.map((f) => [f.code, f]));
    rows.push([
      num(i + 1, "0", { ...b, align: "center" }),
      text(s.unit, { ...b, wrap: true }),
      ...fieldCodes.map((code) => {
        const f = byCode.get(code);
        return num(f ? (f.total ?? official(f)) : null, FIGURE, b);
      }),
      num(s.total.total ?? official(s.total), FIGURE, { ...b, bold: true }),
      num(s.total.applicableMax, FIGURE, b),
      num(s.officialIndex, FIGURE, { ...b, bold: true, fill: "total" }),
      text(s.band, { ...b, bold: true, align: "center" }),
    ]);
  });
  const catalogues = [...new Set(summaries.map((s) => shortCatalogName(s.catalogName)))];
  return {
    name: L.matrixName,
    kind: "summary",
    rows,
    columnWidths: [6, 36, ...fieldCodes.map(() => 14), 12, 13, 11, 10],
    freeze: { rows: headerRow + 1, columns: 2 },
    merges,
    headerRow,
    printTitleRows: `${headerRow + 1}:${headerRow + 1}`,
    footer: catalogues.length > 0 ? `${L.matrixTitleShort} — ${catalogues.join(", ")}` : L.matrixTitleShort,
  };
}
