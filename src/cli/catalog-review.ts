/**
 * `par catalog import --review REVIEW.xlsx`: the review workbook, one row per criterion (code, name, maximum, the
 * wording as published and its cells, the rule made from it, how it was read, three example values with their
 * points, a column to sign off), then the number of criteria in each state. Rows come from the core (reviewRows).
 */
import type ExcelJS from "exceljs";
import { Lang, readingCounts, ReadingState, reviewRows, TableImport } from "../scoring";
import { newWorkbook, workbookBuffer } from "./xlsx/write";

const HEAD = {
  vi: {
    sheet: "Soát xét quy tắc",
    title: (file: string) => `SOÁT XÉT QUY TẮC CHẤM ĐIỂM LẤY TỪ BẢNG TIÊU CHÍ ${file}`,
    columns: ["Mã", "Tên tiêu chí", "Điểm tối đa", "Lời văn như đã ban hành", "Ô", "Quy tắc", "Cách đọc", "Ví dụ 1", "Điểm", "Ví dụ 2", "Điểm", "Ví dụ 3", "Điểm", "Người soát xét đồng ý (ký)"],
    counts: "Số tiêu chí theo cách đọc",
  },
  en: {
    sheet: "Rule review",
    title: (file: string) => `REVIEW OF THE SCORING RULES READ FROM THE TABLE ${file}`,
    columns: ["Code", "Criterion", "Maximum", "Wording as published", "Cells", "Rule", "How it was read", "Example 1", "Points", "Example 2", "Points", "Example 3", "Points", "Reviewer agrees (signature)"],
    counts: "Criteria by how they were read",
  },
};

const STATE_LABEL: Record<Lang, Record<ReadingState, string>> = {
  vi: { exact: "Đọc đúng nguyên văn", assumption: "Đọc với giả định", notRead: "Chưa đọc được", noWording: "Không có lời văn chấm điểm" },
  en: { exact: "Read exactly", assumption: "Read with an assumption", notRead: "Not read", noWording: "No scoring wording" },
};

const FILL: Record<ReadingState, string | null> = { exact: null, assumption: "FFFFF2CC", notRead: "FFF8CBAD", noWording: null };

/** The review workbook's bytes. */
export async function reviewWorkbook(file: string, table: TableImport, lang: Lang): Promise<Buffer> {
  const h = HEAD[lang];
  const wb: ExcelJS.Workbook = newWorkbook();
  const ws = wb.addWorksheet(h.sheet);
  ws.addRow([h.title(file)]).font = { bold: true, size: 13 };
  const header = ws.addRow(h.columns);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
  for (const r of reviewRows(table, lang)) {
    const examples = [0, 1, 2].flatMap((i) => (r.examples[i] ? [r.examples[i].value, r.examples[i].points] : [null, null]));
    const row = ws.addRow([r.code, r.name, r.max, r.wording || null, r.cells || null, r.rule || null, r.how, ...examples, null]);
    row.alignment = { wrapText: true, vertical: "top" };
    const fill = FILL[r.state];
    if (fill) row.getCell(7).fill = { type: "pattern", pattern: "solid", fgColor: { argb: fill } };
    for (const c of [3, 9, 11, 13]) row.getCell(c).numFmt = "0.00";
  }
  ws.addRow([]);
  ws.addRow([h.counts]).font = { bold: true };
  const counts = readingCounts(table);
  for (const state of ["exact", "assumption", "notRead", "noWording"] as ReadingState[]) ws.addRow([STATE_LABEL[lang][state], counts[state]]);
  [8, 40, 9, 45, 10, 40, 45, 10, 7, 10, 7, 10, 7, 16].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", ySplit: 2 }];
  return workbookBuffer(wb);
}

export { STATE_LABEL };
