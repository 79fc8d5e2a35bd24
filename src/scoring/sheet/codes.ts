import { CellValue } from "../values";

/** Already normalised: "1", "1.3", "1.3.1" (no leading zeros, no spaces). */
const CANONICAL = /^[1-9]\d{0,2}(?:\.[1-9]\d{0,2})*$/;

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

export function romanToInt(s: string): number | null {
  if (!/^[IVX]{1,5}$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const v = ROMAN[s[i]];
    const next = ROMAN[s[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 && total <= 20 ? total : null;
}

/**
 * A criterion code as users really type it, normalised: "1.1." → "1.1", " 1.1 " → "1.1", "1,1" → "1.1",
 * "I.1.1" / "II" (a Roman field number) → "1.1.1" / "2", the number 1.1 → "1.1". Anything else → null.
 */
export function readCode(value: CellValue): string | null {
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value <= 0) return null;
    const text = String(value);
    return /^\d+(\.\d+)?$/.test(text) ? text : null;
  }
  if (typeof value !== "string") return null;
  if (CANONICAL.test(value)) return value;
  const text = value.trim().replace(/\s+/g, "").replace(/,/g, ".").replace(/\.+$/, "");
  if (!text) return null;
  const parts = text.split(".");
  const first = romanToInt(parts[0].toUpperCase());
  if (first !== null && parts[0] === parts[0].toUpperCase()) parts[0] = String(first);
  if (!parts.every((p) => /^\d{1,3}$/.test(p))) return null;
  const normalised = parts.map((p) => String(Number(p)));
  return normalised.every((p) => p !== "0") ? normalised.join(".") : null;
}

/** The parent's code ("1.3.1" → "1.3"), null for a field. */
export function parentCode(code: string): string | null {
  const i = code.lastIndexOf(".");
  return i < 0 ? null : code.slice(0, i);
}

const VIETNAMESE_LETTERS = "abcdđeghiklmnopqrstuvxy";

type Piece =
  | { kind: "roman"; field: number }
  | { kind: "number"; n: number }
  | { kind: "pair"; a: number; b: number }
  | { kind: "letter"; letter: string }
  | { kind: "code"; code: string }
  | null;

/** What a code cell holds, for the relative reading: "II" / "1." / "2.1" / "a)" / an absolute "1.2.1". */
function piece(value: CellValue): Piece {
  if (typeof value === "number") {
    if (Number.isInteger(value) && value > 0 && value < 1000) return { kind: "number", n: value };
    const code = readCode(value);
    return code ? pieceOfCode(code) : null;
  }
  if (typeof value !== "string") return null;
  const text = value.trim().replace(/\s+/g, "");
  const letter = /^([a-zđ])[.)]?$/.exec(text);
  if (letter) return { kind: "letter", letter: letter[1] };
  const roman = /^([IVX]{1,5})\.?$/.exec(text);
  if (roman) {
    const field = romanToInt(roman[1]);
    return field === null ? null : { kind: "roman", field };
  }
  const code = readCode(value);
  if (!code) return null;
  if (/^[IVX]/.test(text)) return { kind: "code", code };
  return pieceOfCode(code);
}

function pieceOfCode(code: string): Piece {
  const parts = code.split(".").map(Number);
  if (parts.length === 1) return { kind: "number", n: parts[0] };
  if (parts.length === 2) return { kind: "pair", a: parts[0], b: parts[1] };
  return { kind: "code", code };
}

/** Position of a sub-criterion letter: in the Vietnamese alphabet (a, b, c, d, đ, e, g…) when the run uses "đ". */
function letterIndex(letter: string, vietnamese: boolean): number {
  return vietnamese ? VIETNAMESE_LETTERS.indexOf(letter) + 1 : letter.charCodeAt(0) - 96;
}

/**
 * The codes of a code column read relatively (see Numbering): a Roman numeral starts field n; a plain number k
 * under it is criterion n.k; "k.j" is n.k.j; a letter is the next level under the current criterion (a → 1,
 * b → 2; in Vietnamese order a, b, c, d, đ, e… when the run uses "đ"). A code starting with a Roman numeral
 * ("I.1.1") or with three parts is absolute. Before the first Roman numeral, codes are read literally. Null where
 * a cell holds no code.
 */
export function relativeCodes(values: CellValue[]): (string | null)[] {
  const pieces = values.map(piece);
  const usesD = new Set<number>();
  let run = -1;
  pieces.forEach((p, i) => {
    if (p && p.kind !== "letter") run = i;
    else if (p?.letter === "đ") usesD.add(run);
  });
  let field: number | null = null;
  let criterion: string | null = null;
  let runStart = -1;
  return pieces.map((p, i) => {
    if (!p) return null;
    if (p.kind !== "letter") runStart = i;
    switch (p.kind) {
      case "roman":
        field = p.field;
        criterion = null;
        return String(field);
      case "code": {
        const parts = p.code.split(".");
        field = Number(parts[0]);
        criterion = parts.length >= 2 ? parts.slice(0, 2).join(".") : null;
        return p.code;
      }
      case "number":
        if (field === null) return readCode(values[i]);
        criterion = `${field}.${p.n}`;
        return criterion;
      case "pair":
        if (field === null) return readCode(values[i]);
        criterion = `${field}.${p.a}`;
        return `${field}.${p.a}.${p.b}`;
      case "letter": {
        if (criterion === null) return null;
        const index = letterIndex(p.letter, usesD.has(runStart));
        return index > 0 ? `${criterion}.${index}` : null;
      }
    }
  });
}

const ROMAN_CELL = /^\s*[IVX]{1,5}\.?\s*$/;
const LETTER_CELL = /^\s*[a-zđ][.)]?\s*$/;

/** Whether a code column holds anything only the relative reading explains (a Roman numeral alone, a letter). */
export function mayBeRelative(values: CellValue[]): boolean {
  let roman = false;
  for (const value of values) {
    if (typeof value !== "string") continue;
    if (LETTER_CELL.test(value)) return true;
    if (!roman && ROMAN_CELL.test(value)) roman = true;
  }
  if (!roman) return false;
  // A Roman field followed by a plain criterion number ("1", "2", "2.1"): criteria numbered within their field.
  let seenRoman = false;
  for (const value of values) {
    if (typeof value === "string" && ROMAN_CELL.test(value)) seenRoman = true;
    else if (seenRoman) {
      const p = piece(value);
      if (p?.kind === "number" || p?.kind === "pair") return true;
    }
  }
  return false;
}
