import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main";

async function par(...args: string[]) {
  let out = "";
  let err = "";
  const code = await run(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe("par score", () => {
  test("prints the points as a plain number", async () => {
    expect(await par("score", "--rule", "100%: 1; 80%..<100%: 0,5; <80%: 0", "--value", "85%")).toEqual({ code: 0, out: "0.5\n", err: "" });
  });

  test("a criterion code takes its rule and max from the catalogue", async () => {
    expect((await par("score", "-r", "3.3.4", "-v", "20")).out).toBe("1\n");
    expect((await par("score", "-r", "3.3.4", "-v", "19")).out).toBe("0\n");
    expect((await par("score", "-r", "7.1.3", "-v", "75%")).out).toBe("0.75\n");
  });

  test("--max caps the result", async () => {
    expect((await par("score", "-r", "*: x", "-v", "5", "--max", "1,5")).out).toBe("1.5\n");
  });

  test("a blank value prints an empty line and exits 0", async () => {
    expect(await par("score", "-r", ">=1: 1", "-v", "")).toEqual({ code: 0, out: "\n", err: "" });
  });

  test("not applicable is said in words", async () => {
    expect((await par("score", "-r", ">=1: 1", "-v", "KAD")).out).toBe("Không áp dụng\n");
  });

  test("a malformed rule is a message on stderr with its position, exit 2, no stack trace", async () => {
    const r = await par("score", "-r", "100%: 1; 80% 0,5", "-v", "1");
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toContain("ký tự 10");
    expect(r.err).not.toMatch(/\bat .*\.ts:\d+/);
  });

  test("an unknown criterion code", async () => {
    const r = await par("score", "-r", "9.9", "-v", "1");
    expect(r.code).toBe(2);
    expect(r.err).toContain('"9.9"');
  });

  test("a missing option is a usage error", async () => {
    const r = await par("score", "-r", ">=1: 1");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--value/);
  });

  test("a catalogue from a JSON file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-cli-"));
    const file = join(dir, "mine.json");
    writeFileSync(
      file,
      JSON.stringify({ id: "mine", name: "Thử", nodes: [{ code: "1", name: "Lĩnh vực", children: [{ code: "1.1", name: "A", max: 2, rule: ">=10: 2; *: 0" }] }] }),
    );
    expect((await par("score", "-r", "1.1", "-v", "12", "-c", file)).out).toBe("2\n");
  });
});

describe("par explain", () => {
  test("names the band that matched", async () => {
    expect((await par("explain", "-r", "100%: 1; 80%..<100%: 0,5; <80%: 0", "-v", "85%")).out).toBe(
      "Giá trị 85,00% khớp mức 2 (80%..<100%: 0,5) → 0,50 điểm (quy tắc tính theo tỷ lệ phần trăm)\n",
    );
  });

  test("in English", async () => {
    expect((await par("explain", "-r", ">=20: 1; *: 0", "-v", "19", "--lang", "en")).out).toBe("Value 19.00 matches band 2 (*: 0) → 0.00 points (the rule counts)\n");
  });
});

describe("par catalog", () => {
  test("list: one catalogue a line, id first", async () => {
    const lines = (await par("catalog", "list")).out.trim().split("\n");
    expect(lines.map((l) => l.split("\t")[0])).toEqual(["dien-bien-2018", "dien-bien-so"]);
  });

  test("show --json prints the catalogue JSON that loads back", async () => {
    const json = JSON.parse((await par("catalog", "show", "dien-bien-2018", "--json")).out);
    expect(json.id).toBe("dien-bien-2018");
    expect(json.nodes).toHaveLength(7);
    expect(json.nodes[0].children[1].code).toBe("1.2");
    expect(json.nodes[0].children[1].max).toBe(3);
  });

  test("show without --json prints the tree with maxima", async () => {
    const out = (await par("catalog", "show", "dien-bien-2018")).out;
    expect(out).toContain("  1.2  Thực hiện chế độ báo cáo định kỳ  (3,00 điểm)");
    expect(out).toContain("1  CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC  (9,00 điểm)");
  });

  test("an unknown id lists the known ones", async () => {
    const r = await par("catalog", "show", "khong-co");
    expect(r.code).toBe(2);
    expect(r.err).toContain("dien-bien-2018, dien-bien-so");
  });

  test("a broken catalogue file names the file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "par-cli-"));
    const file = join(dir, "broken.json");
    writeFileSync(file, "{ not json");
    const r = await par("catalog", "show", file);
    expect(r.code).toBe(2);
    expect(r.err).toContain("broken.json");
  });
});

describe("the installed bin (built by npm install)", () => {
  const bin = join(__dirname, "..", "..", "bin", "par.js");

  test("runs from the repo root and prints a plain number", async () => {
    expect(execFileSync("node", [bin, "score", "--rule", ">=20: 1; *: 0", "--value", "20"], { encoding: "utf8" })).toBe("1\n");
  });

  test("errors go to stderr with a non-zero exit", async () => {
    const r = spawnSync("node", [bin, "score", "--rule", ">=abc: 1", "--value", "1"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^Lỗi: Lỗi tại ký tự 3/);
  });
});
