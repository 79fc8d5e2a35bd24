/**
 * Unit workbooks on the province catalogue laid out as provinces lay them out, for the end-to-end tests of the CLI
 * and of the Excel adapter: the same content in a plain one-row layout and in merged multi-row, relative-numbered
 * and survey layouts (its "twins").
 */
import ExcelJS from "exceljs";
import { builtinCatalog, CatalogNode, Finding, walk } from "../../src/scoring";

export const catalog = builtinCatalog("dien-bien-2018");
export const nodes = walk(catalog.nodes);

/** What a unit reports for a criterion: self score, result, evidence, note (all optional). */
export interface Entry {
  self?: number | string | null;
  value?: number | string | null;
  evidence?: string | null;
  notes?: string | null;
  appraised?: number | null;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];

/** Every node of the province catalogue, each leaf at full points with one dated report, unless `entries` says. */
export function content(entries: Record<string, Entry> = {}, omit: string[] = []): { node: CatalogNode; entry: Entry }[] {
  return nodes
    .filter((node) => !omit.includes(node.code))
    .map((node) => {
      const leaf = node.children.length === 0;
      const base: Entry = leaf ? { self: node.max, evidence: `Báo cáo số ${node.code.replace(/\./g, "")}/BC-UBND ngày 01/12/2018`, notes: null } : {};
      return { node, entry: { ...base, ...(entries[node.code] ?? {}) } };
    });
}

export type Layout = "plain" | "twoRow" | "threeRow" | "relative" | "survey";

/**
 * Writes the content in a layout. Columns: code, name, max, value, self, (appraised), evidence, notes.
 * - plain: one header row ("Mã | Tiêu chí | Điểm tối đa | Kết quả thực hiện | Điểm tự chấm | TLKC | Ghi chú");
 * - twoRow: "Tự đánh giá" merged over "Kết quả thực hiện | Điểm tự chấm", the rest merged down, then "(1) (2)…";
 * - threeRow: "Kết quả đánh giá" over ("Tự đánh giá" over "Kết quả thực hiện | Điểm") and "Hội đồng thẩm định";
 * - relative: plain header, codes I / 1 / a), as district templates number them;
 * - survey: "Điểm đánh giá" merged over "Điều tra XHH | Tự đánh giá | SNV đánh giá".
 */
export async function writeLayout(file: string, layout: Layout, rows: { node: CatalogNode; entry: Entry }[], titles: string[] = ["Đơn vị: Sở Thử nghiệm", "Bộ tiêu chí: dien-bien-2018"]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Tự đánh giá");
  for (const t of ["UBND TỈNH ĐIỆN BIÊN", ...titles, "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2018"]) ws.addRow([t]);
  const top = ws.rowCount + 1;
  const withAppraised = layout === "threeRow" || layout === "survey";
  let width: number;
  if (layout === "plain" || layout === "relative") {
    ws.addRow(["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm", "TLKC", "Ghi chú"]);
    width = 7;
  } else if (layout === "twoRow") {
    ws.addRow(["TT", "Nội dung tiêu chí", "Điểm tối đa", "Tự đánh giá", null, "Tài liệu kiểm chứng", "Giải trình"]);
    ws.addRow([null, null, null, "Kết quả thực hiện", "Điểm tự chấm", null, null]);
    for (const c of ["A", "B", "C", "F", "G"]) ws.mergeCells(`${c}${top}:${c}${top + 1}`);
    ws.mergeCells(`D${top}:E${top}`);
    ws.addRow(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"]);
    width = 7;
  } else if (layout === "threeRow") {
    ws.addRow(["STT", "Nội dung", "Điểm tối đa", "Kết quả đánh giá", null, null, "TLKC", "Ghi chú"]);
    ws.addRow([null, null, null, "Tự đánh giá", null, "Hội đồng thẩm định", null, null]);
    ws.addRow([null, null, null, "Kết quả thực hiện", "Điểm", null, null, null]);
    for (const c of ["A", "B", "C", "G", "H"]) ws.mergeCells(`${c}${top}:${c}${top + 2}`);
    ws.mergeCells(`D${top}:F${top}`);
    ws.mergeCells(`D${top + 1}:E${top + 1}`);
    ws.mergeCells(`F${top + 1}:F${top + 2}`);
    width = 8;
  } else {
    ws.addRow(["STT", "Nội dung", "Điểm tối đa", "Kết quả thực hiện", "Điểm đánh giá", null, null, "TLKC", "Ghi chú"]);
    ws.addRow([null, null, null, null, "Điều tra XHH", "Tự đánh giá", "SNV đánh giá", null, null]);
    for (const c of ["A", "B", "C", "D", "H", "I"]) ws.mergeCells(`${c}${top}:${c}${top + 1}`);
    ws.mergeCells(`E${top}:G${top}`);
    width = 9;
  }
  for (const { node, entry } of rows) {
    const parts = node.code.split(".");
    const code =
      layout === "relative"
        ? parts.length === 1
          ? ROMAN[Number(parts[0]) - 1]
          : parts.length === 2
            ? Number(parts[1])
            : `${"abcdđeghik"[Number(parts[2]) - 1]})`
        : node.code;
    const leaf = node.children.length === 0;
    const self = leaf ? (entry.self ?? null) : null;
    const row: (string | number | null)[] =
      layout === "survey"
        ? [code, node.name, leaf ? node.max : null, entry.value ?? null, null, self, entry.appraised ?? null, entry.evidence ?? null, entry.notes ?? null]
        : withAppraised
          ? [code, node.name, leaf ? node.max : null, entry.value ?? null, self, entry.appraised ?? null, entry.evidence ?? null, entry.notes ?? null]
          : [code, node.name, leaf ? node.max : null, entry.value ?? null, self, entry.evidence ?? null, entry.notes ?? null];
    ws.addRow(row.slice(0, width));
  }
  await wb.xlsx.writeFile(file);
}

/** Findings without where they are (layouts move cells): criterion, kind, severity. */
export const what = (findings: Finding[]) => findings.map((f) => `${f.code ?? "-"} ${f.kind} ${f.severity}`).sort();

