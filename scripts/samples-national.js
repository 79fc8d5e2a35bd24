/**
 * The national-style sample (made by make-samples.js): a district catalogue written the way QĐ 876/QĐ-BNV and the
 * provinces word their criteria — named outcomes, Vietnamese ranges, "điểm tối đa" / "75% điểm", a survey part
 * (35 of 100 points), a bonus section and a penalty section, class bands of five levels — two districts' workbooks
 * on it (each carrying the catalogue as a sheet, the way a province sends its template), and the survey table the
 * Department of Home Affairs keeps. Made-up figures; deterministic.
 *
 *   samples/bo-tieu-chi-huyen-2026.json          the catalogue
 *   samples/quoc-gia/huyen-tua-chua-2026.xlsx     codes 1, 1.1, 1.1.1; a survey column
 *   samples/quoc-gia/huyen-nam-po-2026.xlsx       fields I, II…, criteria 1, 2…, sub-criteria a, b…; no survey column
 *   samples/dieu-tra-xhh-huyen-2026.xlsx          the survey table (unit × criterion code)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

const CATALOG_FILE = "bo-tieu-chi-huyen-2026.json";
const SURVEY_FILE = "dieu-tra-xhh-huyen-2026.xlsx";
const YEAR = 2026;

const leaf = (code, name, max, rule, extra = {}) => ({ code, name, max, ...(rule ? { rule } : {}), ...extra });

const CATALOG = {
  id: "mau-huyen-2026",
  name: "Bộ tiêu chí mẫu xác định Chỉ số CCHC cấp huyện năm 2026 (cách viết theo QĐ 876/QĐ-BNV; số liệu mẫu)",
  source: "Mẫu của PAR Scorer, viết theo cách trình bày của QĐ 876/QĐ-BNV ngày 10/11/2022 (không phải văn bản chính thức)",
  level: "district",
  year: YEAR,
  bands: "Xuất sắc>=90; Tốt>=80; Khá>=70; Trung bình>=50; Yếu",
  nodes: [
    {
      code: "1",
      name: "Công tác chỉ đạo, điều hành cải cách hành chính",
      children: [
        {
          code: "1.1",
          name: "Kế hoạch cải cách hành chính năm",
          children: [
            leaf("1.1.1", "Ban hành kế hoạch CCHC năm", 1.5, '"Ban hành kịp thời": điểm tối đa; "Ban hành không kịp thời": 50% điểm tối đa; "Không ban hành": 0', {
              evidence: ["Kế hoạch CCHC năm"],
            }),
            leaf("1.1.2", "Mức độ thực hiện kế hoạch CCHC", 1.5, "100%: điểm tối đa; từ 80% đến dưới 100%: 1; dưới 80%: 0", { evidence: ["Báo cáo CCHC năm"] }),
          ],
        },
        leaf("1.2", "Thực hiện chế độ báo cáo CCHC định kỳ", 2, '"Đầy đủ, đúng hạn": 2; "Đầy đủ nhưng có báo cáo trễ hạn": 1; "Không đầy đủ": 0'),
        {
          code: "1.3",
          name: "Công tác kiểm tra CCHC",
          children: [
            leaf("1.3.1", "Tỷ lệ cơ quan, đơn vị được kiểm tra trong năm", 2, "từ 30% trở lên: 2; từ 20% đến dưới 30%: 1; dưới 20%: 0"),
            leaf("1.3.2", "Xử lý các vấn đề phát hiện qua kiểm tra", 2, "100%: 2; từ 80% đến dưới 100%: 1; dưới 80%: 0"),
          ],
        },
        leaf("1.4", "Công tác thông tin, tuyên truyền CCHC", 2, '"Hoàn thành xuất sắc": điểm tối đa; "Hoàn thành tốt": 75% điểm; "Hoàn thành": 50% điểm; "Không hoàn thành": 0'),
        leaf("1.5", "Sáng kiến, giải pháp mới trong CCHC", 3, null, { evidenceRequirement: "Quyết định công nhận sáng kiến; điểm do Hội đồng thẩm định xét" }),
      ],
    },
    {
      code: "2",
      name: "Cải cách thủ tục hành chính",
      children: [
        leaf("2.1", "Công khai TTHC đầy đủ, đúng hạn", 3, "có: 3; không: 0"),
        leaf("2.2", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", 5, "100%: điểm tối đa; từ 95% đến dưới 100%: 3; từ 90% đến dưới 95%: 1; dưới 90%: 0"),
        leaf("2.3", "Tiếp nhận, xử lý phản ánh, kiến nghị", 4, "100%: 4; từ 90% đến dưới 100%: 2; dưới 90%: 0"),
        leaf("2.4", "Số hóa hồ sơ, kết quả giải quyết TTHC", 4, "từ 80% trở lên: 4; từ 50% đến dưới 80%: 2; dưới 50%: 0"),
      ],
    },
    {
      code: "3",
      name: "Cải cách tổ chức bộ máy và công vụ",
      children: [
        leaf("3.1", "Sắp xếp tổ chức bộ máy theo quy định", 5, '"Đạt": 5; "Không đạt": 0'),
        leaf("3.2", "Tuyển dụng, sử dụng công chức đúng quy định", 5, '"Đúng quy định": 5; "Có sai phạm": 0'),
        leaf("3.3", "Tỷ lệ công chức được đào tạo, bồi dưỡng", 5, "100%: 5; từ 80% đến dưới 100%: 3; dưới 80%: 0"),
      ],
    },
    {
      code: "4",
      name: "Cải cách tài chính công, hiện đại hóa nền hành chính",
      children: [
        leaf("4.1", "Tỷ lệ giải ngân vốn đầu tư công", 5, "từ 95% trở lên: 5; từ 80% đến dưới 95%: 3; dưới 80%: 0"),
        leaf("4.2", "Tỷ lệ hồ sơ TTHC nộp trực tuyến", 5, "từ 50% trở lên: 5; từ 30% đến dưới 50%: 3; dưới 30%: 0"),
        leaf("4.3", "Sử dụng chữ ký số trong văn bản điện tử", 5, "có: 5; không: 0"),
        leaf("4.4", "Thực hiện tự chủ của đơn vị sự nghiệp công lập", 5, null),
      ],
    },
    {
      code: "5",
      name: "Điều tra xã hội học",
      assessedBy: "survey",
      children: [leaf("5.1", "Sự hài lòng của người dân, tổ chức", 20), leaf("5.2", "Đánh giá của đại biểu HĐND, cán bộ, công chức", 15)],
    },
    {
      code: "6",
      name: "Điểm thưởng",
      kind: "bonus",
      max: 3,
      children: [leaf("6.1", "Sáng kiến CCHC được cấp tỉnh công nhận", 2), leaf("6.2", "Giải thưởng, bằng khen về CCHC", 2)],
    },
    {
      code: "7",
      name: "Điểm trừ",
      kind: "penalty",
      max: 3,
      children: [
        leaf("7.1", "Báo cáo trễ hạn (0,5 điểm mỗi báo cáo)", 2, "*: 0,5*x"),
        leaf("7.2", "Có cán bộ vi phạm kỷ luật hành chính bị xử lý", 3, "có: 3; không: 0"),
      ],
    },
  ],
};

/**
 * The two districts: result per criterion (a named outcome, a rate, yes/no, a count) or typed points where the
 * catalogue has no rule; survey points; planted defects.
 */
const UNITS = [
  {
    file: "quoc-gia/huyen-tua-chua-2026.xlsx",
    sheet: "Tự đánh giá 2026",
    unit: "UBND HUYỆN TỦA CHÙA",
    group: "UBND cấp huyện (QĐ 876)",
    numbering: "literal",
    surveyColumn: true,
    results: {
      "1.1.1": "Ban hành kịp thời",
      "1.1.2": "100%",
      "1.2": "Đầy đủ nhưng có báo cáo trễ hạn",
      "1.3.1": "35%",
      "1.3.2": "100%",
      "1.4": "Hoàn thành khá",
      "1.5": 2,
      "2.1": "có",
      "2.2": "97,5%",
      "2.3": "100%",
      "2.4": "85%",
      "3.1": "Đạt",
      "3.2": "Đúng quy định",
      "3.3": "92%",
      "4.1": "96%",
      "4.2": "41%",
      "4.3": "có",
      "4.4": 4,
      "6.1": 2,
      "6.2": 0,
      "7.1": 1,
      "7.2": "không",
    },
    survey: { "5.1": 17.5, "5.2": 12.25 },
    /** Planted: 1.4's result is no outcome of its rule; 5.1 self-scored; 6.1's bonus claimed without evidence or note. */
    edit(rows) {
      Object.assign(rows.get("1.4"), { self: 1.5, notes: "Tuyên truyền đạt mức khá" });
      rows.get("5.1").self = 18;
      rows.get("6.1").bare = true;
    },
    defects: [
      { code: "1.4", column: "value", kind: "score-invalid", what: 'Kết quả "Hoàn thành khá" không phải một kết quả của quy tắc — "Hoàn thành khá" is not one of the rule\'s outcomes' },
      { code: "5.1", column: "self", kind: "score-invalid", what: "Tiêu chí điều tra xã hội học bị tự chấm 18 điểm (không được tính) — a survey criterion self-scored (not counted)" },
      { code: "6.1", column: "evidence", kind: "missing-evidence", what: "Điểm thưởng 2 điểm nhưng không có tài liệu kiểm chứng — a 2-point bonus without evidence" },
      { code: "6.1", column: "notes", kind: "missing-explanation", what: "…và không có giải trình — and no explanation" },
    ],
  },
  {
    file: "quoc-gia/huyen-nam-po-2026.xlsx",
    sheet: "Biểu tự chấm",
    unit: "UBND HUYỆN NẬM PỒ",
    group: "UBND cấp huyện (QĐ 876)",
    numbering: "relative",
    surveyColumn: false,
    results: {
      "1.1.1": "Ban hành không kịp thời",
      "1.1.2": "85%",
      "1.2": "Đầy đủ, đúng hạn",
      "1.4": "Hoàn thành tốt",
      "1.5": 0,
      "2.1": "có",
      "2.2": "92%",
      "2.3": "95%",
      "2.4": "60%",
      "3.1": "Đạt",
      "3.2": "Đúng quy định",
      "3.3": "100%",
      "4.1": "82%",
      "4.2": "28%",
      "4.3": "có",
      "6.1": 0,
      "6.2": 1,
      "7.1": 0,
      "7.2": "không",
    },
    /** Criterion 1.3 (inspections) is marked "Không áp dụng" on its own row: its sub-criteria do not apply. Field 4.4 too. */
    notApplicable: ["1.3", "4.4"],
    /** Planted: 2.2's self score typed as full points though 92% gives 1; row 3.3 deleted. */
    edit(rows, doc) {
      Object.assign(rows.get("2.2"), { self: 5, bare: true, evidence: doc("2.2") });
      rows.delete("3.3");
    },
    defects: [
      { code: "2.2", column: "self", kind: "score-mismatch", what: "Tự chấm 5 điểm nhưng kết quả 92% theo quy tắc chỉ được 1 — self score 5, the rule gives 1 for 92%" },
      { code: "3.3", column: "code", kind: "missing-criterion", what: "Thiếu dòng tiêu chí 3.3 — row 3.3 deleted" },
    ],
  },
];

/** The survey table: points per unit and survey criterion, as the Department of Home Affairs records them. */
const SURVEY = [
  ["UBND huyện Tủa Chùa", 17.5, 12.25],
  ["UBND huyện Nậm Pồ", 15.75, 11],
];

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
const LETTERS = ["a", "b", "c", "d", "đ", "e"];

module.exports = function national({ core, fixZipDates, ROOT }) {
  const catalog = core.parseCatalog(CATALOG, CATALOG_FILE);
  const when = new Date(Date.UTC(2027, 0, 8, 8, 30));
  const r2 = (x) => Math.round(x * 100) / 100;
  const doc = (code) => `Báo cáo số ${10 + Number(code.replace(/\./g, "")) % 80}/BC-UBND ngày 15/12/${YEAR}`;

  function leafRows(cfg) {
    const rows = new Map();
    for (const node of core.walk(catalog.nodes)) {
      const isLeaf = node.children.length === 0;
      const part = core.nodePart(catalog, node.code);
      const row = { node, code: node.code, leaf: isLeaf, part, value: null, self: null, survey: null, evidence: null, notes: null };
      if (isLeaf) {
        const na = (cfg.notApplicable || []).some((c) => node.code === c || node.code.startsWith(`${c}.`));
        if (part.survey) {
          row.survey = cfg.surveyColumn ? (cfg.survey[node.code] ?? null) : null;
        } else if (na) {
          if (node.code === "4.4") row.self = "Không áp dụng";
        } else {
          const result = cfg.results[node.code];
          if (node.rule) {
            row.value = result;
            try {
              const scored = core.score(node.rule, result, node.max);
              row.self = scored.kind === "points" ? scored.points : null;
            } catch {
              row.self = null;
            }
          } else row.self = result;
        }
      } else if ((cfg.notApplicable || []).includes(node.code)) {
        row.value = "Không áp dụng";
        row.self = "Không áp dụng";
        row.notes = "Huyện chưa tổ chức kiểm tra CCHC do mới sắp xếp đơn vị hành chính";
      }
      rows.set(node.code, row);
    }
    return rows;
  }

  /** Evidence for every claimed point and a note below the maximum, except where a defect is planted (row.bare). */
  function dress(rows) {
    for (const row of rows.values()) {
      if (!row.leaf || row.bare || row.part.survey || row.part.kind === "penalty" || typeof row.self !== "number") continue;
      if (row.self > 0) row.evidence = doc(row.code);
      if (row.part.kind === "base" && row.self < row.node.max) row.notes = "Chưa đạt tối đa do một số nhiệm vụ hoàn thành chậm; đã có kế hoạch khắc phục";
    }
  }

  /** Parents: the sum of what their children show (bonus and penalty sections capped at their max). */
  function parentSums(rows) {
    const nodes = [...core.walk(catalog.nodes)].reverse();
    for (const node of nodes) {
      const row = rows.get(node.code);
      if (!row || row.leaf || row.self === "Không áp dụng") continue;
      const kids = node.children.map((c) => rows.get(c.code)).filter(Boolean);
      const sum = (key) => {
        const nums = kids.map((k) => k[key]).filter((v) => typeof v === "number");
        return nums.length === 0 ? null : r2(nums.reduce((a, v) => a + v, 0));
      };
      const cap = row.part.kind === "base" ? Infinity : core.effectiveMax(node);
      const self = sum("self");
      row.self = self === null || row.part.survey ? null : Math.min(self, cap);
      row.survey = sum("survey");
    }
  }

  function displayCode(cfg, code) {
    if (cfg.numbering === "literal") return code;
    const parts = code.split(".").map(Number);
    if (parts.length === 1) return ROMAN[parts[0] - 1];
    if (parts.length === 2) return parts[1];
    return `${LETTERS[parts[2] - 1]})`;
  }

  async function writeUnitBook(cfg) {
    const rows = leafRows(cfg);
    cfg.edit(rows, doc);
    dress(rows);
    parentSums(rows);
    const wb = new ExcelJS.Workbook();
    wb.creator = cfg.unit;
    wb.created = when;
    wb.modified = when;
    const ws = wb.addWorksheet(cfg.sheet, { pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    const columns = [
      ["code", "STT", 7],
      ["name", "Nội dung tiêu chí", 52],
      ["max", "Điểm tối đa", 10],
      ["value", "Kết quả thực hiện", 26],
      ["self", "Điểm tự chấm", 10],
      ...(cfg.surveyColumn ? [["survey", "Điều tra XHH", 10]] : []),
      ["evidence", "Tài liệu kiểm chứng", 40],
      ["notes", "Giải trình", 36],
    ];
    const colOf = Object.fromEntries(columns.map(([role], i) => [role, i + 1]));
    columns.forEach(([, , w], i) => (ws.getColumn(i + 1).width = w));
    const font = (extra = {}) => ({ name: "Times New Roman", size: 12, ...extra });
    const titles = [cfg.unit, `BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM ${YEAR}`, `(Theo bộ tiêu chí ${CATALOG.id}; trang "Bộ tiêu chí" kèm theo)`];
    titles.forEach((text, i) => {
      const cell = ws.getCell(i + 1, 1);
      cell.value = text;
      ws.mergeCells(i + 1, 1, i + 1, columns.length);
      cell.font = font({ bold: i < 2, italic: i === 2 });
      cell.alignment = { horizontal: "center" };
    });
    const headerRow = titles.length + 2;
    columns.forEach(([, text], i) => {
      const cell = ws.getCell(headerRow, i + 1);
      cell.value = text;
      cell.font = font({ bold: true });
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
    });
    const where = new Map();
    let r = headerRow + 1;
    for (const node of core.walk(catalog.nodes)) {
      const row = rows.get(node.code);
      if (!row) continue;
      const level = node.code.split(".").length;
      const max = core.effectiveMax(node);
      const cells = { code: displayCode(cfg, node.code), name: node.name, max, value: row.value, self: row.self, survey: row.survey, evidence: row.evidence, notes: row.notes };
      for (const [role, col] of Object.entries(colOf)) {
        const cell = ws.getCell(r, col);
        const v = cells[role];
        cell.value = v === undefined ? null : v;
        cell.font = font({ bold: level === 1 });
        if (role === "code") cell.numFmt = "@";
        if (["max", "self", "survey"].includes(role)) cell.numFmt = "0.00";
        if (["name", "evidence", "notes", "value"].includes(role)) cell.alignment = { wrapText: true, vertical: "top", indent: role === "name" ? level - 1 : 0 };
        cell.border = { top: { style: "thin" }, left: { style: "thin" }, bottom: { style: "thin" }, right: { style: "thin" } };
      }
      where.set(node.code, r);
      r++;
    }
    ws.getCell(r, colOf.name).value = "Tổng cộng";
    ws.getCell(r, colOf.name).font = font({ bold: true });
    ws.getCell(r + 2, colOf.evidence).value = "NGƯỜI LẬP BIỂU";
    ws.views = [{ state: "frozen", ySplit: headerRow }];

    // The catalogue travels with the template, as PAR Scorer's catalogue sheet: the workbook names its own catalogue.
    const { addSheet } = require("../lib/cli/xlsx/write");
    addSheet(wb, core.catalogToSheet(catalog), { owned: false });

    const out = path.join(ROOT, cfg.file);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), when.getTime()));

    // Each defect's cell; a deleted row is reported below the nearest earlier row present.
    const defects = cfg.defects.map((d) => {
      let row = where.get(d.code);
      let column = d.column;
      if (row === undefined) {
        let anchor = headerRow;
        for (const node of core.walk(catalog.nodes)) {
          if (node.code === d.code) break;
          if (where.has(node.code)) anchor = where.get(node.code);
        }
        row = anchor + 1;
        column = "code";
      }
      return { ...d, cell: `${core.columnLetters(colOf[column] - 1)}${row}` };
    });
    const field = (key) => r2(catalog.nodes.reduce((a, f) => a + (typeof rows.get(f.code)?.[key] === "number" ? rows.get(f.code)[key] : 0), 0));
    return {
      cfg: { ...cfg, catalog: CATALOG.id },
      defects,
      totals: { self: field("self"), max: 100 },
      criteria: where.size,
    };
  }

  async function writeSurvey() {
    const wb = new ExcelJS.Workbook();
    wb.created = when;
    wb.modified = when;
    const ws = wb.addWorksheet("Điều tra XHH 2026");
    ws.addRow([`KẾT QUẢ ĐIỀU TRA XÃ HỘI HỌC NĂM ${YEAR} (điểm theo tiêu chí của bộ ${CATALOG.id})`]);
    ws.addRow([]);
    ws.addRow(["Đơn vị", "5.1", "5.2"]);
    for (const row of SURVEY) ws.addRow(row);
    ws.getColumn(1).width = 32;
    ws.getRow(3).font = { bold: true };
    fs.writeFileSync(path.join(ROOT, SURVEY_FILE), fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), when.getTime()));
  }

  return {
    catalogFile: CATALOG_FILE,
    surveyFile: SURVEY_FILE,
    async write() {
      fs.writeFileSync(path.join(ROOT, CATALOG_FILE), `${JSON.stringify(CATALOG, null, 2)}\n`);
      const results = [];
      for (const cfg of UNITS) results.push(await writeUnitBook(cfg));
      await writeSurvey();
      return results;
    },
  };
};
