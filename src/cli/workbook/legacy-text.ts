/**
 * Vietnamese text typed in the legacy font encodings that old templates still carry: TCVN3 (ABC, fonts .VnTime,
 * .VnTimeH) and VNI (VNI-Windows, fonts VNI-Times). Such text reaches the reader as Latin-1 characters ("§iÓm tù
 * chÊm", "Ñieåm töï chaám") and matches no header. Conversion tables are written here because the npm package that
 * offers them (vietnamese-conversion 2.0) turns "tự" in VNI into "tưï" and loses TCVN3 capitals.
 *
 * TCVN3 is one character per letter. VNI writes a base letter followed by a mark character ("a" + "ø" = "à");
 * a few letters are one character ("ô" = ơ, "ö" = ư, "ñ" = đ, "ì" = ì, "í" = í, "æ" = ỉ, "ó" = ĩ, "ò" = ị, "î" = ỵ).
 */
import { a1, Grid } from "../../scoring/grid";

export type LegacyEncoding = "tcvn3" | "vni";

/** Unicode letters, and their TCVN3 characters at the same positions. */
const UNICODE_LOWER = "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
const TCVN3_LOWER = "aµ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®eÌÐÎÏÑªÒÕÓÔÖi×ÝØÜÞoßãáâä«åèæçé¬êíëìîuïóñòô­õøö÷ùyúýûüþ";
/** TCVN3 has capitals only for the letters without tone marks; a capitalised toned letter uses the lower-case code. */
const TCVN3_CAPITALS: Record<string, string> = { "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ" };

function tcvn3Table(): Map<string, string> {
  const table = new Map<string, string>();
  [...TCVN3_LOWER].forEach((code, i) => {
    if (code !== UNICODE_LOWER[i]) table.set(code, UNICODE_LOWER[i]);
  });
  for (const [code, letter] of Object.entries(TCVN3_CAPITALS)) table.set(code, letter);
  return table;
}

/** Tone marks as VNI writes them after a plain vowel, after â/ê/ô, and after ă. Order: huyền, sắc, hỏi, ngã, nặng. */
const TONES = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
const VNI_TONE_MARKS = ["ø", "ù", "û", "õ", "ï"];
const VNI_CIRCUMFLEX_TONES = ["à", "á", "å", "ã", "ä"];
const VNI_BREVE_TONES = ["è", "é", "ú", "ü", "ë"];

function vniTable(): Map<string, string> {
  const lower = new Map<string, string>();
  const withTones = (sequence: string, letter: string, marks: string[]) => {
    lower.set(sequence, letter);
    marks.forEach((mark, i) => lower.set(sequence + mark, (letter + TONES[i]).normalize("NFC")));
  };
  for (const v of "aeouy") withTones(v, v, VNI_TONE_MARKS);
  withTones("aâ", "â", VNI_CIRCUMFLEX_TONES);
  withTones("eâ", "ê", VNI_CIRCUMFLEX_TONES);
  withTones("oâ", "ô", VNI_CIRCUMFLEX_TONES);
  withTones("aê", "ă", VNI_BREVE_TONES);
  withTones("ô", "ơ", VNI_TONE_MARKS);
  withTones("ö", "ư", VNI_TONE_MARKS);
  lower.set("ñ", "đ");
  lower.set("ì", "ì");
  lower.set("í", "í");
  lower.set("æ", "ỉ");
  lower.set("ó", "ĩ");
  lower.set("ò", "ị");
  lower.set("î", "ỵ");
  const table = new Map<string, string>();
  for (const [sequence, letter] of lower) {
    if (sequence === letter) continue;
    // Capitals: the base letter's case decides; the mark may be typed in either case.
    const [base, ...marks] = [...sequence];
    const upperBase = base.toUpperCase();
    const variants = marks.length === 0 ? [[upperBase]] : [[upperBase, ...marks.map((m) => m.toUpperCase())], [upperBase, ...marks]];
    table.set(sequence, letter);
    for (const v of variants) table.set(v.join(""), letter.toUpperCase());
    if (marks.length > 0) table.set(base + marks.map((m) => m.toUpperCase()).join(""), letter);
  }
  return table;
}

interface Table {
  letters: Map<string, string>;
  /** The longest sequence the table maps. */
  longest: number;
}

/** Each encoding's table, made the first time text in it is converted (most workbooks are Unicode). */
const tables: Partial<Record<LegacyEncoding, Table>> = {};

function tableOf(encoding: LegacyEncoding): Table {
  let table = tables[encoding];
  if (!table) {
    const letters = encoding === "tcvn3" ? tcvn3Table() : vniTable();
    tables[encoding] = table = { letters, longest: Math.max(...[...letters.keys()].map((k) => k.length)) };
  }
  return table;
}

const ASCII_LETTER = /[A-Za-z]/;

/**
 * A word typed in TCVN3's capitals-only font (".VnTimeH") comes back with lower-case toned letters ("§IÓM" →
 * "ĐIểM"): when the word has two plain letters or more and all are capitals, the whole word is ("Së" stays "Sở").
 */
function capitalise(word: string): string {
  let upper = 0;
  let lower = 0;
  for (const ch of word) {
    if (!ASCII_LETTER.test(ch)) continue;
    if (ch === ch.toUpperCase()) upper++;
    else lower++;
  }
  return upper > 1 && lower === 0 ? word.toUpperCase() : word;
}

/** The text converted from a legacy encoding to Unicode (NFC). */
export function convertLegacyText(text: string, encoding: LegacyEncoding): string {
  const { letters: table, longest } = tableOf(encoding);
  let out = "";
  let changed = false;
  for (let i = 0; i < text.length; ) {
    let matched = false;
    for (let n = Math.min(longest, text.length - i); n >= 1; n--) {
      const letter = table.get(text.slice(i, i + n));
      if (letter !== undefined) {
        out += letter;
        i += n;
        matched = changed = true;
        break;
      }
    }
    if (!matched) out += text[i++];
  }
  if (!changed) return text;
  return (encoding === "tcvn3" ? out.replace(/\S+/g, capitalise) : out).normalize("NFC");
}

/** Letters only Unicode Vietnamese has (ă đ ĩ ũ ơ ư and the precomposed toned letters): text that is already Unicode. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/g;
/** TCVN3 codes that are symbols in Latin-1 (µ ¸ ¶ · ¹ ® ª « ¬ …), next to a letter. */
const TCVN3_SIGN = /[A-Za-z][\u00a1-\u00be]|[\u00a1-\u00be][A-Za-z]/g;
/** VNI marks and letters that Vietnamese never uses as letters (ø ï ñ ö û å ä ë æ î), next to a letter. */
const VNI_SIGN = /[A-Za-z][øØïÏñÑöÖûÛåÅäÄëËæÆîÎ]|[ñÑ][A-Za-z]/g;

const countOf = (re: RegExp, text: string) => text.match(re)?.length ?? 0;

/** Whether the text has a letter only Unicode Vietnamese has: it is Unicode already, and never converted. */
export function isUnicodeVietnamese(text: string): boolean {
  UNICODE_VIETNAMESE.lastIndex = 0;
  return UNICODE_VIETNAMESE.test(text);
}

/**
 * Which legacy encoding the texts look like, or null, judged from the text alone (a cell's font says nothing: a
 * VNI title may keep "VNI-Times" while the header and body, pasted into Calibri, keep the VNI text). Texts that
 * are already Unicode Vietnamese do not vote, so a workbook whose title is VNI and whose body is Unicode is still
 * seen; legacy signs must be found several times. Unicode Vietnamese text (even with « » quotes or a "°") is
 * never taken.
 */
export function looksLikeLegacyText(texts: Iterable<string>): LegacyEncoding | null {
  let tcvn3 = 0;
  let vni = 0;
  for (const text of texts) {
    if (!/[\u0080-\uffff]/.test(text) || isUnicodeVietnamese(text)) continue;
    tcvn3 += countOf(TCVN3_SIGN, text);
    vni += countOf(VNI_SIGN, text);
  }
  const signs = Math.max(tcvn3, vni);
  if (signs < 3) return null;
  // TCVN3 text also has VNI's signs (ñ = ủ, ø = ứ…), VNI text never TCVN3's.
  return tcvn3 * 4 >= vni ? "tcvn3" : "vni";
}

function* gridTexts(grids: Grid[]): Generator<string> {
  for (const grid of grids) {
    for (const row of grid.values) {
      if (!row) continue;
      for (const v of row) if (typeof v === "string") yield v;
    }
  }
}

/** VNI's circumflex and breve marks after their vowel ("aâ" = â, "oâ" = ô, "aê" = ă): never in Unicode text. */
const VNI_PAIR = /[aeoAEO][âÂêÊ]/;

/** Whether the text itself shows the encoding (a sign of it), as a single cell. */
function hasLegacySign(text: string, encoding: LegacyEncoding): boolean {
  TCVN3_SIGN.lastIndex = VNI_SIGN.lastIndex = 0;
  if (VNI_SIGN.test(text)) return true;
  return encoding === "vni" ? VNI_PAIR.test(text) : TCVN3_SIGN.test(text);
}

export interface LegacyDetection {
  encoding: LegacyEncoding;
  /**
   * Whether the workbook also holds Unicode Vietnamese text (a VNI title over a Unicode body): then only the cells
   * that show a sign of the encoding are converted, so that a Unicode "Không" or "Có" stays as it is.
   */
  mixed: boolean;
}

/** Which legacy encoding the workbook's text looks like, and whether Unicode text is mixed in; null: none. */
export function detectLegacyEncoding(grids: Grid[]): LegacyDetection | null {
  const encoding = looksLikeLegacyText(gridTexts(grids));
  if (!encoding) return null;
  let unicode = 0;
  let legacy = 0;
  for (const text of gridTexts(grids)) {
    if (isUnicodeVietnamese(text)) unicode++;
    else if (hasLegacySign(text, encoding)) legacy++;
  }
  return { encoding, mixed: unicode * 5 >= legacy };
}

/**
 * The grid with every text cell converted to Unicode, except cells already in Unicode Vietnamese and, when
 * `onlySigned`, cells that show no sign of the encoding (formulas and sheet names are left as they are);
 * `converted` gets the address (A1) of each cell whose text changed.
 */
export function convertGrid(grid: Grid, encoding: LegacyEncoding, converted: (address: string) => void = () => undefined, onlySigned = false): Grid {
  const values = grid.values.map((row, r) => {
    if (!row) return row;
    const out = row.slice();
    row.forEach((v, c) => {
      if (typeof v !== "string" || isUnicodeVietnamese(v) || (onlySigned && !hasLegacySign(v, encoding))) return;
      const text = convertLegacyText(v, encoding);
      if (text === v) return;
      out[c] = text;
      converted(a1(r, c));
    });
    return out;
  });
  return { ...grid, values };
}
