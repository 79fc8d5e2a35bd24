/**
 * Two sample workbooks laid out as units really lay them out, for the reading ledger (issue 17):
 * - mau-dia-phuong/so-xay-dung-muc-diem.xlsx: each criterion without a rule scored on band rows under it
 *   ("- Ban hành kịp thời: 1 điểm" with the score typed on the chosen band, or an "x"), the criterion's own row
 *   blank (Cà Mau style); a total row; a stray line with a number; a blank criterion; a result without a score;
 * - mau-dia-phuong/xa-muong-phang-ma-bang-chu.xlsx: a commune's sheet whose STT is a running counter, codes written
 *   in words ("Lĩnh vực I", "Tiêu chí 1.1", "TC 1.1.1") or at the start of the name, PAR Scorer's template formulas
 *   saved without the add-in (#NAME? cached).
 * Both on the province catalogue dien-bien-2018 (2018), named in a title line.
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
/** One document per evidence item the catalogue requires, each with its number and date. */
const EVIDENCE = (node) =>
  (node.evidence.length ? node.evidence : [{ name: "Báo cáo" }])
    .map((e, i) => `${e.name.replace(/[.;]+$/, "")} số ${node.code.replace(/\./g, "")}${i}/BC-UBND ngày 05/01/2018`)
    .join("\n");

module.exports = function layouts({ core, fixZipDates, ROOT }) {
  const catalog = core.builtinCatalog("dien-bien-2018");
  const nodes = core.walk(catalog.nodes);
  const when = new Date(Date.UTC(2019, 0, 10, 8, 0, 0));
  const HEADER = ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm", "Tài liệu kiểm chứng", "Ghi chú"];

  async function save(wb, file) {
    const out = path.join(ROOT, file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), when.getTime()));
  }

  function sheet(wb, name, unit) {
    const ws = wb.addWorksheet(name);
    ws.addRow(["UBND TỈNH ĐIỆN BIÊN"]);
    ws.addRow([`Đơn vị: ${unit}`]);
    ws.addRow(["Bộ tiêu chí: dien-bien-2018"]);
    ws.addRow(["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018"]);
    ws.addRow(HEADER);
    ws.getRow(5).font = { bold: true };
    ws.columns = [{ width: 8 }, { width: 60 }, { width: 10 }, { width: 14 }, { width: 12 }, { width: 44 }, { width: 30 }];
    return ws;
  }

  async function bands() {
    const cfg = { file: "mau-dia-phuong/so-xay-dung-muc-diem.xlsx", unit: "Sở Xây dựng", group: "Mẫu địa phương", catalog: "dien-bien-2018", sheet: "Tự chấm 2018" };
    const wb = new ExcelJS.Workbook();
    const ws = sheet(wb, cfg.sheet, cfg.unit);
    const defects = [];
    let self = 0;
    let banded = 0;
    for (const node of nodes) {
      const leaf = node.children.length === 0;
      if (!leaf) {
        ws.addRow([node.code, node.name]);
        continue;
      }
      if (node.code === "4.2.1") {
        const r = ws.addRow([node.code, node.name, node.max, null, null, null, null]);
        defects.push({ cell: `E${r.number}`, code: node.code, kind: "unscored-criterion", what: "Tiêu chí bỏ trống: không điểm, không kết quả — left blank: no score, no result" });
        continue;
      }
      if (node.rule && node.code === "1.3.1") {
        const r = ws.addRow([node.code, node.name, node.max, 0.45, null, EVIDENCE(node), null]);
        defects.push({ cell: `E${r.number}`, code: node.code, kind: "score-computed", what: "Có kết quả 45% nhưng ô điểm trống: điểm tính theo quy tắc — a result of 45% beside a blank score: scored by the rule" });
        self += node.max;
        continue;
      }
      if (!node.rule && node.max >= 1 && banded < 6) {
        // The criterion's own row blank; one row per band; the score typed on the chosen band (or an "x").
        banded++;
        const low = banded === 3;
        ws.addRow([node.code, node.name, node.max, null, null, EVIDENCE(node), low ? "Ban hành chậm 15 ngày so với kế hoạch" : null]);
        const mark = banded === 5 ? "x" : null;
        ws.addRow(["-", `Thực hiện đầy đủ, kịp thời: ${String(node.max).replace(".", ",")} điểm`, null, null, low ? null : (mark ?? node.max), null, null]);
        ws.addRow(["-", `Thực hiện nhưng chưa kịp thời: ${String(node.max / 2).replace(".", ",")} điểm`, null, null, low ? node.max / 2 : null, null, null]);
        ws.addRow(["-", "Không thực hiện: 0 điểm", null, null, null, null, null]);
        self += low ? node.max / 2 : node.max;
        continue;
      }
      ws.addRow([node.code, node.name, node.max, null, node.max, EVIDENCE(node), null]);
      self += node.max;
    }
    const stray = ws.addRow([null, "Điểm cộng thêm do đơn vị tự đề xuất", null, null, 1, null, null]);
    defects.push({ cell: `E${stray.number}`, code: "null", kind: "row-not-understood", what: "Dòng không mã có số 1 ở cột điểm: không thuộc tiêu chí nào — a line without a code with 1 in the score column" });
    const max = nodes.filter((x) => x.children.length === 0).reduce((a, x) => a + (x.max ?? 0), 0);
    ws.addRow([null, "TỔNG CỘNG", Math.round(max * 100) / 100, null, Math.round(self * 100) / 100, null, null]);
    ws.addRow([]);
    ws.addRow([null, "THỦ TRƯỞNG ĐƠN VỊ"]);
    await save(wb, cfg.file);
    return { cfg, defects, totals: { self: Math.round(self * 100) / 100, max: 100 }, criteria: nodes.length };
  }

  async function words() {
    const cfg = { file: "mau-dia-phuong/xa-muong-phang-ma-bang-chu.xlsx", unit: "UBND xã Mường Phăng", group: "Mẫu địa phương", catalog: "dien-bien-2018", sheet: "Biểu tự chấm" };
    const wb = new ExcelJS.Workbook();
    const ws = sheet(wb, cfg.sheet, cfg.unit);
    const defects = [];
    let self = 0;
    nodes.forEach((node, i) => {
      const parts = node.code.split(".");
      const leaf = node.children.length === 0;
      // STT counts rows; the code is in words in the name column, or at its start.
      const name =
        parts.length === 1
          ? `Lĩnh vực ${ROMAN[Number(parts[0]) - 1]}. ${node.name.toUpperCase()}`
          : parts.length === 2
            ? `Tiêu chí ${node.code}. ${node.name}`
            : i % 2
              ? `TC ${node.code}: ${node.name}`
              : `${node.code}. ${node.name}`;
      if (!leaf) {
        ws.addRow([i + 1, name]);
        return;
      }
      const row = ws.addRow([i + 1, name, node.max, null, node.max, EVIDENCE(node), null]);
      if (node.code === "1.1.2") {
        // The template's own formula, saved by a program without the add-in: #NAME? cached.
        row.getCell(4).value = 1;
        row.getCell(5).value = { formula: `PAR.SCORE(D${row.number},"${node.code}")`, result: { error: "#NAME?" } };
        defects.push({ cell: `E${row.number}`, code: node.code, kind: "score-computed", what: "=PAR.SCORE lưu khi chưa nạp add-in (#NAME?), kết quả 100%: điểm tính lại theo quy tắc — PAR.SCORE saved without the add-in (#NAME?), recomputed from the result" });
      }
      self += node.max;
    });
    ws.addRow([]);
    ws.addRow([null, "Mường Phăng, ngày 10 tháng 01 năm 2019"]);
    ws.addRow([null, "CHỦ TỊCH UBND XÃ"]);
    await save(wb, cfg.file);
    return { cfg, defects, totals: { self: Math.round(self * 100) / 100, max: 100 }, criteria: nodes.length };
  }

  return {
    async write() {
      return [await bands(), await words()];
    },
  };
};
