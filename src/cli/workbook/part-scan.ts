/**
 * A look through an .xlsx workbook's unpacked XML parts before anything parses them (limits.ts): cells, shared
 * strings and hyperlinked ranges are counted, and every cell, row, merge and hyperlink reference is checked against
 * Excel's last column and row. It reads the bytes once and keeps nothing but counters, so a workbook that would
 * take gigabytes to parse is refused in a fraction of a second.
 */
import { beyondExcel, LAST_COLUMN, LAST_ROW, overLimit, ReadLimits } from "./limits";

export interface Part {
  name: string;
  data: Buffer;
}

/** The column number (1 = A) of the letters, or Infinity past XFD. */
function columnNumber(letters: string): number {
  if (letters.length > 3) return Infinity;
  const upper = letters.toUpperCase();
  let n = 0;
  for (let i = 0; i < upper.length; i++) n = n * 26 + (upper.charCodeAt(i) - 64);
  return n;
}

interface Position {
  row: number;
  col: number;
}

/** "B7" → {row: 7, col: 2}; "$B$7" too; null when it is not a cell reference. Rows and columns may be past Excel's. */
function position(ref: string): Position | null {
  const m = /^\$?([A-Za-z]{1,10})\$?(\d{1,15})$/.exec(ref.trim());
  if (!m) return null;
  return { col: columnNumber(m[1]), row: Number(m[2]) };
}

const beyond = (p: Position) => p.col > LAST_COLUMN || p.row > LAST_ROW || p.row < 1;

/** An element's local name (prefix dropped), its attribute text, and whether it closes itself. */
interface Element {
  name: string;
  attributes: string;
  empty: boolean;
}

/** Characters of an element's name: letters, digits, "_", "-", ".", and ":" after a prefix. */
const NAME_CHAR = "[A-Za-z0-9_.:\\-]";
const elementRes = new Map<string, RegExp>();

/**
 * Calls `visit` with each element among `wanted`, in document order. The bytes are read as one latin1 string (one
 * character a byte), and one regular expression finds the wanted elements (a prefix ends at the name's last ":"):
 * a sheet's thousands of other elements are passed over by the expression engine, not looked at one by one.
 */
function elements(data: Buffer, wanted: readonly string[], visit: (el: Element) => void): void {
  const key = wanted.join("|");
  let re = elementRes.get(key);
  if (!re) elementRes.set(key, (re = new RegExp(`<(?:${NAME_CHAR}*:)?(${key})(?!${NAME_CHAR})([^>]*)>`, "g")));
  const text = data.toString("latin1");
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const attributes = m[2];
    const empty = attributes.endsWith("/");
    visit({ name: m[1], attributes: empty ? attributes.slice(0, -1) : attributes, empty });
  }
}

const attributeRes = new Map<string, RegExp>();

function attribute(attributes: string, name: string): string | null {
  let re = attributeRes.get(name);
  if (!re) attributeRes.set(name, (re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = re.exec(attributes);
  return m ? (m[1] ?? m[2]) : null;
}

/** The sheet name of each worksheet part (from xl/workbook.xml and its relationships), for messages. */
function sheetNamesByPart(parts: Part[]): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = parts.find((p) => /^xl\/workbook\d*\.xml$/i.test(p.name));
  const rels = parts.find((p) => /^xl\/_rels\/workbook\d*\.xml\.rels$/i.test(p.name));
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  elements(rels.data, ["Relationship"], (r) => {
    const id = attribute(r.attributes, "Id");
    const target = attribute(r.attributes, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  });
  elements(workbook.data, ["sheet"], (s) => {
    const name = attribute(Buffer.from(s.attributes, "latin1").toString("utf8"), "name");
    const id = /(?:^|\s)[\w]*:?id\s*=\s*"([^"]*)"/.exec(s.attributes)?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== null && target) names.set(target.toLowerCase(), unescapeXml(name));
  });
  return names;
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (m, name: string, dec?: string, hex?: string) => {
    if (dec) return String.fromCodePoint(Number(dec));
    if (hex) return String.fromCodePoint(parseInt(hex, 16));
    return ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" } as Record<string, string>)[name.toLowerCase()] ?? m;
  });
}

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/i;
const SHARED_STRINGS = /^xl\/sharedStrings\d*\.xml$/i;
const SHEET_ELEMENTS = ["c", "row", "mergeCell", "hyperlink"];
const STRING_ELEMENTS = ["si"];

/**
 * Throws a WorkbookError when the workbook's parts go past `limits` (which limit, how to lift it) or refer to a
 * cell beyond Excel's last column or row (which sheet, which reference).
 */
export function checkParts(parts: Part[], file: string, limits: ReadLimits): void {
  for (const part of parts) {
    if (!SHARED_STRINGS.test(part.name)) continue;
    let strings = 0;
    elements(part.data, STRING_ELEMENTS, () => {
      if (++strings > limits.maxCells) throw overLimit("shared-strings", file, limits);
    });
  }
  const sheetNames = sheetNamesByPart(parts);
  let cells = 0;
  for (const part of parts) {
    if (!WORKSHEET.test(part.name)) continue;
    const sheet = sheetNames.get(part.name.toLowerCase()) ?? part.name;
    let row = 0;
    let col = 0;
    const count = (n: number) => {
      cells += n;
      if (cells > limits.maxCells) throw overLimit("cells", file, limits, sheet);
    };
    elements(part.data, SHEET_ELEMENTS, (el) => {
      if (el.name === "row") {
        const r = attribute(el.attributes, "r");
        row = r === null ? row + 1 : Number(r.trim());
        col = 0;
        if (!Number.isInteger(row) || row < 1 || row > LAST_ROW) throw beyondExcel(file, sheet, `${r ?? row}`.slice(0, 40));
      } else if (el.name === "c") {
        const r = attribute(el.attributes, "r");
        if (r !== null) {
          const p = position(r);
          if (!p || beyond(p)) throw beyondExcel(file, sheet, r.slice(0, 40));
          col = p.col;
        } else if (++col > LAST_COLUMN) throw beyondExcel(file, sheet, `R${row}C${col}`);
        if (!el.empty) count(1);
      } else {
        const ref = attribute(el.attributes, "ref");
        if (ref === null) return;
        const [from, to = from] = ref.split(":").map(position);
        if (!from || !to) return;
        if (beyond(from) || beyond(to)) throw beyondExcel(file, sheet, ref.slice(0, 40));
        // SheetJS gives every cell of a hyperlinked range the link: each one is a cell read.
        if (el.name === "hyperlink") count((Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1));
      }
    });
  }
}
