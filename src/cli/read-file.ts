import { closeSync, constants, fstatSync, openSync, promises as fs, readFileSync } from "node:fs";
import { CliError } from "./errors";
import { fileProblem, fileSystemError } from "./fs-errors";

/**
 * The bytes of a regular file. A pipe, a device (/dev/zero) or a folder is refused instead of read: the file is
 * opened without blocking and checked before any byte is read, so nothing can make the command wait forever.
 * Failures are CliErrors in words (fs-errors.ts).
 */
const READ_NOW = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export async function readRegularFile(path: string, tooLarge?: { maxBytes: number; error: () => Error }): Promise<Buffer> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, READ_NOW);
  } catch (e) {
    throw fileSystemError(e, path, "read");
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw fileProblem("EISDIR", path, "read");
    if (!stat.isFile()) throw fileProblem("not-a-file", path, "read");
    // A file larger than the reader would take is refused before a byte of it is read.
    if (tooLarge && stat.size > tooLarge.maxBytes) throw tooLarge.error();
    return await handle.readFile();
  } catch (e) {
    throw e instanceof CliError ? e : fileSystemError(e, path, "read");
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** readRegularFile, synchronously (for small files such as catalogues). */
export function readRegularFileSync(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, READ_NOW);
  } catch (e) {
    throw fileSystemError(e, path, "read");
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw fileProblem("EISDIR", path, "read");
    if (!stat.isFile()) throw fileProblem("not-a-file", path, "read");
    return readFileSync(fd);
  } catch (e) {
    throw e instanceof CliError ? e : fileSystemError(e, path, "read");
  } finally {
    closeSync(fd);
  }
}
