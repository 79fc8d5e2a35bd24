/**
 * The ranking of 200 unit workbooks (the bench's, scores as formulas with cached values) compared cell by cell with
 * the ranking the code wrote before the speed work: faster must not mean different. Every sheet, every cell's value
 * and number format; `docProps` (the write time) is not a cell. To regenerate after an intended change to the
 * ranking: PAR_WRITE_GOLDEN=1 npx jest test/cli/ranking-golden.test.ts, and say why in the commit.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import ExcelJS from "exceljs";
import { par, tempDir } from "../support/par";

const { unitWorkbook } = require("../../bench/aggregate.js") as { unitWorkbook: (file: string, unit: string, variant: number) => Promise<void> };

const GOLDEN = join(__dirname, "golden", "ranking-200.json.gz");
const UNITS = 200;

type Dump = Record<string, { cells: [string, unknown, string?][]; state: string }>;

/** Every non-empty cell of every sheet: address, value (formulas with their result), number format when not General. */
async function dump(file: string): Promise<Dump> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Dump = {};
  for (const ws of wb.worksheets) {
    const cells: Dump[string]["cells"] = [];
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value instanceof Date ? cell.value.toISOString() : cell.value;
        const fmt = cell.numFmt && cell.numFmt !== "General" ? cell.numFmt : undefined;
        cells.push(fmt ? [cell.address, v, fmt] : [cell.address, v]);
      }),
    );
    out[ws.name] = { cells, state: ws.state };
  }
  return out;
}

test("par aggregate of 200 workbooks gives, cell by cell, the ranking the code gave before the speed work", async () => {
  const dir = tempDir("par-golden-");
  const units = join(dir, "units");
  mkdirSync(units);
  for (let i = 0; i < UNITS; i++) await unitWorkbook(join(units, `don-vi-${String(i).padStart(3, "0")}.xlsx`), `Đơn vị ${i + 1}`, i);
  const out = join(dir, "xep-hang.xlsx");
  const r = await par("aggregate", units, "-o", out, "--year", "2018");
  expect(r.code).toBe(0);
  // The file column names each workbook by its path: the same folder wherever the test runs.
  const got = JSON.parse(JSON.stringify(await dump(out)).split(JSON.stringify(dir).slice(1, -1)).join("<dir>")) as Dump;
  expect(Object.keys(got).length).toBeGreaterThan(UNITS);
  if (process.env.PAR_WRITE_GOLDEN === "1" || !existsSync(GOLDEN)) {
    if (process.env.CI) throw new Error(`${GOLDEN} is missing: write it with PAR_WRITE_GOLDEN=1 before the change it guards`);
    writeFileSync(GOLDEN, gzipSync(JSON.stringify(got)));
  }
  const want = JSON.parse(gunzipSync(readFileSync(GOLDEN)).toString("utf8")) as Dump;
  expect(Object.keys(got)).toEqual(Object.keys(want));
  for (const name of Object.keys(want)) {
    expect({ sheet: name, state: got[name].state }).toEqual({ sheet: name, state: want[name].state });
    const wantCells = new Map(want[name].cells.map((c) => [c[0], c]));
    const differing = got[name].cells.filter((c) => JSON.stringify(c) !== JSON.stringify(wantCells.get(c[0])));
    const missing = want[name].cells.filter((c) => !got[name].cells.some((g) => g[0] === c[0]));
    expect({ sheet: name, differing: differing.slice(0, 5), missing: missing.slice(0, 5) }).toEqual({ sheet: name, differing: [], missing: [] });
  }
});
