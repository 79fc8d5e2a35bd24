/**
 * Account for every row (issue 17), end to end through `par` on .xlsx files written here as a province's clerk
 * writes them (exceljs, merged cells merged, formulas with the values Excel or LibreOffice cached): bands as rows,
 * codes in words, a running STT counter, bonus and penalty lines without codes, ambiguous scores, the add-in's
 * own template filled without the add-in, blank criteria, rows nobody can place. Each layout is checked against a
 * plain twin with the same content: the same index, or a finding that names the row.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Finding } from "../../src/scoring";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { catalog as provinceCatalog, content, Entry, writeLayout } from "../support/layouts";
import { convertWithLibreOffice } from "../support/libreoffice";
import { par } from "../support/par";
import { createFakeExcel, fakeDeps, workbookSeeds } from "../taskpane/excel-fixtures";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "par-rows-"));
let n = 0;
const file = (name: string) => join(dir, `${n++}-${name}.xlsx`);

type Cell = ExcelJS.CellValue;
const HEADER = ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm", "Tài liệu kiểm chứng", "Ghi chú"];

/** A workbook of one sheet: title lines, the header, then `rows` as given. */
async function writeSheet(path: string, rows: Cell[][], titles = ["Đơn vị: Sở Thử nghiệm", "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2018"]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  for (const t of titles) ws.addRow([t]);
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(path);
}

/** The province catalogue's rows as a plain table (code, name, max, value, self, evidence, notes). */
function plainRows(entries: Record<string, Entry> = {}): Cell[][] {
  return content(entries).map(({ node, entry }) => {
    const leaf = node.children.length === 0;
    return [node.code, node.name, leaf ? node.max : null, entry.value ?? null, leaf ? (entry.self ?? null) : null, entry.evidence ?? null, entry.notes ?? null];
  });
}

async function validate(path: string, ...args: string[]): Promise<{ code: number; findings: Finding[]; err: string }> {
  const r = await par("validate", path, "--json", "-c", "dien-bien-2018", ...args);
  return { code: r.code, findings: r.code === 2 ? [] : (JSON.parse(r.out) as Finding[]), err: r.err };
}

async function index(path: string, ...args: string[]): Promise<string> {
  const r = await par("summary", path, "-o", file("summary"), "-c", "dien-bien-2018", ...args);
  expect(r.code).toBe(0);
  return /Chỉ số CCHC: ([\d.,]+)/.exec(r.out)![1];
}

const kinds = (findings: Finding[]) => findings.map((f) => `${f.code ?? "-"} ${f.kind} ${f.severity}`).sort();

/** The pane's Excel adapter over the stand-in, on the same file: findings and index as par gives them. */
async function pane(path: string) {
  const sheets = await workbookSeeds(path, { merges: true });
  const fake = createFakeExcel({ sheets, active: sheets[0].name });
  const actions = createExcelActions(fakeDeps(fake).deps);
  const validation = await actions.validateActiveSheet(provinceCatalog, "vi");
  const summary = await actions.generateSummary(provinceCatalog, "vi");
  return { findings: validation.findings, index: summary.index };
}

/** A leaf of the province catalogue with a maximum of 1 and no rule (bands are the unit's to choose). */
const BAND_LEAF = "2.1.1";

describe("bands written as rows under their criterion (Cà Mau style)", () => {
  let twin: string;
  let twinKinds: string[];
  beforeAll(async () => {
    const path = file("bands-twin");
    await writeSheet(path, plainRows({ [BAND_LEAF]: { self: 0.5 } }));
    twin = await index(path);
    twinKinds = kinds((await validate(path)).findings);
  });

  /** The criterion's own row blank, then one row per band; `marks` are typed in the score column of each band. */
  function withBands(marks: [Cell, Cell, Cell]): Cell[][] {
    const rows = plainRows({ [BAND_LEAF]: { self: null } });
    const at = rows.findIndex((r) => r[0] === BAND_LEAF);
    const bands: Cell[][] = [
      ["-", "Ban hành kịp thời: 1 điểm", null, null, marks[0], null, null],
      ["-", "Ban hành không kịp thời: 0,5 điểm", null, null, marks[1], null, null],
      ["-", "Không ban hành: 0 điểm", null, null, marks[2], null, null],
    ];
    rows.splice(at + 1, 0, ...bands);
    return rows;
  }

  test("the score typed on the chosen band row is the criterion's score", async () => {
    const path = file("bands-typed");
    await writeSheet(path, withBands([null, 0.5, null]));
    const v = await validate(path);
    expect(kinds(v.findings)).toEqual(twinKinds);
    expect(twinKinds).toContain(`${BAND_LEAF} missing-explanation warning`);
    expect(await index(path)).toBe(twin);
    const inPane = await pane(path);
    expect(kinds(inPane.findings)).toEqual(kinds(v.findings));
    expect(String(inPane.index).replace(".", ",")).toBe(twin);
  });

  test('an "x" on a band row chooses it: the band\'s own points count', async () => {
    const path = file("bands-x");
    await writeSheet(path, withBands([null, "x", null]));
    expect(await index(path)).toBe(twin);
  });

  test("zeros typed on the other bands do not compete with the chosen one", async () => {
    const path = file("bands-zeros");
    await writeSheet(path, withBands([0, 0.5, 0]));
    expect(await index(path)).toBe(twin);
  });

  test("two bands chosen: an error naming both cells, and the criterion is not scored", async () => {
    const path = file("bands-two");
    await writeSheet(path, withBands([1, 0.5, null]));
    const v = await validate(path);
    const conflict = v.findings.find((f) => f.code === BAND_LEAF && f.kind === "score-invalid");
    expect(conflict?.severity).toBe("error");
    expect(conflict?.message).toMatch(/2 mức điểm cùng được chọn/);
    expect(conflict?.message).toMatch(/E\d+, E\d+/);
    expect(v.code).toBe(1);
  });

  test("--reading lists each band row under its criterion, the chosen one marked", async () => {
    const path = file("bands-ledger");
    await writeSheet(path, withBands([null, 0.5, null]));
    const r = await par("validate", path, "--json", "--reading", "-c", "dien-bien-2018");
    const { reading } = JSON.parse(r.out) as { reading: { units: { rows: { readAs: string; code: string | null; chosen?: boolean }[] }[] } };
    const bands = reading.units[0].rows.filter((e) => e.readAs === "band");
    expect(bands).toHaveLength(3);
    expect(bands.every((b) => b.code === BAND_LEAF)).toBe(true);
    expect(bands.map((b) => b.chosen)).toEqual([false, true, false]);
  });
});

describe("codes written in words, at the start of names, after a running counter", () => {
  let twin: string;
  let twinKinds: string[];
  beforeAll(async () => {
    const path = file("codes-twin");
    await writeSheet(path, plainRows());
    twin = await index(path);
    twinKinds = kinds((await validate(path)).findings);
  });

  test('"Lĩnh vực I", "Tiêu chí 1.1", "TC 1.1.1", "Tiêu chí thành phần …" in the code column', async () => {
    const rows = plainRows().map((r) => {
      const code = String(r[0]);
      const parts = code.split(".");
      const roman = ["I", "II", "III", "IV", "V", "VI", "VII"][Number(parts[0]) - 1];
      r[0] = parts.length === 1 ? `Lĩnh vực ${roman}` : parts.length === 2 ? `Tiêu chí ${code}` : Number(parts[2]) % 2 ? `TC ${code}.` : `Tiêu chí thành phần ${code}`;
      return r;
    });
    const path = file("codes-words");
    await writeSheet(path, rows);
    expect(kinds((await validate(path)).findings)).toEqual(twinKinds);
    expect(await index(path)).toBe(twin);
  });

  test("STT as a running counter, the code at the start of the name (\"1.1. Kế hoạch…\")", async () => {
    const rows = plainRows().map((r, i) => {
      r[1] = `${r[0]}${String(r[0]).includes(".") ? "" : "."} ${r[1]}`;
      r[0] = i + 1;
      return r;
    });
    const path = file("codes-counter");
    await writeSheet(path, rows);
    const v = await validate(path);
    expect(kinds(v.findings)).toEqual(twinKinds);
    expect(await index(path)).toBe(twin);
    const r = await par("validate", path, "--json", "--reading", "-c", "dien-bien-2018");
    const entries = (JSON.parse(r.out) as { reading: { units: { rows: { readAs: string; codeSource?: string }[] }[] } }).reading.units[0].rows;
    expect(entries.filter((e) => e.readAs === "criterion").every((e) => e.codeSource === "name-start")).toBe(true);
  });

  test("a running counter and no code anywhere: refused, naming the header and the columns looked at", async () => {
    const rows = plainRows().map((r, i) => {
      r[0] = i + 1;
      return r;
    });
    const path = file("codes-none");
    await writeSheet(path, rows);
    const r = await par("validate", path, "-c", "dien-bien-2018");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/ô A3/);
    expect(r.err).toMatch(/số thứ tự chạy 1, 2, 3/);
    expect(r.err).toMatch(/cột A, B/);
  });
});

describe("scores that read two ways, or not as points", () => {
  test('"85%" typed as a score is an error, never 0,85 points', async () => {
    const path = file("percent");
    await writeSheet(path, plainRows({ "1.1.2": { self: "85%", value: "85%" } }));
    const v = await validate(path);
    const f = v.findings.find((x) => x.code === "1.1.2" && x.kind === "score-invalid");
    expect(f?.severity).toBe("error");
    expect(f?.message).toMatch(/tỷ lệ phần trăm/);
  });

  test('"1.500" reads as 1,5 when 1500 cannot fit, and is an error when neither fits the maximum', async () => {
    const fits = file("two-ways-fits");
    await writeSheet(fits, plainRows({ "1.5": { self: "1.500" } }));
    const twin = file("two-ways-twin");
    await writeSheet(twin, plainRows({ "1.5": { self: 1.5 } }));
    expect(await index(fits)).toBe(await index(twin));
    const neither = file("two-ways-neither");
    await writeSheet(neither, plainRows({ "1.1.2": { self: "1.500" } }));
    const f = (await validate(neither)).findings.find((x) => x.code === "1.1.2" && x.kind === "score-invalid");
    expect(f?.message).toMatch(/hai cách/);
  });
});

describe("blank criteria and computed scores", () => {
  test("a leaf with no score, no result and no 'Không áp dụng' is unscored-criterion, counted 0", async () => {
    const path = file("blank-leaf");
    await writeSheet(path, plainRows({ "1.3.1": { self: null, value: null } }));
    const v = await validate(path);
    expect(v.findings.filter((f) => f.code === "1.3.1").map((f) => `${f.kind} ${f.severity}`)).toContain("unscored-criterion error");
    expect(v.code).toBe(1);
  });

  test("a result beside a blank score is scored by the rule, with a warning (92% against '>30%: 1')", async () => {
    const path = file("computed");
    await writeSheet(path, plainRows({ "1.3.1": { self: null, value: 0.92 } }));
    const v = await validate(path);
    const f = v.findings.find((x) => x.code === "1.3.1" && x.kind === "score-computed");
    expect(f?.severity).toBe("warning");
    const twin = file("computed-twin");
    await writeSheet(twin, plainRows({ "1.3.1": { self: 1, value: 0.92 } }));
    expect(await index(path)).toBe(await index(twin));
  });

  test("a result without a rule beside a blank score is unscored-criterion, not 0 in silence", async () => {
    const path = file("no-rule");
    await writeSheet(path, plainRows({ "1.1.1": { self: null, value: "Đã ban hành" } }));
    const f = (await validate(path)).findings.find((x) => x.code === "1.1.1" && x.kind === "unscored-criterion");
    expect(f?.message).toMatch(/không có quy tắc/);
  });
});

describe("the tool's own template filled without the add-in", () => {
  /** Each self cell of a ruled leaf holds =PAR.SCORE(result; code) with the value cached by a program without the add-in. */
  function templateRows(cached: ExcelJS.CellErrorValue | null, entries: Record<string, Entry> = {}): Cell[][] {
    return plainRows(entries).map((r, i) => {
      const node = content()[i].node;
      if (node.children.length === 0 && node.rule && r[3] !== null) {
        const formula = `PAR.SCORE(D${i + 4},"${node.code}")`;
        r[4] = cached ? { formula, result: cached } : { formula, result: undefined as unknown as number };
      }
      return r;
    });
  }

  test("#NAME? over =PAR.SCORE with a result: computed by the rule, a warning, the same index as Excel with the add-in", async () => {
    const entries = { "1.1.2": { value: 1 }, "1.3.1": { value: 0.4 }, "1.3.2": { value: 0.9 } } as Record<string, Entry>;
    const path = file("template-name");
    await writeSheet(path, templateRows({ error: "#NAME?" }, entries));
    const v = await validate(path);
    const computed = v.findings.filter((f) => f.kind === "score-computed");
    expect(computed.map((f) => f.code).sort()).toEqual(["1.1.2", "1.3.1", "1.3.2"]);
    expect(v.findings.some((f) => f.kind === "score-invalid" && /#NAME\?/.test(f.message))).toBe(false);
    const twin = file("template-twin");
    await writeSheet(twin, plainRows({ "1.1.2": { value: 1, self: 1 }, "1.3.1": { value: 0.4, self: 1 }, "1.3.2": { value: 0.9, self: 0 } }));
    expect(await index(path)).toBe(await index(twin));
  });

  test.each(["xls", "ods"])("saved again by LibreOffice as .%s (which may lose the formula's text): still computed, never '#NAME? is not a number'", async (format) => {
    const path = file("template-lo");
    await writeSheet(path, templateRows({ error: "#NAME?" }, { "1.1.2": { value: 1 } }));
    const out = join(dir, `lo-${format}`);
    const converted = convertWithLibreOffice(path, out, format);
    expect(converted.ok).toBe(true);
    const v = await validate(converted.output!);
    expect(v.findings.filter((f) => f.kind === "score-computed").map((f) => f.code)).toEqual(["1.1.2"]);
    expect(v.findings.some((f) => f.kind === "score-invalid" && /#NAME\?/.test(f.message))).toBe(false);
  });

  test("=PAR.SCORE with no cached value and no result: an error saying the add-in was not loaded", async () => {
    const rows = plainRows();
    const at = rows.findIndex((r) => r[0] === "1.1.2");
    rows[at][3] = null;
    rows[at][4] = { formula: `PAR.SCORE(D${at + 4},"1.1.2")`, result: { error: "#NAME?" } };
    const path = file("template-noresult");
    await writeSheet(path, rows);
    const f = (await validate(path)).findings.find((x) => x.code === "1.1.2" && x.kind === "unscored-criterion");
    expect(f?.severity).toBe("error");
    expect(f?.message).toMatch(/chưa nạp add-in PAR Scorer/);
  });
});

describe("rows nobody can place", () => {
  test("a number in the score column of a row without a code is row-not-understood, naming the row and the number", async () => {
    const rows = plainRows();
    rows.splice(5, 0, [null, "Điểm khác do đơn vị tự thêm", null, null, 2, null, null]);
    const path = file("stray");
    await writeSheet(path, rows);
    const v = await validate(path);
    const f = v.findings.find((x) => x.kind === "row-not-understood");
    expect(f?.severity).toBe("error");
    expect(f?.message).toMatch(/Dòng 9 \("Điểm khác do đơn vị tự thêm"\) có số 2/);
    expect(v.code).toBe(1);
  });

  test("notes, signatures and headings without numbers are read as text, not errors", async () => {
    const rows = plainRows();
    rows.push([], [null, "Ghi chú: đơn vị chịu trách nhiệm về số liệu"], [null, "THỦ TRƯỞNG ĐƠN VỊ"], [null, "(Ký, ghi rõ họ tên)"]);
    const path = file("notes");
    await writeSheet(path, rows);
    expect((await validate(path)).findings.filter((f) => f.kind === "row-not-understood")).toEqual([]);
  });

  test("a total row is checked against the field rows it sums", async () => {
    const rows = plainRows();
    rows.push([null, "TỔNG CỘNG", 100, null, 99.5, null, null]);
    const path = file("total");
    await writeSheet(path, rows);
    const f = (await validate(path)).findings.find((x) => x.kind === "sum-mismatch" && x.code === null);
    expect(f?.message).toMatch(/Dòng tổng "TỔNG CỘNG"/);
  });
});

describe("bonus and penalty lines without codes", () => {
  const small = {
    id: "thu-thuong-tru",
    name: "Bộ thử có điểm thưởng, điểm trừ",
    nodes: [
      { code: "1", name: "Công tác chỉ đạo", children: [{ code: "1.1", name: "Kế hoạch", max: 5 }, { code: "1.2", name: "Báo cáo", max: 5 }] },
      { code: "2", name: "Điểm thưởng", kind: "bonus", max: 2, children: [{ code: "2.1", name: "Sáng kiến được công nhận", max: 2 }] },
      { code: "3", name: "Điểm trừ", kind: "penalty", max: 3, children: [{ code: "3.1", name: "Vi phạm kỷ luật", max: 3 }] },
    ],
  };
  const catalogFile = join(dir, "thuong-tru.json");
  writeFileSync(catalogFile, JSON.stringify(small));

  async function summaryIndex(path: string): Promise<string> {
    const r = await par("summary", path, "-o", file("summary"), "-c", catalogFile);
    expect(r.code).toBe(0);
    return /Chỉ số CCHC: ([\d.,]+)/.exec(r.out)![1];
  }

  test('"Điểm thưởng" and "Điểm trừ" with −2 count as the catalogue\'s bonus and a penalty of 2, and the sign is said', async () => {
    const coded = file("sections-coded");
    await writeSheet(coded, [["1", "Công tác chỉ đạo"], ["1.1", "Kế hoạch", 5, null, 5], ["1.2", "Báo cáo", 5, null, 4], ["2.1", "Sáng kiến", 2, null, 0], ["3.1", "Vi phạm", 3, null, 2]]);
    const uncoded = file("sections-uncoded");
    await writeSheet(uncoded, [
      ["1", "Công tác chỉ đạo"],
      ["1.1", "Kế hoạch", 5, null, 5],
      ["1.2", "Báo cáo", 5, null, 4],
      [null, "Điểm thưởng", null, null, 0],
      [null, "Điểm trừ", null, null, -2],
    ]);
    expect(await summaryIndex(coded)).toBe("70,00");
    expect(await summaryIndex(uncoded)).toBe("70,00");
    const r = await par("validate", uncoded, "--json", "-c", catalogFile);
    const findings = JSON.parse(r.out) as Finding[];
    const sign = findings.find((f) => f.code === "3.1" && f.kind === "score-invalid");
    expect(sign?.severity).toBe("warning");
    expect(sign?.message).toMatch(/đã hiểu là trừ 2,00 điểm/);
  });

  test("a bonus line the catalogue has no part for is row-not-understood", async () => {
    const path = file("sections-none");
    await writeSheet(path, plainRows().concat([[null, "Điểm thưởng", null, null, 1]]));
    const v = await validate(path);
    const f = v.findings.find((x) => x.kind === "row-not-understood");
    expect(f?.message).toMatch(/không có phần điểm này/);
  });
});

test("the plain layout of the support module still reads as before (no ledger note turns into a finding)", async () => {
  const path = file("layout-plain");
  await writeLayout(path, "plain", content());
  const v = await validate(path);
  expect(v.findings.filter((f) => ["row-not-understood", "unscored-criterion", "score-computed"].includes(f.kind))).toEqual([]);
});
