/**
 * A worksheet's XML made ready for SheetJS where SheetJS would misread it: a boolean cell with no value
 * (`<c r="B2" t="b"/>`, written by some tools for an empty cell) reads as FALSE in SheetJS, a value nobody typed.
 * Its type is taken off, so that SheetJS reads it as the empty cell it is (and a boolean formula with no cached
 * value as a formula without a value, which read.ts names). fast-xlsx.ts reads both the same way. The cells are
 * found as SheetJS finds them (split at each `<c`, the value the first `<v>…</v>` after it, empty meaning none).
 */
import { matchXmlNs, parsexmltag } from "./fast-xlsx";
import type { ZipPart } from "./zip";

/** A `t` attribute that may say "b" (quoted or not): parts without one are left as they are. */
const MAYBE_BOOLEAN = /\st\s*=\s*["']?b["'\s/>]/;
const CELL_OR_ROW_END = /<(?:\w+:)?c[ />]|<\/(?:\w+:)?row>/g;
const T_ATTR = /\st\s*=\s*(?:"b"|'b'|b(?=[\s/>]))/;

/** The parts with every boolean cell that has no value untyped (worksheets under xl/ only). */
export function untypeEmptyBooleans(parts: ZipPart[]): ZipPart[] {
  return parts.map((part) => {
    if (!/^xl\/.*\.xml$/i.test(part.name)) return part;
    // latin1 keeps every byte as it is (the patterns are ASCII).
    const xml = part.data.toString("latin1");
    if (!MAYBE_BOOLEAN.test(xml)) return part;
    const out = untypedXml(xml);
    return out === xml ? part : { ...part, data: Buffer.from(out, "latin1") };
  });
}

function untypedXml(xml: string): string {
  const pieces: string[] = [];
  let from = 0;
  CELL_OR_ROW_END.lastIndex = 0;
  let m = CELL_OR_ROW_END.exec(xml);
  while (m) {
    const start = m.index;
    const next = (CELL_OR_ROW_END.exec(xml) as RegExpExecArray | null) ?? null;
    if (m[0].startsWith("</")) {
      m = next;
      continue;
    }
    const tagEnd = xml.indexOf(">", start);
    if (tagEnd < 0) break;
    const tag = xml.slice(start, tagEnd + 1);
    if (MAYBE_BOOLEAN.test(tag)) {
      const content = xml.slice(tagEnd + 1, next ? next.index : xml.length);
      const v = matchXmlNs(content, "v");
      // parsexmltag reads the tag as SheetJS does (its first word is the element's name, skipped).
      if (parsexmltag(tag, true).t === "b" && (v === null || v[1] === "")) {
        const untyped = tag.replace(T_ATTR, "");
        if (parsexmltag(untyped, true).t === undefined) {
          pieces.push(xml.slice(from, start), untyped);
          from = tagEnd + 1;
        }
      }
    }
    m = next;
  }
  if (from === 0) return xml;
  pieces.push(xml.slice(from));
  return pieces.join("");
}
