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
