import { writeSync } from "node:fs";

/** Where a command writes: the process's streams, or a test's buffers. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether progress bars make sense (stderr is a terminal). */
  isTTY?: boolean;
}

/** `par catalog show … | head` closes the pipe early: that is not an error. */
function closedPipe(e: NodeJS.ErrnoException): void {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
}

/**
 * Whether stdout goes through process.stdout. Elsewhere than on Windows (whose console needs the stream's UTF-16
 * conversion) it is written with write(2) until a write cannot be made: making process.stdout loads Node's stream
 * modules, 2,5 ms of a start into a file and 5 ms into a pipe.
 */
let viaStream = false;

function stdoutStream(): NodeJS.WriteStream {
  if (!viaStream) {
    viaStream = true;
    process.stdout.on("error", closedPipe);
  }
  return process.stdout;
}

function writeOut(text: string): void {
  if (viaStream || process.platform === "win32") {
    stdoutStream().write(text);
    return;
  }
  const bytes = Buffer.from(text, "utf8");
  let at = 0;
  try {
    while (at < bytes.length) at += writeSync(1, bytes, at, bytes.length - at);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EPIPE") process.exit(0);
    // Anything else (a non-blocking pipe that is full, a closed descriptor): the stream takes this write and all
    // after it, as it took them before (it waits for a full pipe, and discards what goes to no descriptor).
    stdoutStream().write(bytes.subarray(at));
  }
}

/** stderr is looked at only when something is written to it or asks about it: making the stream costs a start. */
export const processIo: Io = {
  out: writeOut,
  err: (text) => process.stderr.write(text),
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
};
