/**
 * The README's images: each one it shows is in docs/, a PNG, and small (< 200 KB, so the README opens quickly), and
 * each rendered page of a report in docs/ is shown by the README.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(__dirname, "..", "..");
const readme = readFileSync(join(root, "README.md"), "utf8");
const shown = [...readme.matchAll(/<img src="(docs\/[^"]+)"/g)].map((m) => m[1]);

test("every image the README shows is a small PNG in docs/", () => {
  expect(shown.length).toBeGreaterThan(0);
  for (const file of shown) {
    const bytes = readFileSync(join(root, file));
    expect([file, bytes.subarray(1, 4).toString("latin1")]).toEqual([file, "PNG"]);
    expect([file, statSync(join(root, file)).size < 200 * 1024]).toEqual([file, true]);
  }
});

test("each rendered report page in docs/ is shown in the README, the .xlsx outputs among them", () => {
  const pages = readdirSync(join(root, "docs")).filter((f) => /^(report|xlsx)-.*\.png$/.test(f));
  expect(pages).toEqual(expect.arrayContaining(["xlsx-summary.png", "xlsx-plan.png", "xlsx-ranking.png", "xlsx-ranking-chart.png"]));
  for (const page of pages) expect(shown).toContain(`docs/${page}`);
});
