/**
 * The limits scan of part-scan.ts as it was before it read one latin1 string (a generator over Buffer.indexOf,
 * a string per element): the reference test/cli/part-scan.property.test.ts holds the faster scan to.
 */
import { beyondExcel, LAST_COLUMN, LAST_ROW, overLimit, ReadLimits } from "../../../src/cli/workbook/limits";

export interface Part {
  name: string;
  data: Buffer;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

/** The column number (1 = A) of the letters, or Infinity past XFD. */
function columnNumber(letters: string): number {
  if (letters.length > 3) return Infinity;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
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

/** Each element's local name (prefix dropped), its attribute text, and whether it closes itself. */
function* elements(data: Buffer, wanted: Set<string>): Generator<{ name: string; attributes: string; empty: boolean }> {
  for (let i = data.indexOf(LT); i >= 0 && i < data.length; i = data.indexOf(LT, i + 1)) {
    let j = i + 1;
    // A name: letters, digits, "_", "-", ".", ":" (a prefix); anything else ends it.
    while (j < data.length) {
      const b = data[j];
      if ((b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x3a) || b === 0x5f || b === 0x2d || b === 0x2e) j++;
      else break;
    }
    if (j === i + 1) continue;
    const qualified = data.toString("latin1", i + 1, j);
    const colon = qualified.lastIndexOf(":");
    const name = colon >= 0 ? qualified.slice(colon + 1) : qualified;
    if (!wanted.has(name)) continue;
    const end = data.indexOf(GT, j);
    if (end < 0) return;
    const empty = data[end - 1] === SLASH;
    yield { name, attributes: data.toString("latin1", j, empty ? end - 1 : end), empty };
    i = end;
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
  for (const r of elements(rels.data, new Set(["Relationship"]))) {
    const id = attribute(r.attributes, "Id");
    const target = attribute(r.attributes, "Target");
    if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  for (const s of elements(workbook.data, new Set(["sheet"]))) {
    const name = attribute(Buffer.from(s.attributes, "latin1").toString("utf8"), "name");
    const id = /(?:^|\s)[\w]*:?id\s*=\s*"([^"]*)"/.exec(s.attributes)?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== null && target) names.set(target.toLowerCase(), unescapeXml(name));
  }
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
const SHEET_ELEMENTS = new Set(["row", "c", "mergeCell", "hyperlink"]);
const STRING_ELEMENTS = new Set(["si"]);

/**
 * Throws a WorkbookError when the workbook's parts go past `limits` (which limit, how to lift it) or refer to a
 * cell beyond Excel's last column or row (which sheet, which reference).
 */
export function checkParts(parts: Part[], file: string, limits: ReadLimits): void {
  for (const part of parts) {
    if (!SHARED_STRINGS.test(part.name)) continue;
    let strings = 0;
    for (const _ of elements(part.data, STRING_ELEMENTS)) if (++strings > limits.maxCells) throw overLimit("shared-strings", file, limits);
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
    for (const el of elements(part.data, SHEET_ELEMENTS)) {
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
        if (ref === null) continue;
        const [from, to = from] = ref.split(":").map(position);
        if (!from || !to) continue;
        if (beyond(from) || beyond(to)) throw beyondExcel(file, sheet, ref.slice(0, 40));
        // SheetJS gives every cell of a hyperlinked range the link: each one is a cell read.
        if (el.name === "hyperlink") count((Math.abs(to.row - from.row) + 1) * (Math.abs(to.col - from.col) + 1));
      }
    }
  }
}
