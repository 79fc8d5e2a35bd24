/**
 * "Never silently wrong" through the Excel adapter over the stand-in: the same .xlsx files the CLI test builds
 * (merged cells really merged), opened as Excel would show them to Office.js, validated and summarised in the
 * task pane's code path. Findings and index must equal what `par` says of the same file — one code path.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";
import { Finding } from "../../src/scoring";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { catalog, content, Layout, what, writeLayout } from "../support/layouts";
import { createFakeExcel, fakeDeps, workbookSeeds } from "./excel-fixtures";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "par-pane-layouts-"));

async function pane(file: string, apiVersion?: string) {
  const sheets = await workbookSeeds(file, { merges: true });
  const fake = createFakeExcel({ sheets, active: sheets[0].name, ...(apiVersion ? { apiVersion } : {}) });
  return createExcelActions(fakeDeps(fake).deps);
}

async function cli(file: string): Promise<{ code: number; findings: Finding[]; out: string }> {
  let out = "";
  const code = await run(["validate", file, "--json"], { out: (t) => (out += t), err: () => undefined, isTTY: false });
  return { code, findings: code === 2 ? [] : (JSON.parse(out) as Finding[]), out };
}

async function cliIndex(file: string): Promise<number | null> {
  let out = "";
  await run(["summary", file, "-o", join(dir, `o-${Math.random().toString(36).slice(2)}.xlsx`)], { out: (t) => (out += t), err: () => undefined });
  const m = /Chỉ số CCHC: (\d+(?:,\d+)?)/.exec(out);
  return m ? Number(m[1].replace(",", ".")) : null;
}

const rows = content({ "1.1.2": { self: 0.5, value: "80%", notes: "Còn 01 nhiệm vụ" }, "2.1.1": { self: "đạt" }, "3.1.1": { evidence: null } });

describe.each<[Layout, string | undefined]>([
  ["twoRow", undefined],
  ["twoRow", "1.12"],
  ["threeRow", undefined],
  ["relative", undefined],
])("%s (ExcelApi %s): the pane finds exactly what par finds, at the same cells, and the same index", (layout, apiVersion) => {
  test("validate and summary", async () => {
    const file = join(dir, `${layout}-${apiVersion ?? "latest"}.xlsx`);
    await writeLayout(file, layout, rows);
    const actions = await pane(file, apiVersion);
    const validation = await actions.validateActiveSheet(catalog, "vi");
    const byCli = await cli(file);
    expect(byCli.code).toBe(1);
    const where = (fs: Finding[]) => fs.map((f) => `${f.cell} ${what([f])[0]}`).sort();
    expect(where(validation.findings)).toEqual(where(byCli.findings));
    expect(validation.scored).toBe(true);
    const summary = await actions.generateSummary(catalog, "vi");
    expect(summary.index).toBe(await cliIndex(file));
    expect(summary.index).toBeGreaterThan(80);
  });
});

test("no score column: the pane refuses with the headers found and accepted, as par does", async () => {
  const file = join(dir, "no-score.xlsx");
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Bảng");
  ws.addRow(["STT", "Nội dung", "Điểm tối đa", "Kết quả thực hiện", "TLKC"]);
  ws.addRow(["1.1.1", "Kế hoạch", 0.5, "Đã ban hành", null]);
  await wb.xlsx.writeFile(file);
  const actions = await pane(file);
  const error = await actions.validateActiveSheet(catalog, "vi").then(
    () => null,
    (e: { text: (l: "vi" | "en") => string }) => e,
  );
  expect(error?.text("vi")).toContain('"Kết quả thực hiện" (D1)');
  expect(error?.text("en")).toMatch(/no self-score or appraised column/);
});

test("unscored, over the maximum, a dangerous link, a unit heading: as par says", async () => {
  const blank = join(dir, "blank.xlsx");
  await writeLayout(blank, "twoRow", content(Object.fromEntries(rows.map((r) => [r.node.code, { self: null, evidence: null }]))), ["BẢNG TỰ CHẤM"]);
  const v = await (await pane(blank)).validateActiveSheet(catalog, "vi");
  expect(v.scored).toBe(false);
  expect(v.findings.map((f) => f.kind)).toEqual(["unscored"]);

  const odd = join(dir, "odd.xlsx");
  await writeLayout(odd, "plain", content({ "1.1.2": { self: 5 }, "1.1.1": { evidence: "javascript:alert(1)" } }), ["SỞ TƯ PHÁP"]);
  const actions = await pane(odd);
  const validation = await actions.validateActiveSheet(catalog, "vi");
  expect(validation.unit).toBe("Sở Tư pháp");
  expect(validation.findings.find((f) => f.code === "1.1.2")?.kind).toBe("score-over-max");
  expect(validation.findings.find((f) => f.code === "1.1.1" && f.kind === "evidence-invalid")?.severity).toBe("error");
  const summary = await actions.generateSummary(catalog, "vi");
  expect(summary.index).toBeLessThanOrEqual(100);
  expect(summary.index).toBe(await cliIndex(odd));
});
