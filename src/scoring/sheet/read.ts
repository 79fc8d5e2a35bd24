import { squashSpaces } from "../text";
import { a1, cellAddress, cellAt, CellRect, columnLetters, formulaAt, Grid, gridWidth, parseA1 } from "../grid";
import { CellValue, fold } from "../values";
import { mayBeRelative, readCode, relativeCodes } from "./codes";
import { findHeader } from "./headers";
import { CodeSource } from "./ledger";
import { frameRows } from "./ledger-build";
import { bandPoints, codeAtNameStart, codeInWords, hasBandMarker, isTotalText, sectionWord } from "./row-kinds";
import { ColumnRole, FigureRole, HeaderMap, OtherRow, UnitCell, UnitRow, UnitSheet } from "./types";

const UNIT_LABELS = [
  "don vi",
  "ten don vi",
  "don vi duoc tham dinh",
  "don vi duoc danh gia",
  "don vi tu danh gia",
  "co quan",
  "ten co quan",
  "co quan duoc tham dinh",
  "unit",
];
const CATALOG_LABELS = ["bo tieu chi", "ma bo tieu chi", "catalogue", "catalog"];

/** "Đơn vị: Sở Tư pháp" → "Sở Tư pháp" when the label (folded) is one of `labels`. */
function labelled(text: unknown, labels: string[]): string | null {
  if (typeof text !== "string") return null;
  const colon = text.indexOf(":");
  if (colon < 0) return null;
  const label = fold(text.slice(0, colon));
  const rest = text.slice(colon + 1).trim();
  return rest && labels.includes(label) ? rest : null;
}

/** Scans the title rows (above the header) for a labelled value, also in the cell right of a bare label. */
function titleValue(grid: Grid, headerTop: number, labels: string[]): string | null {
  const width = gridWidth(grid);
  for (let row = 0; row < headerTop; row++) {
    for (let col = 0; col < width; col++) {
      const cell = cellAt(grid, row, col);
      const inline = labelled(cell, labels);
      if (inline) return inline;
      if (typeof cell === "string" && labels.includes(fold(cell).replace(/:$/, ""))) {
        const next = cellAt(grid, row, col + 1);
        if (typeof next === "string" && next.trim()) return next.trim();
      }
    }
  }
  return null;
}

/** How the name of an administrative body starts (folded): "SỞ TƯ PHÁP", "UBND HUYỆN MƯỜNG CHÀ", "BAN DÂN TỘC". */
const BODY_PREFIXES = [
  "so ",
  "ubnd ",
  "uy ban nhan dan ",
  "hdnd ",
  "ban ",
  "van phong ",
  "thanh tra ",
  "phong ",
  "chi cuc ",
  "cuc ",
  "trung tam ",
  "dai phat thanh",
  "tong cuc ",
];

/**
 * A title line naming the body that issued the sheet, in capitals as Vietnamese documents head them ("SỞ TƯ
 * PHÁP", "UBND HUYỆN MƯỜNG CHÀ"). Of several (a superior body above its unit), the last one is the unit.
 */
function bodyTitle(grid: Grid, headerTop: number): string | null {
  const width = gridWidth(grid);
  let found: string | null = null;
  for (let row = 0; row < headerTop; row++) {
    for (let col = 0; col < width; col++) {
      const cell = cellAt(grid, row, col);
      if (typeof cell !== "string") continue;
      const text = cell.replace(/\s+/g, " ").trim();
      if (text.length < 4 || text.length > 120 || text !== text.toLocaleUpperCase("vi")) continue;
      const folded = fold(text);
      if (BODY_PREFIXES.some((p) => folded.startsWith(p))) found = text;
    }
  }
  return found;
}

/** Words kept in capitals in a body's name. */
const ABBREVIATIONS = new Set(["ubnd", "hdnd", "mttq", "cchc", "ptth", "qlda", "bql", "ctxh", "tnhh", "vnpt"]);
/** Administrative levels (folded), written in lower case before a place name in Title Case ("huyện Mường Chà"). */
const LEVELS = ["thanh pho", "thi xa", "thi tran", "tinh", "huyen", "xa", "phuong", "quan"];
/** Two-word heads of a body's name ("Văn phòng", "Chi cục"): the second word in lower case. */
const TWO_WORD_HEADS = ["van phong", "chi cuc", "trung tam", "thanh tra", "tong cuc", "uy ban", "dai phat"];

const capital = (w: string) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1).toLocaleLowerCase("vi");

/**
 * A body's name typed in capitals, in its usual case: "SỞ Y TẾ" → "Sở Y tế", "UBND HUYỆN ĐIỆN BIÊN ĐÔNG" → "UBND
 * huyện Điện Biên Đông", "SỞ KẾ HOẠCH VÀ ĐẦU TƯ" → "Sở Kế hoạch và Đầu tư". Text not all in capitals is as it is.
 */
export function usualCase(name: string): string {
  const text = name.replace(/\s+/g, " ").trim();
  if (!/\p{Lu}/u.test(text) || text !== text.toLocaleUpperCase("vi") || /\p{Ll}/u.test(text)) return name;
  const words = text.split(" ");
  const out: string[] = [];
  // head: the body's first word; first: the word after it; lower: the rest; place: a place name after a level.
  let mode: "head" | "first" | "lower" | "place" = "head";
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const folded = fold(word);
    const pair = i + 1 < words.length ? `${folded} ${fold(words[i + 1])}` : "";
    if (ABBREVIATIONS.has(folded.replace(/[^a-z]/g, ""))) {
      out.push(word);
      if (mode === "head") mode = "first";
      continue;
    }
    if (LEVELS.includes(pair)) {
      out.push(word.toLocaleLowerCase("vi"), words[++i].toLocaleLowerCase("vi"));
      mode = "place";
      continue;
    }
    if (LEVELS.includes(folded) && mode !== "place" && mode !== "head") {
      out.push(word.toLocaleLowerCase("vi"));
      mode = "place";
      continue;
    }
    if (mode === "head") {
      if (TWO_WORD_HEADS.includes(pair)) out.push(capital(word), words[++i].toLocaleLowerCase("vi"));
      else out.push(capital(word));
      mode = "first";
    } else if (mode === "first" || mode === "place") {
      out.push(capital(word));
      if (mode === "first") mode = "lower";
    } else {
      out.push(word.toLocaleLowerCase("vi"));
      if (folded === "va") mode = "first";
    }
  }
  return out.join(" ");
}

/** The assessment year a title states ("… NĂM 2018", "Năm 2025"), else the sheet's name, else null. */
function titleYear(grid: Grid, headerTop: number): number | null {
  const width = gridWidth(grid);
  const yearIn = (text: string): number | null => {
    const m = /\bnam\s+((?:19|20)\d\d)\b/.exec(fold(text));
    return m ? Number(m[1]) : null;
  };
  for (let row = 0; row < headerTop; row++) {
    for (let col = 0; col < width; col++) {
      const cell = cellAt(grid, row, col);
      const year = typeof cell === "string" ? yearIn(cell) : null;
      if (year) return year;
    }
  }
  return yearIn(grid.name);
}

/** The unit's name: a label ("Đơn vị được thẩm định:") wins over a letterhead; a name in capitals in usual case. */
function unitName(grid: Grid, headerTop: number): string | null {
  const name = titleValue(grid, headerTop, UNIT_LABELS) ?? bodyTitle(grid, headerTop);
  return name === null ? null : usualCase(name);
}

/** The file name without folder and extension: the unit's name when the sheet states none. */
export function unitNameFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.[^.]+$/, "");
}

/** For cells covered by a merge (other than its top-left), the merge's top-left cell; built once per sheet. */
function mergedOrigin(merges: CellRect[] | undefined, columns: number[]): (row: number, col: number) => { row: number; col: number } | null {
  const byColumn = new Map<number, CellRect[]>();
  for (const m of merges ?? []) {
    if (m.bottom === m.top) continue;
    for (const col of columns) {
      if (col < m.left || col > m.right) continue;
      let list = byColumn.get(col);
      if (!list) byColumn.set(col, (list = []));
      list.push(m);
    }
  }
  if (byColumn.size === 0) return () => null;
  return (row, col) => {
    const m = byColumn.get(col)?.find((r) => row >= r.top && row <= r.bottom);
    return m && (m.top !== row || m.left !== col) ? { row: m.top, col: m.left } : null;
  };
}

/** Columns whose cell, merged down over several criterion rows, belongs to every row it covers. */
const SHARED_WHEN_MERGED: ColumnRole[] = ["name", "evidence", "notes", "appraisalReason", "explanation", "finalReason"];

type CellOf = (role: Exclude<ColumnRole, "code">, row: number) => UnitCell | null;

/** How a sheet's cells are read: by role (any row), and by column with the row's number as text (criterion rows). */
interface CellReader {
  cellOf: CellOf;
  /** The cell in `col` of `row`, its merge's top-left cell when `shared`; null without the column. */
  at: (row: number, col: number | undefined, shared: boolean) => UnitCell | null;
  /** The value cellOf's cell would hold (null without the column), without making the cell. */
  valueOf: (role: Exclude<ColumnRole, "code">, row: number) => CellValue;
}

/** The cell of a role in a row: a merged cell's own (name, evidence, notes) is its merge's top-left cell. */
function cellReader(grid: Grid, header: HeaderMap): CellReader {
  const shared = SHARED_WHEN_MERGED.map((r) => header.columns[r]).filter((c): c is number => c !== undefined);
  const origin = grid.merges?.length ? mergedOrigin(grid.merges, shared) : null;
  const { values, formulas } = grid;
  // As cellAt, formulaAt and a1, without their calls: every criterion row reads a dozen cells this way.
  const at = (row: number, col: number | undefined, sharedWhenMerged: boolean): UnitCell | null => {
    if (col === undefined) return null;
    const from = origin && sharedWhenMerged ? origin(row, col) : null;
    if (from) return { value: cellAt(grid, from.row, from.col), cell: cellAddress(from.row, from.col) };
    const line = values[row];
    const value = line === undefined || line === null ? null : (line[col] ?? null);
    const formula = formulas ? (formulas[row]?.[col] ?? null) : null;
    const cell = cellAddress(row, col);
    return formula ? { value, cell, formula } : { value, cell };
  };
  const cellOf: CellOf = (role, row) => at(row, header.columns[role], SHARED_WHEN_MERGED.includes(role));
  const valueOf = (role: Exclude<ColumnRole, "code">, row: number): CellValue => {
    const col = header.columns[role];
    if (col === undefined) return null;
    const from = origin && SHARED_WHEN_MERGED.includes(role) ? origin(row, col) : null;
    return from ? cellAt(grid, from.row, from.col) : cellAt(grid, row, col);
  };
  return { cellOf, at, valueOf };
}

/** A row of the table with a code: where it is, the code, and where the code was read. */
interface Coded {
  row: number;
  code: string;
  source: CodeSource;
}

function unitRows(grid: Grid, header: HeaderMap, coded: Coded[], { at }: CellReader): UnitRow[] {
  const c = header.columns;
  const codeCol = c.code!;
  const nameCol = c.name;
  return coded.map(({ row, code, source }) => {
    // A code read from the name points at the name cell.
    const col = source === "name-start" && nameCol !== undefined ? nameCol : codeCol;
    // One literal, its properties in the order of UnitRow: every row object has the same shape from the start.
    // Name, evidence, notes and the reasons are the columns shared when merged (SHARED_WHEN_MERGED).
    return {
      row,
      code,
      codeCell: { value: cellAt(grid, row, col), cell: cellAddress(row, col) },
      codeSource: source,
      name: at(row, nameCol, true),
      max: at(row, c.max, false),
      value: at(row, c.value, false),
      self: at(row, c.self, false),
      appraised: at(row, c.appraised, false),
      survey: at(row, c.survey, false),
      evidence: at(row, c.evidence, true),
      notes: at(row, c.notes, true),
      final: at(row, c.final, false),
      appraisalReason: at(row, c.appraisalReason, true),
      explanation: at(row, c.explanation, true),
      finalReason: at(row, c.finalReason, true),
    };
  });
}

const isBlank = (v: CellValue) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");
const textOf = (v: CellValue) => (typeof v === "string" ? squashSpaces(v) : "");

/** The table's rows below the header that hold anything (the column-numbering row aside). */
function tableRows(grid: Grid, header: HeaderMap): number[] {
  const rows: number[] = [];
  for (let row = header.row + 1; row < grid.values.length; row++) {
    if (row === header.numberingRow) continue;
    const line = grid.values[row];
    if (line && holdsSomething(line)) rows.push(row);
  }
  return rows;
}

/** Whether a row has a cell that is not blank (a loop, not .some(): no closure for each of a sheet's rows). */
function holdsSomething(line: CellValue[]): boolean {
  for (let col = 0; col < line.length; col++) if (!isBlank(line[col])) return true;
  return false;
}

/**
 * Whether the code column is a running counter: ten or more whole numbers, each one more than the one before
 * (1, 2, 3 …), and no dotted code or Roman numeral among them. Such numbers are row numbers, not criterion codes.
 */
export function isRunningCounter(values: CellValue[]): boolean {
  let count = 0;
  let previous = 0;
  for (const v of values) {
    if (isBlank(v)) continue;
    const n = typeof v === "number" ? v : typeof v === "string" && /^\s*\d{1,4}\.?\s*$/.test(v) ? Number(v.replace(".", "")) : NaN;
    if (Number.isNaN(n)) {
      if (typeof v === "string" && (/^\s*[IVX]{1,5}\.?\s*$/.test(v) || /\d[.,]\d/.test(v))) return false;
      continue;
    }
    if (!Number.isInteger(n) || n !== previous + 1) return false;
    previous = n;
    count++;
  }
  return count >= 10;
}

/** Figures' columns of a row that hold something (for a row that is not a criterion). */
const FIGURE_ROLES: FigureRole[] = ["max", "value", "self", "appraised", "final", "survey"];
const SCORE_ROLES: FigureRole[] = ["self", "appraised", "final", "survey"];

function otherRow(grid: Grid, header: HeaderMap, row: number, cellOf: CellOf): OtherRow {
  const codeText = textOf(cellAt(grid, row, header.columns.code!));
  const nameText = header.columns.name !== undefined ? textOf(cellOf("name", row)?.value ?? null) : "";
  const line = grid.values[row] ?? [];
  const anyText = line.map((v) => textOf(v ?? null)).find((t) => t !== "") ?? "";
  const text = [codeText, nameText].filter((t) => t !== "" && !/^[-+•*–]$/.test(t)).join(" ") || anyText;
  const firstCol = line.findIndex((v) => !isBlank(v ?? null));
  const cells: OtherRow["cells"] = {};
  for (const role of FIGURE_ROLES) {
    const cell = cellOf(role, row);
    if (cell && !isBlank(cell.value)) cells[role] = cell;
  }
  const base = { row, text, cells, cell: a1(row, Math.max(0, firstCol)), evidence: cellOf("evidence", row), notes: cellOf("notes", row) };
  const label = nameText || codeText || anyText;
  if (isTotalText(codeText) || isTotalText(label)) return { ...base, kind: "total", points: null };
  const section = sectionWord(label) ?? sectionWord(codeText);
  if (section) return { ...base, kind: section === "penalty" ? "penalty" : "bonus", points: null, section };
  const points = bandPoints(nameText || anyText);
  if (points !== null) return { ...base, kind: "band", points };
  // A band row chosen by a mark, whose points are in the score cell: "- Ban hành kịp thời" with 1 typed beside it.
  if ((hasBandMarker(codeText) || hasBandMarker(nameText)) && codeText.length <= 3) return { ...base, kind: "band", points: null };
  const scored = SCORE_ROLES.some((role) => cells[role] !== undefined);
  return { ...base, kind: scored || !text ? "not-understood" : "text", points: null };
}

/**
 * Reads a unit's self-assessment sheet: finds the header (one to three rows, merged cells read as their merge),
 * maps columns by header text, and reads every non-empty row below it. A row is a criterion row when a code can be
 * read: from the code column ("1.1.1", "I", "1.1."), from words ("Tiêu chí 1.2", "TC 1.1", "Lĩnh vực I"), or from
 * the start of the name ("1.1. Kế hoạch…") when the code column is blank or a running counter. Every other row is
 * kept in `others` (band, total, bonus/penalty, text, not understood). When the code column can also be read
 * relatively (Roman numerals, letters) both readings are kept: resolveNumbering picks the one that matches the
 * catalogue. Returns null when the grid has no recognisable header.
 */
export function readUnitSheet(grid: Grid, fallbackUnit: string): UnitSheet | null {
  const header = findHeader(grid);
  if (!header) return null;
  const codeCol = header.columns.code!;
  const reader = cellReader(grid, header);
  const { cellOf } = reader;
  const rows = tableRows(grid, header);
  const codeValues = rows.map((row) => cellAt(grid, row, codeCol));
  const counter = isRunningCounter(codeValues);
  const coded: Coded[] = [];
  const others: OtherRow[] = [];
  // Code-column values read relatively: rows whose code came from the code column, or had none but a value there.
  const relativeRows: number[] = [];
  const relativeValues: CellValue[] = [];
  const fixed: Coded[] = [];
  rows.forEach((row, i) => {
    const value = codeValues[i];
    const fromColumn = counter ? null : readCode(value);
    if (fromColumn) {
      coded.push({ row, code: fromColumn, source: "code-column" });
      relativeRows.push(row);
      relativeValues.push(value);
      return;
    }
    // The code column's text and the name, only for a row whose code column gives no code.
    const codeText = textOf(value);
    const name = header.columns.name !== undefined ? textOf(reader.valueOf("name", row)) : "";
    const words = (codeText && codeInWords(codeText)) || (name && codeInWords(name));
    if (words) {
      coded.push({ row, code: words, source: "words" });
      fixed.push({ row, code: words, source: "words" });
      return;
    }
    const markerOnly = !codeText || /^[-+•*–]$/.test(codeText);
    const atStart = (counter || markerOnly) && name ? codeAtNameStart(name) : null;
    if (atStart) {
      coded.push({ row, code: atStart, source: "name-start" });
      fixed.push({ row, code: atStart, source: "name-start" });
      return;
    }
    others.push(otherRow(grid, header, row, cellOf));
    if (!isBlank(value) && !counter) {
      relativeRows.push(row);
      relativeValues.push(value);
    }
  });
  const literal = unitRows(grid, header, coded, reader);
  let alternative: UnitSheet["alternative"];
  if (!counter && mayBeRelative(relativeValues)) {
    const relative = relativeCodes(relativeValues);
    const merged: Coded[] = [...fixed];
    relative.forEach((code, i) => code && merged.push({ row: relativeRows[i], code, source: "code-column" }));
    merged.sort((a, b) => a.row - b.row);
    alternative = { numbering: "relative", rows: unitRows(grid, header, merged, reader) };
  }
  const codeless =
    counter && coded.length === 0
      ? {
          header: a1(header.row, codeCol),
          looked: [columnLetters(codeCol), ...(header.columns.name !== undefined ? [columnLetters(header.columns.name)] : [])],
        }
      : undefined;
  return {
    sheet: grid.name,
    unit: unitName(grid, header.top) ?? fallbackUnit,
    header,
    rows: literal,
    catalogRef: titleValue(grid, header.top, CATALOG_LABELS),
    numbering: "literal",
    ...(alternative ? { alternative } : {}),
    others,
    ...(codeless ? { codeless } : {}),
    ledger: frameRows(grid, header),
    year: titleYear(grid, header.top),
    ...(grid.uncalculated?.length ? { uncalculated: uncalculatedCells(grid) } : {}),
  };
}

/** The cells of the grid that hold a formula with no calculated value, with their formulas. */
function uncalculatedCells(grid: Grid): { cell: string; formula: string }[] {
  return (grid.uncalculated ?? []).map((cell) => {
    const at = parseA1(cell);
    return { cell, formula: (at && formulaAt(grid, at.row, at.col)) ?? "" };
  });
}
