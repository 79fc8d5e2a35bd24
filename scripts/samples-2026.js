/**
 * The 2025–2026 samples (made by make-samples.js): since 1 July 2025 there are no districts; a province scores its
 * departments (sở, ban, ngành), its wards (phường) and its communes with special zones (xã, đặc khu) on criteria
 * of its own and ranks them apart. Three sample catalogues written the way provinces publish theirs (Sơn La's QĐ
 * 2712/QĐ-UBND of 31/10/2025 sets criteria for sở/ban/ngành and for xã/phường; Hải Phòng ranks 14 sở, 45 phường,
 * 68 xã và đặc khu, "xuất sắc" from 93 points) — samples, not official texts — and seven units of Hải Phòng on
 * them, each workbook carrying its catalogue as a sheet. Made-up figures; deterministic.
 *
 *   samples/bo-tieu-chi-so-2026.json       sở, ban, ngành (level department)
 *   samples/bo-tieu-chi-phuong-2026.json   phường (level ward)
 *   samples/bo-tieu-chi-xa-2026.json       xã và đặc khu (level commune)
 *   samples/2026/so/*.xlsx                 Sở Nội vụ, Sở Tư pháp
 *   samples/2026/phuong/*.xlsx             UBND phường Hồng Bàng, UBND phường Lê Chân
 *   samples/2026/xa/*.xlsx                 UBND xã An Lão, UBND xã Tiên Lãng, UBND đặc khu Cát Hải
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const YEAR = 2026;
const PROVINCE = "Hải Phòng";
const BANDS = "Xuất sắc>=93; Tốt>=80; Khá>=70; Trung bình>=50; Yếu";
const SAMPLE_NOTE = "Mẫu của PAR Scorer viết theo cách trình bày của bộ tiêu chí cấp tỉnh năm 2025–2026 (không phải văn bản chính thức; số liệu mẫu)";

const leaf = (code, name, max, rule, extra = {}) => ({ code, name, max, ...(rule ? { rule } : {}), ...extra });

/** Field 1, common to the three sets: direction of the reform. */
const direction = (unitWord) => ({
  code: "1",
  name: "Công tác chỉ đạo, điều hành cải cách hành chính",
  children: [
    {
      code: "1.1",
      name: `Kế hoạch cải cách hành chính năm của ${unitWord}`,
      children: [
        leaf("1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 2, '"Ban hành đúng thời hạn": điểm tối đa; "Ban hành chậm": 50% điểm tối đa; "Không ban hành": 0', {
          evidence: ["Kế hoạch CCHC năm"],
        }),
        leaf("1.1.2", "Mức độ hoàn thành kế hoạch CCHC", 4, "100%: điểm tối đa; từ 80% đến dưới 100%: 2; dưới 80%: 0", { evidence: ["Báo cáo CCHC năm"] }),
      ],
    },
    leaf("1.2", "Thực hiện chế độ báo cáo CCHC định kỳ", 3, '"Đầy đủ, đúng hạn": 3; "Đầy đủ nhưng có báo cáo trễ hạn": 1,5; "Không đầy đủ": 0'),
    leaf("1.3", "Thông tin, tuyên truyền về CCHC", 3, '"Hoàn thành tốt": điểm tối đa; "Hoàn thành": 50% điểm; "Không hoàn thành": 0'),
  ],
});

const tthc = (extra) => ({
  code: "3",
  name: "Cải cách thủ tục hành chính",
  children: [
    leaf("3.1", "Công khai thủ tục hành chính đầy đủ, đúng hạn trên Cổng dịch vụ công", 5, "có: 5; không: 0"),
    leaf("3.2", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", 8, "100%: điểm tối đa; từ 95% đến dưới 100%: 5; từ 90% đến dưới 95%: 2; dưới 90%: 0"),
    leaf("3.3", "Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính", 5, "100%: 5; từ 90% đến dưới 100%: 3; dưới 90%: 0"),
    ...extra,
  ],
});

const digital = {
  code: "5",
  name: "Xây dựng chính quyền số, chuyển đổi số",
  children: [
    leaf("5.1", "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến toàn trình", 8, "từ 80% trở lên: 8; từ 50% đến dưới 80%: 4; dưới 50%: 0"),
    leaf("5.2", "Tỷ lệ văn bản điện tử có chữ ký số", 6, "từ 95% trở lên: 6; từ 80% đến dưới 95%: 3; dưới 80%: 0"),
    leaf("5.3", "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa", 6, "100%: 6; từ 80% đến dưới 100%: 3; dưới 80%: 0"),
  ],
};

/** Departments: legal documents, the apparatus after the 2025 restructuring, digital government, impact. */
const SO = {
  id: "mau-so-2026",
  name: "Bộ tiêu chí mẫu xác định Chỉ số CCHC của các sở, ban, ngành năm 2026 (mẫu, không phải văn bản chính thức)",
  source: SAMPLE_NOTE,
  level: "department",
  province: PROVINCE,
  year: YEAR,
  bands: BANDS,
  nodes: [
    direction("sở"),
    {
      code: "2",
      name: "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
      children: [
        leaf("2.1", "Tham mưu ban hành văn bản QPPL đúng kế hoạch", 6, "100%: 6; từ 80% đến dưới 100%: 3; dưới 80%: 0"),
        leaf("2.2", "Rà soát, hệ thống hóa văn bản QPPL thuộc lĩnh vực quản lý", 4, '"Đầy đủ, đúng hạn": 4; "Chưa đầy đủ": 2; "Không thực hiện": 0'),
      ],
    },
    tthc([leaf("3.4", "Rà soát, đơn giản hóa thủ tục hành chính thuộc lĩnh vực quản lý", 4, '"Đạt chỉ tiêu": 4; "Không đạt": 0')]),
    {
      code: "4",
      name: "Cải cách tổ chức bộ máy và công chức, viên chức",
      children: [
        leaf("4.1", "Kiện toàn tổ chức bộ máy sau sắp xếp theo quy định", 8, '"Đúng quy định": 8; "Chưa đúng quy định": 0'),
        leaf("4.2", "Thực hiện vị trí việc làm, tinh giản biên chế", 8, '"Hoàn thành": 8; "Hoàn thành một phần": 4; "Không hoàn thành": 0'),
        leaf("4.3", "Kỷ luật, kỷ cương hành chính", 6, '"Không có vi phạm": 6; "Có vi phạm": 0'),
      ],
    },
    digital,
    {
      code: "6",
      name: "Tác động của cải cách hành chính",
      children: [leaf("6.1", "Mức độ hài lòng của tổ chức, cá nhân với dịch vụ hành chính công của sở", 14, "từ 90% trở lên: 14; từ 80% đến dưới 90%: 8; dưới 80%: 0")],
    },
  ],
};

/** Wards and communes: the one-stop shop, the apparatus of the new units, digital government, local impact. */
const local = (id, name, level, unitWord, impact) => ({
  id,
  name,
  source: SAMPLE_NOTE,
  level,
  province: PROVINCE,
  year: YEAR,
  bands: BANDS,
  nodes: [
    direction(unitWord),
    {
      code: "2",
      name: "Thực hiện văn bản quy phạm pháp luật",
      children: [
        leaf("2.1", "Ban hành văn bản QPPL thuộc thẩm quyền đúng quy định", 4, '"Đúng quy định": 4; "Chưa đúng quy định": 0'),
        leaf("2.2", "Kiểm tra, theo dõi thi hành pháp luật trên địa bàn", 4, '"Đầy đủ": 4; "Chưa đầy đủ": 2; "Không thực hiện": 0'),
      ],
    },
    tthc([leaf("3.4", `Trung tâm phục vụ hành chính công ${unitWord} tiếp nhận, trả kết quả đúng quy trình`, 6, '"Đúng quy trình": 6; "Có sai sót": 3; "Không đúng quy trình": 0')]),
    {
      code: "4",
      name: `Tổ chức bộ máy, cán bộ, công chức của ${unitWord} sau sắp xếp`,
      children: [
        leaf("4.1", "Bố trí cán bộ, công chức theo đề án vị trí việc làm", 8, '"Đúng quy định": 8; "Chưa đúng quy định": 0'),
        leaf("4.2", "Tỷ lệ công chức được bồi dưỡng kỹ năng sau sắp xếp đơn vị hành chính", 6, "100%: 6; từ 80% đến dưới 100%: 3; dưới 80%: 0"),
        leaf("4.3", "Kỷ luật, kỷ cương hành chính", 6, '"Không có vi phạm": 6; "Có vi phạm": 0'),
      ],
    },
    digital,
    { code: "6", name: "Tác động của cải cách hành chính đến phát triển kinh tế - xã hội của địa phương", children: impact },
  ],
});

const PHUONG = local("mau-phuong-2026", "Bộ tiêu chí mẫu xác định Chỉ số CCHC của UBND các phường năm 2026 (mẫu, không phải văn bản chính thức)", "ward", "phường", [
  leaf("6.1", "Thực hiện dự toán thu ngân sách nhà nước trên địa bàn", 8, "từ 100% trở lên: 8; từ 90% đến dưới 100%: 5; dưới 90%: 0"),
  leaf("6.2", "Quản lý trật tự đô thị, xây dựng", 8, '"Tốt": 8; "Đạt": 5; "Chưa đạt": 0'),
]);

const XA = local("mau-xa-2026", "Bộ tiêu chí mẫu xác định Chỉ số CCHC của UBND các xã, đặc khu năm 2026 (mẫu, không phải văn bản chính thức)", "commune", "xã", [
  leaf("6.1", "Thực hiện dự toán thu ngân sách nhà nước trên địa bàn", 8, "từ 100% trở lên: 8; từ 90% đến dưới 100%: 5; dưới 90%: 0"),
  leaf("6.2", "Thực hiện các tiêu chí nông thôn mới, phát triển sản xuất", 8, '"Tốt": 8; "Đạt": 5; "Chưa đạt": 0'),
]);

const CATALOGS = [
  { file: "bo-tieu-chi-so-2026.json", catalog: SO },
  { file: "bo-tieu-chi-phuong-2026.json", catalog: PHUONG },
  { file: "bo-tieu-chi-xa-2026.json", catalog: XA },
];

const good = {
  "1.1.1": "Ban hành đúng thời hạn",
  "1.1.2": "100%",
  "1.2": "Đầy đủ, đúng hạn",
  "1.3": "Hoàn thành tốt",
  "3.1": "có",
  "3.2": "100%",
  "3.3": "100%",
  "4.1": "Đúng quy định",
  "4.3": "Không có vi phạm",
  "5.1": "85%",
  "5.2": "97%",
  "5.3": "100%",
};

const UNITS = [
  {
    file: "2026/so/so-noi-vu.xlsx", sheet: "Tự đánh giá 2026", unit: "Sở Nội vụ", heading: "SỞ NỘI VỤ", group: "Sở, ban, ngành", catalog: SO,
    results: { ...good, "2.1": "100%", "2.2": "Đầy đủ, đúng hạn", "3.4": "Đạt chỉ tiêu", "4.2": "Hoàn thành", "6.1": "88%" },
  },
  {
    file: "2026/so/so-tu-phap.xlsx", sheet: "Tự đánh giá 2026", unit: "Sở Tư pháp", heading: "SỞ TƯ PHÁP", group: "Sở, ban, ngành", catalog: SO,
    results: { ...good, "1.2": "Đầy đủ nhưng có báo cáo trễ hạn", "2.1": "90%", "2.2": "Đầy đủ, đúng hạn", "3.2": "97%", "3.4": "Đạt chỉ tiêu", "4.2": "Hoàn thành một phần", "5.1": "62%", "6.1": "88%" },
  },
  {
    file: "2026/phuong/phuong-hong-bang.xlsx", sheet: "Biểu tự chấm", unit: "UBND phường Hồng Bàng", heading: "UBND PHƯỜNG HỒNG BÀNG", group: "UBND phường", catalog: PHUONG,
    results: { ...good, "2.1": "Đúng quy định", "2.2": "Đầy đủ", "3.3": "95%", "3.4": "Đúng quy trình", "4.2": "100%", "6.1": "104%", "6.2": "Tốt" },
  },
  {
    file: "2026/phuong/phuong-le-chan.xlsx", sheet: "Biểu tự chấm", unit: "UBND phường Lê Chân", heading: "UBND PHƯỜNG LÊ CHÂN", group: "UBND phường", catalog: PHUONG,
    results: { ...good, "1.1.2": "90%", "2.1": "Đúng quy định", "2.2": "Chưa đầy đủ", "3.2": "92%", "3.4": "Có sai sót", "4.2": "85%", "5.1": "55%", "6.1": "96%", "6.2": "Đạt" },
    /** Planted: 3.2's self score typed as full points though 92% gives 2. */
    edit(rows) {
      Object.assign(rows.get("3.2"), { self: 8, bare: true, evidence: "Báo cáo số 41/BC-UBND ngày 15/12/2026" });
    },
    defects: [{ code: "3.2", column: "self", kind: "score-mismatch", what: "Tự chấm 8 điểm nhưng kết quả 92% theo quy tắc chỉ được 2 — self score 8, the rule gives 2 for 92%" }],
  },
  {
    file: "2026/xa/xa-an-lao.xlsx", sheet: "Tự đánh giá", unit: "UBND xã An Lão", heading: "UBND XÃ AN LÃO", group: "UBND xã, đặc khu", catalog: XA,
    results: { ...good, "2.1": "Đúng quy định", "2.2": "Đầy đủ", "3.2": "98%", "3.4": "Đúng quy trình", "4.2": "100%", "5.1": "72%", "6.1": "100%", "6.2": "Tốt" },
  },
  {
    file: "2026/xa/xa-tien-lang.xlsx", sheet: "Tự đánh giá", unit: "UBND xã Tiên Lãng", heading: "UBND XÃ TIÊN LÃNG", group: "UBND xã, đặc khu", catalog: XA,
    results: { ...good, "1.3": "Hoàn thành", "2.1": "Đúng quy định", "2.2": "Đầy đủ", "3.3": "95%", "3.4": "Đúng quy trình", "4.2": "80%", "5.1": "48%", "5.2": "90%", "6.1": "92%", "6.2": "Đạt" },
    /** Planted: full points on 4.1 claimed with no evidence and no note. */
    edit(rows) {
      rows.get("4.1").bare = true;
    },
    defects: [
      { code: "4.1", column: "evidence", kind: "missing-evidence", what: "Chấm đủ điểm nhưng không có tài liệu kiểm chứng — full points, no evidence" },
      { code: "4.1", column: "notes", kind: "missing-explanation", what: "…và không có giải trình — and no explanation" },
    ],
  },
  {
    file: "2026/xa/dac-khu-cat-hai.xlsx", sheet: "Tự đánh giá", unit: "UBND đặc khu Cát Hải", heading: "UBND ĐẶC KHU CÁT HẢI", group: "UBND xã, đặc khu", catalog: XA,
    results: { ...good, "2.1": "Đúng quy định", "2.2": "Đầy đủ", "3.4": "Đúng quy trình", "4.2": "100%", "5.1": "62%", "6.1": "110%", "6.2": "Tốt" },
  },
];

module.exports = function samples2026({ core, fixZipDates, ROOT }) {
  const when = new Date(Date.UTC(2027, 0, 12, 8, 30));
  const r2 = (x) => Math.round(x * 100) / 100;
  const doc = (code) => `Báo cáo số ${20 + (Number(code.replace(/\./g, "")) % 70)}/BC-UBND ngày 15/12/${YEAR}`;

  function rowsOf(cfg, catalog) {
    const rows = new Map();
    for (const node of core.walk(catalog.nodes)) {
      const isLeaf = node.children.length === 0;
      const row = { node, code: node.code, leaf: isLeaf, value: null, self: null, evidence: null, notes: null };
      if (isLeaf) {
        const result = cfg.results[node.code];
        if (result === undefined) throw new Error(`${cfg.file}: no result for ${node.code}`);
        row.value = result;
        const scored = core.score(node.rule, result, node.max);
        if (scored.kind !== "points") throw new Error(`${cfg.file}: ${node.code} "${result}" gives no points`);
        row.self = scored.points;
      }
      rows.set(node.code, row);
    }
    return rows;
  }

  function dress(rows) {
    for (const row of rows.values()) {
      if (!row.leaf || row.bare || typeof row.self !== "number") continue;
      if (row.self > 0) row.evidence = doc(row.code);
      if (row.self < row.node.max) row.notes = "Chưa đạt tối đa do một số nhiệm vụ hoàn thành chậm sau sắp xếp đơn vị; đã có kế hoạch khắc phục";
    }
  }

  function parentSums(rows, catalog) {
    for (const node of [...core.walk(catalog.nodes)].reverse()) {
      const row = rows.get(node.code);
      if (row.leaf) continue;
      const nums = node.children.map((c) => rows.get(c.code).self).filter((v) => typeof v === "number");
      row.self = nums.length ? r2(nums.reduce((a, v) => a + v, 0)) : null;
    }
  }

  async function writeUnitBook(cfg) {
    const catalog = core.parseCatalog(cfg.catalog, cfg.file);
    const rows = rowsOf(cfg, catalog);
    if (cfg.edit) cfg.edit(rows);
    dress(rows);
    parentSums(rows, catalog);
    const wb = new ExcelJS.Workbook();
    wb.creator = cfg.unit;
    wb.created = when;
    wb.modified = when;
    const ws = wb.addWorksheet(cfg.sheet, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const columns = [
      ["code", "TT", 7],
      ["name", "Tiêu chí, tiêu chí thành phần", 56],
      ["max", "Điểm tối đa", 10],
      ["value", "Kết quả thực hiện", 26],
      ["self", "Điểm tự đánh giá", 11],
      ["evidence", "Tài liệu kiểm chứng", 40],
      ["notes", "Giải trình", 36],
    ];
    const colOf = Object.fromEntries(columns.map(([role], i) => [role, i + 1]));
    columns.forEach(([, , w], i) => (ws.getColumn(i + 1).width = w));
    const font = (extra = {}) => ({ name: "Times New Roman", size: 12, ...extra });
    const titles = [
      `UBND THÀNH PHỐ HẢI PHÒNG — ${cfg.heading}`,
      `BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${YEAR}`,
      `(Theo bộ tiêu chí ${catalog.id}; trang "Bộ tiêu chí" kèm theo — số liệu mẫu)`,
    ];
    titles.forEach((text, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = text;
      ws.mergeCells(i + 1, 1, i + 1, columns.length);
      cell.font = font({ bold: i < 2, italic: i === 2 });
      cell.alignment = { horizontal: "center" };
    });
    ws.getCell(titles.length + 1, 1).value = `Đơn vị: ${cfg.unit}`;
    ws.getCell(titles.length + 1, 1).font = font({ bold: true });
    const headerRow = titles.length + 3;
    const border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
    columns.forEach(([, text], i) => {
      const cell = ws.getCell(headerRow, i + 1);
      cell.value = text;
      cell.font = font({ bold: true });
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = border;
    });
    const where = new Map();
    let r = headerRow + 1;
    for (const node of core.walk(catalog.nodes)) {
      const row = rows.get(node.code);
      const level = node.code.split(".").length;
      const cells = { code: node.code, name: node.name, max: core.effectiveMax(node), value: row.leaf ? row.value : null, self: row.self, evidence: row.evidence, notes: row.notes };
      for (const [role, col] of Object.entries(colOf)) {
        const cell = ws.getCell(r, col);
        cell.value = cells[role] === undefined ? null : cells[role];
        cell.font = font({ bold: level === 1 });
        if (role === "code") cell.numFmt = "@";
        if (["max", "self"].includes(role)) cell.numFmt = "0.00";
        if (["name", "evidence", "notes", "value"].includes(role)) cell.alignment = { wrapText: true, vertical: "top", indent: role === "name" ? level - 1 : 0 };
        cell.border = border;
      }
      where.set(node.code, r);
      r++;
    }
    ws.getCell(r, colOf.name).value = "Tổng cộng";
    ws.getCell(r, colOf.name).font = font({ bold: true });
    ws.getCell(r + 2, colOf.evidence).value = "THỦ TRƯỞNG ĐƠN VỊ";
    ws.views = [{ state: "frozen", ySplit: headerRow }];

    const { addSheet } = require("../lib/cli/xlsx/write");
    addSheet(wb, core.catalogToSheet(catalog), { owned: false });
    const out = path.join(ROOT, cfg.file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), when.getTime()));

    const defects = (cfg.defects || []).map((d) => ({ ...d, cell: `${core.columnLetters(colOf[d.column] - 1)}${where.get(d.code)}` }));
    const total = r2(catalog.nodes.reduce((a, f) => a + (rows.get(f.code).self ?? 0), 0));
    return { cfg: { ...cfg, catalog: catalog.id }, defects, totals: { self: total, max: 100 }, criteria: where.size };
  }

  return {
    catalogFiles: CATALOGS.map((c) => c.file),
    async write() {
      for (const { file, catalog } of CATALOGS) {
        core.parseCatalog(catalog, file);
        fs.writeFileSync(path.join(ROOT, file), `${JSON.stringify(catalog, null, 2)}\n`);
      }
      const results = [];
      for (const cfg of UNITS) results.push(await writeUnitBook(cfg));
      return results;
    },
  };
};
