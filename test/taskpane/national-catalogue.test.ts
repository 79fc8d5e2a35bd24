/**
 * The pane's template on a national-style catalogue, written through Office.js (the in-memory Excel): dropdowns of
 * choice rules' outcomes as list validations (inline, or a range for a long list), the survey column; read back.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseCatalog, parseCatalogJson, readUnitSheet } from "../../src/scoring";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { createFakeExcel, fakeDeps } from "./excel-fixtures";

jest.setTimeout(60_000);

const catalog = parseCatalogJson(readFileSync(join(__dirname, "..", "..", "samples", "bo-tieu-chi-huyen-2026.json"), "utf8"), "sample");

test("a choice rule's result cell gets Excel's dropdown of its outcomes and Không áp dụng; the survey column is read back", async () => {
  const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }] });
  const created = await createExcelActions(fakeDeps(fake).deps).createTemplate(catalog, { unit: "UBND huyện Tủa Chùa", lang: "vi" });
  const sheet = fake.snapshot().sheets.find((s) => s.name === created.sheet)!;
  const row = sheet.values.findIndex((r) => r[0] === "1.4") + 1;
  expect(sheet.validations.find((v) => v.range === `D${row}`)).toEqual({
    range: `D${row}`,
    formula: null,
    list: "Hoàn thành xuất sắc,Hoàn thành tốt,Hoàn thành,Không hoàn thành,Không áp dụng",
  });
  const values = sheet.values.map((r) => r.map((v) => (v === "" ? null : v))) as (string | number | null)[][];
  const unit = readUnitSheet({ name: created.sheet, values }, "x")!;
  expect(unit.header.columns.survey).toBe(6);
  expect(created.skipped).toEqual([]);
});

test("a list longer than Excel takes inline points at the outcomes listed below the table", async () => {
  const labels = Array.from({ length: 12 }, (_, i) => `Hoàn thành nhiệm vụ cải cách hành chính ở mức ${i + 1}`);
  const long = parseCatalog(
    { id: "dai", name: "Dài", nodes: [{ code: "1", name: "Chỉ đạo", children: [{ code: "1.1", name: "Nhiệm vụ", max: 1, rule: labels.map((l) => `"${l}": 1`).join("; ") }] }] },
    "dai.json",
  );
  const fake = createFakeExcel({ sheets: [{ name: "A", values: [["x"]] }] });
  const created = await createExcelActions(fakeDeps(fake).deps).createTemplate(long, { unit: "", lang: "vi" });
  const sheet = fake.snapshot().sheets.find((s) => s.name === created.sheet)!;
  const list = sheet.validations.find((v) => v.list)!;
  expect(list.list).toMatch(/^=\$B\$\d+:\$B\$\d+$/);
  const [from, to] = list.list!.replace(/[=$]/g, "").split(":").map((a) => Number(a.slice(1)));
  expect(sheet.values.slice(from - 1, to).map((r) => r[1])).toEqual([...labels, "Không áp dụng"]);
});

test("'use the workbook's catalogue sheet' reads a province's published table too, with the wording it left as is", async () => {
  const fake = createFakeExcel({
    sheets: [
      {
        name: "Phụ lục",
        values: [
          ["BỘ TIÊU CHÍ CHỈ SỐ CCHC CẤP HUYỆN"],
          ["STT", "Nội dung tiêu chí", "Điểm tối đa"],
          [1, "CÔNG TÁC CHỈ ĐẠO", 2],
          ["1.1", "Ban hành kế hoạch", 1],
          [null, "Ban hành kịp thời: 1"],
          [null, "Không ban hành: 0"],
          ["1.2", "Mức độ hài lòng", 1],
          [null, "Điểm = tỷ lệ % × điểm tối đa"],
        ],
      },
    ],
  });
  const read = await createExcelActions(fakeDeps(fake).deps).readWorkbookCatalog("vi");
  expect(read.sheet).toBe("Phụ lục");
  expect(read.catalog?.nodes[0].children.map((n) => n.rule)).toEqual(['"Ban hành kịp thời": 1; "Không ban hành": 0', null]);
  expect(read.issues.map((i) => [i.cell, i.code, i.severity])).toEqual([["B8", "1.2", "warning"]]);
});
