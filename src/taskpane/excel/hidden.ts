/**
 * The add-in's very hidden bookkeeping sheets: "_par" (the registry) and "_par_flags" (what flagging changed,
 * backup.ts). Each is read with one load of its used range and rewritten whole (it is small).
 *
 * "_par": columns A:B from row 2 the sheets the add-in generated and their kind (as the CLI's writer keeps them);
 * E2:F2 the active catalogue's id and whether it is a built-in (the document settings can be lost: office-js
 * #6091, #5206); H from row 2 the self-assessment sheets the pane created (their PAR.* formulas are rewritten
 * after a catalogue switch). The CLI reads only column A, and only names of sheets that exist.
 *
 * Excel refuses to delete a very hidden sheet (Worksheet.delete: "if the worksheet's visibility is set to
 * 'VeryHidden', the delete operation will fail with an InvalidOperation exception"): "_par" is never deleted, only
 * cleared and rewritten; an emptied "_par_flags" is made Hidden and then deleted, in one batch.
 */
import { OWNED_SHEET, OWNED_SHEET_HEADER } from "../../scoring/report/sheet-spec";
import { UserError } from "../errors";
import { ACTION_BYTES, isPayloadError, jsonBytes } from "./payload";
import { officeErrorCode } from "./run";
import { Step } from "./steps";
import { textInput } from "./write";

export { OWNED_SHEET };
export const OWNED_HEADER = OWNED_SHEET_HEADER;

export interface OwnedEntry {
  name: string;
  kind: string;
}

/** The catalogue recorded as active in the workbook. */
export interface RecordedCatalog {
  id: string;
  builtin: boolean;
}

export interface Registry {
  owned: OwnedEntry[];
  catalog: RecordedCatalog | null;
  /** Names of the self-assessment sheets the pane created. */
  templates: string[];
}

export const emptyRegistry = (): Registry => ({ owned: [], catalog: null, templates: [] });

const CATALOG_COL = 4;
const TEMPLATES_COL = 7;
const CATALOG_HEADER = ["Bộ tiêu chí đang dùng (active catalogue)", "Có sẵn (built-in)"];
const TEMPLATES_HEADER = "Trang tự chấm do PAR Scorer tạo (self-assessment sheets)";
const BUILTIN = "built-in";
const CUSTOM = "custom";

const text = (v: unknown) => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/** The registry from the rows of "_par" (row 1 the header). */
export function parseRegistry(values: unknown[][] | null): Registry {
  if (!values) return emptyRegistry();
  const rows = values.slice(1);
  const owned = rows.filter((row) => typeof row[0] === "string" && row[0] !== "").map((row) => ({ name: String(row[0]), kind: String(row[1] ?? "") }));
  const id = text(values[1]?.[CATALOG_COL]);
  const catalog = id ? { id, builtin: text(values[1]?.[CATALOG_COL + 1]) !== CUSTOM } : null;
  const templates = rows.map((row) => text(row[TEMPLATES_COL])).filter((n) => n !== "");
  return { owned, catalog, templates };
}

/** The cells of "_par" for a registry, header first. */
export function registryMatrix(registry: Registry): (string | number | boolean)[][] {
  const height = 1 + Math.max(1, registry.owned.length, registry.templates.length);
  const rows: (string | number | boolean)[][] = Array.from({ length: height }, () => Array<string>(TEMPLATES_COL + 1).fill(""));
  OWNED_HEADER.forEach((h, c) => (rows[0][c] = h));
  rows[0][CATALOG_COL] = CATALOG_HEADER[0];
  rows[0][CATALOG_COL + 1] = CATALOG_HEADER[1];
  rows[0][TEMPLATES_COL] = TEMPLATES_HEADER;
  registry.owned.forEach((e, i) => {
    rows[i + 1][0] = e.name;
    rows[i + 1][1] = e.kind;
  });
  if (registry.catalog) {
    rows[1][CATALOG_COL] = registry.catalog.id;
    rows[1][CATALOG_COL + 1] = registry.catalog.builtin ? BUILTIN : CUSTOM;
  }
  registry.templates.forEach((name, i) => (rows[i + 1][TEMPLATES_COL] = name));
  return rows;
}

export interface HiddenRead {
  exists: boolean;
  /** The sheet's used cells from A1 (null when it is missing or empty). */
  rows: unknown[][] | null;
}

/**
 * Queues the read of a bookkeeping sheet; call the result after the sync. `present`: the workbook's sheet names,
 * when known; unknown (null), the sheet is read down an *OrNullObject chain, which gives null objects when it is
 * missing (see withBookkeeping for a host that refuses the chain).
 */
export function queueHiddenRead(context: Excel.RequestContext, name: string, present: Set<string> | null = null): () => HiddenRead {
  if (present && !present.has(name)) return () => ({ exists: false, rows: null });
  const sheet = present ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.getItemOrNullObject(name);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  return () => {
    if (!present && sheet.isNullObject) return { exists: false, rows: null };
    if (used.isNullObject) return { exists: true, rows: null };
    // From A1, so columns keep their meaning when leading ones are empty.
    const pad = (row: unknown[]) => [...Array<unknown>(used.columnIndex).fill(""), ...row];
    return { exists: true, rows: [...Array.from({ length: used.rowIndex }, () => [] as unknown[]), ...used.values.map(pad)] };
  };
}

/**
 * Runs `attempt`, which reads bookkeeping sheets in its first sync without knowing whether they exist (one sync
 * fewer). Should Excel refuse that sync (for another reason than its size, and before anything was written), the
 * sheet names are read and `attempt` runs again knowing them. A failure that has nothing to do with the chain
 * (a sheet renamed since) fails again and is reported then.
 */
export async function withBookkeeping<T>(context: Excel.RequestContext, attempt: (present: Set<string> | null) => Promise<T>): Promise<T> {
  try {
    return await attempt(null);
  } catch (e) {
    if (e instanceof UserError || isPayloadError(e) || officeErrorCode(e) === null) throw e;
    const sheets = context.workbook.worksheets.load("items/name");
    await context.sync();
    return attempt(new Set(sheets.items.map((s) => s.name)));
  }
}

/**
 * The step rewriting a bookkeeping sheet with `matrix` (header first): created very hidden when missing, else
 * cleared. Strings are written as text (textInput).
 */
export function hiddenWriteStep(context: Excel.RequestContext, name: string, exists: boolean, matrix: (string | number | boolean)[][]): Step {
  const width = matrix.reduce((w, row) => Math.max(w, row.length), 0);
  const cells = matrix.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const v = row[c] ?? "";
      return typeof v === "string" ? textInput(v) : v;
    }),
  );
  const rowsStep = (from: number, to: number): Step => ({
    request: jsonBytes(cells.slice(from, to)) + 4 * ACTION_BYTES,
    response: 0,
    queue: () => {
      const sheets = context.workbook.worksheets;
      let sheet: Excel.Worksheet;
      if (from > 0) sheet = sheets.getItem(name);
      else if (exists) {
        sheet = sheets.getItem(name);
        sheet.getRange().clear("Contents");
      } else {
        sheet = sheets.add(name);
        sheet.visibility = "VeryHidden";
      }
      if (to > from && width > 0) sheet.getRangeByIndexes(from, 0, to - from, width).values = cells.slice(from, to);
    },
    // The first part prepares the sheet; the others add rows below it.
    split: () => (to - from > 1 ? [rowsStep(from, from + ((to - from) >> 1)), rowsStep(from + ((to - from) >> 1), to)] : null),
  });
  return rowsStep(0, cells.length);
}

/**
 * The step writing the registry: rewritten in place; made when missing; and when it records nothing at all, gone
 * (Hidden, then deleted) so flagging and unflagging leave a workbook as it was, unless the workbook's structure is
 * protected (then it stays, with its header only).
 */
export function registryWriteStep(context: Excel.RequestContext, exists: boolean, registry: Registry, structureProtected: boolean): Step | null {
  const empty = registry.owned.length === 0 && !registry.catalog && registry.templates.length === 0;
  if (empty && !exists) return null;
  if (empty && !structureProtected) return hiddenDeleteStep(context, OWNED_SHEET);
  return hiddenWriteStep(context, OWNED_SHEET, exists, registryMatrix(registry));
}

/** The step deleting a bookkeeping sheet: Hidden first, as Excel cannot delete a very hidden sheet. */
export function hiddenDeleteStep(context: Excel.RequestContext, name: string): Step {
  return {
    request: 3 * ACTION_BYTES,
    response: 0,
    queue: () => {
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.visibility = "Hidden";
      sheet.delete();
    },
  };
}
