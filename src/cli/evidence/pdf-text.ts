/**
 * PDF text with pdf.js (pdfjs-dist 5, an ES module), in worker threads: the CLI is CommonJS (and its tests run under
 * jest), so the module is imported inside a thread evaluated from a string. Two threads read files in parallel (the
 * machines this runs on have two cores or more). A page without text is searched for its images, which are handed
 * back as raw pixels for OCR (a scan printed to PDF holds one image a page).
 */
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import type { Worker } from "node:worker_threads";

export interface PdfImage {
  width: number;
  height: number;
  /** 1: 1 bit a pixel (grey), 2: RGB, 3: RGBA (pdf.js ImageKind). */
  kind: number;
  data: Uint8Array;
}

export interface PdfText {
  /** The text of each page, lines ended by "\n". */
  pages: string[];
  /** The images of pages that had no text (only asked for when `images` is true). */
  images: PdfImage[];
}

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const ready = import(workerData.url);
parentPort.on("message", async ({ id, data, images }) => {
  try {
    const pdfjs = await ready;
    const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
      isOffscreenCanvasSupported: false, isImageDecoderSupported: false, verbosity: 0 }).promise;
    const pages = [];
    const found = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (typeof item.str !== "string") continue;
        text += item.str;
        if (item.hasEOL) text += "\\n";
      }
      pages.push(text);
      if (images && text.trim() === "") {
        const ops = await page.getOperatorList();
        for (let k = 0; k < ops.fnArray.length; k++) {
          if (ops.fnArray[k] !== pdfjs.OPS.paintImageXObject) continue;
          const name = ops.argsArray[k][0];
          const img = await new Promise((resolve) => {
            const objs = name.startsWith("g_") ? page.commonObjs : page.objs;
            objs.get(name, resolve);
          });
          if (img && img.data && img.width > 0) found.push({ width: img.width, height: img.height, kind: img.kind, data: img.data });
        }
      }
      page.cleanup();
    }
    await doc.destroy();
    parentPort.postMessage({ id, pages, images: found });
  } catch (e) {
    parentPort.postMessage({ id, error: String((e && e.message) || e) });
  }
});
`;

interface Pending {
  resolve: (t: PdfText) => void;
  reject: (e: Error) => void;
}

/** A small pool of pdf.js threads; close() ends them. */
export class PdfReader {
  private workers: Worker[] = [];
  private pending = new Map<number, Pending>();
  private next = 0;
  private id = 0;

  constructor(threads = Math.max(1, Math.min(2, availableParallelism()))) {
    // node:worker_threads loaded here, not at the top: par validate without PDFs does not pay for it.
    const ThreadClass = (require("node:worker_threads") as typeof import("node:worker_threads")).Worker;
    // createRequire, not require.resolve: the bundled CLI (scripts/bundle-cli.js) must resolve it at run time.
    const url = pathToFileURL(createRequire(__filename).resolve("pdfjs-dist/legacy/build/pdf.mjs")).href;
    for (let i = 0; i < threads; i++) {
      const w = new ThreadClass(WORKER, { eval: true, workerData: { url } });
      w.on("message", (m: { id: number; pages?: string[]; images?: PdfImage[]; error?: string }) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        this.pending.delete(m.id);
        if (m.error !== undefined) p.reject(new Error(m.error));
        else p.resolve({ pages: m.pages ?? [], images: m.images ?? [] });
      });
      w.on("error", (e) => {
        for (const p of this.pending.values()) p.reject(e);
        this.pending.clear();
      });
      this.workers.push(w);
    }
  }

  read(data: Uint8Array, images: boolean): Promise<PdfText> {
    const id = ++this.id;
    const worker = this.workers[this.next++ % this.workers.length];
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, data, images });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
