/**
 * par as users run it (bin/par.js): from the bundle and code cache the build makes (scripts/bundle-cli.js), which
 * CI builds before the tests. The bundle must behave as tsc's files do, including what it loads at run time (the
 * aggregate's worker threads, pdf.js reading a PDF cited as evidence), and a cache that no longer fits its bundle
 * must be ignored, never run.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { builtinCatalog, walk } from "../../src/scoring";
import { convertDocument, nd30Html } from "../support/evidence-docs";
import { convertWithLibreOffice, requireSoffice } from "../support/libreoffice";
import { tempDir } from "../support/par";

jest.setTimeout(300_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "par.js");
const BUNDLE = join(ROOT, "lib", "cli", "par.bundle.js");
const LOADER = join(ROOT, "lib", "cli", "bundle-loader.js");
const WORKER_BUNDLE = join(ROOT, "lib", "cli", "aggregate", "worker.bundle.js");
const TIERING = join(ROOT, "lib", "cli", "aggregate", "tiering.js");

/** Runs node with `script`, its stdout parsed as JSON. */
function nodeJson(script: string, args: string[] = []): unknown {
  return JSON.parse(execFileSync(process.execPath, ["-e", script, "--", ...args], { encoding: "utf8" }));
}

describe("the bundled par", () => {
  test("bin/par.js runs the bundle: none of tsc's files is loaded, the build's code cache is used", () => {
    // par prints on stdout (write(2) on fd 1, src/cli/io.ts); the account goes to stderr.
    const script = `
      process.argv = [process.argv[0], "par", "--version"];
      require(${JSON.stringify(BIN)});
      process.on("exit", () => {
        const loaded = Object.keys(require.cache).filter((f) => f.includes("lib") && !f.endsWith("bundle-loader.js") && !f.endsWith(".bundle.js"));
        require("node:fs").writeSync(2, JSON.stringify({ loaded, cache: require(${JSON.stringify(LOADER)}).lastCodeCacheUse }));
      });`;
    const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    const r = { printed: run.stdout, ...(JSON.parse(run.stderr) as { loaded: string[]; cache: string }) };
    expect(r.printed.trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect(r.loaded).toEqual([]);
    expect(r.cache).toBe("used");
  });

  test("the worker's code cache was made under the V8 setting par aggregate runs with (tiering.ts), so V8 takes it", () => {
    const load = (tuned: boolean) =>
      nodeJson(`
        ${tuned ? `require(${JSON.stringify(TIERING)}).optimiseOnlyWhatStaysHot();` : ""}
        const loader = require(${JSON.stringify(LOADER)});
        loader.requireBundle(${JSON.stringify(WORKER_BUNDLE)});
        process.stdout.write(JSON.stringify({ cache: loader.lastCodeCacheUse }));`);
    expect(load(true)).toEqual({ cache: "used" });
    // V8 checks the flags a cache was made under: without the setting, the worker would compile its code again.
    expect(load(false)).toEqual({ cache: "refused" });
  });

  test("a cache made from another bundle is ignored and the bundle still runs", () => {
    const dir = tempDir("par-bundle-");
    const cli = join(dir, "lib", "cli");
    mkdirSync(cli, { recursive: true });
    copyFileSync(BUNDLE, join(cli, "par.bundle.js"));
    copyFileSync(`${BUNDLE}.cache`, join(cli, "par.bundle.js.cache"));
    copyFileSync(LOADER, join(cli, "bundle-loader.js"));
    // The copy has its own modification time: the cache's header no longer names it.
    appendFileSync(join(cli, "par.bundle.js"), "\n// changed\n");
    const script = `
      const loader = require(${JSON.stringify(join(cli, "bundle-loader.js"))});
      const cli = loader.requireBundle(${JSON.stringify(join(cli, "par.bundle.js"))});
      process.stdout.write(JSON.stringify({ cache: loader.lastCodeCacheUse, main: typeof cli.main }));`;
    expect(nodeJson(script)).toEqual({ cache: "none", main: "function" });
  });

  test("a damaged cache is ignored too", () => {
    const dir = tempDir("par-bundle-");
    copyFileSync(BUNDLE, join(dir, "par.bundle.js"));
    copyFileSync(LOADER, join(dir, "bundle-loader.js"));
    const bytes = readFileSync(`${BUNDLE}.cache`);
    writeFileSync(join(dir, "par.bundle.js.cache"), bytes.subarray(0, 10));
    const script = `
      const loader = require(${JSON.stringify(join(dir, "bundle-loader.js"))});
      const cli = loader.requireBundle(${JSON.stringify(join(dir, "par.bundle.js"))});
      process.stdout.write(JSON.stringify({ cache: loader.lastCodeCacheUse, main: typeof cli.main }));`;
    expect(nodeJson(script)).toEqual({ cache: "none", main: "function" });
  });

  test("the bundle is written already wrapped as a module; a file that is not is refused with how to rebuild", () => {
    const { BUNDLE_HEAD, BUNDLE_TAIL, requireBundle } = require(LOADER) as typeof import("../../src/cli/bundle-loader");
    const text = readFileSync(BUNDLE, "utf8");
    expect(text.startsWith(BUNDLE_HEAD)).toBe(true);
    expect(text.endsWith(BUNDLE_TAIL)).toBe(true);
    const dir = tempDir("par-bundle-plain-");
    const plain = join(dir, "par.bundle.js");
    writeFileSync(plain, 'module.exports = { main() {} };\n');
    expect(() => requireBundle(plain)).toThrow(/not a bundle made by scripts\/bundle-cli\.js: run npm run build:cli/);
  });

  test("the bundle loads without node:child_process; the stand-in given to commander loads it and spawns when called", () => {
    const script = `
      const { builtinModules } = require("node:module");
      require(${JSON.stringify(LOADER)}).requireBundle(${JSON.stringify(BUNDLE)});
      const before = process.moduleLoadList.includes("NativeModule child_process");
      const lazy = require(${JSON.stringify(join(ROOT, "lib", "cli", "lazy-child-process.js"))});
      const child = lazy.spawn(process.execPath, ["-e", "0"]);
      process.stdout.write(JSON.stringify({ before, spawned: typeof child.pid, after: process.moduleLoadList.includes("NativeModule child_process"), known: builtinModules.includes("child_process") }));`;
    expect(nodeJson(script)).toEqual({ before: false, spawned: "number", after: true, known: true });
  });

  test("par validate reads an .xls and an .ods saved by LibreOffice (SheetJS) from the bundle as tsc's files do", () => {
    requireSoffice();
    const dir = tempDir("par-bundle-formats-");
    const book = join(ROOT, "samples", "so", "so-y-te.xlsx");
    const unbundled = join(ROOT, "lib", "cli", "main.js");
    for (const format of ["xls", "ods"]) {
      const converted = convertWithLibreOffice(book, dir, format);
      if (!converted.ok) throw new Error(`LibreOffice could not save .${format}:\n${converted.log}`);
      const args = ["validate", converted.output!, "--json", "--reading"];
      const bundled = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
      const files = spawnSync(process.execPath, ["-e", `process.argv.splice(1, 0, "par"); require(${JSON.stringify(unbundled)}).main();`, "--", ...args], { encoding: "utf8" });
      expect(bundled.stderr).toBe("");
      expect(JSON.parse(bundled.stdout).reading.units.map((u: { unit: string }) => u.unit)).toEqual(["Sở Y tế"]);
      expect({ status: bundled.status, stdout: bundled.stdout }).toEqual({ status: files.status, stdout: files.stdout });
    }
  });

  test("par validate --evidence reads a PDF with pdf.js from the bundle", async () => {
    const dir = tempDir("par-bundle-pdf-");
    const folder = join(dir, "tai-lieu");
    mkdirSync(folder);
    const head = { issuerTop: "UBND TỈNH ĐIỆN BIÊN", issuer: "ỦY BAN NHÂN DÂN XÃ THANH NƯA", place: "Thanh Nưa" };
    convertDocument(nd30Html({ ...head, number: "15/KH-UBND", date: [10, 12, 2017], kind: "KẾ HOẠCH", subject: "Cải cách hành chính năm 2018" }), folder, "pdf", "scan0001.pdf");
    const catalog = builtinCatalog("dien-bien-2018");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Tự đánh giá");
    ws.addRow(["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2018"]);
    ws.addRow(["Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "TLKC"]);
    let first = "";
    for (const node of walk(catalog.nodes)) {
      const leaf = node.children.length === 0;
      if (leaf && !first) first = node.code;
      ws.addRow([node.code, node.name, leaf ? node.max : null, leaf ? node.max : null, leaf ? (node.code === first ? "Kế hoạch số 15/KH-UBND ngày 10/12/2017" : "Không có") : null]);
    }
    const book = join(dir, "xa-thanh-nua.xlsx");
    await wb.xlsx.writeFile(book);
    const r = spawnSync(process.execPath, [BIN, "validate", book, "--catalog", "dien-bien-2018", "--evidence", folder], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(new RegExp(`${first.replace(/\./g, "\\.")} E\\d+: "Kế hoạch số 15/KH-UBND ngày 10/12/2017" → "scan0001\\.pdf" \\(khớp\\)`));
  });

  test("par aggregate --threads 2 scores in worker threads started from the worker's bundle, as one thread does", () => {
    const dir = tempDir("par-bundle-agg-");
    const run = (threads: string) => {
      const r = spawnSync(process.execPath, [BIN, "aggregate", join(ROOT, "samples", "2026"), "-o", join(dir, `xep-hang-${threads}.xlsx`), "--threads", threads], { encoding: "utf8" });
      return { status: r.status, stdout: r.stdout.replaceAll(`xep-hang-${threads}`, "xep-hang"), stderr: r.stderr };
    };
    const two = run("2");
    expect(two.status).toBe(0);
    expect(two.stdout).toContain("Đã xếp hạng 7 đơn vị từ 7 tệp");
    expect(two).toEqual(run("1"));
  });
});
