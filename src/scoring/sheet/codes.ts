import { CellValue } from "../values";

/** Already normalised: "1", "1.3", "1.3.1" (no leading zeros, no spaces). */
const CANONICAL = /^[1-9]\d{0,2}(?:\.[1-9]\d{0,2})*$/;

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10 };

function romanToInt(s: string): number | null {
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
