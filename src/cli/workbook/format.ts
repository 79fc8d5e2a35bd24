/**
 * What kind of file a workbook is, from its first bytes (the extension can lie: an .xls saved as .xlsx, a
 * password-protected .xlsx, a text file named .xlsx). The compound-file (OLE2) container holds both old .xls
 * workbooks and encrypted Office files; an encrypted one has an "EncryptionInfo" stream.
 */
import type * as SheetJS from "@e965/xlsx";

export type ContainerKind = "zip" | "compound" | "text";

const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function containerOf(buf: Buffer): ContainerKind {
  if (buf.subarray(0, CFB_SIGNATURE.length).equals(CFB_SIGNATURE)) return "compound";
  if (buf.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) return "zip";
  return "text";
}

export type CompoundContent = "encrypted" | "xls" | "unknown";

/** What a compound file holds: an encrypted Office document, an Excel 97-2003 workbook, or something else. */
export function compoundContent(buf: Buffer): CompoundContent {
  let names: string[];
  try {
    // SheetJS is loaded only for a compound file (an .xls or an encrypted workbook), not for every .xlsx.
    const XLSX = require("./sheetjs") as typeof SheetJS;
    const container = XLSX.CFB.read(buf, { type: "buffer" }) as { FullPaths: string[] };
    names = container.FullPaths.map((p) => p.replace(/\/$/, "").split("/").pop()!.toLowerCase());
  } catch {
    return "unknown";
  }
  if (names.includes("encryptioninfo") || names.includes("encryptedpackage")) return "encrypted";
  if (names.includes("workbook") || names.includes("book")) return "xls";
  return "unknown";
}
