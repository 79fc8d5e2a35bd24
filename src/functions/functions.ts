/**
 * Excel custom functions (namespace PAR, set in manifest.xml): thin wrappers over src/scoring.
 * Every function takes ranges and returns an array of the same shape (one formula per column); a 1×1 argument
 * is broadcast. The JSDoc below is the Vietnamese functions.json, its parameter names the Vietnamese ones Excel
 * shows; English descriptions and parameter names live in translations.en.json. Each description ends with an
 * example, and stays short enough for Excel's help to show it whole.
 * custom-functions-metadata-plugin appends the CustomFunctions.associate calls to this file at build time.
 */
import { inFunctionsRuntime } from "./runtime-guard";
import {
  Catalog,
  CatalogNode,
  computeIndex,
  criterionChoices,
  effectiveMax,
  explainCriterion,
  figure,
  getNode,
  ParError,
  scoreCriterion,
  t,
} from "../scoring";
import { awaitStoredCatalog, getActiveCatalog, whenCatalogKnown } from "./active-catalog";
import { workbookDateSystem } from "./date-system";
import { flatten, functionsLang, isBlank, mapCells, scoreToCell, toCellError } from "./broadcast";

// In Excel the workbook's stored catalogue is read by the task pane's start (the same runtime): wait for it.
if (inFunctionsRuntime) awaitStoredCatalog();

/**
 * Runs `compute` with the active catalogue; while Excel is opening and the workbook's stored choice is not read
 * yet, waits for it. Excel takes a promise from any custom function; the declared type stays the array because
 * custom-functions-metadata reads the result's shape (a matrix) from it.
 */
function withCatalog(compute: (catalog: Catalog) => any[][]): any[][] {
  const later = whenCatalogKnown();
  if (!later) return compute(getActiveCatalog());
  return later.then(compute) as unknown as any[][];
}

/** One lookup per code cell of the active catalogue; a blank code gives a blank cell. */
function byCode(code: any[][], read: (node: CatalogNode) => unknown): any[][] {
  return withCatalog((catalog) =>
    mapCells([code], ["label.code"], (c) => (isBlank(c) ? "" : read(getNode(catalog, c as string | number)))),
  );
}

/**
 * Chấm điểm tiêu chí theo quy tắc; ô trống cho ô trống. Ví dụ: =PAR.SCORE(E5; "1.3.1") hoặc =PAR.SCORE(E5:E40; ">=80%: 0,5; *: 0")
 * @customfunction SCORE
 * @param giá_trị Kết quả thực hiện: số, tỷ lệ %, ngày, có/không hoặc "Không áp dụng"; một ô hoặc một vùng. Ví dụ: 85%
 * @param quy_tắc Quy tắc chấm điểm hoặc mã tiêu chí của bộ tiêu chí đang dùng. Ví dụ: ">=80%: 0,5; *: 0" hoặc "1.3.1"
 * @param điểm_tối_đa Không bắt buộc; bỏ trống thì dùng điểm tối đa của tiêu chí. Ví dụ: 1
 * @returns Điểm đạt được.
 */
export function score(giá_trị: any[][], quy_tắc: any[][], điểm_tối_đa?: any[][]): any[][] {
  return withCatalog((catalog) =>
    mapCells([giá_trị, quy_tắc, điểm_tối_đa], ["label.value", "label.rule", "label.max"], (v, r, m) =>
      scoreToCell(scoreCriterion(v, r, m, catalog, workbookDateSystem())),
    ),
  );
}

/**
 * Giải thích cách PAR.SCORE chấm (cùng tham số): khớp mức nào, bao nhiêu điểm, theo thang nào. Ví dụ: =PAR.EXPLAIN(E5; "1.3.1")
 * @customfunction EXPLAIN
 * @param giá_trị Kết quả thực hiện cần giải thích; một ô hoặc một vùng. Ví dụ: 85%
 * @param quy_tắc Quy tắc chấm điểm hoặc mã tiêu chí của bộ tiêu chí đang dùng. Ví dụ: "1.3.1"
 * @param điểm_tối_đa Không bắt buộc, như ở PAR.SCORE. Ví dụ: 1
 * @returns Lời giải thích.
 */
export function explain(giá_trị: any[][], quy_tắc: any[][], điểm_tối_đa?: any[][]): any[][] {
  return withCatalog((catalog) =>
    mapCells([giá_trị, quy_tắc, điểm_tối_đa], ["label.value", "label.rule", "label.max"], (v, r, m) =>
      explainCriterion(v, r, catalog, functionsLang(), m, workbookDateSystem()),
    ),
  );
}

/**
 * Điểm tối đa của tiêu chí (tiêu chí có tiêu chí con: tổng của chúng). Ví dụ: =PAR.GETMAXPOINTS("1.2")
 * @customfunction GETMAXPOINTS
 * @param mã_tiêu_chí Mã tiêu chí; một ô hoặc một vùng. Ví dụ: "1.2"
 * @returns Điểm tối đa.
 */
export function getMaxPoints(mã_tiêu_chí: any[][]): any[][] {
  return byCode(mã_tiêu_chí, (node) => effectiveMax(node) ?? "");
}

/**
 * Tên cũ của PAR.GETMAXPOINTS, giữ cho các sổ tính đã dùng. Ví dụ: =PAR.MAX("1.2")
 * @customfunction MAX
 * @excludeFromAutoComplete
 * @param mã_tiêu_chí Mã tiêu chí; một ô hoặc một vùng. Ví dụ: "1.2"
 * @returns Điểm tối đa.
 */
export function max(mã_tiêu_chí: any[][]): any[][] {
  return getMaxPoints(mã_tiêu_chí);
}

/**
 * Tên tiêu chí trong bộ tiêu chí đang dùng. Ví dụ: =PAR.NAME("1.3.1")
 * @customfunction NAME
 * @param mã_tiêu_chí Mã tiêu chí; một ô hoặc một vùng. Ví dụ: "1.3.1"
 * @returns Tên tiêu chí.
 */
export function name(mã_tiêu_chí: any[][]): any[][] {
  return byCode(mã_tiêu_chí, (node) => node.name);
}

/**
 * Các tài liệu kiểm chứng của tiêu chí, mỗi tài liệu một dòng. Ví dụ: =PAR.EVIDENCE("1.2")
 * @customfunction EVIDENCE
 * @param mã_tiêu_chí Mã tiêu chí; một ô hoặc một vùng. Ví dụ: "1.2"
 * @returns Danh sách tài liệu kiểm chứng.
 */
export function evidence(mã_tiêu_chí: any[][]): any[][] {
  return byCode(mã_tiêu_chí, (node) => node.evidence.map((e) => e.name).join("\n"));
}

/**
 * Thời hạn thực hiện tiêu chí. Ví dụ: =PAR.DEADLINE("1.2")
 * @customfunction DEADLINE
 * @param mã_tiêu_chí Mã tiêu chí; một ô hoặc một vùng. Ví dụ: "1.2"
 * @returns Thời hạn.
 */
export function deadline(mã_tiêu_chí: any[][]): any[][] {
  return byCode(mã_tiêu_chí, (node) => node.deadline ?? "");
}

/**
 * Cơ quan chủ trì thực hiện tiêu chí. Ví dụ: =PAR.LEAD("1.2")
 * @customfunction LEAD
 * @param mã_tiêu_chí Mã tiêu chí; một ô hoặc một vùng. Ví dụ: "1.2"
 * @returns Cơ quan chủ trì.
 */
export function lead(mã_tiêu_chí: any[][]): any[][] {
  return byCode(mã_tiêu_chí, (node) => node.lead ?? "");
}

/**
 * Các kết quả của một quy tắc chọn kết quả và "Không áp dụng", thành một cột (cho danh sách thả xuống). Ví dụ: =PAR.CHOICES("1.1.1")
 * @customfunction CHOICES
 * @param quy_tắc_hoặc_mã Một ô: mã tiêu chí hoặc quy tắc chọn kết quả. Ví dụ: "1.1.1"
 * @returns Các kết quả, theo thứ tự trong quy tắc, rồi "Không áp dụng".
 */
export function choices(quy_tắc_hoặc_mã: any[][]): any[][] {
  return withCatalog((catalog) => {
    try {
      const cells = flatten(quy_tắc_hoặc_mã);
      if (cells.length !== 1) throw new ParError("choices.single", { count: cells.length });
      const labels = criterionChoices(cells[0], catalog);
      return [...labels, t("na.label", {}, functionsLang())].map((label) => [label]);
    } catch (e) {
      throw toCellError(e);
    }
  });
}

/** PAR.CALCULATEINDEX and PAR.INDEX: the index, and beside it a note when a score was above its maximum. */
function indexCells(scores: any[][], maxes: any[][], codes?: any[][]): any[][] {
  try {
    const result = computeIndex(flatten(scores), flatten(maxes), codes === undefined || codes === null ? undefined : flatten(codes));
    if (result.capped.length === 0) return [[result.index]];
    const lang = functionsLang();
    const list = result.capped
      .map((c) => t("index.cappedItem", { position: c.position, score: figure(c.score), max: figure(c.max) }, lang))
      .join("; ");
    return [[result.index, t("index.capped", { list }, lang)]];
  } catch (e) {
    throw toCellError(e);
  }
}

/**
 * Chỉ số CCHC: tổng điểm đạt ÷ tổng điểm tối đa được áp dụng × 100 (tối đa 100). Ví dụ: =PAR.CALCULATEINDEX(F5:F40; D5:D40; A5:A40)
 * @customfunction CALCULATEINDEX
 * @param điểm Vùng điểm đạt được, ví dụ kết quả của PAR.SCORE. Ví dụ: F5:F40
 * @param điểm_tối_đa Vùng điểm tối đa, cùng số ô; bắt buộc ở mọi ô có điểm. Ví dụ: D5:D40
 * @param mã_tiêu_chí Không bắt buộc: vùng mã tiêu chí, để báo lỗi khi có cả tiêu chí cha và con. Ví dụ: A5:A40
 * @returns Chỉ số CCHC; bên cạnh là ghi chú khi có điểm vượt điểm tối đa.
 */
export function calculateIndex(điểm: any[][], điểm_tối_đa: any[][], mã_tiêu_chí?: any[][]): any[][] {
  return indexCells(điểm, điểm_tối_đa, mã_tiêu_chí);
}

/**
 * Tên cũ của PAR.CALCULATEINDEX, giữ cho các sổ tính đã dùng. Ví dụ: =PAR.INDEX(F5:F40; D5:D40)
 * @customfunction INDEX
 * @excludeFromAutoComplete
 * @param điểm Vùng điểm đạt được. Ví dụ: F5:F40
 * @param điểm_tối_đa Vùng điểm tối đa, cùng số ô. Ví dụ: D5:D40
 * @param mã_tiêu_chí Không bắt buộc: vùng mã tiêu chí. Ví dụ: A5:A40
 * @returns Chỉ số CCHC.
 */
export function index(điểm: any[][], điểm_tối_đa: any[][], mã_tiêu_chí?: any[][]): any[][] {
  return indexCells(điểm, điểm_tối_đa, mã_tiêu_chí);
}
