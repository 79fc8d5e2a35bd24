/**
 * Issue #23, item 5: legacy text (VNI, TCVN3) in cells whose font is not a legacy font. A unit's workbook keeps
 * "VNI-Times" on its title only; the header was pasted into Calibri and keeps its VNI text, the body was retyped
 * in Unicode. The text itself decides: the legacy cells are converted (with or without --encoding), cells already
 * in Unicode are left as they are, and the output says which cells were converted.
 */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { Finding } from "../../src/scoring";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { convertGrid, detectLegacyEncoding } from "../../src/cli/workbook/legacy-text";
import { par, SAMPLE_CATALOG, SAMPLES, tempDir } from "../support/par";

jest.setTimeout(120_000);

/* VNI, written out independently of the converter under test (as in formats.test.ts). */
function toVni(text: string): string {
  const tone: Record<string, number> = { "\u0300": 0, "\u0301": 1, "\u0309": 2, "\u0303": 3, "\u0323": 4 };
  const plain = ["ø", "ù", "û", "õ", "ï"];
  const hat = ["à", "á", "å", "ã", "ä"];
  const breve = ["è", "é", "ú", "ü", "ë"];
  const special: Record<string, string> = { ì: "ì", í: "í", ỉ: "æ", ĩ: "ó", ị: "ò", ỵ: "î", đ: "ñ" };
  return [...text.normalize("NFC")]
    .map((ch) => {
      const lower = ch.toLowerCase();
      const upper = ch !== lower;
      const cased = (s: string) => (upper ? s.toUpperCase() : s);
      if (special[lower]) return cased(special[lower]);
      const parts = lower.normalize("NFD");
      const base = parts[0];
      if (!"aeiouy".includes(base) || parts.length === 1) return ch;
      const t = [...parts.slice(1)].find((m) => m in tone);
      const mod = [...parts.slice(1)].find((m) => !(m in tone));
      const i = t === undefined ? -1 : tone[t];
      let out: string;
      if (mod === "\u0302") out = base + "â" + (i >= 0 ? hat[i] : "");
      else if (mod === "\u0306") out = base + "ê" + (i >= 0 ? breve[i] : "");
      else if (mod === "\u031b") out = (base === "o" ? "ô" : "ö") + (i >= 0 ? plain[i] : "");
      else out = base + (i >= 0 ? plain[i] : "");
      return cased(out);
    })
    .join("");
}

const SAMPLE = join(SAMPLES, "so", "so-tu-phap.xlsx");
/** Rows (0-based) of so-tu-phap.xlsx: 0–1 the agency, 3 the title, 4 "Đơn vị: Sở Tư pháp", 7 the header. */
const TITLE_ROWS = [0, 1, 3, 4];
const HEADER_ROW = 7;

/** so-tu-phap.xlsx with the given rows' text in VNI (font "VNI-Times" on `fontRows` only, Calibri elsewhere). */
async function vniCopy(file: string, vniRows: number[], fontRows: number[]): Promise<string> {
  const data = await readWorkbook(SAMPLE);
  const wb = new ExcelJS.Workbook();
  for (const grid of data.grids) {
    const ws = wb.addWorksheet(grid.name);
    grid.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = typeof v === "string" && vniRows.includes(r) ? toVni(v) : v;
        cell.font = { name: fontRows.includes(r) ? "VNI-Times" : "Calibri", size: 12 };
      }),
    );
  }
  await wb.xlsx.writeFile(file);
  return file;
}

const findingsOf = (out: string) => (JSON.parse(out) as Finding[]).map(({ sheet: _sheet, ...f }) => f);

let dir: string;
let expected: Omit<Finding, "sheet">[];

beforeAll(async () => {
  dir = tempDir();
  expected = findingsOf((await par("validate", SAMPLE, "-c", SAMPLE_CATALOG, "--json")).out);
  expect(expected.length).toBeGreaterThan(0);
});

describe("legacy text whatever its font", () => {
  test("title and header in VNI (header in Calibri), body in Unicode: detected, converted, the cells named", async () => {
    const book = await vniCopy(join(dir, "tieu-de-vni.xlsx"), [...TITLE_ROWS, HEADER_ROW], TITLE_ROWS);
    const r = await par("validate", book, "-c", SAMPLE_CATALOG);
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(r.out).toContain('Chữ trong tệp được chuyển từ bảng mã VNI (VNI-Times) sang Unicode: trang "Tự chấm 2018" ô A1, A2, A4, A5, B8, C8, D8, E8, F8, G8');
    expect(r.out).toContain("đơn vị: Sở Tư pháp");
    expect(findingsOf((await par("validate", book, "-c", SAMPLE_CATALOG, "--json")).out)).toEqual(expected);
    const en = await par("validate", book, "-c", SAMPLE_CATALOG, "--lang", "en");
    expect(en.out).toContain('Text converted from the VNI (VNI-Times) encoding to Unicode: sheet "Tự chấm 2018" cells A1, A2, A4, A5, B8');
  });

  test("with --encoding vni: the VNI cells converted, the Unicode body left as it is", async () => {
    const book = await vniCopy(join(dir, "tieu-de-vni-2.xlsx"), [...TITLE_ROWS, HEADER_ROW], TITLE_ROWS);
    const r = await par("validate", book, "-c", SAMPLE_CATALOG, "--encoding", "vni", "--json");
    expect(r.err).toBe("");
    expect(findingsOf(r.out)).toEqual(expected);
  });

  test("only the title in VNI (a table that is found anyway): the unit's name is converted too", async () => {
    const book = await vniCopy(join(dir, "chi-tieu-de.xlsx"), TITLE_ROWS, TITLE_ROWS);
    const r = await par("validate", book, "-c", SAMPLE_CATALOG);
    expect(r.code).toBe(1);
    expect(r.out).toContain("đơn vị: Sở Tư pháp");
    expect(r.out).toContain('sang Unicode: trang "Tự chấm 2018" ô A1, A2, A4, A5');
  });

  test("a Unicode workbook is never converted", async () => {
    const r = await par("validate", SAMPLE, "-c", SAMPLE_CATALOG);
    expect(r.out).not.toMatch(/bảng mã/);
  });

  test("in a workbook mixing VNI and Unicode, a Unicode \"Không\" or \"Có\" stays; a VNI \"Khoâng\" is converted", () => {
    const grid = {
      name: "Tự chấm",
      values: [[toVni("BẢNG TỰ ĐÁNH GIÁ")], [toVni("Đơn vị: Sở Tư pháp")], ["Mã", "Kết quả", "Điểm tự chấm"], ["1.1.1", "Không", 0], ["1.1.2", "Có", 1], ["1.1.3", toVni("Không"), 0]],
      merges: [],
    };
    const detection = detectLegacyEncoding([grid]);
    expect(detection).toEqual({ encoding: "vni", mixed: true });
    const cells: string[] = [];
    const out = convertGrid(grid, "vni", (a) => cells.push(a), detection!.mixed);
    expect(out.values.map((r) => r[1] ?? r[0])).toEqual(["BẢNG TỰ ĐÁNH GIÁ", "Đơn vị: Sở Tư pháp", "Kết quả", "Không", "Có", "Không"]);
    expect(cells).toEqual(["A1", "A2", "B6"]);
  });
});
