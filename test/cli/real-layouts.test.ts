/**
 * "Never silently wrong", end to end through `par` on .xlsx files built here the way provinces lay them out:
 * merged two- and three-row headers, column-numbering rows, Roman numerals with criteria numbered within their
 * field, headings instead of "Đơn vị:", no score column, unscored templates, scores above the maximum, deleted
 * rows, yes/no values against numeric bands, dangerous links, catalogues mixed in one folder, a stray far cell.
 * Each layout is checked against its plain twin: the same findings (by criterion and kind) and the same index.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/main";
import { builtinCatalog, Finding, walk } from "../../src/scoring";
import { catalog, content, Entry, nodes, what, writeLayout } from "../support/layouts";

jest.setTimeout(120_000);

const dir = mkdtempSync(join(tmpdir(), "par-layouts-"));

async function par(...args: string[]) {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

async function validateJson(file: string, ...args: string[]) {
  const r = await par("validate", file, "--json", ...args);
  return { ...r, findings: r.code === 2 ? [] : (JSON.parse(r.out) as Finding[]) };
}

async function summaryIndex(file: string, ...args: string[]): Promise<string> {
  const r = await par("summary", file, "-o", join(dir, `s-${Math.random().toString(36).slice(2)}.xlsx`), ...args);
  expect(r.code).toBe(0);
  return /Chỉ số CCHC: ([^;]+);/.exec(r.out)![1];
}

describe("merged multi-row headers and relative numbering read like their plain twin", () => {
  const entries: Record<string, Entry> = {
    "1.1.2": { self: 0.5, value: "80%", notes: "Còn 01 nhiệm vụ chưa hoàn thành" },
    "1.3.1": { self: 1, value: 0.35 },
    "2.1.1": { self: "đạt" },
    "3.1.1": { evidence: null },
  };
  const rows = content(entries);
  let plain: { findings: Finding[]; index: string };

  beforeAll(async () => {
    const file = join(dir, "plain.xlsx");
    await writeLayout(file, "plain", rows);
    plain = { findings: (await validateJson(file)).findings, index: await summaryIndex(file) };
    expect(plain.findings.length).toBeGreaterThan(0);
    expect(plain.index).toMatch(/^\d+,\d+ — xếp loại [A-D]$/);
  });

  test.each(["twoRow", "threeRow", "relative"] as const)("%s: the same findings and index (once index 0, class D, no errors)", async (layout) => {
    const file = join(dir, `${layout}.xlsx`);
    await writeLayout(file, layout, rows);
    const v = await validateJson(file);
    expect(v.code).toBe(1);
    expect(what(v.findings)).toEqual(what(plain.findings));
    expect(await summaryIndex(file)).toBe(plain.index);
  });

  test("the report says how the header and the numbering were read", async () => {
    for (const layout of ["twoRow", "relative"] as const) await writeLayout(join(dir, `said-${layout}.xlsx`), layout, rows);
    const two = await par("validate", join(dir, "said-twoRow.xlsx"));
    expect(two.out).toMatch(/dòng tiêu đề 5–6/);
    const relative = await par("validate", join(dir, "said-relative.xlsx"), "--lang", "en");
    expect(relative.out).toMatch(/numbered within fields/);
    const plainOut = await par("validate", join(dir, "plain.xlsx"));
    expect(plainOut.out).not.toMatch(/dòng tiêu đề|đánh số theo/);
  });

  test("\"Điểm đánh giá\" over \"Điều tra XHH | Tự đánh giá | SNV đánh giá\": self and appraised read, the survey column recognised", async () => {
    const file = join(dir, "survey.xlsx");
    const appraised = content(Object.fromEntries(nodes.filter((n) => !n.children.length).map((n) => [n.code, { appraised: n.max === null ? null : n.max / 2 }])));
    await writeLayout(file, "survey", appraised);
    const out = (await par("summary", file, "-o", join(dir, "survey-out.xlsx"))).out;
    // Official = appraised = half of every maximum.
    expect(out).toMatch(/Chỉ số CCHC: 50(,00)? — xếp loại D/);
  });
});

describe("a sheet without a score column is an error, never index 0", () => {
  test("names the headers found and the headers accepted; exit 2", async () => {
    const file = join(dir, "no-score.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Bảng");
    ws.addRow(["STT", "Nội dung", "Điểm tối đa", "Kết quả thực hiện", "TLKC"]);
    for (const n of nodes) ws.addRow([n.code, n.name, n.max, n.children.length ? null : "Đã thực hiện", null]);
    await wb.xlsx.writeFile(file);
    for (const command of [["validate", file], ["summary", file, "-o", join(dir, "no-score-out.xlsx")]]) {
      const r = await par(...command);
      expect(r.code).toBe(2);
      expect(r.err).toContain('"Kết quả thực hiện" (D1)');
      expect(r.err).toContain('"Điểm tự chấm"');
      expect(r.err).toContain('"SNV đánh giá"');
    }
    const en = await par("validate", file, "--lang", "en");
    expect(en.err).toMatch(/no self-score or appraised column/);
  });
});

describe("unscored is not clean", () => {
  const blank = content(Object.fromEntries(nodes.map((n) => [n.code, { self: null, evidence: null }])));

  test("validate: exit 1 with the finding kind unscored; summary: nothing to summarise; aggregate: left out with a line", async () => {
    const folder = join(dir, "unscored");
    mkdirSync(folder);
    await writeLayout(join(folder, "trong.xlsx"), "plain", blank, ["Đơn vị: Sở Chưa chấm", "Bộ tiêu chí: dien-bien-2018"]);
    await writeLayout(join(folder, "da-cham.xlsx"), "plain", content(), ["Đơn vị: Sở Đã chấm", "Bộ tiêu chí: dien-bien-2018"]);
    const v = await validateJson(join(folder, "trong.xlsx"));
    expect(v.code).toBe(1);
    expect(v.findings.map((f) => f.kind)).toEqual(["unscored"]);
    expect(v.findings[0]).toMatchObject({ severity: "error", code: null, cell: "E5" });

    const s = await par("summary", join(folder, "trong.xlsx"), "-o", join(dir, "trong-out.xlsx"));
    expect(s.code).toBe(2);
    expect(s.err).toMatch(/chưa có điểm nào nên không có gì để tổng hợp/);

    const a = await par("aggregate", folder, "-o", join(dir, "unscored-rank.xlsx"));
    expect(a.code).toBe(0);
    expect(a.err).toMatch(/Sở Chưa chấm \(trang "Tự đánh giá"\) chưa có điểm nào: không xếp hạng/);
    expect(a.out).toMatch(/Đã xếp hạng 1 đơn vị/);
  });
});

describe("the index is bounded and its denominator is the catalogue's", () => {
  const total = catalog.nodes.reduce((a, n) => a + (walk([n]).filter((x) => !x.children.length).reduce((b, x) => b + (x.max ?? 0), 0)), 0);

  test("a leaf scored above its maximum counts its maximum (once 107 % and rank 1)", async () => {
    const file = join(dir, "over.xlsx");
    await writeLayout(file, "plain", content({ "1.1.2": { self: 5 } }));
    const v = await validateJson(file);
    expect(v.findings.some((f) => f.code === "1.1.2" && f.kind === "score-over-max")).toBe(true);
    expect(await summaryIndex(file)).toBe("100,00 — xếp loại A");
  });

  test("a deleted row is a missing criterion scored 0, not a smaller denominator", async () => {
    const file = join(dir, "deleted.xlsx");
    const dropped = nodes.find((n) => n.code === "1.2")!;
    await writeLayout(file, "plain", content({}, ["1.2"]));
    const v = await validateJson(file);
    expect(v.findings.some((f) => f.code === "1.2" && f.kind === "missing-criterion")).toBe(true);
    const expected = Math.round(((total - dropped.max!) / total) * 10000) / 100;
    expect(await summaryIndex(file)).toBe(`${String(expected).replace(".", ",")} — xếp loại A`);
  });

  test("a smaller maximum typed on the sheet does not shrink the denominator", async () => {
    const file = join(dir, "smaller-max.xlsx");
    const rows = content({ "1.2": { self: 0 } }).map((r) => (r.node.code === "1.2" ? { ...r, node: { ...r.node, max: 0 } } : r));
    await writeLayout(file, "plain", rows);
    const v = await validateJson(file);
    expect(v.findings.some((f) => f.code === "1.2" && f.kind === "score-mismatch")).toBe(true);
    const expected = Math.round(((total - 3) / total) * 10000) / 100;
    expect(await summaryIndex(file)).toBe(`${String(expected).replace(".", ",")} — xếp loại A`);
  });
});

describe("yes/no values against numeric bands", () => {
  test("par score: a yes/no value matches only yes/no bands and *; no band of its type is an error", async () => {
    expect((await par("score", "--rule", "<=31/12/2012: 1; >31/12/2012: 0,5; không: 0", "--value", "không")).out).toBe("0\n");
    const refused = await par("score", "--rule", "<=31/12/2012: 1; >31/12/2012: 0,5", "--value", "không");
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/quy tắc chỉ có mức cho số, tỷ lệ % hoặc ngày/);
    expect((await par("score", "--rule", "<=4: 1 - 0,25*x; *: 0", "--value", "có")).out).toBe("0\n");
    expect((await par("score", "--rule", "<=4: 1 - 0,25*x; *: 0", "--value", "2")).out).toBe("0.5\n");
  });

  test("in a sheet scored by the rules, \"không\" against a date band is a finding, never 1 point", async () => {
    const file = join(dir, "yes-no.json");
    writeFileSync(
      file,
      JSON.stringify({
        id: "co-khong",
        name: "Có/không",
        nodes: [
          {
            code: "1",
            name: "A",
            children: [
              { code: "1.1", name: "Ban hành đúng hạn", max: 1, rule: "<=31/12/2012: 1; >31/12/2012: 0,5; không: 0" },
              { code: "1.2", name: "Báo cáo trễ", max: 1, rule: "<=31/12/2012: 1; >31/12/2012: 0,5" },
            ],
          },
        ],
      }),
    );
    const book = join(dir, "yes-no.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.addRow(["Mã", "Tiêu chí", "Kết quả", "TLKC", "Ghi chú"]);
    ws.addRow(["1", "A"]);
    ws.addRow(["1.1", "Ban hành đúng hạn", "không", null, "Chưa ban hành"]);
    ws.addRow(["1.2", "Báo cáo trễ", "không", null, "Không báo cáo"]);
    await wb.xlsx.writeFile(book);
    const out = await par("summary", book, "--catalog", file, "-o", join(dir, "yes-no-out.xlsx"));
    expect(out.code).toBe(0);
    expect(out.out).toMatch(/Chỉ số CCHC: 0(,00)? — xếp loại D/);
  });
});

describe("evidence with a dangerous scheme", () => {
  test.each(["javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "file://may-chu/chia-se/bc.pdf"])(
    "%s is evidence-invalid, and no output makes it a live link",
    async (link) => {
      const file = join(dir, `danger-${Math.random().toString(36).slice(2)}.xlsx`);
      await writeLayout(file, "plain", content({ "1.1.1": { evidence: link } }));
      const v = await validateJson(file);
      expect(v.findings.find((f) => f.code === "1.1.1" && f.kind === "evidence-invalid")?.severity).toBe("error");
      const out = join(dir, `danger-out-${Math.random().toString(36).slice(2)}.xlsx`);
      expect((await par("summary", file, "-o", out)).code).toBe(0);
      const html = readFileSync(out.replace(/\.xlsx$/, ".html"), "utf8");
      expect(html).not.toMatch(/href\s*=\s*["']?\s*(javascript|vbscript|data|file):/i);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      for (const name of ["Tổng hợp", "Kế hoạch cải thiện"]) {
        wb.getWorksheet(name)!.eachRow((row) => row.eachCell((cell) => expect(cell.hyperlink).toBeUndefined()));
      }
    },
  );
});

describe("the unit's name", () => {
  test.each([
    [["SỞ TƯ PHÁP"], "Sở Tư pháp"],
    [["UBND HUYỆN MƯỜNG CHÀ"], "UBND huyện Mường Chà"],
    [["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SỞ NỘI VỤ"], "Sở Nội vụ"],
    [["Đơn vị: Sở Y tế", "SỞ TƯ PHÁP"], "Sở Y tế"],
  ])("title lines %j name the unit %s before the file name does", async (titles, unit) => {
    const file = join(dir, "ten-tep.xlsx");
    await writeLayout(file, "plain", content(), titles);
    const r = await par("validate", file);
    expect(r.out).toContain(`đơn vị: ${unit}`);
  });
});

describe("units scored against different catalogues are never ranked in one list", () => {
  test("each catalogue its own group; a user group that mixes them is split by catalogue", async () => {
    const folder = join(dir, "mixed");
    mkdirSync(folder);
    await writeLayout(join(folder, "tinh.xlsx"), "plain", content(), ["Đơn vị: UBND tỉnh", "Bộ tiêu chí: dien-bien-2018"]);
    const samples = join(__dirname, "..", "..", "samples");
    writeFileSync(join(folder, "so.xlsx"), readFileSync(join(samples, "so", "so-noi-vu.xlsx")));
    const plainRun = await par("aggregate", folder, "-o", join(dir, "mixed-rank.xlsx"));
    expect(plainRun.code).toBe(0);
    expect(plainRun.err).toMatch(/2 bộ tiêu chí khác nhau \(dien-bien-2018, dien-bien-so\)/);
    const groupsOf = async (file: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      const texts: string[] = [];
      wb.worksheets[0].eachRow((row) => row.eachCell((c) => typeof c.value === "string" && texts.push(c.value)));
      return texts;
    };
    const texts = await groupsOf(join(dir, "mixed-rank.xlsx"));
    expect(texts.some((t) => t.includes(catalog.name))).toBe(true);
    expect(texts.some((t) => t.includes(builtinCatalog("dien-bien-so").name))).toBe(true);

    const grouped = await par("aggregate", folder, "-o", join(dir, "mixed-rank-2.xlsx"), "--groups", `${folder}=Tất cả`);
    expect(grouped.code).toBe(0);
    const texts2 = await groupsOf(join(dir, "mixed-rank-2.xlsx"));
    expect(texts2.some((t) => t.includes("Tất cả — dien-bien-2018"))).toBe(true);
    expect(texts2.some((t) => t.includes("Tất cả — dien-bien-so"))).toBe(true);
  });
});

describe("memory follows the data", () => {
  test("a stray cell at XFD1048576 (a whole formatted column does this) is read, validated and summarised", async () => {
    const file = join(dir, "stray.xlsx");
    await writeLayout(file, "plain", content());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.worksheets[0].getCell("XFD1048576").value = " ";
    wb.worksheets[0].getCell("XFD1048575").value = "x";
    await wb.xlsx.writeFile(file);
    const v = await par("validate", file);
    expect(v.code).toBeLessThan(2);
    expect(v.out).toContain("đơn vị: Sở Thử nghiệm");
  });
});

describe("evidence merged over several criterion rows", () => {
  test("belongs to every row it covers: the same findings as the unmerged twin (once 10 more errors, 9 more warnings)", async () => {
    const evidence = "Kế hoạch CCHC năm 2018 số 3790/KH-UBND ngày 27/12/2017\nBáo cáo CCHC năm số 250/BC-UBND ngày 05/12/2018";
    const shared = ["1.1.1", "1.1.2", "1.3.1", "1.3.2", "1.4.1", "1.4.2"];
    const rows = content(Object.fromEntries(shared.map((code) => [code, { evidence }])));
    const twin = join(dir, "evidence-twin.xlsx");
    await writeLayout(twin, "plain", rows);
    const merged = join(dir, "evidence-merged.xlsx");
    const unmergedRows = content(Object.fromEntries(shared.map((code, i) => [code, { evidence: i % 2 === 0 ? evidence : null }])));
    await writeLayout(merged, "plain", unmergedRows);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(merged);
    const ws = wb.worksheets[0];
    // Merge each criterion's evidence cell down over its two sub-criteria (F of 1.1.1 over 1.1.2, and so on).
    const rowOf = (code: string) => {
      let found = 0;
      ws.eachRow((row, n) => row.getCell(1).value === code && (found = n));
      return found;
    };
    for (const [a, b] of [["1.1.1", "1.1.2"], ["1.3.1", "1.3.2"], ["1.4.1", "1.4.2"]]) ws.mergeCells(`F${rowOf(a)}:F${rowOf(b)}`);
    await wb.xlsx.writeFile(merged);
    const [m, t] = [await validateJson(merged), await validateJson(twin)];
    expect(what(m.findings)).toEqual(what(t.findings));
    // A finding about merged evidence points at the merged cell itself (its top-left), where the user types.
    expect(m.findings.find((f) => f.code === "1.3.2" && f.kind === "missing-evidence")?.cell).toBe(`F${rowOf("1.3.1")}`);
  });
});
