import { checkUnitName, mergerComparison, mergerLabel, parseUnitName, tierOf } from "../../../src/scoring/units";
import { provinceNamed, unitRegistry } from "../../../src/cli/registry";

describe("unit names as provinces write them", () => {
  test.each([
    ["UBND phường Điện Biên Phủ", "ward", "Điện Biên Phủ"],
    ["Ủy ban nhân dân xã Tủa Chùa", "commune", "Tủa Chùa"],
    ["UBND XÃ TỦA CHÙA", "commune", "TỦA CHÙA"],
    ["xa Tua Chua", "commune", "Tua Chua"],
    ["Đặc khu Cát Hải", "special-zone", "Cát Hải"],
    ["UBND đặc khu Bạch Long Vĩ", "special-zone", "Bạch Long Vĩ"],
    ["Sở Tư pháp", "department", "Sở Tư pháp"],
    ["SO NOI VU", "department", "SO NOI VU"],
    ["UBND HUYỆN MƯỜNG CHÀ", "district", "MƯỜNG CHÀ"],
    ["UBND thị xã Mường Lay", "district", "Mường Lay"],
    ["Thị trấn Tủa Chùa", "town", "Tủa Chùa"],
    ["Phuong Hong Bang", "ward", "Hong Bang"],
  ])("%s", (text, kind, name) => {
    const parsed = parseUnitName(text);
    expect(parsed.kind).toBe(kind);
    expect(parsed.name).toBe(name);
  });

  test("departments, wards, and communes with special zones are three tiers; a district is none of them", () => {
    expect(
      ["Sở Y tế", "UBND phường Lê Chân", "UBND xã An Lão", "Đặc khu Cát Hải", "UBND thị trấn Tủa Chùa", "UBND huyện An Lão"].map((n) => tierOf(parseUnitName(n).kind)),
    ).toEqual(["department", "ward", "commune", "commune", "commune", null]);
  });
});

describe("the registry of official units (1 July 2025)", () => {
  const registry = unitRegistry();

  test("34 provinces and cities, 3,321 commune-level units, 13 special zones", () => {
    expect(registry.provinces).toHaveLength(34);
    expect(registry.units).toHaveLength(3321);
    expect(registry.units.filter((u) => u.kind === "special-zone")).toHaveLength(13);
  });

  test("a province by any spelling; a unit with its predecessors", () => {
    expect(provinceNamed("hai phong").fullName).toBe("Thành phố Hải Phòng");
    expect(provinceNamed("Tỉnh Điện Biên").code).toBe("11");
    const tuaChua = registry.named("tua chua", "11")[0];
    expect(tuaChua.predecessors).toEqual(["Thị trấn Tủa Chùa", "Xã Mường Báng", "Xã Nà Tòng"]);
  });

  test("official names pass, in any case, with or without diacritics", () => {
    const p = provinceNamed("Điện Biên");
    for (const name of ["UBND xã Tủa Chùa", "XA TUA CHUA", "UBND phường Điện Biên Phủ", "Sở Nội vụ"]) expect(checkUnitName(name, registry, p, "vi")).toBeNull();
  });

  test("a misspelt commune: a warning with the closest official names", () => {
    const issue = checkUnitName("UBND xã Tủa Trùa", registry, provinceNamed("Điện Biên"), "vi")!;
    expect(issue.kind).toBe("unit-not-found");
    expect(issue.message).toContain("Tên chính thức gần nhất: xã Tủa Chùa");
  });

  test("a pre-2025 district: a warning that the level is gone, naming the unit that carries its name and seat", () => {
    const issue = checkUnitName("UBND HUYỆN TỦA CHÙA", registry, provinceNamed("Điện Biên"), "vi")!;
    expect(issue.kind).toBe("unit-district");
    expect(issue.message).toContain("cấp huyện không còn từ ngày 01/07/2025");
    expect(issue.message).toContain("xã Tủa Chùa (gồm thị trấn Tủa Chùa, xã Mường Báng, xã Nà Tòng)");
  });

  test("a commune merged in 2025: a warning naming its successor", () => {
    const issue = checkUnitName("UBND xã Mường Báng", registry, provinceNamed("Điện Biên"), "en")!;
    expect(issue.kind).toBe("unit-merged");
    expect(issue.message).toContain("merged on 1 July 2025 into Tủa Chùa commune");
  });

  test("a new commune against the mean of its predecessors; new when none was ranked", () => {
    const previous = [
      { unit: "UBND xã Chà Cang", officialIndex: 80 },
      { unit: "UBND xã Chà Nưa", officialIndex: 70 },
      { unit: "UBND XÃ NẬM TIN", officialIndex: 75.5 },
      { unit: "UBND xã Mường Báng", officialIndex: 60 },
    ];
    const m = mergerComparison("UBND xã Mường Chà", previous, registry, null)!;
    expect(m.mean).toBe(75.17);
    expect(mergerLabel(m, "vi")).toBe("so với bình quân 3 xã cũ");
    expect(mergerLabel(mergerComparison("UBND xã Sín Thầu", previous, registry, "11")!, "vi")).toBe("đơn vị mới");
  });
});
