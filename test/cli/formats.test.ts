/**
 * Issue #11: every format units send is read. Each twin is made here from the sample so-tu-phap.xlsx — .xls and
 * .ods by LibreOffice headless, .csv in the encodings Excel saves, TCVN3 and VNI copies of its text — and must give
 * the same findings and the same index as the .xlsx; aggregating a folder that mixes them ranks every unit.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { convertLegacyText, looksLikeLegacyText } from "../../src/cli/workbook/legacy-text";
import { cellAt, gridWidth } from "../../src/scoring/grid";
import { convertWithLibreOffice, requireSoffice } from "../support/libreoffice";
import { copySample, par, SAMPLE_CATALOG, tempDir } from "../support/par";

jest.setTimeout(300_000);

type Finding = { kind: string; severity: string; code: string | null; cell: string; message: string };

async function findings(file: string, ...extra: string[]): Promise<Omit<Finding, "sheet">[]> {
  const r = await par("validate", file, "-c", SAMPLE_CATALOG, "--json", ...extra);
  if (r.code === 2) throw new Error(`validate ${file}: ${r.err}`);
  return (JSON.parse(r.out) as (Finding & { sheet: string })[]).map(({ sheet: _sheet, ...f }) => f);
}

async function index(file: string, ...extra: string[]): Promise<string> {
  const dir = tempDir();
  const r = await par("summary", file, "-c", SAMPLE_CATALOG, "-o", join(dir, "tong-hop.xlsx"), ...extra);
  if (r.code !== 0) throw new Error(`summary ${file}: ${r.err}`);
  return /Chỉ số CCHC: ([^\n;]+)/.exec(r.out)![1];
}

/** The first sheet's cells as CSV text: ";" between fields, decimal commas, as Excel saves on a Vietnamese Windows. */
async function csvOf(xlsx: string, separator = ";"): Promise<string> {
  const grid = (await readWorkbook(xlsx)).grids[0];
  const lines: string[] = [];
  for (let r = 0; r < grid.values.length; r++) {
    const fields: string[] = [];
    for (let c = 0; c < gridWidth(grid); c++) {
      const v = cellAt(grid, r, c);
      let text = v === null || v === undefined ? "" : typeof v === "number" ? String(v).replace(".", ",") : v instanceof Date ? v.toISOString() : String(v);
      if (/["\n;,\t]/.test(text)) text = `"${text.replace(/"/g, '""')}"`;
      fields.push(text);
    }
    lines.push(fields.join(separator));
  }
  return `${lines.join("\r\n")}\r\n`;
}

/** Windows-1258 bytes of a text: precomposed base letters, tone marks as combining characters (as the code page has). */
function windows1258(text: string): Buffer {
  const decoder = new TextDecoder("windows-1258");
  const byteOf = new Map<string, number>();
  for (let b = 0; b < 256; b++) byteOf.set(decoder.decode(Buffer.from([b])), b);
  const tones = /[\u0300\u0301\u0303\u0309\u0323]/g;
  const bytes: number[] = [];
  for (const ch of text.normalize("NFC")) {
    const parts = ch.normalize("NFD");
    const base = parts.replace(tones, "").normalize("NFC");
    const tone = parts.match(tones)?.[0];
    if (!byteOf.has(base)) throw new Error(`no Windows-1258 byte for ${base}`);
    bytes.push(byteOf.get(base)!);
    if (tone) bytes.push(byteOf.get(tone)!);
  }
  return Buffer.from(bytes);
}

/* The legacy encodings, written out independently of the converter under test. */
const LOWER = "aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ";
const TCVN3 = "aµ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®eÌÐÎÏÑªÒÕÓÔÖi×ÝØÜÞoßãáâä«åèæçé¬êíëìîuïóñòô­õøö÷ùyúýûüþ";
const TCVN3_CAPITALS: Record<string, string> = { Ă: "¡", Â: "¢", Ê: "£", Ô: "¤", Ơ: "¥", Ư: "¦", Đ: "§" };

function toTcvn3(text: string): string {
  return [...text.normalize("NFC")]
    .map((ch) => TCVN3_CAPITALS[ch] ?? (LOWER.includes(ch) ? TCVN3[LOWER.indexOf(ch)] : LOWER.includes(ch.toLowerCase()) ? TCVN3[LOWER.indexOf(ch.toLowerCase())] : ch))
    .join("");
}

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

/** A copy of the workbook's values with every text cell passed through `encode` (a unit typing with old fonts). */
async function encodedTwin(xlsx: string, out: string, encode: (s: string) => string): Promise<string> {
  const data = await readWorkbook(xlsx);
  const wb = new ExcelJS.Workbook();
  for (const grid of data.grids) {
    const ws = wb.addWorksheet(grid.name);
    grid.values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = typeof v === "string" ? encode(v) : v;
      }),
    );
  }
  await wb.xlsx.writeFile(out);
  return out;
}

let dir: string;
let xlsx: string;
let expected: { findings: Omit<Finding, "sheet">[]; index: string };

beforeAll(async () => {
  dir = tempDir("par-formats-");
  xlsx = copySample("so/so-tu-phap.xlsx", dir);
  expected = { findings: await findings(xlsx), index: await index(xlsx) };
  expect(expected.findings.length).toBeGreaterThan(0);
});

describe("each format gives the same findings and index as the .xlsx", () => {
  test.each(["xls", "ods"])(".%s saved by LibreOffice", async (format) => {
    requireSoffice();
    const out = join(dir, format);
    mkdirSync(out, { recursive: true });
    const converted = convertWithLibreOffice(xlsx, out, format);
    if (!converted.ok) throw new Error(`LibreOffice could not save .${format}:\n${converted.log}`);
    expect((await readWorkbook(converted.output!)).format).toBe(format);
    expect(await findings(converted.output!)).toEqual(expected.findings);
    expect(await index(converted.output!)).toBe(expected.index);
  });

  const csvCases: [string, (text: string) => Buffer, string][] = [
    ["UTF-8 with a byte-order mark, ;", (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, "utf8")]), ";"],
    ["UTF-8 without a mark, ,", (t) => Buffer.from(t, "utf8"), ","],
    ["UTF-16 as Excel's Unicode text (tabs)", (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]), "\t"],
    ["Windows-1258, ;", windows1258, ";"],
  ];
  test.each(csvCases)(".csv, %s", async (name, encode, separator) => {
    const file = join(dir, `so-tu-phap-${csvCases.findIndex((c) => c[0] === name)}.csv`);
    writeFileSync(file, encode(await csvOf(xlsx, separator)));
    expect(await findings(file)).toEqual(expected.findings);
    expect(await index(file)).toBe(expected.index);
  });

  test("an .xlsm is read as an .xlsx", async () => {
    const file = join(dir, "so-tu-phap.xlsm");
    writeFileSync(file, readFileSync(xlsx));
    expect(await findings(file)).toEqual(expected.findings);
  });
});

describe("text in legacy Vietnamese font encodings", () => {
  test.each([
    ["tcvn3", toTcvn3, "TCVN3 (ABC, .VnTime)"],
    ["vni", toVni, "VNI (VNI-Times)"],
  ] as const)("a %s twin is detected, converted, said, and validates like the Unicode one", async (encoding, encode, named) => {
    const twin = await encodedTwin(xlsx, join(dir, `so-tu-phap-${encoding}.xlsx`), encode);
    expect(await findings(twin)).toEqual(expected.findings);
    expect(await index(twin)).toBe(expected.index);
    const v = await par("validate", twin, "-c", SAMPLE_CATALOG);
    expect(v.out).toContain(`Chữ trong tệp được chuyển từ bảng mã ${named} sang Unicode`);
    expect(v.out).toContain("Sở Tư pháp");
    const given = await par("validate", twin, "-c", SAMPLE_CATALOG, "--encoding", encoding, "--json");
    expect(JSON.parse(given.out).length).toBe(expected.findings.length);
    const refused = await par("validate", twin, "-c", SAMPLE_CATALOG, "--encoding", "unicode");
    expect(refused.code).toBe(2);
    expect(refused.err).toContain("Không tìm thấy bảng tự chấm điểm");
  });

  test("conversion of every Vietnamese letter, both cases, both encodings", () => {
    const letters = LOWER + LOWER.toUpperCase();
    expect(convertLegacyText(toVni(letters), "vni")).toBe(letters);
    const words = "Điểm tự chấm Tài liệu kiểm chứng Sở Nội vụ đánh giá Không áp dụng Kết quả thực hiện Giải trình";
    expect(convertLegacyText(toTcvn3(words), "tcvn3")).toBe(words);
    expect(convertLegacyText(toVni(words), "vni")).toBe(words);
    expect(convertLegacyText("B¶NG Tù CH¢M §IÓM", "tcvn3")).toBe("BẢNG Tự CHÂM ĐIỂM");
  });

  test("detection never fires on Unicode Vietnamese, even with « », ©, ° or ASCII-only text", async () => {
    const data = await readWorkbook(xlsx);
    const texts = data.grids.flatMap((g) => g.values.flatMap((row) => (row ?? []).filter((v): v is string => typeof v === "string")));
    expect(looksLikeLegacyText(texts)).toBeNull();
    expect(looksLikeLegacyText(["«Tiêu chí» © 2018, 25°C, Sở Tư pháp", "Mã", "STT", "Điểm tối đa", "1.1.1"])).toBeNull();
    expect(looksLikeLegacyText(["Ma so", "Tieu chi", "Diem toi da", "Ket qua"])).toBeNull();
    expect(looksLikeLegacyText(texts.map(toTcvn3))).toBe("tcvn3");
    expect(looksLikeLegacyText(texts.map(toVni))).toBe("vni");
  });
});

describe("workbooks that cannot be read say why", () => {
  test("an encrypted (password) workbook: exit 2, the word password, in both languages", async () => {
    const container = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(container, "/EncryptionInfo", Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(container, "/EncryptedPackage", Buffer.alloc(4096, 7));
    const file = join(dir, "mat-khau.xlsx");
    writeFileSync(file, XLSX.CFB.write(container, { type: "buffer", fileType: "cfb" }) as Buffer);
    const vi = await par("validate", file);
    expect(vi.code).toBe(2);
    expect(vi.err).toContain(`Không đọc được tệp ${file}: sổ tính được đặt mật khẩu`);
    const en = await par("summary", file, "-o", join(dir, "x.xlsx"), "--lang", "en");
    expect(en.code).toBe(2);
    expect(en.err).toContain("protected with a password");
  });
});

describe("aggregate over a folder mixing every format", () => {
  test("ranks every unit once per readable file, and lists the unreadable with why", async () => {
    requireSoffice();
    const mixed = join(dir, "tron");
    mkdirSync(mixed);
    const names = ["so-a", "so-b", "so-c", "so-d", "so-e"];
    const unitOf = (n: string) => `Sở ${n.toUpperCase()}`;
    const base = async (n: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(xlsx);
      wb.worksheets[0].getCell("A5").value = `Đơn vị: ${unitOf(n)}`;
      const file = join(mixed, `${n}.xlsx`);
      await wb.xlsx.writeFile(file);
      return file;
    };
    await base("so-a");
    for (const [n, format] of [
      ["so-b", "xls"],
      ["so-c", "ods"],
    ]) {
      const tmp = join(dir, `tmp-${n}`);
      mkdirSync(tmp);
      const src = await base(n);
      const converted = convertWithLibreOffice(src, mixed, format);
      if (!converted.ok) throw new Error(converted.log);
      require("node:fs").rmSync(src);
    }
    const d = await base("so-d");
    writeFileSync(join(mixed, "so-d.csv"), await csvOf(d));
    require("node:fs").rmSync(d);
    await encodedTwin(await base("so-e"), join(mixed, "so-e-vni.xlsx"), toVni);
    require("node:fs").rmSync(join(mixed, "so-e.xlsx"));
    writeFileSync(join(mixed, "hong.xls"), Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(1024)]));

    const out = join(dir, "xep-hang-tron.xlsx");
    const r = await par("aggregate", mixed, "-o", out, "-c", SAMPLE_CATALOG);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Đã xếp hạng 5 đơn vị từ 5 tệp; bỏ qua 1 mục");
    expect(r.err).toContain(`Bỏ qua ${join(mixed, "hong.xls")}: Không đọc được tệp ${join(mixed, "hong.xls")}: tệp có dạng Excel 97-2003 (.xls) nhưng bị hỏng`);
    expect(r.err).toContain(`${join(mixed, "so-e-vni.xlsx")}: Chữ trong tệp được chuyển từ bảng mã VNI`);
    const ranking = (await readWorkbook(out)).grids.find((g) => g.name === "Xếp hạng")!;
    const text = JSON.stringify(ranking.values);
    for (const n of names) expect(text).toContain(unitOf(n));
    const indexes = ranking.values.filter((row) => row && names.some((n) => row.includes(unitOf(n)))).map((row) => row[2]);
    expect(indexes).toHaveLength(5);
    expect(new Set(indexes).size).toBe(1);
  });
});
