/**
 * A values-only reader of .xlsx parts that gives the cells exactly as SheetJS gives them to read.ts (with the
 * options read.ts passes: dense, formulas, number formats, no styles, no text), without loading SheetJS: loading
 * it is most of the start of `par validate`, and its full workbook model about half of each `par aggregate`
 * thread's time. It reads the parts zip.ts unpacked (the bounds against bombs and part-scan.ts's limits already
 * applied): [Content_Types].xml, the workbook and its relationships, shared strings, styles (number formats and
 * cell formats only, to tell dates), each worksheet (cells, formulas' text and cached values, merges, hyperlinks
 * with their sheet's relationships). Shared formulas' dependent cells get the master's text shifted as SheetJS
 * shifts it.
 *
 * It DECLINES (returns null, and read.ts reads the file with SheetJS) whenever the file has anything it does not
 * read exactly as SheetJS does: array formulas, ISO date cells, unknown cell types, chart, dialog or macro
 * sheets, a strict-OOXML or unknown namespace, a byte-order mark, comments, CDATA or a DOCTYPE in a part, a
 * formula's text result or a link whose bytes are not UTF-8, odd references, a shared string
 * that is missing, a part that is not where the content types say... A wrong number that looks right is worse than
 * a slower read: test/cli/fast-xlsx-parity.test.ts compares both readers on every sample and on generated files.
 *
 * The scanning follows SheetJS CE's xlsx.js (Apache-2.0, Copyright (C) 2013-present SheetJS LLC): its regular
 * expressions, attribute parsing (parsexmltag), XML unescaping (unescapexml, with _xHHHH_ codes) and cell rules are
 * ported here so that the quirks are the same (an unknown error code reads as #VALUE!, a hyperlink over empty
 * cells makes cells of them), except where read.ts has SheetJS read otherwise: a formula cell with no cached value
 * is kept as SheetJS keeps it with stubs on (type z, its formula: read.ts names it), a boolean without a value is
 * empty (sheetjs-prepare.ts), a worksheet whose part is missing is named (FastWorkBook.Unread).
 */
import type * as SheetJS from "@e965/xlsx";
import type { ZipPart } from "./zip";

class Decline extends Error {}

const decline = (why: string): never => {
  throw new Decline(why);
};

/** The subset of SheetJS's WorkBook that read.ts's workbookData reads. */
export interface FastWorkBook {
  SheetNames: string[];
  Sheets: Record<string, SheetJS.WorkSheet>;
  Workbook: { WBProps: { date1904?: boolean }; Sheets: { Hidden: number }[] };
  bookType: "xlsx";
  /** Worksheets that could not be read (not in SheetJS's model: read.ts names them). */
  Unread?: Record<string, { reason: "missing" }>;
}

interface FastCell {
  t: string;
  v?: unknown;
  f?: string;
  z?: string;
  l?: { Target: string };
}

// ---- ported from SheetJS: XML helpers --------------------------------------------------------------------

const ENCODINGS: Record<string, string> = { "&quot;": '"', "&apos;": "'", "&gt;": ">", "&lt;": "<", "&amp;": "&" };
const ENC_RE = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const CODE_RE = /_x([\da-fA-F]{4})_/gi;

/** SheetJS's unescapexml (no CDATA: parts holding CDATA are declined). */
function unescapexml(text: unknown, xlsx?: boolean): string {
  const s = String(text);
  // Most text has nothing to unescape: the replacements below would give it back unchanged.
  if (s.indexOf("&") < 0 && s.indexOf("_x") < 0 && s.indexOf("_X") < 0) return xlsx && s.indexOf("\r\n") >= 0 ? s.replace(/\r\n/g, "\n") : s;
  const out = s
    .replace(ENC_RE, ($$: string, $1: string) => (Object.hasOwn(ENCODINGS, $$) ? ENCODINGS[$$] : undefined) || String.fromCharCode(parseInt($1, $$.indexOf("x") > -1 ? 16 : 10)) || $$)
    .replace(CODE_RE, (_m: string, c: string) => String.fromCharCode(parseInt(c, 16)));
  return xlsx ? out.replace(/\r\n/g, "\n") : out;
}

const ATTR_RE = /\s([^"\s?>/]+)\s*=\s*((?:")([^"]*)(?:")|(?:')([^']*)(?:')|([^'">\s]+))/g;
const TAG_RE = /<[/?]?[a-zA-Z0-9:_-]+(?:\s+[^"\s?<>/]+\s*=\s*(?:"[^"]*"|'[^']*'|[^'"<>\s=]+))*\s*[/?]?>/gm;
const NS_RE = /<\w*:/;
const NS_RE2 = /<(\/?)\w+:/;

type Attrs = Record<string, string | undefined>;

/** SheetJS's parsexmltag: attributes by local name (and lower-cased), the tag's name as [0] unless skipRoot. */
export function parsexmltag(tag: string, skipRoot?: boolean): Attrs {
  const z: Attrs = Object.create(null) as Attrs;
  let eq = 0;
  let c = 0;
  for (; eq !== tag.length; ++eq) if ((c = tag.charCodeAt(eq)) === 32 || c === 10 || c === 13) break;
  if (!skipRoot) z[0] = tag.slice(0, eq);
  if (eq === tag.length) return z;
  const m = tag.match(ATTR_RE);
  if (m)
    for (let i = 0; i !== m.length; ++i) {
      const cc = m[i].slice(1);
      for (c = 0; c !== cc.length; ++c) if (cc.charCodeAt(c) === 61) break;
      let q = cc.slice(0, c).trim();
      while (cc.charCodeAt(c + 1) == 32) ++c;
      const quot = (eq = cc.charCodeAt(c + 1)) == 34 || eq == 39 ? 1 : 0;
      const v = cc.slice(c + 1 + quot, cc.length - quot);
      let j = 0;
      for (j = 0; j !== q.length; ++j) if (q.charCodeAt(j) === 58) break;
      if (j === q.length) {
        if (q.indexOf("_") > 0) q = q.slice(0, q.indexOf("_"));
        z[q] = v;
        z[q.toLowerCase()] = v;
      } else {
        const k = (j === 5 && q.slice(0, 5) === "xmlns" ? "xmlns" : "") + q.slice(j + 1);
        if (z[k] && q.slice(j - 3, j) == "ext") continue;
        z[k] = v;
        z[k.toLowerCase()] = v;
      }
    }
  return z;
}

const stripNs = (x: string) => x.replace(NS_RE2, "<$1");

const nsCache = new Map<string, [RegExp, RegExp]>();
function nsRegexes(tag: string): [RegExp, RegExp] {
  let res = nsCache.get(tag);
  if (!res) nsCache.set(tag, (res = [new RegExp("<(?:\\w+:)?" + tag + "\\b[^<>]*>", "g"), new RegExp("</(?:\\w+:)?" + tag + ">", "g")]));
  res[0].lastIndex = res[1].lastIndex = 0;
  return res;
}

/** SheetJS's str_match_xml_ns: [whole element, its content, where it starts] of the first `tag`, or null. */
export function matchXmlNs(str: string, tag: string): [string, string, number] | null {
  const res = nsRegexes(tag);
  let m = res[0].exec(str);
  if (!m) return null;
  const si = m.index;
  const sf = res[0].lastIndex;
  res[1].lastIndex = res[0].lastIndex;
  m = res[1].exec(str);
  if (!m) return null;
  return [str.slice(si, res[1].lastIndex), str.slice(sf, m.index), si];
}

/** SheetJS's str_remove_xml_ns_g: the text without every `tag` element, or null when one is not closed. */
function removeXmlNs(str: string, tag: string): string | null {
  const out: string[] = [];
  const res = nsRegexes(tag);
  let m: RegExpExecArray | null;
  let ef = 0;
  while ((m = res[0].exec(str))) {
    out.push(str.slice(ef, m.index));
    res[1].lastIndex = res[0].lastIndex;
    m = res[1].exec(str);
    if (!m) return null;
    ef = res[1].lastIndex;
    res[0].lastIndex = res[1].lastIndex;
  }
  out.push(str.slice(ef));
  return out.join("");
}

/** SheetJS's RBErr: error text → code (read.ts turns the code back into text). */
const RB_ERR: Record<string, number> = { "#NULL!": 0x00, "#DIV/0!": 0x07, "#VALUE!": 0x0f, "#REF!": 0x17, "#NAME?": 0x1d, "#NUM!": 0x24, "#N/A": 0x2a, "#GETTING_DATA": 0x2b, "#WTF?": 0xff };

/** SheetJS's built-in number formats (SSF_init_table). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};
const BAD_FORMATS: Record<string, string> = { "d.m": "d\\.m" };

// ---- the package --------------------------------------------------------------------------------------------

const CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const WORKSHEET_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const WORKBOOK_TYPES = new Set([
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
]);
const BINARY_WORKBOOK = "application/vnd.ms-excel.sheet.binary.macroEnabled.main";
const SST_TYPES = new Set(["application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml", "application/vnd.ms-excel.sharedStrings"]);
const STYLE_TYPES = new Set(["application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml", "application/vnd.ms-excel.styles"]);

/** A part as text; declined when SheetJS would read it differently (a byte-order mark) or a construct it is not ported for. */
function text(parts: Map<string, Buffer>, name: string): string | null {
  const data = parts.get(name.toLowerCase());
  if (!data) return null;
  if ((data[0] === 0xef && data[1] === 0xbb) || (data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) decline(`byte-order mark in ${name}`);
  const s = data.toString("utf8");
  if (s.includes("<!--") || s.includes("<![CDATA[") || s.includes("<!DOCTYPE")) decline(`comment, CDATA or DOCTYPE in ${name}`);
  return s;
}

const stripFrontSlash = (x: string) => (x.charAt(0) == "/" ? x.slice(1) : x);

interface Rel {
  Type?: string;
  Target: string;
}

/** SheetJS's parse_rels, by Id; targets whose text SheetJS would not decode as UTF-8 (non-ASCII) are declined. */
function parseRels(data: string | null): Map<string, Rel> {
  const rels = new Map<string, Rel>();
  if (!data) return rels;
  for (const x of data.match(TAG_RE) ?? []) {
    const y = parsexmltag(x);
    if (y[0] !== "<Relationship") continue;
    if (y.Target === undefined || y.Id === undefined) decline("relationship without target or id");
    // SheetJS unescapes the target without decoding UTF-8 (a non-ASCII target reads as its UTF-8 bytes, one
    // character each): the same here, so that both readers give the same link.
    if (y.Target!.includes("\ufffd")) decline("relationship target that is not UTF-8");
    rels.set(y.Id!, { Type: y.Type, Target: unescapexml(Buffer.from(y.Target!, "utf8").toString("latin1")) });
  }
  return rels;
}

interface Styles {
  /** numFmtId of each cell format (xf), undefined where none. */
  cellXf: (number | undefined)[] | null;
  formats: Record<number, string>;
}

function parseStyles(data: string): Styles {
  const formats: Record<number, string> = { ...BUILTIN_FORMATS };
  const numFmts = matchXmlNs(data, "numFmts");
  if (numFmts)
    for (const x of numFmts[0].match(TAG_RE) ?? []) {
      const y = parsexmltag(x);
      switch (stripNs(y[0]!)) {
        case "<numFmts":
        case "</numFmts>":
        case "<numFmts/>":
        case "<numFmts>":
        case "</numFmt>":
          break;
        case "<numFmt": {
          const f = unescapexml(y.formatCode);
          const j = parseInt(y.numFmtId!, 10);
          if (!(j >= 0 && j <= 0x188)) decline("number format id out of range");
          if (j > 0) formats[j] = Object.hasOwn(BAD_FORMATS, f) ? BAD_FORMATS[f] : f;
          break;
        }
        default:
          decline(`unknown ${y[0]} in numFmts`);
      }
    }
  let cellXf: (number | undefined)[] | null = null;
  const xfs = matchXmlNs(data, "cellXfs");
  if (xfs) {
    cellXf = [];
    for (const x of xfs[0].match(TAG_RE) ?? []) {
      const y = parsexmltag(x);
      const name = stripNs(y[0]!);
      if (name === "<xf" || name === "<xf/>" || name === "<xf>") {
        const id = y.numFmtId ? parseInt(y.numFmtId, 10) : undefined;
        if (id !== undefined && !(id >= 0 && id <= 0x188)) decline("cell format with an odd number format id");
        cellXf.push(id);
      }
    }
  }
  return { cellXf, formats };
}

/** SheetJS's parse_si: a shared or inline string's text (rich text runs concatenated, phonetic runs left out). */
const SIT_RE = /<(?:\w+:)?t\b[^<>]*>([^<]*)<\/(?:\w+:)?t>/g;
const SIR_RE = /<(?:\w+:)?r\b[^<>]*>/;
const T_START = /^\s*<(?:\w+:)?t[^>]*>/;
const T_END = /<\/(?:\w+:)?t>/;
function parseSi(x: string): string | undefined {
  if (!x) return "";
  if (T_START.test(x)) return unescapexml(x.slice(x.indexOf(">") + 1).split(T_END)[0] || "", true);
  if (SIR_RE.test(x)) {
    const noPhonetic = removeXmlNs(x, "rPh");
    if (noPhonetic === null) decline("unclosed phonetic run");
    return unescapexml((noPhonetic!.match(SIT_RE) || []).join("").replace(TAG_RE, ""), true);
  }
  return undefined;
}

const SST1 = /<(?:\w+:)?(?:si|sstItem)>/g;
const SST2 = /<\/(?:\w+:)?(?:si|sstItem)>/;
function parseSst(data: string | null): (string | undefined)[] {
  const s: (string | undefined)[] = [];
  if (!data) return s;
  const sst = matchXmlNs(data, "sst");
  if (!sst) return s;
  const items = sst[1].replace(SST1, "").split(SST2);
  for (const item of items) s.push(parseSi(item.trim()));
  return s;
}

// ---- worksheets ---------------------------------------------------------------------------------------------

const CELL_SPLIT = /<(?:\w+:)?c[ />]/;
const ROW_END = /<\/(?:\w+:)?row>/;
const R_ATTR = /r=["']([^"']*)["']/;
const RANGE_REF = /^[A-Z]{1,3}[1-9]\d{0,6}(?::[A-Z]{1,3}[1-9]\d{0,6})?$/;
const MERGE_RE = /<(?:\w+:)?mergeCell ref=["'][A-Z0-9:]+['"]\s*[/]?>/g;
const HLINK_RE = /<(?:\w+:)?hyperlink [^<>]*>/gm;

/** A cell reference as CELL_REF reads it (1–3 capitals, then a row from 1 with at most 7 digits), 0-based. */
function decodeCell(ref: string): { r: number; c: number } {
  let i = 0;
  let c = 0;
  for (; i < ref.length && i < 4; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = 26 * c + (code - 64);
  }
  const letters = i;
  let r = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 48 || code > 57) break;
    r = 10 * r + (code - 48);
  }
  const digits = i - letters;
  if (letters < 1 || letters > 3 || digits < 1 || digits > 7 || i !== ref.length || ref.charCodeAt(letters) === 48) return decline(`odd cell reference ${ref.slice(0, 20)}`);
  return { r: r - 1, c: c - 1 };
}

function decodeRange(ref: string): { s: { r: number; c: number }; e: { r: number; c: number } } {
  if (!RANGE_REF.test(ref)) decline(`odd range ${ref.slice(0, 20)}`);
  const [a, b = a] = ref.split(":");
  return { s: decodeCell(a), e: decodeCell(b) };
}

function encodeCell(r: number, c: number): string {
  let col = c + 1;
  let s = "";
  for (; col; col = ((col - 1) / 26) | 0) s = String.fromCharCode(((col - 1) % 26) + 65) + s;
  return s + (r + 1);
}

interface Book {
  strings: (string | undefined)[];
  styles: Styles | null;
}

function parseSheet(data: string, rels: Map<string, Rel>, book: Book): SheetJS.WorkSheet {
  const rows: (FastCell[] | undefined)[] = [];
  let data2: string;
  const sheetData = matchXmlNs(data, "sheetData");
  if (sheetData) {
    data2 = data.slice(sheetData[2] + sheetData[0].length);
    parseCells(sheetData[1], rows, book);
  } else data2 = data;

  const merges: SheetJS.Range[] = [];
  const mergeTags = data2.match(MERGE_RE) ?? [];
  if (mergeTags.length !== (data2.match(/<(?:\w+:)?mergeCell\b/g) ?? []).length) decline("a merge written unlike SheetJS reads it");
  for (const tag of mergeTags) {
    const ref = /ref=["']([A-Z0-9:]+)['"]/.exec(tag)![1];
    merges.push(decodeRange(ref));
  }

  const hlinks = data2.match(HLINK_RE) ?? [];
  if (hlinks.length !== (data2.match(/<(?:\w+:)?hyperlink\b(?!s)/g) ?? []).length) decline("a hyperlink written unlike SheetJS reads it");
  for (const tag of hlinks) {
    const val = parsexmltag(tag, true);
    if (!val.ref) decline("hyperlink without ref");
    let target: string;
    const id = val.id;
    if (id !== undefined && !/^[A-Za-z0-9_.-]+$/.test(id)) decline("odd relationship id");
    const rel = id !== undefined ? rels.get(id) : undefined;
    if (rel) {
      target = rel.Target;
      if (val.location) target += "#" + unescapexml(val.location);
    } else {
      if (val.location === undefined) decline("hyperlink without target or location");
      target = "#" + unescapexml(val.location);
    }
    const link = { Target: target };
    const rng = decodeRange(val.ref!);
    for (let R = rng.s.r; R <= rng.e.r; ++R)
      for (let C = rng.s.c; C <= rng.e.c; ++C) {
        const row = (rows[R] ??= []);
        (row[C] ??= { t: "z", v: undefined }).l = link;
      }
  }
  const sheet: Record<string, unknown> = { "!data": rows };
  if (merges.length > 0) sheet["!merges"] = merges;
  return sheet as unknown as SheetJS.WorkSheet;
}

const SIMPLE_ATTR = / +([a-z]+)="([^"]*)"/y;
const CELL_ATTRS = new Set(["r", "s", "t", "cm", "vm", "ph"]);

/**
 * A cell's start tag's attributes as parsexmltag gives them: read directly when the tag is `<c` and attributes
 * name="value" apart by spaces, each one a cell attribute (then parsexmltag gives exactly these), else by it.
 */
function cellTag(tag: string): Attrs {
  if (tag.startsWith("<c ") || tag === "<c >") {
    const z: Attrs = Object.create(null) as Attrs;
    SIMPLE_ATTR.lastIndex = 2;
    let at = 2;
    for (let m = SIMPLE_ATTR.exec(tag); m; m = SIMPLE_ATTR.exec(tag)) {
      if (!CELL_ATTRS.has(m[1])) return parsexmltag(tag, true);
      z[m[1]] = m[2];
      at = SIMPLE_ATTR.lastIndex;
    }
    if (/^ *\/?>$/.test(tag.slice(at))) return z;
  }
  return parsexmltag(tag, true);
}

interface SharedFormula {
  /** The master cell's formula text. */
  text: string;
  /** The master cell's reference. */
  cell: string;
}

/** SheetJS's crefregex: a cell reference in formula text, with its $ signs. */
const CREF_RE = /(^|[^._A-Z0-9])([$]?)([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])([$]?)(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})(?![_.(A-Za-z0-9])/g;

function encodeCol(col: number): string {
  if (col < 0) decline("shared formula shifted before column A");
  let s = "";
  for (++col; col; col = Math.floor((col - 1) / 26)) s = String.fromCharCode(((col - 1) % 26) + 65) + s;
  return s;
}

/** A shared formula's text in a dependent cell (SheetJS's shift_formula_xlsx), undefined without its master. */
function sharedText(sharedf: Map<string, SharedFormula>, si: string | undefined, cell: string): string | undefined {
  if (si === undefined) return undefined;
  if (!/^(0|[1-9]\d{0,5})$/.test(si)) decline("odd shared formula index");
  const master = sharedf.get(si);
  if (!master) return undefined;
  const from = decodeCell(master.cell);
  const to = decodeCell(cell);
  const dr = to.r - from.r;
  const dc = to.c - from.c;
  return master.text.replace(CREF_RE, (_m: string, $1: string, $2: string, $3: string, $4: string, $5: string) => {
    let col = 0;
    for (let i = 0; i < $3.length; i++) col = 26 * col + $3.charCodeAt(i) - 64;
    return $1 + ($2 == "$" ? $2 + $3 : encodeCol(col - 1 + dc)) + ($4 == "$" ? $4 + $5 : String(parseInt($5, 10) - 1 + dr + 1));
  });
}

/** SheetJS's parse_ws_xml_data with read.ts's options (dense, cellFormula, cellNF, cellText false, no stubs). */
function parseCells(sdata: string, rows: (FastCell[] | undefined)[], book: Book): void {
  const sharedf = new Map<string, SharedFormula>();
  let tagr = 0;
  let tagc = 0;
  const pieces = sdata.split(ROW_END);
  for (let mt = 0; mt !== pieces.length; ++mt) {
    let x = pieces[mt].trim();
    const xlen = x.length;
    if (xlen === 0) continue;
    let rstarti = 0;
    let ri = 0;
    outa: for (ri = 0; ri < xlen; ++ri)
      switch (x[ri]) {
        case ">":
          if (x[ri - 1] != "/") {
            ++ri;
            break outa;
          }
          break;
        case "<":
          rstarti = ri;
          break;
      }
    if (rstarti >= ri) return decline("row without cells SheetJS stops at");
    const rowTag = parsexmltag(x.slice(rstarti, ri), true);
    if (rowTag.r != null && !/^[1-9]\d{0,6}$/.test(rowTag.r)) decline("odd row number");
    tagr = rowTag.r != null ? parseInt(rowTag.r, 10) : tagr + 1;
    tagc = -1;

    let cells = x.slice(ri).split(CELL_SPLIT);
    let rslice = 0;
    for (; rslice != cells.length; ++rslice) if (cells[rslice].trim().charAt(0) != "<") break;
    cells = cells.slice(rslice);
    for (ri = 0; ri != cells.length; ++ri) {
      x = cells[ri].trim();
      if (x.length === 0) continue;
      const cref = x.match(R_ATTR);
      x = "<c " + (x.slice(0, 1) == "<" ? ">" : "") + x;
      if (cref != null && cref.length === 2) {
        tagc = decodeCell(cref[1]).c;
      } else ++tagc;
      let i = 0;
      for (i = 0; i !== x.length; ++i) if (x.charCodeAt(i) === 62) break;
      ++i;
      const tag = cellTag(x.slice(0, i));
      if (!tag.r) tag.r = encodeCell(tagr - 1, tagc);
      const d = x.slice(i);
      const p: FastCell = { t: "" };
      let rawV: string | undefined;
      const vm = matchXmlNs(d, "v");
      if (vm != null && vm[1] !== "") {
        rawV = vm[1];
        p.v = unescapexml(vm[1]);
      }
      if (d.indexOf("f") >= 0) {
        // SheetJS's formula rules: shared formulas' dependent cells get the master's text shifted by their
        // distance from it (the master's text kept as written, "\r\n" included); array formulas are declined.
        let fm: [string, string, number] | null;
        let m: RegExpMatchArray | null;
        if ((fm = matchXmlNs(d, "f")) != null) {
          if (fm[1] == "") {
            if (fm[0].indexOf('t="shared"') > -1) p.f = sharedText(sharedf, parsexmltag(fm[0]).si, tag.r);
          } else {
            p.f = unescapexml(fm[1], true).replace(/_xlfn\./g, "");
            if (fm[0].indexOf('t="array"') > -1) decline("array formula");
            else if (fm[0].indexOf('t="shared"') > -1) {
              const si = parsexmltag(fm[0]).si;
              if (si === undefined || !/^(0|[1-9]\d{0,5})$/.test(si)) decline("odd shared formula index");
              sharedf.set(si!, { text: unescapexml(fm[1]).replace(/_xlfn\./g, ""), cell: tag.r });
            }
          }
        } else if ((m = d.match(/<f[^<>]*\/>/))) p.f = sharedText(sharedf, parsexmltag(m[0]).si, tag.r);
        if (p.f === undefined) delete p.f;
      }

      // A formula without a cached value (and a boolean without a value, which read.ts has SheetJS read as
      // untyped: sheetjs-prepare.ts) is kept as SheetJS keeps it with stubs on: type z with its formula. Without
      // a formula, such a cell is empty.
      const noValue = p.v === undefined && (tag.t == null || tag.t === "n" || tag.t === "s" || tag.t === "b");
      if (noValue || (tag.t === "n" && p.v == "")) {
        if (p.f === undefined) continue;
        p.t = "z";
        p.v = undefined;
        placeCell(p, tag, book, rows);
        continue;
      }
      p.t = tag.t || "n";
      switch (p.t) {
        case "n":
          p.v = parseFloat(p.v as string);
          break;
        case "s": {
          const raw = p.v as string;
          if (!/^\d+$/.test(raw.trim())) decline("odd shared string index");
          const n = parseInt(raw, 10);
          if (n >= book.strings.length) decline("shared string index past the table");
          p.v = book.strings[n];
          break;
        }
        case "str":
          // SheetJS unescapes the part's bytes, decodes UTF-8, then unescapes again: the same steps here.
          p.t = "s";
          if (rawV !== undefined && rawV.includes("\ufffd")) decline("formula text result that is not UTF-8");
          p.v = rawV !== undefined ? unescapexml(Buffer.from(unescapexml(Buffer.from(rawV, "utf8").toString("latin1")), "latin1").toString("utf8"), true) : "";
          break;
        case "inlineStr": {
          const is = matchXmlNs(d, "is");
          p.t = "s";
          p.v = is != null ? parseSi(is[1]) : "";
          if (p.v === undefined) decline("inline string SheetJS reads apart");
          break;
        }
        case "b":
          p.v = p.v === "1" || p.v === "true";
          break;
        case "e":
          p.v = typeof p.v === "string" && Object.hasOwn(RB_ERR, p.v) ? RB_ERR[p.v] : undefined;
          break;
        default:
          decline(`cell type ${p.t}`);
      }
      placeCell(p, tag, book, rows);
    }
  }
}

/** A cell with its number format, at its place. */
function placeCell(p: FastCell, tag: Attrs, book: Book, rows: (FastCell[] | undefined)[]): void {
  let fmtid = 0;
  const cellXf = book.styles?.cellXf;
  if (cellXf && tag.s !== undefined) {
    if (!/^(0|[1-9]\d*)$/.test(tag.s)) decline("odd style index");
    const xf = Number(tag.s) < cellXf.length ? cellXf[Number(tag.s)] : undefined;
    if (xf != null) fmtid = xf;
  }
  const z = (book.styles?.formats ?? BUILTIN_FORMATS)[fmtid];
  if (z !== undefined) p.z = z;
  const at = decodeCell(tag.r!);
  (rows[at.r] ??= [])[at.c] = p;
}

// ---- the workbook -------------------------------------------------------------------------------------------

/**
 * The workbook in `parts` as SheetJS would give it to read.ts, or null when the fast reader declines (the reason
 * goes to `why`, for tests).
 */
export function readFastWorkbook(zipParts: ZipPart[], why?: (reason: string) => void): FastWorkBook | null {
  try {
    return fastWorkbook(zipParts);
  } catch (e) {
    if (e instanceof Decline) {
      why?.(e.message);
      return null;
    }
    // Anything unexpected in a part: SheetJS decides (and says what is wrong).
    why?.(`error: ${(e as Error)?.message ?? String(e)}`);
    return null;
  }
}

function fastWorkbook(zipParts: ZipPart[]): FastWorkBook {
  const parts = new Map<string, Buffer>();
  for (const { name, data } of zipParts) {
    const key = name.toLowerCase();
    if (parts.has(key) || name.includes("\\") || [...name].some((ch) => ch.charCodeAt(0) < 0x20)) decline("part names SheetJS could take for one another");
    parts.set(key, data);
  }
  for (const other of ["meta-inf/manifest.xml", "objectdata.xml", "index/document.iwa", "xl/workbook.bin"]) if (parts.has(other)) decline(`not an .xlsx (${other})`);

  const ct = text(parts, "[Content_Types].xml") ?? decline("no content types");
  let xmlns: string | undefined;
  const workbooks: string[] = [];
  const sst: string[] = [];
  const style: string[] = [];
  for (const x of ct.match(TAG_RE) ?? []) {
    const y = parsexmltag(x);
    const name = y[0]!.replace(NS_RE, "<");
    if (name === "<Types") xmlns = y["xmlns" + ((y[0]!.match(/<(\w+):/) || ["", ""])[1] ?? "")];
    else if (name === "<Override") {
      const type = y.ContentType ?? "";
      if (type === BINARY_WORKBOOK) decline("binary workbook");
      if (WORKBOOK_TYPES.has(type)) workbooks.push(y.PartName!);
      if (SST_TYPES.has(type)) sst.push(y.PartName!);
      if (STYLE_TYPES.has(type)) style.push(y.PartName!);
    }
  }
  if (xmlns !== CT_NS) decline("content types namespace");
  if (workbooks.length !== 1 || stripFrontSlash(workbooks[0]) !== "xl/workbook.xml") decline("workbook part not xl/workbook.xml");

  const sstText = sst.length > 0 ? (text(parts, stripFrontSlash(sst[0])) ?? decline("shared strings part missing")) : null;
  const strings = parseSst(sstText);
  const styleText = style.length > 0 ? (text(parts, stripFrontSlash(style[0])) ?? decline("styles part missing")) : null;
  const styles = styleText !== null ? parseStyles(styleText) : null;

  const wbText = text(parts, "xl/workbook.xml") ?? decline("no workbook part");
  let date1904 = false;
  let wbXmlns: string | undefined;
  const sheets: { name: string; id: string | undefined; Hidden: number }[] = [];
  for (const x of wbText.match(TAG_RE) ?? []) {
    const y = parsexmltag(x);
    switch (stripNs(y[0]!)) {
      case "<workbook": {
        let key = "xmlns";
        if (/<\w+:workbook/.test(x)) key = "xmlns" + x.match(/<(\w+):/)![1];
        wbXmlns = y[key];
        break;
      }
      case "<workbookPr":
      case "<workbookPr/>":
        if (y.date1904 != null) date1904 = y.date1904 === "1" || y.date1904 === "true";
        break;
      case "<sheet": {
        if (y.name === undefined) decline("sheet without a name");
        const Hidden = y.state === "hidden" ? 1 : y.state === "veryHidden" ? 2 : 0;
        sheets.push({ name: unescapexml(y.name), id: y.id ?? y.strRelID, Hidden });
        break;
      }
    }
  }
  if (wbXmlns !== MAIN_NS) decline("workbook namespace");
  if (sheets.length === 0) decline("no sheets");
  if (new Set(sheets.map((s) => s.name)).size !== sheets.length) decline("two sheets of one name");

  const wbRels = parseRels(text(parts, "xl/_rels/workbook.xml.rels") ?? decline("no workbook relationships"));
  const book: Book = { strings, styles };
  const out: FastWorkBook = { SheetNames: [], Sheets: {}, Workbook: { WBProps: date1904 ? { date1904 } : {}, Sheets: [] }, bookType: "xlsx" };
  const paths = new Set<string>();
  for (const sheet of sheets) {
    const rel = sheet.id !== undefined ? wbRels.get(sheet.id) : undefined;
    if (!rel) decline("sheet without a relationship");
    if (rel!.Type !== WORKSHEET_REL) decline("not a worksheet (chart, dialog or macro sheet)");
    const path = "xl/" + rel!.Target.replace(/[/]?xl\//, "");
    if (![path, rel!.Target, "xl/" + rel!.Target].some((p) => parts.has(p.toLowerCase()))) {
      // A worksheet whose part is not in the file (where SheetJS looks for it): named, as read.ts names it.
      (out.Unread ??= {})[sheet.name] = { reason: "missing" };
      out.SheetNames.push(sheet.name);
      out.Workbook.Sheets.push({ Hidden: sheet.Hidden });
      continue;
    }
    if (!parts.has(path.toLowerCase()) || !/^xl\/worksheets\/[^/]+\.xml$/i.test(path)) decline("worksheet part not where SheetJS looks first");
    if (paths.has(path.toLowerCase())) decline("two sheets of one part");
    paths.add(path.toLowerCase());
    const relsPath = path.replace(/^(.*)(\/)([^/]*)$/, "$1/_rels/$3.rels");
    const sheetRels = parseRels(text(parts, relsPath));
    out.Sheets[sheet.name] = parseSheet(text(parts, path)!, sheetRels, book);
    out.SheetNames.push(sheet.name);
    out.Workbook.Sheets.push({ Hidden: sheet.Hidden });
  }
  return out;
}
