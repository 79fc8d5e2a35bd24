/**
 * The built-in catalogues are read without zod (issue 22: loading zod was a third of `par validate`'s start), and
 * without the NFC pass and the structural checks every other catalogue gets. What they read to must be exactly what
 * parseCatalog (schema, NFC, structure) gives, key for key and in the same order, for each of them: a built-in with
 * a structural issue, or text not in NFC, fails here.
 */
import { builtinCatalog, builtinIds, parseCatalog } from "../../src/scoring";
import { normalizeBuiltin } from "../../src/scoring/catalog/builtin-normalize";
import dienBien2018 from "../../src/scoring/catalog/data/dien-bien-2018.json";
import dienBienSo from "../../src/scoring/catalog/data/dien-bien-so.json";

const sources: Record<string, unknown> = { "dien-bien-2018": dienBien2018, "dien-bien-so": dienBienSo };

/** Every key path with its value, undefined values included (toEqual would let a stray undefined key through). */
function keyed(value: unknown, path = "$", out: string[] = []): string[] {
  if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) keyed((value as Record<string, unknown>)[key], `${path}.${key}`, out);
    if (Object.keys(value).length === 0) out.push(`${path} ${Array.isArray(value) ? "[]" : "{}"}`);
  } else out.push(`${path} = ${value === undefined ? "undefined" : JSON.stringify(value)}`);
  return out;
}

describe("built-in catalogues read without zod", () => {
  it("covers every built-in catalogue", () => {
    expect(Object.keys(sources).sort()).toEqual(builtinIds().sort());
  });

  it.each(Object.keys(sources))("%s reads to exactly what the zod schema gives", (id) => {
    const viaZod = parseCatalog(sources[id], `${id}.json`);
    const fast = builtinCatalog(id);
    expect(keyed(fast)).toEqual(keyed(viaZod));
    expect(JSON.stringify(fast)).toBe(JSON.stringify(viaZod));
  });

  it("normalises as the schema does: trims, blanks to null, drops unknown keys, fills absent lists", () => {
    const raw = {
      extra: 1,
      nodes: [{ code: " 1 ", name: " Lĩnh vực ", rule: "  ", deadline: " Ngày 30/12 ", evidence: [" Kế hoạch ", { name: " Báo cáo ", lead: " Sở " }], junk: true },
        { code: "2", name: "Điều tra", max: 1, kind: null, assessedBy: "survey", children: [{ code: "2.1", name: "a", max: 1, assessedBy: null }] },
        { code: "3", name: "Thưởng", max: 1, kind: "bonus" },
      ],
      name: " Bộ ",
      id: "x",
      source: null,
      province: " Hải Phòng ",
      bands: "  ",
      year: 2018,
    };
    const viaZod = parseCatalog(raw, "x.json");
    expect(JSON.stringify(normalizeBuiltin(raw))).toBe(JSON.stringify(viaZod));
    expect(keyed(normalizeBuiltin(raw))).toEqual(keyed(viaZod));
  });
});
