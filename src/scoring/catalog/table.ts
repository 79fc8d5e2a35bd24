/**
 * A province's criteria table as its decision publishes it, read into a catalogue:
 *
 *   STT | Tiêu chí, tiêu chí thành phần | Điểm tối đa | [Tài liệu kiểm chứng] | [Hướng dẫn chấm điểm] | [Ghi chú]
 *   I   | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC | 8
 *   1   | Kế hoạch CCHC năm               | 2
 *   a   | Ban hành kế hoạch                | 1
 *       | - Ban hành kịp thời: 1
 *       | - Ban hành không kịp thời: 0,5
 *       | - Không ban hành: 0
 *
 * Codes as written (1, 1.1, 1.1.1) or within fields (I, 1, a); a field named in capitals may have no code; criteria
 * numbered across Roman fields keep their codes. Under a criterion, rows with an empty code cell are its bands
 * ("wording: points", or the wording with its points in the max column), and so are rows marked "a)", "b)" whose
 * text is an outcome ("a) Đạt | 1"), the lines of its name cell after a line break that word bands (QĐ 876), and the
 * lines of a "Hướng dẫn chấm điểm" cell. A wording becomes a rule only when all of it is read (wording.ts,
 * readBandList); otherwise the criterion keeps the wording as its evidenceRequirement, has no rule, and each line not
 * read is listed with its cell — never a partial reading. Each criterion's reading (exact, with an assumption, not
 * read) is kept for the report and the review workbook. A field named "Điểm thưởng"/"Điểm cộng" is a bonus section,
 * "Điểm trừ" a penalty section (negative maxima and points read as deductions, and said), "Điều tra xã hội học" a
 * survey part, a satisfaction field ("CHỈ SỐ HÀI LÒNG …") a survey field. Errors at their cells: a parent's stated
 * max that differs from its children's sum, a total row that differs from the fields, band points above the
 * maximum, a leaf without a maximum.
 */
import { a1, cellAt, Grid, gridWidth } from "../grid";
import { figure, Lang, t } from "../i18n/messages";
import { findHeader, HEADER_SEARCH_ROWS, headerRole } from "../sheet/headers";
import type { ColumnRole } from "../sheet/types";
import { mayBeRelative, readCode, relativeCodes } from "../sheet/codes";
import { CellValue, fold, parseLiteral } from "../values";
import type { Severity } from "../validate/types";
import { CatalogError, parseCatalog } from "./load";
import { AssessedBy, Catalog, CatalogNodeInput, SectionKind } from "./schema";
import { isCatalogSheet, SheetIssue } from "./sheet";
import { Assumption, BandLine, bandFromWording, readBandList, WordingReason } from "./wording";

/** A line of wording that did not become part of a rule: where it is and why. */
export interface UnconvertedWording {
  sheet: string;
  cell: string;
  code: string;
  text: string;
  reason: WordingReason | "underParent" | "duplicateOutcome";
}

/** A part of the methodology recognised by its name (a bonus or penalty section, a survey part). */
export interface DetectedPart {
  code: string;
  name: string;
  cell: string;
  kind?: SectionKind;
  assessedBy?: AssessedBy;
}

/** How a criterion's wording was read: exactly, with an assumption (said), not read (listed), or it has none. */
export type ReadingState = "exact" | "assumption" | "notRead" | "noWording";

/** One criterion as the import read it: what the review workbook shows for a person to sign off. */
export interface CriterionReading {
  code: string;
  name: string;
  max: number | null;
  /** The name's cell. */
  cell: string;
  /** The scoring wording as published (band rows, guidance cell, lines of the name cell), one line each. */
  wording: string[];
  /** The cells the wording was read from. */
  wordingCells: string[];
  rule: string | null;
  state: ReadingState;
  assumptions: Assumption[];
  reasons: WordingReason[];
}

export interface TableImport {
  catalog: Catalog | null;
  /** Every criterion (fields included) in table order, with how its wording was read. */
  criteria: CriterionReading[];
  /** Errors (no catalogue) and warnings, each at its cell; unconverted wording is among the warnings. */
  issues: SheetIssue[];
  unconverted: UnconvertedWording[];
  detected: DetectedPart[];
  /** How the codes were read. */
  numbering: "literal" | "relative";
  /** Criteria given a rule from their bands. */
  rules: number;
}

export interface TableImportOptions {
  /** Catalogue id (default: from the title, else "bo-tieu-chi"). */
  id?: string;
  /** Catalogue name (default: the table's title). */
  name?: string;
  lang?: Lang;
  /**
   * The sheet was named as a table (`par catalog import`, `--catalog TABLE.xlsx`): a header that also has a unit's
   * score columns ("Điểm" over "Tối đa | Tự chấm | Thẩm định", left blank in the decision) is read as a table.
   */
  lenient?: boolean;
}

const GUIDANCE = ["huong dan cham diem", "cach cham diem", "phuong phap cham diem", "cach tinh diem", "thang diem", "cach thuc cham diem", "scoring"];
const TOTAL = /^(?:tong cong|tong diem|tong so diem|tong)\b/;
const BULLET = /^[-+•*–]$/;

const ROLE_NAMES: Partial<Record<ColumnRole, string>> = { code: "STT (hoặc Mã)", name: "Nội dung tiêu chí (hoặc Tiêu chí)", max: "Điểm tối đa" };
const UNIT_ROLES: ColumnRole[] = ["value", "self", "appraised", "final", "survey"];

/**
 * The header of a published table: code, name and max columns. A unit's score columns (self, appraised…) mean a
 * unit sheet, unless the sheet was named as a table (`lenient`) and they hold no number (a decision's blank form).
 */
function readTableHeader(grid: Grid, lenient: boolean) {
  const header = findHeader(grid);
  if (!header) return { header: null, ...partialHeader(grid) };
  const c = header.columns;
  const missing = (["code", "name", "max"] as ColumnRole[]).filter((r) => c[r] === undefined);
  if (missing.length > 0) return { header: null, missing, found: header };
  const unitColumns = UNIT_ROLES.map((r) => c[r]).filter((col): col is number => col !== undefined);
  if (unitColumns.length > 0 && (!lenient || unitColumns.some((col) => columnHoldsNumber(grid, header.row + 1, col)))) return { header: null, missing: [] };
  const guidance = header.found.find(
    (h) => (h.role === null || header.columns[h.role] !== h.col) && GUIDANCE.some((g) => fold(h.text.split(" / ").pop()!).startsWith(g)),
  )?.col;
  return { header: { ...header, guidance }, missing: [] };
}

/**
 * Without a header (no code column, or no column to score from): the row among the first that names most of the
 * table's columns, and which of code, name and max it lacks — so a refusal names the column really missing.
 */
function partialHeader(grid: Grid): { missing: ColumnRole[]; found?: { top: number; row: number; found: { cell: string; text: string }[] } } {
  let best: { row: number; roles: Set<ColumnRole>; found: { cell: string; text: string }[] } | null = null;
  const width = gridWidth(grid);
  for (let row = 0; row < Math.min(grid.values.length, HEADER_SEARCH_ROWS); row++) {
    const roles = new Set<ColumnRole>();
    const found: { cell: string; text: string }[] = [];
    for (let c = 0; c < width; c++) {
      const text = textOf(cellAt(grid, row, c)).replace(/\s+/g, " ");
      if (!text) continue;
      found.push({ cell: a1(row, c), text });
      const role = headerRole(text);
      if (role === "code" || role === "name" || role === "max") roles.add(role);
    }
    if (roles.size > 0 && (!best || roles.size > best.roles.size)) best = { row, roles, found };
  }
  if (!best) return { missing: ["code"] };
  return {
    missing: (["code", "name", "max"] as ColumnRole[]).filter((r) => !best.roles.has(r)),
    found: { top: best.row, row: best.row, found: best.found },
  };
}

/** Why a sheet is not read as a table, when it looks like one: the columns its header lacks (with its row). */
export function tableHeaderProblem(grid: Grid): { missing: ColumnRole[]; row: number } | null {
  const read = readTableHeader(grid, true);
  return !read.header && read.found && read.missing.length > 0 ? { missing: read.missing, row: read.found.row } : null;
}

function columnHoldsNumber(grid: Grid, from: number, col: number): boolean {
  for (let row = from; row < grid.values.length; row++) if (typeof cellAt(grid, row, col) === "number") return true;
  return false;
}

function tableHeader(grid: Grid, lenient = false) {
  return readTableHeader(grid, lenient).header;
}

/** Whether a sheet is a published criteria table (and not PAR Scorer's own catalogue sheet). */
export function isCatalogTable(grid: Grid, lenient = false): boolean {
  return !isCatalogSheet(grid) && tableHeader(grid, lenient) !== null;
}

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
/** A cell's text, cleaned of what Word pastes leave: non-breaking spaces, soft hyphens, zero-width spaces. */
const textOf = (v: CellValue) =>
  isBlank(v) || v instanceof Date
    ? ""
    : String(v)
        .replace(/\u00AD|\u200B|\u200C|\u200D|\uFEFF/g, "")
        .replace(/[\u00A0\u2007\u202F]/g, " ")
        .replace(/[ \t]+/g, " ")
        .trim();

/** A field named in capitals ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"): at least three letters, none lower case. */
function inCapitals(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 3 && text === text.toLocaleUpperCase("vi") && text !== text.toLocaleLowerCase("vi");
}

function roman(n: number): string {
  const table: [number, string][] = [
    [10, "X"],
    [9, "IX"],
    [5, "V"],
    [4, "IV"],
    [1, "I"],
  ];
  let out = "";
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** A max cell: a number, or "1", "0,5", "1 điểm"; null when blank, "bad" otherwise. */
function readPoints(v: CellValue): number | null | "bad" {
  if (isBlank(v)) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : "bad";
  if (typeof v !== "string") return "bad";
  const text = v.trim().replace(/\s*(?:điểm|đ)\.?$/i, "");
  try {
    const literal = parseLiteral(text);
    return literal && !literal.percent && !literal.date ? literal.value : "bad";
  } catch {
    return "bad";
  }
}

function partOf(name: string, field = false): { kind?: SectionKind; assessedBy?: AssessedBy } {
  const f = fold(name);
  if (/\bdiem (?:thuong|cong)\b/.test(f)) return { kind: "bonus" };
  if (/\bdiem tru\b/.test(f)) return { kind: "penalty" };
  if (/\bdieu tra (?:xa hoi hoc|xhh)\b|\bdtxhh\b/.test(f)) return { assessedBy: "survey" };
  // A field measuring satisfaction ("CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC") is scored by the survey, all of it.
  if (field && /\b(?:chi so|muc do|su) hai long\b/.test(f)) return { assessedBy: "survey" };
  return {};
}

/** A catalogue id from a title or file name: "QĐ 876 bảng tiêu chí" → "qd-876-bang-tieu-chi". */
export function slugId(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/** The table's title lines (above its header): its name, source, level and year. */
function titleMeta(grid: Grid, top: number) {
  const lines: string[] = [];
  const width = gridWidth(grid);
  for (let row = 0; row < top; row++) {
    for (let col = 0; col < width; col++) {
      const text = textOf(cellAt(grid, row, col)).replace(/\s+/g, " ");
      if (text) lines.push(text);
    }
  }
  const name = lines.find((l) => /\b(?:tieu chi|chi so)\b/.test(fold(l))) ?? null;
  const source = lines.find((l) => /\b(?:quyet dinh|qd|ke hoach|huong dan|cong van)\b.*\d/.test(fold(l))) ?? null;
  const about = fold([name ?? "", ...lines].join(" "));
  const level = /\bcap huyen\b|\bubnd (?:cac )?(?:quan|huyen)\b/.test(about)
    ? "district"
    : /\bcap xa\b/.test(about)
      ? "commune"
      : /\bcap tinh\b/.test(about)
        ? "province"
        : /\bso, ban, nganh\b|\bcap so\b|\bco quan chuyen mon\b/.test(about)
          ? "department"
          : null;
  const year = /\b(20\d\d)\b/.exec(lines.join(" "));
  return { name, source, level, year: year ? Number(year[1]) : null } as const;
}

interface RowNode {
  code: string;
  row: number;
  cell: string;
  nameCell: string;
  maxCell: string;
  raw: CatalogNodeInput & { children: RowNode["raw"][] };
  bands: BandLine[];
  parent: RowNode | null;
  children: RowNode[];
  /** In the penalty section: maxima and band points written negative are read as deductions. */
  penalty: boolean;
}

/** "a)", "b.", "-", "+", "1)": a marker that may stand before a band as well as before a sub-criterion. */
const MARKER = /^(?:[a-zđ][.)]?|\d{1,2}\)|[-+•*–])$/;
/** Outcomes a band row names ("Đạt", "Không đạt", "Ban hành kịp thời"…), folded. */
const OUTCOMES = new Set([
  "dat",
  "khong dat",
  "chua dat",
  "dat yeu cau",
  "khong dat yeu cau",
  "hoan thanh",
  "khong hoan thanh",
  "chua hoan thanh",
  "hoan thanh tot",
  "hoan thanh xuat sac",
  "xuat sac",
  "tot",
  "kha",
  "trung binh",
  "yeu",
  "kem",
  "co",
  "khong",
  "dung han",
  "cham",
  "kip thoi",
  "khong kip thoi",
  "ban hanh kip thoi",
  "ban hanh khong kip thoi",
  "ban hanh cham",
  "khong ban hanh",
  "co ban hanh",
  "thuc hien",
  "khong thuc hien",
]);

/** Whether a row's text is a band of the criterion above it (an outcome, a worded condition, "wording: points"). */
function isBandText(name: string): boolean {
  const f = fold(name).replace(/[.;:,]+$/, "").trim();
  if (OUTCOMES.has(f)) return true;
  if (/^(?:tu|duoi|tren|it nhat|toi thieu|khong qua)\s+\d/.test(f)) return true;
  return /:\s*\S/.test(name) && !("reason" in bandFromWording(name));
}

/** A part heading "A.", "B." (a capital letter that is not a Roman numeral). */
const PART_HEADING = /^[A-HJ-UWYZ]\.?$/;
/** A line of a name cell that words a band rather than continuing the name ("- Ban hành kịp thời: 1"). */
const BAND_IN_NAME = /^\s*(?:[-+•*–]|[a-zđ]\))\s+|:\s*\S|\bđiểm\b|\d\s*đ\b/i;

/**
 * Reads a published criteria table (see the module comment). Never throws on a damaged table: every problem is an
 * issue at its cell; the catalogue is null when any issue is an error.
 */
export function importCatalogTable(grid: Grid, options: TableImportOptions = {}): TableImport {
  const lang = options.lang ?? "vi";
  const sheet = grid.name;
  const issues: SheetIssue[] = [];
  const unconverted: UnconvertedWording[] = [];
  const detected: DetectedPart[] = [];
  const criteria: CriterionReading[] = [];
  const issue = (severity: Severity, cell: string, code: string | null, message: string) => issues.push({ sheet, cell, code, message, severity });
  const result = (catalog: Catalog | null, numbering: TableImport["numbering"], rules: number): TableImport => ({
    catalog: issues.some((i) => i.severity === "error") ? null : catalog,
    criteria,
    issues,
    unconverted,
    detected,
    numbering,
    rules,
  });

  const read = readTableHeader(grid, options.lenient ?? false);
  const header = read.header;
  if (!header) {
    if (read.found && read.missing.length > 0) {
      const found = read.found.found.map((h) => `${h.cell} "${h.text}"`).join(", ");
      const missing = read.missing.map((r) => ROLE_NAMES[r] ?? r).join(", ");
      issue("error", a1(read.found.top, 0), null, t("import.missingColumns", { sheet, row: read.found.row + 1, missing, found }, lang));
    } else issue("error", "A1", null, t("import.noHeader", { sheet }, lang));
    return result(null, "literal", 0);
  }
  const col = header.columns as Required<Pick<typeof header.columns, "code" | "name" | "max">> & typeof header.columns;
  const width = gridWidth(grid);
  const firstText = (row: number) => {
    for (let c = 0; c < width; c++) {
      const text = textOf(cellAt(grid, row, c));
      if (text) return { text, cell: a1(row, c) };
    }
    return null;
  };

  // The rows of the table: coded rows, fields in capitals without a code, band lines, totals, part headings.
  type Line = {
    row: number;
    code: CellValue;
    name: string;
    max: CellValue;
    kind: "coded" | "field" | "band" | "total" | "heading";
    /** Lines of the name cell below the name that word bands (QĐ 876: the bands inside the name cell). */
    inName?: string[];
  };
  const lines: Line[] = [];
  let afterTotal = false;
  let inCriterion = false;
  for (let row = header.row + 1; row < grid.values.length; row++) {
    if (row === header.numberingRow) continue;
    const code = cellAt(grid, row, col.code);
    let name = textOf(cellAt(grid, row, col.name));
    const max = cellAt(grid, row, col.max);
    let codeText = textOf(code);
    const guidance = header.guidance !== undefined ? textOf(cellAt(grid, row, header.guidance)) : "";
    if (afterTotal) {
      const text = firstText(row);
      if (text) issue("warning", text.cell, null, t("import.afterTable", { text: short(text.text) }, lang));
      continue;
    }
    if (!codeText && !name && isBlank(max) && !guidance) {
      const text = firstText(row);
      if (text) issue("warning", text.cell, null, t("import.ignoredRow", { text: short(text.text) }, lang));
      continue;
    }
    // "TỔNG CỘNG" merged over the code and name cells reads in the code cell.
    if (TOTAL.test(fold(codeText)) && (!name || name === codeText)) {
      name = codeText;
      codeText = "";
    }
    if (!codeText || BULLET.test(codeText)) {
      if (TOTAL.test(fold(name))) {
        lines.push({ row, code: null, name, max, kind: "total" });
        afterTotal = true;
      } else if (inCapitals(name) && !bandFromWordingLooksLike(name)) {
        lines.push({ row, code: null, name, max, kind: "field" });
        inCriterion = false;
      } else lines.push({ row, code: null, name, max, kind: "band" });
      continue;
    }
    if (PART_HEADING.test(codeText) && (inCapitals(name) || /^phan\b/.test(fold(name)))) {
      lines.push({ row, code, name, max, kind: "heading" });
      inCriterion = false;
      continue;
    }
    // "a) Đạt | 1" under a criterion: a band, whatever its marker.
    if (inCriterion && MARKER.test(codeText) && isBandText(name)) {
      lines.push({ row, code, name, max, kind: "band" });
      continue;
    }
    const nameLines = name.split(/\r\n|\r|\n/).map((l) => l.trim()).filter(Boolean);
    const firstBand = nameLines.findIndex((l, i) => i > 0 && BAND_IN_NAME.test(l));
    const inName = firstBand > 0 ? nameLines.slice(firstBand) : [];
    name = (firstBand > 0 ? nameLines.slice(0, firstBand) : nameLines).join(" ");
    lines.push({ row, code, name, max, kind: "coded", inName });
    inCriterion = !inCapitals(name);
  }

  // Codes: as written, or within fields; a field without a code is numbered after the field before it. Criteria
  // numbered across fields (II: 4, 4.1) keep their codes; the Roman fields are then headings.
  const coded = lines.filter((l) => l.kind === "coded" || l.kind === "field");
  const relative = mayBeRelative(coded.filter((l) => l.kind === "coded").map((l) => l.code));
  let fields = 0;
  const values = coded.map((l) => {
    if (l.kind === "field") return roman(++fields);
    const text = textOf(l.code);
    if (relative ? /^[IVX]{1,5}\.?$/.test(text) : /^\d+\.?$/.test(text) || /^[IVX]{1,5}\.?$/.test(text)) fields++;
    return l.code;
  });
  const across = relative ? acrossFields(values) : null;
  const codes = across ? literalWithLetters(values) : relative ? relativeCodes(values) : values.map(readCode);
  if (across) {
    const at = coded[across.index];
    issue("warning", a1(at.row, col.code), null, t("import.acrossFields", { field: across.field, first: across.first }, lang));
  }

  const nodes: RowNode[] = [];
  const byCode = new Map<string, RowNode>();
  const acrossHeadings: { line: Line; nodes: RowNode[] }[] = [];
  let current: RowNode | null = null;
  let totalMax: { value: number; cell: string } | null = null;
  let codedIndex = 0;
  for (const line of lines) {
    const nameCell = a1(line.row, col.name);
    if (line.kind === "total") {
      const v = readPoints(line.max);
      const inName = /:\s*(.+)$/.exec(line.name);
      const named = inName ? readPoints(inName[1]) : null;
      if (typeof v === "number") totalMax = { value: v, cell: a1(line.row, col.max) };
      else if (typeof named === "number") totalMax = { value: named, cell: nameCell };
      current = null;
      continue;
    }
    if (line.kind === "heading") {
      issue("warning", a1(line.row, col.code), null, t("import.heading", { text: short(`${textOf(line.code)} ${line.name}`) }, lang));
      current = null;
      continue;
    }
    if (line.kind === "band") {
      if (!current) {
        issue("warning", nameCell, null, t("import.strayText", { text: short(line.name) }, lang));
        continue;
      }
      const points = readPoints(line.max);
      const marker = textOf(line.code);
      if (marker && !BULLET.test(marker)) issue("warning", a1(line.row, col.code), current.code, t("import.bandRow", { text: short(line.name), marker, code: current.code }, lang));
      current.bands.push({ text: line.name, cell: nameCell, points: typeof points === "number" ? points : null });
      continue;
    }
    const code = codes[codedIndex++];
    const codeCell = a1(line.row, col.code);
    if (across && line.kind === "coded" && /^[IVX]{1,5}\.?$/.test(textOf(line.code))) {
      acrossHeadings.push({ line, nodes: [] });
      current = null;
      continue;
    }
    if (!code) {
      issue("error", codeCell, null, t("import.badCode", { text: textOf(line.code) }, lang));
      current = null;
      continue;
    }
    const first = byCode.get(code);
    if (first) {
      issue("error", codeCell, code, t("import.duplicateCode", { code, cell: first.cell }, lang));
      current = null;
      continue;
    }
    if (!line.name) issue("error", nameCell, code, t("import.noName", { code }, lang));
    const maxRead = readPoints(line.max);
    if (maxRead === "bad") issue("error", a1(line.row, col.max), code, t("import.badMax", { code, text: textOf(line.max) }, lang));
    const node: RowNode = {
      code,
      row: line.row,
      cell: codeCell,
      nameCell,
      maxCell: a1(line.row, col.max),
      raw: { code, name: line.name || code, max: typeof maxRead === "number" ? maxRead : null, children: [] },
      bands: (line.inName ?? []).map((text) => ({ text, cell: nameCell, points: null })),
      parent: null,
      children: [],
      penalty: false,
    };
    const evidence = col.evidence !== undefined ? textOf(cellAt(grid, line.row, col.evidence)) : "";
    if (evidence) node.raw.evidence = evidence.split(/\r\n|\r|\n/).map((l) => l.trim().replace(/^[-+•]\s+/, "")).filter(Boolean);
    if (header.guidance !== undefined) {
      const cell = a1(line.row, header.guidance);
      for (const text of textOf(cellAt(grid, line.row, header.guidance)).split(/\r\n|\r|\n/)) {
        if (text.trim()) node.bands.push({ text: text.trim(), cell, points: null });
      }
    }
    nodes.push(node);
    byCode.set(code, node);
    acrossHeadings[acrossHeadings.length - 1]?.nodes.push(node);
    current = node;
  }
  const numbering = relative && !across ? "relative" : "literal";
  if (nodes.length === 0) {
    issue("error", a1(header.row, col.code), null, t("import.noRows", { row: header.row + 1 }, lang));
    return result(null, numbering, 0);
  }

  // The tree; sections and survey parts by their names.
  const roots: RowNode[] = [];
  for (const node of nodes) {
    const dot = node.code.lastIndexOf(".");
    if (dot < 0) {
      roots.push(node);
      continue;
    }
    const parent = byCode.get(node.code.slice(0, dot));
    if (!parent) {
      issue("error", node.cell, node.code, t("import.noParent", { code: node.code, parent: node.code.slice(0, dot) }, lang));
      continue;
    }
    node.parent = parent;
    parent.children.push(node);
    parent.raw.children.push(node.raw);
  }
  const markParts = (node: RowNode, inSurvey: boolean, inPenalty: boolean) => {
    const part = partOf(node.raw.name, !node.parent);
    if (part.kind && !node.parent) {
      node.raw.kind = part.kind;
      detected.push({ code: node.code, name: node.raw.name, cell: node.cell, kind: part.kind });
    } else if (part.assessedBy && !inSurvey && !node.parent?.raw.kind) {
      node.raw.assessedBy = part.assessedBy;
      detected.push({ code: node.code, name: node.raw.name, cell: node.cell, assessedBy: part.assessedBy });
    }
    node.penalty = inPenalty || node.raw.kind === "penalty";
    if (node.penalty && node.raw.max !== null && node.raw.max! < 0) {
      const text = figure(node.raw.max!);
      node.raw.max = -node.raw.max!;
      issue("warning", node.maxCell, node.code, t("import.penaltySign", { code: node.code, text, value: figure(node.raw.max) }, lang));
    }
    node.children.forEach((c) => markParts(c, inSurvey || node.raw.assessedBy === "survey", node.penalty));
  };
  roots.forEach((r) => markParts(r, false, false));
  for (const node of nodes) {
    if (node.raw.max !== null && node.raw.max! < 0) {
      issue("error", node.maxCell, node.code, t("import.badMax", { code: node.code, text: figure(node.raw.max!) }, lang));
      node.raw.max = null;
    } else if (node.children.length === 0 && (node.raw.max === null || node.raw.max === undefined) && readPoints(cellAt(grid, node.row, col.max)) === null && !cappedSection(node)) {
      issue("error", node.maxCell, node.code, t("import.noMax", { code: node.code }, lang));
    }
  }

  // Bands → rules; wording that does not convert stays as the requirement, listed at its cell.
  let rules = 0;
  for (const node of nodes) {
    const reading: CriterionReading = {
      code: node.code,
      name: node.raw.name,
      max: node.raw.max ?? null,
      cell: node.nameCell,
      wording: node.bands.map((b) => b.text),
      wordingCells: [...new Set(node.bands.map((b) => b.cell))],
      rule: null,
      state: node.bands.length === 0 ? "noWording" : "notRead",
      assumptions: [],
      reasons: [],
    };
    criteria.push(reading);
    if (node.bands.length === 0) continue;
    const keep = (reason: UnconvertedWording["reason"], band: BandLine) => {
      unconverted.push({ sheet, cell: band.cell, code: node.code, text: band.text, reason });
      if (reason !== "underParent") reading.reasons.push(reason);
      issue("warning", band.cell, node.code, t("import.unconverted", { code: node.code, text: short(band.text), reason: t(`import.reason.${reason}`, {}, lang) }, lang));
    };
    const keepWording = () => {
      node.raw.evidenceRequirement = [node.raw.evidenceRequirement, ...node.bands.map((b) => b.text)].filter(Boolean).join("\n");
    };
    if (node.children.length > 0) {
      node.bands.forEach((b) => keep("underParent", b));
      keepWording();
      continue;
    }
    const list = readBandList(node.bands, { penalty: node.penalty, max: node.raw.max ?? null, name: node.raw.name });
    const max = node.raw.max ?? null;
    const over = max === null ? [] : list.points.filter((p) => p.points !== null && p.points > max + 1e-9);
    for (const o of over) {
      issue("error", o.line.cell, node.code, t("import.pointsOverMax", { code: node.code, text: short(o.line.text), points: figure(o.points!), max: figure(max!) }, lang));
    }
    if (list.rule === null) {
      list.failed.forEach((f) => keep(f.reason, f.line));
      keepWording();
      continue;
    }
    node.raw.rule = list.rule;
    reading.rule = list.rule;
    reading.assumptions = list.assumptions;
    reading.state = list.assumptions.length > 0 ? "assumption" : "exact";
    rules++;
  }

  // Criteria numbered across fields: each Roman heading's stated max is checked against its criteria.
  for (const h of acrossHeadings) {
    const stated = readPoints(h.line.max);
    const sum = h.nodes.filter((n) => !n.parent).reduce((a, n) => a + (n.raw.max ?? sumOf(n) ?? 0), 0);
    if (typeof stated === "number" && Math.abs(stated - sum) > 1e-6) {
      issue("error", a1(h.line.row, col.max), null, t("import.totalMismatch", { total: figure(stated), sum: figure(sum) }, lang));
    }
  }

  // Id, name and the rest from the title; then the core's checks (sums, structure) at the cells they concern.
  const meta = titleMeta(grid, header.top);
  const id = options.id?.trim() || slugId(meta.name ?? "") || "bo-tieu-chi";
  if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) issue("error", "A1", null, t("catalogSheet.badId", { id }, lang));
  const name = options.name?.trim() || meta.name || id;
  let catalog: Catalog | null = null;
  try {
    catalog = parseCatalog(
      { id, name, source: meta.source ?? null, level: meta.level, year: meta.year, nodes: roots.map((r) => r.raw) },
      sheet,
      lang,
    );
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    for (const ci of e.issues) {
      const node = ci.code !== null ? byCode.get(ci.code) : undefined;
      const cell = node ? (ci.field === "max" ? node.maxCell : node.cell) : "A1";
      issue("error", cell, ci.code, t("catalogSheet.issue", { detail: ci.code && !ci.message.includes(ci.code) ? `${ci.code}: ${ci.message}` : ci.message }, lang));
    }
  }
  if (totalMax) {
    const sum = roots.filter((n) => !n.raw.kind).reduce((a, n) => a + (n.raw.max ?? sumOf(n) ?? 0), 0);
    if (Math.abs(sum - totalMax.value) > 1e-6) {
      issue("error", totalMax.cell, null, t("import.totalMismatch", { total: figure(totalMax.value), sum: figure(sum) }, lang));
    }
  }
  return result(catalog, numbering, rules);
}

/** Whether a node is inside a bonus or penalty section whose field states a cap (its leaves may have none). */
function cappedSection(node: RowNode): boolean {
  let root = node;
  while (root.parent) root = root.parent;
  return root !== node && !!root.raw.kind && root.raw.max !== null && root.raw.max !== undefined;
}

/**
 * Relative numbering whose criteria continue their count across Roman fields (I: 1, 2, 3; II: 4, 5): the first
 * criterion under a later field, when it is not 1 and follows the previous field's last number.
 */
function acrossFields(values: CellValue[]): { index: number; field: string; first: number } | null {
  let field: string | null = null;
  let last: number | null = null;
  let firstUnder = true;
  for (let i = 0; i < values.length; i++) {
    const text = typeof values[i] === "string" ? (values[i] as string).trim() : typeof values[i] === "number" ? String(values[i]) : "";
    if (/^[IVX]{1,5}\.?$/.test(text)) {
      field = text.replace(/\.$/, "");
      firstUnder = true;
      continue;
    }
    const n = /^(\d{1,3})\.?$/.exec(text);
    if (!n || field === null) continue;
    const k = Number(n[1]);
    if (firstUnder && last !== null && k !== 1 && k === last + 1) return { index: i, field, first: k };
    firstUnder = false;
    last = k;
  }
  return null;
}

/** Codes as written (Roman field headings give none), a letter under a criterion being its next level. */
function literalWithLetters(values: CellValue[]): (string | null)[] {
  let criterion: string | null = null;
  let letters = 0;
  return values.map((v) => {
    const text = typeof v === "string" ? v.trim() : "";
    if (/^[IVX]{1,5}\.?$/.test(text)) {
      criterion = null;
      return null;
    }
    if (/^[a-zđ][.)]?$/.test(text)) return criterion ? `${criterion}.${++letters}` : null;
    const code = readCode(v);
    criterion = code;
    letters = 0;
    return code;
  });
}

function sumOf(node: RowNode): number | null {
  if (node.children.length === 0) return node.raw.max ?? null;
  let sum = 0;
  for (const c of node.children) {
    const m = c.raw.max ?? sumOf(c);
    if (m === null || m === undefined) return null;
    sum += m;
  }
  return sum;
}

/** Whether a capitals line is rather a band ("CÓ: 1"). */
function bandFromWordingLooksLike(text: string): boolean {
  return !("reason" in bandFromWording(text));
}

function short(text: string): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > 120 ? `${clean.slice(0, 117)}…` : clean;
}
