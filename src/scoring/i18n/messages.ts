/**
 * Every user-facing message of the core, in Vietnamese (first) and English.
 * A message says what is wrong and how to fix it; where it happened is added by the caller.
 */
export type Lang = "vi" | "en";

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const vi = {
  "rule.empty": () => "Quy tắc chấm điểm đang trống. Nhập ít nhất một mức, ví dụ: 100%: 1; *: 0",
  "rule.missingColon": (p) =>
    `Mức "${p.band}" thiếu dấu ":" giữa điều kiện và điểm. Viết theo dạng điều kiện: điểm, ví dụ >=80%: 0,5`,
  "rule.emptyCondition": () => "Thiếu điều kiện trước dấu \":\". Ví dụ: >=80%: 0,5 (dùng * cho mọi giá trị còn lại)",
  "rule.emptyPoints": () => "Thiếu số điểm sau dấu \":\". Ví dụ: >=80%: 0,5",
  "rule.badNumber": (p) =>
    `"${p.text}" không phải là số, tỷ lệ % hay ngày (dd/mm/yyyy). Ví dụ hợp lệ: 20, 0,5, 80%, 15/01/2019`,
  "rule.badDate": (p) => `Ngày "${p.text}" không tồn tại. Nhập ngày theo dạng dd/mm/yyyy, ví dụ 15/01/2019`,
  "rule.badCondition": (p) =>
    `Không hiểu điều kiện "${p.text}". Dùng >=, >, <=, <, =, một số, khoảng a..b hoặc a..<b, có/không, hoặc *`,
  "rule.rangeOrder": (p) => `Khoảng "${p.text}" có giới hạn dưới lớn hơn giới hạn trên. Viết số nhỏ trước, ví dụ 60%..<90%`,
  "rule.linearNeedsRange": () =>
    "Điểm dạng khoảng (ví dụ 0,5..1) chỉ dùng được khi điều kiện là một khoảng a..b hoặc a..<b",
  "rule.badExpression": (p) =>
    `Biểu thức điểm "${p.text}" không hợp lệ: ${p.detail}. Chỉ dùng số, x, max, + - * / và dấu ngoặc`,
  "rule.exprUnexpected": (p) => `ký tự "${p.token}" không đúng chỗ`,
  "rule.exprEnd": () => "biểu thức kết thúc giữa chừng",
  "rule.exprParen": () => "thiếu dấu ngoặc đóng \")\"",
  "rule.tooLong": (p) => `Quy tắc quá dài (${p.length} ký tự, tối đa ${p.limit}). Hãy rút gọn các mức`,
  "rule.divByZero": (p) => `Biểu thức điểm "${p.text}" chia cho 0 với giá trị ${p.value}`,
  "rule.needsMax": (p) =>
    `Biểu thức điểm "${p.text}" dùng max nhưng tiêu chí chưa có điểm tối đa. Nhập điểm tối đa (tham số thứ ba)`,
  "value.notNumber": (p) =>
    `Giá trị "${p.text}" không phải là số, tỷ lệ %, ngày (dd/mm/yyyy), có/không hay "Không áp dụng". Sửa lại ô kết quả, ví dụ 85% hoặc 0,85`,
  "value.badMax": (p) => `Điểm tối đa "${p.text}" không phải là số không âm. Nhập ví dụ 1 hoặc 0,5`,
  "catalog.unknownCode": (p) =>
    `Mã tiêu chí "${p.code}" không có trong bộ tiêu chí "${p.catalog}". Kiểm tra lại mã (ví dụ 1.3.1)`,
  "catalog.noRule": (p) =>
    `Tiêu chí ${p.code} chưa có quy tắc chấm điểm trong bộ tiêu chí "${p.catalog}". Nhập quy tắc trực tiếp, ví dụ PAR.SCORE(giá trị; "100%: 1")`,
  "catalog.unknownId": (p) => `Không có bộ tiêu chí "${p.id}". Các bộ có sẵn: ${p.known}`,
  "catalog.invalid": (p) => `Bộ tiêu chí ${p.source} không hợp lệ: ${p.detail}`,
  "catalog.issue": (p) => `${p.where}: ${p.detail}`,
  "catalog.duplicateCode": (p) => `mã ${p.code} xuất hiện nhiều lần; mỗi mã chỉ được dùng một lần`,
  "catalog.childCode": (p) => `mã ${p.code} không nằm dưới mã cha ${p.parent} (mã con phải bắt đầu bằng "${p.parent}.")`,
  "catalog.sumMismatch": (p) =>
    `điểm tối đa của ${p.code} là ${p.max} nhưng tổng điểm tối đa các tiêu chí con là ${p.sum}; sửa cho khớp`,
  "catalog.badJson": (p) => `Tệp ${p.source} không phải JSON hợp lệ: ${p.detail}`,
  "index.shape": (p) => `Hai vùng điểm và điểm tối đa phải cùng kích thước (đang là ${p.a} và ${p.b})`,
  "index.noApplicable": () => "Không có tiêu chí nào được áp dụng (tổng điểm tối đa bằng 0), không tính được chỉ số",
  "range.shape": (p) =>
    `Vùng ${p.label} có kích thước ${p.rows}×${p.cols}, không khớp với vùng ${p.lead} ${p.leadRows}×${p.leadCols}. Dùng một ô hoặc một vùng cùng kích thước`,
  "label.value": () => "giá trị",
  "label.rule": () => "quy tắc",
  "label.max": () => "điểm tối đa",
  "label.code": () => "mã tiêu chí",
  "catalog.badStored": (p) =>
    `Bộ tiêu chí lưu trong sổ tính (${p.setting}) không đọc được. Đang dùng bộ mặc định; hãy chọn lại bộ tiêu chí trong ngăn PAR Scorer`,
  "explain.blank": () => "Ô kết quả trống: chưa chấm điểm",
  "explain.na": () => "Không áp dụng: tiêu chí này không tính vào điểm tối đa",
  "explain.matched": (p) => `Giá trị ${p.value} khớp mức ${p.band} (${p.text}) → ${p.points} điểm`,
  "explain.noMatch": (p) => `Giá trị ${p.value} không khớp mức nào → 0 điểm`,
  "explain.capped": (p) => `; giới hạn ở điểm tối đa ${p.max}`,
  "error.at": (p) => `Lỗi tại ký tự ${p.position}: ${p.message}`,
  "na.label": () => "Không áp dụng",
} satisfies Record<string, Template>;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, Template> = {
  "rule.empty": () => "The scoring rule is empty. Enter at least one band, e.g. 100%: 1; *: 0",
  "rule.missingColon": (p) => `Band "${p.band}" lacks ":" between condition and points. Write condition: points, e.g. >=80%: 0,5`,
  "rule.emptyCondition": () => 'A condition is missing before ":". E.g. >=80%: 0,5 (use * for anything else)',
  "rule.emptyPoints": () => 'The points are missing after ":". E.g. >=80%: 0,5',
  "rule.badNumber": (p) => `"${p.text}" is not a number, percentage or date (dd/mm/yyyy). Valid: 20, 0,5, 80%, 15/01/2019`,
  "rule.badDate": (p) => `The date "${p.text}" does not exist. Write dates as dd/mm/yyyy, e.g. 15/01/2019`,
  "rule.badCondition": (p) => `Cannot read the condition "${p.text}". Use >=, >, <=, <, =, a number, a range a..b or a..<b, yes/no, or *`,
  "rule.rangeOrder": (p) => `The range "${p.text}" has its lower bound above its upper bound. Put the smaller first, e.g. 60%..<90%`,
  "rule.linearNeedsRange": () => "Points written as a range (e.g. 0,5..1) need a range condition a..b or a..<b",
  "rule.badExpression": (p) => `The points expression "${p.text}" is invalid: ${p.detail}. Use numbers, x, max, + - * / and parentheses only`,
  "rule.exprUnexpected": (p) => `"${p.token}" is out of place`,
  "rule.exprEnd": () => "the expression ends too early",
  "rule.exprParen": () => 'a closing ")" is missing',
  "rule.tooLong": (p) => `The rule is too long (${p.length} characters, at most ${p.limit}). Shorten its bands`,
  "rule.divByZero": (p) => `The points expression "${p.text}" divides by zero for the value ${p.value}`,
  "rule.needsMax": (p) => `The points expression "${p.text}" uses max but the criterion has no maximum. Give the maximum (third argument)`,
  "value.notNumber": (p) => `The value "${p.text}" is not a number, percentage, date (dd/mm/yyyy), yes/no or "Not applicable". Correct the cell, e.g. 85% or 0,85`,
  "value.badMax": (p) => `The maximum "${p.text}" is not a non-negative number. Enter e.g. 1 or 0,5`,
  "catalog.unknownCode": (p) => `Criterion code "${p.code}" is not in the catalogue "${p.catalog}". Check the code (e.g. 1.3.1)`,
  "catalog.noRule": (p) => `Criterion ${p.code} has no scoring rule in the catalogue "${p.catalog}". Give a rule directly, e.g. PAR.SCORE(value, "100%: 1")`,
  "catalog.unknownId": (p) => `There is no catalogue "${p.id}". Available: ${p.known}`,
  "catalog.invalid": (p) => `The catalogue ${p.source} is invalid: ${p.detail}`,
  "catalog.issue": (p) => `${p.where}: ${p.detail}`,
  "catalog.duplicateCode": (p) => `code ${p.code} appears more than once; each code may be used once`,
  "catalog.childCode": (p) => `code ${p.code} is not under its parent ${p.parent} (a child's code starts with "${p.parent}.")`,
  "catalog.sumMismatch": (p) => `the maximum of ${p.code} is ${p.max} but its children's maxima sum to ${p.sum}; make them agree`,
  "catalog.badJson": (p) => `The file ${p.source} is not valid JSON: ${p.detail}`,
  "index.shape": (p) => `The score and maximum ranges must have the same size (they are ${p.a} and ${p.b})`,
  "index.noApplicable": () => "No criterion applies (the applicable maximum is 0): the index cannot be computed",
  "range.shape": (p) =>
    `The ${p.label} range is ${p.rows}×${p.cols} and does not match the ${p.lead} range ${p.leadRows}×${p.leadCols}. Use one cell or a range of the same size`,
  "label.value": () => "value",
  "label.rule": () => "rule",
  "label.max": () => "maximum",
  "label.code": () => "criterion code",
  "catalog.badStored": (p) =>
    `The catalogue saved in the workbook (${p.setting}) cannot be read. The default is in use; pick the catalogue again in the PAR Scorer pane`,
  "explain.blank": () => "The value cell is blank: not scored yet",
  "explain.na": () => "Not applicable: this criterion leaves the maximum",
  "explain.matched": (p) => `Value ${p.value} matches band ${p.band} (${p.text}) → ${p.points} points`,
  "explain.noMatch": (p) => `Value ${p.value} matches no band → 0 points`,
  "explain.capped": (p) => `; capped at the maximum ${p.max}`,
  "error.at": (p) => `Error at character ${p.position}: ${p.message}`,
  "na.label": () => "Not applicable",
};

const tables: Record<Lang, Record<MessageKey, Template>> = { vi, en };

export function t(key: MessageKey, params: Params = {}, lang: Lang = "vi"): string {
  return tables[lang][key](params);
}
