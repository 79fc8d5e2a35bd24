/**
 * Every user-facing message of the core, in Vietnamese (first) and English.
 * A message says what is wrong and how to fix it; where it happened is added by the caller.
 */
import { formatNumber } from "../values";

export type Lang = "vi" | "en";

/**
 * A figure in a message (points, a maximum, a value the user typed): written in the message's language as every
 * output writes figures (formatNumber: 0,50 / 0.50), `percent` for a fraction shown as 85,00%. Plain numbers in
 * params are counts and positions, written as they are.
 */
export interface Figure {
  figure: number;
  percent?: boolean;
}

/** A figure for a message's params (see Figure). */
export function figure(x: number, options: { percent?: boolean } = {}): Figure {
  return options.percent ? { figure: x, percent: true } : { figure: x };
}

export type Params = Record<string, string | number | Figure>;
type Template = (p: Record<string, string | number>) => string;

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
    `Không hiểu điều kiện "${p.text}". Dùng >=, >, <=, <, =, một số, khoảng a..b hoặc a..<b, lời như "từ 70% đến dưới 90%", "trên 90%", "dưới 70%", có/không, một kết quả trong ngoặc kép ("Ban hành kịp thời"), hoặc *`,
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
    `Biểu thức điểm "${p.text}" dùng điểm tối đa (max) nhưng tiêu chí chưa có điểm tối đa. Nhập điểm tối đa (tham số thứ ba, điểm_tối_đa)`,
  "rule.labelUnclosed": (p) =>
    `Kết quả "${p.text}" mở ngoặc kép nhưng không đóng. Viết kết quả trong cặp ngoặc kép, ví dụ "Ban hành kịp thời": 1`,
  "rule.labelTrailing": (p) =>
    `Sau dấu ngoặc kép đóng của kết quả "${p.text}" còn chữ. Đặt cả kết quả trong ngoặc kép rồi đến dấu ":" và điểm, ví dụ "Ban hành kịp thời": 1`,
  "rule.labelEmpty": () => `Kết quả trong ngoặc kép đang trống. Ghi tên kết quả, ví dụ "Ban hành kịp thời": 1`,
  "rule.labelNotApplicable": (p) =>
    `Kết quả "${p.text}" trùng với "Không áp dụng", vốn có nghĩa riêng (tiêu chí không tính vào điểm tối đa). Bỏ mức này; đơn vị không được đánh giá thì ghi "Không áp dụng" vào ô kết quả`,
  "rule.labelDuplicate": (p) =>
    `Kết quả "${p.text}" xuất hiện hai lần trong quy tắc (không phân biệt hoa thường, dấu). Mỗi kết quả chỉ ghi một lần`,
  "choices.single": (p) => `PAR.CHOICES nhận đúng một ô (mã tiêu chí hoặc quy tắc); vùng đang có ${p.count} ô. Chọn một ô`,
  "rule.notChoice": (p) =>
    `Quy tắc "${p.rule}" không phải là quy tắc chọn kết quả: các mức của nó không chỉ là các kết quả trong ngoặc kép (và *), nên không có danh sách kết quả để chọn. Ví dụ quy tắc chọn: "Ban hành kịp thời": 1; "Không ban hành": 0`,
  "value.notChoice": (p) =>
    `Giá trị "${p.text}" không phải là một kết quả của quy tắc. Chọn một trong: ${[p.choices, p.yesno ? "có/không" : "", p.numbers ? "số liệu (số, %, ngày)" : ""].filter(Boolean).join(", ")} (hoặc "Không áp dụng")`,
  "explain.floored": () => "; điểm trừ không làm tiêu chí xuống dưới 0",
  "value.notNumber": (p) =>
    `Giá trị "${p.text}" không phải là số, tỷ lệ %, ngày (dd/mm/yyyy), có/không hay "Không áp dụng". Sửa lại ô kết quả, ví dụ 85% hoặc 0,85`,
  "value.badMax": (p) => `Điểm tối đa "${p.text}" không phải là số không âm. Nhập ví dụ 1,00 hoặc 0,50`,
  "catalog.unknownCode": (p) =>
    `Mã tiêu chí "${p.code}" không có trong bộ tiêu chí ${p.catalog}. Kiểm tra lại mã (ví dụ 1.3.1)`,
  "catalog.ambiguousNumber": (p) =>
    `Mã tiêu chí ${p.number} được nhập dạng số nên mất số 0 ở cuối và ứng với nhiều mã trong bộ tiêu chí ${p.catalog}: ${p.codes}. Nhập mã dạng văn bản (gõ dấu ' trước, ví dụ '1.10) hoặc để ô ở định dạng Văn bản (Text)`,
  "catalog.noRule": (p) =>
    `Tiêu chí ${p.code} chưa có quy tắc chấm điểm trong bộ tiêu chí ${p.catalog}. Nhập quy tắc trực tiếp, ví dụ PAR.SCORE(giá_trị; "100%: 1")`,
  "catalog.unknownId": (p) => `Không có bộ tiêu chí "${p.id}". Các bộ có sẵn: ${p.known}`,
  "catalog.invalid": (p) => `Bộ tiêu chí ${p.source} không hợp lệ: ${p.detail}`,
  "catalog.issue": (p) => `${p.where}: ${p.detail}`,
  "catalog.duplicateCode": (p) => `mã ${p.code} xuất hiện nhiều lần; mỗi mã chỉ được dùng một lần`,
  "catalog.childCode": (p) => `mã ${p.code} không nằm dưới mã cha ${p.parent} (mã con phải bắt đầu bằng "${p.parent}.")`,
  "catalog.sumMismatch": (p) =>
    `điểm tối đa của ${p.code} là ${p.max} nhưng tổng điểm tối đa các tiêu chí con là ${p.sum}; sửa cho khớp`,
  "catalog.kindNotField": (p) =>
    `${p.code} có "kind": "${p.kind}" nhưng chỉ lĩnh vực (mã một số, ví dụ 9) mới là phần điểm thưởng hay điểm trừ. Chuyển "kind" lên lĩnh vực đó`,
  "catalog.surveyConflict": (p) =>
    `${p.code} nằm trong phần điều tra xã hội học nhưng ghi "assessedBy": "self". Bỏ trường này ở tiêu chí con, hoặc bỏ "survey" ở tiêu chí cha`,
  "catalog.surveyInSection": (p) =>
    `${p.code} là tiêu chí điều tra xã hội học nằm trong phần điểm thưởng/điểm trừ. Điều tra xã hội học thuộc phần điểm chính: chuyển tiêu chí ra khỏi phần này`,
  "catalog.badJson": (p) => `Tệp ${p.source} không phải JSON hợp lệ: ${p.detail}`,
  "catalog.tooDeep": (p) =>
    `Tệp ${p.source} chứa JSON lồng nhau quá sâu (hơn ${p.limit} tầng) nên không phải là bộ tiêu chí. Kiểm tra lại tệp (xem mẫu: par catalog show dien-bien-2018 --json)`,
  "catalog.tooManyLevels": (p) =>
    `Bộ tiêu chí ${p.source} có tiêu chí lồng nhau quá ${p.limit} cấp (lĩnh vực, tiêu chí, tiêu chí thành phần…). Kiểm tra lại trường "children" của các tiêu chí`,
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
  "explain.noMatch": (p) => `Giá trị ${p.value} không khớp mức nào → 0,00 điểm`,
  "explain.capped": (p) => `; giới hạn ở điểm tối đa ${p.max}`,
  "error.at": (p) => `Lỗi tại ký tự ${p.position}: ${p.message}`,
  "na.label": () => "Không áp dụng",
  // catalogue sheet
  "catalogSheet.noHeader": (p) =>
    `Trang "${p.sheet}" không có dòng tiêu đề của bảng tiêu chí trong 10 dòng đầu. Dòng tiêu đề cần có các cột Mã, Tên tiêu chí, Điểm tối đa, Quy tắc chấm điểm`,
  "catalogSheet.noId": () => `Thiếu mã bộ tiêu chí. Ghi "Mã bộ tiêu chí: <mã>" ở một ô phía trên dòng tiêu đề, ví dụ Mã bộ tiêu chí: dien-bien-2019`,
  "catalogSheet.badId": (p) =>
    `Mã bộ tiêu chí "${p.id}" không hợp lệ. Chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ dien-bien-2019`,
  "catalogSheet.noName": (p) => `Thiếu tên bộ tiêu chí nên tạm dùng mã "${p.id}". Ghi "Bộ tiêu chí: <tên>" ở ô A1`,
  "catalogSheet.badLevel": (p) =>
    `Không hiểu cấp đánh giá "${p.text}" nên bỏ qua. Ghi một trong: sở/ngành, phường, xã, đặc khu (hoặc tỉnh, huyện cho bộ tiêu chí trước 01/07/2025), hoặc để trống`,
  "catalogSheet.badYear": (p) => `Năm "${p.text}" không hợp lệ nên bỏ qua. Ghi năm đủ bốn chữ số, ví dụ 2019 (hoặc để trống)`,
  "catalogSheet.noCode": (p) =>
    `Dòng ${p.row} có nội dung nhưng thiếu mã tiêu chí nên bị bỏ qua. Nhập mã vào ô này (ví dụ 1.3.1) hoặc xóa dòng`,
  "catalogSheet.badCode": (p) =>
    `Mã tiêu chí "${p.text}" không hợp lệ. Mã gồm các số cách nhau bởi dấu chấm, ví dụ 1, 1.3 hoặc 1.3.1`,
  "catalogSheet.duplicateCode": (p) => `Mã ${p.code} đã có ở dòng ${p.row}. Mỗi tiêu chí chỉ có một dòng: đổi mã hoặc xóa dòng trùng`,
  "catalogSheet.noParent": (p) =>
    `Tiêu chí ${p.code} không có dòng tiêu chí cha ${p.parent}. Thêm một dòng mã ${p.parent}, hoặc sửa mã này`,
  "catalogSheet.emptyName": (p) => `Tiêu chí ${p.code} chưa có tên. Nhập tên tiêu chí vào ô này`,
  "catalogSheet.badNumber": (p) =>
    `${p.label} của tiêu chí ${p.code} là "${p.text}", không phải là số. Nhập số như 0,50 hoặc 1,00 (để trống nếu chưa có)`,
  "catalogSheet.negativeMax": (p) => `Điểm tối đa của tiêu chí ${p.code} là ${p.text}, không được âm. Nhập số từ 0 trở lên`,
  "catalogSheet.badRule": (p) => `Quy tắc chấm điểm của tiêu chí ${p.code} sai. ${p.detail}`,
  "catalogSheet.noRows": (p) => `Bảng tiêu chí chưa có dòng nào dưới dòng tiêu đề (dòng ${p.row}). Thêm ít nhất một lĩnh vực, ví dụ mã 1`,
  "catalogSheet.issue": (p) => `Bộ tiêu chí chưa hợp lệ: ${p.detail}`,
  "catalogSheet.badWord": (p) => `Không hiểu "${p.text}" ở tiêu chí ${p.code}. Ghi một trong: ${p.allowed} (hoặc để trống)`,
  "label.target": () => "điểm mục tiêu",
  // importing a province's table
  "import.noHeader": (p) =>
    `Trang "${p.sheet}" không có dòng tiêu đề của bảng tiêu chí (cần các cột STT hoặc Mã, Tiêu chí hoặc Nội dung, Điểm tối đa, trong 30 dòng đầu)`,
  "import.strayText": (p) => `Dòng chữ "${p.text}" đứng trước tiêu chí đầu tiên nên bị bỏ qua`,
  "import.badCode": (p) => `Không hiểu mã "${p.text}". Mã viết là 1, 1.1, 1.1.1 hoặc I, 1, a; sửa lại ô này`,
  "import.duplicateCode": (p) => `Mã ${p.code} đã có ở ô ${p.cell}. Mỗi tiêu chí một mã: sửa lại một trong hai`,
  "import.noName": (p) => `Tiêu chí ${p.code} chưa có tên. Nhập tên tiêu chí vào ô này`,
  "import.badMax": (p) => `Điểm tối đa của tiêu chí ${p.code} là "${p.text}", không phải là số không âm. Nhập số như 1,00 hoặc 0,50`,
  "import.noRows": (p) => `Bảng chưa có tiêu chí nào dưới dòng tiêu đề (dòng ${p.row})`,
  "import.noParent": (p) => `Tiêu chí ${p.code} không có dòng tiêu chí cha ${p.parent}. Thêm dòng đó, hoặc sửa mã`,
  "import.unconverted": (p) =>
    `Tiêu chí ${p.code}: không chuyển được "${p.text}" thành quy tắc chấm điểm (${p.reason}). Lời văn được giữ ở "Yêu cầu đối với TLKC" và tiêu chí chưa có quy tắc: viết quy tắc cho nó trong bộ tiêu chí, hoặc đơn vị tự nhập điểm`,
  "import.reason.noPoints": () => 'không thấy số điểm: viết "lời văn: điểm", ví dụ "Ban hành kịp thời: 1", hoặc ghi điểm ở cột Điểm tối đa',
  "import.reason.badPoints": () => "phần điểm không phải là một số, \"điểm tối đa\" hay \"p% điểm\" (có thể là một công thức)",
  "import.reason.percentPoints": () => 'điểm ghi bằng % mà không nói % của gì: viết "75% điểm tối đa" hoặc số điểm',
  "import.reason.numbersOutside": () => 'có số nằm ngoài một cụm điều kiện đọc được ("từ a đến dưới b", "từ a trở lên", "dưới a"…)',
  "import.reason.quote": () => "lời văn có dấu ngoặc kép hoặc dấu chấm phẩy",
  "import.reason.notApplicable": () => '"Không áp dụng" không phải là một kết quả chấm điểm',
  "import.reason.linearNeedsRange": () => "điểm dạng khoảng chỉ dùng được với điều kiện là một khoảng",
  "import.reason.pointsConflict": () => "số điểm trong lời văn khác với số ở cột Điểm tối đa",
  "import.reason.underParent": () => "dòng này nằm dưới một tiêu chí có tiêu chí con; mức điểm phải nằm dưới tiêu chí thành phần",
  "import.reason.duplicateOutcome": () => "hai mức có cùng lời văn hoặc cùng điều kiện không đọc được",
  "import.totalMismatch": (p) =>
    `Dòng tổng cộng ghi ${p.total} điểm nhưng tổng điểm tối đa các lĩnh vực là ${p.sum}. Sửa số ở ô này hoặc điểm tối đa của các lĩnh vực cho khớp`,
  "import.reason.qualifier": () =>
    'lời văn có chữ làm đổi nghĩa của số ("chậm", "đúng hạn", "trễ"…) mà các mức khác không có, nên không biết đơn vị nhập số gì: viết quy tắc cho tiêu chí này',
  "import.reason.exactUnsettled": () =>
    'một tỷ lệ đúng bằng ("Đạt 90%") hay một số đúng bằng ("02 sáng kiến") mà thứ tự các mức không cho biết là "từ 90% trở lên" hay "đúng 90%": viết "Từ 90% trở lên", "Từ 90% đến dưới 100%" hoặc "Từ 02 sáng kiến trở lên"',
  "import.reason.deductionCap": () =>
    "trừ điểm theo từng việc với mức trừ tối đa nhỏ hơn điểm tối đa của tiêu chí (hoặc tiêu chí chưa có điểm tối đa): quy tắc không viết được, viết quy tắc hoặc để đơn vị tự nhập điểm",
  "import.missingColumns": (p) =>
    `Trang "${p.sheet}": dòng tiêu đề ở dòng ${p.row} thiếu cột ${p.missing} (các cột tìm thấy: ${p.found}). Thêm cột đó, hoặc đổi tên tiêu đề cột cho đúng (ví dụ "Điểm tối đa", "Nội dung tiêu chí")`,
  "import.ignoredRow": (p) => `Dòng có chữ "${p.text}" nhưng ô mã, tên và điểm tối đa đều trống nên không được đọc. Nếu đó là một tiêu chí, ghi nó vào các cột đó`,
  "import.afterTable": (p) => `Dòng chữ "${p.text}" nằm dưới dòng tổng cộng (ngoài bảng) nên không được đọc như một tiêu chí`,
  "import.heading": (p) => `Dòng "${p.text}" được đọc là đề mục của một phần bảng (không phải tiêu chí)`,
  "import.pointsOverMax": (p) =>
    `Tiêu chí ${p.code}: mức "${p.text}" cho ${p.points} điểm, lớn hơn điểm tối đa ${p.max} của tiêu chí. Sửa số điểm của mức hoặc điểm tối đa`,
  "import.noMax": (p) => `Tiêu chí ${p.code} chưa có điểm tối đa. Nhập điểm tối đa vào ô này (ví dụ 1,00 hoặc 0,50)`,
  "import.penaltySign": (p) =>
    `Tiêu chí ${p.code} thuộc phần điểm trừ: điểm "${p.text}" được đọc là trừ tối đa ${p.value} điểm (bộ tiêu chí ghi số dương; đơn vị ghi -1 hay 1 đều là trừ 1 điểm)`,
  "import.acrossFields": (p) =>
    `Tiêu chí được đánh số liên tục qua các lĩnh vực (lĩnh vực ${p.field} bắt đầu bằng tiêu chí ${p.first}): giữ mã như bảng ghi; các lĩnh vực La Mã không thành mã riêng`,
  "import.bandRow": (p) => `Dòng "${p.text}" (ký hiệu ${p.marker}) là một mức điểm của tiêu chí ${p.code}, không phải tiêu chí con`,
  "import.state.exact": () => "đọc đúng nguyên văn",
  "import.state.assumption": () => "đọc với giả định",
  "import.state.notRead": () => "chưa đọc được (tiêu chí không có quy tắc)",
  "import.state.noWording": () => "không có lời văn chấm điểm",
  "import.assume.noneIsZero": (p) => `"${p.text}" đọc là 0 (không có cái được đếm)`,
  "import.assume.onTimeIsZero": (p) => `"${p.text}" đọc là 0 ngày chậm`,
  "import.assume.qualified": (p) => `số nhập là số (tỷ lệ) ${p.words} như lời văn của mọi mức`,
  "import.assume.fromBelow": (p) => `"${p.text}" đọc là "từ ${p.bound} trở lên" vì mức sau là "dưới ${p.bound}"`,
  "import.assume.percentBoth": (p) => `trong "${p.text}", ${p.number} đọc là ${p.number}% như cận kia`,
  "import.assume.penaltySign": (p) => `"${p.points}" trong phần điểm trừ đọc là trừ ${String(p.points).replace(/^[-−]/, "")} điểm`,
  "import.assume.perItem": (p) => `số nhập là số ${p.thing}; mỗi cái trừ ${p.each} điểm từ ${p.max}, không dưới 0`,
  "import.assume.notArising": (p) => `đơn vị nhập "Không phát sinh" khi không phát sinh ("${p.text}")`,
  "survey.noHeader": (p) =>
    `Trang "${p.sheet}" không phải bảng điểm điều tra xã hội học: cần một dòng tiêu đề có cột "Đơn vị" và các cột mang mã tiêu chí điều tra (ví dụ 3.1, 3.2), mỗi đơn vị một dòng`,
  "survey.badCell": (p) => `Điểm điều tra tiêu chí ${p.code} của ${p.unit} là "${p.text}", không phải số điểm không âm. Nhập số (ví dụ 2,5), để trống hoặc ghi "Không áp dụng"`,
  "survey.notSurveyCode": (p) =>
    `Cột ${p.code} (ô ${p.cell}) không phải là tiêu chí điều tra xã hội học của bộ tiêu chí "${p.catalog}". Sửa mã ở dòng tiêu đề của bảng điều tra`,
  "survey.overMax": (p) => `Điểm điều tra tiêu chí ${p.code} ở ô ${p.cell} là ${p.value}, vượt điểm tối đa ${p.max}. Sửa lại bảng điều tra`,
  // task pane
  "group.general": () => "Chung",
  "group.field": (p) => `Lĩnh vực ${p.field}`,
  "workbook.noUnitSheet": (p) =>
    `Không tìm thấy trang tự đánh giá nào trong sổ tính (đã xem: ${p.sheets}). Trang tự đánh giá cần một dòng tiêu đề có cột "Mã" và ít nhất một trong các cột "Điểm tối đa", "Kết quả thực hiện", "Điểm tự chấm", với các dòng mang mã tiêu chí (ví dụ 1.1) bên dưới. Dùng thẻ "Mẫu" trong ngăn PAR Scorer để tạo một trang như vậy từ bộ tiêu chí`,
  "sheet.noCodes": (p) =>
    `Trang "${p.sheet}" có dòng tiêu đề (ô ${p.header}) nhưng không đọc được mã tiêu chí nào: cột mã chỉ là số thứ tự chạy 1, 2, 3…, và đầu tên tiêu chí cũng không có mã. Đã tìm mã ở cột ${p.columns}. Ghi mã tiêu chí theo bộ tiêu chí (ví dụ 1.1.1) vào cột mã, hoặc ở đầu tên ("1.1.1. Ban hành kế hoạch…")`,
  "sheet.noScoreColumn": (p) =>
    `Trang "${p.sheet}" không có cột điểm tự chấm hay điểm thẩm định nên không tính được điểm (không chấm 0 cho cột không đọc được). Các cột tìm thấy: ${p.headers}. Đặt tên cột điểm là một trong: ${p.accepted} (tiêu đề hai, ba dòng gộp ô cũng được, ví dụ "Tự đánh giá" trên "Điểm tự chấm")`,
  "value.expectsBoolean": (p) =>
    `Giá trị "${p.text}" là một số, nhưng quy tắc chỉ có mức cho có/không. Nhập có hoặc không, hoặc thêm mức "*: điểm" cho mọi giá trị còn lại`,
  "value.expectsNumber": (p) =>
    `Giá trị "${p.text}" là có/không, nhưng quy tắc chỉ có mức cho số, tỷ lệ % hoặc ngày. Nhập số liệu (ví dụ 85% hoặc 15/01/2019), hoặc thêm mức "có: điểm; không: điểm" vào quy tắc`,
  "value.notFinite": (p) => `Số "${p.text}" quá lớn để tính điểm. Kiểm tra lại ô (có thể thừa chữ số)`,
  "rule.notFinite": (p) =>
    `Biểu thức điểm "${p.text}" cho kết quả quá lớn (vô hạn) với giá trị ${p.value}. Kiểm tra lại các số trong quy tắc`,
  "rule.numberTooLarge": (p) => `Số "${p.text}" quá lớn. Dùng số có ít chữ số hơn (điểm, tỷ lệ, số lượng thường chỉ vài chữ số)`,
  "summary.missingMax": (p) =>
    `Chưa tính được chỉ số: bộ tiêu chí "${p.catalog}" không có điểm tối đa của ${p.count} tiêu chí (${p.codes}). Điểm tối đa lấy từ bộ tiêu chí, không lấy từ bảng của đơn vị (để một dòng bị xóa hay một điểm tối đa gõ nhỏ đi không làm chỉ số cao lên). Nhập điểm tối đa vào bộ tiêu chí (par catalog export ${p.catalog} -o bo-tieu-chi.xlsx, điền cột "Điểm tối đa"; hoặc thẻ "Tiêu chí" trong Excel) rồi chấm lại với bộ tiêu chí đó`,
  "summary.surveyMissing": (p) =>
    `Chưa tính được chỉ số: chưa có điểm điều tra xã hội học của ${p.count} tiêu chí (${p.codes}). Chỉ số gồm cả phần điều tra, nên không tính khi thiếu nó (để chỉ số không thấp đi hay cao lên một cách sai). Nhập điểm vào cột "Điều tra XHH" của bảng, hoặc tổng hợp với bảng điểm điều tra: par aggregate … --survey dieu-tra.xlsx; tiêu chí không điều tra thì ghi "Không áp dụng"`,
  "summary.unscored": (p) =>
    `Trang "${p.sheet}" chưa có điểm nào nên không có gì để tổng hợp. Nhập điểm tự chấm (hoặc kết quả thực hiện) rồi chạy lại`,
  "numbering.relative": () => "đánh số theo lĩnh vực (I, II… rồi 1, 2… và a, b… hoặc 1.1 trong từng tiêu chí)",
  "numbering.literal": () => "mã tiêu chí đầy đủ (1, 1.1, 1.1.1)",
  "aggregate.unscored": (p) => `${p.unit} (trang "${p.sheet}") chưa có điểm nào: không xếp hạng. Đơn vị cần nhập điểm tự chấm rồi gửi lại`,
  "aggregate.catalogues": (p) =>
    `Các đơn vị được chấm theo ${String(p.ids).split(", ").length} bộ tiêu chí khác nhau (${p.ids}): mỗi bộ được xếp hạng riêng, không gộp chung một danh sách`,
  "aggregate.surveyMissingUnit": (p) =>
    `${p.unit} không có dòng nào trong bảng điều tra "${p.sheet}" (so theo tên đơn vị): chưa có điểm điều tra nên chưa tính chỉ số. Thêm dòng của đơn vị vào bảng điều tra, tên viết như trên bảng tự chấm`,
  "aggregate.surveyUnused": (p) => `Dòng "${p.unit}" của bảng điều tra (${p.cell}) không khớp đơn vị nào được tổng hợp: kiểm tra lại tên đơn vị`,
  // reading a workbook (reading.ts) and its ledger
  "reading.noCatalogFit": (p) =>
    `Không chọn được bộ tiêu chí cho ${p.where}: không bộ tiêu chí có sẵn nào khớp với bảng theo cả hai chiều (ít nhất ${p.threshold} mã của bảng có trong bộ tiêu chí và ${p.threshold} tiêu chí thành phần của bộ có trên bảng). Các bộ đã so (mã của bảng có trong bộ — tiêu chí của bộ có trên bảng): ${p.candidates}. Chọn bộ tiêu chí đúng bằng --catalog (xem: par catalog list), hoặc ghi "Bộ tiêu chí: <mã bộ>" ở tiêu đề trang`,
  "reading.severalUnits": (p) =>
    `Sổ tính có ${p.count} trang tự đánh giá: ${p.sheets}. Chọn trang cần tổng hợp bằng --sheet TÊN_TRANG (hoặc dùng par aggregate để xếp hạng tất cả)`,
  "reading.hiddenUnits": (p) =>
    `Các trang ẩn ${p.sheets} có bảng tự đánh giá nhưng không được đọc (trang ẩn thường là bản cũ). Thêm --include-hidden để đọc cả trang ẩn`,
  "reading.catalogNamed": (p) =>
    `Trang "${p.sheet}" ghi bộ tiêu chí "${p.named}", khác bộ đang dùng "${p.active}": đã kiểm tra theo "${p.named}". Chuyển sang bộ đó để các hàm PAR.* cũng tính theo nó`,
  "reading.catalogFits": (p) =>
    `Bảng ở trang "${p.sheet}" không khớp bộ tiêu chí đang dùng "${p.active}" mà khớp bộ "${p.named}": đã kiểm tra theo "${p.named}" (như par validate). Chuyển sang bộ đó để các hàm PAR.* cũng tính theo nó`,
  "aggregate.duplicateUnit": (p) =>
    `Đơn vị "${p.unit}" (bộ tiêu chí ${p.catalog}${p.year ? `, năm ${p.year}` : ""}) có hai lần: ${p.first} và ${p.second}. Mỗi đơn vị chỉ được xếp hạng một lần: bỏ một bản (bản cũ, bản nháp) khỏi danh sách tệp, hoặc sửa tên đơn vị`,
  "aggregate.paired": (p) =>
    `Ghép điểm thẩm định với tự chấm của ${p.unit}: ${p.appraisal} (có điểm thẩm định) với ${p.self} (tự chấm); xếp hạng một dòng, chỉ số theo điểm thẩm định. Số lỗi, cảnh báo của dòng này là của sổ tự chấm; tệp thẩm định có ${p.errors} lỗi, ${p.warnings} cảnh báo khi đọc như một bảng tự chấm (xem bằng par validate)`,
  "aggregate.years": (p) => `Các đơn vị thuộc các năm đánh giá khác nhau (${p.years}) được xếp hạng chung: kiểm tra lại các tệp, hoặc ghi năm bằng --year`,
  "ledger.head.sheet": () => "Trang",
  "ledger.head.state": () => "Trạng thái",
  "ledger.head.row": () => "Dòng",
  "ledger.head.readAs": () => "Đọc là",
  "ledger.head.code": () => "Mã",
  "ledger.head.text": () => "Nội dung",
  "ledger.head.note": () => "Ghi chú",
  "ledger.title": () => "Cách đọc sổ tính",
  "ledger.sheets": () => "Các trang của sổ tính",
  "ledger.rows": (p) => `Các dòng của trang "${p.sheet}" (đơn vị: ${p.unit})`,
  "ledger.noRows": () => "Chưa có bản kê từng dòng cho trang này",
  "ledger.state.visible": () => "hiện",
  "ledger.state.hidden": () => "ẩn",
  "ledger.state.veryHidden": () => "ẩn sâu",
  "ledger.sheet.unit": () => "bảng tự đánh giá của đơn vị",
  "ledger.sheet.catalogue": () => "bộ tiêu chí",
  "ledger.sheet.appendix": () => "phụ lục / danh mục tài liệu kiểm chứng",
  "ledger.sheet.instructions": () => "hướng dẫn",
  "ledger.sheet.cover": () => "trang bìa",
  "ledger.sheet.generated": () => "do PAR Scorer tạo",
  "ledger.sheet.chart": () => "trang biểu đồ",
  "ledger.sheet.appraisal-form": () => "phiếu thẩm định của hội đồng (gộp bằng par appraise merge, không chấm như một đơn vị)",
  "ledger.sheet.hidden": () => "trang ẩn: không đọc",
  "ledger.sheet.not-selected": () => "không đọc (đã chọn trang khác bằng --sheet)",
  "ledger.sheet.empty": () => "trống",
  "ledger.sheet.not-understood": () => "có dữ liệu nhưng không nhận ra bảng nào: không dùng",
  "ledger.sheet.unreadable": () => "không đọc được: không dùng",
  "ledger.sheet.unreadable.missing": () => "tệp thiếu phần dữ liệu của trang này (tệp bị cắt hoặc hỏng); mở tệp bằng Excel và lưu lại, hoặc xin đơn vị gửi lại tệp gốc",
  "ledger.sheet.unreadable.damaged": (p) => `dữ liệu của trang bị hỏng (${p.detail || "không rõ lỗi"}); mở tệp bằng Excel và lưu lại, hoặc xin đơn vị gửi lại tệp gốc`,
  "ledger.sheet.unreadable.not-worksheet": (p) =>
    `${p.detail === "dialog" ? "trang hộp thoại" : "trang macro Excel 4"}, không phải trang tính: không đọc; số liệu tự chấm phải ở một trang tính thường`,
  "ledger.sheet.hiddenUnit": () => "có bảng tự đánh giá; chỉ đọc khi thêm --include-hidden",
  "ledger.sheet.noCodes": (p) => `có dòng tiêu đề (dòng ${p.row}) nhưng không dòng nào mang mã tiêu chí`,
  "ledger.sheet.noScoreColumn": () => "có bảng tiêu chí nhưng không có cột điểm tự chấm hay thẩm định: không chấm",
  "ledger.sheet.unitNote": (p) => `${p.unit}: ${p.rows} dòng tiêu chí`,
  "ledger.row.title": () => "tiêu đề",
  "ledger.row.header": () => "dòng tiêu đề bảng",
  "ledger.row.numbering": () => "dòng đánh số cột",
  "ledger.row.criterion": () => "tiêu chí",
  "ledger.row.band": () => "mức điểm",
  "ledger.row.total": () => "dòng cộng",
  "ledger.row.bonus": () => "điểm thưởng",
  "ledger.row.penalty": () => "điểm trừ",
  "ledger.row.text": () => "chữ, không có điểm",
  "ledger.row.not-understood": () => "không hiểu được",
  "ledger.row.chosen": () => "mức được chọn",
  "ledger.code.code-column": () => "mã ở cột mã",
  "ledger.code.name-start": () => "mã ở đầu tên",
  "ledger.code.words": () => "mã viết bằng chữ",
  "ledger.code.section-name": () => "dòng điểm thưởng/điểm trừ không mã, nhận theo tên",
  "ledger.footer": () => "cách đọc sổ tính",
  "ledger.note.unknownCode": (p) => `mã ${p.code} không có trong bộ tiêu chí`,
  "ledger.note.band": (p) => `mức điểm của tiêu chí ${p.code}, không được chọn`,
  "ledger.note.bandChosen": (p) => `mức điểm được chọn: điểm của tiêu chí ${p.code}`,
  "ledger.note.bandOrphan": () => "mức điểm không nằm dưới tiêu chí nào",
  "ledger.note.total": () => "dòng tổng: đối chiếu với các dòng nó cộng, không dùng để tính chỉ số",
  "ledger.note.sectionUnplaced": () => "không ghép được với phần điểm thưởng/điểm trừ nào của bộ tiêu chí",
  "ledger.note.numbers": (p) => `có số ở ${p.cells}: không được tính (xem lỗi)`,
  "template.exists": (p) =>
    `Tệp ${p.file} đã có; không ghi đè. Chọn một tên tệp khác (tùy chọn -o) hoặc xóa tệp cũ rồi chạy lại`,
  // the scale of a rule's bands (rules/scale.ts)
  "value.scale.percent": (p) =>
    `Quy tắc tính theo tỷ lệ phần trăm: gõ ${p.percent} hoặc ${p.fraction}. Giá trị "${p.text}" là số thường, không phải tỷ lệ (${p.text} nghĩa là ${p.asPercent})`,
  "value.scale.percentGotDate": (p) =>
    `Quy tắc tính theo tỷ lệ phần trăm nhưng giá trị "${p.text}" là một ngày. Gõ tỷ lệ, ví dụ 85% hoặc 0,85`,
  "value.scale.count": (p) =>
    `Quy tắc tính theo số lượng (các mức từ ${p.least} trở lên) nhưng giá trị "${p.text}" là tỷ lệ hoặc phân số. Gõ số lượng, ví dụ 20; nếu tiêu chí tính theo tỷ lệ thì quy tắc thiếu dấu %: sửa các mức thành ví dụ >=80%`,
  "value.scale.countGotDate": (p) =>
    `Quy tắc tính theo số lượng nhưng giá trị "${p.text}" là một ngày. Gõ số lượng, ví dụ 20`,
  "value.scale.date": (p) =>
    `Quy tắc tính theo ngày nhưng giá trị "${p.text}" không phải là ngày. Gõ ngày dd/mm/yyyy, ví dụ ${p.example}`,
  "explain.scale.percent": () => " (quy tắc tính theo tỷ lệ phần trăm)",
  "explain.scale.count": () => " (quy tắc tính theo số lượng)",
  "explain.scale.date": () => " (quy tắc tính theo ngày, so theo ngày)",
  "explain.scale.yesno": () => " (quy tắc tính theo có/không)",
  "explain.scale.outcome": () => " (quy tắc chọn kết quả)",
  "explain.scale.free": () => "",
  "rule.codeWithCommas": (p) =>
    `"${p.text}" giống mã tiêu chí viết bằng dấu phẩy. Mã tiêu chí viết bằng dấu chấm: ${p.code} (gõ '${p.code} để Excel giữ nguyên)`,
  // PAR.INDEX (criteria.ts computeIndex)
  "index.notPoints": (p) =>
    `Ô thứ ${p.position} của vùng điểm là ${p.text}, không phải số điểm. Vùng điểm chứa điểm đạt được (ví dụ kết quả của PAR.SCORE), không phải kết quả thực hiện: nhập số điểm, để trống hoặc ghi "Không áp dụng"`,
  "index.missingMax": (p) =>
    `Ô thứ ${p.position} của vùng điểm có ${p.score} điểm nhưng ô tương ứng của vùng điểm tối đa trống. Nhập điểm tối đa cho mọi ô có điểm (ví dụ bằng PAR.GETMAXPOINTS)`,
  "index.badMax": (p) => `Ô thứ ${p.position} của vùng điểm tối đa là "${p.text}", không phải số không âm. Nhập ví dụ 1,00 hoặc 0,50`,
  "index.codesShape": (p) => `Vùng mã tiêu chí phải cùng số ô với vùng điểm (đang là ${p.b} và ${p.a})`,
  "index.parentAndChild": (p) =>
    `Vùng có cả tiêu chí ${p.parent} và tiêu chí con ${p.child} của nó: điểm bị tính hai lần. Chỉ chọn các dòng tiêu chí không có tiêu chí con (hoặc chỉ các dòng lĩnh vực)`,
  "index.capped": (p) => `Điểm vượt điểm tối đa, đã tính bằng điểm tối đa: ${p.list}. Sửa lại điểm`,
  "index.cappedItem": (p) => `ô thứ ${p.position} (${p.score} > ${p.max})`,
  "input.excelError": (p) => `Ô đầu vào có lỗi ${p.code}. Sửa ô đó trước (PAR.* không tính trên một ô lỗi)`,
} satisfies Record<string, Template>;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, Template> = {
  "rule.empty": () => "The scoring rule is empty. Enter at least one band, e.g. 100%: 1; *: 0",
  "rule.missingColon": (p) => `Band "${p.band}" lacks ":" between condition and points. Write condition: points, e.g. >=80%: 0.5`,
  "rule.emptyCondition": () => 'A condition is missing before ":". E.g. >=80%: 0,5 (use * for anything else)',
  "rule.emptyPoints": () => 'The points are missing after ":". E.g. >=80%: 0,5',
  "rule.badNumber": (p) => `"${p.text}" is not a number, percentage or date (dd/mm/yyyy). Valid: 20, 0.5, 80%, 15/01/2019`,
  "rule.badDate": (p) => `The date "${p.text}" does not exist. Write dates as dd/mm/yyyy, e.g. 15/01/2019`,
  "rule.badCondition": (p) => `Cannot read the condition "${p.text}". Use >=, >, <=, <, =, a number, a range a..b or a..<b, words such as "từ 70% đến dưới 90%", "trên 90%", "dưới 70%", yes/no, an outcome in quotes ("Ban hành kịp thời"), or *`,
  "rule.rangeOrder": (p) => `The range "${p.text}" has its lower bound above its upper bound. Put the smaller first, e.g. 60%..<90%`,
  "rule.linearNeedsRange": () => "Points written as a range (e.g. 0.5..1) need a range condition a..b or a..<b",
  "rule.badExpression": (p) => `The points expression "${p.text}" is invalid: ${p.detailEn ?? p.detail}. Use numbers, x, max, + - * / and parentheses only`,
  "rule.exprUnexpected": (p) => `"${p.token}" is out of place`,
  "rule.exprEnd": () => "the expression ends too early",
  "rule.exprParen": () => 'a closing ")" is missing',
  "rule.tooLong": (p) => `The rule is too long (${p.length} characters, at most ${p.limit}). Shorten its bands`,
  "rule.divByZero": (p) => `The points expression "${p.text}" divides by zero for the value ${p.value}`,
  "rule.needsMax": (p) => `The points expression "${p.text}" uses max but the criterion has no maximum. Give the maximum (third argument, max)`,
  "rule.labelUnclosed": (p) => `The outcome "${p.text}" opens a quote that is never closed. Put the outcome between quotes, e.g. "Ban hành kịp thời": 1`,
  "rule.labelTrailing": (p) => `Words follow the closing quote of the outcome "${p.text}". Quote the whole outcome, then ":" and the points, e.g. "Ban hành kịp thời": 1`,
  "rule.labelEmpty": () => `An outcome in quotes is empty. Name it, e.g. "Ban hành kịp thời": 1`,
  "rule.labelNotApplicable": (p) =>
    `The outcome "${p.text}" is "Không áp dụng" (not applicable), which has its own meaning (the criterion leaves the maximum). Remove this band; a unit not assessed writes "Không áp dụng" as its result`,
  "rule.labelDuplicate": (p) => `The outcome "${p.text}" appears twice in the rule (case and diacritics aside). Name each outcome once`,
  "choices.single": (p) => `PAR.CHOICES takes exactly one cell (a criterion code or a rule); the range has ${p.count} cells. Pick one cell`,
  "rule.notChoice": (p) =>
    `The rule "${p.rule}" is not a choice rule: its bands are not only outcomes in quotes (and *), so it has no list of outcomes. A choice rule reads e.g. "Ban hành kịp thời": 1; "Không ban hành": 0`,
  "value.notChoice": (p) => `The value "${p.text}" is not an outcome of the rule. Pick one of: ${[p.choices, p.yesno ? "yes/no (có/không)" : "", p.numbers ? "figures (numbers, %, dates)" : ""].filter(Boolean).join(", ")} (or "Không áp dụng")`,
  "explain.floored": () => "; a deduction never takes the criterion below 0",
  "value.notNumber": (p) => `The value "${p.text}" is not a number, percentage, date (dd/mm/yyyy), yes/no or "Not applicable". Correct the cell, e.g. 85% or 0.85`,
  "value.badMax": (p) => `The maximum "${p.text}" is not a non-negative number. Enter e.g. 1.00 or 0.50`,
  "catalog.unknownCode": (p) => `Criterion code "${p.code}" is not in the catalogue ${p.catalog}. Check the code (e.g. 1.3.1)`,
  "catalog.ambiguousNumber": (p) =>
    `The criterion code ${p.number} was typed as a number, so its trailing zeros are lost, and it matches several codes in the catalogue ${p.catalog}: ${p.codes}. Type the code as text (with a leading apostrophe, e.g. '1.10) or format the cell as Text`,
  "catalog.noRule": (p) => `Criterion ${p.code} has no scoring rule in the catalogue ${p.catalog}. Give a rule directly, e.g. PAR.SCORE(value, "100%: 1")`,
  "catalog.unknownId": (p) => `There is no catalogue "${p.id}". Available: ${p.known}`,
  "catalog.invalid": (p) => `The catalogue ${p.source} is invalid: ${p.detail}`,
  "catalog.issue": (p) => `${p.where}: ${p.detail}`,
  "catalog.duplicateCode": (p) => `code ${p.code} appears more than once; each code may be used once`,
  "catalog.childCode": (p) => `code ${p.code} is not under its parent ${p.parent} (a child's code starts with "${p.parent}.")`,
  "catalog.sumMismatch": (p) => `the maximum of ${p.code} is ${p.max} but its children's maxima sum to ${p.sum}; make them agree`,
  "catalog.kindNotField": (p) => `${p.code} has "kind": "${p.kind}" but only a field (a one-number code, e.g. 9) can be a bonus or penalty section. Move "kind" to that field`,
  "catalog.surveyConflict": (p) => `${p.code} is inside a survey part but says "assessedBy": "self". Drop it on the child, or drop "survey" on the parent`,
  "catalog.surveyInSection": (p) => `${p.code} is a survey criterion inside a bonus/penalty section. The survey belongs to the main points: move it out of the section`,
  "catalog.badJson": (p) => `The file ${p.source} is not valid JSON: ${p.detail}`,
  "catalog.tooDeep": (p) =>
    `The file ${p.source} holds JSON nested too deeply (more than ${p.limit} levels), so it is not a catalogue. Check the file (see an example: par catalog show dien-bien-2018 --json)`,
  "catalog.tooManyLevels": (p) =>
    `The catalogue ${p.source} nests criteria more than ${p.limit} levels deep (field, criterion, sub-criterion…). Check the criteria's "children"`,
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
  "explain.noMatch": (p) => `Value ${p.value} matches no band → 0.00 points`,
  "explain.capped": (p) => `; capped at the maximum ${p.max}`,
  "error.at": (p) => `Error at character ${p.position}: ${p.message}`,
  "na.label": () => "Not applicable",
  // catalogue sheet
  "catalogSheet.noHeader": (p) =>
    `Sheet "${p.sheet}" has no criteria table header in its first 10 rows. The header needs the columns Code, Criterion, Max, Rule`,
  "catalogSheet.noId": () => `The catalogue id is missing. Write "Mã bộ tiêu chí: <id>" in a cell above the header, e.g. Mã bộ tiêu chí: dien-bien-2019`,
  "catalogSheet.badId": (p) => `The catalogue id "${p.id}" is invalid. Use lower-case letters without diacritics, digits and dashes, e.g. dien-bien-2019`,
  "catalogSheet.noName": (p) => `The catalogue name is missing, so the id "${p.id}" is used. Write "Bộ tiêu chí: <name>" in cell A1`,
  "catalogSheet.badLevel": (p) => `The level "${p.text}" is not understood and is ignored. Write one of: sở/ngành, phường, xã, đặc khu (or tỉnh, huyện for catalogues before 1 July 2025), or leave it blank`,
  "catalogSheet.badYear": (p) => `The year "${p.text}" is invalid and is ignored. Write a four-digit year, e.g. 2019 (or leave it blank)`,
  "catalogSheet.noCode": (p) => `Row ${p.row} has content but no criterion code, so it is skipped. Enter a code in this cell (e.g. 1.3.1) or delete the row`,
  "catalogSheet.badCode": (p) => `The criterion code "${p.text}" is invalid. A code is numbers separated by dots, e.g. 1, 1.3 or 1.3.1`,
  "catalogSheet.duplicateCode": (p) => `Code ${p.code} is already used on row ${p.row}. Each criterion has one row: change the code or delete the duplicate`,
  "catalogSheet.noParent": (p) => `Criterion ${p.code} has no parent row ${p.parent}. Add a row with code ${p.parent}, or correct this code`,
  "catalogSheet.emptyName": (p) => `Criterion ${p.code} has no name. Enter its name in this cell`,
  "catalogSheet.badNumber": (p) => `The ${p.label} of criterion ${p.code} is "${p.text}", which is not a number. Enter a number such as 0.50 or 1.00 (blank if none)`,
  "catalogSheet.negativeMax": (p) => `The maximum of criterion ${p.code} is ${p.text}; it must not be negative. Enter 0 or more`,
  "catalogSheet.badRule": (p) => `The scoring rule of criterion ${p.code} is wrong. ${p.detail}`,
  "catalogSheet.noRows": (p) => `The criteria table has no rows below its header (row ${p.row}). Add at least one field, e.g. code 1`,
  "catalogSheet.badWord": (p) => `"${p.text}" of criterion ${p.code} is not understood. Write one of: ${p.allowed} (or leave it blank)`,
  "catalogSheet.issue": (p) => `The catalogue is not valid: ${p.detail}`,
  "label.target": () => "target",
  "import.noHeader": (p) => `Sheet "${p.sheet}" has no criteria table header (columns STT or Mã, Tiêu chí or Nội dung, Điểm tối đa, within the first 30 rows)`,
  "import.strayText": (p) => `The text "${p.text}" comes before the first criterion and is ignored`,
  "import.badCode": (p) => `The code "${p.text}" is not understood. Codes are 1, 1.1, 1.1.1 or I, 1, a; correct this cell`,
  "import.duplicateCode": (p) => `Code ${p.code} is already used in cell ${p.cell}. One code per criterion: correct one of them`,
  "import.noName": (p) => `Criterion ${p.code} has no name. Enter it in this cell`,
  "import.badMax": (p) => `The maximum of criterion ${p.code} is "${p.text}", not a non-negative number. Enter e.g. 1.00 or 0.50`,
  "import.noRows": (p) => `The table has no criteria below its header (row ${p.row})`,
  "import.noParent": (p) => `Criterion ${p.code} has no parent row ${p.parent}. Add it, or correct the code`,
  "import.unconverted": (p) =>
    `Criterion ${p.code}: "${p.text}" could not be turned into a scoring rule (${p.reason}). The wording is kept as its evidence requirement and the criterion has no rule: write one in the catalogue, or units type their points`,
  "import.reason.noPoints": () => 'no points found: write "wording: points", e.g. "Ban hành kịp thời: 1", or put the points in the max column',
  "import.reason.badPoints": () => 'the points are not a number, "điểm tối đa" or "p% điểm" (perhaps a formula)',
  "import.reason.percentPoints": () => 'points given as a percentage of nothing said: write "75% điểm tối đa" or a number',
  "import.reason.numbersOutside": () => 'numbers outside one readable condition phrase ("từ a đến dưới b", "từ a trở lên", "dưới a"…)',
  "import.reason.quote": () => "the wording holds quotes or a semicolon",
  "import.reason.notApplicable": () => '"Không áp dụng" is not a scoring outcome',
  "import.reason.linearNeedsRange": () => "points as a range need a range condition",
  "import.reason.pointsConflict": () => "the points in the wording differ from the max column",
  "import.reason.underParent": () => "the line is under a criterion that has sub-criteria; bands belong under a sub-criterion",
  "import.reason.duplicateOutcome": () => "two bands have the same wording or an unreadable condition",
  "import.totalMismatch": (p) =>
    `The total row says ${p.total} points but the fields' maxima sum to ${p.sum}. Correct this cell or the fields' maxima so that they agree`,
  "import.reason.qualifier": () =>
    'the wording holds a word that changes what the number counts ("chậm", "đúng hạn", "trễ"…) that the other bands lack, so what units type is unclear: write this criterion\'s rule',
  "import.reason.exactUnsettled": () =>
    'an exact percentage ("Đạt 90%") or count ("02 sáng kiến") whose place among the bands does not say "from 90 %" or "exactly 90 %": write "Từ 90% trở lên", "Từ 90% đến dưới 100%" or "Từ 02 sáng kiến trở lên"',
  "import.reason.deductionCap": () =>
    "a per-item deduction capped below the criterion's maximum (or the criterion has no maximum): no rule can say it; write one, or units type their points",
  "import.missingColumns": (p) =>
    `Sheet "${p.sheet}": the header in row ${p.row} lacks the column ${p.missing} (columns found: ${p.found}). Add it, or correct the column's heading (e.g. "Điểm tối đa", "Nội dung tiêu chí")`,
  "import.ignoredRow": (p) => `The row holding "${p.text}" has no code, name or maximum, so it is not read. If it is a criterion, write it in those columns`,
  "import.afterTable": (p) => `The text "${p.text}" is below the total row (outside the table), so it is not read as a criterion`,
  "import.heading": (p) => `The row "${p.text}" is read as the heading of a part of the table (not a criterion)`,
  "import.pointsOverMax": (p) =>
    `Criterion ${p.code}: the band "${p.text}" gives ${p.points} points, more than the criterion's maximum ${p.max}. Correct the band's points or the maximum`,
  "import.noMax": (p) => `Criterion ${p.code} has no maximum. Enter it in this cell (e.g. 1.00 or 0.50)`,
  "import.penaltySign": (p) =>
    `Criterion ${p.code} is in the penalty section: "${p.text}" is read as a deduction of at most ${p.value} points (the catalogue stores it positive; a unit typing -1 or 1 loses 1 point)`,
  "import.acrossFields": (p) =>
    `Criteria are numbered across fields (field ${p.field} starts with criterion ${p.first}): codes are kept as written; the Roman fields get no code of their own`,
  "import.bandRow": (p) => `The row "${p.text}" (marked ${p.marker}) is a band of criterion ${p.code}, not a sub-criterion`,
  "import.state.exact": () => "read exactly",
  "import.state.assumption": () => "read with an assumption",
  "import.state.notRead": () => "not read (the criterion has no rule)",
  "import.state.noWording": () => "no scoring wording",
  "import.assume.noneIsZero": (p) => `"${p.text}" read as 0 (none of the thing counted)`,
  "import.assume.onTimeIsZero": (p) => `"${p.text}" read as 0 days late`,
  "import.assume.qualified": (p) => `the value typed is the number (share) ${p.words}, as every band words it`,
  "import.assume.fromBelow": (p) => `"${p.text}" read as "from ${p.bound}" because the next band is "below ${p.bound}"`,
  "import.assume.percentBoth": (p) => `in "${p.text}", ${p.number} read as ${p.number}% like the other bound`,
  "import.assume.penaltySign": (p) => `"${p.points}" in the penalty section read as a deduction of ${String(p.points).replace(/^[-−]/, "")}`,
  "import.assume.perItem": (p) => `the value typed is the number of ${p.thing}; each takes ${p.each} from ${p.max}, not below 0`,
  "import.assume.notArising": (p) => `units type "Không phát sinh" when nothing arose ("${p.text}")`,
  "survey.noHeader": (p) =>
    `Sheet "${p.sheet}" is not a survey table: it needs a header row with a "Đơn vị" (unit) column and columns named by survey criterion codes (e.g. 3.1, 3.2), one row per unit`,
  "survey.badCell": (p) => `The survey points of criterion ${p.code} for ${p.unit} are "${p.text}", not a non-negative number. Enter a number (e.g. 2.5), leave it blank or write "Không áp dụng"`,
  "survey.notSurveyCode": (p) => `Column ${p.code} (cell ${p.cell}) is not a survey criterion of the catalogue "${p.catalog}". Correct the code in the survey table's header`,
  "survey.overMax": (p) => `The survey points of criterion ${p.code} in cell ${p.cell} are ${p.value}, above the maximum ${p.max}. Correct the survey table`,
  "group.general": () => "General",
  "group.field": (p) => `Field ${p.field}`,
  "workbook.noUnitSheet": (p) =>
    `No self-assessment sheet was found in the workbook (looked at: ${p.sheets}). A self-assessment sheet needs a header row with a "Mã" (Code) column and at least one of "Điểm tối đa" (Max), "Kết quả thực hiện" (Result), "Điểm tự chấm" (Self score), with rows carrying criterion codes (e.g. 1.1) below it. Use the "Mẫu" (Template) tab of the PAR Scorer pane to create one from the catalogue`,
  "sheet.noCodes": (p) =>
    `Sheet "${p.sheet}" has a header row (cell ${p.header}) but no criterion code could be read: its code column is a running counter 1, 2, 3…, and the names do not start with a code either. Codes were looked for in column(s) ${p.columns}. Write the catalogue's codes (e.g. 1.1.1) in the code column, or at the start of each name ("1.1.1. Ban hành kế hoạch…")`,
  "sheet.noScoreColumn": (p) =>
    `Sheet "${p.sheet}" has no self-score or appraised column, so no points can be read (a column that was not read is never scored 0). Columns found: ${p.headers}. Name the score column one of: ${p.accepted} (two- or three-row merged headers work too, e.g. "Tự đánh giá" over "Điểm tự chấm")`,
  "value.expectsBoolean": (p) =>
    `The value "${p.text}" is a number, but the rule has bands only for yes/no. Enter có (yes) or không (no), or add a band "*: points" for any other value`,
  "value.expectsNumber": (p) =>
    `The value "${p.text}" is yes/no, but the rule has bands only for numbers, percentages or dates. Enter the figure (e.g. 85% or 15/01/2019), or add bands "có: points; không: points" to the rule`,
  "value.notFinite": (p) => `The number "${p.text}" is too large to score. Check the cell (it may have extra digits)`,
  "rule.notFinite": (p) => `The points expression "${p.text}" gives an infinite result for the value ${p.value}. Check the numbers in the rule`,
  "rule.numberTooLarge": (p) => `The number "${p.text}" is too large. Use fewer digits (points, rates and counts have only a few)`,
  "summary.missingMax": (p) =>
    `The index cannot be computed: the catalogue "${p.catalog}" gives no maximum for ${p.count} criteria (${p.codes}). Maxima come from the catalogue, never from the unit's sheet (so a deleted row or a smaller maximum typed in cannot raise the index). Enter the maxima in the catalogue (par catalog export ${p.catalog} -o catalogue.xlsx and fill in "Điểm tối đa"; or the Catalogue tab in Excel) and score again with it`,
  "summary.surveyMissing": (p) =>
    `The index cannot be computed: the survey (điều tra xã hội học) points of ${p.count} criteria (${p.codes}) are not known yet. The index includes the survey, so it is not computed without it (it would be wrong). Enter them in the sheet's "Điều tra XHH" column, or aggregate with the survey table: par aggregate … --survey survey.xlsx; write "Không áp dụng" where no survey was made`,
  "summary.unscored": (p) => `Sheet "${p.sheet}" has no score yet, so there is nothing to summarise. Enter the self scores (or results) and run again`,
  "numbering.relative": () => "numbered within fields (I, II… then 1, 2… and a, b… or 1.1 within each criterion)",
  "numbering.literal": () => "full criterion codes (1, 1.1, 1.1.1)",
  "aggregate.unscored": (p) => `${p.unit} (sheet "${p.sheet}") has no score yet: not ranked. The unit must enter its self scores and send the file again`,
  "aggregate.catalogues": (p) =>
    `The units were scored against ${String(p.ids).split(", ").length} different catalogues (${p.ids}): each is ranked on its own, never in one list`,
  "aggregate.surveyMissingUnit": (p) =>
    `${p.unit} has no row in the survey table "${p.sheet}" (matched by unit name): without survey points it gets no index. Add the unit's row, named as on its self-assessment sheet`,
  "aggregate.surveyUnused": (p) => `The survey table's row "${p.unit}" (${p.cell}) matches no unit aggregated: check the unit's name`,
  "reading.noCatalogFit": (p) =>
    `Cannot choose a catalogue for ${p.where}: no built-in catalogue fits the table both ways (at least ${p.threshold} of the table's codes in the catalogue and ${p.threshold} of the catalogue's leaf criteria on the table). Candidates (table's codes in the catalogue — catalogue's criteria on the table): ${p.candidates}. Choose the right one with --catalog (see: par catalog list), or write "Bộ tiêu chí: <id>" in the sheet's title`,
  "reading.severalUnits": (p) =>
    `The workbook has ${p.count} self-assessment sheets: ${p.sheets}. Choose the one to summarise with --sheet NAME (or rank them all with par aggregate)`,
  "reading.hiddenUnits": (p) =>
    `The hidden sheets ${p.sheets} hold a self-assessment table but were not read (a hidden sheet is often an old copy). Add --include-hidden to read hidden sheets too`,
  "reading.catalogNamed": (p) =>
    `Sheet "${p.sheet}" names catalogue "${p.named}", not the one in use "${p.active}": it was checked against "${p.named}". Switch to that catalogue so that the PAR.* functions use it too`,
  "reading.catalogFits": (p) =>
    `The table on sheet "${p.sheet}" does not fit the catalogue in use "${p.active}" but fits "${p.named}": it was checked against "${p.named}" (as par validate does). Switch to that catalogue so that the PAR.* functions use it too`,
  "aggregate.duplicateUnit": (p) =>
    `Unit "${p.unit}" (catalogue ${p.catalog}${p.year ? `, year ${p.year}` : ""}) appears twice: ${p.first} and ${p.second}. A unit is ranked once: leave one copy (an old one, a draft) out of the files given, or correct the unit's name`,
  "aggregate.paired": (p) =>
    `Appraisal paired with the self-assessment of ${p.unit}: ${p.appraisal} (appraised scores) with ${p.self} (self scores); ranked as one row, its index from the appraised scores. The row's errors and warnings are the self-assessment's; the appraisal file, read as a self-assessment, has ${p.errors} errors and ${p.warnings} warnings (see par validate)`,
  "aggregate.years": (p) => `Units of different assessment years (${p.years}) are ranked together: check the files, or state the year with --year`,
  "ledger.head.sheet": () => "Sheet",
  "ledger.head.state": () => "State",
  "ledger.head.row": () => "Row",
  "ledger.head.readAs": () => "Read as",
  "ledger.head.code": () => "Code",
  "ledger.head.text": () => "Text",
  "ledger.head.note": () => "Note",
  "ledger.title": () => "How the workbook was read",
  "ledger.sheets": () => "The workbook's sheets",
  "ledger.rows": (p) => `The rows of sheet "${p.sheet}" (unit: ${p.unit})`,
  "ledger.noRows": () => "No account of each row for this sheet yet",
  "ledger.state.visible": () => "visible",
  "ledger.state.hidden": () => "hidden",
  "ledger.state.veryHidden": () => "very hidden",
  "ledger.sheet.unit": () => "a unit's self-assessment table",
  "ledger.sheet.catalogue": () => "criteria catalogue",
  "ledger.sheet.appendix": () => "appendix / list of evidence documents",
  "ledger.sheet.instructions": () => "instructions",
  "ledger.sheet.cover": () => "cover",
  "ledger.sheet.generated": () => "generated by PAR Scorer",
  "ledger.sheet.chart": () => "chart sheet",
  "ledger.sheet.appraisal-form": () => "the appraisal council's form (merged with par appraise merge, not scored as a unit)",
  "ledger.sheet.hidden": () => "hidden sheet: not read",
  "ledger.sheet.not-selected": () => "not read (another sheet was chosen with --sheet)",
  "ledger.sheet.empty": () => "empty",
  "ledger.sheet.not-understood": () => "holds data but no table the reader recognises: not used",
  "ledger.sheet.unreadable": () => "cannot be read: not used",
  "ledger.sheet.unreadable.missing": () => "the file lacks this sheet's data (it is truncated or damaged); open it in Excel and save it again, or ask the unit for the original file",
  "ledger.sheet.unreadable.damaged": (p) => `the sheet's data is damaged (${p.detail || "unknown error"}); open it in Excel and save it again, or ask the unit for the original file`,
  "ledger.sheet.unreadable.not-worksheet": (p) =>
    `${p.detail === "dialog" ? "a dialog sheet" : "an Excel 4 macro sheet"}, not a worksheet: not read; self-assessment figures must be on an ordinary worksheet`,
  "ledger.sheet.hiddenUnit": () => "holds a self-assessment table; read only with --include-hidden",
  "ledger.sheet.noCodes": (p) => `has a header (row ${p.row}) but no row with a criterion code`,
  "ledger.sheet.noScoreColumn": () => "has a criteria table but no self-score or appraised column: not scored",
  "ledger.sheet.unitNote": (p) => `${p.unit}: ${p.rows} criterion rows`,
  "ledger.row.title": () => "title",
  "ledger.row.header": () => "table header",
  "ledger.row.numbering": () => "column numbering",
  "ledger.row.criterion": () => "criterion",
  "ledger.row.band": () => "scoring band",
  "ledger.row.total": () => "total",
  "ledger.row.bonus": () => "bonus",
  "ledger.row.penalty": () => "penalty",
  "ledger.row.text": () => "text, no score",
  "ledger.row.not-understood": () => "not understood",
  "ledger.row.chosen": () => "chosen band",
  "ledger.code.code-column": () => "code in the code column",
  "ledger.code.name-start": () => "code at the start of the name",
  "ledger.code.words": () => "code in words",
  "ledger.code.section-name": () => "bonus/penalty line without a code, matched by its words",
  "ledger.footer": () => "how the workbook was read",
  "ledger.note.unknownCode": (p) => `code ${p.code} is not in the catalogue`,
  "ledger.note.band": (p) => `a band of criterion ${p.code}, not chosen`,
  "ledger.note.bandChosen": (p) => `the chosen band: criterion ${p.code}'s score`,
  "ledger.note.bandOrphan": () => "a band under no criterion",
  "ledger.note.total": () => "a total row: checked against the rows it sums, never used for the index",
  "ledger.note.sectionUnplaced": () => "not matched to a bonus or penalty part of the catalogue",
  "ledger.note.numbers": (p) => `numbers in ${p.cells}: not counted (see the findings)`,
  "template.exists": (p) =>
    `The file ${p.file} already exists and is not overwritten. Choose another file name (option -o) or delete the old file, then run again`,
  "value.scale.percent": (p) =>
    `The rule is on a percentage scale: type ${p.percent} or ${p.fraction}. The value "${p.text}" is a plain number, not a percentage (${p.text} means ${p.asPercent})`,
  "value.scale.percentGotDate": (p) => `The rule is on a percentage scale but the value "${p.text}" is a date. Type a percentage, e.g. 85% or 0.85`,
  "value.scale.count": (p) =>
    `The rule counts (its bands start at ${p.least}) but the value "${p.text}" is a percentage or a fraction. Type the count, e.g. 20; if the criterion is a rate, the rule lacks its % signs: write its bands as e.g. >=80%`,
  "value.scale.countGotDate": (p) => `The rule counts but the value "${p.text}" is a date. Type the count, e.g. 20`,
  "value.scale.date": (p) => `The rule is on dates but the value "${p.text}" is not a date. Type a date dd/mm/yyyy, e.g. ${p.example}`,
  "explain.scale.percent": () => " (the rule is on a percentage scale)",
  "explain.scale.count": () => " (the rule counts)",
  "explain.scale.date": () => " (the rule is on dates, compared by day)",
  "explain.scale.yesno": () => " (the rule is yes/no)",
  "explain.scale.outcome": () => " (the rule picks an outcome)",
  "explain.scale.free": () => "",
  "rule.codeWithCommas": (p) => `"${p.text}" looks like a criterion code written with commas. Codes use dots: ${p.code} (type '${p.code} so Excel keeps it as text)`,
  "index.notPoints": (p) =>
    `Cell ${p.position} of the scores range is ${p.text}, not points. The scores range holds points achieved (e.g. PAR.SCORE's results), not results: enter points, leave it blank or write "Không áp dụng"`,
  "index.missingMax": (p) =>
    `Cell ${p.position} of the scores range has ${p.score} points but the matching cell of the maxima range is blank. Give a maximum for every cell with points (e.g. with PAR.GETMAXPOINTS)`,
  "index.badMax": (p) => `Cell ${p.position} of the maxima range is "${p.text}", not a non-negative number. Enter e.g. 1.00 or 0.50`,
  "index.codesShape": (p) => `The codes range must have as many cells as the scores range (they have ${p.b} and ${p.a})`,
  "index.parentAndChild": (p) =>
    `The range holds criterion ${p.parent} and its own sub-criterion ${p.child}: their points would count twice. Pick only criteria without sub-criteria (or only field rows)`,
  "index.capped": (p) => `Points above the maximum, counted as the maximum: ${p.list}. Correct the points`,
  "index.cappedItem": (p) => `cell ${p.position} (${p.score} > ${p.max})`,
  "input.excelError": (p) => `An input cell holds the error ${p.code}. Correct that cell first (PAR.* does not compute on an error)`,
};

const tables: Record<Lang, Record<MessageKey, Template>> = { vi, en };

export function t(key: MessageKey, params: Params = {}, lang: Lang = "vi"): string {
  const written: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    written[k] = typeof v === "object" ? (v.percent ? `${formatNumber(v.figure * 100, lang)}%` : formatNumber(v.figure, lang)) : v;
  }
  return tables[lang][key](written);
}
