/**
 * The text of a .csv file, whatever Excel saved: UTF-8 with or without a byte-order mark, UTF-16 ("Unicode text",
 * with its mark), or the Vietnamese Windows code page 1258 of "CSV" saved on a Vietnamese Windows. Text in a
 * legacy Vietnamese font encoding (TCVN3, VNI) is 8-bit too: when the bytes look like one, they are kept as
 * Latin-1 characters so legacy-text.ts can convert them.
 */
import { looksLikeLegacyText } from "./legacy-text";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1258" | "latin1";

function utf16WithoutMark(buf: Buffer): "utf-16le" | "utf-16be" | null {
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return "utf-16le";
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return "utf-16be";
  return null;
}

export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return { text: buf.subarray(3).toString("utf8"), encoding: "utf-8" };
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: new TextDecoder("utf-16le").decode(buf.subarray(2)), encoding: "utf-16le" };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: new TextDecoder("utf-16be").decode(buf.subarray(2)), encoding: "utf-16be" };
  const wide = utf16WithoutMark(buf);
  if (wide) return { text: new TextDecoder(wide).decode(buf), encoding: wide };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf-8" };
  } catch {
    // not UTF-8: an 8-bit code page
  }
  const latin1 = buf.toString("latin1");
  if (looksLikeLegacyText([latin1]) !== null) return { text: latin1, encoding: "latin1" };
  return { text: new TextDecoder("windows-1258").decode(buf).normalize("NFC"), encoding: "windows-1258" };
}

/** The field separator of a CSV text: the one of tab, ";" and "," found most on its first line, outside quotes. */
export function csvSeparator(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ",";
  for (const [sep, n] of counts) if (n > counts.get(best)!) best = sep;
  return best;
}
