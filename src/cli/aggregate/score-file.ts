/**
 * Scoring one workbook for `par aggregate`: read it, find its unit sheets, validate and summarise each
 * (loadUnits → validateUnit → buildSummary). Runs in a worker thread or in the main one; everything it returns can
 * be posted between threads. A file or unit that fails is a skipped line with its reason, never a thrown error.
 */
import { AppraisalMinutes, appraisalMinutes, buildPlan, buildSummary, Catalog, hasScores, indexGapText, Lang, SheetSpec, SkippedFile, summarySheet, t, UnitLoss, unitLosses, UnitSummary, validateWithEvidence } from "../../scoring";
import { FolderListings, loadEvidence } from "../evidence/workbook-evidence";
import { loadCatalog } from "../catalog-source";
import { describeRejected } from "../describe";
import { describeEncoding, describeUnread, loadUnits } from "../units";
import { readSurveyFile, surveyPointsFor } from "./survey";
import { LegacyEncoding } from "../workbook/legacy-text";
import { parseBands } from "../../scoring/report/bands";

/** What every file of one run is scored with (plain data: it is posted to the worker threads). */
export interface ScoreOptions {
  catalog?: string;
  /**
   * The catalogue `catalog` names, already read by the main thread: posted to the worker threads as data, so that no
   * thread reads and checks a catalogue file (or workbook) again. Absent when it could not be read: each file then
   * says why, as before.
   */
  catalogParsed?: Catalog;
  bands?: string;
  /** The survey table (--survey): survey points per unit and criterion. */
  survey?: string;
  encoding?: LegacyEncoding | "unicode";
  /** --evidence DIR: one folder per workbook, named like it (a folder beside the workbook is found without it). */
  evidence?: string;
  ocr?: boolean;
  /** Read hidden sheets as unit sheets too (--include-hidden). */
  includeHidden?: boolean;
  /** The assessment year of every unit (--year), over what the sheets say. */
  year?: number;
  /** --max-cells (workbook/limits.ts). */
  maxCells?: number;
  lang: Lang;
  /** Whether each unit's summary is also returned as an .xlsx file of its own (--per-unit). */
  unitFiles: boolean;
  /**
   * Lay out each unit's sheet here, even when it is not written here (the default): a unit whose sheet cannot be
   * laid out is then skipped, not ranked (issue 13). par aggregate turns it off past 300 files, when the ranking holds
   * no unit sheets (about 1 ms a unit: 12 s of CPU for a nation's 12,000).
   */
  layOut?: boolean;
  /** Build each unit's minutes of appraisal (par report). */
  minutes?: boolean;
}

export interface ScoredUnit {
  summary: UnitSummary;
  /** The minutes of the council's appraisal (par report), when ScoreOptions.minutes and the sheet has council scores. */
  minutes?: AppraisalMinutes;
  /** The criteria it lost points on (its improvement plan), for the criteria most units lost points on. */
  losses: UnitLoss[];
  /** The unit's summary workbook (.xlsx bytes), when ScoreOptions.unitFiles. */
  file?: Uint8Array;
}

/**
 * Each unit's summary sheet as scoreFile laid it out, by its summary, in the thread that scored it: the ranking's
 * unit sheet is that one, not one laid out again (a worker thread's outcomes come without it: posting it would cost
 * more than laying it out).
 */
const sheets = new WeakMap<UnitSummary, SheetSpec>();

export function laidOutSheet(summary: UnitSummary): SheetSpec | undefined {
  return sheets.get(summary);
}

export interface FileOutcome {
  file: string;
  units: ScoredUnit[];
  /** Lines for the terminal about this file (sheets set aside, units not scored, indexes not computed…). */
  notes: string[];
  skipped: SkippedFile[];
}

export function reasonOf(e: unknown, lang: Lang): string {
  const text = (e as { text?: (l: Lang) => string })?.text;
  if (typeof text === "function") return text.call(e, lang);
  const message = (e as Error)?.message ?? String(e);
  return lang === "en" ? `unexpected error (please report it): ${message}` : `lỗi không mong đợi (xin báo lại cho nhóm phát triển): ${message}`;
}

/** Catalogues loaded once per thread: a catalogue file is not parsed again for every workbook. */
const catalogues = new Map<string, Promise<Catalog>>();

function catalogFor(ref: string | undefined): Promise<Catalog> | undefined {
  if (ref === undefined) return undefined;
  let catalog = catalogues.get(ref);
  if (!catalog) catalogues.set(ref, (catalog = loadCatalog(ref)));
  return catalog;
}

/** A unit's summary sheet as an .xlsx workbook of its own (for --per-unit). */
async function unitWorkbook(sheet: SheetSpec): Promise<Uint8Array> {
  // The writer (and exceljs) is loaded only for --per-unit: a worker thread that only scores starts quicker.
  const [{ default: Excel }, { addSheet, workbookBuffer }] = await Promise.all([import("exceljs"), import("../xlsx/write")]);
  const workbook = new Excel.Workbook();
  addSheet(workbook, sheet);
  return workbookBuffer(workbook, { level: 1 });
}

/** `listings`: the folders listed so far in this run (one map per run and thread; see EvidenceOptions). */
export async function scoreFile(file: string, opts: ScoreOptions, listings?: FolderListings): Promise<FileOutcome> {
  const outcome: FileOutcome = { file, units: [], notes: [], skipped: [] };
  const en = opts.lang === "en";
  try {
    // As readBands (commands/summary.ts) reads --bands; that module is not loaded in a worker thread.
    const bands = opts.bands ? parseBands(opts.bands) : undefined;
    const survey = opts.survey ? await readSurveyFile(opts.survey, opts.lang) : null;
    const given = opts.catalogParsed ?? (await catalogFor(opts.catalog));
    const loaded = await loadUnits(file, { catalog: opts.catalog, catalogLoaded: given, encoding: opts.encoding, includeHidden: opts.includeHidden, maxCells: opts.maxCells });
    const encoding = describeEncoding(loaded.encoding, opts.lang, loaded.convertedCells);
    if (encoding) outcome.notes.push(`${file}: ${encoding}`);
    for (const line of [...describeUnread(loaded.data, opts.lang, loaded.units), ...describeRejected(loaded.rejected, opts.lang)]) outcome.notes.push(`${file}: ${line}`);
    // Links behind evidence cells, appendix sheets, and the workbook's evidence folder when it has one.
    const evidence = await loadEvidence(file, loaded.data, loaded.units, { evidence: opts.evidence, ocr: opts.ocr, perWorkbook: true, listings });
    for (const unit of loaded.units) {
      try {
        if (!hasScores(unit)) {
          outcome.notes.push(`${file}: ${t("aggregate.unscored", { unit: unit.unit, sheet: unit.sheet }, opts.lang)}`);
          continue;
        }
        const { findings, matches } = validateWithEvidence(unit, loaded.choice.catalog, { lang: opts.lang, evidence: evidence.evidence });
        if (evidence.dir) {
          const counted = matches.filter((m) => m.status !== "found").length;
          outcome.notes.push(`${file}: ${en ? `evidence folder ${evidence.dir}: ${matches.length} citations checked, ${counted} with a finding` : `thư mục tài liệu ${evidence.dir}: đối chiếu ${matches.length} văn bản, ${counted} có lỗi`}`);
        }
        const points = survey ? surveyPointsFor(survey, unit.unit, loaded.choice.catalog, opts.lang) : null;
        points?.notes.forEach((note) => outcome.notes.push(`${file}: ${note}`));
        const summary = buildSummary(unit, loaded.choice.catalog, findings, { bands, survey: points?.scores, ...(opts.year ? { year: opts.year } : {}) });
        const gap = indexGapText(summary, opts.lang);
        if (gap) outcome.notes.push(`${file}: ${unit.unit} — ${gap}`);
        // Laid out here even when not written (see layOut): a unit whose summary cannot be laid out is skipped, not ranked.
        const sheet = opts.unitFiles || opts.layOut !== false ? summarySheet(summary, opts.lang) : null;
        if (sheet) sheets.set(summary, sheet);
        const losses = unitLosses(buildPlan(unit, loaded.choice.catalog).items);
        const minutes = opts.minutes ? appraisalMinutes(unit, loaded.choice.catalog, summary) : null;
        const scored: ScoredUnit = opts.unitFiles && sheet ? { summary, losses, file: await unitWorkbook(sheet) } : { summary, losses };
        outcome.units.push(minutes ? { ...scored, minutes } : scored);
      } catch (e) {
        outcome.skipped.push({ file: `${file} (${en ? "sheet" : "trang"} "${unit.sheet}")`, reason: reasonOf(e, opts.lang) });
      }
    }
  } catch (e) {
    outcome.skipped.push({ file, reason: reasonOf(e, opts.lang) });
  }
  return outcome;
}
