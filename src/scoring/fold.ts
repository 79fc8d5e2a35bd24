/**
 * fold(): text as the words users type are matched — lower case, without Vietnamese diacritics (đ → d), without
 * invisible characters (zero-width space, soft hyphen), runs of white space (non-breaking too) as one space,
 * trimmed. It runs on every cell of a sheet and every line of evidence, so the usual text takes a fast path: one
 * pass through a table of what each character becomes. Text the table cannot fold one character at a time
 * (astral characters, a capital sigma whose lower case depends on its neighbours, İ and other characters that
 * lower-case to several) takes the general path, which the table is derived from.
 */

/** Characters that do not show: zero-width space/joiners, word joiner, byte-order mark, soft hyphen. */
const INVISIBLE = /^[\u200b-\u200d\u2060\ufeff\u00ad]$/;

/** Folded form of non-ASCII characters (NFD without combining marks, đ → d), filled as characters are met. */
const foldedChars = new Map<number, string>();

/** One character of lower-cased text, folded: "" when invisible, " " when white space. */
function foldChar(code: number, ch: string): string {
  let f = foldedChars.get(code);
  if (f === undefined) {
    f = INVISIBLE.test(ch) ? "" : /^\s$/.test(ch) ? " " : ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
    foldedChars.set(code, f);
  }
  return f;
}

/** The general path: the whole text lower-cased, each character folded, white space collapsed and trimmed. */
function foldSlowly(text: string): string {
  const lower = text.toLowerCase();
  let out = "";
  for (let i = 0; i < lower.length; i++) {
    const code = lower.charCodeAt(i);
    out += code < 128 ? lower[i] : foldChar(code, lower[i]);
  }
  return /\s\s|[^\S ]|^\s|\s$/.test(out) ? out.replace(/\s+/g, " ").trim() : out;
}

/** What a character becomes in the table: a char code, or one of these. */
const UNKNOWN = 0;
const NOTHING = 0xffff;
const SPACE = 0xfffe;
const SLOW = 0xfffd;

/** The table covers the codes below this: Latin, Vietnamese, combining marks, general punctuation. */
const TABLE_SIZE = 0x3000;
const TABLE = new Uint16Array(TABLE_SIZE);

/** What one character becomes on the general path, when that does not depend on the text around it. */
function tableEntry(code: number): number {
  const lower = String.fromCharCode(code).toLowerCase();
  // Σ lower-cases to ς at the end of a word and to σ elsewhere; İ and a few others to several characters.
  if (code === 0x3a3 || lower.length !== 1) return SLOW;
  const lowerCode = lower.charCodeAt(0);
  const f = lowerCode < 128 ? lower : foldChar(lowerCode, lower);
  if (f.length === 0) return NOTHING;
  if (/^\s$/.test(f)) return SPACE;
  return f.length === 1 ? f.charCodeAt(0) : SLOW;
}

for (let code = 0; code < 128; code++) TABLE[code] = tableEntry(code);

let buffer = new Uint16Array(256);

/**
 * The string of the first `n` codes of `codes`. Short texts (cells, lines of evidence) eight codes at a time, which
 * is faster than one call with a typed array; long ones in slices (one call with a very long text would overflow the
 * stack).
 */
function stringOf(codes: Uint16Array, n: number): string {
  if (n <= 128) {
    let s = "";
    let i = 0;
    for (; i + 8 <= n; i += 8) {
      s += String.fromCharCode(codes[i], codes[i + 1], codes[i + 2], codes[i + 3], codes[i + 4], codes[i + 5], codes[i + 6], codes[i + 7]);
    }
    for (; i < n; i++) s += String.fromCharCode(codes[i]);
    return s;
  }
  if (n <= 4096) return String.fromCharCode.apply(null, codes.subarray(0, n) as unknown as number[]);
  let s = "";
  for (let at = 0; at < n; at += 4096) s += String.fromCharCode.apply(null, codes.subarray(at, Math.min(n, at + 4096)) as unknown as number[]);
  return s;
}

export function fold(text: string): string {
  const length = text.length;
  if (buffer.length < length) buffer = new Uint16Array(Math.max(length, buffer.length * 2));
  const out = buffer;
  let n = 0;
  // A space is written only before a character that is not one: runs collapse and the ends are trimmed.
  let space = false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= TABLE_SIZE) return foldSlowly(text);
    let f = TABLE[code];
    if (f === UNKNOWN) f = TABLE[code] = tableEntry(code);
    if (f >= SLOW) {
      if (f === SPACE) space = n > 0;
      else if (f === SLOW) return foldSlowly(text);
      continue;
    }
    if (space) {
      out[n++] = 32;
      space = false;
    }
    out[n++] = f;
  }
  return stringOf(out, n);
}

/** Where foldCodes writes: its own buffer, so a fold() in between does not overwrite what is being read. */
let codesBuffer = new Uint16Array(256);

/**
 * fold(text) as character codes rather than a string, for scanners that read the folded text once and keep nothing
 * of it (an evidence line): the codes are foldedCodes()[0, length), valid until the next foldCodes. Returns the length.
 * Its loop is fold's, written out again: one shared by both made validate-10k-rows about 10 ms slower.
 */
export function foldCodes(text: string): number {
  const length = text.length;
  if (codesBuffer.length < length) codesBuffer = new Uint16Array(Math.max(length, codesBuffer.length * 2));
  const out = codesBuffer;
  let n = 0;
  let space = false;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= TABLE_SIZE) return copyCodes(foldSlowly(text));
    let f = TABLE[code];
    if (f === UNKNOWN) f = TABLE[code] = tableEntry(code);
    if (f >= SLOW) {
      if (f === SPACE) space = n > 0;
      else if (f === SLOW) return copyCodes(foldSlowly(text));
      continue;
    }
    if (space) {
      out[n++] = 32;
      space = false;
    }
    out[n++] = f;
  }
  return n;
}

/** The buffer foldCodes wrote into. */
export function foldedCodes(): Uint16Array {
  return codesBuffer;
}

function copyCodes(folded: string): number {
  if (codesBuffer.length < folded.length) codesBuffer = new Uint16Array(Math.max(folded.length, codesBuffer.length * 2));
  for (let i = 0; i < folded.length; i++) codesBuffer[i] = folded.charCodeAt(i);
  return folded.length;
}

/** The string of codes[from, to) (folded text a scanner needs as a string, for a regex). */
export function codesString(codes: Uint16Array, from: number, to: number): string {
  let s = "";
  for (let i = from; i < to; i++) s += String.fromCharCode(codes[i]);
  return s;
}
