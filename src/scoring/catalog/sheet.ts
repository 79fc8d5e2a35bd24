import { ParError } from "../errors";
import { a1, cellAt, columnLetters, Grid, gridWidth } from "../grid";
import { Lang, t } from "../i18n/messages";
import { CellStyle, safeSheetName, SheetSpec, SpecCell } from "../report/sheet-spec";
import { parseRule } from "../rules/parse";
import type { Severity } from "../validate/types";
import { CellValue, dateToSerial, fold, formatDate, parseLiteral } from "../values";
import { CatalogError, parseCatalog } from "./load";
import { Catalog, CatalogNode, CatalogNodeInput, EvidenceItem } from "./schema";
import { codeLevel, normalizeCode, walk } from "./tree";

/**
 * A catalogue as a visible, editable worksheet, so a province adapts points and rules for its year in Excel:
 *
 *   row 1  Bộ tiêu chí: <name>                       (merged over the table's width)
 *   row 2  Mã bộ tiêu chí: <id>
 *   row 3  Nguồn: <source> | Cấp đánh giá: <level> | Năm: <year>   (three cells)
 *   row 4  Mã | Tên tiêu chí | Điểm tối đa | Điểm mục tiêu | Quy tắc chấm điểm | Tài liệu kiểm chứng |
 *          Yêu cầu đối với TLKC | Thời hạn | Cơ quan chủ trì | Cơ quan phối hợp | Diễn giải mục tiêu | Phần điểm |
 *          Cách đánh giá | Cơ quan thẩm định (the agency that appraises the node and everything under it)
 *   row 5… one row per node, in catalogue order (depth first)
 *
 * The eleventh column carries the node's `targetText` (the source's own wording of the target), so that reading the
 * sheet back gives the same catalogue. The reader finds the header by its texts (Vietnamese or English, any case,
 * with or without diacritics) and the title cells by their labels ("Mã bộ tiêu chí:"), wherever they are above it.
 *
 * Evidence: one document per line; a document with points, target or lead is written
 * "Tên (0,5 điểm; mục tiêu 0,5; Sở Tư pháp)" and read back to the same object ("chủ trì: …" names the lead when
 * there are no points). A plain name that itself ends in such a parenthesis would be read as one.
 */

export const CATALOG_SHEET_NAME = "Bộ tiêu chí";

/** One problem of a catalogue sheet: where (sheet, A1 cell, criterion code) and what to do. */
export interface SheetIssue {
  sheet: string;
  cell: string;
  code: string | null;
  message: string;
  /** "error": the sheet does not give a usable catalogue; "warning": something was ignored. */
  severity: Severity;
}

type Field =
  | "code"
  | "name"
  | "max"
  | "target"
  | "rule"
  | "evidence"
  | "evidenceRequirement"
  | "deadline"
  | "lead"
  | "coordinating"
  | "targetText"
  | "kind"
  | "assessedBy"
  | "appraisedBy";

interface Column {
  field: Field;
  header: string;
  width: number;
  /** Folded header texts the reader accepts. */
  aliases: string[];
}

const COLUMNS: Column[] = [
  { field: "code", header: "Mã", width: 9, aliases: ["ma", "ma tieu chi", "code"] },
  { field: "name", header: "Tên tiêu chí", width: 48, aliases: ["ten tieu chi", "tieu chi", "criterion", "name"] },
  { field: "max", header: "Điểm tối đa", width: 10, aliases: ["diem toi da", "max", "maximum"] },
  { field: "target", header: "Điểm mục tiêu", width: 10, aliases: ["diem muc tieu", "target"] },
  { field: "rule", header: "Quy tắc chấm điểm", width: 28, aliases: ["quy tac cham diem", "quy tac", "rule", "scoring rule"] },
  { field: "evidence", header: "Tài liệu kiểm chứng", width: 42, aliases: ["tai lieu kiem chung", "tlkc", "evidence"] },
  {
    field: "evidenceRequirement",
    header: "Yêu cầu đối với TLKC",
    width: 32,
    aliases: ["yeu cau doi voi tlkc", "yeu cau doi voi tai lieu kiem chung", "yeu cau", "requirement", "evidence requirement"],
  },
  { field: "deadline", header: "Thời hạn", width: 20, aliases: ["thoi han", "deadline"] },
  { field: "lead", header: "Cơ quan chủ trì", width: 22, aliases: ["co quan chu tri", "chu tri", "lead"] },
  { field: "coordinating", header: "Cơ quan phối hợp", width: 30, aliases: ["co quan phoi hop", "phoi hop", "coordinating"] },
  { field: "targetText", header: "Diễn giải mục tiêu", width: 36, aliases: ["dien giai muc tieu", "muc tieu", "target text"] },
  { field: "kind", header: "Phần điểm", width: 13, aliases: ["phan diem", "loai phan", "kind", "section"] },
  { field: "assessedBy", header: "Cách đánh giá", width: 14, aliases: ["cach danh gia", "danh gia boi", "assessed by"] },
  {
    field: "appraisedBy",
    header: "Cơ quan thẩm định",
    width: 22,
    aliases: ["co quan tham dinh", "don vi tham dinh", "tham dinh boi", "appraised by", "appraising agency"],
  },
];

/** How the two columns show a section's kind and who assesses a criterion; blank is the default (main part, self). */
const KIND_TEXT = { bonus: "Điểm thưởng", penalty: "Điểm trừ" } as const;
const ASSESSED_TEXT = { self: "Tự đánh giá", survey: "Điều tra XHH" } as const;
const KIND_WORDS: Record<string, "bonus" | "penalty"> = {
  "diem thuong": "bonus",
  thuong: "bonus",
  "diem cong": "bonus",
  cong: "bonus",
  bonus: "bonus",
  "diem tru": "penalty",
  tru: "penalty",
  penalty: "penalty",
};
const ASSESSED_WORDS: Record<string, "self" | "survey"> = {
  "tu danh gia": "self",
  "tu cham": "self",
  self: "self",
  "dieu tra xhh": "survey",
  "dieu tra xa hoi hoc": "survey",
  dtxhh: "survey",
  survey: "survey",
};

const WRAPPED = new Set<Field>(["name", "rule", "evidence", "evidenceRequirement", "deadline", "lead", "coordinating", "targetText", "appraisedBy"]);
const HEADER_SEARCH_ROWS = 10;
const REQUIRED: Field[] = ["code", "name", "max", "rule"];

type Level = NonNullable<Catalog["level"]>;

const LEVEL_LABELS: Record<Level, string> = {
  province: "tỉnh",
  department: "sở, ban, ngành",
  district: "huyện",
  ward: "phường",
  commune: "xã",
  "special-zone": "đặc khu",
};

/** Labels of the title cells above the header (folded), per catalogue property. */
const META_LABELS: Record<"name" | "id" | "source" | "level" | "year" | "bands" | "province", string[]> = {
  province: ["tinh, thanh pho", "tinh/thanh pho", "tinh thanh pho", "province"],
  name: ["bo tieu chi", "ten bo tieu chi", "catalogue", "catalog", "catalogue name", "catalog name"],
  id: ["ma bo tieu chi", "catalogue id", "catalog id", "id"],
  source: ["nguon", "source"],
  level: ["cap danh gia", "cap", "level"],
  year: ["nam", "nam danh gia", "year"],
  bands: ["xep loai", "thang xep loai", "class bands", "bands"],
};

/* ---------------------------------------------------------------------------------------------------------------
 * Evidence items in a cell
 * ------------------------------------------------------------------------------------------------------------- */

const decimal = (x: number) => String(x).replace(".", ",");

/** "Tên (0,5 điểm; mục tiêu 0,5; Sở Tư pháp)": the name, then what the item carries beyond it. */
export function formatEvidenceItem(item: EvidenceItem): string {
  const parts: string[] = [];
  const hasPoints = item.points !== null && item.points !== undefined;
  const hasTarget = item.target !== null && item.target !== undefined;
  if (hasPoints) parts.push(`${decimal(item.points!)} điểm`);
  if (hasTarget) parts.push(`mục tiêu ${decimal(item.target!)}`);
  if (item.lead) parts.push(hasPoints || hasTarget ? item.lead : `chủ trì: ${item.lead}`);
  return parts.length === 0 ? item.name : `${item.name} (${parts.join("; ")})`;
}

const NUM = "([+-]?\\d+(?:[.,]\\d+)?)";
const POINTS_RE = new RegExp(`^${NUM}\\s*(?:diem|points?|pts?)$`);
const TARGET_RE = new RegExp(`^(?:muc tieu|target)\\s*:?\\s*${NUM}(?:\\s*(?:diem|points?))?$`);
const LEAD_RE = /^(?:co quan chu tri|chu tri|lead)\s*:/;

const toNumber = (s: string) => Number(s.replace(",", "."));

/** The inverse of formatEvidenceItem: a plain name stays a string. */
export function parseEvidenceItem(line: string): string | EvidenceItem {
  const text = line.trim();
  const m = /^([\s\S]*\S)\s*\(([^()]*)\)$/.exec(text);
  if (!m) return text;
  const item: EvidenceItem = { name: m[1] };
  let bare: string | null = null;
  let explicitLead = false;
  for (const raw of m[2].split(";")) {
    const part = raw.trim();
    const f = fold(part);
    const points = POINTS_RE.exec(f);
    const target = TARGET_RE.exec(f);
    if (points) {
      if (item.points !== undefined) return text;
      item.points = toNumber(points[1]);
    } else if (target) {
      if (item.target !== undefined) return text;
      item.target = toNumber(target[1]);
    } else if (LEAD_RE.test(f) && !explicitLead && bare === null) {
      explicitLead = true;
      item.lead = part.slice(part.indexOf(":") + 1).trim();
      if (!item.lead) return text;
    } else if (bare === null && !explicitLead && part !== "") bare = part;
    else return text;
  }
  const numbers = item.points !== undefined || item.target !== undefined;
  if (bare !== null) {
    if (!numbers) return text;
    item.lead = bare;
  }
  if (!numbers && !explicitLead) return text;
  return item;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Writing
 * ------------------------------------------------------------------------------------------------------------- */

function nodeCell(node: CatalogNode, column: Column): SpecCell {
  const level = codeLevel(node.code);
  const style: CellStyle = { border: true };
  if (level === 1) {
    style.bold = true;
    style.fill = "field";
  } else if (node.children.length > 0) style.bold = true;
  if (WRAPPED.has(column.field)) style.wrap = true;
  let value: SpecCell["value"];
  switch (column.field) {
    case "code":
      value = node.code;
      style.numFmt = "@";
      break;
    case "name":
      value = node.name;
      if (level > 1) style.indent = level - 1;
      break;
    case "max":
    case "target":
      value = node[column.field];
      style.numFmt = "0.00";
      style.align = "right";
      break;
    case "evidence":
      value = node.evidence.length > 0 ? node.evidence.map(formatEvidenceItem).join("\n") : null;
      break;
    case "deadline":
      value = node.deadline;
      style.numFmt = "@";
      break;
    case "kind":
      value = node.kind ? KIND_TEXT[node.kind] : null;
      break;
    case "assessedBy":
      value = node.assessedBy ? ASSESSED_TEXT[node.assessedBy] : null;
      break;
    case "appraisedBy":
      value = node.appraisedBy ?? null;
      break;
    default:
      value = node[column.field];
  }
  return { value, style };
}

/** The catalogue as a worksheet (kind "catalog"): title rows, a frozen header, one row per node. */
export function catalogToSheet(catalog: Catalog, sheetName: string = CATALOG_SHEET_NAME): SheetSpec {
  const width = COLUMNS.length;
  const last = columnLetters(width - 1);
  const blank = (n: number) => Array<SpecCell | null>(n).fill(null);
  const rows: (SpecCell | null)[][] = [
    [{ value: `Bộ tiêu chí: ${catalog.name}`, style: { bold: true, size: 14 } }],
    [
      { value: `Mã bộ tiêu chí: ${catalog.id}`, style: { italic: true } },
      { value: `Xếp loại: ${catalog.bands ?? ""}`, style: { italic: true } },
      ...(catalog.province ? [...blank(4), { value: `Tỉnh, thành phố: ${catalog.province}`, style: { italic: true } }] : []),
    ],
    [
      { value: `Nguồn: ${catalog.source ?? ""}`, style: { italic: true } },
      ...blank(5),
      { value: `Cấp đánh giá: ${catalog.level ? LEVEL_LABELS[catalog.level] : ""}`, style: { italic: true } },
      ...blank(2),
      { value: `Năm: ${catalog.year ?? ""}`, style: { italic: true } },
    ],
    COLUMNS.map((c) => ({ value: c.header, style: { bold: true, fill: "header", wrap: true, border: true, align: "center" } })),
    ...[...walk(catalog.nodes)].map((node) => COLUMNS.map((c) => nodeCell(node, c))),
  ];
  return {
    name: safeSheetName(sheetName, []),
    kind: "catalog",
    rows,
    columnWidths: COLUMNS.map((c) => c.width),
    freeze: { rows: 4, columns: 2 },
    merges: [`A1:${last}1`, "A3:F3", "G3:I3", `J3:${last}3`],
    headerRow: 3,
  };
}

/* ---------------------------------------------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------------------------------------------- */

interface CatalogHeader {
  row: number;
  columns: Partial<Record<Field, number>>;
}

function headerField(value: CellValue): Field | null {
  if (typeof value !== "string") return null;
  const f = fold(value).replace(/[:*.]+$/, "").trim();
  if (!f || f.length > 60) return null;
  return COLUMNS.find((c) => c.aliases.includes(f))?.field ?? null;
}

/** The header row among the first 10: it names at least the code, name, max and rule columns. */
function findCatalogHeader(grid: Grid): CatalogHeader | null {
  const width = gridWidth(grid);
  const rows = Math.min(grid.values.length, HEADER_SEARCH_ROWS);
  for (let row = 0; row < rows; row++) {
    const columns: CatalogHeader["columns"] = {};
    for (let col = 0; col < width; col++) {
      const field = headerField(cellAt(grid, row, col));
      if (field && columns[field] === undefined) columns[field] = col;
    }
    if (REQUIRED.every((f) => columns[f] !== undefined)) return { row, columns };
  }
  return null;
}

/** Whether a worksheet is a catalogue sheet (its criteria table header is in the first 10 rows). */
export function isCatalogSheet(grid: Grid): boolean {
  return findCatalogHeader(grid) !== null;
}

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function shown(v: CellValue): string {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? String(v) : formatDate(dateToSerial(v));
  return String(v);
}

/** A text cell as text (null when blank). A deadline typed as a date, which Excel stores as a serial, reads as dd/mm/yyyy. */
function readText(v: CellValue, field: Field): string | null {
  if (isBlank(v)) return null;
  if (typeof v === "number" && field === "deadline" && Number.isInteger(v) && v > 0 && v < 2_958_466) return formatDate(v);
  return shown(v);
}

type NumberRead = { value: number | null; bad: boolean };

/** A number cell: a number, or text "0,5" / "0.5"; a percentage, a date or words are not points. */
function readNumber(v: CellValue): NumberRead {
  if (isBlank(v)) return { value: null, bad: false };
  if (typeof v === "number") return Number.isFinite(v) ? { value: v, bad: false } : { value: null, bad: true };
  if (typeof v !== "string") return { value: null, bad: true };
  let literal;
  try {
    literal = parseLiteral(v);
  } catch {
    literal = null;
  }
  if (!literal || literal.date || literal.percent) return { value: null, bad: true };
  return { value: literal.value, bad: false };
}

function readLevel(text: string): Level | null | "bad" {
  const f = fold(text)
    .replace(/[^a-z ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^cap /, "");
  if (f === "") return null;
  if (f === "province" || f === "tinh") return "province";
  if (f === "department" || f === "so" || f.startsWith("so ") || f === "nganh" || f === "ban nganh") return "department";
  if (f === "district" || f === "huyen") return "district";
  if (f === "ward" || f === "phuong") return "ward";
  if (f === "commune" || f === "xa") return "commune";
  if (f === "special zone" || f === "dac khu") return "special-zone";
  return "bad";
}

interface Meta {
  value: string;
  cell: string;
}

function readMeta(grid: Grid, headerRow: number): Partial<Record<keyof typeof META_LABELS, Meta>> {
  const found: Partial<Record<keyof typeof META_LABELS, Meta>> = {};
  const width = gridWidth(grid);
  for (let row = 0; row < headerRow; row++) {
    for (let col = 0; col < width; col++) {
      const v = cellAt(grid, row, col);
      if (typeof v !== "string") continue;
      const m = /^([^:\n]{1,40}):([\s\S]*)$/.exec(v.trim());
      if (!m) continue;
      const label = fold(m[1]);
      for (const [key, labels] of Object.entries(META_LABELS) as [keyof typeof META_LABELS, string[]][]) {
        if (labels.includes(label) && !found[key]) found[key] = { value: m[2].trim(), cell: a1(row, col) };
      }
    }
  }
  return found;
}

interface RowNode {
  code: string;
  row: number;
  /** The node as read, before validation: the schema's input shape, with plain evidence items. */
  raw: Omit<CatalogNodeInput, "children" | "evidence"> & { evidence: Array<string | EvidenceItem>; children: RowNode["raw"][] };
}

/** Maps a field of a catalogue issue to its column (unknown fields point at the code). */
const ISSUE_FIELDS: Partial<Record<string, Field>> = {
  code: "code",
  name: "name",
  max: "max",
  target: "target",
  targetText: "targetText",
  rule: "rule",
  evidence: "evidence",
  points: "evidence",
  lead: "lead",
  evidenceRequirement: "evidenceRequirement",
  deadline: "deadline",
  coordinating: "coordinating",
  kind: "kind",
  assessedBy: "assessedBy",
  appraisedBy: "appraisedBy",
};

/**
 * Reads a catalogue sheet back: the title cells give id, name, source, level and year (`fallbackId` when the
 * sheet names no id); each row below the header is a node, its parent the row whose code is its own minus the last
 * segment. Numbers may be written 0,5 or 0.5; each rule is parsed (an error points at the rule's cell and says at
 * which character). Finally the core's catalogue validation runs (maxima summing up etc.), its problems placed
 * at the cell concerned (a parent's max for a sum mismatch). The catalogue is null when any issue is an error.
 */
export function readCatalogSheet(grid: Grid, fallbackId?: string, lang: Lang = "vi"): { catalog: Catalog | null; issues: SheetIssue[] } {
  const issues: SheetIssue[] = [];
  const sheet = grid.name;
  const issue = (severity: Severity, cell: string, code: string | null, message: string) => issues.push({ sheet, cell, code, message, severity });

  const header = findCatalogHeader(grid);
  if (!header) {
    issue("error", "A1", null, t("catalogSheet.noHeader", { sheet }, lang));
    return { catalog: null, issues };
  }
  const col = header.columns;
  const cellOf = (row: number, field: Field) => a1(row, col[field] ?? col.code!);

  // Title cells.
  const meta = readMeta(grid, header.row);
  const idCell = meta.id?.cell ?? a1(Math.max(0, Math.min(1, header.row - 1)), 0);
  let id = meta.id?.value || fallbackId?.trim() || "";
  if (!id) {
    issue("error", idCell, null, t("catalogSheet.noId", {}, lang));
  } else if (!/^[a-z0-9][a-z0-9-]*$/.test(id)) {
    issue("error", meta.id?.value ? idCell : "A1", null, t("catalogSheet.badId", { id }, lang));
    id = "";
  }
  let name = meta.name?.value ?? "";
  if (!name) {
    name = id || "catalog";
    issue("warning", meta.name?.cell ?? "A1", null, t("catalogSheet.noName", { id: name }, lang));
  }
  let level: Level | null = null;
  if (meta.level) {
    const read = readLevel(meta.level.value);
    if (read === "bad") issue("warning", meta.level.cell, null, t("catalogSheet.badLevel", { text: meta.level.value }, lang));
    else level = read;
  }
  let year: number | null = null;
  if (meta.year && meta.year.value !== "") {
    const y = /^\d{4}$/.test(meta.year.value) ? Number(meta.year.value) : NaN;
    if (y >= 1900 && y <= 2200) year = y;
    else issue("warning", meta.year.cell, null, t("catalogSheet.badYear", { text: meta.year.value }, lang));
  }

  // Criterion rows.
  const nodes: RowNode[] = [];
  const byCode = new Map<string, RowNode>();
  const fields = COLUMNS.map((c) => c.field).filter((f) => col[f] !== undefined);
  const value = (row: number, field: Field): CellValue => (col[field] === undefined ? null : cellAt(grid, row, col[field]!));
  for (let row = header.row + 1; row < grid.values.length; row++) {
    if (fields.every((f) => isBlank(value(row, f)))) continue;
    const codeValue = value(row, "code");
    const codeCell = cellOf(row, "code");
    if (isBlank(codeValue)) {
      issue("warning", codeCell, null, t("catalogSheet.noCode", { row: row + 1 }, lang));
      continue;
    }
    const codeText = typeof codeValue === "number" || typeof codeValue === "string" ? normalizeCode(codeValue).replace(/\s+/g, "") : "";
    if (!/^\d+(\.\d+)*$/.test(codeText)) {
      issue("error", codeCell, null, t("catalogSheet.badCode", { text: shown(codeValue) }, lang));
      continue;
    }
    const code = codeText;
    const first = byCode.get(code);
    if (first) {
      issue("error", codeCell, code, t("catalogSheet.duplicateCode", { code, row: first.row + 1 }, lang));
      continue;
    }

    let nodeName = readText(value(row, "name"), "name");
    if (nodeName === null) {
      issue("error", cellOf(row, "name"), code, t("catalogSheet.emptyName", { code }, lang));
      nodeName = code;
    }
    const number = (field: "max" | "target"): number | null => {
      const cellValue = value(row, field);
      const read = readNumber(cellValue);
      const label = t(field === "max" ? "label.max" : "label.target", {}, lang);
      if (read.bad) {
        const message = t("catalogSheet.badNumber", { label, code, text: shown(cellValue) }, lang);
        issue("error", cellOf(row, field), code, message.charAt(0).toUpperCase() + message.slice(1));
        return null;
      }
      if (field === "max" && read.value !== null && read.value < 0) {
        issue("error", cellOf(row, field), code, t("catalogSheet.negativeMax", { code, text: shown(cellValue) }, lang));
        return null;
      }
      return read.value;
    };
    const max = number("max");
    const target = number("target");
    const rule = readText(value(row, "rule"), "rule");
    if (rule !== null && rule.trim() !== "") {
      try {
        parseRule(rule);
      } catch (e) {
        if (!(e instanceof ParError)) throw e;
        issue("error", cellOf(row, "rule"), code, t("catalogSheet.badRule", { code, detail: e.text(lang) }, lang));
      }
    }
    const word = <T extends string>(field: "kind" | "assessedBy", words: Record<string, T>, shownAs: Record<string, string>): T | null => {
      const text = readText(value(row, field), field);
      if (text === null) return null;
      const read = words[fold(text).replace(/[.:]+$/, "")];
      if (read) return read;
      const allowed = Object.values(shownAs).map((w) => `"${w}"`).join(", ");
      issue("error", cellOf(row, field), code, t("catalogSheet.badWord", { code, text, allowed }, lang));
      return null;
    };
    const kind = word("kind", KIND_WORDS, KIND_TEXT);
    const assessedBy = word("assessedBy", ASSESSED_WORDS, ASSESSED_TEXT);
    const evidenceText = readText(value(row, "evidence"), "evidence");
    const evidence = (evidenceText ?? "")
      .split(/\r\n|\r|\n/)
      .map((l) => l.trim().replace(/^[-+•]\s+/, ""))
      .filter((l) => l !== "")
      .map(parseEvidenceItem);
    const node: RowNode = {
      code,
      row,
      raw: {
        code,
        name: nodeName,
        max,
        target,
        targetText: readText(value(row, "targetText"), "targetText"),
        rule,
        evidence,
        evidenceRequirement: readText(value(row, "evidenceRequirement"), "evidenceRequirement"),
        deadline: readText(value(row, "deadline"), "deadline"),
        lead: readText(value(row, "lead"), "lead"),
        coordinating: readText(value(row, "coordinating"), "coordinating"),
        appraisedBy: readText(value(row, "appraisedBy"), "appraisedBy"),
        ...(kind ? { kind } : {}),
        ...(assessedBy ? { assessedBy } : {}),
        children: [],
      },
    };
    nodes.push(node);
    byCode.set(code, node);
  }

  // The tree, from the codes.
  const roots: RowNode["raw"][] = [];
  for (const node of nodes) {
    const dot = node.code.lastIndexOf(".");
    if (dot < 0) {
      roots.push(node.raw);
      continue;
    }
    const parentCode = node.code.slice(0, dot);
    const parent = byCode.get(parentCode);
    if (parent) parent.raw.children.push(node.raw);
    else issue("error", cellOf(node.row, "code"), node.code, t("catalogSheet.noParent", { code: node.code, parent: parentCode }, lang));
  }
  if (nodes.length === 0) {
    issue("error", cellOf(header.row, "code"), null, t("catalogSheet.noRows", { row: header.row + 1 }, lang));
    return { catalog: null, issues };
  }

  // The core's own checks (sums, schema), placed at the cell they concern.
  let catalog: Catalog | null = null;
  try {
    const bands = meta.bands?.value || null;
    catalog = parseCatalog({ id: id || "catalog", name, source: meta.source?.value || null, level, ...(meta.province?.value ? { province: meta.province.value } : {}), year, bands, nodes: roots }, sheet, lang);
  } catch (e) {
    if (!(e instanceof CatalogError)) throw e;
    const taken = new Set(issues.filter((i) => i.severity === "error").map((i) => i.cell));
    for (const ci of e.issues) {
      const node = ci.code !== null ? byCode.get(ci.code) : undefined;
      const field = ci.field !== null ? ISSUE_FIELDS[ci.field] : undefined;
      const cell = node ? cellOf(node.row, field ?? "code") : ci.field === "id" ? idCell : ci.field === "bands" && meta.bands ? meta.bands.cell : "A1";
      if (taken.has(cell)) continue;
      taken.add(cell);
      const detail = ci.code && !ci.message.includes(ci.code) ? `${ci.code}: ${ci.message}` : ci.message;
      issue("error", cell, ci.code, t("catalogSheet.issue", { detail }, lang));
    }
    if (!issues.some((i) => i.severity === "error")) issue("error", "A1", null, e.text(lang));
  }
  return { catalog: issues.some((i) => i.severity === "error") ? null : catalog, issues };
}
