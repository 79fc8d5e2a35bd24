/**
 * Issue 24, item 3: decomposed Unicode (NFD: Unikey's "Unicode tổ hợp", text pasted from a PDF) and precomposed (NFC)
 * spellings of the same text are one text to the core. Every rule and every text of both built-in catalogues, in
 * NFD, scores and reads as in NFC.
 */
import fc from "fast-check";
import { builtinCatalog, builtinCatalogs, nfc, nfcDeep, nfcGrid, parseCatalog, readInput, score, ScoreResult, walk } from "../../src/scoring";
import dienBien2018 from "../../src/scoring/catalog/data/dien-bien-2018.json";
import dienBienSo from "../../src/scoring/catalog/data/dien-bien-so.json";

const nfd = (s: string) => s.normalize("NFD");

/** A rule's outcome or its error message (the same error, said the same way, counts as alike). */
function outcome(rule: string, value: unknown): ScoreResult | string {
  try {
    return score(rule, value as never, 1);
  } catch (e) {
    return `error: ${(e as Error).message}`;
  }
}

/** Values a clerk types: fractions, percentages in text, counts, dates, yes/no, "Không áp dụng", outcomes (in NFD too). */
const typed = fc.oneof(
  fc.double({ min: -1, max: 2, noNaN: true }),
  fc.integer({ min: 0, max: 200 }),
  fc.integer({ min: 0, max: 120 }).map((n) => `${n}%`),
  fc.constantFrom("có", "không", "Không áp dụng", "Hoàn thành", "15/01/2019", "Ban hành kịp thời"),
  fc.constantFrom("có", "Không áp dụng", "Hoàn thành", "Ban hành kịp thời").map(nfd),
  fc.constant(null),
);

const RULES = builtinCatalogs().flatMap((c) => [...walk(c.nodes)].flatMap((n) => (n.rule ? [n.rule] : [])));

/** Worded rules of the kind provinces write (the built-in catalogues use symbols), so the property reaches words too. */
const WORDED = [
  "trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0",
  '"Hoàn thành": 75% điểm tối đa; "Ban hành kịp thời": điểm tối đa; *: 0',
  "từ 20 trở lên: 1; còn lại: 0",
  "có: 1; không: 0",
];

describe("NFC and NFD spellings score alike", () => {
  it("the built-in catalogues hold rules to check", () => {
    expect(RULES.length).toBeGreaterThan(30);
    expect(RULES.some((r) => r !== nfd(r)) || WORDED.some((r) => r !== nfd(r))).toBe(true);
  });

  it("every rule of both built-in catalogues (and worded rules), NFD against NFC, for any value typed in either form", () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES, ...WORDED), typed, (rule, value) => {
        expect(outcome(nfd(rule), value)).toEqual(outcome(rule, value));
        if (typeof value === "string") expect(outcome(rule, nfd(value))).toEqual(outcome(rule, value));
      }),
      { numRuns: 1500 },
    );
  });

  it("worded rules in NFD parse (they did not: 'Không hiểu điều kiện')", () => {
    for (const rule of WORDED) expect(typeof outcome(nfd(rule), 0.95) === "string" && /Không hiểu/.test(outcome(nfd(rule), 0.95) as string)).toBe(false);
  });

  it("a catalogue written in NFD loads as the same catalogue as in NFC, every text precomposed", () => {
    for (const [raw, id] of [[dienBien2018, "dien-bien-2018"], [dienBienSo, "dien-bien-so"]] as const) {
      const decomposed = JSON.parse(nfd(JSON.stringify(raw)));
      expect(JSON.stringify(decomposed)).not.toBe(JSON.stringify(raw));
      expect(parseCatalog(decomposed, `${id}.json`)).toEqual(builtinCatalog(id));
    }
  });

  it("cell text, grids and JSON in NFC at entry; the sheet's name as the workbook spells it", () => {
    expect(readInput(nfd("Không áp dụng"))).toEqual({ kind: "notApplicable" });
    const grid = { name: nfd("Tự đánh giá"), values: [[nfd("Mã"), 1, null], [nfd("Điểm tối đa")]] };
    const done = nfcGrid(grid);
    expect(done.values).toEqual([["Mã", 1, null], ["Điểm tối đa"]]);
    expect(done.name).toBe(grid.name);
    expect(nfcGrid(done)).toBe(done);
    expect(nfcDeep({ [nfd("tên")]: [nfd("Sở")] })).toEqual({ tên: ["Sở"] });
    expect(nfc("plain ascii")).toBe("plain ascii");
  });
});

describe("a catalogue's rules are read when it loads", () => {
  it("an unreadable rule fails the load, naming the criterion and the field (not later, when a score is computed)", () => {
    const raw = { id: "thu", name: "Thử", nodes: [{ code: "1", name: "Lĩnh vực", children: [{ code: "1.1", name: "Tiêu chí", max: 1, rule: "trên chín mươi: 1" }] }] };
    expect(() => parseCatalog(raw, "thu.json")).toThrow(/tiêu chí 1\.1, trường "rule": Lỗi tại ký tự 1: Không hiểu điều kiện "trên chín mươi"/);
    const decomposed = { ...raw, nodes: [{ ...raw.nodes[0], children: [{ ...raw.nodes[0].children[0], rule: nfd("trên 90%: 1; dưới 90%: 0") }] }] };
    expect(parseCatalog(decomposed, "thu.json").nodes[0].children[0].rule).toBe("trên 90%: 1; dưới 90%: 0");
  });
});
