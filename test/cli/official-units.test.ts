/**
 * Issue #21: since 1 July 2025 departments, wards, and communes with special zones are ranked apart; unit names
 * are checked against the official units of the province; a unit formed in 2025 is compared with its predecessors.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { copySample, par, SAMPLE_CATALOG, tempDir } from "../support/par";

jest.setTimeout(120_000);

/** A copy of the sample so-tu-phap.xlsx whose unit is `unit`; `zeroes` of its first criteria self-scored 0 instead of 1. */
async function unitBook(dir: string, unit: string, zeroes = 0): Promise<string> {
  const file = copySample("so/so-tu-phap.xlsx", dir, `${unit.replace(/\s+/g, "-")}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  ws.getCell("A2").value = unit.toUpperCase();
  ws.getCell("A5").value = `Đơn vị: ${unit}`;
  for (let i = 0; i < zeroes; i++) {
    ws.getCell(`E${11 + i}`).value = 0;
    ws.getCell(`G${11 + i}`).value = "Chưa thực hiện";
  }
  await wb.xlsx.writeFile(file);
  return file;
}

async function sheetValues(file: string, name: string): Promise<string> {
  const grid = (await readWorkbook(file)).grids.find((g) => g.name === name);
  if (!grid) throw new Error(`no sheet ${name}`);
  return JSON.stringify(grid.values);
}

describe("ranked apart without --groups", () => {
  test("a folder of wards, communes, a special zone and departments is ranked in three groups, and the output says so", async () => {
    const dir = tempDir();
    const units = join(dir, "don-vi");
    mkdirSync(units);
    const names = ["Sở Nội vụ", "SỞ TƯ PHÁP", "UBND phường Hồng Bàng", "UBND PHƯỜNG LÊ CHÂN", "UBND xã An Lão", "xa Kien Thuy", "Đặc khu Cát Hải"];
    for (const [i, u] of names.entries()) await unitBook(units, u, i);
    const out = join(dir, "xep-hang.xlsx");
    const r = await par("aggregate", units, "-c", SAMPLE_CATALOG, "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Xếp hạng riêng theo loại đơn vị (không có --groups");
    expect(r.out).toContain("Sở, ban, ngành: 2; UBND phường: 2; UBND xã, đặc khu: 3");
    const ranking = await sheetValues(out, "Xếp hạng");
    for (const group of ["Sở, ban, ngành", "UBND phường", "UBND xã, đặc khu"]) expect(ranking).toContain(group);
    // Each group ranked on its own (ranks restart at 1), in the order sở, phường, xã.
    const rows = (JSON.parse(ranking) as unknown[][]).slice(4).filter((row) => row && row.length > 0);
    const groups: [string, unknown[]][] = [];
    for (const row of rows.slice(0, 10)) {
      if (typeof row[0] === "string") groups.push([row[0], []]);
      else if (groups.length && typeof row[0] === "number") groups[groups.length - 1][1].push(row[1]);
    }
    expect(groups).toEqual([
      // Names read from a capitals heading are shown in their usual case.
      ["Sở, ban, ngành", ["Sở Nội vụ", "Sở Tư pháp"]],
      ["UBND phường", ["UBND phường Hồng Bàng", "UBND phường Lê Chân"]],
      ["UBND xã, đặc khu", ["UBND xã An Lão", "xa Kien Thuy", "Đặc khu Cát Hải"]],
    ]);
    expect(rows.filter((row) => row[0] === 1).length).toBe(4);

    const en = await par("aggregate", units, "-c", SAMPLE_CATALOG, "-o", join(dir, "ranking.xlsx"), "--lang", "en");
    expect(en.out).toContain("Departments: 2; Wards: 2; Communes and special zones: 3");
  });

  test("--groups still decides when given; one kind of unit stays one list", async () => {
    const dir = tempDir();
    for (const u of ["Sở Nội vụ", "UBND xã An Lão"]) await unitBook(dir, u);
    const r = await par("aggregate", dir, "-c", SAMPLE_CATALOG, "-o", join(dir, "out", "x.xlsx"), "--groups", `${dir}=Tất cả`);
    expect(r.out).not.toContain("Xếp hạng riêng theo loại");
    const only = tempDir();
    for (const u of ["Sở Nội vụ", "Sở Y tế"]) await unitBook(only, u);
    expect((await par("aggregate", only, "-c", SAMPLE_CATALOG, "-o", join(only, "out", "x.xlsx"))).out).not.toContain("Xếp hạng riêng theo loại");
  });
});

describe("--province: names against the official units", () => {
  test("a misspelt commune and a pre-2025 district give their warnings; official names pass", async () => {
    const dir = tempDir();
    const units = join(dir, "xa");
    mkdirSync(units);
    for (const u of ["UBND xã Tủa Chùa", "UBND XÃ MUONG CHA", "UBND xã Tủa Thành", "UBND HUYỆN ĐIỆN BIÊN ĐÔNG", "UBND xã Mường Báng"]) await unitBook(units, u);
    const r = await par("aggregate", units, "-c", SAMPLE_CATALOG, "-o", join(dir, "xep-hang.xlsx"), "--province", "Điện Biên");
    expect(r.code).toBe(0);
    expect(r.err).toContain('Cảnh báo (tên đơn vị): "UBND xã Tủa Thành": không có xã nào tên "Tủa Thành" trong danh sách đơn vị hành chính của tỉnh Điện Biên');
    expect(r.err).toMatch(/"UBND xã Tủa Thành".*Tên chính thức gần nhất: xã Tủa Thàng/);
    expect(r.err).toMatch(/"UBND huyện Điện Biên Đông": cấp huyện không còn từ ngày 01\/07\/2025.*xã Na Son \(gồm thị trấn Điện Biên Đông, xã Keo Lôm, xã Na Son\)/);
    expect(r.err).toMatch(/"UBND xã Mường Báng": xã Mường Báng đã được sắp xếp từ ngày 01\/07\/2025 vào xã Tủa Chùa/);
    expect(r.err).not.toMatch(/"UBND xã Tủa Chùa":|"UBND xã Muong Cha":|"UBND XÃ MUONG CHA":/);
    expect(r.err).toContain("tỉnh Điện Biên: 45 xã, phường, đặc khu");
    expect(r.err).toContain("3 cảnh báo");
  });

  test("an unknown province is refused with the closest names", async () => {
    const dir = tempDir();
    await unitBook(dir, "UBND xã Tủa Chùa");
    const r = await par("aggregate", dir, "-c", SAMPLE_CATALOG, "-o", join(dir, "out", "x.xlsx"), "--province", "Hải Dương");
    expect(r.code).not.toBe(0);
    expect(r.err).toContain('--province "Hải Dương": không có tỉnh, thành phố nào tên như vậy');
  });
});

describe("year on year across the merger", () => {
  test("a new commune is compared with the mean of its predecessors' indices; one none of whose predecessors was ranked is new", async () => {
    const dir = tempDir();
    const before = join(dir, "2024");
    mkdirSync(before);
    await unitBook(before, "UBND xã Chà Cang");
    await unitBook(before, "UBND xã Chà Nưa", 2);
    await unitBook(before, "UBND XÃ NẬM TIN", 4);
    const last = join(dir, "xep-hang-2024.xlsx");
    expect((await par("aggregate", before, "-c", SAMPLE_CATALOG, "-o", last)).code).toBe(0);
    const lastIndexes = JSON.parse(await sheetValues(last, "Xếp hạng")) as unknown[][];
    const indexOf = (rows: unknown[][], unit: string) => rows.find((row) => row?.[1] === unit)![2] as number;
    const mean = Math.round(((indexOf(lastIndexes, "UBND xã Chà Cang") + indexOf(lastIndexes, "UBND xã Chà Nưa") + indexOf(lastIndexes, "UBND xã Nậm Tin")) / 3) * 100) / 100;

    const now = join(dir, "2025");
    mkdirSync(now);
    await unitBook(now, "UBND xã Mường Chà", 1);
    await unitBook(now, "UBND xã Sín Thầu");
    await unitBook(now, "Sở Tư pháp");
    const out = join(dir, "xep-hang-2025.xlsx");
    const r = await par("aggregate", now, "-c", SAMPLE_CATALOG, "-o", out, "--previous", last, "--province", "Điện Biên");
    expect(r.code).toBe(0);
    expect(r.out).toContain("1 đơn vị sắp xếp năm 2025 so với bình quân các đơn vị cũ, 1 đơn vị mới");
    const rows = JSON.parse(await sheetValues(out, "So với năm trước")) as unknown[][];
    const muongCha = rows.find((row) => row?.[1] === "UBND xã Mường Chà")!;
    expect(muongCha[3]).toBe(mean);
    expect(muongCha[5]).toBe("so với bình quân 3 xã cũ");
    const thisYear = muongCha[2] as number;
    const delta = Math.round((thisYear - mean) * 100) / 100;
    expect(muongCha[4]).toBe(delta > 0 ? `+${String(delta).replace(".", ",")}` : `\u2212${String(-delta).replace(".", ",")}`);
    expect(rows.find((row) => row?.[1] === "UBND xã Sín Thầu")![5]).toBe("đơn vị mới");
    expect(rows.find((row) => row?.[1] === "Sở Tư pháp")![5]).toBe("không có trong bảng năm trước");

    const report = join(dir, "bao-cao.docx");
    const rr = await par("report", out, "-o", report, "--previous", last);
    expect(rr.code).toBe(0);
    const xml = await (await JSZip.loadAsync(readFileSync(report))).file("word/document.xml")!.async("string");
    expect(xml).toContain("(so với bình quân 3 xã cũ)");
    expect(xml).toContain("đơn vị mới");
  });
});
