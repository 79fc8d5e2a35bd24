/**
 * par appraise: the appraisal council's forms (phiếu thẩm định) and their merge into copies of the units' workbooks.
 *
 *   par appraise forms UNITS… -c CAT -o DIR               one form per agency (round 1)
 *   par appraise merge UNITS… --forms DIR -c CAT -o OUT   copies with "Điểm thẩm định" and "Lý do thẩm định"
 *   par appraise forms --round 2 COPIES… -c CAT -o DIR    one form per unit whose scores changed
 *   par appraise merge --round 2 COPIES… --forms DIR …    copies with the unit's explanation and the final score
 *
 * The units' own files are only read; everything is written to new files (outputs.ts).
 */
import { basename, extname, join } from "node:path";
import { Command, Option } from "commander";
import type ExcelJS from "exceljs";
import {
  assignCriteria,
  buildSummary,
  Catalog,
  catalogNodes,
  CellValue,
  changedCriteria,
  columnNamed,
  COPY_COLUMNS,
  Finding,
  FormLayout,
  formLayout,
  formatNumber,
  Grid,
  gridWidth,
  Lang,
  leafScores,
  LeafScore,
  MergedCriterion,
  MergeUnit,
  mergeForms,
  prepareUnit,
  ReadForm,
  readFormGrid,
  Round,
  round1Rows,
  round2Rows,
  rowsByCode,
  UnitMerge,
  UnitSheet,
  AGENCY_LABEL,
  UNIT_LABEL,
} from "../../scoring";
import { loadCatalog } from "../catalog-source";
import { CliError } from "../errors";
import { formatName } from "../describe";
import { collectWorkbooks } from "../inputs";
import { Io } from "../io";
import { forceOption, langOption } from "../options";
import { planOutputs, writeOutputs } from "../outputs";
import { jsonText } from "../terminal-text";
import { LoadedUnits, loadUnits } from "../units";
import { readWorkbook, WorkbookError } from "../xlsx/read";
import { newWorkbook, workbookBuffer, workbookFromData, workbookWithSheets } from "../xlsx/write";

interface Common {
  catalog: string;
  output: string;
  round: string;
  force?: boolean;
  lang: Lang;
}

interface UnitInput {
  file: string;
  loaded: LoadedUnits;
  unit: UnitSheet;
}

function roundOf(text: string): Round {
  if (text === "1" || text === "2") return Number(text) as Round;
  throw new CliError(`--round phải là 1 hoặc 2 (đang là "${text}")`, `--round must be 1 or 2 (it is "${text}")`);
}

function roundOption(): Option {
  return new Option("--round <n>", "vòng thẩm định: 1 (cơ quan thẩm định chấm) hoặc 2 (đơn vị giải trình, hội đồng chốt điểm) (round 1 or 2)").default("1");
}

/** A file name made of an agency's or unit's name: letters kept (Vietnamese too), what no disk takes replaced. */
export function safeFileName(name: string, taken: Set<string>): string {
  const base =
    name
      .normalize("NFC")
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, "-")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^[.\s-]+|[.\s]+$/g, "")
      .slice(0, 100) || "phieu";
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base} (${i})`;
  taken.add(candidate.toLowerCase());
  return `${candidate}.xlsx`;
}

async function readUnits(paths: string[], catalog: Catalog, catalogRef: string, lang: Lang, io: Io): Promise<UnitInput[]> {
  const { files, skipped } = collectWorkbooks(paths, lang);
  // Whatever is named or found but not read is said, never dropped in silence.
  for (const s of skipped) io.err(`${lang === "en" ? "Skipped" : "Bỏ qua"} ${s.file}: ${s.reason}\n`);
  if (files.length === 0) {
    throw new CliError("Không có sổ tính nào của đơn vị để đọc", "No unit workbook to read", "no-input");
  }
  const units: UnitInput[] = [];
  for (const file of files) {
    const loaded = await loadUnits(file, { catalog: catalogRef, catalogLoaded: catalog });
    for (const unit of loaded.units) units.push({ file, loaded, unit: prepareUnit(unit, catalog) });
  }
  return units;
}

const cellText = (v: CellValue | undefined): string | null => {
  if (v === null || v === undefined) return null;
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  return s === "" ? null : s;
};

function gridOf(u: UnitInput): Grid | undefined {
  return u.loaded.data.grids.find((g) => g.name === u.unit.sheet);
}

/** A text column of the unit's sheet found by its header, read per criterion code. */
function textColumn(u: UnitInput, header: string): Map<string, string | null> {
  const grid = gridOf(u);
  const out = new Map<string, string | null>();
  if (!grid) return out;
  const col = columnNamed(grid, u.unit.header.top, u.unit.header.row, header);
  if (col === null) return out;
  for (const row of u.unit.rows) if (!out.has(row.code)) out.set(row.code, cellText(grid.values[row.row]?.[col]));
  return out;
}

/* ---------------------------------------------------------------------------------------------------------------
 * Writing a form
 * ------------------------------------------------------------------------------------------------------------- */

const WIDTHS: Record<string, number> = {
  "Đơn vị": 22,
  Mã: 8,
  "Tiêu chí": 46,
  "Điểm tối đa": 9,
  "Điểm tự chấm": 9,
  "Tài liệu kiểm chứng": 40,
  "Giải trình": 30,
  "Điểm thẩm định": 11,
  "Lý do": 34,
  "Lý do thẩm định": 34,
  "Giải trình của đơn vị": 36,
  "Điểm cuối cùng": 11,
  "Lý do (vòng 2)": 34,
};

/** "Điểm tự chấm" is the fifth column of both rounds' forms. */
const SELF_COLUMN = 4;
const NOT_APPLICABLE = "Không áp dụng";

const THIN = { style: "thin", color: { argb: "FFA6A6A6" } } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** One form: a title naming the agency (or unit), the header on row 2, the rows; protected but for the columns to fill. */
/** The forms are Vietnamese documents (sent between the province's agencies), whatever --lang the command's messages use. */
function formWorkbook(layout: FormLayout, sheetName: string, title: string, rows: CellValue[][]): ExcelJS.Workbook {
  const workbook = newWorkbook();
  const ws = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 2, xSplit: 0 }] });
  const headers = layout.headers;
  ws.columns = headers.map((h, i) => ({ width: WIDTHS[h] ?? 14, style: i >= layout.editableFrom ? { protection: { locked: false } } : {} }));
  const titleCell = ws.getCell(1, 1);
  titleCell.value = title;
  titleCell.font = { bold: true, size: 13 };
  ws.getRow(1).getCell(1).protection = { locked: true };
  const header = ws.getRow(2);
  headers.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.border = BORDER;
    cell.protection = { locked: true };
  });
  const scoreHeader = headers[layout.score];
  rows.forEach((values, r) => {
    const row = ws.getRow(r + 3);
    values.forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = v === undefined ? null : (v as ExcelJS.CellValue);
      cell.border = BORDER;
      const editable = c >= layout.editableFrom;
      cell.protection = { locked: !editable };
      if (c === layout.code) cell.numFmt = "@";
      if (typeof v === "number" || c === layout.score || c === layout.max) cell.numFmt = "0.00";
      cell.alignment = { wrapText: true, vertical: "top" };
    });
    const max = values[layout.max];
    const scoreCell = row.getCell(layout.score + 1);
    const scoreRef = scoreCell.address;
    if (typeof max === "number" && values[SELF_COLUMN] === NOT_APPLICABLE) {
      // The unit marked the criterion "Không áp dụng": the council may confirm that, or give points.
      const maxText = formatNumber(max, "vi");
      scoreCell.dataValidation = {
        type: "custom",
        allowBlank: true,
        formulae: [`OR(AND(ISNUMBER(${scoreRef}),${scoreRef}>=0,${scoreRef}<=${max}),${scoreRef}="${NOT_APPLICABLE}")`],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Điểm không hợp lệ",
        error: `${scoreHeader} phải là số từ 0 đến ${maxText} hoặc "${NOT_APPLICABLE}" (tiêu chí ${String(values[layout.code])})`,
      };
    } else if (typeof max === "number") {
      const maxText = formatNumber(max, "vi");
      scoreCell.dataValidation = {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [0, max],
        showErrorMessage: true,
        errorStyle: "stop",
        errorTitle: "Điểm không hợp lệ",
        error: `${scoreHeader} phải là số từ 0 đến ${maxText} (điểm tối đa của tiêu chí ${String(values[layout.code])}). Ví dụ: 0,5`,
        showInputMessage: true,
        promptTitle: scoreHeader,
        prompt: `Nhập điểm từ 0 đến ${maxText}`,
      };
    }
  });
  ws.pageSetup = {
    paperSize: 9,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "2:2",
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
  return workbook;
}

/** Protects the form's sheet without a password: the person filling it can only type in the unlocked columns. */
async function protectForm(workbook: ExcelJS.Workbook): Promise<void> {
  for (const ws of workbook.worksheets) {
    await ws.protect("", { selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true, autoFilter: true, sort: false });
  }
}

/* ---------------------------------------------------------------------------------------------------------------
 * forms
 * ------------------------------------------------------------------------------------------------------------- */

async function writeForms(paths: string[], opts: Common, io: Io): Promise<void> {
  const round = roundOf(opts.round);
  const en = opts.lang === "en";
  const catalog = await loadCatalog(opts.catalog);
  const assignment = assignCriteria(catalog);
  if (round === 1 && assignment.agencies.length === 0) {
    throw new CliError(
      `Bộ tiêu chí ${catalog.id} chưa giao cơ quan thẩm định cho tiêu chí nào, nên không có phiếu nào để lập. Ghi cơ quan ở cột "Cơ quan thẩm định" (par catalog export ${catalog.id} -o bo-tieu-chi.xlsx, sửa, rồi dùng -c bo-tieu-chi.xlsx)`,
      `The catalogue ${catalog.id} assigns no criterion to an appraising agency, so there is no form to write. Name the agencies in the "Cơ quan thẩm định" column (par catalog export ${catalog.id} -o catalogue.xlsx, edit, then -c catalogue.xlsx)`,
    );
  }
  const units = await readUnits(paths, catalog, opts.catalog, opts.lang, io);
  const layout = formLayout(round);
  const taken = new Set<string>();
  const outputs: { path: string; who: string; rows: number; workbook: ExcelJS.Workbook }[] = [];
  const lines: string[] = [];

  if (round === 1) {
    const formUnits = units.map((u) => {
      const rows = rowsByCode(u.unit);
      const text = (pick: "evidence" | "notes") => new Map([...rows].map(([code, row]) => [code, cellText(row[pick]?.value)]));
      return { unit: u.unit.unit, self: leafScores(u.unit, catalog, "self"), evidence: text("evidence"), notes: text("notes") };
    });
    for (const { agency, criteria } of assignment.agencies) {
      const rows = round1Rows(formUnits, criteria);
      const workbook = formWorkbook(layout, "Phiếu thẩm định", `${AGENCY_LABEL}: ${agency}`, rows);
      outputs.push({ path: join(opts.output, safeFileName(agency, taken)), who: agency, rows: rows.length, workbook });
    }
    if (assignment.unassigned.length > 0) {
      const codes = assignment.unassigned.map((n) => n.code).join(", ");
      lines.push(
        en
          ? `Assigned to no appraising agency, so on no form (${assignment.unassigned.length}): ${codes}. Name the agency in the catalogue's "Cơ quan thẩm định" column (par catalog export, edit, then -c the sheet), or appraise them directly in the merged copies`
          : `Chưa giao cơ quan thẩm định nên không có trong phiếu nào (${assignment.unassigned.length} tiêu chí): ${codes}. Ghi cơ quan ở cột "Cơ quan thẩm định" của bộ tiêu chí (par catalog export, sửa, rồi dùng -c trang đó), hoặc chấm trực tiếp trong bản sao sau khi gộp`,
      );
    }
  } else {
    const order = new Map(catalogNodes(catalog).map((n, i) => [n.code, i]));
    const appraisedLeaves = [...assignment.agencies.flatMap((a) => a.criteria), ...assignment.unassigned].sort((a, b) => order.get(a.code)! - order.get(b.code)!);
    for (const u of units) {
      if (u.unit.header.columns.appraised === undefined) {
        throw new CliError(
          `${u.file} (trang "${u.unit.sheet}") chưa có cột "${COPY_COLUMNS.appraised}": vòng 2 dùng bản sao đã gộp ở vòng 1 (par appraise merge)`,
          `${u.file} (sheet "${u.unit.sheet}") has no "${COPY_COLUMNS.appraised}" column: round 2 takes the copies merged in round 1 (par appraise merge)`,
        );
      }
      const r2 = { unit: u.unit.unit, self: leafScores(u.unit, catalog, "self"), appraised: leafScores(u.unit, catalog, "appraised"), reasons: textColumn(u, COPY_COLUMNS.reason) };
      const changed = changedCriteria(r2, appraisedLeaves);
      if (changed.length === 0) {
        lines.push(en ? `${u.unit.unit}: no appraised score differs from the unit's own; no round-2 form` : `${u.unit.unit}: không tiêu chí nào có điểm thẩm định khác điểm tự chấm; không cần phiếu vòng 2`);
        continue;
      }
      const rows = round2Rows(r2, changed);
      const workbook = formWorkbook(layout, "Vòng 2", `${UNIT_LABEL}: ${u.unit.unit}`, rows);
      outputs.push({ path: join(opts.output, safeFileName(u.unit.unit, taken)), who: u.unit.unit, rows: rows.length, workbook });
    }
  }

  const plan = await planOutputs(
    outputs.map((o) => o.path),
    { inputs: units.map((u) => u.file), force: opts.force },
  );
  const files = [];
  for (const o of outputs) {
    await protectForm(o.workbook);
    files.push({ path: o.path, data: await workbookBuffer(o.workbook) });
  }
  await writeOutputs(plan, files);
  const wrote = outputs.map((o) => (en ? `Wrote ${o.path}: ${o.who}, ${o.rows} rows` : `Đã ghi ${o.path}: ${o.who}, ${o.rows} dòng`));
  io.out(`${[...wrote, ...lines].join("\n")}\n`);
}

/* ---------------------------------------------------------------------------------------------------------------
 * merge
 * ------------------------------------------------------------------------------------------------------------- */

async function readForms(dir: string, round: Round, lang: Lang): Promise<{ forms: ReadForm[]; notes: string[] }> {
  const en = lang === "en";
  const { files, skipped } = collectWorkbooks([dir], lang);
  const forms: ReadForm[] = [];
  const notes = skipped.map((s) => (en ? `Not read: ${s.file} (${s.reason})` : `Không đọc: ${s.file} (${s.reason})`));
  for (const file of files) {
    let grids: Grid[];
    try {
      grids = (await readWorkbook(file)).grids;
    } catch (e) {
      if (!(e instanceof WorkbookError)) throw e;
      notes.push(en ? `Not read: ${file} (${e.text("en")})` : `Không đọc được: ${file} (${e.text("vi")})`);
      continue;
    }
    const read = grids.map((g) => readFormGrid(g, basename(file), round)).filter((f): f is ReadForm => f !== null);
    if (read.length === 0) {
      notes.push(
        en
          ? `${file} is no round-${round} appraisal form (no header "${formLayout(round).headers.join(" | ")}"): not read`
          : `${file} không phải phiếu thẩm định vòng ${round} (không có dòng tiêu đề "${formLayout(round).headers.join(" | ")}"): không đọc`,
      );
    }
    forms.push(...read);
  }
  return { forms, notes };
}

/** The column of the copy headed `header`: the sheet's own (as read), else a new one after the last used column. */
function columnFor(grid: Grid | undefined, unit: UnitSheet, header: string, next: { col: number }): { col: number; added: boolean } {
  const found = grid ? columnNamed(grid, unit.header.top, unit.header.row, header) : null;
  if (found !== null) return { col: found, added: false };
  return { col: next.col++, added: true };
}

function shown(score: LeafScore | undefined): ExcelJS.CellValue {
  if (score === undefined || score === null) return null;
  return score === "notApplicable" ? "Không áp dụng" : score;
}

/** Writes the merged scores of the units of one file into a copy of it. */
async function writeCopy(
  file: string,
  entries: { input: UnitInput; merge: UnitMerge }[],
  round: Round,
  appraised: ReadonlySet<string>,
): Promise<{ buffer: Buffer; added: string[]; converted: boolean }> {
  const loaded = entries[0].input.loaded;
  const copied =
    loaded.data.format === "xlsx" ? await workbookWithSheets(file, []).catch((e) => (e instanceof WorkbookError ? null : Promise.reject(e))) : null;
  const { workbook, renamed } = copied ?? workbookFromData(loaded.data, []);
  const added: string[] = [];
  for (const { input, merge } of entries) {
    const unit = input.unit;
    const sheetName = renamed.find((r) => r.from === unit.sheet)?.to ?? unit.sheet;
    const ws = workbook.getWorksheet(sheetName);
    if (!ws) {
      throw new CliError(
        `Không tìm thấy trang "${unit.sheet}" trong bản sao của ${file}; không ghi được điểm thẩm định của ${unit.unit}`,
        `Sheet "${unit.sheet}" is missing from the copy of ${file}; the appraised scores of ${unit.unit} cannot be written`,
      );
    }
    const grid = gridOf(input);
    const next = { col: Math.max(grid ? gridWidth(grid) : 0, ws.columnCount) };
    const headerRow = unit.header.row + 1;
    const selfCol = unit.header.columns.self ?? unit.header.columns.max ?? 0;
    const headerStyle = ws.getCell(headerRow, selfCol + 1).style;
    const columns: { header: string; pick: (c: MergedCriterion) => ExcelJS.CellValue; score: boolean }[] =
      round === 1
        ? [
            { header: COPY_COLUMNS.appraised, pick: (c) => shown(c.score), score: true },
            { header: COPY_COLUMNS.reason, pick: (c) => c.reason, score: false },
          ]
        : [
            { header: COPY_COLUMNS.explanation, pick: (c) => c.explanation, score: false },
            { header: COPY_COLUMNS.final, pick: (c) => shown(c.score), score: true },
            { header: COPY_COLUMNS.reason2, pick: (c) => c.reason, score: false },
          ];
    const appraisedCol = unit.header.columns.appraised;
    for (const column of columns) {
      const where =
        column.header === COPY_COLUMNS.appraised && appraisedCol !== undefined ? { col: appraisedCol, added: false } : columnFor(grid, unit, column.header, next);
      const col = where.col + 1;
      if (where.added) {
        added.push(`${unit.sheet}: ${column.header}`);
        const cell = ws.getCell(headerRow, col);
        cell.value = column.header;
        cell.style = { ...headerStyle, protection: undefined };
        ws.getColumn(col).width = column.score ? 11 : 34;
      }
      const selfStyle = (r: number) => ws.getCell(r, selfCol + 1).style;
      // Every appraised leaf's cell is written: the merged score, or blank where there is none (never a stale value).
      const leavesRows = rowsByCode(unit);
      for (const [code, row] of leavesRows) {
        const c = merge.criteria.get(code);
        if (!appraised.has(code)) continue;
        const cell = ws.getCell(row.row + 1, col);
        cell.value = c ? column.pick(c) : null;
        if (where.added) {
          cell.style = { ...selfStyle(row.row + 1), protection: undefined };
          if (!column.score) cell.alignment = { wrapText: true, vertical: "top" };
        }
        if (column.score) cell.numFmt = "0.00";
      }
    }
  }
  return { buffer: await workbookBuffer(workbook), added, converted: copied === null };
}

interface MergeOpts extends Common {
  forms: string;
  json?: boolean;
}

async function merge(paths: string[], opts: MergeOpts, io: Io, setExit: (code: number) => void): Promise<void> {
  const round = roundOf(opts.round);
  const en = opts.lang === "en";
  const catalog = await loadCatalog(opts.catalog);
  const units = await readUnits(paths, catalog, opts.catalog, opts.lang, io);
  const { forms, notes } = await readForms(opts.forms, round, opts.lang);
  if (forms.length === 0) {
    throw new CliError(
      `Thư mục ${opts.forms} không có phiếu thẩm định vòng ${round} nào đọc được${notes.length ? `:\n${notes.join("\n")}` : ""}`,
      `The folder ${opts.forms} holds no readable round-${round} appraisal form${notes.length ? `:\n${notes.join("\n")}` : ""}`,
    );
  }
  if (round === 2) {
    for (const u of units) {
      if (u.unit.header.columns.appraised === undefined) {
        throw new CliError(
          `${u.file} (trang "${u.unit.sheet}") chưa có cột "${COPY_COLUMNS.appraised}": vòng 2 gộp vào bản sao đã gộp ở vòng 1 (par appraise merge)`,
          `${u.file} (sheet "${u.unit.sheet}") has no "${COPY_COLUMNS.appraised}" column: round 2 merges into the copies of round 1 (par appraise merge)`,
        );
      }
    }
  }
  const mergeUnits: MergeUnit[] = units.map((u) => ({
    unit: u.unit.unit,
    sheet: u.unit,
    self: leafScores(u.unit, catalog, "self"),
    ...(round === 2 ? { previous: leafScores(u.unit, catalog, "appraised") } : {}),
  }));
  const result = mergeForms(round, catalog, mergeUnits, forms, opts.lang);

  // One copy per unit file, named as the file (as .xlsx) in the output folder.
  const byFile = new Map<string, { input: UnitInput; merge: UnitMerge }[]>();
  units.forEach((input, i) => {
    const list = byFile.get(input.file) ?? [];
    list.push({ input, merge: result.units[i] });
    byFile.set(input.file, list);
  });
  const assignment = assignCriteria(catalog);
  const appraisedCodes = new Set([...assignment.agencyOf.keys()]);
  const taken = new Set<string>();
  const outPath = new Map<string, string>();
  for (const file of byFile.keys()) outPath.set(file, join(opts.output, safeFileName(basename(file, extname(file)), taken)));
  const plan = await planOutputs([...outPath.values()], { inputs: units.map((u) => u.file), force: opts.force });
  const written: { path: string; data: Buffer }[] = [];
  const addedColumns = new Map<string, string[]>();
  for (const [file, entries] of byFile) {
    const { buffer, added, converted } = await writeCopy(file, entries, round, appraisedCodes);
    written.push({ path: outPath.get(file)!, data: buffer });
    addedColumns.set(file, added);
    if (converted) {
      const format = formatName(entries[0].input.loaded.data.format, opts.lang);
      notes.push(
        en
          ? `${file} is ${format}: its copy ${outPath.get(file)} is an .xlsx workbook of its cell values (not its formulas or formatting)`
          : `${file} là ${format}: bản sao ${outPath.get(file)} là sổ tính .xlsx gồm giá trị các ô (không giữ công thức, định dạng)`,
      );
    }
  }
  await writeOutputs(plan, written);

  // The figures, read back from the copies as any command reads them.
  const report: { unit: string; file: string; self: number | null; appraised: number | null; index: number | null; findings: Finding[] }[] = [];
  for (const [file, entries] of byFile) {
    const path = outPath.get(file)!;
    const again = await loadUnits(path, { catalog: opts.catalog, catalogLoaded: catalog });
    for (const { input, merge: m } of entries) {
      const unit = again.units.find((u) => u.sheet === input.unit.sheet) ?? again.units[0];
      const summary = buildSummary(unit, catalog, m.findings);
      report.push({ unit: input.unit.unit, file: path, self: summary.selfIndex, appraised: summary.appraisedIndex, index: summary.officialIndex, findings: m.findings });
    }
  }
  const errors = [...result.findings, ...report.flatMap((r) => r.findings)].some((f) => f.severity === "error");
  if (errors) setExit(1);

  const findingLine = (f: Finding) => `  [${f.severity === "error" ? (en ? "error" : "lỗi") : en ? "warning" : "cảnh báo"}] ${f.kind} ${f.sheet}!${f.cell}: ${f.message}`;
  const other = result.findings.map(findingLine);
  if (opts.json) {
    io.out(`${jsonText({ units: report })}\n`);
    for (const line of [...notes, ...other]) io.err(`${line}\n`);
    return;
  }
  const figure = (x: number | null) => (x === null ? "—" : formatNumber(x, opts.lang));
  const lines: string[] = [...notes];
  for (const r of report) {
    const added = addedColumns.get([...byFile.keys()].find((f) => outPath.get(f) === r.file)!) ?? [];
    lines.push(
      en
        ? `${r.unit}: wrote ${r.file} — self index ${figure(r.self)}, appraised ${figure(r.appraised)}, index used for ranking ${figure(r.index)}${added.length ? `; columns added: ${added.join(", ")}` : ""}`
        : `${r.unit}: đã ghi ${r.file} — chỉ số tự chấm ${figure(r.self)}, thẩm định ${figure(r.appraised)}, chỉ số dùng để xếp hạng ${figure(r.index)}${added.length ? `; thêm cột: ${added.join(", ")}` : ""}`,
    );
    lines.push(...r.findings.map(findingLine));
  }
  if (other.length) lines.push(en ? "Form rows of no unit given:" : "Dòng phiếu không thuộc đơn vị nào được đưa vào:", ...other);
  const all = [...result.findings, ...report.flatMap((r) => r.findings)];
  const e = all.filter((f) => f.severity === "error").length;
  const w = all.length - e;
  lines.push(en ? `Total: ${e} errors, ${w} warnings` : `Tổng cộng: ${e} lỗi, ${w} cảnh báo`);
  io.out(`${lines.join("\n")}\n`);
}

export function registerAppraise(par: Command, io: Io, setExit: (code: number) => void): void {
  const appraise = par.command("appraise").description("Thẩm định của hội đồng: lập phiếu cho các cơ quan, gộp điểm thẩm định, vòng 2 (appraisal council: forms, merge, round 2)");
  appraise
    .command("forms")
    .description("Lập phiếu thẩm định: vòng 1 mỗi cơ quan thẩm định một sổ tính; vòng 2 mỗi đơn vị có điểm bị thay đổi một sổ tính (write the appraisal forms)")
    .argument("<units...>", "sổ tính của các đơn vị, hoặc thư mục chứa chúng (vòng 2: các bản sao đã gộp) (unit workbooks or folders; never modified)")
    .requiredOption("-c, --catalog <id|file>", "bộ tiêu chí có cột \"Cơ quan thẩm định\" (catalogue id or file)")
    .requiredOption("-o, --output <dir>", "thư mục ghi phiếu (output folder)")
    .addOption(roundOption())
    .addOption(forceOption())
    .addOption(langOption())
    .action(async (units: string[], opts: Common) => writeForms(units, opts, io));
  appraise
    .command("merge")
    .description("Gộp các phiếu đã chấm vào bản sao sổ tính của từng đơn vị (merge filled forms into copies of the units' workbooks)")
    .argument("<units...>", "sổ tính của các đơn vị, hoặc thư mục (vòng 2: các bản sao đã gộp ở vòng 1) (unit workbooks or folders; never modified)")
    .requiredOption("--forms <dir>", "thư mục chứa các phiếu đã chấm (folder of the filled forms)")
    .requiredOption("-c, --catalog <id|file>", "bộ tiêu chí (catalogue id or file)")
    .requiredOption("-o, --output <dir>", "thư mục ghi bản sao (output folder for the copies)")
    .addOption(roundOption())
    .option("--json", 'in kết quả dạng JSON: {"units": [{"unit", "file", "self", "appraised", "index", "findings"}]} (print JSON)')
    .addOption(forceOption())
    .addOption(langOption())
    .action(async (units: string[], opts: MergeOpts) => merge(units, opts, io, setExit));
}
