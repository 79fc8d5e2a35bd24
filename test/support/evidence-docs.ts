/**
 * Evidence documents for tests, made as a clerk's office makes them: a Nghị định 30 document written as HTML
 * (letterhead and motto side by side, number under the issuer, place and date on the right, the kind as a heading,
 * the subject under it), converted by LibreOffice Writer to PDF or .docx (each run with its own profile), and a
 * "scan": the document as a picture (chromium --screenshot) printed into a PDF of images only.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { convertWithLibreOffice } from "./libreoffice";

export interface Nd30 {
  issuerTop: string;
  issuer: string;
  number: string;
  place: string;
  date: [number, number, number];
  kind: string;
  subject: string;
  /** A body sentence citing another document (must not be read as this document's number). */
  body?: string;
}

const two = (n: number) => String(n).padStart(2, "0");

export function nd30Html(d: Nd30): string {
  const [day, month, year] = d.date;
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:'DejaVu Serif',serif;font-size:13pt;background:#fff} td{vertical-align:top;text-align:center}</style></head><body>
<table width="100%"><tr><td width="40%">${d.issuerTop}<br><b>${d.issuer}</b></td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b></td></tr>
<tr><td>Số: ${d.number}</td><td><i>${d.place}, ngày ${two(day)} tháng ${two(month)} năm ${year}</i></td></tr></table>
<p style="text-align:center"><b>${d.kind}</b><br><b>${d.subject}</b></p>
<p>${d.body ?? "Căn cứ Kế hoạch số 1/KH-UBND ngày 02/01/2016 của Ủy ban nhân dân tỉnh."}</p>
<p>Ủy ban nhân dân ban hành văn bản này để các cơ quan, đơn vị thực hiện.</p>
</body></html>`;
}

/** Converts an HTML document to PDF or .docx with LibreOffice Writer; returns the output's path, renamed to `name`. */
export function convertDocument(html: string, dir: string, format: "pdf" | "docx", name: string): string {
  const work = mkdtempSync(join(tmpdir(), "par-doc-"));
  try {
    const source = join(work, "van-ban.html");
    writeFileSync(source, html);
    const filter = format === "pdf" ? "pdf:writer_web_pdf_Export" : "docx:MS Word 2007 XML";
    const result = convertWithLibreOffice(source, work, filter);
    if (!result.ok || !result.output) throw new Error(`LibreOffice did not convert the document:\n${result.log}`);
    const to = join(dir, name);
    renameSync(result.output, to);
    return to;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function chromium(): string {
  for (const c of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(c)) return c;
  throw new Error("Chromium is not installed; the OCR tests make their scans with it (apt-get install chromium)");
}

function runChromium(args: string[], profile: string): void {
  const r = spawnSync(chromium(), ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", `--user-data-dir=${profile}`, ...args], {
    encoding: "utf8",
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`chromium failed: ${r.stderr}`);
}

/** A scan: the document shown as a PNG on a page that Chromium prints to a PDF holding only that image. */
export function scannedPdf(html: string, dir: string, name: string): string {
  const work = mkdtempSync(join(tmpdir(), "par-scan-"));
  try {
    const page = join(work, "page.html");
    writeFileSync(page, html);
    const png = join(work, "scan.png");
    runChromium(["--hide-scrollbars", "--window-size=1240,900", "--force-device-scale-factor=1.5", `--screenshot=${png}`, pathToFileURL(page).href], join(work, "p1"));
    const holder = join(work, "holder.html");
    writeFileSync(holder, `<!DOCTYPE html><html><body style="margin:0"><img src="scan.png" style="width:100%"></body></html>`);
    const to = join(dir, name);
    runChromium(["--no-pdf-header-footer", `--print-to-pdf=${to}`, pathToFileURL(holder).href], join(work, "p2"));
    return to;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
