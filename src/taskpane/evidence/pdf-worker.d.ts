/** pdf.js's worker module, imported for its fake worker (pdf-browser.ts); pdfjs-dist ships no types for it. */
declare module "pdfjs-dist/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
