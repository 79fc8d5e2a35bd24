/** Edits the XML parts of an .xlsx file directly, to build files exceljs would not write (odd sheet names, control characters). */
import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";

export async function patchXlsx(file: string, edits: Record<string, (xml: string) => string>, to = file): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const [part, edit] of Object.entries(edits)) {
    const entry = zip.file(part);
    if (!entry) throw new Error(`${file} has no part ${part}`);
    const before = await entry.async("string");
    const after = edit(before);
    if (after === before) throw new Error(`the edit of ${part} in ${file} changed nothing`);
    zip.file(part, after);
  }
  writeFileSync(to, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

/** Renames a sheet in xl/workbook.xml (the name is written as XML text, so "&" and "<" must already be escaped). */
export const renameSheet = (from: string, to: string) => ({
  "xl/workbook.xml": (xml: string) => xml.replace(`name="${from}"`, `name="${to}"`),
});
