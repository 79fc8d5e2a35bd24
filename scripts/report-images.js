#!/usr/bin/env node
/**
 * Renders the first page of each report the command line writes, from the bundled samples, into docs/ (the images
 * README shows): the summary's HTML report and the ranking's, printed to A4 by headless Chromium, and the Word
 * report, opened by LibreOffice; each PDF's first page drawn with pdftoppm (poppler-utils).
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

/** The first page of a PDF as docs/<name>.png. */
function firstPage(pdf, name) {
  const stem = path.join(work, name);
  execFileSync("pdftoppm", ["-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, stem]);
  fs.copyFileSync(`${stem}.png`, path.join(docs, `${name}.png`));
  console.log(`docs/${name}.png`);
}

async function main() {
  const out = (file) => path.join(work, file);
  par("summary", "samples/so/so-tu-phap.xlsx", "-c", "samples/bo-tieu-chi-cap-so-2018.json", "-o", out("tong-hop.xlsx"));
  par("aggregate", "samples/so", "samples/huyen", "-c", "samples/bo-tieu-chi-cap-so-2018.json", "-o", out("xep-hang.xlsx"), "--groups", "samples/so=Sở, ban, ngành", "samples/huyen=UBND cấp huyện");
  par("report", out("xep-hang.xlsx"), "--year", "2018", "-o", out("bao-cao.docx"));

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

  const profile = pathToFileURL(fs.mkdtempSync(path.join(os.tmpdir(), "par-lo-profile-"))).href;
  execFileSync(which("soffice"), [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", work, out("bao-cao.docx")], { stdio: "ignore" });
  firstPage(out("bao-cao.pdf"), "report-docx");
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
