/** Task pane strings: Vietnamese first, English when Office's display language is English. */
export type UiLang = "vi" | "en";

export function uiLang(displayLanguage: string | null | undefined): UiLang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "vi";
}

const vi = {
  title: "PAR Scorer — Chấm điểm Chỉ số CCHC",
  catalogLabel: "Bộ tiêu chí",
  catalogHint: "Các hàm PAR.* tra mã tiêu chí trong bộ này.",
  criteriaHeading: "Tiêu chí",
  max: "Điểm tối đa",
  rule: "Quy tắc",
  unknown: "—",
  savedError: "Không lưu được lựa chọn vào sổ tính: {detail}",
  outsideTitle: "Đang mở ngoài Excel",
  outsideHint:
    "Trang này đang chạy trong trình duyệt nên chỉ xem được bộ tiêu chí. Để dùng các hàm PAR.* và ngăn PAR Scorer, hãy nạp tệp manifest.xml vào Excel: " +
    "Excel trên web: Trang đầu → Phần bổ trợ → Thêm phần bổ trợ → Tải lên phần bổ trợ của tôi, chọn manifest.xml. " +
    "Excel trên Windows: đặt manifest.xml vào một thư mục chia sẻ, khai báo thư mục đó trong Trung tâm Tin cậy → Danh mục Phần bổ trợ Tin cậy, rồi chèn từ Phần bổ trợ → Thư mục dùng chung.",
  customCatalog: "tùy chỉnh",
};

export type UiStrings = typeof vi;

const en: UiStrings = {
  title: "PAR Scorer — PAR Index scoring",
  catalogLabel: "Criteria catalogue",
  catalogHint: "The PAR.* functions look criterion codes up in this catalogue.",
  criteriaHeading: "Criteria",
  max: "Max points",
  rule: "Rule",
  unknown: "—",
  savedError: "Could not save the choice in the workbook: {detail}",
  outsideTitle: "Opened outside Excel",
  outsideHint:
    "This page is running in a browser, so it can only show the catalogues. To use the PAR.* functions and the PAR Scorer pane, load manifest.xml into Excel: " +
    "Excel on the web: Home → Add-ins → More Add-ins → Upload My Add-in, pick manifest.xml. " +
    "Excel on Windows: put manifest.xml in a shared folder, list that folder under Trust Center → Trusted Add-in Catalogs, then insert it from Add-ins → Shared Folder.",
  customCatalog: "custom",
};

const tables: Record<UiLang, UiStrings> = { vi, en };

export function strings(lang: UiLang): UiStrings {
  return tables[lang];
}

/** Fills {name} placeholders. */
export function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m);
}
