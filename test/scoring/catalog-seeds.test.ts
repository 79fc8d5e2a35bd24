/**
 * Checks the two seed-derived catalogues against facts read directly from the seeds:
 *   seed 000 = seed file 000_244c4d0aa558b22a.txt (Kế hoạch 352/KH-UBND, appendix lines 311-450)
 *   seed 002 = seed file 002_ca79a8cbb8c8fcfc.txt (department-level criteria list, lines 7-112)
 * Every expected value below is written by hand from the seed (line numbers in comments),
 * never computed from the JSON under test.
 */
import dienBien2018 from "../../src/scoring/catalog/data/dien-bien-2018.json";
import dienBienSo from "../../src/scoring/catalog/data/dien-bien-so.json";
import { CatalogNodeInput, catalogSchema } from "../../src/scoring/catalog/schema";

// ---------------------------------------------------------------------------
// Raw JSON shape (read without going through the schema) and helpers
// ---------------------------------------------------------------------------

type RawNode = CatalogNodeInput;

interface RawCatalog {
  id: string;
  name: string;
  source: string | null;
  level: string | null;
  year: number | null;
  nodes: RawNode[];
}

const province = dienBien2018 as unknown as RawCatalog;
const department = dienBienSo as unknown as RawCatalog;

/** All nodes in document (pre-)order. */
function flatten(nodes: RawNode[]): RawNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children ?? [])]);
}

const depth = (code: string): number => code.split(".").length;
const isLeaf = (n: RawNode): boolean => (n.children ?? []).length === 0;

function byCode(catalog: RawCatalog): Map<string, RawNode> {
  return new Map(flatten(catalog.nodes).map((n) => [n.code, n]));
}

const provinceNodes = flatten(province.nodes);
const provinceByCode = byCode(province);
const departmentNodes = flatten(department.nodes);
const departmentByCode = byCode(department);

function node2018(code: string): RawNode {
  const n = provinceByCode.get(code);
  if (!n) throw new Error(`missing code ${code} in dien-bien-2018`);
  return n;
}

function nodeSo(code: string): RawNode {
  const n = departmentByCode.get(code);
  if (!n) throw new Error(`missing code ${code} in dien-bien-so`);
  return n;
}

const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);

// ---------------------------------------------------------------------------
// Expected facts, seed 000 (Điện Biên 2018, province level)
// ---------------------------------------------------------------------------

/** Every code of the appendix, in order, with the seed line where its row starts. */
const CODES_2018: Array<[string, number]> = [
  ["1", 318], ["1.1", 319], ["1.1.1", 320], ["1.1.2", 322], ["1.2", 323],
  ["1.3", 329], ["1.3.1", 330], ["1.3.2", 331], ["1.4", 332], ["1.4.1", 334], ["1.4.2", 335], ["1.5", 336],
  ["2", 338], ["2.1", 339], ["2.1.1", 340], ["2.1.2", 341], ["2.2", 342], ["2.3", 344],
  ["3", 345], ["3.1", 346], ["3.1.1", 347], ["3.1.2", 348],
  ["3.2", 349], ["3.2.1", 351], ["3.2.2", 352], ["3.2.3", 353], ["3.2.4", 354],
  ["3.3", 357], ["3.3.1", 358], ["3.3.2", 359], ["3.3.3", 362], ["3.3.4", 363], ["3.3.5", 364],
  ["3.4", 366], ["3.4.1", 367], ["3.4.2", 368], ["3.4.3", 369],
  ["3.5", 370], ["3.5.1", 371], ["3.5.2", 374],
  ["4", 375], ["4.1", 376], ["4.1.1", 377], ["4.1.2", 378],
  ["4.2", 381], ["4.2.1", 382], ["4.2.2", 383],
  ["4.3", 384], ["4.3.1", 386], ["4.3.2", 387], ["4.3.3", 388],
  ["5", 391], ["5.1", 392], ["5.1.1", 393], ["5.1.2", 394], ["5.2", 397], ["5.2.1", 398], ["5.2.2", 399],
  ["5.3", 400], ["5.3.1", 402], ["5.3.2", 403], ["5.4", 404], ["5.5", 405], ["5.5.1", 407], ["5.5.2", 408],
  ["5.6", 409], ["5.7", 410], ["5.7.1", 411], ["5.7.2", 414],
  ["6", 415], ["6.1", 416], ["6.2", 417], ["6.2.1", 419], ["6.2.2", 420], ["6.2.3", 421],
  ["7", 422], ["7.1", 423], ["7.1.1", 425], ["7.1.2", 426], ["7.1.3", 427], ["7.1.4", 430], ["7.1.5", 431],
  ["7.2", 432], ["7.2.1", 433], ["7.2.2", 436], ["7.2.3", 437],
  ["7.3", 438], ["7.3.1", 440], ["7.3.2", 441], ["7.3.3", 444],
  ["7.4", 445], ["7.4.1", 446], ["7.4.2", 447], ["7.4.3", 450],
];

/** The seven fields, capitalised exactly as the seed prints them. */
const FIELDS_2018: Record<string, string> = {
  "1": "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", // seed 000 line 318
  "2": "XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT TẠI TỈNH", // seed 000 line 338
  "3": "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", // seed 000 line 345
  "4": "CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH", // seed 000 line 375
  "5": "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC", // seed 000 line 391
  "6": "CẢI CÁCH TÀI CHÍNH CÔNG", // seed 000 line 415
  "7": "HIỆN ĐẠI HÓA HÀNH CHÍNH", // seed 000 line 422
};

/** Criteria (a.b) with no sub-criteria: scored leaves themselves. */
const LEAF_CRITERIA_2018 = ["1.2", "1.5", "2.2", "2.3", "5.4", "5.6", "6.1"];

/**
 * Every scored leaf: [max, target]. "X/Y điểm" = target X of max Y; a range
 * "từ A đến B điểm" = max B, target null; "tối đa N điểm" = N/N.
 */
const POINTS_2018: Record<string, [number, number | null]> = {
  "1.1.1": [0.5, 0.5], // seed 000 line 320 "Duy trì đạt điểm tối đa 0.5/0.5 điểm"
  "1.1.2": [1, 1], // seed 000 line 322 "Đạt điểm tối đa 1/1 điểm"
  "1.2": [3, 3], // seed 000 lines 323-327: 1/1 + 0.5/0.5 + 0.25/0.25 + 0.25/0.25 + 1/1
  "1.3.1": [1, 1], // seed 000 line 330 "Duy trì đạt điểm tối đa 1/1 điểm"
  "1.3.2": [1, 1], // seed 000 line 331 "... 1/1 điểm"
  "1.4.1": [0.5, 0.5], // seed 000 line 334 "0.5/0.5 điểm"
  "1.4.2": [0.5, 0.5], // seed 000 line 335 "0.5/0.5 điểm"
  "1.5": [1.5, 1.5], // seed 000 line 336 "1.5/ 1.5 điểm"
  "2.1.1": [1, 1], // seed 000 line 340
  "2.1.2": [1, 1], // seed 000 line 341
  "2.2": [1.5, 1.5], // seed 000 line 342 "Đạt 1,5/1,5 điểm"
  "2.3": [1.5, 1.5], // seed 000 line 344 "Đạt điểm tối đa: 1,5/1,5 điểm"
  "3.1.1": [0.5, 0.5], // seed 000 line 347 "đạt 0.5/0.5 điểm."
  "3.1.2": [1, 1], // seed 000 line 348
  "3.2.1": [0.5, 0.5], // seed 000 line 351
  "3.2.2": [1, 1], // seed 000 line 352
  "3.2.3": [1, 1], // seed 000 line 353
  "3.2.4": [1.5, 1.5], // seed 000 line 356 "Đạt điểm tối đa 1.5 điểm."
  "3.3.1": [1, 1], // seed 000 line 358
  "3.3.2": [1, 1], // seed 000 lines 359+361 "Đạt điểm tối đa" / "1/1 điểm"
  "3.3.3": [1, 1], // seed 000 line 362
  "3.3.4": [1, 1], // seed 000 line 363
  "3.3.5": [1, 1], // seed 000 line 364
  "3.4.1": [1, 1], // seed 000 line 367
  "3.4.2": [1, 1], // seed 000 line 368
  "3.4.3": [1, 1], // seed 000 line 369
  "3.5.1": [0.5, 0.5], // seed 000 line 371
  "3.5.2": [1, 1], // seed 000 line 374
  "4.1.1": [1, 1], // seed 000 line 377
  "4.1.2": [1.5, 1.5], // seed 000 line 380 "1,5/1,5 điểm."
  "4.2.1": [1, 1], // seed 000 line 382
  "4.2.2": [1, 1], // seed 000 line 383
  "4.3.1": [0.5, 0.5], // seed 000 line 386
  "4.3.2": [0.5, 0.5], // seed 000 line 387
  "4.3.3": [1, 1], // seed 000 line 390 "- Đạt điểm tối đa 1/1 điểm"
  "5.1.1": [1, 1], // seed 000 line 393
  "5.1.2": [1, 1], // seed 000 line 394
  "5.2.1": [0.5, 0.5], // seed 000 line 398
  "5.2.2": [0.5, 0.5], // seed 000 line 399
  "5.3.1": [0.5, 0.5], // seed 000 line 402 "(0.5/0.5 điểm)"
  "5.3.2": [0.5, 0.5], // seed 000 line 403 "(0.5/0.5 điểm)"
  "5.4": [3, 3], // seed 000 line 404 "Đạt điểm tối đa 3/3 điểm"
  "5.5.1": [0.5, 0.5], // seed 000 line 407 "0,5/0,5 điểm"
  "5.5.2": [0.5, 0], // seed 000 line 408 "0/0,5 điểm"
  "5.6": [1, 1], // seed 000 line 409
  "5.7.1": [0.5, 0.5], // seed 000 line 411 "(0.5/0,5 điểm)"
  "5.7.2": [0.5, 0.25], // seed 000 line 414 "(0,25/0,5 điểm)"
  "6.1": [1, 1], // seed 000 line 416
  "6.2.1": [1, 1], // seed 000 line 419
  "6.2.2": [1, 1], // seed 000 line 420
  "6.2.3": [1, 1], // seed 000 line 421
  "7.1.1": [1, 1], // seed 000 line 425
  "7.1.2": [0.5, 0.5], // seed 000 line 426
  "7.1.3": [1, null], // seed 000 line 429 "Đạt từ 0,5 đến 1 điểm."
  "7.1.4": [1, 1], // seed 000 line 430
  "7.1.5": [1, null], // seed 000 line 431 "Đạt từ 0.5 đến 1 điểm"
  "7.2.1": [0.5, null], // seed 000 line 433 "Đạt 0.25 đến 0.5 điểm"
  "7.2.2": [1, null], // seed 000 line 436 "Đạt từ 0.5 đến 1 điểm"
  "7.2.3": [1, null], // seed 000 line 437 "Đạt từ 0.5 đến 1 điểm"
  "7.3.1": [0.5, 0.5], // seed 000 line 440 "đạt điểm tối đa 0.5/0.5 điểm"
  "7.3.2": [1, null], // seed 000 line 441 "Đạt điểm từ 0.5 đến 1 điểm"
  "7.3.3": [1, null], // seed 000 line 444 "Đạt từ 0.5 đến 1 điểm"
  "7.4.1": [0.5, 0.5], // seed 000 line 446
  "7.4.2": [1, 0.5], // seed 000 line 447 "Trên 40% hoàn thành 0.5/ 1 điểm"
  "7.4.3": [1, 1], // seed 000 line 450
};

/** Sum of leaf maxima per field, added up by hand from the lines cited in POINTS_2018. */
const FIELD_MAX_2018: Record<string, number> = {
  "1": 9, // 0.5+1+3+1+1+0.5+0.5+1.5 (seed 000 lines 320-336)
  "2": 5, // 1+1+1.5+1.5 (seed 000 lines 340-344)
  "3": 15, // 0.5+1 + 0.5+1+1+1.5 + 1*5 + 1*3 + 0.5+1 (seed 000 lines 347-374)
  "4": 6.5, // 1+1.5 + 1+1 + 0.5+0.5+1 (seed 000 lines 377-390)
  "5": 10, // 1+1 + 0.5+0.5 + 0.5+0.5 + 3 + 0.5+0.5 + 1 + 0.5+0.5 (seed 000 lines 393-414)
  "6": 4, // 1 + 1+1+1 (seed 000 lines 416-421)
  "7": 12, // 4.5 (7.1) + 2.5 (7.2) + 2.5 (7.3) + 2.5 (7.4) (seed 000 lines 425-450)
};
const TOTAL_MAX_2018 = 61.5;

/** Scoring rules decided by the lead from the seed's threshold wording. */
const RULES_2018: Record<string, string> = {
  "1.1.2": "100%: 1", // seed 000 line 322 "Hoàn thành 100%"
  "1.3.1": ">30%: 1; *: 0", // seed 000 line 330 "Kiểm tra trên 30%"
  "1.3.2": "100%: 1", // seed 000 line 331
  "1.4.1": "100%: 0,5", // seed 000 line 334
  "1.5": ">=2: 1,5; *: 0", // seed 000 line 336 "02 sáng kiến/giải pháp"
  "2.2": "100%: 1,5", // seed 000 line 342
  "3.1.2": "100%: 1", // seed 000 line 348
  "3.2.3": "100%: 1", // seed 000 line 353
  "3.2.4": "100%: 1,5", // seed 000 lines 354+356
  "3.3.1": "100%: 1", // seed 000 line 358
  "3.3.2": "100%: 1", // seed 000 line 359 "10/10 UBND cấp huyện"
  "3.3.3": "100%: 1", // seed 000 line 362 "130/130 UBND cấp xã"
  "3.3.4": ">=20: 1; *: 0", // seed 000 line 363 "Từ 20 TTHC trở lên"
  "3.3.5": ">=30: 1; *: 0", // seed 000 line 364 "Từ 30 TTHC trở lên"
  "3.4.1": "100%: 1", // seed 000 line 367
  "3.4.2": "100%: 1", // seed 000 line 368
  "3.4.3": "100%: 1", // seed 000 line 369
  "3.5.2": "100%: 1", // seed 000 line 374
  "4.3.2": ">30%: 0,5; *: 0", // seed 000 line 387 "Kiểm tra trên 30% số cơ quan, đơn vị; 0.5/0.5"
  "4.3.3": "100%: 1", // seed 000 lines 388+390 "100% các vấn đề được xử lý"
  "5.1.1": "100%: 1", // seed 000 line 393 "100% đúng quy định"
  "5.1.2": "100%: 1", // seed 000 line 394
  "5.6": "100%: 1", // seed 000 line 409
  "6.2.3": "100%: 1", // seed 000 line 421
  "7.1.3": ">=90%: 1; 60%..<90%: 0,5..1; *: 0", // seed 000 lines 427+429 "60% - dưới 90%", "từ 0,5 đến 1"
  "7.1.4": "100%: 1", // seed 000 line 430
  "7.2.1": "60%..100%: 0,25..0,5; *: 0", // seed 000 line 433 "Từ 60% trở lên; Đạt 0.25 đến 0.5"
  "7.2.2": "20%..100%: 0,5..1; *: 0", // seed 000 line 436 "Từ 20% trở lên"
  "7.2.3": ">30%: 1; 10%..30%: 0,5..1; *: 0", // seed 000 line 437 "Từ 10%-30% TTHC"
  "7.3.1": ">=70%: 0,5; *: 0", // seed 000 line 440 "Từ 70% trở lên"
  "7.3.2": "5%..100%: 0,5..1; *: 0", // seed 000 line 441 "Đạt từ 5% trở lên"
  "7.4.1": "100%: 0,5", // seed 000 line 446
  "7.4.2": ">40%: 0,5; *: 0", // seed 000 line 447 "Trên 40% hoàn thành 0.5/ 1 điểm"
};

// ---------------------------------------------------------------------------
// Expected facts, seed 002 (department level: names only)
// ---------------------------------------------------------------------------

/** Every code of the page, in order, with its seed line (one code per line, lines 7-112). */
const CODES_SO: Array<[string, number]> = [
  ["1", 7], ["1.1", 8], ["1.1.1", 9], ["1.1.2", 10], ["1.1.3", 11], ["1.1.4", 12],
  ["1.2", 13], ["1.2.1", 14], ["1.2.2", 15], ["1.2.3", 16],
  ["1.3", 17], ["1.3.1", 18], ["1.3.2", 19], ["1.3.3", 20],
  ["1.4", 21], ["1.4.1", 22], ["1.4.2", 23],
  ["1.5", 24], ["1.5.1", 25], ["1.5.2", 26],
  ["2", 27], ["2.1", 28], ["2.1.1", 29], ["2.1.2", 30],
  ["2.2", 31], ["2.2.1", 32], ["2.2.2", 33], ["2.2.3", 34],
  ["2.3", 35], ["2.3.1", 36], ["2.3.2", 37], ["2.3.3", 38], ["2.3.4", 39],
  ["2.4", 40], ["2.4.1", 41], ["2.4.2", 42], ["2.4.3", 43],
  ["3", 44], ["3.1", 45], ["3.1.1", 46], ["3.1.2", 47], ["3.1.3", 48], ["3.1.4", 49], ["3.1.5", 50], ["3.1.6", 51],
  ["3.2", 52], ["3.2.1", 53], ["3.2.2", 54],
  ["4", 55], ["4.1", 56], ["4.1.1", 57],
  ["4.2", 58], ["4.2.1", 59], ["4.2.2", 60], ["4.2.3", 61],
  ["4.3", 62], ["4.3.1", 63], ["4.3.2", 64], ["4.3.3", 65],
  ["5", 66], ["5.1", 67], ["5.1.1", 68], ["5.1.2", 69],
  ["5.2", 70], ["5.2.1", 71], ["5.2.2", 72],
  ["5.3", 73], ["5.3.1", 74], ["5.3.2", 75],
  ["5.4", 76], ["5.4.1", 77], ["5.4.2", 78],
  ["6", 79], ["6.1", 80], ["6.1.1", 81], ["6.1.2", 82],
  ["6.2", 83], ["6.2.1", 84], ["6.2.2", 85],
  ["7", 86], ["7.1", 87], ["7.1.1", 88], ["7.1.2", 89], ["7.1.3", 90], ["7.1.4", 91], ["7.1.5", 92], ["7.1.6", 93],
  ["7.2", 94], ["7.2.1", 95], ["7.2.2", 96],
  ["7.3", 97], ["7.3.1", 98], ["7.3.2", 99], ["7.3.3", 100],
  ["8", 101], ["8.1", 102], ["8.1.1", 103], ["8.2", 104], ["8.2.1", 105],
  ["8.3", 106], ["8.3.1", 107], ["8.3.2", 108], ["8.4", 109], ["8.4.1", 110], ["8.5", 111], ["8.5.1", 112],
];

/** Names checked verbatim (typos of the page kept). */
const NAMES_SO: Record<string, string> = {
  "1": "Công tác chỉ đạo, điều hành CCHC", // seed 002 line 7 (printed twice)
  "1.1": "Kế hoạch CCHC năm", // seed 002 line 8 (printed twice)
  "1.2.1": "Số lượng báo cáo(2 báo cáo quý, báo cáo 6 tháng và báo cáo năm)", // seed 002 line 14
  "1.3.2":
    "Mức độ thực hiện ké hoạch kiểm tra (xác định rõ số đơn vị đã được kiểm tra trên thực tế sô với số đơn vị trong kế hoạch kiểm tra)", // seed 002 line 19
  "2": "Tham mưu xây dựng và tổ chức thực hiện văn bản Quy phạm pháp luật (QPPL) tại cấp quản lý (cấp Sở hoặc cấp Huyện)", // seed 002 line 27
  "2.1.1": "Mức độ thực hiện kế hoạch xây dựng VBQPL hàng năm", // seed 002 line 29
  "2.2.1":
    "Ban hành kế hoạch rà soát, hệ thông hóa văn bản QPPL của đơn vị (có kế hoạch riêng hoặc nằm trong kế hoạch công tác pháp chế năm)", // seed 002 line 32
  "2.3":
    "Tổ chức triển khai và kiểm tra việc thực hiên văn bản QPPL do Trung ương, UBND tỉnh ban hành thuộc phạm vi, lĩnh vực của đơn vị", // seed 002 line 35
  "3": "Cải cách thủ tục hành chính", // seed 002 line 44
  "4": "Cải cách tổ chức bộ máy hành chính nhà nước", // seed 002 line 55
  "5": "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức", // seed 002 line 66
  "6": "Cải cách tài chính công", // seed 002 line 79
  "6.1": "Thực hiện cơ chế tài chính tại cơ quan hành chính nhà nước", // seed 002 line 80 (trailing space dropped)
  "7": "Hiện đại hóa hành chính", // seed 002 line 86
  "7.2": "Mức độ cung cấp dịch vụ trực tuyến", // seed 002 line 94
  "7.3.1": "Cấp sở được cấp chứng chỉ", // seed 002 line 98
  "8": "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông", // seed 002 line 101
  "8.1.1":
    "Ban hành các quy chế hoạt động của Bộ phận tiếp nhận và trả kết quả và kịp thời sửa đổi, thay thế theo Quyết định số 09/2015/QĐ-TTg, ngày 25/3/2015 của Thủ tướng Chính phủ", // seed 002 line 103
  "8.5.1": "Kết quả giải quyết TTHC (tỷ lệ trả kết quả giải quyết TTHC đúng và trước hạn)", // seed 002 line 112
};

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

describe("catalogue JSON files pass the zod schema", () => {
  it("dien-bien-2018.json parses", () => {
    const result = catalogSchema.safeParse(dienBien2018);
    if (!result.success) throw new Error(JSON.stringify(result.error.issues, null, 2));
    expect(result.success).toBe(true);
    expect(result.data.id).toBe("dien-bien-2018");
    expect(result.data.level).toBe("province");
    expect(result.data.year).toBe(2018);
  });

  it("dien-bien-so.json parses", () => {
    const result = catalogSchema.safeParse(dienBienSo);
    if (!result.success) throw new Error(JSON.stringify(result.error.issues, null, 2));
    expect(result.success).toBe(true);
    expect(result.data.id).toBe("dien-bien-so");
    expect(result.data.level).toBe("department");
    expect(result.data.year).toBeNull();
  });

  it("the schema keeps 1.2's report objects and normalises plain evidence strings", () => {
    const result = catalogSchema.safeParse(dienBien2018);
    expect(result.success).toBe(true);
    if (!result.success) return;
    const field1 = result.data.nodes[0];
    const c12 = field1.children.find((n) => n.code === "1.2");
    expect(c12?.evidence[1]).toEqual({
      name: "Báo cáo năm về kiểm tra, rà soát VBQPPL", // seed 000 line 324
      points: 0.5,
      target: 0.5,
      lead: "Sở Tư pháp",
    });
    const c111 = field1.children[0].children[0];
    expect(c111.evidence).toEqual([{ name: "Kế hoạch CCHC năm" }]); // seed 000 line 320
  });
});

describe("dien-bien-2018 (seed 000, Kế hoạch 352/KH-UBND)", () => {
  describe("metadata", () => {
    it("names the plan and its source", () => {
      expect(province.id).toBe("dien-bien-2018");
      expect(province.name).toBe("Chỉ số CCHC cấp tỉnh Điện Biên 2018 (Kế hoạch 352/KH-UBND)");
      // seed 000 line 315 "(Ban hành kèm theo Kế hoạch số 352 /KH-UBND ngày 15 tháng 5 năm 2018 của UBND tỉnh Điện Biên)"
      expect(province.source).toBe("Phụ lục Kế hoạch số 352/KH-UBND ngày 15/5/2018 của UBND tỉnh Điện Biên");
      expect(province.level).toBe("province");
      expect(province.year).toBe(2018);
    });
  });

  describe("structure", () => {
    it("lists every code of the appendix, in the seed's order", () => {
      expect(provinceNodes.map((n) => n.code)).toEqual(CODES_2018.map(([code]) => code));
    });

    it("the expected code table is itself in seed line order", () => {
      const lines = CODES_2018.map(([, line]) => line);
      expect([...lines].sort((a, b) => a - b)).toEqual(lines);
    });

    it("nests a.b.c under a.b under a", () => {
      for (const field of province.nodes) {
        expect(depth(field.code)).toBe(1);
        for (const criterion of field.children ?? []) {
          expect(criterion.code.startsWith(`${field.code}.`)).toBe(true);
          expect(depth(criterion.code)).toBe(2);
          for (const sub of criterion.children ?? []) {
            expect(sub.code.startsWith(`${criterion.code}.`)).toBe(true);
            expect(depth(sub.code)).toBe(3);
            expect(sub.children ?? []).toEqual([]);
          }
        }
      }
    });

    it("has 7 fields, 29 criteria, 58 sub-criteria and 65 scored leaves", () => {
      // fields: seed 000 lines 318, 338, 345, 375, 391, 415, 422
      expect(provinceNodes.filter((n) => depth(n.code) === 1)).toHaveLength(7);
      // criteria: 5 (1.1-1.5) + 3 (2.1-2.3) + 5 (3.1-3.5) + 3 (4.1-4.3) + 7 (5.1-5.7) + 2 (6.1-6.2) + 4 (7.1-7.4)
      expect(provinceNodes.filter((n) => depth(n.code) === 2)).toHaveLength(29);
      // sub-criteria: 6 + 2 + 16 + 7 + 10 + 3 + 14
      expect(provinceNodes.filter((n) => depth(n.code) === 3)).toHaveLength(58);
      // leaves: 58 sub-criteria + the 7 criteria without sub-criteria
      expect(provinceNodes.filter(isLeaf)).toHaveLength(65);
    });

    it("keeps the seed's capitalisation for the field names", () => {
      expect(Object.fromEntries(province.nodes.map((n) => [n.code, n.name]))).toEqual(FIELDS_2018);
    });

    it("treats 1.2, 1.5, 2.2, 2.3, 5.4, 5.6 and 6.1 as scored leaves", () => {
      const leafCriteria = provinceNodes.filter((n) => depth(n.code) === 2 && isLeaf(n)).map((n) => n.code);
      expect(leafCriteria).toEqual(LEAF_CRITERIA_2018);
    });

    it("invents no codes under 1.2 (its five reports are evidence items)", () => {
      expect(provinceNodes.some((n) => n.code.startsWith("1.2."))).toBe(false);
    });
  });

  describe("names", () => {
    it.each([
      ["1.2", "Thực hiện chế độ báo cáo định kỳ"], // seed 000 line 323 (<i> removed)
      ["1.5", "Sáng kiến giải pháp trong cách hành"], // seed 000 line 336 (seed wording kept)
      ["3.3", "Thực hiện cơ chế một cửa, cơ chế một cửa liên thông"], // seed 000 line 357 (name in the STT cell)
      ["3.3.2", "Tỷ lệ ĐVHC cấp huyện có 100% số TTHC thuộc thẩm quyền giải quyết được thực hiện theo cơ chế một cửa"], // seed 000 lines 359+361
      ["3.5.1", "Tổ chức thực hiện việc tiếp nhận PAKN của cá nhân, tổ chức đối với TTHC thuộc thẩm quyền giải quyết của tỉnh"], // seed 000 lines 371+373
      ["4.1.2", "Thực hiện quy định về cơ cấu số lượng lãnh đạo tại các cơ quan hành chính"], // seed 000 lines 378+380
      ["5.2.1", "Thực hiện quy định về tuyển dụng công chức tại CQCM cấp tỉnh, ĐVHC cấp huyện, cấp xã"], // seed 000 line 398 ("TCIP 5.2.1 - " dropped)
      ["6.2", "Thực hiện cơ chế tự chủ, tự chịu trách nhiệm tại các đơn vị sự nghiệp công lập (SNCL) thuộc tỉnh"], // seed 000 line 417
      ["7.1.3", "Tỷ lệ văn bản trao đổi giữa các cơ quan hành chính nhà nước dưới dạng điện tử"], // seed 000 lines 427+429
      ["7.2.1", "Tỷ lệ TTHC cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ trong năm"], // seed 000 lines 433+435
      ["7.4", "Áp dụng Hệ thống quản lý chất lượng (ISO 9001) theo quy định"], // seed 000 line 445
      ["7.4.2", "Tỷ lệ đơn vị hành chính cấp xã công bố ISO 9001 theo quy định"], // seed 000 lines 447+449
    ])("%s is named verbatim", (code, name) => {
      expect(node2018(code).name).toBe(name);
    });

    it("contains no HTML left over from the seed (<i>, <ul>, <ol>)", () => {
      const text = JSON.stringify(dienBien2018);
      expect(text).not.toMatch(/<\/?(i|ul|ol|li)\b/);
    });
  });

  describe("points", () => {
    it("gives every scored leaf the seed's max and target", () => {
      const actual = Object.fromEntries(
        provinceNodes.filter(isLeaf).map((n) => [n.code, [n.max ?? null, n.target ?? null]]),
      );
      expect(actual).toEqual(POINTS_2018);
    });

    it("leaves max and target null on fields and on criteria with children", () => {
      for (const n of provinceNodes.filter((x) => !isLeaf(x))) {
        expect([n.code, n.max ?? null, n.target ?? null]).toEqual([n.code, null, null]);
      }
    });

    it("sums leaf maxima per field as counted by hand", () => {
      for (const field of province.nodes) {
        const leaves = flatten([field]).filter(isLeaf);
        expect([field.code, sum(leaves.map((n) => n.max ?? 0))]).toEqual([field.code, FIELD_MAX_2018[field.code]]);
      }
    });

    it("totals 61.5 points over all leaves", () => {
      expect(sum(provinceNodes.filter(isLeaf).map((n) => n.max ?? 0))).toBeCloseTo(TOTAL_MAX_2018, 10);
      expect(sum(Object.values(FIELD_MAX_2018))).toBeCloseTo(TOTAL_MAX_2018, 10);
    });

    it.each([
      ["1.1.1", "Duy trì đạt điểm tối đa 0.5/0.5 điểm"], // seed 000 line 320 (own column after the name)
      ["1.2", "Duy trì đạt điểm tối đa 1/1 điểm"], // seed 000 line 323
      ["1.3.1", "- Kiểm tra trên 30% số cơ quan, đơn vị; - Duy trì đạt điểm tối đa 1/1 điểm"], // seed 000 line 330
      [
        "3.2.4",
        "- 100% số TTHC thuộc thẩm quyền giải quyết tại 3 cấp chính quyền của tỉnh được công khai trên Công TTĐT của tỉnh; 100% số CQCM cấp tỉnh và 100% số ĐVHC cấp huyện công khai đầy đủ TTHC thuộc thẩm quyền giải quyết trên Trang TTĐT của đơn vị mình; - Đạt điểm tối đa 1.5 điểm.",
      ], // seed 000 lines 354+356
      ["5.5.2", "0/0,5 điểm"], // seed 000 line 408
      [
        "7.1.3",
        "- Thực hiện 60% - dưới 90% văn bản trao đổi giữa các cơ quan hành chính nhà nước dưới dạng điện tử; - Đạt từ 0,5 đến 1 điểm.",
      ], // seed 000 lines 427+429
      [
        "7.3.1",
        "- Thống kê danh mục TTHC đã triển khai qua dịch vụ BCCI và tính tỷ lệ % giữa số TTHC có phát sinh hồ sơ. - Từ 70% trở lên đạt điểm tối đa 0.5/0.5 điểm",
      ], // seed 000 line 440 (<ul> removed)
      ["7.4.2", "Trên 40% hoàn thành 0.5/ 1 điểm"], // seed 000 line 447
    ])("%s keeps the seed's target wording", (code, text) => {
      expect(node2018(code).targetText).toBe(text);
    });
  });

  describe("1.2 periodic reports", () => {
    const c12 = (): RawNode => node2018("1.2");

    it("is one scored leaf worth 3 points with target 3", () => {
      expect(c12().children ?? []).toEqual([]);
      expect(c12().max).toBe(3);
      expect(c12().target).toBe(3);
    });

    it("lists its five reports in order with points, target and lead", () => {
      expect(c12().evidence).toEqual([
        { name: "Báo cáo CCHC quý, năm", points: 1, target: 1, lead: "Sở Nội vụ" }, // seed 000 line 323
        { name: "Báo cáo năm về kiểm tra, rà soát VBQPPL", points: 0.5, target: 0.5, lead: "Sở Tư pháp" }, // seed 000 line 324
        { name: "Báo cáo năm về theo dõi thi hành pháp luật", points: 0.25, target: 0.25, lead: "Sở Tư pháp" }, // seed 000 line 325
        { name: "Báo cáo năm về đào tạo, bồi dưỡng CC, VC", points: 0.25, target: 0.25, lead: "Sở Nội vụ" }, // seed 000 line 326
        { name: "Báo cáo quý, năm về kết quả ứng dụng CNTT", points: 1, target: 1, lead: "Sở Thông tin và Truyền thông" }, // seed 000 line 327
      ]);
    });

    it("has report points summing to its max of 3", () => {
      const points = (c12().evidence ?? []).map((e) => (typeof e === "string" ? 0 : (e.points ?? 0)));
      expect(sum(points)).toBeCloseTo(3, 10);
      expect(sum(points)).toBeCloseTo(c12().max ?? NaN, 10);
    });

    it("takes requirement, deadline, lead and coordinating from the 1.2 row", () => {
      const n = c12();
      // seed 000 line 323
      expect(n.evidenceRequirement).toBe(
        "Các báo cáo phải đáp ứng đầy đủ số lượng (quý, năm), nội dung và gửi đúng thời gian theo quy định của Văn phòng Chính phủ và của từng Bộ chủ quản",
      );
      expect(n.deadline).toBe("Theo chế độ báo cáo do Bộ chủ quản quy định");
      expect(n.lead).toBe("Sở Nội vụ");
      expect(n.coordinating).toBe(
        "Các cơ quan, đơn vị có liên quan đến nội dung, số liệu chủ động xây dựng báo cáo gửi cơ quan tổng hợp trước 10 ngày so với ngày ban hành báo cáo",
      );
    });

    it("is the only node whose evidence items are objects", () => {
      const withObjects = provinceNodes
        .filter((n) => (n.evidence ?? []).some((e) => typeof e !== "string"))
        .map((n) => n.code);
      expect(withObjects).toEqual(["1.2"]);
    });
  });

  describe("evidence (Sản phẩm làm TLKC), split one document per item", () => {
    it.each<[string, string[]]>([
      ["1.1.1", ["Kế hoạch CCHC năm"]], // seed 000 line 320
      ["1.1.2", ["Kế hoạch CCHC", "Báo cáo CCHC năm"]], // seed 000 line 322
      [
        "1.3.1",
        [
          "Kế hoạch kiểm tra CCHC",
          "Các thông báo kết luận kiểm tra",
          "Biên bản kiểm tra, báo cáo kết quả kiểm tra",
          "Công văn yêu cầu xử lý sau kiểm tra",
        ],
      ], // seed 000 line 330
      ["1.4.1", ["Kế hoạch tuyên truyền CCHC", "Báo cáo CCHC định kỳ"]], // seed 000 line 334
      [
        "2.2",
        [
          "Báo cáo kết quả rà soát văn bản QPPL hàng năm.",
          "Quyết định công bố VBQPPL hết hiệu lực năm 2018.",
          "Văn bản sửa đổi, bổ sung thay thế các văn bản đã rà soát (nếu có)",
        ],
      ], // seed 000 line 342
      [
        "3.2.4",
        [
          "Báo cáo công tác kiểm soát TTHC của tỉnh hoặc Báo cáo CCHC năm của",
          "Kết quả kiểm tra trực tiếp tại Cổng/Trang TTĐT của các cơ quan, đơn vị.",
        ],
      ], // seed 000 lines 354+356
      ["3.3.2", ["Báo cáo công tác kiểm soát TTHC của tỉnh hoặc Báo cáo CCHC năm của tỉnh"]], // seed 000 lines 359+361
      [
        "4.3.2",
        [
          "Kế hoạch kiểm tra CCHC",
          "Các thông báo kết luận kiểm tra/ Biên bản kiểm tra, báo cáo kết quả kiểm tra",
          "Công văn yêu cầu xử lý",
          "Báo cáo kết quả xử lý",
        ],
      ], // seed 000 line 387
      [
        "5.1.2",
        [
          "Báo cáo CCHC năm của tỉnh",
          "Quyết định phê duyệt danh mục VTVL trong các đơn vị sự nghiệp công lập",
          "Gửi đại diện Ban mô tả công việc, Khung năng lực của ít nhất 05 vị trí việc làm khác nhau (Bộ Nội vụ có thể yêu cầu gửi thêm khi cần thiết)",
        ],
      ], // seed 000 lines 394+396
      [
        "5.4",
        [
          "Các quyết định bổ nhiệm",
          "Thống kê danh sách bổ nhiệm trong năm",
          "Báo cáo đánh giá kết quả việc bổ nhiệm các vị trí lãnh đạo, quản lý trong năm",
        ],
      ], // seed 000 line 404
      ["5.7.1", ["Báo cáo CCHC hoặc biểu tổng hợp số lượng, chất lượng đội ngũ công chức cấp xã năm 2018"]], // seed 000 lines 411+413
      ["6.2.1", ["Báo cáo kết quả thực hiện cơ chế tự chủ của tỉnh", "Các văn bản giao tự chủ tài chính"]], // seed 000 line 419
      [
        "7.1.1",
        [
          "Báo cáo kết quả UDCNTT của tỉnh",
          "Kết quả theo dõi, kiểm tra của Bộ Thông tin và Truyền thông (do Bộ Thông tin và Truyền thông cung cấp).",
        ],
      ], // seed 000 line 425
      [
        "7.4.2",
        [
          "Các quyết định công bố ISO hoặc báo tình hình xây dựng, áp dụng, duy trì, cải tiến HTQLCL theo Tiêu chuẩn ISO 9001 trên địa bàn tỉnh Điện Biên năm 2018 của UBND tỉnh.",
        ],
      ], // seed 000 lines 447+449
    ])("%s lists its documents verbatim", (code, items) => {
      expect(node2018(code).evidence).toEqual(items);
    });

    it("gives every scored leaf except 4.3.3 at least one evidence item", () => {
      // seed 000 lines 388+390: 4.3.3's remaining cells only repeat its name and target
      const missing = provinceNodes.filter((n) => isLeaf(n) && (n.evidence ?? []).length === 0).map((n) => n.code);
      expect(missing).toEqual(["4.3.3"]);
    });

    it("keeps no list numbering, leading dash or trailing ';' in evidence items", () => {
      for (const n of provinceNodes) {
        for (const e of n.evidence ?? []) {
          const name = typeof e === "string" ? e : e.name;
          expect(name).not.toMatch(/^(\d+\.\s|-\s?)/);
          expect(name).not.toMatch(/;\s*$/);
          expect(name).toBe(name.trim());
        }
      }
    });
  });

  describe("requirements, deadlines and agencies", () => {
    it("reads 1.1.1's last cell as lead Sở Nội vụ plus the coordinating list", () => {
      const n = node2018("1.1.1"); // seed 000 line 320
      expect(n.evidenceRequirement).toBe(
        "Đúng tiến độ; đảm bảo đủ 06 nội dung; từng nhiệm vụ cụ thể, rõ trách nhiệm, chi tiết thời gian",
      );
      expect(n.deadline).toBe("Quý IV năm trước liền kề năm kế hoạch");
      expect(n.lead).toBe("Sở Nội vụ");
      expect(n.coordinating).toBe(
        "- Sở Tư pháp - Sở Tài chính - Văn phòng UBND tỉnh - Sở Thông tin và truyền thông - Sở Khoa học và Công nghệ - Sở Kế hoạch và đầu tư Xây dựng nội dung theo lĩnh vực phụ trách gửi Sở Nội vụ trước ngày 01/11",
      );
    });

    it.each<[string, string | null]>([
      ["1.1.2", "Báo cáo CCHC năm 10/12"], // seed 000 line 322
      ["1.3.1", "1. KH Kiểm tra ban hành chậm nhất quý II; 2. TLKC sau kết thúc kiểm tra 15 ngày"], // seed 000 line 330
      ["1.4.2", null], // seed 000 line 335: empty cell
      ["1.5", "Trước ngày 15/1"], // seed 000 line 336
      ["2.1.1", "Trước ngày 15/10/2018"], // seed 000 line 340
      ["2.3", "31/01/2019"], // seed 000 line 344
      ["3.2.4", "Báo cáo quý trước ngày 20 của tháng cuối quý và báo cáo năm trước ngày 15/1"], // seed 000 line 354
      ["4.1.1", "Trước ngày 15/01/2019"], // seed 000 line 377
      ["5.5.1", "Quý IV năm 2018"], // seed 000 line 407
      [
        "7.2.1",
        "- Báo cáo định kỳ về kết quả ứng dụng CNTT báo cáo quý I, trước ngày 10/3; quý II, trước ngày 10/6; quý III, trước ngày 10/9; năm, trước ngày 05/12.",
      ], // seed 000 lines 433+435
      [
        "7.3.2",
        "1. Kế hoạch: 30/12 của năm trước liên kế năm kế hoạch. 2. Báo cáo quý trước ngày 15 của tháng cuối quý; báo cáo 6 tháng trước ngày 15/7 và báo cáo năm trước ngày 10/12",
      ], // seed 000 lines 441+443 (<ol> removed)
      ["7.4.3", "01/12/2018"], // seed 000 line 450
    ])("%s deadline", (code, deadline) => {
      expect(node2018(code).deadline).toBe(deadline);
    });

    it.each<[string, string | null, string | null]>([
      ["1.3.1", "1. Kế hoạch - Sở Nội vụ; 2. Các TLKC khác do Trưởng các đoàn kiểm tra", "Các cơ quan trong BCĐ CCHC tỉnh xây dựng nội dung kiểm tra gửi Sở Nội vụ chậm nhất tháng 4"], // seed 000 line 330
      ["1.4.2", "Sở TT&TT", "Đài Phát thanh truyền hình tỉnh, Báo Điện Biên Phủ....."], // seed 000 line 335
      ["2.2", "Sở Tư pháp chủ trì tổng hợp báo cáo; tham mưu Quyết định công bố hết hiệu lực.", "Các Sở, ban, ngành tỉnh phối hợp; rà soát lĩnh vực được giao"], // seed 000 line 342
      ["3.2.2", "Văn phòng UBND tỉnh", null], // seed 000 line 352: empty coordinating cell
      ["3.2.4", "Văn phòng UBND tỉnh tổng hợp báo cáo", "Sở TT&TT phối hợp cung cấp về nội dung số liệu."], // seed 000 line 354
      ["4.1.2", "Sở Nội vụ", "Các Sở, ban, ngành tỉnh; UBND cấp huyện"], // seed 000 line 378
      ["5.7.1", "Sở Nội vụ", "UBND các huyện, thị xã, thành phố"], // seed 000 line 411
      ["6.1", "Sở Tài chính", "Các sở, ban, ngành tỉnh; UBND cấp huyện"], // seed 000 line 416
      ["7.1.3", "Văn phòng UBND tỉnh", "Các sở, ban, ngành thuộc UBND tỉnh; UBND các huyện, thị xã, thành phố."], // seed 000 lines 427+429
      ["7.3.1", "Sở Thông tin và Truyền thông", "Sở TT&TT xây dựng nội dung báo cáo, Bưu chính cung cấp số liệu"], // seed 000 line 440
      ["7.4.2", "Sở KH&CN", "UBND các huyện, thị xã, thành phố"], // seed 000 lines 447+449
    ])("%s lead and coordinating", (code, lead, coordinating) => {
      const n = node2018(code);
      expect(n.lead).toBe(lead);
      expect(n.coordinating).toBe(coordinating);
    });

    it.each<[string, string]>([
      ["1.4.1", "- Kế hoạch tuyên truyền CCHC; - Các báo cáo CCHC định kỳ;"], // seed 000 line 334
      ["3.3.2", "Đảm bảo đúng thời hạn, nội dung và hình thứ theo quy định."], // seed 000 lines 359+361 (seed typo kept)
      ["4.1.2", "Đúng thời gian yêu cầu, thể hiện rõ nội dung cơ cấu số lượng lãnh đạo các cơ quan hành chính"], // seed 000 lines 378+380
      ["5.7.1", "Đúng thời gian yêu cầu, thể hiện rõ nội dung đạt chuẩn về trình độ chuyên môn, nghiệp vụ của đội ngũ công chức cấp xã"], // seed 000 lines 411+413
      [
        "7.3.1",
        "- Báo cáo kết quả thực hiện Quyết định 45/2016/QĐ-TTg của tỉnh; - Kết quả theo dõi, kiểm tra của Bộ Thông tin và Truyền thông (do Bộ Thông tin và Truyền thông cung cấp).",
      ], // seed 000 line 440 (<ul> removed)
    ])("%s evidence requirement", (code, requirement) => {
      expect(node2018(code).evidenceRequirement).toBe(requirement);
    });

    it("gives 4.3.3 no requirement, deadline or agency (its cells only repeat name and target)", () => {
      const n = node2018("4.3.3"); // seed 000 lines 388+390
      expect(n.targetText).toBe("- 100% các vấn đề được xử lý hoặc kiến nghị xử lý; - Đạt điểm tối đa 1/1 điểm");
      expect([n.evidenceRequirement, n.deadline, n.lead, n.coordinating]).toEqual([null, null, null, null]);
    });

    it("leaves fields and criteria with children without evidence, deadline or agency", () => {
      for (const n of provinceNodes.filter((x) => !isLeaf(x))) {
        expect([n.code, n.evidence ?? [], n.targetText ?? null, n.deadline ?? null, n.lead ?? null]).toEqual([
          n.code,
          [],
          null,
          null,
          null,
        ]);
      }
    });
  });

  describe("rules", () => {
    it("puts every decided rule on its code", () => {
      for (const [code, rule] of Object.entries(RULES_2018)) {
        expect([code, node2018(code).rule]).toEqual([code, rule]);
      }
    });

    it("sets no rule anywhere else", () => {
      const withRule = provinceNodes.filter((n) => n.rule != null).map((n) => n.code);
      expect(withRule.sort()).toEqual(Object.keys(RULES_2018).sort());
    });

    it("only puts rules on scored leaves", () => {
      for (const code of Object.keys(RULES_2018)) {
        expect([code, isLeaf(node2018(code))]).toEqual([code, true]);
      }
    });
  });
});

describe("dien-bien-so (seed 002, cấp sở criteria list)", () => {
  describe("metadata", () => {
    it("names the list and its source page", () => {
      expect(department.id).toBe("dien-bien-so");
      expect(department.name).toBe("Chỉ số CCHC cấp sở tỉnh Điện Biên (danh mục tiêu chí)");
      // seed 002 lines 3 and 5
      expect(department.source).toBe(
        "Danh mục chỉ tiêu đánh giá hàng năm — Đánh giá chỉ số cải cách hành chính trên địa bàn tỉnh Điện Biên",
      );
      expect(department.level).toBe("department");
      expect(department.year).toBeNull();
    });
  });

  describe("structure", () => {
    it("lists every code of the page, in order", () => {
      expect(departmentNodes.map((n) => n.code)).toEqual(CODES_SO.map(([code]) => code));
    });

    it("the expected code table covers seed lines 7-112, one code per line", () => {
      expect(CODES_SO.map(([, line]) => line)).toEqual(Array.from({ length: 106 }, (_, i) => 7 + i));
    });

    it("has 8 fields, 28 criteria and 70 sub-criteria", () => {
      expect(departmentNodes.filter((n) => depth(n.code) === 1)).toHaveLength(8);
      expect(departmentNodes.filter((n) => depth(n.code) === 2)).toHaveLength(28);
      expect(departmentNodes.filter((n) => depth(n.code) === 3)).toHaveLength(70);
    });

    it("nests every sub-criterion under its criterion and field", () => {
      for (const field of department.nodes) {
        expect(depth(field.code)).toBe(1);
        for (const criterion of field.children ?? []) {
          expect(criterion.code.startsWith(`${field.code}.`)).toBe(true);
          expect((criterion.children ?? []).length).toBeGreaterThan(0);
          for (const sub of criterion.children ?? []) {
            expect(sub.code.startsWith(`${criterion.code}.`)).toBe(true);
            expect(sub.children ?? []).toEqual([]);
          }
        }
      }
    });
  });

  describe("names", () => {
    it.each(Object.entries(NAMES_SO))("%s is named verbatim", (code, name) => {
      expect(nodeSo(code).name).toBe(name);
    });

    it("keeps no 'Collapse' artefact, no doubled heading and no broken character", () => {
      for (const n of departmentNodes) {
        expect(n.name).not.toMatch(/Collapse/);
        expect(n.name).not.toContain("\uFFFD");
        expect(n.name).not.toContain(`${n.code}. `); // the repeated "1.1. Kế hoạch CCHC năm" half
        expect(n.name).toBe(n.name.trim());
      }
    });
  });

  describe("no invented scoring data", () => {
    it("every node has null max, target and rule and no evidence or agencies", () => {
      for (const n of departmentNodes) {
        expect([n.code, n.max ?? null, n.target ?? null, n.rule ?? null]).toEqual([n.code, null, null, null]);
        expect(n.max).toBeNull();
        expect(n.rule).toBeNull();
        expect(n.evidence ?? []).toEqual([]);
        expect([n.targetText ?? null, n.deadline ?? null, n.lead ?? null, n.coordinating ?? null]).toEqual([
          null,
          null,
          null,
          null,
        ]);
      }
    });
  });
});
