/**
 * Where a command writes, checked before it does any work, and written all or nothing:
 * - an existing file is replaced only with --force; one of the command's inputs never (by any spelling of its
 *   path: relative, through links, or differing in case where the disk ignores case);
 * - a folder, a device or a pipe is never an output;
 * - every output goes to a short temporary name in its own folder first; only when all of them are written are
 *   they moved into place, so an interrupted or failed run leaves no half-written output.
 */
import { promises as fs, Stats } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "./errors";
import { fileProblem, fileSystemError } from "./fs-errors";

export interface OutputPlan {
  paths: string[];
  force: boolean;
  /** The outputs that existed when planned (replaced, with --force). */
  existing: Set<string>;
}

export interface OutputFile {
  path: string;
  data: Buffer | string;
}

async function statOrNull(path: string, follow = true): Promise<Stats | null> {
  try {
    return await (follow ? fs.stat(path) : fs.lstat(path));
  } catch {
    return null;
  }
}

const swapCase = (s: string) => [...s].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");

/**
 * Whether `dir` ignores the case of names (as Windows and macOS disks usually do), tried on its entry `name`: the
 * case-swapped name must reach an entry while no entry is spelled that way.
 */
export async function folderIgnoresCase(dir: string, name: string): Promise<boolean> {
  const swapped = swapCase(name);
  if (swapped === name || !(await statOrNull(join(dir, swapped), false))) return false;
  try {
    return !(await fs.readdir(dir)).includes(swapped);
  } catch {
    return false;
  }
}

/** Whether two existing paths are the same file: device and inode, or (where the disk has no inode numbers) real path. */
async function sameFile(a: string, sa: Stats, b: string, sb: Stats): Promise<boolean> {
  if (sa.ino !== 0 && sb.ino !== 0) return sa.dev === sb.dev && sa.ino === sb.ino;
  const [ra, rb] = await Promise.all([fs.realpath(a), fs.realpath(b)]).catch(() => [resolve(a), resolve(b)]);
  if (ra === rb) return true;
  return dirname(ra) === dirname(rb) && basename(ra).toLowerCase() === basename(rb).toLowerCase() && folderIgnoresCase(dirname(ra), basename(ra));
}

function refuse(code: string, vi: string, en: string): never {
  throw new CliError(vi, en, code);
}

/** An input file and what the disk says of it. */
interface Input {
  path: string;
  stat: Stats;
}

/** Checks one output against the disk, the inputs and --force; returns whether it exists. */
async function checkOutput(path: string, inputs: () => Promise<Input[]>, force: boolean): Promise<boolean> {
  let link: Stats;
  try {
    link = await fs.lstat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException)?.code !== "ENOENT") throw fileSystemError(e, path, "write");
    await checkFolderOnTheWay(path);
    return false;
  }
  const stat = link.isSymbolicLink() ? await statOrNull(path) : link;
  if (stat?.isDirectory()) throw fileProblem("EISDIR", path, "write");
  if (stat && !stat.isFile()) throw fileProblem("not-a-file", path, "write");
  // A dangling link names no file: no input is it.
  for (const input of stat ? await inputs() : []) {
    if (await sameFile(path, stat!, input.path, input.stat)) {
      const which = resolve(input.path) === resolve(path) ? "" : ` (${input.path})`;
      refuse(
        "same-as-input",
        `Không ghi lên ${path}: đây là tệp đầu vào${which} của chính lệnh này, kể cả khi có --force. Chọn một tên tệp kết quả khác, ví dụ thêm "-ket-qua".`,
        `Will not write ${path}: it is this command's own input file${which}, not even with --force. Choose another output file name, e.g. add "-result".`,
      );
    }
  }
  if (!force) {
    refuse(
      "exists",
      `Tệp ${path} đã có; không ghi đè. Chọn tên tệp khác (tùy chọn -o), hoặc thêm --force để ghi đè.`,
      `The file ${path} already exists and is not overwritten. Choose another file name (option -o), or add --force to replace it.`,
    );
  }
  return true;
}

/** A new output's nearest existing ancestor must be a folder (it is created below that, if missing). */
async function checkFolderOnTheWay(path: string): Promise<void> {
  for (let dir = dirname(resolve(path)); ; dir = dirname(dir)) {
    const stat = await statOrNull(dir);
    if (stat) {
      if (!stat.isDirectory()) throw fileProblem("ENOTDIR", path, "write");
      return;
    }
    if (dirname(dir) === dir) return;
  }
}

/**
 * Checks the outputs of a command before it does any work: throws a CliError saying which file and what to do
 * when one is a folder or device, one of `inputs`, or exists without `force`.
 */
export async function planOutputs(paths: string[], options: { inputs: string[]; force?: boolean }): Promise<OutputPlan> {
  const force = options.force ?? false;
  // The inputs are looked at only when an output exists (a new output is none of them): a ranking has hundreds.
  let inputs: Promise<Input[]> | null = null;
  const statInputs = () =>
    (inputs ??= Promise.all(options.inputs.map(async (path) => ({ path, stat: await statOrNull(path) }))).then((all) =>
      all.filter((input): input is Input => input.stat !== null),
    ));
  const existing = new Set<string>();
  for (const path of paths) if (await checkOutput(path, statInputs, force)) existing.add(path);
  return { paths, force, existing };
}

/** Moves a written temporary file to its output name; without --force never over a file that appeared meanwhile. */
async function place(tmp: string, path: string, force: boolean): Promise<void> {
  if (force) return fs.rename(tmp, path);
  try {
    await fs.link(tmp, path);
    await fs.rm(tmp, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    // Disks without hard links (FAT, some network shares): check, then rename.
    if (code === "EEXIST" || (await statOrNull(path, false))) throw fileProblem("EEXIST", path, "write");
    if (!["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EMLINK", "EXDEV"].includes(code ?? "")) throw e;
    await fs.rename(tmp, path);
  }
}

/**
 * Writes the planned outputs: each to a short temporary name in its folder (created if missing), then, when all
 * are written, each into place. On any failure the temporary files and the new outputs already placed are
 * removed, and the failure is a CliError in words.
 */
export async function writeOutputs(plan: OutputPlan, files: OutputFile[]): Promise<void> {
  const staged: { tmp: string; path: string }[] = [];
  const placed: string[] = [];
  let current = files[0]?.path ?? "";
  try {
    for (const file of files) {
      current = file.path;
      if (!plan.paths.includes(file.path)) throw new Error(`output not planned: ${file.path}`);
      const dir = dirname(resolve(file.path));
      await fs.mkdir(dir, { recursive: true });
      // node:crypto required here, not at the top: loading it costs every command's start about 8 ms.
      const { randomBytes } = require("node:crypto") as typeof import("node:crypto");
      const tmp = join(dir, `.par-${randomBytes(4).toString("hex")}.tmp`);
      staged.push({ tmp, path: file.path });
      await fs.writeFile(tmp, file.data, { flag: "wx", flush: true });
    }
    for (const { tmp, path } of staged) {
      current = path;
      await place(tmp, path, plan.force);
      placed.push(path);
    }
  } catch (e) {
    await Promise.all(staged.map(({ tmp }) => fs.rm(tmp, { force: true }).catch(() => undefined)));
    const created = placed.filter((p) => !plan.existing.has(p));
    await Promise.all(created.map((p) => fs.rm(p, { force: true }).catch(() => undefined)));
    if (e instanceof CliError) throw e;
    if ((e as NodeJS.ErrnoException)?.code) throw fileSystemError(e, current, "write");
    throw e;
  }
}

/** Whether something is at `path` (a link followed). */
export async function exists(path: string): Promise<boolean> {
  return (await statOrNull(path)) !== null;
}

/** Whether two paths name the same existing file, by any spelling (false when either is missing). */
export async function isSameFile(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([statOrNull(a), statOrNull(b)]);
  return sa !== null && sb !== null && sameFile(a, sa, b, sb);
}
