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
 * Codes as written (1, 1.1, 1.1.1) or within fields (I, 1, a); a field named in capitals may have no code. Under a
 * criterion, rows with an empty code cell are its bands ("wording: points", or the wording with its points in the
 * max column); so are the lines of a "Hướng dẫn chấm điểm" cell. Bands become a rule (wording.ts); a criterion
 * whose wording cannot all be turned into bands keeps the wording as its evidenceRequirement, has no rule, and each
 * such line is listed with its cell — never guessed. A field named "Điểm thưởng"/"Điểm cộng" is a bonus section,
 * "Điểm trừ" a penalty section, "Điều tra xã hội học" a survey part. A parent's stated max that differs from its
 * children's sum is an error at its cell (not silently replaced).
 */
import { a1, cellAt, Grid, gridWidth } from "../grid";
import { figure, Lang, t } from "../i18n/messages";
import { ParError } from "../errors";
import { parseRule } from "../rules";
import { findHeader } from "../sheet/headers";
import { mayBeRelative, readCode, relativeCodes } from "../sheet/codes";
import { CellValue, fold, parseLiteral } from "../values";
import type { Severity } from "../validate/types";
import { CatalogError, parseCatalog } from "./load";
import { AssessedBy, Catalog, CatalogNodeInput, SectionKind } from "./schema";
import { isCatalogSheet, SheetIssue } from "./sheet";
import { bandFromWording, WordingReason } from "./wording";

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

export interface TableImport {
  catalog: Catalog | null;
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
}

const GUIDANCE = ["huong dan cham diem", "cach cham diem", "phuong phap cham diem", "cach tinh diem", "thang diem", "cach thuc cham diem", "scoring"];
const TOTAL = /^(?:tong cong|tong diem|tong so diem|tong)\b/;
const BULLET = /^[-+•*–]$/;

/** The header of a published table: code, name and max columns, and none of a unit's score columns. */
function tableHeader(grid: Grid) {
  const header = findHeader(grid);
  if (!header) return null;
  const c = header.columns;
  if (c.code === undefined || c.name === undefined || c.max === undefined) return null;
  if (c.value !== undefined || c.self !== undefined || c.appraised !== undefined || c.survey !== undefined) return null;
  const guidance = header.found.find((h) => h.role === null && GUIDANCE.some((g) => fold(h.text).startsWith(g)))?.col;
  return { ...header, guidance };
}

/** Whether a sheet is a published criteria table (and not PAR Scorer's own catalogue sheet). */
export function isCatalogTable(grid: Grid): boolean {
  return !isCatalogSheet(grid) && tableHeader(grid) !== null;
}

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const textOf = (v: CellValue) => (isBlank(v) ? "" : v instanceof Date ? "" : String(v).trim());

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

function partOf(name: string): { kind?: SectionKind; assessedBy?: AssessedBy } {
  const f = fold(name);
  if (/\bdiem (?:thuong|cong)\b/.test(f)) return { kind: "bonus" };
  if (/\bdiem tru\b/.test(f)) return { kind: "penalty" };
  if (/\bdieu tra (?:xa hoi hoc|xhh)\b|\bdtxhh\b/.test(f)) return { assessedBy: "survey" };
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
  maxCell: string;
  raw: CatalogNodeInput & { children: RowNode["raw"][] };
  bands: { text: string; cell: string; points: number | null }[];
  parent: RowNode | null;
  children: RowNode[];
}

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
  const issue = (severity: Severity, cell: string, code: string | null, message: string) => issues.push({ sheet, cell, code, message, severity });
  const result = (catalog: Catalog | null, numbering: TableImport["numbering"], rules: number): TableImport => ({
    catalog: issues.some((i) => i.severity === "error") ? null : catalog,
    issues,
    unconverted,
    detected,
    numbering,
    rules,
  });

  const header = tableHeader(grid);
  if (!header) {
    issue("error", "A1", null, t("import.noHeader", { sheet }, lang));
    return result(null, "literal", 0);
  }
  const col = header.columns as Required<Pick<typeof header.columns, "code" | "name" | "max">> & typeof header.columns;

  // The rows of the table: coded rows, fields in capitals without a code, band lines.
  type Line = { row: number; code: CellValue; name: string; max: CellValue; kind: "coded" | "field" | "band" | "total" };
  const lines: Line[] = [];
  for (let row = header.row + 1; row < grid.values.length; row++) {
    if (row === header.numberingRow) continue;
    const code = cellAt(grid, row, col.code);
    const name = textOf(cellAt(grid, row, col.name));
    const max = cellAt(grid, row, col.max);
    const codeText = textOf(code);
    const guidance = header.guidance !== undefined ? textOf(cellAt(grid, row, header.guidance)) : "";
    if (!codeText && !name && isBlank(max) && !guidance) continue;
    if (!codeText || BULLET.test(codeText)) {
      if (TOTAL.test(fold(name))) lines.push({ row, code: null, name, max, kind: "total" });
      else if (inCapitals(name) && !bandFromWordingLooksLike(name)) lines.push({ row, code: null, name, max, kind: "field" });
      else lines.push({ row, code: null, name, max, kind: "band" });
      continue;
    }
    lines.push({ row, code, name, max, kind: "coded" });
  }

  // Codes: as written, or within fields; a field without a code is numbered after the field before it.
  const coded = lines.filter((l) => l.kind === "coded" || l.kind === "field");
  const relative = mayBeRelative(coded.filter((l) => l.kind === "coded").map((l) => l.code));
  let fields = 0;
  const values = coded.map((l) => {
    if (l.kind === "field") return roman(++fields);
    const text = textOf(l.code);
    if (relative ? /^[IVX]{1,5}\.?$/.test(text) : /^\d+\.?$/.test(text) || /^[IVX]{1,5}\.?$/.test(text)) fields++;
    return l.code;
  });
  const codes = relative ? relativeCodes(values) : values.map(readCode);

  const nodes: RowNode[] = [];
  const byCode = new Map<string, RowNode>();
  let current: RowNode | null = null;
  let totalMax: { value: number; cell: string } | null = null;
  let codedIndex = 0;
  for (const line of lines) {
    const nameCell = a1(line.row, col.name);
    if (line.kind === "total") {
      const v = readPoints(line.max);
      if (typeof v === "number") totalMax = { value: v, cell: a1(line.row, col.max) };
      current = null;
      continue;
    }
    if (line.kind === "band") {
      if (!current) {
        issue("warning", nameCell, null, t("import.strayText", { text: short(line.name) }, lang));
        continue;
      }
      const points = readPoints(line.max);
      current.bands.push({ text: line.name, cell: nameCell, points: typeof points === "number" ? points : null });
      continue;
    }
    const code = codes[codedIndex++];
    const codeCell = a1(line.row, col.code);
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
      maxCell: a1(line.row, col.max),
      raw: { code, name: line.name || code, max: typeof maxRead === "number" ? maxRead : null, children: [] },
      bands: [],
      parent: null,
      children: [],
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
    current = node;
  }
  const numbering = relative ? "relative" : "literal";
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
  const markParts = (node: RowNode, inSurvey: boolean) => {
    const part = partOf(node.raw.name);
    if (part.kind && !node.parent) {
      node.raw.kind = part.kind;
      if (node.raw.max !== null && node.raw.max! < 0 && part.kind === "penalty") node.raw.max = -node.raw.max!;
      detected.push({ code: node.code, name: node.raw.name, cell: node.cell, kind: part.kind });
    } else if (part.assessedBy && !inSurvey && !node.parent?.raw.kind) {
      node.raw.assessedBy = part.assessedBy;
      detected.push({ code: node.code, name: node.raw.name, cell: node.cell, assessedBy: part.assessedBy });
    }
    node.children.forEach((c) => markParts(c, inSurvey || node.raw.assessedBy === "survey"));
  };
  roots.forEach((r) => markParts(r, false));
  for (const node of nodes) {
    if (node.raw.max !== null && node.raw.max! < 0) {
      issue("error", node.maxCell, node.code, t("import.badMax", { code: node.code, text: String(node.raw.max) }, lang));
    }
  }

  // Bands → rules; wording that does not convert stays as the requirement, listed at its cell.
  let rules = 0;
  for (const node of nodes) {
    if (node.bands.length === 0) continue;
    const keep = (reason: UnconvertedWording["reason"], band: RowNode["bands"][number]) => {
      unconverted.push({ sheet, cell: band.cell, code: node.code, text: band.text, reason });
      issue("warning", band.cell, node.code, t("import.unconverted", { code: node.code, text: short(band.text), reason: t(`import.reason.${reason}`, {}, lang) }, lang));
    };
    const converted: string[] = [];
    const failed: { band: RowNode["bands"][number]; reason: UnconvertedWording["reason"] }[] = [];
    for (const band of node.bands) {
      if (node.children.length > 0) {
        failed.push({ band, reason: "underParent" });
        continue;
      }
      const read = bandFromWording(band.text, band.points);
      if ("reason" in read) failed.push({ band, reason: read.reason });
      else converted.push(read.band);
    }
    if (failed.length === 0) {
      const rule = converted.join("; ");
      try {
        parseRule(rule);
        node.raw.rule = rule;
        rules++;
        continue;
      } catch (e) {
        if (!(e instanceof ParError)) throw e;
        node.bands.forEach((band) => failed.push({ band, reason: "duplicateOutcome" }));
      }
    }
    failed.forEach((f) => keep(f.reason, f.band));
    node.raw.evidenceRequirement = [node.raw.evidenceRequirement, ...node.bands.map((b) => b.text)].filter(Boolean).join("\n");
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
  if (catalog && totalMax) {
    const sum = catalog.nodes.filter((n) => !n.kind).reduce((a, n) => a + (n.max ?? sumOf(byCode.get(n.code)!) ?? 0), 0);
    if (Math.abs(sum - totalMax.value) > 1e-6) {
      issue("warning", totalMax.cell, null, t("import.totalMismatch", { total: figure(totalMax.value), sum: figure(sum) }, lang));
    }
  }
  return result(catalog, numbering, rules);
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
