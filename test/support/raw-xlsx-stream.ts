/**
 * .xlsx files written from raw XML with jszip, for the files no library writes (cells beyond XFD, bombs). A part
 * may be a generator of XML pieces: it is streamed into the zip, so a part of hundreds of megabytes never sits in
 * the test's memory.
 */
import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export type PartText = string | (() => Iterable<string>);

export interface RawSheet {
  name: string;
  /** The <sheetData> content (rows), or a generator of its pieces. */
  rows: PartText;
  /** XML after </sheetData> (mergeCells, hyperlinks). */
  after?: string;
}

export const worksheetXml = (rows: string, after = "") =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${rows}</sheetData>${after}</worksheet>`;

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function* chunked(pieces: Iterable<string>): Generator<Buffer> {
  let buf = "";
  for (const piece of pieces) {
    buf += piece;
    if (buf.length > 1 << 20) {
      yield Buffer.from(buf, "utf8");
      buf = "";
    }
  }
  if (buf) yield Buffer.from(buf, "utf8");
}

function partData(text: PartText, wrap?: [string, string]): string | Readable {
  if (typeof text === "string") return wrap ? wrap[0] + text + wrap[1] : text;
  const pieces = function* () {
    if (wrap) yield wrap[0];
    yield* text();
    if (wrap) yield wrap[1];
  };
  return Readable.from(chunked(pieces()));
}

/** Writes an .xlsx of the given sheets (and shared strings) to `file`. */
export async function writeRawXlsx(file: string, sheets: RawSheet[], sharedStrings?: PartText): Promise<void> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("") +
      (sharedStrings ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : "") +
      `</Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>` +
      sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
      `</sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
      (sharedStrings ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : "") +
      `</Relationships>`,
  );
  sheets.forEach((s, i) => {
    const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`;
    zip.file(`xl/worksheets/sheet${i + 1}.xml`, partData(s.rows, [head, `</sheetData>${s.after ?? ""}</worksheet>`]));
  });
  if (sharedStrings) {
    zip.file("xl/sharedStrings.xml", partData(sharedStrings, [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN}">`, "</sst>"]));
  }
  await pipeline(zip.generateNodeStream({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 1 }, streamFiles: true }), createWriteStream(file));
}
