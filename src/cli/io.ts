/** Where a command writes: the process's streams, or a test's buffers. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether progress bars make sense (stderr is a terminal). */
  isTTY?: boolean;
}

/** stderr is looked at only when something is written to it or asks about it: making the stream costs a start. */
export const processIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  get isTTY() {
    return Boolean(process.stderr.isTTY);
  },
};
