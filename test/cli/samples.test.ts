import { readFileSync } from "node:fs";
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

  test("DEFECTS.md lists defects for all ten sample workbooks, every finding kind of a scored sheet among them", () => {
    expect([...planted.keys()].sort()).toEqual([
      "huyen/huyen-dien-bien-dong.xlsx",
      "huyen/huyen-muong-cha.xlsx",
      "huyen/huyen-tuan-giao.xlsx",
      "quoc-gia/huyen-nam-po-2026.xlsx",
      "quoc-gia/huyen-tua-chua-2026.xlsx",
      "so/so-noi-vu.xlsx",
      "so/so-tai-chinh.xlsx",
      "so/so-tu-phap.xlsx",
      "so/so-y-te.xlsx",
      "tinh-dien-bien-2018.xlsx",
    ]);
    const kinds = new Set([...planted.values()].flatMap((s) => [...s].map((x) => x.split(" ").pop()!)));
    expect([...kinds].sort()).toEqual(FINDING_KINDS.filter((k) => k !== "unscored").sort());
  });

  test.each([...plantedDefects().keys()])("%s: each planted defect is found at its cell, and nothing else", async (file) => {
    const { code, findings } = await validate(file);
    const found = new Set(findings.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.kind}`));
    expect([...found].sort()).toEqual([...planted.get(file)!].sort());
    expect(code).toBe(findings.some((f) => f.severity === "error") ? 1 : 0);
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
