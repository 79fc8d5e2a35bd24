"use strict";
/**
 * End-to-end benchmarks of `par aggregate` on generated unit workbooks (the compiled CLI, as users run it):
 *   aggregate-vs-libreoffice-200  par aggregate against LibreOffice headless recalculating the same 200 full-size
 *                                 workbooks (soffice --convert-to xlsx), measured in the same run
 *   validate-one-workbook         `par validate` of one full-size workbook (94 criteria), node's start included: the
 *                                 wall time a clerk waits for one check (median of 7 runs), with `node -e 0`'s
 *                                 median in the same turns beside it (the share of the figure that is node's own start)
 *   aggregate-12000-workbooks     a nation's year: 63 provinces × ~190 units, wall time and peak memory
 *                                 (only with `npm run bench -- --large`: generating the files takes a while)
 * A full-size workbook holds every criterion of the built-in catalogue dien-bien-2018, the self score of each leaf
 * as the nested IF provinces type, parents as SUM formulas (cached results written, as Excel saves them).
 */
const { spawn, spawnSync } = require("node:child_process");
const { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { delimiter, join } = require("node:path");
const { pathToFileURL } = require("node:url");
const ExcelJS = require("exceljs");
const core = require("../lib/scoring");

const PAR = join(__dirname, "..", "bin", "par.js");

/** One unit's workbook: a title, the header, every node of the catalogue, values varied by `variant`. */
async function unitWorkbook(file, unit, variant) {
  const catalog = core.builtinCatalog("dien-bien-2018");
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự chấm điểm");
  ws.addRow(["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2018"]);
  if (unit) ws.addRow([`Đơn vị: ${unit}`]);
  ws.addRow(["Bộ tiêu chí: dien-bien-2018"]);
  ws.addRow(["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình"]);
  let leaf = 0;
  const visit = (node) => {
    const row = ws.rowCount + 1;
    const max = core.effectiveMax(node) ?? 0.5;
    if (node.children.length === 0) {
      leaf++;
      const value = (leaf + variant) % 7 === 0 ? 0.85 : 1;
      const result = value >= 1 ? max : value >= 0.8 ? max / 2 : 0;
      ws.addRow([node.code, node.name, max, value, null, `Kế hoạch số ${leaf}/KH-UBND ngày ${1 + (leaf % 28)}/12/2017`, value < 1 ? "Chưa đạt" : null]);
      ws.getCell(row, 5).value = { formula: `IF(D${row}>=1,C${row},IF(D${row}>=0.8,C${row}/2,0))`, result };
      return result;
    }
    ws.addRow([node.code, node.name, max]);
    const first = row + 1;
    const total = node.children.reduce((sum, child) => sum + visit(child), 0);
    const children = [];
    for (let r = first; r <= ws.rowCount; r++) if (String(ws.getCell(r, 1).value).split(".").length === node.code.split(".").length + 1) children.push(`E${r}`);
    ws.getCell(row, 5).value = { formula: `SUM(${children.join(",")})`, result: Math.round(total * 100) / 100 };
    return total;
  };
  catalog.nodes.forEach(visit);
  await wb.xlsx.writeFile(file);
}

function soffice() {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = join(dir, name);
      if (dir && existsSync(candidate)) return candidate;
    }
  }
  return null;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Runs the compiled CLI; resolves with wall seconds and the peak resident memory (MB, Linux) of the process. */
function runPar(args) {
  return runNode([PAR, ...args]);
}

/** Runs node with `args` (runPar's runner); resolves with wall seconds and peak resident memory (MB, Linux). */
function runNode(args) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    let peak = 0;
    child.stderr.on("data", (d) => (err = (err + d).slice(-4000)));
    const sample = setInterval(() => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
      } catch {
        // gone, or not Linux
      }
    }, 50);
    child.on("exit", (code) => {
      clearInterval(sample);
      const seconds = (performance.now() - start) / 1000;
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited ${code}:\n${err}`));
      else resolve({ seconds, peakMb: peak });
    });
  });
}

/** LibreOffice headless converting (loading and recalculating) every file, with a private profile. */
function libreOfficeSeconds(bin, files, outDir) {
  const profile = mkdtempSync(join(tmpdir(), "par-bench-lo-"));
  try {
    const start = performance.now();
    const r = spawnSync(bin, [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nologo", "--convert-to", "xlsx", "--outdir", outDir, ...files], {
      stdio: "ignore",
      timeout: 1_800_000,
    });
    if (r.status !== 0) throw new Error(`soffice exited ${r.status}`);
    return (performance.now() - start) / 1000;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

async function benchVsLibreOffice() {
  const bin = soffice();
  if (!bin) {
    console.log("aggregate-vs-libreoffice-200: skipped (LibreOffice's soffice is not installed)");
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "par-bench-200-"));
  try {
    const units = join(dir, "units");
    mkdirSync(units);
    const files = [];
    for (let i = 0; i < 200; i++) {
      const file = join(units, `don-vi-${String(i).padStart(3, "0")}.xlsx`);
      await unitWorkbook(file, `Đơn vị ${i + 1}`, i);
      files.push(file);
    }
    const par = [];
    for (let round = 0; round < 3; round++) {
      par.push((await runPar(["aggregate", units, "-o", join(dir, `xep-hang-${round}.xlsx`)])).seconds);
    }
    const lo = libreOfficeSeconds(bin, files, join(dir, "lo"));
    const parSeconds = median(par);
    console.log(`aggregate-200-par: ${parSeconds.toFixed(2)} s`);
    console.log(`aggregate-200-libreoffice: ${lo.toFixed(2)} s`);
    console.log(`aggregate-vs-libreoffice-200: ${(lo / parSeconds).toFixed(1)} x`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchNation() {
  const dir = mkdtempSync(join(tmpdir(), "par-bench-12000-"));
  try {
    const variants = [];
    for (let v = 0; v < 10; v++) {
      const file = join(dir, `mau-${v}.xlsx`);
      // No unit line: each unit is named by its file, so the copies are 12,000 distinct units.
      await unitWorkbook(file, null, v);
      variants.push(file);
    }
    const root = join(dir, "ca-nuoc");
    let n = 0;
    for (let p = 0; p < 63; p++) {
      const province = join(root, `tinh-${String(p + 1).padStart(2, "0")}`);
      mkdirSync(province, { recursive: true });
      const count = p < 30 ? 191 : 190;
      // Named after province and unit: one unit twice in a ranking is refused, and units are named by their files.
      for (let u = 0; u < count && n < 12_000; u++, n++) {
        copyFileSync(variants[n % variants.length], join(province, `tinh-${String(p + 1).padStart(2, "0")}-don-vi-${String(u + 1).padStart(3, "0")}.xlsx`));
      }
    }
    const bytes = statSync(variants[0]).size;
    const { seconds, peakMb } = await runPar(["aggregate", root, "-o", join(dir, "xep-hang.xlsx"), "--groups", "folder"]);
    console.log(`aggregate-12000-workbooks: ${seconds.toFixed(1)} s, peak ${Math.round(peakMb)} MB (${n} files of ${Math.round(bytes / 1024)} KB)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchValidateOne() {
  const dir = mkdtempSync(join(tmpdir(), "par-bench-one-"));
  try {
    const file = join(dir, "so-noi-vu.xlsx");
    await unitWorkbook(file, "Sở Nội vụ", 3);
    await runPar(["validate", file]);
    // Node's own start, in turns with par's runs: the part of the figure that is the machine's, not par's.
    const times = [];
    const bare = [];
    for (let round = 0; round < 7; round++) {
      times.push((await runPar(["validate", file])).seconds);
      bare.push((await runNode(["-e", "0"])).seconds);
    }
    console.log(`validate-one-workbook: ${Math.round(median(times) * 1000)} ms (node -e 0 alone: ${Math.round(median(bare) * 1000)} ms)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { benchVsLibreOffice, benchNation, benchValidateOne, unitWorkbook };
