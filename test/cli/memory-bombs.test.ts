/**
 * Issue #23, item 2: no input takes PAR Scorer past 1 GB. Each bomb runs the compiled CLI (bin/par.js → lib/,
 * built by `npm run build:cli`, as CI does before testing) in a child process under a 1 GB heap
 * (--max-old-space-size=1024), and must end in the clear refusal (exit 2, which limit, how to lift it), not in an
 * out-of-memory crash or a run of minutes. The files are built here from raw XML, streamed into the zip.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { copySample, tempDir } from "../support/par";
import { writeRawXlsx } from "../support/raw-xlsx-stream";

jest.setTimeout(600_000);

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "par.js");
const SHEET = "Tự chấm 2018";

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  err: string;
  out: string;
}

/** `par …args` in a child process whose heap is capped at 1 GB. */
function parUnder1GB(...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--max-old-space-size=1024", BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString("utf8")));
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, out, err }));
  });
}

const HEADER = `<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c><c r="B1" t="inlineStr"><is><t>Điểm tự chấm</t></is></c></row>`;

/** The bombs, built once: name → file. */
const bombs: Record<string, string> = {};
let dir: string;

beforeAll(async () => {
  if (!existsSync(join(ROOT, "lib", "cli", "main.js"))) throw new Error("lib/cli/main.js is missing: run npm run build:cli (CI builds before testing)");
  dir = tempDir();
  const folder = join(dir, "thu-muc");
  mkdirSync(folder);
  // A cell at column ZZZZZ (12 million): 3,4–3,7 GB and over 120 s before.
  bombs.column = join(folder, "cot-zzzzz.xlsx");
  await writeRawXlsx(bombs.column, [{ name: SHEET, rows: HEADER + `<row r="2"><c r="ZZZZZ2"><v>1</v></c></row>` }]);
  // 20 million shared strings (3,7–4,7 GB before).
  bombs.strings = join(folder, "chuoi.xlsx");
  await writeRawXlsx(bombs.strings, [{ name: SHEET, rows: HEADER + `<row r="2"><c r="B2" t="s"><v>0</v></c></row>` }], function* () {
    for (let i = 0; i < 20_000_000; i++) yield "<si><t>a</t></si>";
  });
  // 2 million empty strings: small enough unpacked (10 MB) that the count stops it, not the bytes.
  bombs.emptyStrings = join(folder, "chuoi-rong.xlsx");
  await writeRawXlsx(bombs.emptyStrings, [{ name: SHEET, rows: HEADER }], function* () {
    for (let i = 0; i < 2_000_000; i++) yield "<si/>";
  });
  // A sheet of 1 048 576 rows (3,4 GB in summary before).
  bombs.rows = join(folder, "dong.xlsx");
  await writeRawXlsx(bombs.rows, [
    {
      name: SHEET,
      rows: function* () {
        yield HEADER;
        // 40 bytes a row (42 MB in all, under the bytes limit): the count of cells stops it.
        for (let r = 2; r <= 1_048_576; r++) yield `<row r="${r}"><c r="B${r}"><v>1</v></c></row>`;
      },
    },
  ]);
  copySample("so/so-tu-phap.xlsx", folder);
});

describe("each bomb under a 1 GB heap: the clear refusal, exit 2", () => {
  test.each([
    ["column", ["validate"], /trang "Tự chấm 2018" có ô ZZZZZ2, nằm ngoài giới hạn của Excel/],
    ["column", ["summary"], /trang "Tự chấm 2018" có ô ZZZZZ2/],
    ["strings", ["validate"], /khi giải nén lớn hơn 77 MB, vượt giới hạn --max-cells 300000.*--max-cells 1200000/s],
    ["strings", ["summary"], /khi giải nén lớn hơn 77 MB/],
    ["emptyStrings", ["validate"], /có hơn 300\.000 chuỗi chữ trong bảng chuỗi dùng chung/],
    ["rows", ["validate"], /có hơn 300\.000 ô có dữ liệu \(đếm đến trang "Tự chấm 2018"\), vượt giới hạn --max-cells 300000/],
    ["rows", ["summary"], /có hơn 300\.000 ô có dữ liệu/],
  ])("%s bomb, %j", async (bomb, [command], message) => {
    const args = command === "summary" ? ["summary", bombs[bomb], "-o", join(dir, `${bomb}-out.xlsx`)] : [command, bombs[bomb]];
    const r = await parUnder1GB(...args);
    expect(r.err).not.toMatch(/heap out of memory|không mong đợi/);
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  test("aggregate of a folder of them: each refused with its reason, the good unit ranked", async () => {
    const r = await parUnder1GB("aggregate", join(dir, "thu-muc"), "-o", join(dir, "xep-hang.xlsx"), "--threads", "2");
    expect(r.err).not.toMatch(/heap out of memory|không mong đợi/);
    expect(r.signal).toBeNull();
    expect(r.code).not.toBe(3);
    const all = r.out + r.err;
    expect(all).toMatch(/cot-zzzzz\.xlsx[^\n]*ZZZZZ2/);
    expect(all).toMatch(/chuoi\.xlsx[^\n]*77 MB/);
    expect(all).toMatch(/chuoi-rong\.xlsx[^\n]*300\.000 chuỗi/);
    expect(all).toMatch(/dong\.xlsx[^\n]*300\.000 ô/);
    expect(all).toMatch(/Sở Tư pháp/);
  });
});
