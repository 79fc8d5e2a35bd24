/** Hyperlink cells as the core sees them (the rule of xlsx/read.ts's header comment). */
import { CellValue } from "../../scoring/values";

/** "bao-cao-cchc-2018.pdf", "Kế hoạch CCHC.docx": no path characters, an extension with a letter. */
const FILE_NAME_RE = /^[^\\/:*?"<>|\r\n]+\.(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,5}$/;

function bareLink(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/^(https?:\/\/|ftp:\/\/|mailto:|file:\/\/\/?)/, "")
    .replace(/^www\./, "")
    .replace(/\/+$/, "");
}

/**
 * A relationship's Target as written: SheetJS (and the fast reader, which reads as it does) gives the part's UTF-8
 * bytes one per character, so "tai-lieu/Kế hoạch.pdf" arrives as "tai-lieu/Káº¿ hoáº¡ch.pdf" and no such file is
 * found. Decoded when the characters are bytes that form valid UTF-8; anything else is kept as it is.
 */
export function decodeLinkTarget(raw: string): string {
  if (!/[\u0080-\u00ff]/.test(raw) || /[\u0100-\uffff]/.test(raw)) return raw;
  const bytes = Buffer.from(raw, "latin1");
  const text = bytes.toString("utf8");
  return Buffer.from(text, "utf8").equals(bytes) ? text : raw;
}

/**
 * A hyperlink cell's value: its text, or the link target when the text is empty, a file name, or the link itself.
 */
export function hyperlinkValue(text: CellValue, hyperlink: string | undefined | null): CellValue {
  const link = typeof hyperlink === "string" && hyperlink.trim() !== "" ? hyperlink.trim() : null;
  if (link === null) return text;
  if (text === null || text === undefined || (typeof text === "string" && text.trim() === "")) return link;
  if (typeof text !== "string") return text;
  const shown = text.trim();
  if (bareLink(shown) === bareLink(link)) return link;
  // An internal link ("#Sheet2!A1") to a cell: the text is what the user means.
  if (link.startsWith("#")) return text;
  if (FILE_NAME_RE.test(shown)) return link;
  return text;
}
