/**
 * Loads a bundle of the CLI (scripts/bundle-cli.js) with V8's code cache beside it (BUNDLE.cache), so that a
 * command's start does not compile again what the build's training run compiled. The cache is used only when it
 * was made from this very bundle (its size and modification time, kept in the cache's header) and V8 accepts it
 * (same Node, same flags); otherwise the bundle is compiled as any module is. With PAR_CODE_CACHE=write the cache
 * is written when the process ends, after the run has compiled what it used, and whenever the process emits
 * CODE_CACHE_EVENT (a worker thread, which is terminated rather than ended, emits it after each file).
 */
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

interface Stamp {
  size: number;
  mtimeMs: number;
}

const HEADER_BYTES = 4;

export const CODE_CACHE_EVENT = "par-code-cache";

function stampOf(file: string): Stamp {
  const { size, mtimeMs } = statSync(file);
  return { size, mtimeMs };
}

/** The cached code, when the cache was made from the bundle as it is now. */
function cachedCode(cacheFile: string, stamp: Stamp): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (data.length < HEADER_BYTES) return undefined;
  const headerEnd = HEADER_BYTES + data.readUInt32LE(0);
  try {
    const header = JSON.parse(data.toString("utf8", HEADER_BYTES, headerEnd)) as Stamp;
    if (header.size !== stamp.size || header.mtimeMs !== stamp.mtimeMs) return undefined;
  } catch {
    return undefined;
  }
  return data.subarray(headerEnd);
}

function writeCache(cacheFile: string, stamp: Stamp, code: Buffer): void {
  const header = Buffer.from(JSON.stringify(stamp), "utf8");
  const length = Buffer.alloc(HEADER_BYTES);
  length.writeUInt32LE(header.length, 0);
  const temp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, Buffer.concat([length, header, code]));
  renameSync(temp, cacheFile);
}

interface LoadableModule {
  exports: unknown;
  filename: string;
  paths: string[];
  loaded: boolean;
  require(id: string): unknown;
}

type ModuleInternals = typeof Module & {
  new (id: string, parent?: unknown): LoadableModule;
  _nodeModulePaths(from: string): string[];
};

/** How the last bundle was compiled: from its code cache, without one, or with one V8 refused (another Node or flags). */
export type CodeCacheUse = "used" | "none" | "refused";
export let lastCodeCacheUse: CodeCacheUse = "none";

/**
 * A bundle file is a CommonJS module already wrapped as Node wraps one (BUNDLE_HEAD + code + BUNDLE_TAIL, written by
 * scripts/bundle-cli.js): compiled as it is read, with no wrapped copy of its megabyte of text to make first.
 */
export const BUNDLE_HEAD = "(function (exports, require, module, __filename, __dirname) {";
export const BUNDLE_TAIL = "\n})";

type ModuleFunction = (exports: unknown, require: (id: string) => unknown, module: unknown, filename: string, dirname: string) => void;

/** The exports of the bundle `file`, compiled with its code cache when one fits. */
export function requireBundle(file: string): unknown {
  const M = Module as ModuleInternals;
  const stamp = stampOf(file);
  const cacheFile = `${file}.cache`;
  const cachedData = process.env.PAR_CODE_CACHE === "write" ? undefined : cachedCode(cacheFile, stamp);
  const source = readFileSync(file, "utf8");
  if (!source.startsWith(BUNDLE_HEAD)) throw new Error(`${file} is not a bundle made by scripts/bundle-cli.js: run npm run build:cli`);
  const script = new Script(source, { filename: file, cachedData });
  lastCodeCacheUse = cachedData === undefined ? "none" : script.cachedDataRejected ? "refused" : "used";
  const mod = new M(file, module);
  mod.filename = file;
  mod.paths = M._nodeModulePaths(dirname(file));
  const run = script.runInThisContext() as ModuleFunction;
  run.call(mod.exports, mod.exports, (id: string) => mod.require(id), mod, file, dirname(file));
  mod.loaded = true;
  if (process.env.PAR_CODE_CACHE === "write") {
    const save = () => writeCache(cacheFile, stamp, script.createCachedData());
    process.once("exit", save);
    process.on(CODE_CACHE_EVENT as "exit", save);
  }
  return mod.exports;
}
