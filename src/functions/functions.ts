/**
 * Excel custom functions (namespace PAR, set in manifest.xml): thin wrappers over src/scoring.
 * Every function takes ranges and returns an array of the same shape (one formula per column); a 1×1 argument
 * is broadcast. The JSDoc below is the Vietnamese functions.json; English lives in translations.en.json.
 * custom-functions-metadata-plugin appends the CustomFunctions.associate calls to this file at build time.
 */
import "./runtime-guard";
import { CatalogNode, computeIndex, criterionChoices, effectiveMax, explainCriterion, getNode, ParError, scoreCriterion } from "../scoring";
import { getActiveCatalog } from "./active-catalog";
import { flatten, functionsLang, isBlank, mapCells, scoreToCell, toCellError } from "./broadcast";

/** One lookup per code cell of the active catalogue; a blank code gives a blank cell. */
function byCode(code: any[][], read: (node: CatalogNode) => unknown): any[][] {
  const catalog = getActiveCatalog();
  return mapCells([code], ["label.code"], (c) => (isBlank(c) ? "" : read(getNode(catalog, c as string | number))));
}

/**
 * Chấm điểm tiêu chí Chỉ số CCHC theo quy tắc ngưỡng; nhận một ô hoặc cả cột giá trị, trả về điểm cùng kích thước.
 * @customfunction SCORE
 * @param value Kết quả thực hiện: số, tỷ lệ %, ngày dd/mm/yyyy, có/không hoặc "Không áp dụng"; một ô hoặc một vùng.
 * @param rule Quy tắc chấm điểm, ví dụ ">=80%: 0,5; *: 0", hoặc mã tiêu chí của bộ tiêu chí đang dùng, ví dụ "1.3.1".
 * @param max Điểm tối đa (không bắt buộc); bỏ trống thì dùng điểm tối đa của tiêu chí.
 * @returns Điểm đạt được.
 */
export function score(value: any[][], rule: any[][], max?: any[][]): any[][] {
  const catalog = getActiveCatalog();
  return mapCells([value, rule, max], ["label.value", "label.rule", "label.max"], (v, r, m) => scoreToCell(scoreCriterion(v, r, m, catalog)));
}

/**
 * Giải thích bằng lời cách chấm điểm: giá trị khớp mức nào của quy tắc và được bao nhiêu điểm.
 * @customfunction EXPLAIN
 * @param value Kết quả thực hiện cần giải thích; một ô hoặc một vùng.
 * @param rule Quy tắc chấm điểm hoặc mã tiêu chí của bộ tiêu chí đang dùng.
 * @returns Lời giải thích.
 */
export function explain(value: any[][], rule: any[][]): any[][] {
  const catalog = getActiveCatalog();
  return mapCells([value, rule], ["label.value", "label.rule"], (v, r) => explainCriterion(v, r, catalog, functionsLang()));
}

/**
 * Điểm tối đa của tiêu chí trong bộ tiêu chí đang dùng (tiêu chí có tiêu chí con: tổng điểm tối đa các tiêu chí con).
 * @customfunction MAX
 * @param code Mã tiêu chí, ví dụ "1.2"; một ô hoặc một vùng.
 * @returns Điểm tối đa.
 */
export function max(code: any[][]): any[][] {
  return byCode(code, (node) => effectiveMax(node) ?? "");
}

/**
 * Tên tiêu chí trong bộ tiêu chí đang dùng.
 * @customfunction NAME
 * @param code Mã tiêu chí, ví dụ "1.3.1"; một ô hoặc một vùng.
 * @returns Tên tiêu chí.
 */
export function name(code: any[][]): any[][] {
  return byCode(code, (node) => node.name);
}

/**
 * Các tài liệu kiểm chứng của tiêu chí, mỗi tài liệu một dòng.
 * @customfunction EVIDENCE
 * @param code Mã tiêu chí, ví dụ "1.2"; một ô hoặc một vùng.
 * @returns Danh sách tài liệu kiểm chứng.
 */
export function evidence(code: any[][]): any[][] {
  return byCode(code, (node) => node.evidence.map((e) => e.name).join("\n"));
}

/**
 * Thời hạn thực hiện tiêu chí theo bộ tiêu chí đang dùng.
 * @customfunction DEADLINE
 * @param code Mã tiêu chí, ví dụ "1.2"; một ô hoặc một vùng.
 * @returns Thời hạn.
 */
export function deadline(code: any[][]): any[][] {
  return byCode(code, (node) => node.deadline ?? "");
}

/**
 * Cơ quan chủ trì thực hiện tiêu chí theo bộ tiêu chí đang dùng.
 * @customfunction LEAD
 * @param code Mã tiêu chí, ví dụ "1.2"; một ô hoặc một vùng.
 * @returns Cơ quan chủ trì.
 */
export function lead(code: any[][]): any[][] {
  return byCode(code, (node) => node.lead ?? "");
}

/**
 * Các kết quả được chọn của một quy tắc chọn kết quả, mỗi kết quả một dòng (dùng làm danh sách thả xuống cho ô kết quả).
 * @customfunction CHOICES
 * @param ruleOrCode Mã tiêu chí của bộ tiêu chí đang dùng, ví dụ "1.1.1", hoặc quy tắc như “Ban hành kịp thời”: 1; “Không ban hành”: 0; một ô.
 * @returns Các kết quả, theo thứ tự trong quy tắc, thành một cột.
 */
export function choices(ruleOrCode: any[][]): any[][] {
  try {
    const cells = flatten(ruleOrCode);
    if (cells.length !== 1) throw new ParError("choices.single", { count: cells.length });
    return criterionChoices(cells[0], getActiveCatalog()).map((label) => [label]);
  } catch (e) {
    throw toCellError(e);
  }
}

/**
 * Chỉ số CCHC (%): tổng điểm đạt chia tổng điểm tối đa của các tiêu chí được áp dụng, nhân 100; tiêu chí "Không áp dụng" không tính.
 * @customfunction INDEX
 * @param scores Vùng điểm đạt được, ví dụ kết quả của PAR.SCORE.
 * @param maxes Vùng điểm tối đa, cùng số ô với vùng điểm.
 * @returns Chỉ số CCHC.
 */
export function index(scores: any[][], maxes: any[][]): number {
  try {
    return computeIndex(flatten(scores), flatten(maxes)).index;
  } catch (e) {
    throw toCellError(e);
  }
}
