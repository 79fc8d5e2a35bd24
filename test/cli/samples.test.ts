import { readFileSync } from "node:fs";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { Finding } from "../../src/scoring";

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

  test("DEFECTS.md lists defects for all six sample workbooks, every finding kind among them", () => {
    expect([...planted.keys()].sort()).toEqual([
      "huyen/huyen-muong-cha.xlsx",
      "huyen/huyen-tuan-giao.xlsx",
      "so/so-noi-vu.xlsx",
      "so/so-tai-chinh.xlsx",
      "so/so-tu-phap.xlsx",
      "tinh-dien-bien-2018.xlsx",
    ]);
    const kinds = new Set([...planted.values()].flatMap((s) => [...s].map((x) => x.split(" ").pop()!)));
    expect(kinds.size).toBe(11);
  });

  test.each([...plantedDefects().keys()])("%s: each planted defect is found at its cell, and nothing else", async (file) => {
    const { code, findings } = await validate(file);
    const found = new Set(findings.map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.kind}`));
    expect([...found].sort()).toEqual([...planted.get(file)!].sort());
    expect(code).toBe(findings.some((f) => f.severity === "error") ? 1 : 0);
  });
});
