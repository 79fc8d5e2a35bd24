"use strict";
/**
 * evidence-200-pdfs: `par validate --evidence` on one unit sheet citing 200 two-page text PDFs (Nghị định 30
 * documents written as HTML and converted by LibreOffice in one run, under names unrelated to their content).
 * Target: under 10 s on two cores. Skipped with a line when LibreOffice is missing.
 */
const { spawnSync } = require("node:child_process");
const { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

const FILES = 200;

function documentHtml(i) {
  const para = "Ủy ban nhân dân xã triển khai các nhiệm vụ cải cách hành chính theo kế hoạch của tỉnh. ".repeat(40);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<table width="100%"><tr><td>UBND HUYỆN ĐIỆN BIÊN<br><b>ỦY BAN NHÂN DÂN XÃ TÂN THÀNH</b></td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br><b>Độc lập - Tự do - Hạnh phúc</b></td></tr>
<tr><td>Số: ${i + 1}/KH-UBND</td><td><i>Tân Thành, ngày ${(i % 28) + 1} tháng ${(i % 12) + 1} năm 2018</i></td></tr></table>
<p style="text-align:center"><b>KẾ HOẠCH</b><br><b>Cải cách hành chính số ${i + 1}</b></p>
<p>${para}</p><p style="page-break-before:always">${para}</p></body></html>`;
}

async function benchEvidence() {
  const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8" });
  if (soffice.error) {
    console.log("evidence-200-pdfs: skipped (LibreOffice is not installed)");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "par-bench-evidence-"));
  try {
    const html = join(dir, "html");
    const pdfs = join(dir, "tai-lieu");
    require("node:fs").mkdirSync(html);
    require("node:fs").mkdirSync(pdfs);
    const inputs = [];
    for (let i = 0; i < FILES; i++) {
      const file = join(html, `d${i}.html`);
      writeFileSync(file, documentHtml(i));
      inputs.push(file);
    }
    const profile = join(dir, "profile");
    spawnSync("soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--convert-to", "pdf:writer_web_pdf_Export", "--outdir", pdfs, ...inputs], { timeout: 600_000 });
    readdirSync(pdfs).forEach((f, i) => renameSync(join(pdfs, f), join(pdfs, `scan-${String(i * 7919 % 1000).padStart(4, "0")}-${i}.pdf`)));
    // The sheet: every leaf of dien-bien-2018 cites some of the 200 plans.
    const ExcelJS = require("exceljs");
    const { builtinCatalog, walk } = require("../lib/scoring");
    const nodes = walk(builtinCatalog("dien-bien-2018").nodes);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tự đánh giá");
    ws.addRow(["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "TLKC", "Ghi chú"]);
    let n = 0;
    for (const node of nodes) {
      const leaf = node.children.length === 0;
      const cites = [];
      if (leaf) for (let k = 0; k < 3; k++, n++) cites.push(`Kế hoạch số ${(n % FILES) + 1}/KH-UBND ngày ${(n % FILES % 28) + 1}/${(n % FILES % 12) + 1}/2018`);
      ws.addRow([node.code, node.name, leaf ? node.max : null, leaf ? node.max : null, cites.join("\n") || null, null]);
    }
    const book = join(dir, "xa.xlsx");
    await wb.xlsx.writeFile(book);
    const { run } = require("../lib/cli/main");
    let out = "";
    const start = performance.now();
    await run(["validate", book, "--catalog", "dien-bien-2018", "--evidence", pdfs], { out: (t) => (out += t), err: () => undefined, isTTY: false });
    const ms = performance.now() - start;
    const read = /(\d+) tệp, đọc được (\d+)/.exec(out);
    console.log(`evidence-200-pdfs: ${(ms / 1000).toFixed(2)} s (${read ? `${read[2]}/${read[1]} files read` : "files not read"}; target < 10 s)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { benchEvidence };
