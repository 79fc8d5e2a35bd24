import fc from "fast-check";
import {
  builtinCatalog,
  builtinIds,
  Catalog,
  catalogToSheet,
  CellValue,
  formatEvidenceItem,
  Grid,
  isCatalogSheet,
  parseCatalog,
  parseEvidenceItem,
  readCatalogSheet,
  SheetSpec,
  walk,
} from "../../src/scoring";

/** A worksheet as a reader sees it after a writer wrote the spec: values only. */
function specToGrid(spec: SheetSpec): Grid {
  return { name: spec.name, values: spec.rows.map((row) => row.map((cell) => cell?.value ?? null)) };
}

const small: Catalog = parseCatalog(
  {
    id: "thu-2019",
    name: "Bộ thử 2019",
    source: "Kế hoạch số 1/KH-UBND",
    level: "district",
    year: 2019,
    nodes: [
      {
        code: "1",
        name: "Lĩnh vực 1",
        children: [
          { code: "1.1", name: "A", max: 1, target: 1, rule: "100%: 1; *: 0", evidence: ["Kế hoạch CCHC năm"], deadline: "Ngày 30/12/2019" },
          {
            code: "1.2",
            name: "B",
            max: 2,
            children: [
              { code: "1.2.1", name: "B1", max: 0.5, evidence: [{ name: "Báo cáo quý", points: 0.5, target: 0.25, lead: "Sở Tư pháp" }] },
              { code: "1.2.2", name: "B2", max: 1.5, rule: ">=80%: 1,5; *: 0" },
            ],
          },
        ],
      },
      { code: "2", name: "Lĩnh vực 2", children: [{ code: "2.1", name: "C", max: 3 }] },
    ],
  },
  "thu.json",
);

/** A copy of a grid's values that a test may edit. */
function gridOf(catalog: Catalog): Grid {
  const grid = specToGrid(catalogToSheet(catalog));
  return { name: grid.name, values: grid.values.map((r) => [...r]) };
}

/** 0-based row of a code in a generated grid. */
function rowOf(grid: Grid, code: string): number {
  const row = grid.values.findIndex((r, i) => i > 3 && r[0] === code);
  if (row < 0) throw new Error(`no row ${code}`);
  return row;
}

const COL = { code: 0, name: 1, max: 2, target: 3, rule: 4, evidence: 5, requirement: 6, deadline: 7, lead: 8, coordinating: 9, targetText: 10 };

describe("catalogToSheet: layout", () => {
  const spec = catalogToSheet(builtinCatalog("dien-bien-2018"));

  test("title, id and source rows, then the header with the ten columns", () => {
    expect(spec.kind).toBe("catalog");
    expect(spec.name).toBe("Bộ tiêu chí");
    expect(spec.rows[0][0]?.value).toBe("Bộ tiêu chí: Chỉ số CCHC cấp tỉnh Điện Biên 2018 (Kế hoạch 352/KH-UBND)");
    expect(spec.rows[0][0]?.style?.bold).toBe(true);
    expect(spec.merges).toContain("A1:N1");
    expect(spec.rows[1][0]?.value).toBe("Mã bộ tiêu chí: dien-bien-2018");
    expect(spec.rows[2][0]?.value).toBe("Nguồn: Phụ lục Kế hoạch số 352/KH-UBND ngày 15/5/2018 của UBND tỉnh Điện Biên");
    expect(spec.rows[2].map((c) => c?.value).filter(Boolean)).toEqual([
      "Nguồn: Phụ lục Kế hoạch số 352/KH-UBND ngày 15/5/2018 của UBND tỉnh Điện Biên",
      "Cấp đánh giá: tỉnh",
      "Năm: 2018",
    ]);
    expect(spec.rows[3].slice(0, 10).map((c) => c?.value)).toEqual([
      "Mã",
      "Tên tiêu chí",
      "Điểm tối đa",
      "Điểm mục tiêu",
      "Quy tắc chấm điểm",
      "Tài liệu kiểm chứng",
      "Yêu cầu đối với TLKC",
      "Thời hạn",
      "Cơ quan chủ trì",
      "Cơ quan phối hợp",
    ]);
    expect(spec.rows[3].every((c) => c?.style?.bold && c.style.fill === "header")).toBe(true);
    expect(spec.headerRow).toBe(3);
    expect(spec.freeze).toEqual({ rows: 4, columns: 2 });
    expect(spec.columnWidths).toHaveLength(spec.rows[3].length);
    expect(Math.min(...spec.columnWidths)).toBeGreaterThanOrEqual(8);
    expect(spec.columnWidths[1]).toBeGreaterThan(spec.columnWidths[0]);
  });

  test("one row per node in catalogue order", () => {
    const codes = spec.rows.slice(4).map((r) => r[0]?.value);
    expect(codes).toEqual([...walk(builtinCatalog("dien-bien-2018").nodes)].map((n) => n.code));
  });

  test("fields bold with a fill, names indented by level, numbers as 0.00, long text wrapped, no formulas", () => {
    const grid = specToGrid(spec);
    const field = spec.rows[rowOf(grid, "1")];
    expect(field.every((c) => c?.style?.bold && c.style.fill === "field")).toBe(true);
    const leaf = spec.rows[rowOf(grid, "1.1.2")];
    expect(leaf[COL.name]?.style?.indent).toBe(2);
    expect(leaf[COL.name]?.style?.bold).toBeFalsy();
    expect(leaf[COL.name]?.style?.fill).toBeUndefined();
    expect(spec.rows[rowOf(grid, "1.1")][COL.name]?.style?.indent).toBe(1);
    expect(leaf[COL.max]).toEqual({ value: 1, style: expect.objectContaining({ numFmt: "0.00" }) });
    expect(leaf[COL.target]?.style?.numFmt).toBe("0.00");
    expect(leaf[COL.code]?.style?.numFmt).toBe("@");
    for (const c of [COL.name, COL.rule, COL.evidence, COL.requirement, COL.coordinating]) expect(leaf[c]?.style?.wrap).toBe(true);
    expect(spec.rows.flat().some((c) => c?.formula)).toBe(false);
  });

  test("a parent's max is its own (empty when it has none), not a formula", () => {
    const grid = specToGrid(spec);
    const parent = spec.rows[rowOf(grid, "1.1")][COL.max];
    expect(parent?.value).toBeNull();
    expect(parent?.formula).toBeUndefined();
    const smallSpec = catalogToSheet(small);
    expect(smallSpec.rows[rowOf(specToGrid(smallSpec), "1.2")][COL.max]?.value).toBe(2);
  });

  test("evidence: one document per line, with points, target and lead in parentheses", () => {
    const grid = specToGrid(spec);
    expect(grid.values[rowOf(grid, "1.1.2")][COL.evidence]).toBe("Kế hoạch CCHC\nBáo cáo CCHC năm");
    const reports = String(grid.values[rowOf(grid, "1.2")][COL.evidence]).split("\n");
    expect(reports[0]).toBe("Báo cáo CCHC quý, năm (1 điểm; mục tiêu 1; Sở Nội vụ)");
    expect(reports[1]).toBe("Báo cáo năm về kiểm tra, rà soát VBQPPL (0,5 điểm; mục tiêu 0,5; Sở Tư pháp)");
  });

  test("a sheet name of one's own, made valid for Excel", () => {
    expect(catalogToSheet(small, "Tiêu chí 2019").name).toBe("Tiêu chí 2019");
    expect(catalogToSheet(small, "Bộ/tiêu:chí").name).toBe("Bộ-tiêu-chí");
  });
});

describe("evidence items in a cell", () => {
  test.each<[string | { name: string; points?: number; target?: number; lead?: string }, string]>([
    ["Kế hoạch CCHC năm", "Kế hoạch CCHC năm"],
    [{ name: "Báo cáo", points: 0.5, lead: "Sở Tư pháp" }, "Báo cáo (0,5 điểm; Sở Tư pháp)"],
    [{ name: "Báo cáo", points: 0.25, target: 0.25, lead: "Sở Nội vụ" }, "Báo cáo (0,25 điểm; mục tiêu 0,25; Sở Nội vụ)"],
    [{ name: "Báo cáo", points: 1 }, "Báo cáo (1 điểm)"],
    [{ name: "Báo cáo", target: 0.5 }, "Báo cáo (mục tiêu 0,5)"],
    [{ name: "Báo cáo", lead: "Sở Nội vụ" }, "Báo cáo (chủ trì: Sở Nội vụ)"],
    [{ name: "Văn bản (nếu có)", points: 1, lead: "Sở Y tế" }, "Văn bản (nếu có) (1 điểm; Sở Y tế)"],
  ])("%j ⇄ %s", (item, text) => {
    const object = typeof item === "string" ? { name: item } : item;
    expect(formatEvidenceItem(object)).toBe(text);
    expect(parseEvidenceItem(text)).toEqual(item);
  });

  test.each([
    "Các văn bản công nhận sáng kiến của cơ quan có thẩm quyền (nếu có)",
    "Gửi mô tả công việc (Bộ Nội vụ có thể yêu cầu gửi thêm khi cần thiết)",
    "Báo cáo (Sở Nội vụ)",
    "Báo cáo (1 điểm; 2 điểm)",
    "Báo cáo (1 điểm; Sở A; Sở B)",
    "Báo cáo (chủ trì: )",
    "Báo cáo ()",
  ])("parentheses that are part of the name stay: %s", (text) => {
    expect(parseEvidenceItem(text)).toBe(text);
  });

  test("points written with a dot and English words are read too", () => {
    expect(parseEvidenceItem("Report (0.5 points; target 0.5; Department of Justice)")).toEqual({
      name: "Report",
      points: 0.5,
      target: 0.5,
      lead: "Department of Justice",
    });
  });
});

describe("isCatalogSheet", () => {
  test("recognises a generated sheet, and English or unaccented headers", () => {
    expect(isCatalogSheet(specToGrid(catalogToSheet(small)))).toBe(true);
    expect(isCatalogSheet({ name: "x", values: [["Code", "Criterion", "Max", "Target", "Rule", "Evidence", "Requirement", "Deadline", "Lead", "Coordinating"]] })).toBe(true);
    expect(isCatalogSheet({ name: "x", values: [[], ["MA", "TEN TIEU CHI", "diem toi da", "Quy Tac Cham Diem:"]] })).toBe(true);
  });

  test("the header must be within the first 10 rows", () => {
    const header = ["Mã", "Tên tiêu chí", "Điểm tối đa", "Quy tắc chấm điểm"];
    const at = (row: number): Grid => ({ name: "x", values: [...Array<CellValue[]>(row).fill(["tiêu đề"]), header] });
    expect(isCatalogSheet(at(9))).toBe(true);
    expect(isCatalogSheet(at(10))).toBe(false);
  });

  test("a unit's self-assessment sheet is not a catalogue sheet", () => {
    const unit: Grid = {
      name: "Sở Tư pháp",
      values: [["Đơn vị: Sở Tư pháp"], ["Mã", "Tên tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng", "Ghi chú"]],
    };
    expect(isCatalogSheet(unit)).toBe(false);
    expect(isCatalogSheet({ name: "empty", values: [] })).toBe(false);
  });
});

describe("readCatalogSheet: round trip", () => {
  test.each(builtinIds())("the built-in catalogue %s reads back equal", (id) => {
    const catalog = builtinCatalog(id);
    const { catalog: read, issues } = readCatalogSheet(specToGrid(catalogToSheet(catalog)));
    expect(issues).toEqual([]);
    expect(read).toEqual(catalog);
  });

  test("a catalogue with level, year, a parent's max and every kind of evidence item reads back equal", () => {
    const { catalog, issues } = readCatalogSheet(specToGrid(catalogToSheet(small)));
    expect(issues).toEqual([]);
    expect(catalog).toEqual(small);
    expect(catalog).toMatchObject({ level: "district", year: 2019, source: "Kế hoạch số 1/KH-UBND" });
  });
});

describe("readCatalogSheet: edits a province makes", () => {
  test('points written "0,75" or 0.75, and a changed rule, are read', () => {
    const grid = gridOf(small);
    grid.values[rowOf(grid, "1.2.1")][COL.max] = "0,75";
    grid.values[rowOf(grid, "1.2.2")][COL.max] = "1.25";
    grid.values[rowOf(grid, "1.2.2")][COL.target] = 1;
    grid.values[rowOf(grid, "2.1")][COL.rule] = ">=90%: 3; 50%..<90%: 1..3; *: 0";
    const { catalog, issues } = readCatalogSheet(grid);
    expect(issues).toEqual([]);
    const nodes = new Map([...walk(catalog!.nodes)].map((n) => [n.code, n]));
    expect(nodes.get("1.2.1")?.max).toBe(0.75);
    expect(nodes.get("1.2.2")).toMatchObject({ max: 1.25, target: 1 });
    expect(nodes.get("2.1")?.rule).toBe(">=90%: 3; 50%..<90%: 1..3; *: 0");
  });

  test("a new row, a criterion added under an existing one, is placed in the tree", () => {
    const grid = gridOf(small);
    grid.values.push(["2.2", "D", 1, null, "có: 1; không: 0", "Báo cáo\nQuyết định (1 điểm; Sở Nội vụ)"]);
    const { catalog, issues } = readCatalogSheet(grid);
    expect(issues).toEqual([]);
    expect(catalog!.nodes[1].children.map((n) => n.code)).toEqual(["2.1", "2.2"]);
    expect(catalog!.nodes[1].children[1].evidence).toEqual([{ name: "Báo cáo" }, { name: "Quyết định", points: 1, lead: "Sở Nội vụ" }]);
  });

  test("codes typed as numbers, with a trailing dot or spaces are read; a child above its parent still goes under it", () => {
    const grid: Grid = {
      name: "BTC",
      values: [
        ["Mã bộ tiêu chí: tu-lam"],
        ["Mã", "Tên tiêu chí", "Điểm tối đa", "Quy tắc chấm điểm"],
        [" 1.1. ", "Con", 1, null],
        [1, "Lĩnh vực", null, null],
        [1.2, "Con 2", "0,5", "100%: 0,5"],
      ],
    };
    const { catalog, issues } = readCatalogSheet(grid);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(catalog!.nodes[0].children.map((n) => [n.code, n.max])).toEqual([
      ["1.1", 1],
      ["1.2", 0.5],
    ]);
  });

  test("a deadline Excel turned into a date serial reads as dd/mm/yyyy", () => {
    const grid = gridOf(small);
    grid.values[rowOf(grid, "2.1")][COL.deadline] = 43829;
    expect([...walk(readCatalogSheet(grid).catalog!.nodes)].find((n) => n.code === "2.1")?.deadline).toBe("30/12/2019");
  });

  test("title cells: level and year are read by their labels; a sheet without an id takes the fallback id", () => {
    const grid = gridOf(small);
    grid.values[2][6] = "Cấp đánh giá: Cấp xã";
    grid.values[2][9] = "Năm: 2020";
    grid.values[1][0] = null;
    const { catalog, issues } = readCatalogSheet(grid, "xa-2020");
    expect(issues).toEqual([]);
    expect(catalog).toMatchObject({ id: "xa-2020", level: "commune", year: 2020 });
  });
});

describe("readCatalogSheet: problems are reported at their cell", () => {
  test("a malformed rule is reported at its cell with the rule error's message and position", () => {
    const grid = gridOf(small);
    const row = rowOf(grid, "1.2.2");
    grid.values[row][COL.rule] = ">=80%: 1,5; *";
    const { catalog, issues } = readCatalogSheet(grid);
    expect(catalog).toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ sheet: "Bộ tiêu chí", cell: `E${row + 1}`, code: "1.2.2", severity: "error" });
    expect(issues[0].message).toContain("Quy tắc chấm điểm của tiêu chí 1.2.2 sai");
    expect(issues[0].message).toContain("Lỗi tại ký tự 13");
    expect(issues[0].message).toContain('thiếu dấu ":"');
  });

  test("English messages when asked", () => {
    const grid = gridOf(small);
    grid.values[rowOf(grid, "1.2.2")][COL.rule] = ">=80%: 1,5; *";
    expect(readCatalogSheet(grid, undefined, "en").issues[0].message).toContain("Error at character 13");
  });

  test("a code whose parent row is missing is an error at that code", () => {
    const grid = gridOf(small);
    const parentRow = rowOf(grid, "1.2");
    grid.values.splice(parentRow, 1);
    const { catalog, issues } = readCatalogSheet(grid);
    expect(catalog).toBeNull();
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      [`A${parentRow + 1}`, "1.2.1"],
      [`A${parentRow + 2}`, "1.2.2"],
    ]);
    expect(issues[0].message).toContain("không có dòng tiêu chí cha 1.2");
  });

  test("a parent's max that differs from its children's sum is reported at the parent's max cell", () => {
    const grid = gridOf(small);
    grid.values[rowOf(grid, "1.2.1")][COL.max] = 1;
    const parentRow = rowOf(grid, "1.2");
    const { catalog, issues } = readCatalogSheet(grid);
    expect(catalog).toBeNull();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ cell: `C${parentRow + 1}`, code: "1.2", severity: "error" });
    expect(issues[0].message).toMatch(/1\.2 là 2,00 .* 2,50/);
  });

  test.each<[CellValue, string]>([
    ["abc", 'Điểm tối đa của tiêu chí 2.1 là "abc", không phải là số'],
    ["50%", 'Điểm tối đa của tiêu chí 2.1 là "50%"'],
    ["32/13/2019", 'là "32/13/2019", không phải là số'],
    ["15/01/2019", 'là "15/01/2019", không phải là số'],
    [true, 'là "true"'],
    [-1, "không được âm"],
    ["-0,5", "không được âm"],
  ])("max %j is an error at its cell", (value, message) => {
    const grid = gridOf(small);
    const row = rowOf(grid, "2.1");
    grid.values[row][COL.max] = value;
    const { catalog, issues } = readCatalogSheet(grid);
    expect(catalog).toBeNull();
    const at = issues.find((i) => i.cell === `C${row + 1}`);
    expect(at).toMatchObject({ code: "2.1", severity: "error" });
    expect(at!.message).toContain(message);
  });

  test("a bad target is an error at its cell; a negative target is allowed", () => {
    const grid = gridOf(small);
    const row = rowOf(grid, "2.1");
    grid.values[row][COL.target] = "x";
    expect(readCatalogSheet(grid).issues).toMatchObject([{ cell: `D${row + 1}`, code: "2.1" }]);
    expect(readCatalogSheet(grid).issues[0].message).toContain("Điểm mục tiêu của tiêu chí 2.1");
    grid.values[row][COL.target] = -1;
    expect(readCatalogSheet(grid).issues).toEqual([]);
  });

  test("duplicate and malformed codes, empty names", () => {
    const grid = gridOf(small);
    const first = rowOf(grid, "2.1");
    grid.values.push(["2.1", "C lần hai", 1], ["I.1", "La Mã", 1], ["2.2", "", 1]);
    const n = grid.values.length;
    const { catalog, issues } = readCatalogSheet(grid);
    expect(catalog).toBeNull();
    expect(issues.map((i) => [i.cell, i.code])).toEqual([
      [`A${n - 2}`, "2.1"],
      [`A${n - 1}`, null],
      [`B${n}`, "2.2"],
    ]);
    expect(issues[0].message).toContain(`đã có ở dòng ${first + 1}`);
    expect(issues[1].message).toContain('"I.1" không hợp lệ');
    expect(issues[2].message).toContain("chưa có tên");
  });

  test("a row with content but no code is skipped with a warning; the catalogue is still usable", () => {
    const grid = gridOf(small);
    grid.values.push([null, "Ghi chú cuối bảng"]);
    const { catalog, issues } = readCatalogSheet(grid);
    expect(catalog).toEqual(small);
    expect(issues).toEqual([
      expect.objectContaining({ cell: `A${grid.values.length}`, severity: "warning", code: null, message: expect.stringContaining("thiếu mã") }),
    ]);
  });

  test("missing or invalid catalogue id", () => {
    const grid = gridOf(small);
    grid.values[1][0] = null;
    const none = readCatalogSheet(grid);
    expect(none.catalog).toBeNull();
    expect(none.issues).toMatchObject([{ cell: "A2", severity: "error", message: expect.stringContaining("Thiếu mã bộ tiêu chí") }]);
    grid.values[1][0] = "Mã bộ tiêu chí: Điện Biên 2019";
    const bad = readCatalogSheet(grid);
    expect(bad.catalog).toBeNull();
    expect(bad.issues).toMatchObject([{ cell: "A2", message: expect.stringContaining('"Điện Biên 2019" không hợp lệ') }]);
  });

  test("unreadable level or year, or a missing name, are warnings", () => {
    const grid = gridOf(small);
    grid.values[0][0] = null;
    grid.values[2][6] = "Cấp đánh giá: liên xã";
    grid.values[2][9] = "Năm: hai nghìn";
    const { catalog, issues } = readCatalogSheet(grid);
    expect(issues.map((i) => [i.cell, i.severity])).toEqual([
      ["A1", "warning"],
      ["G3", "warning"],
      ["J3", "warning"],
    ]);
    expect(catalog).toMatchObject({ id: "thu-2019", name: "thu-2019", level: null, year: null });
  });

  test("a sheet without the header, or with no rows under it", () => {
    const none = readCatalogSheet({ name: "Trang 1", values: [["Mã", "Tên tiêu chí"]] });
    expect(none.catalog).toBeNull();
    expect(none.issues).toMatchObject([{ sheet: "Trang 1", cell: "A1", message: expect.stringContaining('Trang "Trang 1" không có dòng tiêu đề') }]);
    const empty = readCatalogSheet({ name: "T", values: [["Bộ tiêu chí: A", "Mã bộ tiêu chí: a"], ["Mã", "Tên tiêu chí", "Điểm tối đa", "Quy tắc chấm điểm"]] });
    expect(empty.catalog).toBeNull();
    expect(empty.issues).toMatchObject([{ cell: "A2", message: expect.stringContaining("chưa có dòng nào") }]);
  });
});

describe("readCatalogSheet never throws on a damaged sheet", () => {
  const base = specToGrid(catalogToSheet(builtinCatalog("dien-bien-2018")));
  const height = base.values.length;
  const cellValue = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom("", "1", "1.1", "1.1.1", "9.9", "0,5", "abc", "-1", "50%", "32/13/2018", ">=80%: 1; *", "Mã", "Mã bộ tiêu chí: x", "Tên (1 điểm; Sở)"),
    fc.double({ noNaN: false }),
    fc.integer({ min: -5, max: 50 }),
    fc.boolean(),
    fc.constant(null),
  );
  const damage = fc.oneof(
    fc.record({ kind: fc.constant("set" as const), row: fc.nat(height + 3), col: fc.nat(12), value: cellValue }),
    fc.record({ kind: fc.constant("delete" as const), row: fc.nat(height) }),
  );

  test("it returns a catalogue or issues, consistently", () => {
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 12 }), (edits) => {
        const values = base.values.map((r) => [...r]);
        for (const e of edits) {
          if (e.kind === "delete") values.splice(e.row, 1);
          else {
            while (values.length <= e.row) values.push([]);
            values[e.row][e.col] = e.value;
          }
        }
        const { catalog, issues } = readCatalogSheet({ name: "Bộ tiêu chí", values });
        const errors = issues.filter((i) => i.severity === "error");
        expect(catalog === null).toBe(errors.length > 0);
        for (const i of issues) {
          expect(i.sheet).toBe("Bộ tiêu chí");
          expect(i.cell).toMatch(/^[A-Z]+\d+$/);
          expect(i.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 400 },
    );
  });
});
