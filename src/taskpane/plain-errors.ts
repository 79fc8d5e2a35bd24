/**
 * Messages the pane shows in plain words: a catalogue file's problems come from the schema library (zod) and the
 * browser's JSON parser in English ("Invalid input: expected number, received string", "Unexpected token } in JSON
 * at position 45"); here they become sentences in the pane's language, naming the criterion and the field and
 * giving an example of what is expected.
 */
import { CatalogError, CatalogIssue } from "../scoring/catalog/load";
import { ParError } from "../scoring/errors";
import { errorText } from "./errors";
import { UiLang } from "./i18n";

/** What each field of a catalogue file holds, with an example (Vietnamese, English). */
const FIELDS: Record<string, [string, string, string]> = {
  code: ["mã tiêu chí", "criterion code", '"1.2"'],
  name: ["tên tiêu chí", "criterion name", '"Ban hành kế hoạch CCHC"'],
  max: ["điểm tối đa", "maximum points", "0.5"],
  target: ["chỉ tiêu", "target", "100"],
  targetText: ["chỉ tiêu (chữ)", "target (text)", '"100%"'],
  rule: ["quy tắc chấm", "scoring rule", '"100%: 1; *: 0"'],
  evidence: ["tài liệu kiểm chứng", "evidence", '["Kế hoạch CCHC năm"]'],
  evidenceRequirement: ["yêu cầu tài liệu kiểm chứng", "evidence requirement", '"Kế hoạch"'],
  deadline: ["thời hạn", "deadline", '"31/12"'],
  lead: ["cơ quan chủ trì", "leading agency", '"Sở Nội vụ"'],
  coordinating: ["cơ quan phối hợp", "coordinating agencies", '"Các sở, ngành"'],
  assessedBy: ["cách chấm", "assessed by", '"self" hoặc "survey"'],
  kind: ["loại mục", "section kind", '"bonus" hoặc "penalty"'],
  children: ["tiêu chí con", "sub-criteria", "[ … ]"],
  nodes: ["danh sách lĩnh vực", "list of fields", "[ … ]"],
  id: ["mã bộ tiêu chí", "catalogue code", '"tinh-2024"'],
  year: ["năm", "year", "2024"],
  bands: ["thang xếp loại", "grading bands", '"Tốt: 90"'],
};

const TYPES: Record<string, [string, string]> = {
  number: ["một số", "a number"],
  string: ["chữ (đặt trong dấu nháy kép)", "text (in double quotes)"],
  array: ["một danh sách [ … ]", "a list [ … ]"],
  object: ["một nhóm { … }", "a group { … }"],
  boolean: ["đúng/sai (true/false)", "true or false"],
  null: ["để trống (null)", "empty (null)"],
  undefined: ["bị thiếu", "missing"],
};

const typeWords = (type: string, lang: UiLang) => (TYPES[type] ? TYPES[type][lang === "en" ? 1 : 0] : type);

/** One schema problem as a sentence: where, what is wrong, an example of what is expected. */
export function plainCatalogIssue(issue: CatalogIssue, lang: UiLang): string {
  const en = lang === "en";
  const field = issue.field ? FIELDS[issue.field] : undefined;
  const fieldName = field ? (en ? field[1] : field[0]) : issue.field;
  const where = [
    issue.code ? (en ? `criterion ${issue.code}` : `tiêu chí ${issue.code}`) : null,
    fieldName ? (en ? `field "${issue.field}" (${fieldName})` : `trường "${issue.field}" (${fieldName})`) : null,
  ]
    .filter(Boolean)
    .join(", ");
  const at = where || (en ? "the file" : "tệp");
  const example = field ? (en ? ` Example: ${field[2]}.` : ` Ví dụ: ${field[2]}.`) : "";
  const m = issue.message;
  let found = /expected (\w+), received (\w+)/.exec(m);
  if (found) {
    const [, want, got] = found;
    if (got === "undefined") return en ? `${at}: missing; it must be ${typeWords(want, lang)}.${example}` : `${at}: còn thiếu; cần ${typeWords(want, lang)}.${example}`;
    return en
      ? `${at}: must be ${typeWords(want, lang)}, not ${typeWords(got, lang)}.${example}`
      : `${at}: phải là ${typeWords(want, lang)}, đang là ${typeWords(got, lang)}.${example}`;
  }
  found = /expected one of (.+)$/.exec(m);
  if (found) {
    const options = found[1].split("|").join(en ? " or " : " hoặc ");
    return en ? `${at}: must be one of ${options}.` : `${at}: phải là một trong các giá trị ${options}.`;
  }
  found = /Unrecognized keys?: (.+)$/.exec(m);
  if (found) return en ? `${at}: unknown field ${found[1]}; remove it or check its spelling.` : `${at}: có trường lạ ${found[1]}; xóa đi hoặc sửa lại chính tả.`;
  found = /Too (small|big): expected (\w+) to (?:be|have) ([<>]=?)\s*([\d.]+)/.exec(m);
  if (found) {
    const [, , , op, limit] = found;
    const more = op.startsWith(">");
    return en
      ? `${at}: must be ${more ? "at least" : "at most"} ${limit}${op.length === 1 ? " (not equal)" : ""}.${example}`
      : `${at}: phải ${more ? "không nhỏ hơn" : "không lớn hơn"} ${limit.replace(".", ",")}${op.length === 1 ? " (không được bằng)" : ""}.${example}`;
  }
  if (/^(Invalid|Too|Unrecognized|Expected)/.test(m)) {
    return en ? `${at}: not in the expected form.${example}` : `${at}: chưa đúng dạng.${example}`;
  }
  // Messages the core wrote itself are already in the user's words.
  return `${at}: ${m}`;
}

/** Where a JSON.parse message says the text went wrong ("at position 45", "(line 3 column 5)"). */
function jsonPlace(detail: string, lang: UiLang): string {
  const line = /line (\d+) column (\d+)/.exec(detail);
  if (line) return lang === "en" ? ` near line ${line[1]}, column ${line[2]}` : ` gần dòng ${line[1]}, cột ${line[2]}`;
  const pos = /position (\d+)/.exec(detail);
  if (pos) return lang === "en" ? ` near character ${Number(pos[1]) + 1}` : ` gần ký tự thứ ${Number(pos[1]) + 1}`;
  if (/end of (JSON )?input|Unterminated/i.test(detail)) return lang === "en" ? " at its end (it looks cut short)" : " ở cuối tệp (tệp có vẻ bị cắt cụt)";
  return "";
}

/** The text of anything the pane shows: catalogue-file problems in plain sentences, the rest as errorText gives it. */
export function plainErrorText(e: unknown, lang: UiLang): string {
  if (e instanceof CatalogError) {
    const issues = e.issues.map((i) => `• ${plainCatalogIssue(i, lang)}`);
    const head =
      lang === "en"
        ? `The catalogue file ${e.source} cannot be used (${e.issues.length === 1 ? "1 problem" : `${e.issues.length} problems`}). Fix it in the file, or ask whoever sent it for a corrected copy:`
        : `Không dùng được tệp bộ tiêu chí ${e.source} (${e.issues.length} chỗ chưa đúng). Sửa trong tệp, hoặc xin nơi gửi tệp bản đã sửa:`;
    return [head, ...issues].join("\n");
  }
  if (e instanceof ParError && e.key === "catalog.badJson") {
    const source = String(e.params.source ?? "");
    const detail = String(e.params.detail ?? "");
    return lang === "en"
      ? `The file ${source} is not a catalogue file: its content is damaged or not in the catalogue format${jsonPlace(detail, lang)}. Check that you picked the right file, or ask whoever sent it for a new copy.`
      : `Tệp ${source} không phải tệp bộ tiêu chí: nội dung bị hỏng hoặc không đúng định dạng${jsonPlace(detail, lang)}. Kiểm tra lại đã chọn đúng tệp chưa, hoặc xin nơi gửi tệp một bản khác.`;
  }
  return errorText(e, lang);
}
