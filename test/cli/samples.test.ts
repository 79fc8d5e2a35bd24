import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { Finding, FINDING_KINDS } from "../../src/scoring";

jest.setTimeout(60_000);

const root = join(__dirname, "..", "..", "samples");

/** The planted defects, from the table in samples/DEFECTS.md: file | sheet | cell | code | kind | what. */
function plantedDefects(): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const line of readFileSync(join(root, "DEFECTS.md"), "utf8").split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    if (cells.length < 7 || !cells[1].endsWith(".xlsx")) continue;
    const [, file, sheet, cell, code, kind] = cells;
    if (!byFile.has(file)) byFile.set(file, new Set());
    byFile.get(file)!.add(`${sheet}!${cell} ${code} ${kind}`);
  }
  return byFile;
}

async function validate(file: string): Promise<{ code: number; findings: Finding[] }> {
  let out = "";
  const code = await run(["validate", join(root, file), "--json"], { out: (t) => (out += t), err: () => undefined });
  return { code, findings: JSON.parse(out) as Finding[] };
}

describe("the bundled samples", () => {
  const planted = plantedDefects();

  test("DEFECTS.md lists defects for fourteen sample workbooks, every finding kind of a scored sheet among them", () => {
    expect([...planted.keys()].sort()).toEqual([
      "2026/phuong/phuong-le-chan.xlsx",
      "2026/xa/xa-tien-lang.xlsx",
      "huyen/huyen-dien-bien-dong.xlsx",
      "huyen/huyen-muong-cha.xlsx",
      "huyen/huyen-tuan-giao.xlsx",
      "mau-dia-phuong/so-xay-dung-muc-diem.xlsx",
      "mau-dia-phuong/xa-muong-phang-ma-bang-chu.xlsx",
      "quoc-gia/huyen-nam-po-2026.xlsx",
      "quoc-gia/huyen-tua-chua-2026.xlsx",
      "so/so-noi-vu.xlsx",
      "so/so-tai-chinh.xlsx",
      "so/so-tu-phap.xlsx",
      "so/so-y-te.xlsx",
      "tinh-dien-bien-2018.xlsx",
    ]);
    const kinds = new Set([...planted.values()].flatMap((s) => [...s].map((x) => x.split(" ").pop()!)));
    // The evidence-file kinds need the documents themselves (--evidence DIR): test/cli/evidence.test.ts plants them.
    const needDocuments = ["evidence-not-found", "evidence-mismatch", "evidence-out-of-period", "evidence-unreadable"];
    // The appraisal kinds come from merging the council's forms (par appraise merge): test/cli/appraise-*.test.ts.
    const needForms = ["appraisal-conflict", "appraisal-no-reason", "appraisal-missing", "appraisal-unknown"];
    // A formula saved without its result needs a file written by a tool that never calculated: test/cli/reader-quirks.test.ts.
    const needUncalculated = ["formula-uncalculated"];
    expect([...kinds].sort()).toEqual(
      FINDING_KINDS.filter((k) => k !== "unscored" && !needDocuments.includes(k) && !needForms.includes(k) && !needUncalculated.includes(k)).sort(),
    );
  });

  test.each([...plantedDefects().keys()])("%s: each planted defect is found at its cell, and nothing else", async (file) => {
    const { code, findings } = await validate(file);
    const found = new Set(findings.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.kind}`));
    expect([...found].sort()).toEqual([...planted.get(file)!].sort());
    expect(code).toBe(findings.some((f) => f.severity === "error") ? 1 : 0);
  });
});

describe("the 2025–2026 samples (two-tier local government)", () => {
  const clean = ["2026/so/so-noi-vu.xlsx", "2026/so/so-tu-phap.xlsx", "2026/phuong/phuong-hong-bang.xlsx", "2026/xa/xa-an-lao.xlsx", "2026/xa/dac-khu-cat-hai.xlsx"];

  test.each(clean)("%s: no planted defect, no finding", async (file) => {
    expect(plantedDefects().has(file)).toBe(false);
    expect((await validate(file)).findings).toEqual([]);
  });

  test("the README's first command: sở, phường, xã và đặc khu ranked apart, names checked against Hải Phòng's official units", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-samples-"));
    let out = "";
    let err = "";
    const io = { out: (t: string) => (out += t), err: (t: string) => (err += t) };
    expect(await run(["summary", join(root, "2026/so/so-noi-vu.xlsx"), "-o", join(dir, "tong-hop.xlsx")], io)).toBe(0);
    expect(out).toContain("mau-so-2026");
    out = "";
    expect(await run(["aggregate", join(root, "2026"), "-o", join(dir, "xep-hang.xlsx")], io)).toBe(0);
    expect(out).toContain("Sở, ban, ngành: 2; UBND phường: 2; UBND xã, đặc khu: 3");
    expect(out).toContain("Đã xếp hạng 7 đơn vị từ 7 tệp");
    expect(err).toContain("thành phố Hải Phòng: 114 xã, phường, đặc khu");
    expect(err).toContain("đều đúng tên");
  });

  test("the 2026 catalogues are samples at the new levels, Điện Biên's stay dated 2018", () => {
    const level = (f: string) => (JSON.parse(readFileSync(join(root, f), "utf8")) as { level: string; year: number; name: string });
    expect(level("bo-tieu-chi-so-2026.json")).toMatchObject({ level: "department", year: 2026 });
    expect(level("bo-tieu-chi-phuong-2026.json")).toMatchObject({ level: "ward", year: 2026 });
    expect(level("bo-tieu-chi-xa-2026.json")).toMatchObject({ level: "commune", year: 2026 });
    for (const f of ["bo-tieu-chi-so-2026.json", "bo-tieu-chi-phuong-2026.json", "bo-tieu-chi-xa-2026.json"]) expect(level(f).name).toContain("mẫu, không phải văn bản chính thức");
    expect(level("bo-tieu-chi-cap-so-2018.json").year).toBe(2018);
  });
});

describe("samples laid out as provinces lay them out", () => {
  async function validateText(file: string, ...args: string[]): Promise<string> {
    let out = "";
    await run(["validate", join(root, file), ...args], { out: (t) => (out += t), err: () => undefined });
    return out;
  }

  test("a two-row merged header: the unit named by its heading, the header rows said", async () => {
    const out = await validateText("so/so-y-te.xlsx");
    expect(out).toContain("đơn vị: Sở Y tế (dòng tiêu đề 6–7)");
  });

  test("Roman fields with criteria numbered within them and lettered sub-criteria: the numbering is said", async () => {
    const out = await validateText("huyen/huyen-dien-bien-dong.xlsx");
    expect(out).toContain("đơn vị: UBND huyện Điện Biên Đông");
    expect(out).toContain("đánh số theo lĩnh vực");
    expect(await validateText("huyen/huyen-dien-bien-dong.xlsx", "--lang", "en")).toContain("numbered within fields");
  });

  test.each([...plantedDefects().keys()].filter((f) => f.startsWith("so/") || f.startsWith("huyen/")))(
    "%s: the same findings with the catalogue that supplies the points (samples/bo-tieu-chi-cap-so-2018.json)",
    async (file) => {
      let out = "";
      await run(["validate", join(root, file), "--json", "--catalog", join(root, "bo-tieu-chi-cap-so-2018.json")], {
        out: (t) => (out += t),
        err: () => undefined,
      });
      const found = new Set((JSON.parse(out) as Finding[]).map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.kind}`));
      expect([...found].sort()).toEqual([...plantedDefects().get(file)!].sort());
    },
  );
});
