/**
 * Unicode normalisation where text enters the core. Vietnamese keyboards write the same letter two ways: Unikey's
 * "Unicode tổ hợp" and text pasted from PDFs give decomposed letters (NFD: "e" + U+0302 + U+0301), the usual
 * "Unicode dựng sẵn" the precomposed one (NFC: "ế"). They look identical, so every text is made NFC once, where it
 * enters: cell values (readInput), rule text (parseRule), catalogues (parseCatalog), sheets' cells and the file
 * name a unit is named after (workbook.ts). Everything downstream can then compare text as written.
 */
import type { Grid } from "./grid";
import type { CellValue } from "./values";

/** Text of plain ASCII and Latin-1 letters is NFC already (Latin-1 has no combining marks): it skips the call. */
const MAY_CHANGE = /[^\t\n\r -\u00ff]/;

/** The NFC form of a text (the same string when nothing changes). */
export function nfc(text: string): string {
  return MAY_CHANGE.test(text) ? text.normalize("NFC") : text;
}

/** A cell value with its text in NFC; other values as they are. */
export function nfcCell<T extends CellValue>(value: T): T {
  return (typeof value === "string" ? nfc(value) : value) as T;
}

/** Every string inside a JSON value in NFC (keys too), without changing anything else; a new value only where needed. */
export function nfcDeep<T>(value: T): T {
  if (typeof value === "string") return nfc(value) as T;
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((v) => {
      const n = nfcDeep(v);
      if (n !== v) changed = true;
      return n;
    });
    return (changed ? out : value) as T;
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const nk = nfc(k);
      const nv = nfcDeep(v);
      if (nk !== k || nv !== v) changed = true;
      out[nk] = nv;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

/**
 * A grid with every text cell in NFC; the same grid when nothing changes. The sheet's name is kept as the workbook
 * spells it: it is how the host finds the sheet again (to flag cells, to skip a generated sheet).
 */
export function nfcGrid(grid: Grid): Grid {
  let changed = false;
  const values = grid.values.map((row) => {
    if (!row) return row;
    let rowChanged = false;
    const out = row.map((v) => {
      const n = nfcCell(v);
      if (n !== v) rowChanged = true;
      return n;
    });
    if (rowChanged) changed = true;
    return rowChanged ? out : row;
  });
  return changed ? { ...grid, values } : grid;
}

/** White space other than the plain space, as /\s/ and String.prototype.trim read it. */
function isOtherSpace(c: number): boolean {
  return c < 128
    ? c >= 9 && c <= 13
    : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The text with each run of white space as one space, trimmed: exactly `text.replace(/\s+/g, " ").trim()`, but
 * the text itself, without a regex or a new string, when it has nothing to change (most cells). Every row of a unit
 * sheet asks this of its code and name cells.
 */
export function squashSpaces(text: string): string {
  let space = true; // a space at the start is to trim
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (space) return text.replace(/\s+/g, " ").trim();
      space = true;
    } else if (isOtherSpace(c)) return text.replace(/\s+/g, " ").trim();
    else space = false;
  }
  return space && text.length > 0 ? text.replace(/\s+/g, " ").trim() : text;
}
