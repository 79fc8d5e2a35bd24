/**
 * What validation gets to check a workbook's evidence (WorkbookEvidence): its sheets (links behind evidence cells,
 * appendix sheets), the linked local files, and with --evidence DIR (or a folder beside the workbook named like
 * it, for aggregate) the folder's documents. Also the files no criterion cites, listed as information.
 */
// fs.promises, not node:fs/promises: loaded when first used, not at every start of par.
import { promises as fsp } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { EvidenceDocument, EvidenceMatch, Lang, UnitSheet, WorkbookEvidence } from "../../scoring";
import { ownedSheetNames, WorkbookData } from "../xlsx/read";
import { CliError } from "../errors";
import { EvidenceReader, readEvidenceFolder, readLinkedFiles } from "./read-folder";

export interface EvidenceOptions {
  /** --evidence DIR. */
  evidence?: string;
  /** --ocr. */
  ocr?: boolean;
  /** aggregate: DIR holds one folder per workbook, named like it; a folder beside the workbook is found without it. */
  perWorkbook?: boolean;
  /**
   * With perWorkbook: the folders listed so far in this run (FolderListings), so that a run over thousands of
   * workbooks lists each folder once instead of asking for a folder beside every workbook. One per run: a folder
   * made between two runs is seen by the second.
   */
  listings?: FolderListings;
}

/** Per folder, the loose names of what it holds that may be a folder (folders and links). */
export type FolderListings = Map<string, Promise<Set<string> | null>>;

export interface LoadedEvidence {
  evidence: WorkbookEvidence;
  /** The folder read, or null. */
  dir: string | null;
}

async function isDir(path: string): Promise<boolean> {
  return fsp.stat(path).then((s) => s.isDirectory(), () => false);
}

/** A name as a file system that ignores case or Unicode form may read it. */
const loose = (name: string) => name.normalize("NFC").toLowerCase();

function mayHoldFolders(listings: FolderListings, dir: string): Promise<Set<string> | null> {
  let listing = listings.get(dir);
  if (!listing) {
    listing = fsp.readdir(dir, { withFileTypes: true }).then(
      (entries) => new Set(entries.filter((e) => e.isDirectory() || e.isSymbolicLink()).map((e) => loose(e.name))),
      () => null,
    );
    listings.set(dir, listing);
  }
  return listing;
}

/**
 * Whether `dir`/`name` is a folder. Aggregating thousands of workbooks asked the file system once per workbook for a
 * folder that is almost never there: the parent folder is listed once, and only a name it may hold is looked at.
 */
async function isSubfolder(dir: string, name: string, listings: FolderListings | undefined): Promise<boolean> {
  const listing = listings ? await mayHoldFolders(listings, dir) : null;
  if (listing && !listing.has(loose(name))) return false;
  return isDir(join(dir, name));
}

/** The evidence folder of a workbook: DIR itself, or (per workbook) DIR/<name> or <beside the workbook>/<name>. */
export async function evidenceFolder(book: string, options: EvidenceOptions): Promise<string | null> {
  const name = basename(book, extname(book));
  if (options.perWorkbook) {
    if (options.evidence && (await isSubfolder(options.evidence, name, options.listings))) return join(options.evidence, name);
    return (await isSubfolder(dirname(book), name, options.listings)) ? join(dirname(book), name) : null;
  }
  if (!options.evidence) return null;
  if (!(await isDir(options.evidence))) {
    throw new CliError(
      `Thư mục tài liệu kiểm chứng "${options.evidence}" (--evidence) không có hoặc không phải là thư mục. Ghi đường dẫn tới thư mục chứa các tệp PDF, .docx của đơn vị`,
      `The evidence folder "${options.evidence}" (--evidence) does not exist or is not a folder. Give the folder holding the unit's PDF and .docx files`,
    );
  }
  return options.evidence;
}

/**
 * Reads what a workbook's evidence check needs; the reader's threads are ended before returning. The sheets PAR
 * Scorer generated (a previous summary's plan lists evidence per criterion) are never read as appendices.
 */
export async function loadEvidence(book: string, data: WorkbookData, units: readonly UnitSheet[], options: EvidenceOptions): Promise<LoadedEvidence> {
  const owned = new Set(ownedSheetNames(data));
  const grids = data.grids.filter((g) => !owned.has(g.name));
  const dir = await evidenceFolder(book, options);
  const reader = new EvidenceReader({ ocr: options.ocr });
  try {
    const documents = dir ? await readEvidenceFolder(dir, reader) : undefined;
    const localFiles = await readLinkedFiles(book, units, grids, reader, dir && documents ? { dir, documents } : null);
    return { evidence: { grids, documents, localFiles, ocr: options.ocr }, dir };
  } finally {
    await reader.close();
  }
}

/** The files of the folder that no citation matched (nor nearly matched). */
export function uncitedFiles(documents: readonly EvidenceDocument[] | undefined, matches: readonly EvidenceMatch[]): EvidenceDocument[] {
  if (!documents) return [];
  const used = new Set(matches.filter((m) => m.status !== "not-found" && m.file !== null).map((m) => m.file));
  return documents.filter((d) => !used.has(d.name));
}

const STATUS: Record<EvidenceMatch["status"], { vi: string; en: string }> = {
  found: { vi: "khớp", en: "matches" },
  mismatch: { vi: "khác ngày/cơ quan", en: "other date/issuer" },
  "not-found": { vi: "không có tệp", en: "no file" },
  "out-of-period": { vi: "ngoài kỳ đánh giá", en: "out of period" },
  unreadable: { vi: "không đọc được", en: "unreadable" },
};

export function statusText(status: EvidenceMatch["status"], lang: Lang): string {
  return STATUS[status][lang];
}

/** The terminal's account: per criterion, which file matched which citation, then the files nobody cites. */
export function describeEvidence(loaded: LoadedEvidence, matches: readonly EvidenceMatch[], lang: Lang): string[] {
  const documents = loaded.evidence.documents;
  if (!documents && matches.length === 0) return [];
  const en = lang === "en";
  const lines: string[] = [];
  if (documents && loaded.dir) {
    const read = documents.filter((d) => d.parts !== null).length;
    lines.push(en ? `Evidence folder ${loaded.dir}: ${documents.length} files, ${read} read${loaded.evidence.ocr ? " (with OCR)" : ""}` : `Thư mục tài liệu ${loaded.dir}: ${documents.length} tệp, đọc được ${read}${loaded.evidence.ocr ? " (có OCR)" : ""}`);
  }
  for (const m of matches) {
    const file = m.file ? `"${m.file}"${m.source === "ocr" ? " (OCR)" : ""}` : "—";
    lines.push(`  ${m.code} ${m.cell}: "${m.citation}" → ${file} (${statusText(m.status, lang)})`);
  }
  const uncited = uncitedFiles(documents, matches);
  if (uncited.length > 0) {
    lines.push(en ? `Files no criterion cites (information): ${uncited.length}` : `Tệp không tiêu chí nào trích dẫn (thông tin): ${uncited.length}`);
    for (const d of uncited) lines.push(`  ${d.name}${d.parts === null ? (en ? " (no text)" : " (không có chữ)") : ""}`);
  }
  return lines;
}
