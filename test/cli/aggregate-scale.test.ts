/**
 * Issue #11 and #13 item 10: aggregate on worker threads gives the ranking the in-process run gives (order never
 * depends on timing); above 300 units the ranking workbook holds no per-unit sheets and says how to get them;
 * --per-unit writes one file per unit under the output rules; LibreOffice opens the ranking of many units.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { join } from "node:path";
import { defaultThreads, MAIN_THREAD_BELOW, scoreFiles, threadsFor } from "../../src/cli/aggregate/pool";
import { loadCatalog } from "../../src/cli/catalog-source";
import { FileOutcome, laidOutSheet, scoreFile } from "../../src/cli/aggregate/score-file";
import { summarySheet } from "../../src/scoring";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { convertWithLibreOffice, requireSoffice } from "../support/libreoffice";
import { par, SAMPLE_CATALOG, SAMPLES, tempDir } from "../support/par";

jest.setTimeout(600_000);

const ROOT = join(__dirname, "..", "..");
const WORKER = join(ROOT, "lib", "cli", "aggregate", "worker.js");

function requireCompiledCli(): void {
  if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build:cli (CI builds before testing)`);
}

let dir: string;
let folder: string;
const UNITS = 301;

beforeAll(async () => {
  dir = tempDir("par-scale-");
  folder = join(dir, "don-vi");
  mkdirSync(folder);
  const samples = ["so/so-tu-phap.xlsx", "so/so-noi-vu.xlsx", "so/so-tai-chinh.xlsx"];
  // The same unit twice in one ranking is refused: each copy after the first three names a unit of its own.
  const zips = await Promise.all(samples.map(async (s) => JSZip.loadAsync(readFileSync(join(SAMPLES, s)))));
  const strings = await Promise.all(zips.map((z) => z.file("xl/sharedStrings.xml")!.async("string")));
  for (let i = 0; i < UNITS; i++) {
    const to = join(folder, `don-vi-${String(i).padStart(3, "0")}.xlsx`);
    const k = i % samples.length;
    if (i < samples.length) {
      copyFileSync(join(SAMPLES, samples[k]), to);
      continue;
    }
    zips[k].file("xl/sharedStrings.xml", strings[k].replace(/(Đơn vị: [^<]+)/, `$1 (bản ${Math.floor(i / samples.length) + 1})`));
    writeFileSync(to, await zips[k].generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 } }));
  }
  writeFileSync(join(folder, "hong.xlsx"), "không phải sổ tính");
});

const sheetNames = async (file: string) => (await readWorkbook(file)).grids.map((g) => g.name);
const rankingOf = async (file: string) => JSON.stringify((await readWorkbook(file)).grids.find((g) => g.name === "Xếp hạng")!.values);

describe("worker threads", () => {
  test("outcomes come back in the files' order, a bad file among them, the same as in one thread", async () => {
    requireCompiledCli();
    const units = readdirSync(folder)
      .sort()
      .slice(0, 39)
      .map((f) => join(folder, f));
    const files = [...units.slice(0, 20), join(folder, "hong.xlsx"), ...units.slice(20)];
    const collect = async (threads: number, workerFile?: string) => {
      const seen: FileOutcome[] = [];
      const used = await scoreFiles(files, { catalog: SAMPLE_CATALOG, lang: "vi", unitFiles: false }, (o) => void seen.push(o), { threads, workerFile });
      return { used, seen };
    };
    const workers = await collect(2, WORKER);
    const inline = await collect(1);
    expect(workers.used).toBe(2);
    expect(inline.used).toBe(1);
    expect(workers.seen.map((o) => o.file)).toEqual(files);
    expect(workers.seen).toEqual(inline.seen);
    const bad = workers.seen.find((o) => o.file.endsWith("hong.xlsx"))!;
    expect(bad.skipped[0].reason).toContain("Không đọc được tệp");
    expect(workers.seen.filter((o) => o.units.length === 1)).toHaveLength(files.length - 1);
  });

  test("the compiled CLI (worker threads) and the in-process run write the same ranking", async () => {
    requireCompiledCli();
    const viaWorkers = join(dir, "xep-hang-luong.xlsx");
    execFileSync(process.execPath, [join(ROOT, "bin", "par.js"), "aggregate", folder, "-o", viaWorkers, "-c", SAMPLE_CATALOG, "--threads", "2"], { stdio: "pipe" });
    const inline = join(dir, "xep-hang-mot-luong.xlsx");
    const r = await par("aggregate", folder, "-o", inline, "-c", SAMPLE_CATALOG, "--threads", "1");
    expect(r.code).toBe(0);
    expect(await rankingOf(viaWorkers)).toEqual(await rankingOf(inline));
  });
});

describe("a thread that stops while scoring", () => {
  // Stand-in workers that fail on the first file (always a worker's: workers are given files before this thread).
  const failing = (how: string) => {
    const file = join(dir, `failing-worker-${how.length}.js`);
    writeFileSync(
      file,
      `const { parentPort, threadId } = require("node:worker_threads");
parentPort.on("message", ({ index, file }) => {
  if (file.endsWith("don-vi-000.xlsx")) { ${how} }
  parentPort.postMessage({ index, outcome: { file, units: [], notes: ["thread " + threadId], skipped: [] } });
});`,
    );
    return file;
  };
  const files = () =>
    readdirSync(folder)
      .filter((f) => f.startsWith("don-vi-"))
      .sort()
      .slice(0, 20)
      .map((f) => join(folder, f));

  test.each([
    ["ends itself (process.exit)", "process.exit(3);", "luồng chấm điểm dừng lại (mã thoát 3) khi đang đọc tệp này"],
    ["throws", 'throw new Error("hỏng khi đọc");', "hỏng khi đọc"],
  ])("%s: that file is said to have failed, every other file is scored once, in order", async (_, how, reason) => {
    const list = files();
    const seen: FileOutcome[] = [];
    const options = { catalog: SAMPLE_CATALOG, lang: "vi" as const, unitFiles: false };
    await scoreFiles(list, options, (o) => void seen.push(o), { threads: 2, workerFile: failing(how) });
    expect(seen.map((o) => o.file)).toEqual(list);
    expect(seen[0].units).toEqual([]);
    expect(seen[0].skipped).toEqual([{ file: list[0], reason: expect.stringMatching(/^lỗi không mong đợi \(xin báo lại cho nhóm phát triển\): /) }]);
    expect(seen[0].skipped[0].reason).toContain(reason);
    expect(seen.slice(1).every((o) => o.skipped.length === 0 && (o.units.length === 1 || o.notes.length === 1))).toBe(true);
  });
});

describe("issue 22: where files are scored", () => {
  test("below MAIN_THREAD_BELOW files, and no --threads, in this thread; --threads is always obeyed", () => {
    expect(threadsFor(MAIN_THREAD_BELOW - 1, { workerFile: WORKER })).toBe(1);
    expect(threadsFor(MAIN_THREAD_BELOW - 1, { workerFile: WORKER, threads: 2 })).toBe(2);
    expect(threadsFor(200, { workerFile: WORKER })).toBe(Math.min(defaultThreads(), 200));
  });

  test("this thread scores files too, beside n − 1 worker threads, and the order stays the files'", async () => {
    // A stand-in worker: it says which thread it is instead of scoring, so each outcome shows where it was made.
    const standIn = join(dir, "stand-in-worker.js");
    writeFileSync(
      standIn,
      `const { parentPort, threadId } = require("node:worker_threads");
parentPort.on("message", ({ index, file }) => parentPort.postMessage({ index, outcome: { file, units: [], notes: ["thread " + threadId], skipped: [] } }));`,
    );
    const files = readdirSync(folder)
      .filter((f) => f.startsWith("don-vi-"))
      .sort()
      .slice(0, 24)
      .map((f) => join(folder, f));
    const options = { catalog: SAMPLE_CATALOG, lang: "vi" as const, unitFiles: false };
    for (const threads of [2, 3]) {
      const seen: FileOutcome[] = [];
      expect(await scoreFiles(files, options, (o) => void seen.push(o), { threads, workerFile: standIn })).toBe(threads);
      expect(seen.map((o) => o.file)).toEqual(files);
      const here = seen.filter((o) => o.notes.length === 0);
      const workers = new Set(seen.flatMap((o) => o.notes));
      expect(workers.size).toBe(threads - 1);
      // Scored here: as one thread alone scores them.
      expect(here.length).toBeGreaterThan(0);
      expect(here.every((o) => o.units.length === 1 && o.skipped.length === 0)).toBe(true);
      const alone: FileOutcome[] = [];
      await scoreFiles(
        here.map((o) => o.file),
        options,
        (o) => void alone.push(o),
        { threads: 1 },
      );
      expect(alone).toEqual(here);
    }
  });

  test("a unit's sheet laid out where it was scored is the ranking's, not laid out again; without layOut, none", async () => {
    const file = join(folder, "don-vi-000.xlsx");
    const laid = await scoreFile(file, { catalog: SAMPLE_CATALOG, lang: "vi", unitFiles: false, layOut: true });
    const summary = laid.units[0].summary;
    expect(laidOutSheet(summary)).toEqual(summarySheet(summary, "vi"));
    const notLaid = await scoreFile(file, { catalog: SAMPLE_CATALOG, lang: "vi", unitFiles: false, layOut: false });
    expect(laidOutSheet(notLaid.units[0].summary)).toBeUndefined();
    // A copy (as a worker thread posts it) has none: it is laid out here.
    expect(laidOutSheet(structuredClone(summary))).toBeUndefined();
  });

  test("threads score with the catalogue they are given, without reading it again", async () => {
    requireCompiledCli();
    const files = readdirSync(folder)
      .filter((f) => f.startsWith("don-vi-"))
      .sort()
      .slice(0, 4)
      .map((f) => join(folder, f));
    // A catalogue name no thread could load: the catalogue given as data is what they score with.
    const catalogParsed = await loadCatalog(SAMPLE_CATALOG);
    const options = { catalog: join(dir, "khong-co-bo-nay.json"), catalogParsed, lang: "vi" as const, unitFiles: false };
    const collect = async (threads: number) => {
      const seen: FileOutcome[] = [];
      await scoreFiles(files, options, (o) => void seen.push(o), { threads, workerFile: WORKER });
      return seen;
    };
    const viaThreads = await collect(2);
    expect(viaThreads.flatMap((o) => o.skipped)).toEqual([]);
    expect(viaThreads.map((o) => o.units[0]?.summary.catalogId)).toEqual(files.map(() => catalogParsed.id));
    expect(await collect(1)).toEqual(viaThreads);
  });
});

describe("a ranking of many units", () => {
  test("above 300 units: no per-unit sheets, a line saying how to get them, and LibreOffice opens it", async () => {
    requireSoffice();
    const out = join(dir, "xep-hang.xlsx");
    const r = await par("aggregate", folder, "-o", out, "-c", SAMPLE_CATALOG);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Đã xếp hạng ${UNITS} đơn vị từ ${UNITS} tệp; bỏ qua 1 mục`);
    expect(r.err).toContain(`${UNITS} đơn vị, quá 300: bảng xếp hạng không chứa trang tổng hợp từng đơn vị`);
    expect(r.err).toContain("--per-unit");
    const names = await sheetNames(out);
    // The ranking, its charts' sheet, points by field, the skipped files and the bookkeeping sheets: no unit sheet.
    expect(names.length).toBeLessThanOrEqual(6);
    expect(names).toEqual(expect.arrayContaining(["Xếp hạng", "Biểu đồ xếp hạng", "Tệp lỗi"]));
    const opened = convertWithLibreOffice(out, join(dir, "lo"), "ods");
    if (!opened.ok) throw new Error(`LibreOffice could not open the ranking:\n${opened.log}`);
  });

  test("--per-unit DIR: one summary workbook per unit, never over an existing file without --force", async () => {
    const units = join(dir, "tung-don-vi");
    const out = join(dir, "xep-hang-2.xlsx");
    const r = await par("aggregate", folder, "-o", out, "-c", SAMPLE_CATALOG, "--per-unit", units);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`và ${UNITS} tệp tổng hợp từng đơn vị trong ${units}`);
    expect(r.err).not.toContain("quá 300");
    const written = readdirSync(units).sort();
    expect(written).toHaveLength(UNITS);
    expect(written[0]).toBe("don-vi-000.xlsx");
    expect(await sheetNames(join(units, written[0]))).toContain("Tổng hợp");
    expect((await sheetNames(out)).length).toBeLessThanOrEqual(6);
    const again = await par("aggregate", folder, "-o", join(dir, "xep-hang-3.xlsx"), "-c", SAMPLE_CATALOG, "--per-unit", units);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`Tệp ${join(units, "don-vi-000.xlsx")} đã có; không ghi đè`);
    expect(existsSync(join(dir, "xep-hang-3.xlsx"))).toBe(false);
    const forced = await par("aggregate", folder, "-o", join(dir, "xep-hang-3.xlsx"), "-c", SAMPLE_CATALOG, "--per-unit", units, "--force");
    expect(forced.code).toBe(0);
  });

  test("at most 300 units: every unit keeps its sheet in the ranking workbook", async () => {
    const few = join(dir, "it");
    mkdirSync(few);
    for (const f of readdirSync(folder).slice(0, 3)) copyFileSync(join(folder, f), join(few, f));
    const out = join(dir, "xep-hang-it.xlsx");
    const r = await par("aggregate", few, "-o", out, "-c", SAMPLE_CATALOG);
    expect(r.code).toBe(0);
    expect(await sheetNames(out)).toEqual(expect.arrayContaining(["Sở Tư pháp", "Sở Nội vụ", "Sở Tài chính"]));
  });
});
