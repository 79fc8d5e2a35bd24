/**
 * What the task pane's panels can ask of the workbook. Components get a PaneActions and plain data, never
 * Office.js: the Excel implementation is src/taskpane/excel/actions.ts (createExcelActions); tests pass fakes.
 * Every method reads in one batch, computes in src/scoring and writes in one batch; a failure rejects with an
 * error whose text(lang) (UserError, ParError) says what is wrong and what to do.
 */
import type { AppraisalEntry, AppraisalFormView, AppraisalWrite } from "./excel/appraisal";
import { Catalog, EvidenceDocument, EvidenceMatch, Finding, ReadingLedger, ReadingState, SheetIssue } from "../scoring";
import { UiLang } from "./i18n";

/** The workbook's own catalogue sheet, read: the catalogue (null when unusable) and its problems by cell. */
export interface WorkbookCatalog {
  /** Name of the catalogue sheet found, or null when the workbook has none. */
  sheet: string | null;
  catalog: Catalog | null;
  issues: SheetIssue[];
  /**
   * A province's published table: how each criterion's scoring wording was read, as `par catalog import --review`
   * says it — counts per state, and the criteria not read exactly (code, state, how) for a person to check.
   */
  readings?: { counts: Record<ReadingState, number>; review: { code: string; state: ReadingState; how: string }[] };
}

export interface CreatedSheet {
  /** The sheet's name (a new one when the wanted name was taken). */
  sheet: string;
  /** Things Excel could not do here (an API missing), already worded for the user; empty when all was done. */
  skipped: string[];
}

export interface Validation {
  sheet: string;
  unit: string;
  catalogId: string;
  /** Criterion rows read. */
  rows: number;
  /** Whether any row has a self or appraised score (false for a fresh template: nothing to check yet). */
  scored: boolean;
  findings: Finding[];
  /**
   * The catalogue the sheet names ("Bộ tiêu chí: …" in its title) when it is not the active one: the sheet was
   * checked against it (as par validate does), and the pane offers to switch to it; `switchNote` says so.
   */
  switchTo?: Catalog;
  switchNote?: string;
  /** How the sheet was read (its ledger), for the collapsed "Cách đọc bảng" section. */
  reading?: ReadingLedger;
}

/** How the flags' explanations were attached: Excel notes, threaded comments, or a findings sheet. */
export type FlagMode = "note" | "comment" | "sheet";

export interface FlagOutcome {
  sheet: string;
  /** Cells highlighted. */
  cells: number;
  mode: FlagMode;
  /** The findings sheet written when mode is "sheet". */
  findingsSheet: string | null;
  /** What could not be done (e.g. cells that already had a user's comment), worded for the user. */
  skipped?: string[];
}

export interface UnflagOutcome {
  sheet: string;
  /** Cells whose formats and notes were restored. */
  cells: number;
}

export interface SummaryOutcome {
  /** Sheets written, in order (summary, plan, ranking when several unit sheets). */
  sheets: string[];
  /** Unit sheets found in the workbook. */
  units: number;
  /** Unit sheets with no score yet (e.g. a fresh template): not ranked. */
  unscored: string[];
  /** The unit summarised and its figures. */
  unit: string;
  index: number | null;
  band: string | null;
  /** After the council's second round (a "Điểm cuối cùng" column): the self, round-1 and final indexes. */
  rounds?: { self: number | null; round1: number | null; final: number | null };
  /** False when the chart could not be drawn (reason in skipped). */
  chart: boolean;
  skipped: string[];
}

/** What putting a catalogue in use did in the workbook. */
export interface CatalogSwitch {
  /** PAR.* formulas of the pane's self-assessment sheets written again, so Excel evaluates them anew. */
  formulas: number;
  /** Whether the workbook was recalculated. */
  recalculated: boolean;
}

/** "Kiểm tra tài liệu": the active sheet's citations checked against the files the user chose. */
export interface EvidenceCheck {
  sheet: string;
  /** The findings of the evidence checks (evidence-not-found, -mismatch, -out-of-period, -unreadable, -invalid). */
  findings: Finding[];
  /** Per criterion, which file matched which citation. */
  matches: EvidenceMatch[];
  /** Files no citation matched (information). */
  uncited: string[];
}

export interface PaneActions {
  /** Reads the workbook's catalogue sheet ("Bộ tiêu chí" layout), if any. */
  readWorkbookCatalog(lang: UiLang): Promise<WorkbookCatalog>;
  /** Inserts the catalogue as an editable sheet (never over an existing one) and activates it. */
  insertCatalogSheet(catalog: Catalog, lang: UiLang): Promise<CreatedSheet>;
  /**
   * Makes it the PAR.* functions' catalogue, remembered in the workbook, and recalculates (also when saving the
   * choice failed: then it rejects afterwards, saying so).
   */
  setActiveCatalog(catalog: Catalog): Promise<CatalogSwitch>;
  /** Creates a unit's self-assessment sheet from the catalogue (a new sheet; never overwrites) and activates it. */
  createTemplate(catalog: Catalog, options: { unit: string; lang: UiLang }): Promise<CreatedSheet>;
  /** Validates the active sheet against the catalogue; changes nothing in the workbook. */
  validateActiveSheet(catalog: Catalog, lang: UiLang): Promise<Validation>;
  /** Activates the sheet and selects the cell. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Highlights the findings' cells (fill and a note), remembering what was there to restore it. */
  flagFindings(validation: Validation, lang: UiLang): Promise<FlagOutcome>;
  /** Restores the formats and notes the last flagging changed on the sheet (the active one when null). */
  unflag(sheet: string | null): Promise<UnflagOutcome>;
  /** The sheets with flags to remove (from the flags' record in the workbook); optional: without it Unflag stays on. */
  flaggedSheets?(): Promise<string[]>;
  /** Writes the summary, plan (and ranking) sheets, replacing only the add-in's own. */
  generateSummary(catalog: Catalog, lang: UiLang): Promise<SummaryOutcome>;
  /** Checks the active sheet's citations against the documents read from the chosen files (absent: not offered). */
  checkEvidence?(catalog: Catalog, lang: UiLang, documents: EvidenceDocument[]): Promise<EvidenceCheck>;
  /** "Thẩm định": reads the active sheet as an appraisal form (absent: not offered). */
  readAppraisalForm?(): Promise<AppraisalFormView>;
  /** Writes the council member's scores and reasons to the form's last two columns (reasons also as comments). */
  writeAppraisals?(form: AppraisalFormView, entries: AppraisalEntry[]): Promise<AppraisalWrite>;
}
