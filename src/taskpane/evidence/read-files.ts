/**
 * The files the user chose in "Kiểm tra tài liệu", read in the browser as the CLI reads them (by content, never by
 * name): PDF text with pdf.js and .docx with mammoth, each loaded on first use as a chunk of its own. Images and
 * PDFs without text are scans: OCR stays in the command line (par validate --evidence DIR --ocr).
 */
import { EvidenceFile } from "../../scoring";

function kindOf(bytes: Uint8Array): "pdf" | "docx" | "image" | "other" {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return "docx";
  if ((bytes[0] === 0x89 && head.slice(1, 4) === "PNG") || (bytes[0] === 0xff && bytes[1] === 0xd8)) return "image";
  return "other";
}

/** A chosen file: its path inside the chosen folder (webkitRelativePath) or its name. */
export function fileName(file: File): string {
  return (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name;
}

export async function readBrowserFile(file: File): Promise<EvidenceFile> {
  const name = fileName(file);
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    const kind = kindOf(bytes);
    if (kind === "pdf") {
      const { pdfPages } = await import(/* webpackChunkName: "pdfjs" */ "./pdf-browser");
      const text = (await pdfPages(bytes)).join("\n");
      return text.trim() !== "" ? { name, text, source: "pdf" } : { name, text: null, source: null, problem: "scan" };
    }
    if (kind === "docx") {
      const mammoth = (await import(/* webpackChunkName: "mammoth" */ "mammoth")) as unknown as {
        extractRawText(input: { arrayBuffer: ArrayBuffer }): Promise<{ value: string }>;
      };
      const { value } = await mammoth.extractRawText({ arrayBuffer: bytes.buffer as ArrayBuffer });
      return value.trim() !== "" ? { name, text: value, source: "docx" } : { name, text: null, source: null, problem: "empty" };
    }
    if (kind === "image") return { name, text: null, source: null, problem: "scan" };
    return { name, text: null, source: null, problem: "unsupported" };
  } catch (e) {
    return { name, text: null, source: null, problem: "damaged", detail: (e as Error)?.message ?? String(e) };
  }
}

/** Reads the chosen files one after another (a pane has one thread to share with Excel). */
export async function readBrowserFiles(files: readonly File[]): Promise<EvidenceFile[]> {
  const out: EvidenceFile[] = [];
  for (const f of files) {
    const name = fileName(f);
    if (name.split("/").some((part) => part.startsWith(".") || part.startsWith("~$"))) continue;
    out.push(await readBrowserFile(f));
  }
  return out;
}
