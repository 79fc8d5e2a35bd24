/** Runs the CLI in-process for tests, and small file helpers for the file-safety tests. */
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";

export interface ParResult {
  code: number;
  out: string;
  err: string;
}

export async function par(...args: string[]): Promise<ParResult> {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

export const sha256 = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");

export const tempDir = (prefix = "par-test-"): string => mkdtempSync(join(tmpdir(), prefix));

export const SAMPLES = join(__dirname, "..", "..", "samples");

/** The samples' catalogue: dien-bien-so with the points supplied (the built-in one is names only: no index). */
export const SAMPLE_CATALOG = join(SAMPLES, "bo-tieu-chi-cap-so-2018.json");

/** Copies samples/<relative> into `dir` (under `name`, default its own name); returns the copy's path. */
export function copySample(relative: string, dir: string, name = relative.split("/").pop()!): string {
  const to = join(dir, name);
  copyFileSync(join(SAMPLES, relative), to);
  return to;
}
