/**
 * The limits scan (src/cli/workbook/part-scan.ts) reads a part as one latin1 string and cuts out only the elements
 * it counts; it must decide exactly as the plain generator it replaced (test/cli/reference): the same refusal (or
 * none) for sheets and shared strings made of real elements, prefixes, odd names and stray brackets.
 */
import fc from "fast-check";
import { checkParts } from "../../src/cli/workbook/part-scan";
import { checkParts as referenceCheck } from "./reference/part-scan-generator";

const WORKBOOK = `<workbook xmlns:r="r"><sheets><sheet name="T&#7921; ch&#7845;m" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

const piece = fc.oneof(
  fc.constantFrom("<row>", "</row>", "<c/>", "<c>", "</c>", "<v>1</v>", "<x:c>", "<cc r=\"A1\"/>", "<row-x/>", "<", ">", "<<", "<c", " r=", '"', "text"),
  fc.tuple(fc.constantFrom("row", "x:row"), fc.oneof(fc.integer({ min: 0, max: 1_100_000 }).map(String), fc.constantFrom("", "abc", " 7 "))).map(([n, r]) => `<${n} r="${r}">`),
  fc.tuple(fc.constantFrom("c", "x:c", "ns:c"), fc.constantFrom("A1", "B7", "$C$3", "XFD1", "XFE1", "A1048577", "ZZZZ1", "1A", ""), fc.boolean()).map(([n, r, empty]) => `<${n} r="${r}"${empty ? "/" : ""}>`),
  fc.tuple(fc.constantFrom("mergeCell", "hyperlink", "x:hyperlink"), fc.constantFrom("A1:B2", "A1", "A1:XFE2", "B2:A1", "A1:A50", "junk", "A0:B1")).map(([n, ref]) => `<${n} ref="${ref}"/>`),
);

function outcome(check: typeof checkParts, parts: { name: string; data: Buffer }[], maxCells: number): string {
  try {
    check(parts, "don-vi.xlsx", { maxCells });
    return "ok";
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return `${err.code ?? ""}: ${err.message ?? String(e)}`;
  }
}

test("the scan refuses exactly what the reference refuses, with the same message", () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), fc.array(fc.constantFrom("<si><t>a</t></si>", "<x:si/>", "<sis/>", "<si>"), { maxLength: 12 }), fc.integer({ min: 1, max: 40 }), (sheet, strings, maxCells) => {
      const parts = [
        { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK, "latin1") },
        { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(RELS, "latin1") },
        { name: "xl/sharedStrings.xml", data: Buffer.from(`<sst>${strings.join("")}</sst>`, "latin1") },
        { name: "xl/worksheets/sheet1.xml", data: Buffer.from(`<worksheet><sheetData>${sheet.join("")}</sheetData></worksheet>`, "latin1") },
      ];
      const got = outcome(checkParts, parts, maxCells);
      seen.add(got.split(":")[0]);
      expect(got).toBe(outcome(referenceCheck, parts, maxCells));
    }),
    { numRuns: 2000 },
  );
  // The generated parts are refused for each reason, and pass, often enough to compare.
  expect([...seen].sort()).toEqual(["damaged-reference", "ok", "over-limit"]);
});

test("a refusal names the sheet by its name in the workbook", () => {
  const parts = [
    { name: "xl/workbook.xml", data: Buffer.from(WORKBOOK, "latin1") },
    { name: "xl/_rels/workbook.xml.rels", data: Buffer.from(RELS, "latin1") },
    { name: "xl/worksheets/sheet1.xml", data: Buffer.from(`<worksheet><sheetData><row r="1"><c r="XFE1"/></row></sheetData></worksheet>`, "latin1") },
  ];
  expect(outcome(checkParts, parts, 100)).toContain("Tự chấm");
  expect(outcome(checkParts, parts, 100)).toContain("XFE1");
});
