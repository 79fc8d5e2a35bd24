/** Task pane strings: Vietnamese first, English when Office's display language is English (or the user switches). */
import { formatNumber as formatFigure } from "../scoring";

export type UiLang = "vi" | "en";

export function uiLang(displayLanguage: string | null | undefined): UiLang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "vi";
}

const vi = {
  title: "PAR Scorer — Chấm điểm Chỉ số CCHC",
  brand: "PAR Scorer · Chấm điểm Chỉ số CCHC",
  activeCatalog: "Bộ tiêu chí đang dùng: {name}",
  activeCatalogShort: "Bộ tiêu chí:",
  language: "Ngôn ngữ",
  languageVi: "VI – Tiếng Việt",
  languageEn: "EN – English",
  tabs: "Chức năng",
  tabCatalog: "Tiêu chí",
  tabTemplate: "Mẫu",
  tabValidate: "Kiểm tra",
  tabSummary: "Tổng hợp",
  dismiss: "Đóng",
  errorTitle: "Không thực hiện được",
  doneTitle: "Xong",
  cancel: "Hủy",
  guideTitle: "Bắt đầu trong 3 bước",
  guideStep1: "Mẫu: tạo trang tự chấm điểm cho đơn vị.",
  guideStep2: "Nhập kết quả, điểm tự chấm và tài liệu kiểm chứng vào trang đó, rồi bấm Kiểm tra.",
  guideStep3: "Tổng hợp: ghi trang Tổng hợp và Kế hoạch cải thiện (Xếp hạng khi có nhiều đơn vị).",
  guideStart: "Bắt đầu với Mẫu",
  guideClose: "Đã hiểu, ẩn hướng dẫn",
  confirmSwitchTitle: 'Đổi sang bộ tiêu chí "{name}"?',
  confirmSwitchBody:
    "Excel sẽ tính lại sổ tính và ghi lại công thức chấm điểm trên các trang tự chấm do PAR Scorer tạo, theo bộ mới. Số liệu bạn đã nhập không bị thay đổi.",
  confirmSwitch: "Đổi bộ tiêu chí",

  // Busy labels, one per action.
  busyReadingCatalog: "Đang đọc trang bộ tiêu chí…",
  busyInsertingCatalog: "Đang chèn trang bộ tiêu chí…",
  busySavingCatalog: "Đang lưu bộ tiêu chí đang dùng…",
  busyLoadingFile: "Đang đọc tệp bộ tiêu chí…",
  busyCreatingTemplate: "Đang tạo trang tự chấm điểm…",
  busyValidating: "Đang kiểm tra…",
  busySelecting: "Đang chọn ô…",
  busyFlagging: "Đang đánh dấu…",
  busyUnflagging: "Đang xóa đánh dấu…",
  busySummarising: "Đang tạo trang tổng hợp…",
  busyReadingForm: "Đang đọc phiếu thẩm định…",
  busyWritingForm: "Đang ghi điểm thẩm định…",
  appraisalHeading: "Thẩm định",
  appraisalHint: "Mở trang phiếu thẩm định (do par appraise forms tạo) rồi bấm Đọc phiếu: nhập điểm thẩm định và lý do cho từng tiêu chí, rồi bấm Ghi vào phiếu. Điểm và lý do được ghi vào hai cột cuối của phiếu; lý do cũng được thêm làm bình luận ở ô điểm khi Excel hỗ trợ.",
  appraisalRead: "Đọc phiếu thẩm định",
  appraisalWrite: "Ghi vào phiếu",
  appraisalForm: "Phiếu \"{sheet}\": {rows} dòng, {units} đơn vị.",
  appraisalSelf: "Tự chấm: {self}",
  appraisalMax: "tối đa {max}",
  appraisalEvidence: "Tài liệu kiểm chứng: {text}",
  appraisalExplanation: "Giải trình: {text}",
  appraisalScore: "Điểm thẩm định",
  appraisalReason: "Lý do",
  appraisalNothing: "Chưa có điểm hay lý do nào thay đổi để ghi.",
  appraisalInvalid: "Chưa ghi: {count} điểm không hợp lệ. Sửa các ô được đánh dấu rồi ghi lại.",
  appraisalWritten: "Đã ghi {rows} dòng vào phiếu \"{sheet}\".",
  appraisalComments: "{count} lý do được thêm làm bình luận ở ô điểm.",
  appraisalNoComments: "Phiên bản Excel này chưa có bình luận (comment): lý do chỉ ghi ở cột Lý do.",
  appraisalProtected: "Trang phiếu đang được bảo vệ: lý do chỉ ghi ở cột Lý do, không thêm bình luận.",
  appraisalNoted: "Các ô đã có ghi chú (note) nên không thêm bình luận: {cells}.",
  appraisalNoReason: "Điểm thẩm định khác điểm tự chấm mà chưa có lý do: {codes}.",

  oldExcelTitle: "Phiên bản Excel này chưa đủ cho ngăn PAR Scorer",
  oldExcelHint:
    "Các thao tác trên sổ tính (tạo mẫu, kiểm tra, đánh dấu, tổng hợp) cần Excel mới hơn: Microsoft 365, Excel 2021 (phiên bản 2311 trở lên) hoặc Excel trên web. " +
    "Hãy cập nhật Office hoặc mở sổ tính bằng Excel trên web; ở đây vẫn xem được bộ tiêu chí.",
  officeMissingTitle: "Không kết nối được với Office",
  officeMissingHint:
    "Ngăn không tải được phần kết nối với Excel từ máy chủ của Microsoft (appsforoffice.microsoft.com): máy đang không có mạng, hoặc tường lửa/proxy của cơ quan chặn địa chỉ đó. " +
    "Vì vậy ngăn không làm việc được với sổ tính; ở đây chỉ xem được bộ tiêu chí. Kiểm tra kết nối mạng (hoặc nhờ quản trị mạng cho phép appsforoffice.microsoft.com) rồi mở lại ngăn.",
  waitingForExcel: "Đang chờ Excel sẵn sàng… Ngăn sẽ mở khi Excel khởi động xong.",
  outsideTitle: "Đang mở ngoài Excel",
  outsideHint:
    "Trang này đang chạy trong trình duyệt nên chỉ xem được bộ tiêu chí. Để chấm điểm trong Excel, hãy nạp tệp manifest.xml vào Excel: " +
    "Excel trên web: Trang đầu → Phần bổ trợ → Thêm phần bổ trợ → Tải lên phần bổ trợ của tôi, chọn manifest.xml. " +
    "Excel trên Windows: đặt manifest.xml vào một thư mục chia sẻ, khai báo thư mục đó trong Trung tâm Tin cậy → Danh mục Phần bổ trợ Tin cậy, rồi chèn từ Phần bổ trợ → Thư mục dùng chung.",
  needsExcel: "Chỉ dùng được khi PAR Scorer chạy trong Excel (xem hướng dẫn ở trên).",

  // Catalogue tab.
  catalogHeading: "Bộ tiêu chí",
  catalogLabel: "Bộ tiêu chí",
  catalogHint: "Các công thức chấm điểm trong sổ tính tra mã tiêu chí trong bộ này; lựa chọn được lưu trong sổ tính.",
  customCatalog: "tùy chỉnh",
  setActive: "Đặt làm bộ tiêu chí đang dùng",
  notSaved: "Chưa lưu được bộ tiêu chí này làm bộ đang dùng trong sổ tính (xem lỗi ở trên). Sửa theo hướng dẫn rồi bấm để lưu lại.",
  catalogSaved: 'Đang dùng bộ tiêu chí "{name}", đã lưu trong sổ tính.',
  recalculated: "Sổ tính đã được tính lại.",
  notRecalculated: "Sổ tính chưa tính lại được: bấm Ctrl+Alt+F9 trong Excel để các công thức chấm điểm dùng bộ mới.",
  formulasRewritten:
    "{count} công thức chấm điểm trên các trang tự chấm do PAR Scorer tạo đã được ghi lại để Excel tính lại. Công thức bạn tự gõ ở trang khác: bấm Ctrl+Alt+F9 nếu kết quả chưa đổi.",
  loadJson: "Tải bộ tiêu chí từ tệp",
  loadJsonHint: "Chọn tệp bộ tiêu chí nhận từ cơ quan chủ trì hoặc do PAR Scorer xuất ra.",
  loadedJson: 'Đã tải bộ tiêu chí "{name}" từ tệp {file}.',
  useWorkbookCatalog: "Dùng trang bộ tiêu chí trong sổ tính",
  noCatalogSheet:
    'Sổ tính chưa có trang bộ tiêu chí: bảng tiêu chí của tỉnh (các cột STT, Nội dung tiêu chí, Điểm tối đa) hoặc trang do add-in chèn. Bấm "Chèn bộ tiêu chí thành trang tính" để có một trang mẫu, sửa điểm và quy tắc ở đó, rồi bấm lại nút này.',
  catalogSheetUnusable: 'Trang "{sheet}" chưa dùng được làm bộ tiêu chí: {count} lỗi. Bấm vào từng dòng để tới ô cần sửa, sửa xong bấm lại nút này.',
  catalogSheetUsed: 'Đã đọc bộ tiêu chí "{name}" từ trang "{sheet}".',
  catalogSheetWarnings: "Một số nội dung bị bỏ qua hoặc chưa thành quy tắc ({count}): xem từng dòng bên dưới.",
  readingStates:
    "Lời văn chấm điểm của {total} tiêu chí: {exact} đọc chính xác, {assumption} đọc với giả định, {notRead} chưa đọc được (không có quy tắc, cần nhập), {noWording} không có lời văn.",
  readingReview: "Cần người xem lại trước khi dùng:",
  insertCatalogSheet: "Chèn bộ tiêu chí thành trang tính",
  insertedCatalogSheet: 'Đã chèn trang "{sheet}" với bộ tiêu chí "{name}". Sửa trên trang đó rồi bấm "Dùng trang bộ tiêu chí trong sổ tính".',
  skippedTitle: "Excel ở đây chưa làm được:",
  criteriaHeading: "Tiêu chí",
  max: "Điểm tối đa",
  rule: "Quy tắc",
  unknown: "—",
  searchCriteria: "Tìm tiêu chí (mã hoặc tên)",
  noMatch: "Không có tiêu chí nào khớp.",
  details: "Chi tiết",
  target: "Chỉ tiêu",
  evidence: "Tài liệu kiểm chứng",
  deadline: "Thời hạn",
  lead: "Cơ quan chủ trì",
  coordinating: "Cơ quan phối hợp",
  points: "{points} điểm",

  // Template tab.
  templateHeading: "Trang tự chấm điểm",
  templateIntro: 'Tạo một trang mới để đơn vị tự chấm điểm theo bộ tiêu chí "{name}".',
  unitLabel: "Tên đơn vị (không bắt buộc)",
  unitHint: 'Ghi vào dòng "Đơn vị:" của trang; để trống thì điền sau.',
  createTemplate: "Tạo trang tự chấm điểm",
  createdTemplate: 'Đã tạo trang "{sheet}".',
  neverOverwrites: "PAR Scorer luôn tạo trang mới, không bao giờ ghi đè trang đã có.",
  namesOnly: 'Bộ tiêu chí này chỉ có tên tiêu chí, chưa có điểm: nhập điểm tối đa vào cột "Điểm tối đa" của trang mới.',
  someWithoutMax: '{count} tiêu chí chưa có điểm tối đa: nhập điểm tối đa cho các tiêu chí đó vào cột "Điểm tối đa" của trang mới.',

  // Validate tab.
  validateHeading: "Kiểm tra trang tự chấm điểm",
  validate: "Kiểm tra trang đang mở",
  validateHint: "Mở trang tự chấm điểm của đơn vị rồi bấm Kiểm tra. PAR Scorer chỉ đọc trang, không sửa gì.",
  validationHeader: 'Trang "{sheet}" · Đơn vị: {unit} · Đã đọc {rows} dòng tiêu chí',
  errorsCount: "{count} lỗi",
  errorsCountOne: "1 lỗi",
  warningsCount: "{count} cảnh báo",
  warningsCountOne: "1 cảnh báo",
  validatedLive: 'Đã kiểm tra trang "{sheet}": {errors}, {warnings}.',
  searchFindings: "Tìm trong kết quả (mã, ô, nội dung)",
  errorsOnly: "Chỉ hiện lỗi",
  shownFindings: "Đang hiện {shown}/{total} dòng.",
  unflagReason: "Xóa đánh dấu: chưa có ô nào được đánh dấu trong sổ tính.",
  nothingScored: "Trang chưa có điểm nào",
  nothingScoredDetail: 'Nhập "Kết quả thực hiện" hoặc "Điểm tự chấm" cho các tiêu chí, ghi tài liệu kiểm chứng, rồi bấm Kiểm tra lại.',
  noFindings: "Không phát hiện lỗi",
  noFindingsDetail: "Trang khớp bộ tiêu chí: đủ tiêu chí, điểm đúng quy tắc, có tài liệu kiểm chứng.",
  missingEvidenceTitle: "Thiếu tài liệu kiểm chứng: {count}",
  missingEvidenceHint: "Tiêu chí có điểm nhưng chưa ghi tài liệu kiểm chứng sẽ không được công nhận điểm khi thẩm định.",
  otherFindings: "Các lỗi và cảnh báo khác theo lĩnh vực",
  findingsIn: "Bấm vào một dòng để chọn ô đó trên trang.",
  messagesLanguage: "Các thông báo bên dưới giữ ngôn ngữ của lần kiểm tra trước; bấm Kiểm tra lại để đọc bằng ngôn ngữ đang chọn.",
  severityError: "lỗi",
  severityWarning: "cảnh báo",
  flag: "Đánh dấu",
  flagHint: "Tô màu các ô có lỗi và ghi chú cách sửa; ô đã có màu nền của bạn giữ nguyên màu, chỉ thêm ghi chú.",
  unflag: "Xóa đánh dấu",
  flaggedNote: 'Đã đánh dấu {cells} ô trên trang "{sheet}", giải thích ghi trong ghi chú (note) của từng ô.',
  flaggedComment: 'Đã đánh dấu {cells} ô trên trang "{sheet}", giải thích ghi trong nhận xét (comment) của từng ô.',
  flaggedSheet: 'Đã đánh dấu {cells} ô trên trang "{sheet}"; Excel ở đây không ghi được ghi chú nên giải thích nằm trên trang "{findings}".',
  unflagged: 'Đã khôi phục định dạng và ghi chú của {cells} ô trên trang "{sheet}".',

  // Summary tab.
  summaryHeading: "Tổng hợp kết quả",
  summarise: "Tạo trang tổng hợp",
  summaryHint: "Đọc các trang tự chấm điểm trong sổ tính và ghi trang Tổng hợp, Kế hoạch cải thiện (và Xếp hạng khi có nhiều đơn vị).",
  regenerates: "Tạo lại chỉ thay các trang do PAR Scorer tạo ra; các trang bạn nhập liệu không bị đụng tới.",
  sheetsWritten: "Đã ghi các trang: {sheets}.",
  unitResult: "Đơn vị {unit}: chỉ số {index}, xếp loại {band}.",
  unitRounds: "Tự đánh giá {self}; thẩm định vòng 1 {round1}; điểm cuối cùng {final} (chính thức).",
  indexUnknown: "chưa tính được",
  bandUnknown: "chưa xếp được",
  oneUnit: "Tìm thấy 1 trang đơn vị đã có điểm trong sổ tính.",
  noUnit: "Chưa có trang đơn vị nào có điểm trong sổ tính.",
  manyUnits: "Tìm thấy {count} trang đơn vị đã có điểm trong sổ tính; trang Xếp hạng so sánh các đơn vị đó.",
  unscoredUnits: "Trang mẫu còn trống, không tính là đơn vị: {sheets}. Nhập kết quả hoặc điểm tự chấm rồi tạo lại.",
};

export type UiStrings = typeof vi;

const en: UiStrings = {
  title: "PAR Scorer — PAR Index scoring",
  brand: "PAR Scorer · PAR Index scoring",
  activeCatalog: "Catalogue in use: {name}",
  activeCatalogShort: "Catalogue:",
  language: "Language",
  languageVi: "VI – Tiếng Việt",
  languageEn: "EN – English",
  tabs: "Features",
  tabCatalog: "Criteria",
  tabTemplate: "Template",
  tabValidate: "Validate",
  tabSummary: "Summary",
  dismiss: "Dismiss",
  errorTitle: "Could not do it",
  doneTitle: "Done",
  cancel: "Cancel",
  guideTitle: "Get started in 3 steps",
  guideStep1: "Template: create a self-assessment sheet for the unit.",
  guideStep2: "Enter the results, self scores and evidence on that sheet, then click Validate.",
  guideStep3: "Summary: write the Summary and Improvement plan sheets (and a Ranking with several units).",
  guideStart: "Start with the Template",
  guideClose: "Got it, hide the guide",
  confirmSwitchTitle: 'Switch to the catalogue "{name}"?',
  confirmSwitchBody:
    "Excel will recalculate the workbook and write the scoring formulas of the self-assessment sheets PAR Scorer created again, for the new catalogue. The figures you typed are not changed.",
  confirmSwitch: "Switch catalogue",

  busyReadingCatalog: "Reading the catalogue sheet…",
  busyInsertingCatalog: "Inserting the catalogue sheet…",
  busySavingCatalog: "Saving the catalogue in use…",
  busyLoadingFile: "Reading the catalogue file…",
  busyCreatingTemplate: "Creating the self-assessment sheet…",
  busyValidating: "Validating…",
  busySelecting: "Selecting the cell…",
  busyFlagging: "Flagging…",
  busyUnflagging: "Removing the flags…",
  busySummarising: "Creating the summary sheets…",
  busyReadingForm: "Reading the appraisal form…",
  busyWritingForm: "Writing the appraised scores…",
  appraisalHeading: "Appraisal",
  appraisalHint: "Open the appraisal form's sheet (made by par appraise forms) and press Read the form: enter the appraised score and the reason for each criterion, then press Write to the form. They go to the form's last two columns; the reason is also added as a comment on the score cell where Excel has comments.",
  appraisalRead: "Read the appraisal form",
  appraisalWrite: "Write to the form",
  appraisalForm: "Form \"{sheet}\": {rows} rows, {units} units.",
  appraisalSelf: "Self score: {self}",
  appraisalMax: "max {max}",
  appraisalEvidence: "Evidence: {text}",
  appraisalExplanation: "Explanation: {text}",
  appraisalScore: "Appraised score",
  appraisalReason: "Reason",
  appraisalNothing: "No score or reason has changed: nothing to write.",
  appraisalInvalid: "Not written: {count} scores are not valid. Correct the marked fields and write again.",
  appraisalWritten: "{rows} rows written to the form \"{sheet}\".",
  appraisalComments: "{count} reasons added as comments on the score cells.",
  appraisalNoComments: "This version of Excel has no threaded comments: the reasons are in the Reason column only.",
  appraisalProtected: "The form's sheet is protected: the reasons are in the Reason column only, no comments added.",
  appraisalNoted: "These cells hold a note, so no comment was added: {cells}.",
  appraisalNoReason: "Appraised score differs from the self score without a reason: {codes}.",

  oldExcelTitle: "This Excel version is too old for the PAR Scorer pane",
  oldExcelHint:
    "The workbook actions (template, validate, flag, summary) need a newer Excel: Microsoft 365, Excel 2021 (version 2311 or later), or Excel on the web. " +
    "Update Office or open the workbook in Excel on the web; the catalogues can still be browsed here.",
  officeMissingTitle: "Could not connect to Office",
  officeMissingHint:
    "The pane could not load its link to Excel from Microsoft's server (appsforoffice.microsoft.com): this computer is offline, or a firewall or proxy blocks that address. " +
    "So the pane cannot work with the workbook; the catalogues can still be browsed here. Check the network (or ask the network administrator to allow appsforoffice.microsoft.com), then open the pane again.",
  waitingForExcel: "Waiting for Excel… The pane opens once Excel has started.",
  outsideTitle: "Opened outside Excel",
  outsideHint:
    "This page is running in a browser, so it can only show the catalogues. To score in Excel, load manifest.xml into Excel: " +
    "Excel on the web: Home → Add-ins → More Add-ins → Upload My Add-in, pick manifest.xml. " +
    "Excel on Windows: put manifest.xml in a shared folder, list that folder under Trust Center → Trusted Add-in Catalogs, then insert it from Add-ins → Shared Folder.",
  needsExcel: "Available only when PAR Scorer runs inside Excel (see the instructions above).",

  catalogHeading: "Criteria catalogue",
  catalogLabel: "Criteria catalogue",
  catalogHint: "The workbook's scoring formulas look criterion codes up in this catalogue; the choice is saved in the workbook.",
  customCatalog: "custom",
  setActive: "Put this catalogue in use",
  notSaved: "This catalogue could not be saved in the workbook as the one in use (see the error above). Fix what it says, then click to save it again.",
  catalogSaved: 'Using the catalogue "{name}", saved in the workbook.',
  recalculated: "The workbook was recalculated.",
  notRecalculated: "The workbook could not be recalculated: press Ctrl+Alt+F9 in Excel so the scoring formulas use the new catalogue.",
  formulasRewritten:
    "{count} scoring formulas on the self-assessment sheets PAR Scorer created were written again so Excel evaluates them. Formulas you typed on other sheets: press Ctrl+Alt+F9 if their results did not change.",
  loadJson: "Load a catalogue file",
  loadJsonHint: "Pick a catalogue file received from the leading agency or saved by PAR Scorer.",
  loadedJson: 'Loaded the catalogue "{name}" from {file}.',
  useWorkbookCatalog: "Use the workbook's catalogue sheet",
  noCatalogSheet:
    'The workbook has no catalogue sheet: a province\'s criteria table (columns STT, Nội dung tiêu chí, Điểm tối đa) or a sheet the add-in inserted. Click "Insert the catalogue as a sheet" to get one, change points and rules there, then click this button again.',
  catalogSheetUnusable: 'The sheet "{sheet}" cannot be used as a catalogue yet: {count} errors. Click a line to go to the cell to fix, then click this button again.',
  catalogSheetUsed: 'Read the catalogue "{name}" from the sheet "{sheet}".',
  catalogSheetWarnings: "Some content was ignored or not turned into rules ({count}): see the lines below.",
  readingStates:
    "Scoring wording of {total} criteria: {exact} read exactly, {assumption} read with an assumption, {notRead} not read (no rule: to be entered), {noWording} without wording.",
  readingReview: "For a person to check before use:",
  insertCatalogSheet: "Insert the catalogue as a sheet",
  insertedCatalogSheet: 'Inserted the sheet "{sheet}" with the catalogue "{name}". Edit it there, then click "Use the workbook\'s catalogue sheet".',
  skippedTitle: "Excel here could not:",
  criteriaHeading: "Criteria",
  max: "Max points",
  rule: "Rule",
  unknown: "—",
  searchCriteria: "Find a criterion (code or name)",
  noMatch: "No criterion matches.",
  details: "Details",
  target: "Target",
  evidence: "Evidence",
  deadline: "Deadline",
  lead: "Leading agency",
  coordinating: "Coordinating agencies",
  points: "{points} points",

  templateHeading: "Self-assessment sheet",
  templateIntro: 'Create a new sheet where a unit scores itself against the catalogue "{name}".',
  unitLabel: "Unit name (optional)",
  unitHint: 'Written on the sheet\'s "Đơn vị:" line; leave it blank to fill in later.',
  createTemplate: "Create the self-assessment sheet",
  createdTemplate: 'Created the sheet "{sheet}".',
  neverOverwrites: "PAR Scorer always adds a new sheet and never overwrites an existing one.",
  namesOnly: 'This catalogue has criterion names only, no points: enter the maximum points in the new sheet\'s "Điểm tối đa" column.',
  someWithoutMax: '{count} criteria have no maximum points: enter them in the new sheet\'s "Điểm tối đa" column.',

  validateHeading: "Check a self-assessment sheet",
  validate: "Validate the open sheet",
  validateHint: "Open the unit's self-assessment sheet, then click Validate. PAR Scorer only reads the sheet and changes nothing.",
  validationHeader: 'Sheet "{sheet}" · Unit: {unit} · {rows} criterion rows read',
  errorsCount: "{count} errors",
  errorsCountOne: "1 error",
  warningsCount: "{count} warnings",
  warningsCountOne: "1 warning",
  validatedLive: 'Validated the sheet "{sheet}": {errors}, {warnings}.',
  searchFindings: "Search the results (code, cell, text)",
  errorsOnly: "Errors only",
  shownFindings: "Showing {shown} of {total} lines.",
  unflagReason: "Remove flags: no cell is flagged in the workbook yet.",
  nothingScored: "Nothing is scored on this sheet yet",
  nothingScoredDetail: 'Enter the criteria\'s "Kết quả thực hiện" (results) or "Điểm tự chấm" (self scores) and their evidence, then validate again.',
  noFindings: "No problems found",
  noFindingsDetail: "The sheet matches the catalogue: every criterion present, scores follow the rules, evidence given.",
  missingEvidenceTitle: "Missing evidence: {count}",
  missingEvidenceHint: "A scored criterion without evidence documents will not keep its points at appraisal.",
  otherFindings: "Other errors and warnings by field",
  findingsIn: "Click a line to select its cell on the sheet.",
  messagesLanguage: "The messages below are in the language of the last validation; validate again to read them in the language chosen.",
  severityError: "error",
  severityWarning: "warning",
  flag: "Flag",
  flagHint: "Colours the cells with problems and adds a note on how to fix them; cells with a fill of your own keep it and only get the note.",
  unflag: "Remove flags",
  flaggedNote: 'Flagged {cells} cells on the sheet "{sheet}"; each cell\'s note explains the problem.',
  flaggedComment: 'Flagged {cells} cells on the sheet "{sheet}"; each cell\'s comment explains the problem.',
  flaggedSheet: 'Flagged {cells} cells on the sheet "{sheet}"; Excel here cannot add notes, so the explanations are on the sheet "{findings}".',
  unflagged: 'Restored the formats and notes of {cells} cells on the sheet "{sheet}".',

  summaryHeading: "Summary of results",
  summarise: "Create the summary sheets",
  summaryHint: "Reads the workbook's self-assessment sheets and writes the Summary and Improvement plan sheets (and a Ranking with several units).",
  regenerates: "Creating them again replaces only the sheets PAR Scorer made; the sheets you typed in are left alone.",
  sheetsWritten: "Sheets written: {sheets}.",
  unitResult: "Unit {unit}: index {index}, class {band}.",
  unitRounds: "Self-assessed {self}; appraised, round 1 {round1}; final {final} (official).",
  indexUnknown: "not computable yet",
  bandUnknown: "not classed yet",
  oneUnit: "Found 1 unit sheet with scores in the workbook.",
  noUnit: "No unit sheet in the workbook has scores yet.",
  manyUnits: "Found {count} unit sheets with scores in the workbook; the Ranking sheet compares them.",
  unscoredUnits: "Blank templates, not counted as units: {sheets}. Enter results or self scores, then create the summary again.",
};

const tables: Record<UiLang, UiStrings> = { vi, en };

/** "1 error" / "3 errors" ("1 lỗi" / "3 lỗi"). */
export function countText(s: UiStrings, what: "errors" | "warnings", count: number): string {
  if (count === 1) return what === "errors" ? s.errorsCountOne : s.warningsCountOne;
  return fill(what === "errors" ? s.errorsCount : s.warningsCount, { count });
}

export function strings(lang: UiLang): UiStrings {
  return tables[lang];
}

/** Fills {name} placeholders. */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined ? m : String(params[k])));
}

/** A figure as shown to the user, as every output writes figures: 2 decimals, 1.234,50 in Vietnamese, 1,234.50 in English. */
export function formatNumber(x: number, lang: UiLang): string {
  return formatFigure(x, lang);
}
