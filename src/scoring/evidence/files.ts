/**
 * Citations checked against the documents themselves (par … --evidence DIR): each file's text, as the CLI or the
 * pane read it, is parsed for its Nghị định 30 parts (document.ts), and a citation in the sheet is matched to the
 * file that carries its number and symbol — by content, never by file name. Pure: texts in, outcomes out.
 */
import { Grid } from "../grid";
import { formatDate } from "../values";
import { DocumentParts, KIND_NAMES, numberKey, numberParts, parseDocument } from "./document";

/** How a file's text was read. */
export type EvidenceSource = "pdf" | "docx" | "ocr" | "text";

/** A file of the evidence folder as read by a host. */
export interface EvidenceFile {
  /** Its path inside the evidence folder (or as linked from the sheet), as the user sees it. */
  name: string;
  /** Its text; null when it gave none (see problem). */
  text: string | null;
  source: EvidenceSource | null;
  /**
   * Why there is no text: "scan" (an image, or a PDF of images, read without --ocr), "damaged" (the reader failed),
   * "unsupported" (a kind of file no reader takes), "empty" (read, but no words: a blank scan with --ocr).
   */
  problem?: "scan" | "damaged" | "unsupported" | "empty";
  detail?: string;
}

export interface EvidenceDocument extends EvidenceFile {
  /** Its Nghị định 30 parts, when it has text. */
  parts: DocumentParts | null;
}

/** Parses each file's text once. */
export function evidenceDocuments(files: readonly EvidenceFile[]): EvidenceDocument[] {
  return files.map((f) => ({ ...f, parts: f.text !== null && f.text.trim() !== "" ? parseDocument(f.text) : null }));
}

export type CitationOutcome =
  | { status: "found"; document: EvidenceDocument }
  | { status: "mismatch"; document: EvidenceDocument; reason: "date" | "issuer" }
  | { status: "not-found"; closest: EvidenceDocument | null; unreadable: EvidenceDocument[] }
  | { status: "unreadable"; documents: EvidenceDocument[] };

/** Whether a citation says enough to look for (a number and symbol, or a kind and a date). */
export function isCheckable(citation: DocumentParts): boolean {
  return citation.number !== null || (citation.kind !== null && citation.date !== null);
}

/** How close a file is to a citation, to name the closest one when none carries it (higher is closer). */
function closeness(citation: DocumentParts, doc: EvidenceDocument): number {
  const p = doc.parts;
  if (!p) return 0;
  let score = 0;
  if (citation.number && p.number) {
    const a = numberParts(citation.number);
    const b = numberParts(p.number);
    if (a.serial === b.serial) score += 4;
    if (a.kind !== null && a.kind === b.kind) score += 2;
    if (a.issuer === b.issuer) score += 1;
  }
  if (citation.kind !== null && citation.kind === p.kind) score += 2;
  if (citation.date !== null && citation.date === p.date) score += 3;
  return score;
}

/**
 * The file that carries a citation: same number and symbol (and date, when both state one). Same number with
 * another date, or the same running number and kind from another issuer, is a mismatch. Without a number, a file
 * of the same kind and date. When none carries it and some files gave no text, the outcome says so (they may).
 */
export function findCitation(citation: DocumentParts, documents: readonly EvidenceDocument[]): CitationOutcome {
  const readable = documents.filter((d) => d.parts !== null);
  if (citation.number !== null) {
    const key = numberKey(citation.number);
    const same = readable.filter((d) => d.parts!.number !== null && numberKey(d.parts!.number) === key);
    const dated = same.find((d) => citation.date === null || d.parts!.date === null || d.parts!.date === citation.date);
    if (dated) return { status: "found", document: dated };
    if (same.length > 0) return { status: "mismatch", document: same[0], reason: "date" };
    const cited = numberParts(citation.number);
    const otherIssuer = readable.find((d) => {
      if (d.parts!.number === null) return false;
      const p = numberParts(d.parts!.number);
      return p.serial === cited.serial && p.kind === cited.kind && cited.kind !== null && p.issuer !== cited.issuer && (citation.date === null || d.parts!.date === citation.date);
    });
    if (otherIssuer) return { status: "mismatch", document: otherIssuer, reason: "issuer" };
  } else if (citation.kind !== null && citation.date !== null) {
    const found = readable.find((d) => d.parts!.kind === citation.kind && d.parts!.date === citation.date);
    if (found) return { status: "found", document: found };
  }
  const silent = documents.filter((d) => d.parts === null && d.problem !== "unsupported");
  let closest: EvidenceDocument | null = null;
  let best = 0;
  for (const d of readable) {
    const c = closeness(citation, d);
    if (c > best) [closest, best] = [d, c];
  }
  // A file of the same kind and symbol (or number) that is not it: not found. Nothing like it but files without
  // text: it may be one of them.
  if (best < 4 && silent.length > 0) return { status: "unreadable", documents: silent };
  return { status: "not-found", closest, unreadable: silent };
}

/** A document's own words, as the messages quote them: "Kế hoạch số 13/KH-UBND, Tân Thành, ngày 10 tháng 12 năm 2024". */
export function describeParts(parts: DocumentParts | null, lang: "vi" | "en"): string {
  if (!parts) return lang === "en" ? "no readable text" : "không đọc được chữ";
  const kind = parts.kind ? (KIND_NAMES[parts.kind]?.[lang] ?? parts.kind) : lang === "en" ? "a document" : "văn bản";
  const pieces = [parts.number ? (lang === "en" ? `${kind} no. ${parts.number}` : `${kind} số ${parts.number}`) : lang === "en" ? `${kind} without a number` : `${kind} không có số`];
  if (parts.dateText) pieces.push(`"${parts.dateText}"`);
  else if (parts.date !== null) pieces.push(formatDate(parts.date));
  if (parts.issuer) pieces.push(parts.issuer);
  return pieces.join(", ");
}

/** The assessment period of a year: from 1 January of the year before to 31 December of the year (serials). */
export function assessmentPeriod(year: number): { from: number; to: number } {
  const from = Math.round((Date.UTC(year - 1, 0, 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
  const to = Math.round((Date.UTC(year, 11, 31) - Date.UTC(1899, 11, 30)) / 86_400_000);
  return { from, to };
}

/** What validation knows of a workbook's evidence beyond the unit sheet's cells. */
export interface WorkbookEvidence {
  /** Every sheet of the workbook: the links behind evidence cells, and appendix sheets ("Phụ lục", "Tài liệu kiểm chứng"). */
  grids?: readonly Grid[];
  /** The evidence folder's files, read (par … --evidence DIR; the pane's "Kiểm tra tài liệu"); absent: not checked. */
  documents?: readonly EvidenceDocument[];
  /** Links to local files (targets as written in the sheet) → the file read, or null when no such file exists. */
  localFiles?: ReadonlyMap<string, EvidenceDocument | null>;
  /** Whether images and scanned PDFs were read with OCR (a scan without it is said to need --ocr). */
  ocr?: boolean;
}

/** Which file matched which citation of which criterion (the ledger, the HTML report). */
export interface EvidenceMatch {
  sheet: string;
  code: string;
  /** The evidence cell (or the appendix cell the citation came from). */
  cell: string;
  citation: string;
  status: "found" | "mismatch" | "not-found" | "out-of-period" | "unreadable";
  /** The file that matched (or has the number with another date or issuer); null when none does. */
  file: string | null;
  /** How that file's text was read. */
  source: EvidenceSource | null;
}
