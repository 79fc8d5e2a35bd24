/**
 * The reading ledger: an account of everything a workbook held and how it was read. Every sheet gets a SheetEntry;
 * every non-empty row of a unit sheet's table (and the title rows above it) gets a RowEntry. Nothing is dropped in
 * silence: a row the reader does not understand is listed as "not-understood", and when it holds a number in a
 * score column validation reports it (finding kind row-not-understood).
 *
 * The ledger is data (kinds and params); its words come from i18n when it is printed (par validate --reading, the
 * summary's "Cách đọc" sheet, the pane's "Cách đọc bảng").
 */

export type SheetState = "visible" | "hidden" | "veryHidden";

/** How a sheet of the workbook was read. */
export type SheetReadAs =
  /** A unit's self-assessment (or appraisal) table: read, scored. */
  | "unit"
  /** A criteria catalogue sheet (par catalog export, or a province's criteria table). */
  | "catalogue"
  /** A list of evidence documents per criterion ("Tài liệu kiểm chứng", "Phụ lục", "Danh mục TLKC"). */
  | "appendix"
  /** Guidance text ("Hướng dẫn"). */
  | "instructions"
  /** A cover or title page. */
  | "cover"
  /** A sheet PAR Scorer generated (listed in "_par"), or its bookkeeping. */
  | "generated"
  /** A chart sheet: no cells. */
  | "chart"
  /** One of the appraisal council's forms (par appraise forms): many units' rows, merged, never read as a unit. */
  | "appraisal-form"
  /** A hidden or very hidden sheet, not read as a unit (par … --include-hidden reads it). */
  | "hidden"
  /** A sheet left out because another was named (--sheet). */
  | "not-selected"
  /** No cell holds anything. */
  | "empty"
  /** Holds data, but no table the reader recognises: named, never used. */
  | "not-understood"
  /** The file reader could not read it (its data is missing from the file, or damaged): named, never used. */
  | "unreadable";

export interface SheetEntry {
  sheet: string;
  state: SheetState;
  readAs: SheetReadAs;
  /** Why, in a few words (a message key of i18n ledger.sheet.* and its params), when the kind alone does not say. */
  note?: LedgerNote;
}

/** How a row of a unit sheet was read. */
export type RowReadAs =
  /** Title lines above the table ("Đơn vị: …", "BẢNG TỰ ĐÁNH GIÁ … NĂM 2025"). */
  | "title"
  /** A row of the header, or the column-numbering row under it. */
  | "header"
  | "numbering"
  /** A criterion (field, criterion or sub-criterion) of the catalogue. */
  | "criterion"
  /** One scoring band of the criterion above, written as a row ("- Ban hành kịp thời: 1 điểm"); chosen or not. */
  | "band"
  /** A total or subtotal row ("Tổng cộng", "Cộng"), checked against the rows it sums. */
  | "total"
  /** A bonus or penalty row without a code ("Điểm thưởng", "Điểm trừ"), matched to the catalogue's part by name. */
  | "bonus"
  | "penalty"
  /** Text only, no number in a score column (a note, a signature block, a heading): read, not used. */
  | "text"
  /** Holds something the reader could not place. With a number in a score column it is an error. */
  | "not-understood";

/** Where a criterion row's code was read. */
export type CodeSource =
  /** The code column ("1.1.1", "I", "a)"). */
  | "code-column"
  /** The start of the name ("1.1. Kế hoạch …") when the code column holds a running counter or nothing. */
  | "name-start"
  /** Words such as "Tiêu chí 1.2", "TC 1.1", "Lĩnh vực I" (in either column). */
  | "words"
  /** A bonus or penalty line without a code, matched to the catalogue's section by its words ("Điểm thưởng"). */
  | "section-name";

export interface LedgerNote {
  key: string;
  params?: Record<string, string | number>;
}

export interface RowEntry {
  /** 0-based row index in the grid (shown 1-based). */
  row: number;
  readAs: RowReadAs;
  /** The criterion code, for criterion, band, bonus and penalty rows (and a subtotal of a field). */
  code: string | null;
  codeSource?: CodeSource;
  /** The row's first text (name or label), shortened, for the ledger's reader. */
  text: string;
  /** For a band row: whether it was the chosen band. */
  chosen?: boolean;
  note?: LedgerNote;
}
