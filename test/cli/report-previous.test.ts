import { changesFrom, formatChange } from "../../src/cli/report/previous";
import { buildRanking } from "../../src/scoring";
import { fakeSummary } from "../scoring/report-helpers";

describe("change from last year", () => {
  const last = buildRanking([
    { summary: fakeSummary("Sở Tư pháp", 90), group: "Sở, ban, ngành" },
    { summary: fakeSummary("UBND huyện Mường Chà", 80), group: "UBND cấp huyện" },
    { summary: fakeSummary("Sở Y tế", null), group: "Sở, ban, ngành" },
    { summary: fakeSummary("Sở Nội vụ", 95), group: "UBND cấp huyện" },
  ]);
  const now = buildRanking([
    { summary: fakeSummary("SỞ  TƯ PHÁP", 91.25), group: "sở, ban,  ngành" },
    { summary: fakeSummary("UBND huyen Muong Cha", 79.5), group: "UBND cấp huyện" },
    { summary: fakeSummary("Sở Y tế", 85), group: "Sở, ban, ngành" },
    { summary: fakeSummary("Sở Nội vụ", 95), group: "Sở, ban, ngành" },
    { summary: fakeSummary("Sở Tài chính", 70), group: "Sở, ban, ngành" },
  ]);
  const changes = changesFrom(last, now);
  const of = (unit: string) => {
    const entry = now.groups.flatMap((g) => g.entries).find((e) => e.unit === unit)!;
    return changes.get(entry)!;
  };

  test("units are matched by name within their group, case, diacritics and spaces aside", () => {
    expect(of("SỞ  TƯ PHÁP")).toEqual({ isNew: false, previous: 90, delta: 1.25 });
    expect(of("UBND huyen Muong Cha")).toEqual({ isNew: false, previous: 80, delta: -0.5 });
  });

  test("a unit not in last year's group is new, even when a unit of that name was in another group", () => {
    expect(of("Sở Tài chính").isNew).toBe(true);
    expect(of("Sở Nội vụ").isNew).toBe(true);
  });

  test("no index last year: no change", () => {
    expect(of("Sở Y tế")).toEqual({ isNew: false, previous: null, delta: null });
  });

  test.each([
    [{ isNew: false, previous: 90, delta: 1.25 }, "vi", "+1,25"],
    [{ isNew: false, previous: 80, delta: -0.5 }, "vi", "\u22120,50"],
    [{ isNew: false, previous: 80, delta: 0 }, "vi", "0,00"],
    [{ isNew: false, previous: 80, delta: 1234.5 }, "en", "+1,234.50"],
    [{ isNew: true, previous: null, delta: null }, "vi", "mới"],
    [{ isNew: true, previous: null, delta: null }, "en", "new"],
    [{ isNew: false, previous: null, delta: null }, "vi", "—"],
  ] as const)("%p (%s) is written %p", (change, lang, text) => {
    expect(formatChange(change, lang)).toBe(text);
  });
});
