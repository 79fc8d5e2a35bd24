import { Lang } from "../i18n/messages";

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

/** Finding messages: what is wrong, where, and how to fix it. {cell} is the A1 address, {code} the criterion. */
const vi = {
  "missing-criterion": (p) =>
    `Thiếu ${p.level} ${p.code} «${p.name}»: bảng không có dòng nào mang mã này. Thêm một dòng có mã ${p.code} (gần ô ${p.cell}), hoặc ghi "Không áp dụng" nếu đơn vị không được đánh giá tiêu chí này`,
  "unknown-criterion": (p) =>
    `Mã ${p.code} ở ô ${p.cell} không có trong bộ tiêu chí "${p.catalog}". Sửa lại mã cho đúng, hoặc chọn đúng bộ tiêu chí`,
  "duplicate-criterion": (p) =>
    `Mã ${p.code} ở ô ${p.cell} đã có ở ô ${p.first}. Mỗi tiêu chí chỉ ghi một dòng: xóa hoặc sửa mã của dòng trùng`,
  "score-invalid.text": (p) =>
    `${p.column} của tiêu chí ${p.code} ở ô ${p.cell} là "${p.text}", không phải là số. Nhập số điểm (ví dụ 0,50) hoặc "Không áp dụng"`,
  "score-invalid.negative": (p) =>
    `${p.column} của tiêu chí ${p.code} ở ô ${p.cell} là số âm (${p.value}) nhưng quy tắc chấm của tiêu chí này không có điểm âm. Nhập điểm từ 0 đến ${p.max}`,
  "score-invalid.max": (p) =>
    `Điểm tối đa của tiêu chí ${p.code} ở ô ${p.cell} là "${p.text}", không phải là số không âm. Nhập điểm tối đa, ví dụ 1,00 hoặc 0,50`,
  "score-over-max": (p) =>
    `${p.column} của tiêu chí ${p.code} ở ô ${p.cell} là ${p.value}, vượt điểm tối đa ${p.max}. Sửa lại điểm không quá ${p.max}`,
  "score-mismatch.rule": (p) =>
    `${p.column} của tiêu chí ${p.code} ở ô ${p.cell} là ${p.value}, nhưng theo quy tắc "${p.rule}" thì kết quả ${p.result} được ${p.expected} điểm. Kiểm tra lại điểm hoặc kết quả thực hiện`,
  "score-mismatch.max": (p) =>
    `Điểm tối đa của tiêu chí ${p.code} ở ô ${p.cell} là ${p.value}, khác với bộ tiêu chí "${p.catalog}" (${p.expected}). Sửa lại cho đúng bộ tiêu chí`,
  "sum-mismatch": (p) =>
    `${p.column} của ${p.code} ở ô ${p.cell} là ${p.value}, nhưng tổng của các tiêu chí con là ${p.sum}. Sửa lại cho khớp (hoặc dùng công thức tổng)`,
  "missing-evidence.none": (p) =>
    `Tiêu chí ${p.code} được chấm ${p.value} điểm nhưng không có tài liệu kiểm chứng (ô ${p.cell}). Ghi tên, số, ngày văn bản hoặc đường dẫn tài liệu, mỗi tài liệu một dòng`,
  "missing-evidence.some": (p) =>
    `Tiêu chí ${p.code} có ${p.count} tài liệu kiểm chứng (ô ${p.cell}), bộ tiêu chí yêu cầu ${p.required}. Còn thiếu: ${p.missing}`,
  "evidence-late": (p) =>
    `Tài liệu "${p.doc}" của tiêu chí ${p.code} (ô ${p.cell}) đề ngày ${p.date}, sau thời hạn ${p.deadline} ("${p.deadlineText}"). Kiểm tra lại ngày, hoặc giải trình việc trễ hạn`,
  "evidence-invalid.link": (p) =>
    `Đường dẫn "${p.doc}" của tiêu chí ${p.code} (ô ${p.cell}) không phải là liên kết http(s) mà hội đồng thẩm định mở được. Tải tài liệu lên cổng thông tin và ghi liên kết https://…`,
  "evidence-invalid.reference": (p) =>
    `Tài liệu "${p.doc}" của tiêu chí ${p.code} (ô ${p.cell}) thiếu hoặc sai số hiệu hay ngày ban hành. Ghi theo dạng: Kế hoạch số 3790/KH-UBND ngày 27/12/2017`,
  "missing-explanation.below": (p) =>
    `Tiêu chí ${p.code} đạt ${p.value}/${p.max} điểm nhưng chưa có giải trình (ô ${p.cell}). Ghi lý do không đạt điểm tối đa`,
  "missing-explanation.evidence": (p) =>
    `Tiêu chí ${p.code} thiếu tài liệu kiểm chứng nhưng chưa có giải trình (ô ${p.cell}). Ghi lý do thiếu tài liệu`,
  "missing-explanation.noColumn": (p) =>
    `Tiêu chí ${p.code} cần giải trình nhưng bảng không có cột "Giải trình" hoặc "Ghi chú". Thêm cột này và ghi lý do`,
  unscored: (p) =>
    `Trang "${p.sheet}" chưa có điểm nào: cột ${p.column} (từ ô ${p.cell}) còn trống ở mọi tiêu chí. Nhập điểm tự chấm (hoặc kết quả thực hiện) rồi kiểm tra lại; một bảng chưa chấm không được tính là không có lỗi`,
  "evidence-invalid.dangerous": (p) =>
    `"${p.doc}" của tiêu chí ${p.code} (ô ${p.cell}) là liên kết không an toàn (${p.scheme}), có thể chạy mã hoặc mở tệp trên máy người xem; không được dùng làm tài liệu kiểm chứng. Ghi liên kết https://… tới tài liệu trên cổng thông tin`,
  "score-invalid.value": (p) => `Kết quả của tiêu chí ${p.code} ở ô ${p.cell} không chấm được theo quy tắc "${p.rule}". ${p.detail}`,
  "score-invalid.surveyOnly": (p) =>
    `Tiêu chí ${p.code} chấm bằng điều tra xã hội học, đơn vị không tự chấm: ${p.column} "${p.text}" ở ô ${p.cell} không được tính. Xóa ô này; điểm lấy từ cột "Điều tra XHH" hoặc bảng điểm điều tra`,
  "score-invalid.notSurvey": (p) =>
    `Tiêu chí ${p.code} không chấm bằng điều tra xã hội học: ${p.column} "${p.text}" ở ô ${p.cell} không được tính. Ghi điểm vào cột điểm tự chấm (hoặc thẩm định) và xóa ô này`,
  "score-invalid.underNotApplicable": (p) =>
    `${p.column} của tiêu chí ${p.code} ở ô ${p.cell} là ${p.value}, nhưng ${p.parent} đã ghi "Không áp dụng" (ô ${p.parentCell}), tức là cả phần này không áp dụng. Xóa điểm này, hoặc bỏ "Không áp dụng" ở ${p.parent} nếu đơn vị có được đánh giá`,
  "missing-evidence.appendix": (p) =>
    `Tiêu chí ${p.code} được chấm ${p.value} điểm, ô ${p.cell} ${p.pointer ? `ghi "${p.pointer}"` : "để trống"} nhưng trang "${p.appendix}" không liệt kê tài liệu nào cho mã ${p.code}. Thêm tài liệu của tiêu chí này vào trang "${p.appendix}" (cột mã ghi ${p.code})`,
  "evidence-invalid.hiddenLink": (p) =>
    `Ô ${p.cell} của tiêu chí ${p.code} ghi "${p.doc}" nhưng liên kết phía sau trỏ tới "${p.target}" (${p.scheme}), có thể chạy mã hoặc mở tệp trên máy khác; không được dùng làm tài liệu kiểm chứng. Xóa liên kết này và ghi liên kết https://… tới tài liệu trên cổng thông tin`,
  "evidence-not-found.closest": (p) =>
    `Không tệp nào trong thư mục tài liệu (${p.count} tệp) là "${p.doc}" (tiêu chí ${p.code}, ô ${p.cell}). Tệp gần nhất là "${p.file}": ${p.what}; không phải văn bản này vì ${p.why}${p.silent}. Đưa đúng văn bản vào thư mục, hoặc sửa số, ngày trong ô`,
  "evidence-not-found.none": (p) =>
    `Không tệp nào trong thư mục tài liệu (${p.count} tệp) là "${p.doc}" (tiêu chí ${p.code}, ô ${p.cell}), cũng không tệp nào gần giống${p.silent}. Đưa văn bản này vào thư mục, hoặc sửa số, ngày trong ô`,
  "evidence-not-found.link": (p) =>
    `Ô ${p.cell} của tiêu chí ${p.code}${p.doc ? ` ("${p.doc}")` : ""} liên kết tới tệp "${p.target}" nhưng không có tệp này bên cạnh sổ tính hay trong thư mục tài liệu. Gửi kèm tệp, hoặc sửa liên kết`,
  "evidence-mismatch.date": (p) =>
    `"${p.doc}" (tiêu chí ${p.code}, ô ${p.cell}): tệp "${p.file}" có số ${p.number} nhưng ghi "${p.words}", khác ngày ${p.cited} ghi trong ô${p.ocr}. Sửa lại ngày trong ô cho đúng văn bản, hoặc đưa đúng văn bản vào thư mục`,
  "evidence-mismatch.issuer": (p) =>
    `"${p.doc}" (tiêu chí ${p.code}, ô ${p.cell}): tệp "${p.file}" có cùng số nhưng do cơ quan khác ban hành ("${p.words}")${p.ocr}. Kiểm tra lại số, ký hiệu trong ô, hoặc đưa đúng văn bản vào thư mục`,
  "evidence-out-of-period.after": (p) =>
    `"${p.doc}" (tiêu chí ${p.code}, ô ${p.cell})${p.file ? `, tệp "${p.file}",` : ""} ghi "${p.words}": sau ngày ${p.to}, cuối năm đánh giá ${p.year}. Văn bản ban hành sau năm đánh giá không dùng làm tài liệu kiểm chứng cho năm ${p.year}`,
  "evidence-out-of-period.before": (p) =>
    `"${p.doc}" (tiêu chí ${p.code}, ô ${p.cell})${p.file ? `, tệp "${p.file}",` : ""} ghi "${p.words}": trước ngày ${p.from}, ngoài kỳ đánh giá năm ${p.year} (từ năm trước đến hết năm đánh giá). Dùng văn bản của kỳ đánh giá, hoặc giải trình`,
  "evidence-unreadable.scan": (p) =>
    `Không tìm thấy "${p.doc}" (tiêu chí ${p.code}, ô ${p.cell}) trong các tệp đọc được; ${p.count} tệp là ảnh quét, không có chữ (${p.files}). Chạy lại với --ocr để đọc chữ trong ảnh, hoặc gửi bản PDF có chữ`,
  "evidence-unreadable.text": (p) =>
    `Không tìm thấy "${p.doc}" (tiêu chí ${p.code}, ô ${p.cell}) trong các tệp đọc được; ${p.count} tệp không đọc được chữ (${p.files}). Gửi lại các tệp này dưới dạng PDF có chữ hoặc .docx`,
  "evidence-unreadable.scanLink": (p) =>
    `Tệp "${p.file}" mà ô ${p.cell} (tiêu chí ${p.code}) liên kết tới là ảnh quét, không có chữ. Chạy lại với --ocr để đọc chữ trong ảnh, hoặc gửi bản PDF có chữ`,
  "evidence-unreadable.link": (p) =>
    `Tệp "${p.file}" mà ô ${p.cell} (tiêu chí ${p.code}) liên kết tới không đọc được chữ. Gửi lại tệp dưới dạng PDF có chữ hoặc .docx`,
  "appraisal-conflict": (p) =>
    `Tiêu chí ${p.code} của ${p.unit}: phiếu "${p.form}" (ô ${p.cell}) chấm ${p.value}, phiếu "${p.other}" (ô ${p.otherCell}) chấm ${p.otherValue}. Chưa ghi điểm thẩm định nào cho tiêu chí này; hai cơ quan thống nhất một điểm, sửa phiếu sai rồi chạy lại`,
  "appraisal-no-reason": (p) =>
    `Tiêu chí ${p.code} của ${p.unit}: ${p.column} ${p.value} khác điểm tự chấm ${p.self} nhưng chưa ghi lý do (phiếu "${p.form}", ô ${p.cell}). Ghi lý do vào cột "${p.reasonColumn}" để đơn vị biết vì sao bị thay đổi điểm`,
  "appraisal-missing": (p) =>
    `Tiêu chí ${p.code} của ${p.unit} chưa có ${p.column}${p.where}. Ô điểm để trống, và chỉ số thẩm định đang tính tiêu chí này 0 điểm. ${p.fix}`,
  "appraisal-missing.formCell": (p) => ` (phiếu "${p.form}", ô ${p.cell} để trống)`,
  "appraisal-missing.noForm": (p) => ` (không phiếu nào của ${p.agency} có dòng này)`,
  "appraisal-missing.unassigned": () => " (tiêu chí chưa giao cơ quan thẩm định nào nên không có trong phiếu nào)",
  "appraisal-missing.fixForm": () => "Nhập điểm vào phiếu rồi chạy lại lệnh gộp",
  "appraisal-missing.fixUnassigned": () =>
    'Ghi cơ quan thẩm định ở cột "Cơ quan thẩm định" của bộ tiêu chí rồi lập lại phiếu, hoặc nhập điểm trực tiếp vào bản sao',
  "appraisal-unknown.unit": (p) =>
    `Dòng ${p.row} của phiếu "${p.form}" (ô ${p.cell}) ghi đơn vị "${p.unit}", không có trong các sổ tính đưa vào (${p.units}). Sửa tên đơn vị cho đúng, hoặc đưa sổ tính của đơn vị này vào lệnh`,
  "appraisal-unknown.code": (p) =>
    `Dòng ${p.row} của phiếu "${p.form}" (ô ${p.cell}) ghi mã "${p.code}", không phải tiêu chí chấm điểm nào của bộ tiêu chí "${p.catalog}". Sửa lại mã; dòng này không được tính`,
  "appraisal-unknown.agency": (p) =>
    `Dòng ${p.row} của phiếu "${p.form}" (ô ${p.cell}) chấm tiêu chí ${p.code}, nhưng tiêu chí này do ${p.assigned} thẩm định, không phải ${p.agency}. Điểm này không được tính; chuyển cho ${p.assigned}`,
  "appraisal-unknown.noRow": (p) =>
    `Phiếu "${p.form}" (ô ${p.cell}) chấm tiêu chí ${p.code} của ${p.unit}, nhưng trang "${p.sheet}" của đơn vị không có dòng mã ${p.code} nên không ghi được điểm. Thêm dòng này vào sổ tính của đơn vị rồi chạy lại`,
  "score-invalid.appraisal": (p) =>
    `${p.column} của tiêu chí ${p.code} (${p.unit}) ở ô ${p.cell} của phiếu "${p.form}" là "${p.text}", ${p.why}. Nhập số điểm từ 0 đến ${p.max} (ví dụ 0,5) hoặc "Không áp dụng"; điểm này không được tính`,
  "appraisal.notNumber": () => "không phải là số",
  "appraisal.outOfRange": () => "ngoài khoảng cho phép",
  "level.1": () => "lĩnh vực",
  "level.2": () => "tiêu chí",
  "level.3": () => "tiêu chí thành phần",
  "column.self": () => "Điểm tự chấm",
  "column.appraised": () => "Điểm thẩm định",
  "column.final": () => "Điểm cuối cùng",
  "column.max": () => "Điểm tối đa",
  "column.survey": () => "Điểm điều tra XHH",
  "formula-uncalculated": (p) =>
    `Ô ${p.cell} (${p.where}) có công thức ${p.formula} nhưng tệp không lưu kết quả của công thức: tệp được lưu bằng một công cụ không tính công thức, nên ô này đọc như để trống và không được tính. Mở tệp trong Excel/LibreOffice, tính lại (F9) và lưu lại`,
  "formula-uncalculated.criterion": (p) => `cột "${p.column}" của tiêu chí ${p.code}`,
  "formula-uncalculated.row": (p) => `cột "${p.column}", dòng ${p.row}`,
  "row-not-understood": (p) =>
    `Dòng ${p.row} ("${p.text}") có số ${p.value} ở ô ${p.cell} (${p.column}) nhưng không đọc được là tiêu chí nào: không có mã tiêu chí, cũng không phải dòng tổng, dòng mức điểm hay dòng điểm thưởng/điểm trừ. Số này không được tính. Ghi mã tiêu chí (ví dụ 1.1.1) vào cột mã của dòng, hoặc xóa số nếu dòng chỉ là ghi chú`,
  "row-not-understood.section": (p) =>
    `Dòng ${p.row} ("${p.text}") có số ${p.value} ở ô ${p.cell} là ${p.part}, nhưng bộ tiêu chí "${p.catalog}" ${p.reason}. Số này không được tính. Ghi mã của tiêu chí ${p.part} (theo bộ tiêu chí) vào cột mã của dòng`,
  "row-not-understood.bandOrphan": (p) =>
    `Dòng ${p.row} ("${p.text}") là một mức điểm nhưng không nằm dưới tiêu chí nào, nên số ${p.value} ở ô ${p.cell} không được tính. Đặt dòng này ngay dưới dòng của tiêu chí mà nó thuộc về`,
  "part.bonus": () => "điểm thưởng",
  "part.penalty": () => "điểm trừ",
  "part.reason.none": () => "không có phần điểm này",
  "part.reason.several": (p) => `có nhiều tiêu chí ${p.part} (${p.codes}) và tên dòng không chỉ rõ tiêu chí nào`,
  "part.reason.taken": (p) => `đã có dòng mang mã ${p.code}`,
  "unscored-criterion": (p) =>
    `Tiêu chí ${p.code} (ô ${p.cell}) chưa được chấm: không có điểm, không ghi "Không áp dụng" và không có kết quả thực hiện. Tiêu chí này đang được tính 0 điểm. Nhập điểm tự chấm, kết quả thực hiện, hoặc "Không áp dụng"`,
  "unscored-criterion.final": (p) =>
    `Cột "${p.column}" (ô ${p.cell}) chưa có điểm cuối cùng cho ${p.count} tiêu chí: ${p.codes}. Các tiêu chí này được tính theo điểm thẩm định vòng 1, nếu không có thì theo điểm tự chấm. Nhập điểm cuối cùng cho các tiêu chí này nếu hội đồng đã chốt điểm`,
  "unscored-criterion.noRule": (p) =>
    `Tiêu chí ${p.code} có kết quả ${p.result} (ô ${p.valueCell}) nhưng ô điểm ${p.cell} còn trống, và bộ tiêu chí không có quy tắc để tính điểm từ kết quả. Tiêu chí này đang được tính 0 điểm. Nhập điểm tự chấm vào ô ${p.cell}`,
  "unscored-criterion.addin": (p) =>
    `Ô ${p.cell} của tiêu chí ${p.code} có công thức ${p.formula} của PAR Scorer nhưng ${p.shown}: sổ tính được mở khi chưa nạp add-in PAR Scorer (ví dụ trong LibreOffice, hoặc Excel chưa cài add-in), và không có kết quả thực hiện hay quy tắc để tính lại. Tiêu chí này đang được tính 0 điểm. Mở sổ tính trong Excel có PAR Scorer, hoặc nhập điểm tự chấm bằng số`,
  "score-computed": (p) =>
    `Ô điểm ${p.cell} của tiêu chí ${p.code} còn trống; điểm được tính theo quy tắc "${p.rule}" từ kết quả ${p.result} (ô ${p.valueCell}): ${p.points} điểm. Kiểm tra lại và nhập điểm vào ô ${p.cell} nếu cần`,
  "score-computed.addin": (p) =>
    `Ô ${p.cell} của tiêu chí ${p.code} có công thức ${p.formula} của PAR Scorer nhưng ${p.shown} (sổ tính được mở khi chưa nạp add-in). Điểm được tính lại theo quy tắc "${p.rule}" từ kết quả ${p.result} (ô ${p.valueCell}): ${p.points} điểm. Mở sổ tính trong Excel có PAR Scorer để ô hiện đúng điểm`,
  "shown.error": (p) => `hiện lỗi ${p.error}`,
  "shown.empty": () => "không có giá trị đã tính",
  "score-invalid.percent": (p) =>
    `${p.column} của tiêu chí ${p.code} ở ô ${p.cell} là "${p.text}", một tỷ lệ phần trăm, không phải số điểm: không biết là ${p.asPoints} điểm hay ${p.text} của điểm tối đa. Nhập số điểm (ví dụ ${p.example}); tỷ lệ đạt được ghi vào cột kết quả thực hiện`,
  "score-invalid.twoWays": (p) =>
    `${p.column} của tiêu chí ${p.code} ở ô ${p.cell} là "${p.text}", đọc được hai cách (${p.small} hoặc ${p.large}) và ${p.why} với điểm tối đa ${p.max}. Nhập lại với dấu phẩy thập phân, ví dụ ${p.small}`,
  "twoWays.both": () => "cả hai đều hợp",
  "twoWays.neither": () => "không cách nào hợp",
  "score-invalid.penaltySign": (p) =>
    `Điểm trừ của tiêu chí ${p.code} ở ô ${p.cell} được gõ là số âm (${p.value}); đã hiểu là trừ ${p.points} điểm. Không cần gõ dấu trừ: ghi số điểm bị trừ (${p.points})`,
  "score-invalid.bands": (p) =>
    `Tiêu chí ${p.code} có ${p.count} mức điểm cùng được chọn ở ${p.column} (ô ${p.cells}); chỉ được chọn một mức. Tiêu chí này chưa được tính điểm. Xóa dấu chọn hoặc số ở các mức không đúng`,
  "sum-mismatch.total": (p) =>
    `Dòng tổng "${p.text}" (ô ${p.cell}) ghi ${p.column} ${p.value}, nhưng ${p.scope} là ${p.sum}. Sửa lại dòng tổng (hoặc dùng công thức tổng); PAR Scorer tính điểm từ các tiêu chí, không từ dòng tổng`,
  "scope.total": () => "tổng điểm các tiêu chí",
  "scope.field": (p) => `tổng điểm lĩnh vực ${p.code}`,
} satisfies Record<string, Template>;

export type FindingMessageKey = keyof typeof vi;

const en: Record<FindingMessageKey, Template> = {
  "missing-criterion": (p) =>
    `Missing ${p.level} ${p.code} "${p.name}": no row has this code. Add a row with code ${p.code} (near cell ${p.cell}), or score it "Không áp dụng" if the unit is not assessed on it`,
  "unknown-criterion": (p) => `Code ${p.code} in cell ${p.cell} is not in the catalogue "${p.catalog}". Correct the code, or pick the right catalogue`,
  "duplicate-criterion": (p) => `Code ${p.code} in cell ${p.cell} already appears in cell ${p.first}. One row per criterion: delete the duplicate or correct its code`,
  "score-invalid.text": (p) => `The ${p.column} of criterion ${p.code} in cell ${p.cell} is "${p.text}", not a number. Enter points (e.g. 0.50) or "Không áp dụng"`,
  "score-invalid.negative": (p) =>
    `The ${p.column} of criterion ${p.code} in cell ${p.cell} is negative (${p.value}) but its rule gives no negative points. Enter points from 0 to ${p.max}`,
  "score-invalid.max": (p) => `The maximum of criterion ${p.code} in cell ${p.cell} is "${p.text}", not a non-negative number. Enter e.g. 1.00 or 0.50`,
  "score-over-max": (p) => `The ${p.column} of criterion ${p.code} in cell ${p.cell} is ${p.value}, above the maximum ${p.max}. Enter at most ${p.max}`,
  "score-mismatch.rule": (p) =>
    `The ${p.column} of criterion ${p.code} in cell ${p.cell} is ${p.value}, but the rule "${p.rule}" gives ${p.expected} points for the result ${p.result}. Check the points or the result`,
  "score-mismatch.max": (p) => `The maximum of criterion ${p.code} in cell ${p.cell} is ${p.value}, unlike the catalogue "${p.catalog}" (${p.expected}). Correct it`,
  "sum-mismatch": (p) => `The ${p.column} of ${p.code} in cell ${p.cell} is ${p.value}, but its children sum to ${p.sum}. Make them agree (or use a SUM formula)`,
  "missing-evidence.none": (p) =>
    `Criterion ${p.code} scores ${p.value} points but has no evidence (cell ${p.cell}). Name each document (type, number, date) or its link, one per line`,
  "missing-evidence.some": (p) => `Criterion ${p.code} has ${p.count} evidence documents (cell ${p.cell}); the catalogue requires ${p.required}. Missing: ${p.missing}`,
  "evidence-late": (p) =>
    `Document "${p.doc}" of criterion ${p.code} (cell ${p.cell}) is dated ${p.date}, after the deadline ${p.deadline} ("${p.deadlineText}"). Check the date, or explain the delay`,
  "evidence-invalid.link": (p) =>
    `"${p.doc}" of criterion ${p.code} (cell ${p.cell}) is not an http(s) link the appraisal council can open. Upload the document and give its https://… link`,
  "evidence-invalid.reference": (p) =>
    `Document "${p.doc}" of criterion ${p.code} (cell ${p.cell}) lacks a readable number or date. Write it as: Kế hoạch số 3790/KH-UBND ngày 27/12/2017`,
  "missing-explanation.below": (p) => `Criterion ${p.code} scores ${p.value}/${p.max} with no explanation (cell ${p.cell}). Say why it falls short of the maximum`,
  "missing-explanation.evidence": (p) => `Criterion ${p.code} lacks evidence and has no explanation (cell ${p.cell}). Say why the documents are missing`,
  "missing-explanation.noColumn": (p) => `Criterion ${p.code} needs an explanation but the sheet has no "Giải trình" or "Ghi chú" column. Add one and explain`,
  unscored: (p) =>
    `Sheet "${p.sheet}" has no score yet: the ${p.column} column (from cell ${p.cell}) is blank for every criterion. Enter the self scores (or results) and validate again; a sheet not yet scored is not a sheet without errors`,
  "evidence-invalid.dangerous": (p) =>
    `"${p.doc}" of criterion ${p.code} (cell ${p.cell}) is an unsafe link (${p.scheme}) that could run code or open files on the reader's computer; it cannot be evidence. Give an https://… link to the document`,
  "score-invalid.value": (p) => `The result of criterion ${p.code} in cell ${p.cell} cannot be scored by the rule "${p.rule}". ${p.detail}`,
  "score-invalid.surveyOnly": (p) =>
    `Criterion ${p.code} is scored by the survey, not by the unit: the ${p.column} "${p.text}" in cell ${p.cell} does not count. Clear it; the points come from the "Điều tra XHH" column or the survey table`,
  "score-invalid.notSurvey": (p) =>
    `Criterion ${p.code} is not scored by the survey: the ${p.column} "${p.text}" in cell ${p.cell} does not count. Put the points in the self (or appraised) column and clear this cell`,
  "score-invalid.underNotApplicable": (p) =>
    `The ${p.column} of criterion ${p.code} in cell ${p.cell} is ${p.value}, but ${p.parent} is marked "Không áp dụng" (cell ${p.parentCell}), so its whole part does not apply. Clear the points, or remove "Không áp dụng" from ${p.parent} if the unit is assessed on it`,
  "missing-evidence.appendix": (p) =>
    `Criterion ${p.code} scores ${p.value} points; cell ${p.cell} ${p.pointer ? `says "${p.pointer}"` : "is blank"} but sheet "${p.appendix}" lists no document for code ${p.code}. Add this criterion's documents to sheet "${p.appendix}" (code ${p.code})`,
  "evidence-invalid.hiddenLink": (p) =>
    `Cell ${p.cell} of criterion ${p.code} shows "${p.doc}" but its link goes to "${p.target}" (${p.scheme}), which could run code or open files on another computer; it cannot be evidence. Remove the link and give an https://… link to the document`,
  "evidence-not-found.closest": (p) =>
    `No file in the evidence folder (${p.count} files) is "${p.doc}" (criterion ${p.code}, cell ${p.cell}). The closest is "${p.file}": ${p.what}; it is not this document because ${p.why}${p.silent}. Add the document to the folder, or correct the number or date in the cell`,
  "evidence-not-found.none": (p) =>
    `No file in the evidence folder (${p.count} files) is "${p.doc}" (criterion ${p.code}, cell ${p.cell}), nor anything close${p.silent}. Add the document to the folder, or correct the number or date in the cell`,
  "evidence-not-found.link": (p) =>
    `Cell ${p.cell} of criterion ${p.code}${p.doc ? ` ("${p.doc}")` : ""} links to the file "${p.target}", which is neither beside the workbook nor in the evidence folder. Send the file along, or correct the link`,
  "evidence-mismatch.date": (p) =>
    `"${p.doc}" (criterion ${p.code}, cell ${p.cell}): file "${p.file}" has number ${p.number} but says "${p.words}", not the date ${p.cited} in the cell${p.ocr}. Correct the date in the cell, or add the right document to the folder`,
  "evidence-mismatch.issuer": (p) =>
    `"${p.doc}" (criterion ${p.code}, cell ${p.cell}): file "${p.file}" has the same number but another issuer ("${p.words}")${p.ocr}. Check the number and symbol in the cell, or add the right document to the folder`,
  "evidence-out-of-period.after": (p) =>
    `"${p.doc}" (criterion ${p.code}, cell ${p.cell})${p.file ? `, file "${p.file}",` : ""} says "${p.words}": after ${p.to}, the end of the assessed year ${p.year}. A document issued after the year cannot be evidence for ${p.year}`,
  "evidence-out-of-period.before": (p) =>
    `"${p.doc}" (criterion ${p.code}, cell ${p.cell})${p.file ? `, file "${p.file}",` : ""} says "${p.words}": before ${p.from}, outside the period assessed for ${p.year} (the year before and the year itself). Use a document of the period, or explain`,
  "evidence-unreadable.scan": (p) =>
    `"${p.doc}" (criterion ${p.code}, cell ${p.cell}) is in none of the readable files; ${p.count} files are scans without text (${p.files}). Run again with --ocr to read the images, or send PDFs with text`,
  "evidence-unreadable.text": (p) =>
    `"${p.doc}" (criterion ${p.code}, cell ${p.cell}) is in none of the readable files; ${p.count} files gave no text (${p.files}). Send them again as PDFs with text or .docx`,
  "evidence-unreadable.scanLink": (p) =>
    `The file "${p.file}" that cell ${p.cell} (criterion ${p.code}) links to is a scan without text. Run again with --ocr to read it, or send a PDF with text`,
  "evidence-unreadable.link": (p) =>
    `The file "${p.file}" that cell ${p.cell} (criterion ${p.code}) links to gave no text. Send it again as a PDF with text or .docx`,
  "appraisal-conflict": (p) =>
    `Criterion ${p.code} of ${p.unit}: form "${p.form}" (cell ${p.cell}) gives ${p.value}, form "${p.other}" (cell ${p.otherCell}) gives ${p.otherValue}. No appraised score was written for it; the agencies agree on one score, correct the wrong form and run again`,
  "appraisal-no-reason": (p) =>
    `Criterion ${p.code} of ${p.unit}: the ${p.column} ${p.value} differs from the self score ${p.self} but no reason is given (form "${p.form}", cell ${p.cell}). Write the reason in the "${p.reasonColumn}" column so the unit knows why its score changed`,
  "appraisal-missing": (p) =>
    `Criterion ${p.code} of ${p.unit} has no ${p.column}${p.where}. Its cell is left blank and the appraised index counts it as 0 points. ${p.fix}`,
  "appraisal-missing.formCell": (p) => ` (form "${p.form}", cell ${p.cell} is blank)`,
  "appraisal-missing.noForm": (p) => ` (no form of ${p.agency} has this row)`,
  "appraisal-missing.unassigned": () => " (the criterion is assigned to no appraising agency, so it is on no form)",
  "appraisal-missing.fixForm": () => "Enter the score on the form and merge again",
  "appraisal-missing.fixUnassigned": () =>
    'Name the agency in the catalogue\'s "Cơ quan thẩm định" column and write the forms again, or enter the score in the copy directly',
  "appraisal-unknown.unit": (p) =>
    `Row ${p.row} of form "${p.form}" (cell ${p.cell}) names the unit "${p.unit}", which is not among the workbooks given (${p.units}). Correct the unit's name, or give its workbook too`,
  "appraisal-unknown.code": (p) =>
    `Row ${p.row} of form "${p.form}" (cell ${p.cell}) has the code "${p.code}", which is no scored criterion of the catalogue "${p.catalog}". Correct the code; the row is not counted`,
  "appraisal-unknown.agency": (p) =>
    `Row ${p.row} of form "${p.form}" (cell ${p.cell}) scores criterion ${p.code}, which ${p.assigned} appraises, not ${p.agency}. The score is not counted; pass it to ${p.assigned}`,
  "appraisal-unknown.noRow": (p) =>
    `Form "${p.form}" (cell ${p.cell}) scores criterion ${p.code} of ${p.unit}, but the unit's sheet "${p.sheet}" has no row with code ${p.code}, so the score cannot be written. Add the row to the unit's workbook and run again`,
  "score-invalid.appraisal": (p) =>
    `The ${p.column} of criterion ${p.code} (${p.unit}) in cell ${p.cell} of form "${p.form}" is "${p.text}", ${p.why}. Enter points from 0 to ${p.max} (e.g. 0.5) or "Không áp dụng"; it is not counted`,
  "appraisal.notNumber": () => "not a number",
  "appraisal.outOfRange": () => "out of the allowed range",
  "level.1": () => "field",
  "level.2": () => "criterion",
  "level.3": () => "sub-criterion",
  "column.self": () => "self score",
  "column.appraised": () => "appraised score",
  "column.final": () => "final score",
  "column.max": () => "maximum",
  "column.survey": () => "survey score",
  "formula-uncalculated": (p) =>
    `Cell ${p.cell} (${p.where}) holds the formula ${p.formula} but the file has no result for it: the file was saved by a tool that does not calculate formulas, so the cell reads as blank and is not counted. Open the file in Excel or LibreOffice, recalculate (F9) and save it`,
  "formula-uncalculated.criterion": (p) => `column "${p.column}" of criterion ${p.code}`,
  "formula-uncalculated.row": (p) => `column "${p.column}", row ${p.row}`,
  "row-not-understood": (p) =>
    `Row ${p.row} ("${p.text}") has the number ${p.value} in cell ${p.cell} (${p.column}) but could not be read as any criterion: it has no criterion code and is not a total, a band or a bonus/penalty line. The number is not counted. Write the criterion's code (e.g. 1.1.1) in the row's code column, or clear the number if the row is only a note`,
  "row-not-understood.section": (p) =>
    `Row ${p.row} ("${p.text}") has the number ${p.value} in cell ${p.cell} as ${p.part}, but the catalogue "${p.catalog}" ${p.reason}. The number is not counted. Write the code of the ${p.part} criterion (as in the catalogue) in the row's code column`,
  "row-not-understood.bandOrphan": (p) =>
    `Row ${p.row} ("${p.text}") is a scoring band but stands under no criterion, so the number ${p.value} in cell ${p.cell} is not counted. Move the row right under the criterion it belongs to`,
  "part.bonus": () => "bonus points",
  "part.penalty": () => "penalty points",
  "part.reason.none": () => "has no such part",
  "part.reason.several": (p) => `has several ${p.part} criteria (${p.codes}) and the row's words do not say which`,
  "part.reason.taken": (p) => `already has a row with code ${p.code}`,
  "unscored-criterion": (p) =>
    `Criterion ${p.code} (cell ${p.cell}) is not scored: no points, no "Không áp dụng" (not applicable) and no result. It counts 0 points. Enter the self score, the result, or "Không áp dụng"`,
  "unscored-criterion.final": (p) =>
    `The column "${p.column}" (cell ${p.cell}) has no final score for ${p.count} criteria: ${p.codes}. They count at their round-1 appraised score, or the self score where there is none. Enter their final scores if the council has settled them`,
  "unscored-criterion.noRule": (p) =>
    `Criterion ${p.code} has the result ${p.result} (cell ${p.valueCell}) but its score cell ${p.cell} is blank, and the catalogue has no rule to compute the score from the result. It counts 0 points. Enter the self score in cell ${p.cell}`,
  "unscored-criterion.addin": (p) =>
    `Cell ${p.cell} of criterion ${p.code} holds PAR Scorer's formula ${p.formula} but ${p.shown}: the workbook was opened without the PAR Scorer add-in (in LibreOffice, or an Excel without the add-in), and there is no result or rule to compute it again. It counts 0 points. Open the workbook in Excel with PAR Scorer, or type the self score as a number`,
  "score-computed": (p) =>
    `The score cell ${p.cell} of criterion ${p.code} is blank; the score was computed by the rule "${p.rule}" from the result ${p.result} (cell ${p.valueCell}): ${p.points} points. Check it, and type the score in cell ${p.cell} if needed`,
  "score-computed.addin": (p) =>
    `Cell ${p.cell} of criterion ${p.code} holds PAR Scorer's formula ${p.formula} but ${p.shown} (the workbook was opened without the add-in). The score was computed again by the rule "${p.rule}" from the result ${p.result} (cell ${p.valueCell}): ${p.points} points. Open the workbook in Excel with PAR Scorer for the cell to show it`,
  "shown.error": (p) => `shows the error ${p.error}`,
  "shown.empty": () => "has no computed value",
  "score-invalid.percent": (p) =>
    `The ${p.column} of criterion ${p.code} in cell ${p.cell} is "${p.text}", a percentage, not points: it could mean ${p.asPoints} points or ${p.text} of the maximum. Enter the points (e.g. ${p.example}); a rate achieved goes in the result column`,
  "score-invalid.twoWays": (p) =>
    `The ${p.column} of criterion ${p.code} in cell ${p.cell} is "${p.text}", which reads two ways (${p.small} or ${p.large}), and ${p.why} the maximum ${p.max}. Type it again unambiguously, e.g. ${p.small}`,
  "twoWays.both": () => "both fit",
  "twoWays.neither": () => "neither fits",
  "score-invalid.penaltySign": (p) =>
    `The penalty of criterion ${p.code} in cell ${p.cell} is typed negative (${p.value}); it was read as a penalty of ${p.points} points. No minus sign is needed: enter the points taken off (${p.points})`,
  "score-invalid.bands": (p) =>
    `Criterion ${p.code} has ${p.count} bands chosen in the ${p.column} (cells ${p.cells}); only one may be chosen. The criterion is not scored. Clear the mark or number on the wrong bands`,
  "sum-mismatch.total": (p) =>
    `The total row "${p.text}" (cell ${p.cell}) states a ${p.column} of ${p.value}, but ${p.scope} is ${p.sum}. Correct the total row (or use a sum formula); PAR Scorer scores from the criteria, not from total rows`,
  "scope.total": () => "the criteria's total",
  "scope.field": (p) => `the total of field ${p.code}`,
};

export function findingText(key: FindingMessageKey, params: Params, lang: Lang): string {
  return (lang === "en" ? en : vi)[key](params);
}
