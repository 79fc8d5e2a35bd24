/**
 * PDF text in the browser with pdf.js, loaded only when "Kiểm tra tài liệu" reads a PDF: this module and pdf.js are
 * their own chunk (webpack splits at the dynamic import in read-files.ts), so the pane's first-open bundle does not
 * carry them. pdf.js runs its worker code in this thread (its "fake worker", from the worker module imported here):
 * no second script URL to serve.
 */
import * as pdfjs from "pdfjs-dist";
import * as pdfWorker from "pdfjs-dist/build/pdf.worker.mjs";

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfWorker;

/** The text of each page, lines ended by "\n". */
export async function pdfPages(data: Uint8Array): Promise<string[]> {
  const doc = await pdfjs.getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if (!("str" in item)) continue;
        text += item.str;
        if (item.hasEOL) text += "\n";
      }
      pages.push(text);
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}
