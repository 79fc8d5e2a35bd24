/**
 * Issue 24 through the command line: a value on another scale than its rule is an error in `par score` and a
 * score-invalid finding on the result cell in `par validate`; decomposed Unicode (NFD) in a rule or a catalogue reads
 * as the precomposed text.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Finding } from "../../src/scoring";
import dienBien2018 from "../../src/scoring/catalog/data/dien-bien-2018.json";
import { content, writeLayout } from "../support/layouts";
import { par, tempDir } from "../support/par";

const nfd = (s: string) => s.normalize("NFD");

describe("par score", () => {
  test("100 against 100%: 1 and 25 against 1.3.1 (>30%) are errors that say what to type, exit 2", async () => {
    const r = await par("score", "-r", "1.3.1", "-v", "25");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain('Quy tắc tính theo tỷ lệ phần trăm: gõ 25% hoặc 0,25. Giá trị "25" là số thường, không phải tỷ lệ (25 nghĩa là 2.500,00%)');
    expect((await par("score", "-r", "1.3.1", "-v", "25%")).out).toBe("0\n");
    expect((await par("score", "-r", "100%: 1", "-v", "100", "--lang", "en")).err).toContain("The rule is on a percentage scale: type 100% or 1.00.");
    expect((await par("score", "-r", "<=15/01/2019: 1; *: 0", "-v", "1")).err).toContain("Quy tắc tính theo ngày");
    expect((await par("score", "-r", ">=80: 1; *: 0", "-v", "0,95")).err).toContain("Quy tắc tính theo số lượng (các mức từ 80,00 trở lên)");
  });

  test("a rule and a value typed in decomposed Unicode score as precomposed", async () => {
    expect((await par("score", "-r", nfd("trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0"), "-v", "95%")).out).toBe("2\n");
    expect((await par("score", "-r", nfd('"Ban hành kịp thời": 1; *: 0'), "-v", nfd("ban hành kịp thời"))).out).toBe("1\n");
  });

  test("par explain takes --max like par score, and names the scale", async () => {
    const r = await par("explain", "-r", ">=80%: 2", "-v", "0,9", "--max", "1");
    expect(r.out).toBe("Giá trị 90,00% khớp mức 1 (>=80%: 2) → 2,00 điểm; giới hạn ở điểm tối đa 1,00 (quy tắc tính theo tỷ lệ phần trăm)\n");
  });
});

describe("par validate", () => {
  const dir = tempDir("par-scales-");

  test("a result on another scale is score-invalid on the result cell, with the message that says what to type", async () => {
    const book = join(dir, "scale.xlsx");
    await writeLayout(book, "plain", content({ "1.3.1": { value: 25, self: 1 }, "1.1.2": { value: 1, self: 1 }, "3.3.4": { value: 20, self: 1 } }));
    const r = await par("validate", book, "--json");
    const findings = JSON.parse(r.out) as Finding[];
    const scale = findings.filter((f) => f.kind === "score-invalid" && /tỷ lệ phần trăm/.test(f.message));
    expect(scale.map((f) => f.code)).toEqual(["1.3.1"]);
    expect(scale[0].severity).toBe("error");
    expect(scale[0].cell).toMatch(/^D\d+$/); // the result column ("Kết quả thực hiện")
    expect(scale[0].message).toContain("gõ 25% hoặc 0,25");
    expect(findings.filter((f) => (f.code === "1.1.2" || f.code === "3.3.4") && f.kind.startsWith("score-"))).toEqual([]);
  });

  test("a catalogue file written in decomposed Unicode: its worded rules score (they failed only when a score was computed)", async () => {
    const raw = JSON.parse(JSON.stringify(dienBien2018)) as { id: string; nodes: { code: string; children: unknown[] }[] };
    raw.id = "nfd-thu";
    const walk = (n: { code: string; rule?: string; children?: unknown[] }): void => {
      if (n.code === "1.3.1") n.rule = "trên 30%: 1; còn lại: 0";
      (n.children as (typeof n)[] | undefined)?.forEach(walk);
    };
    raw.nodes.forEach(walk);
    const catalogFile = join(dir, "nfd.json");
    writeFileSync(catalogFile, nfd(JSON.stringify(raw)));
    const book = join(dir, "nfd.xlsx");
    await writeLayout(book, "plain", content({ "1.3.1": { value: 0.35, self: 1 } }), ["Đơn vị: Sở Thử nghiệm"]);
    const r = await par("validate", book, "-c", catalogFile, "--json");
    const findings = JSON.parse(r.out) as Finding[];
    expect(findings.filter((f) => f.code === "1.3.1" && f.kind.startsWith("score-"))).toEqual([]);
    expect((await par("score", "-r", "1.3.1", "-v", "35%", "-c", catalogFile)).out).toBe("1\n");
  });
});
