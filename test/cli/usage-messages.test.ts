/** Issue #12 (messages): command-line mistakes in Vietnamese (English with --lang en), and English plurals. */
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { copySample, par, SAMPLE_CATALOG, tempDir } from "../support/par";

jest.setTimeout(60_000);

describe("command-line mistakes say what to add, in the user's language", () => {
  test("a missing required option (-o)", async () => {
    const dir = tempDir();
    const book = copySample("so/so-tu-phap.xlsx", dir);
    const vi = await par("summary", book);
    expect(vi.code).toBe(2);
    expect(vi.err).toBe('Lỗi: Lệnh "par summary" cần tùy chọn -o, --output <out.xlsx> (tệp kết quả (output workbook); một báo cáo .html có biểu đồ được ghi bên cạnh). Thêm -o <out.xlsx> vào câu lệnh. Xem: par summary --help\n');
    const en = await par("summary", book, "--lang", "en");
    expect(en.err).toMatch(/^Error: The command "par summary" needs the option -o, --output <out.xlsx> .*Add -o <out.xlsx> to the command\. See: par summary --help\n$/);
  });

  test("an unknown option, with a suggestion", async () => {
    const dir = tempDir();
    const r = await par("template", "-o", join(dir, "x.xlsx"), "--forse");
    expect(r.code).toBe(2);
    expect(r.err).toContain('Lệnh "par template" không có tùy chọn --forse. Có phải ý bạn là --force?');
    expect(r.err).not.toMatch(/error: unknown option/);
    expect(existsSync(join(dir, "x.xlsx"))).toBe(false);
  });

  test("a missing argument and too many arguments", async () => {
    const missing = await par("validate");
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('Lệnh "par validate" thiếu <book>');
    const extra = await par("validate", "Sở", "Tư", "pháp.xlsx");
    expect(extra.code).toBe(2);
    expect(extra.err).toContain('có thêm: "Tư", "pháp.xlsx"');
    expect(extra.err).toContain("ngoặc kép");
    const en = await par("validate", "a.xlsx", "b.xlsx", "--lang", "en");
    expect(en.err).toContain('takes 1 argument but got more: "b.xlsx"');
  });

  test("a value not among the choices, an option without its value, an unknown command", async () => {
    const choice = await par("score", "-r", "1", "-v", "1", "--lang", "fr");
    expect(choice.code).toBe(2);
    expect(choice.err).toContain('Giá trị "fr" của tùy chọn --lang <lang> không hợp lệ. Chọn một trong: vi, en.');
    const value = await par("score", "-r", "1", "-v");
    expect(value.err).toContain("Tùy chọn -v, --value <value> cần một giá trị ngay sau nó, ví dụ -v <value>.");
    const command = await par("validat", "x.xlsx");
    expect(command.code).toBe(2);
    expect(command.err).toContain('Không có lệnh "validat". Có phải ý bạn là validate?');
  });

  test("help and version still exit 0", async () => {
    expect((await par("--version")).code).toBe(0);
    expect((await par("summary", "--help")).code).toBe(0);
  });
});

describe("English counts are singular for one", () => {
  test("validate and summary: 1 warning, 5 errors", async () => {
    const dir = tempDir();
    const book = copySample("so/so-tu-phap.xlsx", dir);
    const v = await par("validate", book, "--lang", "en");
    expect(v.out).toContain("Total: 5 errors, 1 warning.");
    const s = await par("summary", book, "-o", join(dir, "out.xlsx"), "--lang", "en", "-c", SAMPLE_CATALOG);
    expect(s.out).toMatch(/; 5 errors, 1 warning; 10 criteria lost points/);
  });

  test("aggregate: 1 unit from 1 workbook", async () => {
    const dir = tempDir();
    const book = copySample("so/so-tu-phap.xlsx", dir);
    const r = await par("aggregate", book, "-o", join(dir, "rank.xlsx"), "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Ranked 1 unit from 1 workbook\. Written: /);
  });

  test("template: 1 criterion", async () => {
    const dir = tempDir();
    const catalog = join(dir, "mot.json");
    writeFileSync(catalog, JSON.stringify({ id: "mot", name: "Một", nodes: [{ code: "1", name: "Lĩnh vực", max: 1 }] }));
    const r = await par("template", "-c", catalog, "-o", join(dir, "mau.xlsx"), "--lang", "en");
    expect(r.code).toBe(0);
    expect(r.out).toContain("(catalogue mot, 1 criterion)");
  });
});
