/**
 * `par` writes its output with write(2) on fd 1 instead of making process.stdout (Node's stream modules: 2,5 ms of
 * a start into a file, 5 ms into a pipe). What reaches the reader must be what the stream gave: into a file, into a
 * pipe, into a non-blocking pipe that fills (the stream takes over), to a reader that closes early (exit 0, as
 * `| head`), and to a closed descriptor (nothing said).
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { par, SAMPLES, tempDir } from "../support/par";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "par.js");
const WORKBOOK = join(SAMPLES, "tinh-dien-bien-2018.xlsx");
const ARGS = ["validate", "--json", "--reading", WORKBOOK];

function requireCompiledCli(): void {
  if (!existsSync(join(ROOT, "lib", "cli", "main.js"))) throw new Error("lib/cli is missing: run npm run build:cli (CI builds before testing)");
}

/** What `par` writes to stdout and its exit code, as the in-process run gives them (through the test's buffers). */
async function expected(): Promise<{ out: string; code: number }> {
  const r = await par(...ARGS);
  expect(r.err).toBe("");
  return { out: r.out, code: r.code };
}

beforeAll(requireCompiledCli);

test("into a pipe and into a file: the same text as the in-process run, and process.stdout is never made", async () => {
  const { out: want, code } = await expected();
  expect(Buffer.byteLength(want)).toBeGreaterThan(20_000);
  // A preload that says so when process.stdout is made.
  const dir = tempDir("par-stdout-");
  const trap = join(dir, "trap.js");
  writeFileSync(
    trap,
    `const d = Object.getOwnPropertyDescriptor(process, "stdout");
Object.defineProperty(process, "stdout", { configurable: true, get() { require("fs").writeSync(2, "process.stdout made\\n"); return d.get.call(process); } });`,
  );
  const piped = spawnSync(process.execPath, ["-r", trap, BIN, ...ARGS], { encoding: "utf8" });
  expect(piped.status).toBe(code);
  expect(piped.stderr).toBe("");
  expect(piped.stdout).toBe(want);
  const file = join(dir, "out.json");
  const fd = openSync(file, "w");
  try {
    expect(spawnSync(process.execPath, [BIN, ...ARGS], { stdio: ["ignore", fd, "pipe"] }).status).toBe(code);
  } finally {
    closeSync(fd);
  }
  expect(readFileSync(file, "utf8")).toBe(want);
});

test("a reader that closes the pipe before anything is written: exit 0 and nothing on stderr, as with `| head`", () => {
  const command = `"${process.execPath}" "${BIN}" ${ARGS.map((a) => `"${a}"`).join(" ")}`;
  // `true` ends at once, long before par's first write; with pipefail the pipeline's status is par's.
  const r = spawnSync("bash", ["-c", `set -o pipefail; ${command} | true`], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
});

test("a write that cannot go on (a full non-blocking pipe): the stream takes the rest and every write after it", () => {
  jest.isolateModules(() => {
    const fs = require("node:fs") as typeof import("node:fs");
    const { processIo } = require("../../src/cli/io") as typeof import("../../src/cli/io");
    const calls: Buffer[] = [];
    const writeSync = jest
      .spyOn(fs, "writeSync")
      .mockImplementationOnce(() => 5)
      .mockImplementationOnce(() => {
        throw Object.assign(new Error("EAGAIN: resource temporarily unavailable, write"), { code: "EAGAIN" });
      });
    const write = jest.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      calls.push(Buffer.from(chunk));
      return true;
    });
    let direct = 0;
    try {
      processIo.out("Điểm tự chấm");
      processIo.out(" và giải trình");
      direct = writeSync.mock.calls.length;
    } finally {
      writeSync.mockRestore();
      write.mockRestore();
    }
    // The first 5 bytes went directly (they end inside "ể"); the stream got the other bytes, then the next text.
    expect(direct).toBe(2);
    expect(calls[0]).toEqual(Buffer.from("Điểm tự chấm").subarray(5));
    expect(calls.slice(1).map((c) => c.toString("utf8"))).toEqual([" và giải trình"]);
  });
});

test("a closed descriptor: nothing said, the run's own exit code", async () => {
  const { code } = await expected();
  const r = spawnSync("sh", ["-c", `"${process.execPath}" "${BIN}" ${ARGS.map((a) => `"${a}"`).join(" ")} >&-`], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(code);
});
