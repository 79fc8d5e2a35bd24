/**
 * Text from workbooks reaches the terminal (unit names, sheet names, cell text in messages). Control characters
 * in it could retitle the window, clear the screen or overwrite lines, and bidi overrides could reorder what is
 * shown; everything the CLI prints is passed through escapeControls, which shows them as \x1b-style escapes.
 */
import { Io } from "./io";

/** C0 controls but tab and newline, DEL, C1 controls, and the bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const hex = (c: string, width: number) => c.charCodeAt(0).toString(16).padStart(width, "0");

/** The text with every unsafe character written as an escape: ESC → \x1b, U+202E → \u202e. */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (c) => (c.charCodeAt(0) <= 0xff ? `\\x${hex(c, 2)}` : `\\u${hex(c, 4)}`));
}

/** JSON for the terminal: JSON.stringify escapes C0 controls itself; DEL, C1 and bidi controls become \u escapes. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSAFE, (c) => `\\u${hex(c, 4)}`);
}

/** The same Io, with everything written through escapeControls. */
export function terminalSafeIo(io: Io): Io {
  return {
    out: (text) => io.out(escapeControls(text)),
    err: (text) => io.err(escapeControls(text)),
    get isTTY() {
      return io.isTTY;
    },
  };
}
