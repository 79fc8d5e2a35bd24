/**
 * Issue #8 (aggregate inputs) and #13 (folders): every file found is read once or named with the reason it is not;
 * PAR Scorer's own outputs are not units; link loops end; one bad unit never stops the others.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/cli/xlsx/read";
import { copySample, par, SAMPLE_CATALOG, tempDir } from "../support/par";

jest.setTimeout(120_000);

/** A copy of the sample so-tu-phap.xlsx whose unit is `unit`. */
async function unitBook(dir: string, name: string, unit: string): Promise<string> {
  const file = copySample("so/so-tu-phap.xlsx", dir, name);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  wb.worksheets[0].getCell("A5").value = `Đơn vị: ${unit}`;
  await wb.xlsx.writeFile(file);
  return file;
}

const rankedUnits = async (ranking: string) => {
  const grid = (await readWorkbook(ranking)).grids.find((g) => g.name === "Xếp hạng" || g.name === "Ranking")!;
  return JSON.stringify(grid.values);
};

describe("files PAR Scorer wrote", () => {
  test("a ranking and an exported catalogue are skipped with a line; a unit's workbook with a summary added is read", async () => {
    const dir = tempDir();
    const so = join(dir, "so");
    mkdirSync(so);
    copySample("so/so-tu-phap.xlsx", so);
    copySample("so/so-noi-vu.xlsx", so);
    const elsewhere = tempDir();
    expect((await par("aggregate", so, "-o", join(elsewhere, "xep-hang-cu.xlsx"))).code).toBe(0);
    expect((await par("catalog", "export", "dien-bien-so", "-o", join(elsewhere, "bo-tieu-chi.xlsx"))).code).toBe(0);
    const withSummary = await unitBook(elsewhere, "tai-chinh-goc.xlsx", "Sở Tài chính");
    expect((await par("summary", withSummary, "-o", join(elsewhere, "tai-chinh-tong-hop.xlsx"))).code).toBe(0);
    for (const f of ["xep-hang-cu.xlsx", "bo-tieu-chi.xlsx", "tai-chinh-tong-hop.xlsx"]) {
      execFileSync("cp", [join(elsewhere, f), so]);
    }

    const r = await par("aggregate", so, "-o", join(dir, "xep-hang.xlsx"), "-c", SAMPLE_CATALOG);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/Bỏ qua .*xep-hang-cu\.xlsx: .*do PAR Scorer tạo/);
    expect(r.err).toMatch(/Bỏ qua .*bo-tieu-chi\.xlsx: .*do PAR Scorer tạo/);
    expect(r.err).not.toMatch(/tai-chinh-tong-hop\.xlsx/);
    expect(r.out).toContain("Đã xếp hạng 3 đơn vị từ 3 tệp");
    expect(await rankedUnits(join(dir, "xep-hang.xlsx"))).toContain("Sở Tài chính");
  });
});

describe("every file in a folder is read or named", () => {
  test("files of every workbook format are read; those that cannot be read, other files and lock files are named with why", async () => {
    const dir = tempDir();
    const so = join(dir, "so");
    mkdirSync(so);
    copySample("so/so-tu-phap.xlsx", so);
    for (const name of ["cu.xls", "calc.ods", "ghi-chu.txt", "~$so-tu-phap.xlsx", ".~lock.calc.ods#"]) writeFileSync(join(so, name), "x");
    writeFileSync(join(so, "bang.csv"), "Mã;Tiêu chí\n1.1;Kế hoạch\n");
    const r = await par("aggregate", so, "-o", join(dir, "xep-hang.xlsx"));
    expect(r.code).toBe(0);
    for (const name of ["cu.xls", "calc.ods"]) {
      expect(r.err).toContain(`Bỏ qua ${join(so, name)}: Không đọc được tệp ${join(so, name)}: tệp không phải sổ tính (.xlsx, .xlsm, .xls, .ods hoặc .csv) hoặc bị hỏng`);
    }
    expect(r.err).toContain(`Bỏ qua ${join(so, "bang.csv")}: Không tìm thấy bảng tự chấm điểm trong ${join(so, "bang.csv")}`);
    expect(r.err).toContain(`Bỏ qua ${join(so, "ghi-chu.txt")}: không phải sổ tính (.xlsx, .xlsm, .xls, .ods, .csv)`);
    expect(r.err).toContain(`Bỏ qua ${join(so, "~$so-tu-phap.xlsx")}: tệp khóa tạm`);
    expect(r.err).toContain(`Bỏ qua ${join(so, ".~lock.calc.ods#")}: tệp khóa tạm`);
    expect(r.out).toContain("Đã xếp hạng 1 đơn vị từ 1 tệp; bỏ qua 6 mục");
    const en = await par("aggregate", so, "-o", join(dir, "rank.xlsx"), "--lang", "en");
    expect(en.err).toContain(`Cannot read ${join(so, "calc.ods")}: it is not a workbook (.xlsx, .xlsm, .xls, .ods or .csv), or it is damaged`);
    expect(en.out).toContain("skipped 6 items");
  });

  test("validate, summary and aggregate read a named file by its content and say why one cannot be used", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "bang.csv"), "Mã;Tiêu chí\n1.1;Kế hoạch\n");
    const v = await par("validate", join(dir, "bang.csv"));
    expect(v.code).toBe(2);
    expect(v.err).toContain(`Không tìm thấy bảng tự chấm điểm trong ${join(dir, "bang.csv")}`);
    const s = await par("summary", join(dir, "bang.csv"), "-o", join(dir, "out.xlsx"), "--lang", "en");
    expect(s.code).toBe(2);
    expect(s.err).toContain(`No self-assessment table found in ${join(dir, "bang.csv")}`);
    writeFileSync(join(dir, "calc.ods"), "x");
    const a = await par("aggregate", join(dir, "calc.ods"), "-o", join(dir, "rank.xlsx"));
    expect(a.code).toBe(2);
    expect(a.err).toContain(`Bỏ qua ${join(dir, "calc.ods")}: Không đọc được tệp ${join(dir, "calc.ods")}`);
  });

  test("with nothing skipped, the summary line does not say 'skipped 0'", async () => {
    const dir = tempDir();
    const book = copySample("so/so-tu-phap.xlsx", dir);
    const r = await par("aggregate", book, "-o", join(dir, "xep-hang.xlsx"), "-c", SAMPLE_CATALOG);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).not.toMatch(/bỏ qua/);
  });

  test("a --groups path that matches no input: exit 2 naming it", async () => {
    const dir = tempDir();
    const so = join(dir, "so");
    mkdirSync(so);
    copySample("so/so-tu-phap.xlsx", so);
    const typo = join(dir, "sơ");
    const r = await par("aggregate", so, "-o", join(dir, "xep-hang.xlsx"), "--groups", `${so}=Sở`, `${typo}=Huyện`);
    expect(r.code).toBe(2);
    expect(r.err).toContain(typo);
    expect(r.err).toMatch(/không chứa tệp đầu vào nào/);
  });
});

describe("links, loops and special files in a folder", () => {
  test("a link loop ends, each real file is read once, and both are said", async () => {
    const dir = tempDir();
    const so = join(dir, "so");
    mkdirSync(so);
    copySample("so/so-tu-phap.xlsx", so);
    copySample("so/so-noi-vu.xlsx", so);
    symlinkSync(so, join(so, "vong"));
    symlinkSync(join(so, "so-tu-phap.xlsx"), join(so, "ban-sao.xlsx"));
    symlinkSync(join(so, "tu-tro"), join(so, "tu-tro"));
    const r = await par("aggregate", so, so, "-o", join(dir, "xep-hang.xlsx"));
    expect(r.code).toBe(0);
    expect(r.out).toContain("Đã xếp hạng 2 đơn vị từ 2 tệp");
    expect(r.err).toContain(`Bỏ qua ${join(so, "vong")}: cùng thư mục với ${so}`);
    expect(r.err).toContain(`Bỏ qua ${join(so, "ban-sao.xlsx")}: cùng một tệp với ${join(so, "so-tu-phap.xlsx")}`);
    expect(r.err).toMatch(/Bỏ qua .*tu-tro: .*vòng liên kết/);
  });

  test("a pipe in the folder is named, not opened", async () => {
    const dir = tempDir();
    const so = join(dir, "so");
    mkdirSync(so);
    copySample("so/so-tu-phap.xlsx", so);
    execFileSync("mkfifo", [join(so, "ong.xlsx")]);
    const r = await par("aggregate", so, "-o", join(dir, "xep-hang.xlsx"));
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/ong\.xlsx: .*không phải là tệp thông thường/);
  });
});

describe("one unit never stops the others", () => {
  test('a unit named "History" (a sheet name Excel reserves) is still ranked with the others', async () => {
    const dir = tempDir();
    await unitBook(dir, "a.xlsx", "History");
    await unitBook(dir, "b.xlsx", "Sở Xây dựng");
    const out = join(dir, "out", "xep-hang.xlsx");
    const r = await par("aggregate", join(dir, "a.xlsx"), join(dir, "b.xlsx"), "-o", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Đã xếp hạng 2 đơn vị");
    const ranking = await rankedUnits(out);
    expect(ranking).toContain("History");
    expect(ranking).toContain("Sở Xây dựng");
    expect((await readWorkbook(out)).grids.map((g) => g.name)).toContain("Sở Xây dựng");
  });
});
