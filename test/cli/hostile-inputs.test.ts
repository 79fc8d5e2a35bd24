/**
 * Issue #13 "hostile and odd inputs": pipes and devices as inputs, control characters in cell text, odd
 * catalogue files, empty or odd sheet names, a user's own "_par" sheet, exceljs's console warnings.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Finding } from "../../src/scoring";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { copySample, par, tempDir } from "../support/par";
import { patchXlsx, renameSheet } from "../support/xlsx-patch";

jest.setTimeout(60_000);

const SHEET = "Tự chấm 2018";
// eslint-disable-next-line no-control-regex -- the characters that must never reach a terminal raw
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("inputs that are not regular files are refused at once", () => {
  test("a named pipe (FIFO) as the workbook", async () => {
    const dir = tempDir();
    const fifo = join(dir, "ong.xlsx");
    execFileSync("mkfifo", [fifo]);
    const r = await par("validate", fifo);
    expect(r.code).toBe(2);
    expect(r.err).toContain(fifo);
    expect(r.err).toMatch(/không phải là tệp thông thường/);
  });

  test("/dev/zero as the workbook, a pipe as the catalogue", async () => {
    const r = await par("validate", "/dev/zero", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not a regular file/);
    const dir = tempDir();
    const fifo = join(dir, "bo.json");
    execFileSync("mkfifo", [fifo]);
    const c = await par("score", "-r", "1.1", "-v", "1", "-c", fifo);
    expect(c.code).toBe(2);
    expect(c.err).toContain(fifo);
  });
});

describe("control characters from a workbook never reach the terminal raw", () => {
  // so-tu-phap.xlsx scores 1.3.2 with the text "đạt" (E21): its finding quotes that cell.
  const hostile = "đạt_x001B_]0;pwned_x0007__x001B_[2J_x0008__x007F_\u202egnp.exe";
  let book: string;
  beforeAll(async () => {
    const dir = tempDir();
    book = join(dir, "doc-hai.xlsx");
    await patchXlsx(copySample("so/so-tu-phap.xlsx", dir), { "xl/sharedStrings.xml": (xml) => xml.replace(">đạt<", `>${hostile}<`) }, book);
  });

  test.each([["vi"], ["en"]])("validate (%s): escaped as \\x1b, \\x07, \\u202e", async (lang) => {
    const r = await par("validate", book, "--lang", lang);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(RAW_CONTROL);
    expect(r.out).toContain("đạt\\x1b]0;pwned\\x07\\x1b[2J\\x08\\x7f\\u202egnp.exe");
  });

  test("--json: valid JSON, escaped, the text intact once parsed", async () => {
    const r = await par("validate", book, "--json");
    expect(r.out).not.toMatch(RAW_CONTROL);
    const findings = JSON.parse(r.out) as Finding[];
    const invalid = findings.find((f) => f.kind === "score-invalid" && f.code === "1.3.2")!;
    expect(invalid.message).toContain("đạt\u001b]0;pwned\u0007\u001b[2J\b\u007f\u202egnp.exe");
  });

  test("error messages too (stderr)", async () => {
    const r = await par("validate", book, "--sheet", "\u001b[2J\u001b]0;x\u0007");
    expect(r.code).toBe(2);
    expect(r.err).not.toMatch(RAW_CONTROL);
    expect(r.err).toContain("\\x1b[2J\\x1b]0;x\\x07");
  });
});

describe("catalogue files", () => {
  test("a folder as --catalog: exit 2 with a sentence", async () => {
    const dir = tempDir();
    for (const args of [["score", "-r", "1.1", "-v", "1", "-c", dir], ["catalog", "show", dir]]) {
      const r = await par(...args);
      expect(r.code).toBe(2);
      expect(r.err).toContain(dir);
      expect(r.err).toMatch(/thư mục/);
    }
  });

  test("JSON nested 20,000 levels deep: exit 2 naming the file", async () => {
    const dir = tempDir();
    const file = join(dir, "sau.json");
    writeFileSync(file, `{"id":"x","name":"x","nodes":${"[".repeat(20_000)}${"]".repeat(20_000)}}`);
    const r = await par("catalog", "show", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("sau.json");
    expect(r.err).toMatch(/lồng nhau quá sâu/);
    const en = await par("catalog", "show", file, "--lang", "en");
    expect(en.err).toMatch(/nested too deeply/);
  });

  test("criteria nested 13 levels deep are refused; 3 levels load", async () => {
    const dir = tempDir();
    const chain = (levels: number) => {
      let node: Record<string, unknown> = { code: Array.from({ length: levels }, () => "1").join("."), name: "lá", max: 1 };
      for (let l = levels - 1; l >= 1; l--) node = { code: Array.from({ length: l }, () => "1").join("."), name: `cấp ${l}`, children: [node] };
      return JSON.stringify({ id: "sau", name: "Sâu", nodes: [node] });
    };
    writeFileSync(join(dir, "13.json"), chain(13));
    writeFileSync(join(dir, "3.json"), chain(3));
    const deep = await par("catalog", "show", join(dir, "13.json"));
    expect(deep.code).toBe(2);
    expect(deep.err).toContain("13.json");
    expect(deep.err).toMatch(/12 cấp/);
    expect((await par("catalog", "show", join(dir, "3.json"))).code).toBe(0);
  });
});

describe("sheet names", () => {
  test('--sheet "" is an error saying the name is empty', async () => {
    const dir = tempDir();
    const book = copySample("so/so-tu-phap.xlsx", dir);
    const r = await par("validate", book, "--sheet", "");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--sheet.*trống/);
    expect((await par("validate", book, "--sheet", "", "--lang", "en")).err).toMatch(/sheet name \(--sheet\) is empty/);
  });

  test.each([["Tự chấm [2018]"], ["'Tự chấm"], ["History"]])("a sheet named %p is read", async (name) => {
    const dir = tempDir();
    const book = join(dir, "ten-la.xlsx");
    await patchXlsx(copySample("so/so-tu-phap.xlsx", dir), renameSheet(SHEET, name.replace("'", "&apos;")), book);
    const r = await par("validate", book, "--json", "--sheet", name);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as Finding[])[0].sheet).toBe(name);
  });

  test("a sheet name over 31 characters: read under its full name, no exceljs warning on the console", async () => {
    const dir = tempDir();
    const book = join(dir, "ten-dai.xlsx");
    const long = "Bảng tự đánh giá, chấm điểm Chỉ số CCHC năm 2018";
    await patchXlsx(copySample("so/so-tu-phap.xlsx", dir), renameSheet(SHEET, long), book);
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const r = await par("validate", book);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`trang "${long}"`);
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});

describe('a user\'s own sheet named "_par"', () => {
  /** The unit's workbook plus a sheet "_par" (of the given state and header) listing the unit's sheet. */
  async function withUserPar(state: "visible" | "veryHidden", header: string[]): Promise<string> {
    const dir = tempDir();
    const book = copySample("so/so-tu-phap.xlsx", dir);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book);
    const ws = wb.addWorksheet("_par", { state });
    ws.addRow(header);
    ws.addRow([SHEET, "summary"]);
    await wb.xlsx.writeFile(book);
    return book;
  }

  test.each([
    ["visible, with PAR Scorer's header", "visible" as const, ["Trang tính (sheet)", "Loại (kind)"]],
    ["very hidden, another header", "veryHidden" as const, ["Trang", "Loại"]],
  ])("%s: does not hide the unit sheet it lists", async (_label, state, header) => {
    const book = await withUserPar(state, header);
    const r = await par("validate", book, "--json");
    expect(r.code).toBe(1);
    expect((JSON.parse(r.out) as Finding[]).some((f) => f.sheet === SHEET)).toBe(true);
  });

  test("summary keeps the user's sheet as it was", async () => {
    const book = await withUserPar("visible", ["Trang", "Loại"]);
    const out = join(tempDir(), "ket-qua.xlsx");
    expect((await par("summary", book, "-o", out)).code).toBe(0);
    const data = await readWorkbook(out);
    expect(data.sheetStates["_par"]).toBe("visible");
    expect(data.grids.find((g) => g.name === "_par")!.values.slice(0, 2)).toEqual([
      ["Trang", "Loại"],
      [SHEET, "summary"],
    ]);
    expect(data.grids.map((g) => g.name)).toEqual(expect.arrayContaining([SHEET, "Tổng hợp", "Kế hoạch cải thiện"]));
  });
});

describe("folders given where a workbook is expected", () => {
  test("validate FOLDER: a sentence, exit 2", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "thu-muc.xlsx"));
    const r = await par("validate", join(dir, "thu-muc.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/thư mục/);
  });
});
