#!/usr/bin/env node
/**
 * Renders the first page of each report the command line writes, from the bundled samples, into docs/ (the images
 * README shows): the summary's HTML report and the ranking's, printed to A4 by headless Chromium, and the Word
 * report, opened by LibreOffice; each PDF's first page drawn with pdftoppm (poppler-utils). The .xlsx outputs are
 * printed by LibreOffice in a Vietnamese locale (as a Sở Nội vụ's LibreOffice prints them: 1.234,50), and the pages
 * a reader looks at first drawn small: the summary's "Tổng hợp" and "Kế hoạch cải thiện", the ranking's "Xếp hạng"
 * and its first chart.
 * Run by hand after `npm run build:cli` when the reports change (`node scripts/report-images.js`); the PNGs are
 * committed.
 */
"use strict";

const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { pathToFileURL } = require("url");
const { chromium } = require("playwright-core");

const root = path.join(__dirname, "..");
const docs = path.join(root, "docs");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "par-report-images-"));

function par(...args) {
  execFileSync(process.execPath, [path.join(root, "bin", "par.js"), ...args], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

function which(name) {
  return execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
}

/** Page `page` (1-based) of a PDF as docs/<name>.png, drawn at `dpi`. */
function drawPage(pdf, name, page = 1, dpi = 80) {
  const stem = path.join(work, name);
  execFileSync("pdftoppm", ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, stem]);
  fs.copyFileSync(`${stem}.png`, path.join(docs, `${name}.png`));
  console.log(`docs/${name}.png (page ${page})`);
}

const firstPage = (pdf, name) => drawPage(pdf, name, 1);

/** A LibreOffice profile (a throw-away folder) whose locale is `locale`; its file: URL. */
function libreOfficeProfile(locale) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "par-lo-profile-"));
  if (locale) {
    fs.mkdirSync(path.join(dir, "user"), { recursive: true });
    fs.writeFileSync(
      path.join(dir, "user", "registrymodifications.xcu"),
      `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item></oor:items>\n`,
    );
  }
  return pathToFileURL(dir).href;
}

/** `file` converted to PDF by LibreOffice (in `locale`, when given), in the work folder; the PDF's path. */
function libreOfficePdf(file, locale) {
  execFileSync(which("soffice"), [`-env:UserInstallation=${libreOfficeProfile(locale)}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, file], { stdio: "ignore" });
  return path.join(work, `${path.basename(file, path.extname(file))}.pdf`);
}

/** The first page (1-based) of a PDF that has a line reading `line` (a sheet's title, a chart's title). */
function pageWithLine(pdf, line) {
  const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }).split("\f");
  const index = pages.findIndex((text) => text.split("\n").some((l) => l.trim() === line));
  if (index < 0) throw new Error(`no page of ${pdf} reads "${line}"`);
  return index + 1;
}

async function main() {
  const out = (file) => path.join(work, file);
  // The 2026 samples (since 1 July 2025): a department's summary, and sở, phường, xã và đặc khu ranked apart.
  par("summary", "samples/2026/so/so-tu-phap.xlsx", "-o", out("tong-hop.xlsx"));
  par("aggregate", "samples/2026", "-o", out("xep-hang.xlsx"));
  par("report", out("xep-hang.xlsx"), "--year", "2026", "-o", out("bao-cao.docx"));

  const browser = await chromium.launch({
    executablePath: which("chromium"),
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage();
    for (const [html, name] of [
      ["tong-hop.html", "report-summary"],
      ["xep-hang.html", "report-ranking"],
    ]) {
      await page.goto(pathToFileURL(out(html)).href);
      await page.pdf({ path: out(`${name}.pdf`), format: "A4", printBackground: true, preferCSSPageSize: true });
      firstPage(out(`${name}.pdf`), name);
    }
  } finally {
    await browser.close();
  }

  firstPage(libreOfficePdf(out("bao-cao.docx")), "report-docx");

  // The .xlsx outputs, printed (small: 60 dpi).
  const summary = libreOfficePdf(out("tong-hop.xlsx"), "vi-VN");
  drawPage(summary, "xlsx-summary", pageWithLine(summary, "TỔNG HỢP KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"), 60);
  drawPage(summary, "xlsx-plan", pageWithLine(summary, "PHỤ LỤC: KẾ HOẠCH CẢI THIỆN CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"), 60);
  const ranking = libreOfficePdf(out("xep-hang.xlsx"), "vi-VN");
  drawPage(ranking, "xlsx-ranking", 1, 60);
  drawPage(ranking, "xlsx-ranking-chart", pageWithLine(ranking, "Chỉ số CCHC theo đơn vị — Sở, ban, ngành"), 60);
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
