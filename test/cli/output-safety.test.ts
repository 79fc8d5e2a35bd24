/**
 * Issue #8 "never silently wrong" (outputs) and #13 (temporary names, file-system errors): no command replaces an
 * existing file without --force, none ever replaces one of its own inputs, writes are all-or-nothing, and every
 * file-system failure is a sentence saying what to do.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { promises as fsp } from "node:fs";
import { join } from "node:path";
import { folderIgnoresCase } from "../../src/cli/outputs";
import { copySample, par, sha256, tempDir } from "../support/par";

jest.setTimeout(120_000);

const SUMMARY_INPUT = "so/so-tu-phap.xlsx";
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".tmp"));
const RAW_ERRNO = /\b(E[A-Z]{3,}|errno|syscall)\b|mkdir '|rename '|open '/;

describe("an existing file is replaced only with --force", () => {
  test("summary -o an unrelated workbook: exit 2, the file unchanged, the message names it and --force", async () => {
    const dir = tempDir();
    const input = copySample(SUMMARY_INPUT, dir);
    const other = copySample("so/so-noi-vu.xlsx", dir, "bao-cao-quy.xlsx");
    const before = sha256(other);
    const r = await par("summary", input, "-o", other);
    expect(r.code).toBe(2);
    expect(r.err).toContain(other);
    expect(r.err).toContain("--force");
    expect(sha256(other)).toBe(before);
    expect(existsSync(join(dir, "bao-cao-quy.html"))).toBe(false);
    const en = await par("summary", input, "-o", other, "--lang", "en");
    expect(en.err).toMatch(/already exists/);
    expect(en.err).toContain("--force");

    const forced = await par("summary", input, "-o", other, "--force");
    expect(forced.code).toBe(0);
    expect(sha256(other)).not.toBe(before);
    expect(leftovers(dir)).toEqual([]);
  });

  test("the HTML beside the output is an output too", async () => {
    const dir = tempDir();
    const input = copySample(SUMMARY_INPUT, dir);
    const html = join(dir, "ket-qua.html");
    writeFileSync(html, "<p>báo cáo cũ</p>");
    const r = await par("summary", input, "-o", join(dir, "ket-qua.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain(html);
    expect(readFileSync(html, "utf8")).toBe("<p>báo cáo cũ</p>");
    expect(existsSync(join(dir, "ket-qua.xlsx"))).toBe(false);
  });

  test("template and catalog export refuse too, and replace with --force", async () => {
    const dir = tempDir();
    for (const args of [["template"], ["catalog", "export", "dien-bien-2018"]]) {
      const out = join(dir, `${args[0]}.xlsx`);
      writeFileSync(out, "giữ nguyên");
      const r = await par(...args, "-o", out);
      expect(r.code).toBe(2);
      expect(r.err).toContain(out);
      expect(readFileSync(out, "utf8")).toBe("giữ nguyên");
      expect((await par(...args, "-o", out, "--force")).code).toBe(0);
      expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    }
    expect(leftovers(dir)).toEqual([]);
  });
});

describe("an input is never an output, even with --force", () => {
  test("aggregate FOLDER -o one of the folder's workbooks", async () => {
    const dir = tempDir();
    const so = join(dir, "so");
    mkdirSync(so);
    const target = copySample(SUMMARY_INPUT, so);
    copySample("so/so-noi-vu.xlsx", so);
    const before = sha256(target);
    for (const force of [[], ["--force"]]) {
      const r = await par("aggregate", so, "-o", target, ...force);
      expect(r.code).toBe(2);
      expect(r.err).toContain(target);
      expect(r.err).toMatch(/đầu vào/);
    }
    expect(sha256(target)).toBe(before);
    expect(existsSync(join(so, "so-tu-phap.html"))).toBe(false);
  });

  test("aggregate in.xlsx b.xlsx -o b.xlsx", async () => {
    const dir = tempDir();
    const a = copySample(SUMMARY_INPUT, dir, "in.xlsx");
    const b = copySample("so/so-noi-vu.xlsx", dir, "b.xlsx");
    const before = sha256(b);
    const r = await par("aggregate", a, b, "-o", b, "--force", "--lang", "en");
    expect(r.code).toBe(2);
    expect(r.err).toContain(b);
    expect(r.err).toMatch(/input/);
    expect(sha256(b)).toBe(before);
  });

  test("summary through a symlink to its input", async () => {
    const dir = tempDir();
    const input = copySample(SUMMARY_INPUT, dir);
    const link = join(dir, "lien-ket.xlsx");
    symlinkSync(input, link);
    const before = sha256(input);
    const r = await par("summary", input, "-o", link, "--force");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/đầu vào/);
    expect(sha256(input)).toBe(before);
  });

  test("summary report.html -o report.xlsx does not write report.html over its own input", async () => {
    const dir = tempDir();
    const input = join(dir, "report.html");
    writeFileSync(input, "<p>không phải sổ tính</p>");
    const r = await par("summary", input, "-o", join(dir, "report.xlsx"), "--force");
    expect(r.code).toBe(2);
    expect(r.err).toContain(input);
    expect(readFileSync(input, "utf8")).toBe("<p>không phải sổ tính</p>");
    expect(existsSync(join(dir, "report.xlsx"))).toBe(false);
  });

  test("a second aggregate into the input folder: the previous ranking is no input, --force replaces it", async () => {
    const dir = tempDir();
    const so = join(dir, "so");
    mkdirSync(so);
    copySample(SUMMARY_INPUT, so);
    copySample("so/so-noi-vu.xlsx", so);
    const out = join(so, "xep-hang.xlsx");
    expect((await par("aggregate", so, "-o", out)).code).toBe(0);
    const again = await par("aggregate", so, "-o", out);
    expect(again.code).toBe(2);
    expect(again.err).toContain("--force");
    const forced = await par("aggregate", so, "-o", out, "--force");
    expect(forced.code).toBe(0);
    expect(forced.out).toContain("2 đơn vị");
  });
});

describe("outputs that cannot be written: a sentence, exit 2, no partial file", () => {
  test("the output is a folder", async () => {
    const dir = tempDir();
    const input = copySample(SUMMARY_INPUT, dir);
    const folder = join(dir, "thu-muc.xlsx");
    mkdirSync(folder);
    const r = await par("summary", input, "-o", folder, "--force");
    expect(r.code).toBe(2);
    expect(r.err).toContain(folder);
    expect(r.err).toMatch(/thư mục/);
    expect(r.err).not.toMatch(RAW_ERRNO);
  });

  test("the HTML's name is a folder: nothing is written", async () => {
    const dir = tempDir();
    const input = copySample(SUMMARY_INPUT, dir);
    mkdirSync(join(dir, "ket-qua.html"));
    const r = await par("summary", input, "-o", join(dir, "ket-qua.xlsx"), "--force");
    expect(r.code).toBe(2);
    expect(r.err).toContain(join(dir, "ket-qua.html"));
    expect(existsSync(join(dir, "ket-qua.xlsx"))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  test("a device as the output (a link to /dev/full) is refused, with or without --force", async () => {
    const dir = tempDir();
    const link = join(dir, "day.xlsx");
    symlinkSync("/dev/full", link);
    for (const force of [[], ["--force"]]) {
      const r = await par("template", "-o", link, ...force);
      expect(r.code).toBe(2);
      expect(r.err).toContain(link);
      expect(r.err).toMatch(/không phải là tệp thông thường/);
    }
    expect(leftovers(dir)).toEqual([]);
  });

  test("a full disk (ENOSPC) while writing the second file: neither output exists, no temporary file", async () => {
    const dir = tempDir();
    const input = copySample(SUMMARY_INPUT, dir);
    const real = fsp.writeFile;
    let calls = 0;
    const spy = jest.spyOn(fsp, "writeFile").mockImplementation(async (...args: Parameters<typeof fsp.writeFile>) => {
      if (++calls % 2 === 0) throw Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28, syscall: "write" });
      return real(...args);
    });
    try {
      const r = await par("summary", input, "-o", join(dir, "ket-qua.xlsx"));
      expect(r.code).toBe(2);
      expect(r.err).toMatch(/đầy/);
      expect(r.err).toContain(join(dir, "ket-qua"));
      expect(r.err).not.toMatch(RAW_ERRNO);
      const en = await par("summary", input, "-o", join(dir, "ket-qua.xlsx"), "--lang", "en");
      expect(en.err).toMatch(/disk is full/);
    } finally {
      spy.mockRestore();
    }
    expect(existsSync(join(dir, "ket-qua.xlsx"))).toBe(false);
    expect(existsSync(join(dir, "ket-qua.html"))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  test("a folder on the way that is a file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a-file"), "x");
    const out = join(dir, "a-file", "out.xlsx");
    const r = await par("catalog", "export", "dien-bien-2018", "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain(join(dir, "a-file"));
    expect(r.err).not.toMatch(RAW_ERRNO);
    const en = await par("catalog", "export", "dien-bien-2018", "-o", out, "--lang", "en");
    expect(en.err).toMatch(/is a file, not a folder/);
  });

  test("a missing folder is created", async () => {
    const dir = tempDir();
    const out = join(dir, "moi", "con", "mau.xlsx");
    expect((await par("template", "-o", out)).code).toBe(0);
    expect(existsSync(out)).toBe(true);
  });
});

describe("temporary files", () => {
  test("a valid 250-character output name is written (the temporary name stays short)", async () => {
    const dir = tempDir();
    const input = copySample(SUMMARY_INPUT, dir);
    const out = join(dir, `${"a".repeat(245)}.xlsx`);
    const r = await par("summary", input, "-o", out);
    expect({ code: r.code, err: r.err }).toEqual({ code: 0, err: "" });
    expect(existsSync(out)).toBe(true);
    expect(existsSync(out.replace(/\.xlsx$/, ".html"))).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  test("a name the disk cannot hold is a sentence, not ENAMETOOLONG", async () => {
    const dir = tempDir();
    const out = join(dir, `${"a".repeat(300)}.xlsx`);
    const r = await par("template", "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/quá dài/);
    expect(r.err).not.toMatch(RAW_ERRNO);
  });
});

describe("folderIgnoresCase", () => {
  test("tells a case-sensitive folder from one where the case-swapped name is the same file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bao-cao.xlsx"), "x");
    const sensitive = existsSync(join(dir, "BAO-CAO.XLSX")) === false;
    expect(await folderIgnoresCase(dir, "bao-cao.xlsx")).toBe(!sensitive);
    writeFileSync(join(dir, "Khac.xlsx"), "y");
    if (sensitive) {
      writeFileSync(join(dir, "kHAC.XLSX"), "z");
      expect(await folderIgnoresCase(dir, "Khac.xlsx")).toBe(false);
    }
    expect(await folderIgnoresCase(dir, "123.456")).toBe(false);
  });
});
