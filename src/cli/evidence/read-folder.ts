/**
 * The evidence folder (par … --evidence DIR), read: every file's text, told apart by its content (never its name):
 * PDF (pdf.js), .docx (mammoth), and with --ocr images and PDFs of images (tesseract.js). Also the local files that
 * evidence cells link to, relative to the workbook.
 */
// fs.promises, not node:fs/promises: loaded when first used, not at every start of par.
import { promises as fsp } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { EvidenceDocument, evidenceDocuments, EvidenceFile, Grid, isLocalFileLink, linkAt, UnitSheet } from "../../scoring";
import { OcrReader, imagePng } from "./ocr";
import { PdfReader } from "./pdf-text";

export interface ReadOptions {
  ocr?: boolean;
}

type Kind = "pdf" | "docx" | "image" | "other";

function kindOf(buf: Buffer): Kind {
  if (buf.subarray(0, 1024).includes("%PDF-")) return "pdf";
  if (buf[0] === 0x50 && buf[1] === 0x4b && buf.includes("word/document.xml")) return "docx";
  if (buf[0] === 0x89 && buf.subarray(1, 4).toString("ascii") === "PNG") return "image";
  if (buf[0] === 0xff && buf[1] === 0xd8) return "image";
  if (buf.subarray(0, 2).toString("ascii") === "BM") return "image";
  if (["II*\0", "MM\0*"].includes(buf.subarray(0, 4).toString("latin1"))) return "image";
  return "other";
}

/** Reads files with one pdf.js pool and (when asked) one OCR worker. */
export class EvidenceReader {
  private pdf: PdfReader | null = null;
  private ocr: OcrReader | null = null;

  constructor(private options: ReadOptions = {}) {}

  async read(path: string, name: string): Promise<EvidenceFile> {
    let buf: Buffer;
    try {
      buf = await fsp.readFile(path);
    } catch (e) {
      return { name, text: null, source: null, problem: "damaged", detail: (e as Error).message };
    }
    const kind = kindOf(buf);
    try {
      if (kind === "pdf") {
        this.pdf ??= new PdfReader();
        const { pages, images } = await this.pdf.read(new Uint8Array(buf), Boolean(this.options.ocr));
        const text = pages.join("\n");
        if (text.trim() !== "") return { name, text, source: "pdf" };
        if (!this.options.ocr) return { name, text: null, source: null, problem: "scan" };
        const ocrText: string[] = [];
        for (const img of images) ocrText.push(await this.recognize(imagePng(img)));
        const joined = ocrText.join("\n");
        return joined.trim() !== "" ? { name, text: joined, source: "ocr" } : { name, text: null, source: null, problem: "empty" };
      }
      if (kind === "docx") {
        const mammoth = require("mammoth") as { extractRawText(input: { buffer: Buffer }): Promise<{ value: string }> };
        const { value } = await mammoth.extractRawText({ buffer: buf });
        return value.trim() !== "" ? { name, text: value, source: "docx" } : { name, text: null, source: null, problem: "empty" };
      }
      if (kind === "image") {
        if (!this.options.ocr) return { name, text: null, source: null, problem: "scan" };
        const text = await this.recognize(buf);
        return text.trim() !== "" ? { name, text, source: "ocr" } : { name, text: null, source: null, problem: "empty" };
      }
      return { name, text: null, source: null, problem: "unsupported" };
    } catch (e) {
      return { name, text: null, source: null, problem: "damaged", detail: (e as Error).message };
    }
  }

  private recognize(png: Buffer): Promise<string> {
    this.ocr ??= new OcrReader();
    return this.ocr.recognize(png);
  }

  async close(): Promise<void> {
    await Promise.all([this.pdf?.close(), this.ocr?.close()]);
    this.pdf = null;
    this.ocr = null;
  }
}

/** Every file under a folder (hidden files and Office's "~$" lock files left out), sorted, as paths. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fsp.readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || entry.name.startsWith("~$")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out.sort();
}

/** Reads the files of a folder, two at a time in flight per pdf.js thread; names relative to the folder. */
export async function readEvidenceFolder(dir: string, reader: EvidenceReader): Promise<EvidenceDocument[]> {
  const files = await listFiles(dir);
  const read = await Promise.all(files.map((f) => reader.read(f, relative(dir, f).split(sep).join("/"))));
  return evidenceDocuments(read);
}

/**
 * The local files that evidence cells link to (relative to the workbook's folder): each read, or null when it does
 * not exist. A file already read from the evidence folder is not read twice.
 */
export async function readLinkedFiles(
  book: string,
  units: readonly UnitSheet[],
  grids: readonly Grid[],
  reader: EvidenceReader,
  folder: { dir: string; documents: readonly EvidenceDocument[] } | null,
): Promise<Map<string, EvidenceDocument | null>> {
  const out = new Map<string, EvidenceDocument | null>();
  const base = dirname(resolve(book));
  for (const unit of units) {
    const grid = grids.find((g) => g.name === unit.sheet);
    for (const row of unit.rows) {
      if (!row.evidence) continue;
      const link = linkAt(grid, row.evidence.cell);
      if (!link || !isLocalFileLink(link) || out.has(link)) continue;
      const target = decodeURI(link.replace(/\\/g, "/"));
      const path = isAbsolute(target) ? target : resolve(base, target);
      const exists = await fsp.stat(path).then((s) => s.isFile(), () => false);
      if (!exists) {
        out.set(link, null);
        continue;
      }
      const inFolder = folder ? relative(folder.dir, path).split(sep).join("/") : null;
      const known = inFolder && !inFolder.startsWith("..") ? folder!.documents.find((d) => d.name === inFolder) : undefined;
      out.set(link, known ?? evidenceDocuments([await reader.read(path, relative(base, path).split(sep).join("/"))])[0]);
    }
  }
  return out;
}
