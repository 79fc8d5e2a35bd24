#!/usr/bin/env node
/**
 * Generates the bundled sample workbooks in samples/: units' self-assessment sheets (bảng tự đánh giá, chấm điểm
 * Chỉ số CCHC) laid out like real provincial templates, each with a few real defects planted on purpose and listed
 * in samples/DEFECTS.md; also samples/README.md.
 *
 *   samples/so/*.xlsx              4 departments of Điện Biên in 2018 (group "Sở, ban, ngành"), catalogue dien-bien-so
 *   samples/huyen/*.xlsx           3 districts of Điện Biên in 2018 (before 1 July 2025), catalogue dien-bien-so
 *   samples/tinh-dien-bien-2018.xlsx  the province, catalogue dien-bien-2018
 *   samples/2026/{so,phuong,xa}/   since 1 July 2025 (samples-2026.js): 2 departments, 2 wards, 2 communes and a
 *                                  special zone of Hải Phòng, on three sample catalogues of 2026 (bo-tieu-chi-so-2026,
 *                                  -phuong-2026, -xa-2026.json), ranked apart without --groups
 *   samples/quoc-gia/*.xlsx        2 districts on a national-style catalogue (samples-national.js): named outcomes,
 *                                  a survey part, bonus and penalty sections; with samples/bo-tieu-chi-huyen-2026.json
 *                                  and the survey table samples/dieu-tra-xhh-huyen-2026.xlsx
 *
 * dien-bien-so gives names only, no points: its workbooks carry their own "Điểm tối đa" column (MAX_SO below,
 * 100 points in all). Everything is deterministic (a seeded generator; fixed dates in the files), so running it
 * again gives the same bytes. Needs the compiled core: `npm run build:cli` first.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

let core;
try {
  core = require("../lib/scoring");
  if (typeof core.parseDeadline !== "function") throw new Error("lib/scoring has no parseDeadline: it is out of date");
} catch (e) {
  console.error(`Chưa có lib/scoring mới (the compiled core): chạy "npm run build:cli" trước. (${e.message})`);
  process.exit(2);
}

const ROOT = path.join(__dirname, "..", "samples");
const YEAR = 2018;

/* ------------------------------------------------------------------------------------------------ helpers */

/** mulberry32: a small seeded generator, so the samples are the same on every run. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  next.pick = (list) => list[Math.floor(next() * list.length)];
  return next;
}

const round2 = (x) => Math.round(x * 100 + Number.EPSILON * 100) / 100;
const DAY = 86_400_000;
const utc = (y, m, d) => Date.UTC(y, m - 1, d);
const EPOCH = Date.UTC(1899, 11, 30);
const serialOf = (ms) => Math.round((ms - EPOCH) / DAY);
const msOf = (serial) => EPOCH + serial * DAY;

function ddmmyyyy(ms) {
  const d = new Date(ms);
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

function fold(text) {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

function slug(text, words = 7) {
  return fold(text)
    .replace(/\(.*?\)/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .slice(0, words)
    .join("-");
}


/** Sets every zip entry's time stamp to one fixed moment, so the file's bytes do not depend on when it was made. */
function fixZipDates(buf, when) {
  const d = new Date(when);
  const dosTime = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  const dosDate = ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) return buf;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < count && buf.readUInt32LE(p) === 0x02014b50; i++) {
    buf.writeUInt16LE(dosTime, p + 12);
    buf.writeUInt16LE(dosDate, p + 14);
    const local = buf.readUInt32LE(p + 42);
    if (buf.readUInt32LE(local) === 0x04034b50) {
      buf.writeUInt16LE(dosTime, local + 10);
      buf.writeUInt16LE(dosDate, local + 12);
    }
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return buf;
}

/* ------------------------------------------------------------------------------------------------ maxima */

/**
 * Maxima the dien-bien-so workbooks supply (the catalogue has none): 0,5 to 4 points per sub-criterion, 100 in all
 * (fields: 15 · 12,5 · 12 · 10,5 · 13 · 7 · 16 · 14).
 */
const MAX_SO = {
  "1.1.1": 1, "1.1.2": 1, "1.1.3": 1, "1.1.4": 2,
  "1.2.1": 1, "1.2.2": 0.5, "1.2.3": 1,
  "1.3.1": 1, "1.3.2": 1, "1.3.3": 1,
  "1.4.1": 0.5, "1.4.2": 1,
  "1.5.1": 1, "1.5.2": 2,
  "2.1.1": 2, "2.1.2": 2,
  "2.2.1": 0.5, "2.2.2": 1, "2.2.3": 1,
  "2.3.1": 1, "2.3.2": 0.5, "2.3.3": 1, "2.3.4": 1,
  "2.4.1": 0.5, "2.4.2": 1, "2.4.3": 1,
  "3.1.1": 1, "3.1.2": 1, "3.1.3": 1, "3.1.4": 2, "3.1.5": 1, "3.1.6": 2,
  "3.2.1": 2, "3.2.2": 2,
  "4.1.1": 4,
  "4.2.1": 0.5, "4.2.2": 1, "4.2.3": 1,
  "4.3.1": 1, "4.3.2": 2, "4.3.3": 1,
  "5.1.1": 2, "5.1.2": 1.5,
  "5.2.1": 2, "5.2.2": 1.5,
  "5.3.1": 1, "5.3.2": 2,
  "5.4.1": 2, "5.4.2": 1,
  "6.1.1": 2, "6.1.2": 1.5,
  "6.2.1": 2, "6.2.2": 1.5,
  "7.1.1": 1, "7.1.2": 2, "7.1.3": 1.5, "7.1.4": 1, "7.1.5": 1, "7.1.6": 0.5,
  "7.2.1": 1, "7.2.2": 3,
  "7.3.1": 2, "7.3.2": 1, "7.3.3": 2,
  "8.1.1": 2, "8.2.1": 2, "8.3.1": 1, "8.3.2": 2, "8.4.1": 3, "8.5.1": 4,
};

/* ------------------------------------------------------------------------------------------------ content */

const REASONS = [
  "Còn 01 nhiệm vụ chưa hoàn thành đúng tiến độ do thay đổi nhân sự phụ trách",
  "Báo cáo quý III gửi chậm 05 ngày so với quy định",
  "Kết quả thực hiện đạt 85% kế hoạch; các nội dung còn lại chuyển sang năm 2019",
  "Chưa bố trí được kinh phí để triển khai đầy đủ",
  "Một số nội dung chưa đạt yêu cầu theo kết luận kiểm tra của Sở Nội vụ",
  "Thực hiện chưa đầy đủ ở 02 đơn vị trực thuộc",
  "Hồ sơ lưu trữ chưa đầy đủ, đang bổ sung",
];

const ZERO_REASONS = [
  "Trong năm chưa triển khai được do chưa có hướng dẫn của cơ quan cấp trên",
  "Chưa thực hiện; đơn vị sẽ khắc phục trong năm 2019",
];

/** A random day of 2018 from `from` (serial) to `to`, never after 30/11/2018. */
function dayIn(r, from, to) {
  const last = Math.min(to, serialOf(utc(YEAR, 11, 30)));
  return from >= last ? last : r.int(from, last);
}

const S = (y, m, d) => serialOf(utc(y, m, d));

/** Result, evidence and a note for one dien-bien-so sub-criterion, by what its name asks for. */
function soLeafContent(node, outcome, unit, r) {
  const name = node.name;
  const f = fold(name);
  const ref = (type, abbr, serial, about) => `${type} số ${r.int(12, 398)}/${abbr}-${unit.abbr} ngày ${ddmmyyyy(msOf(serial))}${about ? ` ${about}` : ""}`;
  let value;
  const evidence = [];
  if (/^ban hanh/.test(f)) {
    value = outcome === "full" ? "Đã ban hành" : outcome === "partial" ? "Ban hành chậm so với quy định" : "Chưa ban hành";
    const what = name.replace(/^Ban hành\s*/i, "").replace(/\s*\(.*$/, "").replace(/\s+(hàng năm|năm)$/i, "");
    const planDay = outcome === "full" ? dayIn(r, S(2017, 12, 15), S(2017, 12, 29)) : dayIn(r, S(2018, 1, 20), S(2018, 3, 15));
    const type = /quy che|danh muc|quy trinh/.test(fold(what)) ? "Quyết định" : "Kế hoạch";
    evidence.push(ref(type, type === "Kế hoạch" ? "KH" : "QĐ", planDay, `về ${what.charAt(0).toLowerCase()}${what.slice(1)} năm ${YEAR}`));
  } else if (/so luong bao cao|bao cao/.test(f) && /^so luong|^tat ca/.test(f)) {
    value = outcome === "full" ? "4/4 báo cáo" : outcome === "partial" ? "3/4 báo cáo" : "1/4 báo cáo";
    const reports = [
      ["quý I", S(2018, 3, 12)],
      ["6 tháng", S(2018, 6, 12)],
      ["quý III", S(2018, 9, 12)],
      ["năm", S(2018, 11, 26)],
    ];
    const n = outcome === "full" ? 4 : outcome === "partial" ? 3 : 1;
    for (const [period, day] of reports.slice(0, n)) evidence.push(ref("Báo cáo", "BC", day - r.int(0, 4), `về kết quả CCHC ${period} năm ${YEAR}`));
  } else if (/muc do|ty le/.test(f)) {
    value = outcome === "full" ? 1 : outcome === "partial" ? r.pick([0.8, 0.85, 0.9]) : 0.5;
    evidence.push(ref("Báo cáo", "BC", dayIn(r, S(2018, 10, 1), S(2018, 11, 30)), `về kết quả thực hiện năm ${YEAR}`));
  } else if (/kiem tra|thanh tra|ra soat/.test(f)) {
    value = outcome === "full" ? "Đã thực hiện đầy đủ" : outcome === "partial" ? "Thực hiện chưa đầy đủ" : "Chưa thực hiện";
    evidence.push(ref("Báo cáo", "BC", dayIn(r, S(2018, 6, 1), S(2018, 11, 30)), `về kết quả ${f.includes("thanh tra") ? "thanh tra" : "kiểm tra"} năm ${YEAR}`));
    if (r() < 0.5) evidence.push(ref("Thông báo kết luận", "TB", dayIn(r, S(2018, 5, 1), S(2018, 10, 31)), ""));
  } else {
    value = outcome === "full" ? "Đã thực hiện" : outcome === "partial" ? "Thực hiện chưa đầy đủ" : "Chưa thực hiện";
    evidence.push(ref("Báo cáo", "BC", dayIn(r, S(2018, 3, 1), S(2018, 11, 30)), `về kết quả thực hiện ${name.length > 60 ? "nhiệm vụ" : name.charAt(0).toLowerCase() + name.slice(1)}`));
  }
  // Now and then a file or a link on the unit's portal as well, as units really attach them.
  const extra = r();
  if (extra < 0.2) evidence.push(`${slug(name)}-${YEAR}.pdf`);
  else if (extra < 0.35) evidence.push(`https://${unit.site}/cai-cach-hanh-chinh/${slug(name)}`);
  if (outcome === "zero") evidence.length = 0;
  return { value, evidence };
}

/* --------------------------------------------------------------------------------------- units and defects */

/**
 * The units. Each has its own layout (columns, their wording and order, title rows, how codes are typed, sums as
 * formulas or typed) and its planted defects: functions that change the rows and say what they did.
 */
const SO = "dien-bien-so";

const UNITS = [
  {
    file: "so/so-tu-phap.xlsx",
    unit: "Sở Tư pháp",
    group: "Sở, ban, ngành",
    catalog: SO,
    sheet: "Tự chấm 2018",
    abbr: "STP",
    site: "sotuphap.dienbien.gov.vn",
    seed: 101,
    full: 0.8,
    notApplicable: [],
    codes: "plain",
    formulas: true,
    numFmt: "0.00",
    titles: [["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN"], ["SỞ TƯ PHÁP"], null, ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2018", "title"], ["Đơn vị: Sở Tư pháp"], ["Bộ tiêu chí: dien-bien-so"], null],
    columns: [
      ["code", "STT", 8],
      ["name", "Nội dung", 48],
      ["max", "Điểm tối đa", 9],
      ["value", "Kết quả thực hiện", 18],
      ["self", "Điểm tự chấm", 9],
      ["evidence", "Tài liệu kiểm chứng", 52],
      ["notes", "Giải trình", 30],
    ],
    defects: [
      (u) => u.removeRow("2.3.4", "missing-criterion", "Thiếu dòng tiêu chí thành phần 2.3.4 (bị xóa khi sửa bảng) — sub-criterion row 2.3.4 deleted"),
      (u) => u.setSelf("1.3.2", "đạt", "score-invalid", 'Điểm tự chấm ghi chữ "đạt" thay vì số điểm — self score typed as the word "đạt"'),
      (u) => {
        u.leaf("5.3.1", { self: u.max("5.3.1"), evidence: [], notes: "" });
        u.defect("5.3.1", "evidence", "missing-evidence", "Chấm đủ điểm nhưng không có tài liệu kiểm chứng — full points, no evidence");
        u.defect("5.3.1", "notes", "missing-explanation", "…và không có giải trình — and no explanation");
      },
      (u) => {
        u.leaf("7.1.5", { evidence: ["ftp://192.168.10.5/tlkc/2018/cong-thong-tin-dien-tu.pdf"] });
        u.defect("7.1.5", "evidence", "evidence-invalid", "Tài liệu kiểm chứng là liên kết ftp:// hội đồng không mở được — an ftp:// link");
      },
      (u) => u.overrideParent("3", "self", +1, "sum-mismatch", "Điểm tự chấm của lĩnh vực 3 gõ tay, lớn hơn tổng các tiêu chí con 1 điểm — field 3's self score typed over its SUM, 1 point above its children"),
    ],
  },
  {
    file: "so/so-noi-vu.xlsx",
    unit: "Sở Nội vụ",
    group: "Sở, ban, ngành",
    catalog: SO,
    sheet: "Bang tu cham",
    abbr: "SNV",
    site: "sonoivu.dienbien.gov.vn",
    seed: 202,
    full: 0.86,
    notApplicable: ["5.4.2"],
    naText: "KAD",
    codes: "trailingDot",
    formulas: false,
    numFmt: null,
    titles: [
      ["UBND TỈNH ĐIỆN BIÊN", "left", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["SỞ NỘI VỤ", "left", "Độc lập - Tự do - Hạnh phúc"],
      null,
      ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018", "title"],
      ["(Kèm theo Báo cáo số 05/BC-SNV ngày 08/01/2019 của Sở Nội vụ)", "subtitle"],
      ["Đơn vị: Sở Nội vụ", "pair", "Bộ tiêu chí: dien-bien-so"],
    ],
    columns: [
      ["code", "Mã số", 9],
      ["name", "Tiêu chí", 50],
      ["max", "Điểm chuẩn", 8],
      ["value", "Số liệu", 16],
      ["self", "Điểm tự đánh giá", 10],
      ["appraised", "Điểm thẩm định", 10],
      ["evidence", "TLKC", 50],
      ["notes", "Ghi chú", 28],
    ],
    secondSheet: "guide",
    defects: [
      (u) => u.addExtraRow(
        { code: "9.1", name: "Công tác dân vận chính quyền (tiêu chí đơn vị tự bổ sung)", max: 1, value: "Đã thực hiện", self: 1, evidence: ["Kế hoạch số 88/KH-SNV ngày 10/02/2018 về công tác dân vận chính quyền năm 2018"], notes: "" },
        "unknown-criterion",
        "Mã 9.1 không có trong bộ tiêu chí (đơn vị tự thêm) — code 9.1 is not in the catalogue",
      ),
      (u) => {
        u.leaf("8.5.1", { self: 5, value: 1, notes: "" });
        u.defect("8.5.1", "self", "score-over-max", "Điểm tự chấm 5 vượt điểm tối đa 4 — self score 5 above the maximum 4");
      },
      (u) => {
        u.leaf("4.2.2", { self: u.max("4.2.2") / 2, value: "Thực hiện chưa đầy đủ", notes: "" });
        u.defect("4.2.2", "notes", "missing-explanation", "Đạt 0,5/1 điểm nhưng không giải trình — scored below the maximum with no note");
      },
      (u) => {
        u.retypeCode("3.1.5", "3.1.4.");
        u.defect("3.1.5", "code", "duplicate-criterion", 'Dòng của 3.1.5 gõ nhầm mã "3.1.4." (trùng mã) — row of 3.1.5 mistyped as a second 3.1.4', "3.1.4");
        u.defect("3.1.5", "code", "missing-criterion", "…nên thiếu 3.1.5 — so 3.1.5 is missing");
      },
      (u) => {
        u.leaf("1.4.1", { evidence: ["Kế hoạch số /KH-SNV ngày 05/01/2018 về tuyên truyền CCHC năm 2018"] });
        u.defect("1.4.1", "evidence", "evidence-invalid", "Kế hoạch thiếu số hiệu (\"Kế hoạch số /KH-SNV\") — a reference without its number");
      },
    ],
  },
  {
    file: "so/so-tai-chinh.xlsx",
    unit: "Sở Tài chính",
    group: "Sở, ban, ngành",
    catalog: SO,
    sheet: "Sheet1",
    abbr: "STC",
    site: "stc.dienbien.gov.vn",
    seed: 303,
    full: 0.74,
    notApplicable: [],
    codes: "numeric",
    formulas: false,
    numFmt: null,
    titles: [["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2018 - SỞ TÀI CHÍNH", "title"], ["Đơn vị: Sở Tài chính"], ["Bộ tiêu chí: dien-bien-so"]],
    columns: [
      ["code", "Mã số", 8],
      ["name", "Nội dung", 46],
      ["max", "Điểm tối đa", 9],
      ["self", "Điểm tự chấm (điểm)", 10],
      ["value", "Kết quả thực hiện", 20],
      ["evidence", "Tài liệu kiểm chứng", 50],
      ["notes", "Giải trình", 30],
    ],
    defects: [
      (u) => u.overrideParent("6.1", "max", +0.5, "sum-mismatch", "Điểm tối đa của tiêu chí 6.1 ghi 4, tổng tiêu chí con là 3,5 — criterion 6.1's maximum 4, its children sum to 3,5"),
      (u) => {
        u.leaf("7.2.2", { self: 2, value: 0.7, notes: "" });
        u.defect("7.2.2", "notes", "missing-explanation", "Đạt 2/3 điểm nhưng không giải trình — scored below the maximum with no note");
      },
      (u) => u.setSelf("2.2.1", "0.5đ", "score-invalid", 'Điểm tự chấm "0.5đ" (có chữ đ) không phải là số — "0.5đ" is not a number'),
      (u) => {
        u.leaf("3.2.2", { self: u.max("3.2.2"), evidence: [], notes: "Tài liệu đang được cập nhật" });
        u.defect("3.2.2", "evidence", "missing-evidence", "Chấm đủ điểm nhưng ô tài liệu kiểm chứng trống (có ghi chú) — full points, evidence cell empty");
      },
    ],
  },
  {
    // A two-row header as many templates have it: "Tự đánh giá" merged over "Kết quả thực hiện | Điểm tự chấm", the
    // other headers merged down over both rows, a column-numbering row under it; no "Đơn vị:" line (the unit is
    // named by the "SỞ Y TẾ" heading) and no "Bộ tiêu chí:" line.
    file: "so/so-y-te.xlsx",
    unit: "Sở Y tế",
    group: "Sở, ban, ngành",
    catalog: SO,
    sheet: "Tự đánh giá",
    abbr: "SYT",
    site: "soyte.dienbien.gov.vn",
    seed: 606,
    full: 0.82,
    notApplicable: [],
    codes: "plain",
    formulas: true,
    numFmt: "0.00",
    columnNumbers: true,
    titles: [
      ["UBND TỈNH ĐIỆN BIÊN", "left", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
      ["SỞ Y TẾ", "left", "Độc lập - Tự do - Hạnh phúc"],
      null,
      ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2018", "title"],
      null,
    ],
    columns: [
      ["code", "TT", 7],
      ["name", "Nội dung tiêu chí", 48],
      ["max", "Điểm tối đa", 9],
      ["value", "Kết quả thực hiện", 18, "Tự đánh giá"],
      ["self", "Điểm tự chấm", 9, "Tự đánh giá"],
      ["evidence", "Tài liệu kiểm chứng", 50],
      ["notes", "Giải trình", 28],
    ],
    defects: [
      (u) => {
        u.leaf("2.1.1", { self: u.max("2.1.1"), evidence: [], notes: "" });
        u.defect("2.1.1", "evidence", "missing-evidence", "Chấm đủ điểm nhưng không có tài liệu kiểm chứng — full points, no evidence");
        u.defect("2.1.1", "notes", "missing-explanation", "…và không có giải trình — and no explanation");
      },
      (u) => {
        u.leaf("4.1.1", { evidence: ["javascript:alert('Tai lieu kiem chung')"] });
        u.defect("4.1.1", "evidence", "evidence-invalid", "Liên kết javascript: (chạy mã khi bấm) thay cho tài liệu — a javascript: link instead of a document");
      },
    ],
  },
  {
    file: "huyen/huyen-muong-cha.xlsx",
    unit: "UBND huyện Mường Chà",
    group: "UBND cấp huyện",
    catalog: SO,
    sheet: "TỰ ĐÁNH GIÁ",
    abbr: "UBND",
    site: "muongcha.dienbien.gov.vn",
    seed: 404,
    full: 0.7,
    notApplicable: ["5.4.2", "7.3.1"],
    codes: "roman",
    formulas: false,
    numFmt: null,
    titles: [["ỦY BAN NHÂN DÂN HUYỆN MƯỜNG CHÀ"], ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2018", "title"], ["Đơn vị:", "label", "UBND huyện Mường Chà"], ["Bộ tiêu chí: dien-bien-so"]],
    columns: [
      ["code", "STT", 7],
      ["name", "Tiêu chí", 50],
      ["max", "Điểm chuẩn", 8],
      ["self", "Điểm tự chấm", 9],
      ["value", "Số liệu", 16],
      ["evidence", "TLKC", 50],
      ["notes", "Ghi chú", 30],
    ],
    defects: [
      (u) => {
        u.leaf("1.1.4", { self: 2.5, notes: "" });
        u.defect("1.1.4", "self", "score-over-max", "Điểm tự chấm 2,5 vượt điểm tối đa 2 — self score 2,5 above the maximum 2");
      },
      (u) => {
        u.removeRow("6.2", null);
        u.removeRow("6.2.1", null);
        u.removeRow("6.2.2", null);
        u.defect("6.2", "code", "missing-criterion", "Thiếu cả tiêu chí 6.2 (đơn vị bỏ qua) — criterion 6.2 left out");
        u.defect("6.2.1", "code", "missing-criterion", "…và 6.2.1 — and 6.2.1");
        u.defect("6.2.2", "code", "missing-criterion", "…và 6.2.2 — and 6.2.2");
      },
      (u) => {
        u.leaf("3.1.6", { self: 1, value: "Xử lý 8/10 phản ánh", notes: "" });
        u.defect("3.1.6", "notes", "missing-explanation", "Đạt 1/2 điểm nhưng không ghi chú — scored below the maximum with no note");
      },
      (u) => {
        u.leaf("1.4.2", { evidence: ["www.muongcha.dienbien.gov.vn/tin-tuc/cai-cach-hanh-chinh"] });
        u.defect("1.4.2", "evidence", "evidence-invalid", "Liên kết không có https:// — a link without https://");
      },
    ],
  },
  {
    file: "huyen/huyen-tuan-giao.xlsx",
    unit: "UBND huyện Tuần Giáo",
    group: "UBND cấp huyện",
    catalog: SO,
    sheet: "Tự đánh giá",
    abbr: "UBND",
    site: "tuangiao.dienbien.gov.vn",
    seed: 505,
    full: 0.8,
    notApplicable: ["6.2.2"],
    codes: "plain",
    formulas: true,
    numFmt: "0.00",
    appraise: true,
    columnNumbers: true,
    titles: [["UBND HUYỆN TUẦN GIÁO"], ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2018", "title"], ["Đơn vị: UBND huyện Tuần Giáo"], ["Bộ tiêu chí: dien-bien-so"], null],
    columns: [
      ["code", "Mã số", 8],
      ["name", "Nội dung", 46],
      ["max", "Điểm tối đa", 9],
      ["value", "Kết quả thực hiện", 18],
      ["self", "Điểm tự đánh giá", 10],
      ["appraised", "Điểm thẩm định", 10],
      ["evidence", "Tài liệu kiểm chứng", 50],
      ["notes", "Giải trình", 28],
    ],
    defects: [
      (u) => u.overrideParent("1.2", "self", +0.5, "sum-mismatch", "Điểm tự đánh giá của tiêu chí 1.2 gõ đè lên công thức, lớn hơn tổng tiêu chí con 0,5 — criterion 1.2's self score typed over its SUM"),
      (u) => u.setSelf("5.2.1", "1/1", "score-invalid", 'Điểm tự đánh giá ghi "1/1" thay vì số — "1/1" is not a number'),
      (u) => u.addExtraRow(
        { code: "8.6", name: "Mức độ hài lòng của người dân, tổ chức (tiêu chí đơn vị tự bổ sung)", max: 1, value: 0.92, self: 1, evidence: ["Báo cáo số 215/BC-UBND ngày 20/11/2018 về kết quả khảo sát sự hài lòng"], notes: "" },
        "unknown-criterion",
        "Mã 8.6 không có trong bộ tiêu chí (đơn vị tự thêm) — code 8.6 is not in the catalogue",
      ),
      (u) => {
        u.leaf("7.3.2", { self: u.max("7.3.2"), evidence: [], notes: "" });
        u.defect("7.3.2", "evidence", "missing-evidence", "Chấm đủ điểm nhưng không có tài liệu kiểm chứng — full points, no evidence");
        u.defect("7.3.2", "notes", "missing-explanation", "…và không có giải trình — and no explanation");
      },
      (u) => {
        u.leaf("2.4.2", { self: 0.5, value: 0.75, notes: "" });
        u.defect("2.4.2", "notes", "missing-explanation", "Đạt 0,5/1 điểm nhưng không giải trình — scored below the maximum with no note");
      },
    ],
  },
  {
    // Numbered as many district templates are: fields I, II…, criteria 1, 2… within their field, sub-criteria a), b)…;
    // "Điểm đánh giá" merged over "Tự đánh giá | SNV đánh giá"; the unit named only by its heading.
    file: "huyen/huyen-dien-bien-dong.xlsx",
    unit: "UBND huyện Điện Biên Đông",
    group: "UBND cấp huyện",
    catalog: SO,
    sheet: "Biểu tự chấm",
    abbr: "UBND",
    site: "dienbiendong.dienbien.gov.vn",
    seed: 707,
    full: 0.78,
    notApplicable: ["5.4.2"],
    codes: "relative",
    formulas: false,
    numFmt: null,
    appraise: true,
    titles: [["UBND HUYỆN ĐIỆN BIÊN ĐÔNG"], ["BIỂU TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2018", "title"], null],
    columns: [
      ["code", "STT", 7],
      ["name", "Nội dung", 48],
      ["max", "Điểm tối đa", 9],
      ["value", "Kết quả thực hiện", 18],
      ["self", "Tự đánh giá", 9, "Điểm đánh giá"],
      ["appraised", "SNV đánh giá", 9, "Điểm đánh giá"],
      ["evidence", "TLKC", 50],
      ["notes", "Ghi chú", 28],
    ],
    defects: [
      (u) => u.setSelf("3.1.2", "0,5 điểm", "score-invalid", 'Điểm tự đánh giá ghi "0,5 điểm" (có chữ) — "0,5 điểm" has a word in it'),
      (u) => {
        u.leaf("2.2.3", { self: 0.5, notes: "" });
        u.defect("2.2.3", "notes", "missing-explanation", "Đạt 0,5/1 điểm nhưng không ghi chú — scored below the maximum with no note");
      },
    ],
  },
];

/* ----------------------------------------------------------------------------------- the province (2018) */

/** Results for the criteria the 2018 catalogue scores by a rule; the points come from the rule itself. */
const TINH_VALUES = {
  "1.1.2": 1, "1.3.1": 0.42, "1.3.2": 1, "1.4.1": 1, "1.5": 3, "2.2": 1, "3.1.2": 1, "3.2.3": 1, "3.2.4": 1,
  "3.3.1": 1, "3.3.2": 1, "3.3.3": 0.87, "3.3.4": 24, "3.3.5": 35, "3.4.1": 1, "3.4.2": 1, "3.4.3": 0.97, "3.5.2": 1,
  "4.3.2": 0.35, "4.3.3": 1, "5.1.1": 1, "5.1.2": 1, "5.6": 1, "6.2.3": 1, "7.1.3": 0.75, "7.1.4": 1,
  "7.2.1": 0.8, "7.2.2": 0.35, "7.2.3": 0.25, "7.3.1": 0.72, "7.3.2": 0.12, "7.4.1": 1, "7.4.2": 0.6,
};

/** Criteria without a rule the province did not score in full, and why. */
const TINH_PARTIAL = {
  "1.2": [2.5, "Báo cáo quý III gửi Bộ Nội vụ chậm 07 ngày"],
  "4.1.2": [1, "Còn 02 cơ quan chưa bảo đảm số lượng cấp phó theo quy định"],
  "5.4": [2.5, "01 trường hợp bổ nhiệm chưa đúng quy trình, đã khắc phục"],
  "5.5.2": [0, "Trong năm có 03 công chức bị xử lý kỷ luật"],
  "5.7.2": [0.25, "Tỷ lệ cán bộ cấp xã đạt chuẩn 88%"],
  "7.1.5": [0.75, "Hệ thống một cửa điện tử chưa kết nối với 03 huyện"],
  "7.3.3": [0.5, "Tỷ lệ kết quả trả qua BCCI 9%"],
};

const TINH_NOTES = {
  "3.3.3": "Còn 13% số xã chưa giải quyết 100% TTHC theo cơ chế một cửa",
  "3.4.3": "Còn 3% hồ sơ cấp xã giải quyết quá hạn",
  "7.2.1": "Tỷ lệ TTHC mức độ 3, 4 có phát sinh hồ sơ đạt 80%",
  "7.2.2": "Tỷ lệ hồ sơ trực tuyến mức độ 3 đạt 35%",
  "7.2.3": "Tỷ lệ hồ sơ trực tuyến mức độ 4 đạt 25%",
  "7.3.2": "Tỷ lệ hồ sơ tiếp nhận qua BCCI đạt 12%",
  "7.4.2": "Tỷ lệ xã công bố ISO 9001 đạt 60% (theo quy tắc tối đa 0,5 điểm)",
};

const DOC_TYPES = [
  [/^(?:cac )?thong bao ket luan/, "Thông báo kết luận", "TB-UBND"],
  [/^(?:cac )?quyet dinh/, "Quyết định", "QĐ-UBND"],
  [/^(?:cac )?thong bao/, "Thông báo", "TB-UBND"],
  [/^(?:kh |ke hoach)/, "Kế hoạch", "KH-UBND"],
  [/^(?:cac )?bao cao/, "Báo cáo", "BC-UBND"],
  [/^bien ban/, "Biên bản kiểm tra", "BB-SNV"],
  [/^cong van/, "Công văn", "UBND-NC"],
  [/^(?:cac )?(?:van ban|vb )/, "Văn bản", "UBND-KSTT"],
  [/^(?:cac )?chuong trinh/, "Chương trình", "CTr-UBND"],
];

/** One evidence line for a document the 2018 catalogue requires, dated on or before `latest` (a serial). */
function tinhDocument(required, latest, r, i) {
  const f = fold(required).replace(/\s+/g, " ").trim();
  const earliest = Math.min(latest - 20, S(2018, 1, 15));
  let day = Math.max(earliest, latest - r.int(3, 40) - 9 * i);
  for (const [re, type, abbr] of DOC_TYPES) {
    if (!re.test(f)) continue;
    // Plans for the year are issued at the end of the year before.
    if (type === "Kế hoạch") day = Math.min(latest, S(2017, 12, 28)) - r.int(0, 12);
    const about = required
      .replace(/^(Các |KH |VB )?/i, "")
      .replace(/^(thông báo kết luận|thông báo|quyết định|kế hoạch|báo cáo|biên bản|công văn|văn bản|chương trình)\s*/i, "")
      .replace(/\(.*?\)|\s*[.;]\s*$/g, "")
      .replace(/\s+/g, " ")
      .replace(/^[\s,.;:-]+/, "")
      .replace(/^(?:năm|quý, năm|quý)\s+về\s+/i, "")
      .split(/\s+hoặc\s+/i)[0]
      .trim();
    const short = about.length > 70 ? `${about.slice(0, about.lastIndexOf(" ", 70))}` : about;
    // "Tuyên truyền CCHC" → "tuyên truyền CCHC", but "CCHC năm" stays.
    const about2 = /^\p{Lu}\p{Ll}/u.test(short) ? short.charAt(0).toLowerCase() + short.slice(1) : short;
    return `${type} số ${r.int(15, 3950)}/${abbr} ngày ${ddmmyyyy(msOf(day))}${about2 ? ` về ${about2}` : ""}`;
  }
  if (/link|cong\/trang|website/.test(f)) return `https://dienbien.gov.vn/portal/cai-cach-hanh-chinh/${slug(required, 5)}`;
  return `${slug(required.replace(/^(Các|Những)\s+/i, ""), 6)}.pdf`;
}

const TINH = {
  file: "tinh-dien-bien-2018.xlsx",
  unit: "UBND tỉnh Điện Biên",
  group: "Tỉnh",
  catalog: "dien-bien-2018",
  sheet: "Tự đánh giá 2018",
  abbr: "UBND",
  site: "dienbien.gov.vn",
  seed: 606,
  codes: "plain",
  formulas: true,
  numFmt: "0.00",
  hiddenList: true,
  titles: [
    ["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN"],
    ["UBND tỉnh Điện Biên - tự đánh giá 2018", "title"],
    ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CCHC CẤP TỈNH NĂM 2018 (theo Kế hoạch số 352/KH-UBND ngày 15/5/2018)", "subtitle"],
    ["Đơn vị: UBND tỉnh Điện Biên"],
    ["Bộ tiêu chí: dien-bien-2018"],
    null,
  ],
  columns: [
    ["code", "STT", 7],
    ["name", "Tiêu chí", 52],
    ["max", "Điểm tối đa", 9],
    ["value", "Kết quả thực hiện", 14],
    ["self", "Điểm tự chấm", 9],
    ["evidence", "Tài liệu kiểm chứng", 60],
    ["notes", "Giải trình", 32],
  ],
  defects: [
    (u) => {
      u.leaf("3.1.1", { evidence: ["Báo cáo số 15/BC-UBND ngày 15/01/2019 về công tác kiểm soát TTHC năm 2018"] });
      u.defect("3.1.1", "evidence", "evidence-late", "Báo cáo đề ngày 15/01/2019, sau thời hạn ngày 30/12/2018 — report dated after the deadline");
    },
    (u) => {
      const row = u.row("4.1.1");
      row.evidence = [row.evidence[0], "Báo cáo số 30/BC-SNV ngày 22/01/2019 về kết quả sắp xếp, kiện toàn tổ chức bộ máy năm 2018"];
      u.defect("4.1.1", "evidence", "evidence-late", "Báo cáo thứ hai đề ngày 22/01/2019, thời hạn trước ngày 15/01/2019 — second report dated after the deadline");
    },
    (u) => {
      u.leaf("7.1.3", { self: 1, notes: "" });
      u.defect("7.1.3", "self", "score-mismatch", "Tự chấm 1 điểm nhưng kết quả 75% theo quy tắc chỉ được 0,75 — self score 1, the rule gives 0,75 for 75%");
    },
    (u) => {
      u.leaf("3.2.2", { evidence: ["D:\\TLKC\\2018\\bao-cao-kiem-soat-tthc-2018.pdf"] });
      u.defect("3.2.2", "evidence", "evidence-invalid", "Tài liệu là đường dẫn trên máy tính (D:\\…) — a path on someone's computer");
    },
    (u) => {
      u.leaf("2.3", { max: 1, self: 1, notes: "" });
      u.defect("2.3", "max", "score-mismatch", "Điểm tối đa ghi 1 (mẫu cũ), bộ tiêu chí là 1,5 — maximum 1 from an old template, the catalogue says 1,5");
      u.defect("2.3", "notes", "missing-explanation", "…nên 1/1,5 điểm mà không giải trình — so 1 of 1,5 points with no note");
    },
    (u) => {
      u.leaf("5.2.1", { self: 0.25, notes: "" });
      u.defect("5.2.1", "notes", "missing-explanation", "Đạt 0,25/0,5 điểm nhưng không giải trình — scored below the maximum with no note");
    },
  ],
};

/* -------------------------------------------------------------------------------------------- the rows */

function buildRows(cfg, catalog) {
  const r = rng(cfg.seed);
  const rows = [];
  for (const node of core.walk(catalog.nodes)) {
    const level = node.code.split(".").length;
    const row = { code: node.code, level, node, name: node.name, leaf: node.children.length === 0, extra: false, evidence: [], notes: "" };
    rows.push(row);
    if (!row.leaf) continue;
    if (cfg.catalog === SO) {
      row.max = MAX_SO[node.code];
      if (row.max === undefined) throw new Error(`MAX_SO has no maximum for ${node.code}`);
      if ((cfg.notApplicable || []).includes(node.code)) {
        row.self = cfg.naText || "Không áp dụng";
        row.value = "Không có đối tượng áp dụng";
        row.evidence = [`Quyết định số ${r.int(100, 900)}/QĐ-UBND ngày ${ddmmyyyy(msOf(dayIn(r, S(2016, 3, 1), S(2016, 9, 30))))} quy định chức năng, nhiệm vụ của ${cfg.unit}`];
        row.notes = "Đơn vị không có đối tượng thuộc tiêu chí này nên không áp dụng";
        continue;
      }
      const x = r();
      const outcome = x < cfg.full ? "full" : x < 0.97 ? "partial" : "zero";
      const content = soLeafContent(node, outcome, cfg, r);
      row.value = content.value;
      row.evidence = content.evidence;
      if (outcome === "full") row.self = row.max;
      else if (outcome === "zero") {
        row.self = 0;
        row.notes = r.pick(ZERO_REASONS);
      } else {
        row.self = row.max <= 0.5 ? 0.25 : Math.round(row.max * r.pick([0.5, 0.75]) * 4) / 4;
        row.notes = r.pick(REASONS);
      }
      // A single file now and then as a real hyperlink cell (the reader then sees the link).
      if (cfg.formulas && row.evidence.length === 1 && outcome !== "zero" && r() < 0.12) {
        const file = `${slug(node.name)}.pdf`;
        row.evidence = [{ text: file, hyperlink: `https://${cfg.site}/tlkc/${YEAR}/${file}` }];
      }
    } else {
      row.max = node.max;
      const deadline = core.parseDeadline(node.deadline, YEAR);
      const latest = Math.min(deadline ?? S(2018, 11, 30), S(2018, 11, 30));
      const required = node.evidence.length ? node.evidence.map((e) => e.name) : [`Báo cáo kết quả ${node.name.charAt(0).toLowerCase()}${node.name.slice(1)}`];
      row.evidence = required.map((name, i) => tinhDocument(name, latest, r, i));
      if (node.rule) {
        const value = TINH_VALUES[node.code];
        if (value === undefined) throw new Error(`TINH_VALUES has no result for ${node.code}`);
        const res = core.score(node.rule, value, node.max);
        row.value = value;
        row.valueFmt = value <= 1 && !/>=\s*\d+\s*:/.test(node.rule) ? "0%" : null;
        row.self = res.kind === "points" ? res.points : 0;
        if (row.self < row.max) row.notes = TINH_NOTES[node.code] || `Kết quả đạt ${Math.round(value * 100)}%, chưa đạt mức tối đa`;
      } else if (TINH_PARTIAL[node.code]) {
        const [self, note] = TINH_PARTIAL[node.code];
        row.value = "Thực hiện chưa đầy đủ";
        row.self = self;
        row.notes = note;
      } else {
        row.value = /^ban hanh|cong bo/.test(fold(node.name)) ? "Đã ban hành" : "Đã thực hiện";
        row.self = row.max;
      }
    }
  }
  return rows;
}

/** What the defect functions act on. */
function unitEditor(cfg, rows) {
  const planted = [];
  const find = (code) => rows.find((x) => x.code === code && !x.removed);
  const u = {
    row(code) {
      const row = find(code);
      if (!row) throw new Error(`${cfg.file}: no row ${code}`);
      return row;
    },
    max(code) {
      return u.row(code).max;
    },
    leaf(code, changes) {
      Object.assign(u.row(code), changes);
    },
    defect(code, column, kind, what, shownCode) {
      planted.push({ code, column, kind, what, shownCode });
    },
    setSelf(code, value, kind, what) {
      u.row(code).self = value;
      u.defect(code, "self", kind, what);
    },
    removeRow(code, kind, what) {
      u.row(code).removed = true;
      if (kind) u.defect(code, "code", kind, what);
    },
    retypeCode(code, typed) {
      u.row(code).typedCode = typed;
    },
    overrideParent(code, column, delta, kind, what) {
      u.row(code).override = { column, delta };
      u.defect(code, column, kind, what);
    },
    addExtraRow(fields, kind, what) {
      const field = fields.code.split(".")[0];
      // After the last row of the field before it (8 for 9.1, 8.5.x for 8.6).
      const prefix = fields.code.split(".").slice(0, -1).join(".");
      const anchor = prefix.split(".").length === 1 && rows.some((x) => x.code === prefix) ? prefix : String(Number(field) - 1);
      let at = -1;
      rows.forEach((x, i) => {
        if (x.code === anchor || x.code.startsWith(anchor + ".")) at = i;
      });
      rows.splice(at + 1, 0, { ...fields, level: fields.code.split(".").length, leaf: true, extra: true, node: null });
      u.defect(fields.code, "code", kind, what);
    },
  };
  for (const plant of cfg.defects) plant(u);
  return planted;
}

/** Parent sums (max, self, appraised) from the rows as they stand, bottom-up, as the sheet shows them. */
function computeParents(cfg, rows) {
  const shown = rows.filter((x) => !x.removed);
  for (let i = shown.length - 1; i >= 0; i--) {
    const row = shown[i];
    if (row.leaf) continue;
    const children = [];
    for (let j = i + 1; j < shown.length && shown[j].level > row.level; j++) {
      if (shown[j].level === row.level + 1 && !shown[j].extra) children.push(shown[j]);
    }
    row.children = children;
    for (const column of cfg.appraise ? ["max", "self", "appraised"] : ["max", "self"]) {
      const sum = round2(children.reduce((a, c) => a + (typeof c[column] === "number" ? c[column] : 0), 0));
      row[column] = sum;
      if (row.override && row.override.column === column) {
        row[column] = round2(sum + row.override.delta);
        row.typed = row.typed || {};
        row.typed[column] = true;
      }
    }
  }
  return shown;
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"];
const VIETNAMESE_LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k"];

function displayCode(cfg, row) {
  if (row.typedCode) return row.typedCode;
  const code = row.code;
  switch (cfg.codes) {
    case "trailingDot":
      return `${code}.`;
    case "numeric":
      return row.level <= 2 ? Number(code) : code;
    case "roman":
      return row.level === 1 ? ROMAN[Number(code) - 1] : code;
    case "relative": {
      // As many district templates number: fields I, II…; criteria 1, 2… within the field; sub-criteria a), b)…
      const last = Number(code.split(".").pop());
      if (row.level === 1) return ROMAN[last - 1];
      if (row.level === 2) return last;
      return `${VIETNAMESE_LETTERS[last - 1]})`;
    }
    default:
      return code;
  }
}

/* ------------------------------------------------------------------------------------------ the workbook */

const FONT = "Times New Roman";
const THIN = { style: "thin", color: { argb: "FF808080" } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

async function writeUnit(cfg, catalog) {
  const rows = buildRows(cfg, catalog);
  const planted = unitEditor(cfg, rows);
  if (cfg.appraise) {
    // The appraisal council agreed with the unit, scored the typed-in text as full points, and marked one down.
    for (const row of rows) {
      if (!row.leaf) continue;
      const na = typeof row.self === "string" && /^(không áp dụng|kad)$/i.test(row.self);
      row.appraised = typeof row.self === "number" || na ? row.self : row.max;
    }
    const down = rows.find((x) => x.code === "1.5.2");
    if (down && down.self === down.max) down.appraised = down.max - 0.5;
  }
  const shown = computeParents(cfg, rows);

  const wb = new ExcelJS.Workbook();
  const when = new Date(Date.UTC(2019, 0, 8, 8, 30));
  wb.creator = cfg.unit;
  wb.lastModifiedBy = cfg.unit;
  wb.created = when;
  wb.modified = when;
  wb.title = `${cfg.unit} - tự đánh giá Chỉ số CCHC năm ${YEAR}`;
  const ws = wb.addWorksheet(cfg.sheet, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  const cols = cfg.columns;
  const width = cols.length;
  const colOf = Object.fromEntries(cols.map(([role], i) => [role, i]));
  cols.forEach(([, , w], i) => (ws.getColumn(i + 1).width = w));
  const font = (extra = {}) => ({ name: FONT, size: 12, ...extra });

  // Title rows.
  let r = 1;
  for (const title of cfg.titles) {
    if (title) {
      const [text, how, other] = title;
      const cell = ws.getCell(r, 1);
      if (how === "title" || how === "subtitle") {
        cell.value = text;
        ws.mergeCells(r, 1, r, width);
        cell.font = font(how === "title" ? { bold: true, size: 14 } : { italic: true });
        cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
        if (how === "subtitle") ws.getRow(r).height = 32;
      } else if (how === "left") {
        cell.value = text;
        ws.mergeCells(r, 1, r, 2);
        cell.font = font({ bold: true });
        cell.alignment = { horizontal: "center" };
        const right = ws.getCell(r, 4);
        right.value = other;
        ws.mergeCells(r, 4, r, width);
        right.font = font({ bold: true });
        right.alignment = { horizontal: "center" };
      } else if (how === "pair") {
        cell.value = text;
        cell.font = font({ bold: true });
        ws.getCell(r, 4).value = other;
        ws.getCell(r, 4).font = font({ italic: true });
      } else if (how === "label") {
        cell.value = text;
        cell.font = font({ bold: true });
        ws.getCell(r, 2).value = other;
        ws.getCell(r, 2).font = font({ bold: true });
      } else {
        cell.value = text;
        cell.font = font({ bold: true });
      }
    }
    r++;
  }

  // Header: one row, or two when columns are grouped (a group header merged over its columns' own headers, the
  // other headers merged down over both rows), as many provincial templates do.
  const grouped = cols.some((c) => c[3]);
  const headerTop = r;
  const headerRow = grouped ? r + 1 : r;
  const headStyle = (cell) => {
    cell.font = font({ bold: true });
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  };
  for (let row = headerTop; row <= headerRow; row++) for (let c = 1; c <= width; c++) headStyle(ws.getCell(row, c));
  cols.forEach(([, text, , group], i) => {
    if (!grouped) {
      ws.getCell(headerRow, i + 1).value = text;
      return;
    }
    if (!group) {
      ws.getCell(headerTop, i + 1).value = text;
      ws.mergeCells(headerTop, i + 1, headerRow, i + 1);
      return;
    }
    ws.getCell(headerRow, i + 1).value = text;
    if (i > 0 && cols[i - 1][3] === group) return;
    let last = i;
    while (last + 1 < width && cols[last + 1][3] === group) last++;
    ws.getCell(headerTop, i + 1).value = group;
    if (last > i) ws.mergeCells(headerTop, i + 1, headerTop, last + 1);
  });
  for (let row = headerTop; row <= headerRow; row++) ws.getRow(row).height = grouped ? 24 : 33;
  r = headerRow + 1;
  if (cfg.columnNumbers) {
    cols.forEach((_, i) => {
      const cell = ws.getCell(r, i + 1);
      cell.value = `(${i + 1})`;
      cell.font = font({ italic: true, size: 10 });
      cell.alignment = { horizontal: "center" };
      cell.border = BORDER;
    });
    r++;
  }
  ws.views = [{ state: "frozen", xSplit: 0, ySplit: r - 1, topLeftCell: `A${r}`, activeCell: `A${r}` }];

  // Criterion rows.
  const rowNumber = new Map();
  for (const row of shown) {
    rowNumber.set(row, r);
    row.sheetRow = r;
    r++;
  }
  const L = (role) => core.columnLetters(colOf[role]);
  const points = ["max", "self", "appraised"];
  for (const row of shown) {
    const n = rowNumber.get(row);
    const set = (role, value, style = {}) => {
      if (colOf[role] === undefined) return null;
      const cell = ws.getCell(n, colOf[role] + 1);
      if (value !== undefined && value !== null && value !== "") cell.value = value;
      cell.border = BORDER;
      cell.font = font(row.leaf ? {} : { bold: true });
      cell.alignment = { vertical: "top", wrapText: true, ...style };
      return cell;
    };
    set("code", displayCode(cfg, row), { horizontal: "center" });
    set("name", row.name, { indent: row.leaf ? Math.max(0, row.level - 2) : 0 });
    for (const role of points) {
      if (colOf[role] === undefined) continue;
      const value = row[role];
      const cell = set(role, null, { horizontal: "center" });
      if (row.leaf || !cfg.formulas || (row.typed && row.typed[role])) {
        if (value !== undefined && value !== null) cell.value = value;
      } else {
        const kids = row.children.map((c) => rowNumber.get(c));
        const contiguous = kids.length > 0 && kids.every((k, i) => k === n + 1 + i);
        const formula = contiguous ? `SUM(${L(role)}${kids[0]}:${L(role)}${kids[kids.length - 1]})` : kids.map((k) => `${L(role)}${k}`).join("+");
        cell.value = kids.length ? { formula, result: value } : value;
      }
      if (cfg.numFmt && typeof row[role] === "number") cell.numFmt = cfg.numFmt;
    }
    const v = set("value", row.value, { horizontal: typeof row.value === "number" ? "center" : "left" });
    if (v && typeof row.value === "number") v.numFmt = row.valueFmt === null ? "0" : "0%";
    const ev = row.evidence || [];
    if (ev.length === 1 && typeof ev[0] === "object") {
      const cell = set("evidence", ev[0]);
      cell.font = font({ color: { argb: "FF0563C1" }, underline: true });
    } else {
      set("evidence", ev.join("\n"));
    }
    set("notes", row.notes);
    if (!row.leaf) {
      const fill = { type: "pattern", pattern: "solid", fgColor: { argb: row.level === 1 ? "FFFCE4D6" : "FFF2F2F2" } };
      for (let c = 1; c <= width; c++) ws.getCell(n, c).fill = fill;
    }
  }

  // Total row (no code: not a criterion row) and the signature block.
  const fields = shown.filter((x) => x.level === 1);
  const total = ws.getCell(r, colOf.name + 1);
  total.value = "TỔNG CỘNG";
  for (let c = 1; c <= width; c++) {
    const cell = ws.getCell(r, c);
    cell.border = BORDER;
    cell.font = font({ bold: true });
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF2CC" } };
  }
  for (const role of points) {
    if (colOf[role] === undefined || (role === "appraised" && !cfg.appraise)) continue;
    const sum = round2(fields.reduce((a, f) => a + (f[role] || 0), 0));
    const cell = ws.getCell(r, colOf[role] + 1);
    cell.value = cfg.formulas ? { formula: fields.map((f) => `${L(role)}${rowNumber.get(f)}`).join("+"), result: sum } : sum;
    cell.alignment = { horizontal: "center" };
    if (cfg.numFmt) cell.numFmt = cfg.numFmt;
  }
  r += 2;
  const signCol = Math.max(colOf.evidence, 3) + 1;
  ws.getCell(r, signCol).value = `Điện Biên, ngày 08 tháng 01 năm ${YEAR + 1}`;
  ws.getCell(r, signCol).font = font({ italic: true });
  r++;
  ws.getCell(r, 2).value = "NGƯỜI LẬP BIỂU";
  ws.getCell(r, signCol).value = "THỦ TRƯỞNG ĐƠN VỊ";
  ws.getCell(r, 2).font = font({ bold: true });
  ws.getCell(r, signCol).font = font({ bold: true });

  if (cfg.secondSheet === "guide") {
    const guide = wb.addWorksheet("Hướng dẫn");
    guide.getColumn(1).width = 110;
    [
      "HƯỚNG DẪN TỰ ĐÁNH GIÁ, CHẤM ĐIỂM",
      "1. Cột Điểm tự đánh giá: ghi số điểm (ví dụ 0,5); tiêu chí không áp dụng ghi KAD.",
      "2. Cột TLKC: ghi số, ký hiệu, ngày ban hành văn bản hoặc đường dẫn tài liệu, mỗi tài liệu một dòng.",
      "3. Cột Ghi chú: giải trình đối với tiêu chí không đạt điểm tối đa.",
      "4. Gửi bảng tự đánh giá về Sở Nội vụ trước ngày 10/01/2019.",
    ].forEach((text, i) => {
      guide.getCell(i + 1, 1).value = text;
      guide.getCell(i + 1, 1).font = font(i === 0 ? { bold: true } : {});
    });
  }
  if (cfg.hiddenList) {
    const list = wb.addWorksheet("Danh sách cơ quan", { state: "hidden" });
    ["STT", "Cơ quan chủ trì"].forEach((t, i) => (list.getCell(1, i + 1).value = t));
    ["Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Thông tin và Truyền thông", "Sở Tài chính"].forEach((name, i) => {
      list.getCell(i + 2, 1).value = i + 1;
      list.getCell(i + 2, 2).value = name;
    });
  }

  const out = path.join(ROOT, cfg.file);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const buf = fixZipDates(Buffer.from(await wb.xlsx.writeBuffer()), when.getTime());
  fs.writeFileSync(out, buf);

  // Where each planted defect is.
  const where = (d) => {
    const shownRow = shown.find((x) => x.code === d.code);
    if (shownRow && !(d.kind === "missing-criterion" && d.column === "code" && shownRow.typedCode)) {
      return `${core.columnLetters(colOf[d.column])}${rowNumber.get(shownRow)}`;
    }
    // A missing row: the code cell just below the nearest earlier criterion that is present (as validation reports it).
    let anchor = headerRow + (cfg.columnNumbers ? 1 : 0);
    for (const node of core.walk(catalog.nodes)) {
      if (node.code === d.code) break;
      const present = shown.find((x) => x.code === node.code && !x.typedCode);
      if (present) anchor = rowNumber.get(present);
    }
    return `${core.columnLetters(colOf.code)}${anchor + 1}`;
  };
  const position = (cell) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    return Number(m[2]) * 100 + m[1].charCodeAt(0);
  };
  const defects = planted.map((d) => ({ ...d, cell: where(d) })).sort((a, b) => position(a.cell) - position(b.cell));
  const totals = {
    max: round2(fields.reduce((a, f) => a + (f.max || 0), 0)),
    self: round2(fields.reduce((a, f) => a + (f.self || 0), 0)),
  };
  return { cfg, defects, totals, criteria: shown.length };
}

/* ----------------------------------------------------------------------------------------- the documents */

function defectsMarkdown(results) {
  const lines = [
    "# Lỗi cài sẵn trong các tệp mẫu (planted defects)",
    "",
    "Các tệp mẫu được tạo bởi `scripts/make-samples.js` và cố ý chứa những lỗi dưới đây, để thử `par validate`.",
    "Cột **Loại** là mã loại lỗi mà `par validate` báo (finding kind). Ngoài các lỗi này, các tệp được tạo để không",
    "có lỗi nào khác.",
    "",
    "The sample workbooks are generated by `scripts/make-samples.js` and carry these defects on purpose, to try",
    "`par validate` on. **Loại** (kind) is the finding kind validation reports. Apart from these, the files are",
    "meant to be clean.",
    "",
    "| Tệp (file) | Trang (sheet) | Ô (cell) | Mã (code) | Loại (kind) | Lỗi (what) |",
    "|---|---|---|---|---|---|",
  ];
  for (const { cfg, defects } of results) {
    for (const d of defects) {
      lines.push(`| ${cfg.file} | ${cfg.sheet} | ${d.cell} | ${d.shownCode || d.code} | ${d.kind} | ${d.what.replace(/\|/g, "\\|")} |`);
    }
  }
  lines.push("");
  return lines.join("\n");
}

const vi = (x) => String(x).replace(".", ",");

function readmeMarkdown(results) {
  const rows = results.map(
    ({ cfg, totals, defects }) =>
      `| \`${cfg.file}\` | ${cfg.unit} | ${cfg.group} | \`${cfg.catalog}\` | ${cfg.sheet} | ${vi(totals.self)} / ${vi(totals.max)} | ${defects.length} |`,
  );
  return [
    "# Tệp mẫu (sample workbooks)",
    "",
    "**Tiếng Việt.** Bảng tự đánh giá, chấm điểm Chỉ số CCHC của một số đơn vị (số liệu giả định), trình bày như mẫu",
    "thật của tỉnh: vài dòng tiêu đề, dòng tên cột (tên và thứ tự cột khác nhau giữa các tệp), mỗi tiêu chí một dòng,",
    "dòng tổng cộng và phần ký. Mỗi tệp có thể có vài lỗi cài sẵn, liệt kê trong [DEFECTS.md](DEFECTS.md).",
    "",
    "- **Từ 01/07/2025 (chính quyền địa phương hai cấp):** `2026/so/` (sở), `2026/phuong/` (phường), `2026/xa/` (xã và",
    "  đặc khu) của thành phố Hải Phòng, chấm theo ba bộ tiêu chí mẫu năm 2026 `bo-tieu-chi-so-2026.json`,",
    "  `bo-tieu-chi-phuong-2026.json`, `bo-tieu-chi-xa-2026.json` (viết theo cách các tỉnh ban hành bộ tiêu chí riêng cho",
    "  sở, ban, ngành và cho xã, phường; **là mẫu, không phải văn bản chính thức**). Mỗi tệp kèm trang \"Bộ tiêu chí\"",
    "  (có cấp đánh giá và tỉnh), nên `par aggregate samples/2026 -o xep-hang.xlsx` tự nhận bộ tiêu chí, xếp hạng riêng",
    "  sở, phường, xã và đặc khu, và đối chiếu tên đơn vị với danh sách đơn vị hành chính của Hải Phòng.",
    "- **Năm 2018 (trước sắp xếp):** `so/` và `huyen/` là sở và huyện của tỉnh Điện Biên năm 2018, `tinh-dien-bien-2018.xlsx`",
    "  là tỉnh; bộ tiêu chí `dien-bien-so` (văn bản của tỉnh Điện Biên năm 2018) không có điểm nên mỗi tệp tự ghi cột",
    "  \"Điểm tối đa\" (tổng 100 điểm); `bo-tieu-chi-cap-so-2018.json` là bộ đó kèm điểm mẫu.",
    "",
    "**English.** Self-assessment workbooks of a few units (made-up figures), laid out like real provincial templates.",
    "`2026/` holds the units of today's two-tier local government (departments, wards, communes and a special zone of",
    "Hải Phòng) on three sample 2026 catalogues written the way provinces publish theirs — samples, not official texts;",
    "`so/`, `huyen/` and `tinh-dien-bien-2018.xlsx` are Điện Biên's 2018 departments, districts and province. Planted",
    "defects are listed in [DEFECTS.md](DEFECTS.md).",
    "",
    "| Tệp (file) | Đơn vị (unit) | Nhóm (group) | Bộ tiêu chí (catalogue) | Trang (sheet) | Dòng tổng cộng: tự chấm / tối đa (total row: self / max) | Lỗi cài sẵn (defects) |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Dòng tổng cộng là số đơn vị tự cộng trên bảng (kể cả các lỗi cài sẵn); `par` tự tính lại điểm và chỉ số.",
    "The total row is the unit's own sum (defects included); `par` recomputes points and the index itself.",
    "",
    "**Theo cách viết của phương pháp quốc gia (national-style).** `quoc-gia/` chấm theo bộ tiêu chí mẫu",
    "`bo-tieu-chi-huyen-2026.json` (`mau-huyen-2026`): kết quả ghi bằng lời (\"Ban hành kịp thời\", \"Hoàn thành tốt\"),",
    "khoảng viết bằng tiếng Việt (\"từ 80% đến dưới 100%\"), phần điều tra xã hội học (35/100 điểm), điểm thưởng và",
    "điểm trừ, xếp loại năm mức; mỗi tệp kèm trang \"Bộ tiêu chí\" nên `par validate` tự nhận ra bộ tiêu chí. Tủa Chùa có",
    "cột \"Điều tra XHH\"; Nậm Pồ đánh số I, 1, a, ghi \"Không áp dụng\" ở tiêu chí 1.3 (cả hai tiêu chí con) và lấy điểm",
    "điều tra từ bảng `dieu-tra-xhh-huyen-2026.xlsx`: `par aggregate samples/quoc-gia --survey samples/dieu-tra-xhh-huyen-2026.xlsx -o xep-hang.xlsx`.",
    "— `quoc-gia/` uses the sample catalogue written the national way (named outcomes, Vietnamese ranges, a survey part,",
    "bonus and penalty sections, five class bands); each workbook carries it as a sheet. Survey points for Nậm Pồ come from",
    "the survey table.",
    "",
    "Tạo lại (regenerate):",
    "`npm run samples` (= `npm run build:cli && node scripts/make-samples.js`); kết quả luôn giống nhau",
    "(deterministic).",
    "",
  ].join("\n");
}

/**
 * dien-bien-so with the sample maxima filled in (MAX_SO): what a province supplies for a names-only catalogue, so
 * the index's denominator comes from the catalogue and never from a unit's own sheet. Used with --catalog.
 */
const SAMPLE_CATALOG_FILE = "bo-tieu-chi-cap-so-2018.json";

function sampleCatalog() {
  const base = core.builtinCatalog(SO);
  const withPoints = (node) => ({
    ...node,
    max: node.children.length ? null : MAX_SO[node.code],
    children: node.children.map(withPoints),
  });
  const catalog = {
    ...base,
    id: "dien-bien-so-2018",
    name: "Chỉ số CCHC cấp sở tỉnh Điện Biên 2018 — danh mục tiêu chí dien-bien-so, điểm tối đa do người dùng nhập (số liệu mẫu)",
    source: `${base.source}; điểm tối đa: số liệu mẫu của thư mục samples/ (văn bản gốc không cho điểm)`,
    year: YEAR,
    nodes: base.nodes.map(withPoints),
  };
  // The catalogue must load as any user's would (zod schema, structure checks).
  core.parseCatalog(catalog, SAMPLE_CATALOG_FILE);
  return catalog;
}

async function main() {
  fs.writeFileSync(path.join(ROOT, SAMPLE_CATALOG_FILE), `${JSON.stringify(sampleCatalog(), null, 2)}\n`);
  const results = [];
  for (const cfg of [...UNITS, TINH]) {
    const catalog = core.builtinCatalog(cfg.catalog);
    results.push(await writeUnit(cfg, catalog));
  }
  results.push(...(await require("./samples-national")({ core, fixZipDates, ROOT }).write()));
  results.push(...(await require("./samples-layouts")({ core, fixZipDates, ROOT }).write()));
  results.push(...(await require("./samples-2026")({ core, fixZipDates, ROOT }).write()));
  fs.writeFileSync(path.join(ROOT, "DEFECTS.md"), defectsMarkdown(results));
  fs.writeFileSync(path.join(ROOT, "README.md"), readmeMarkdown(results));
  for (const { cfg, totals, defects, criteria } of results) {
    console.log(`${path.join("samples", cfg.file)}\t${cfg.unit}\t${criteria} dòng tiêu chí\t${vi(totals.self)}/${vi(totals.max)} điểm\t${defects.length} lỗi cài sẵn`);
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
