/** What the task pane needs at start: the language, the catalogues and the one in use (remembered in the workbook). */
import { ACTIVE_CATALOG_SETTING, catalogKnown, getActiveCatalog, loadActiveCatalog, setActiveCatalog, SettingsStorage } from "../functions/active-catalog";
import { builtinCatalog, builtinCatalogs, Catalog, isBuiltinId } from "../scoring";
import { UserError } from "./errors";
import type { RecordedCatalog } from "./excel/hidden";
import { uiLang, UiLang } from "./i18n";

export interface Host {
  displayLanguage: string | null;
  /** The workbook's settings (Excel only). */
  storage: SettingsStorage | null;
  /** The catalogue recorded in the workbook's "_par" sheet, when there is one (Excel only). */
  recorded?: RecordedCatalog | null;
  /** A read-only workbook: its settings are never saved (the choice still applies for this session). */
  readOnly?: boolean;
  /** Recalculates the workbook when the remembered catalogue differs from the default (Excel only). */
  recalculate: (() => Promise<void>) | null;
}

export interface Startup {
  lang: UiLang;
  catalogs: Catalog[];
  initial: Catalog;
  /** What the pane should say about the catalogue found (shown in the pane's language); null when all was fine. */
  notice: { text(lang: UiLang): string } | null;
}

function fromRecord(recorded: RecordedCatalog, missing: boolean): UserError {
  const vi = missing ? "Cài đặt của sổ tính không còn ghi bộ tiêu chí đang dùng" : "Cài đặt của sổ tính ghi một bộ tiêu chí khác với trang ẩn _par";
  const en = missing ? "The workbook's settings no longer say which catalogue is in use" : "The workbook's settings name another catalogue than its hidden _par sheet";
  const name = builtinCatalog(recorded.id).name;
  return new UserError(
    `${vi} (có thể bị mất khi mở sổ tính trên máy Mac hoặc trên web). PAR Scorer dùng bộ "${name}" ghi trong trang _par. Nếu không đúng, chọn lại bộ tiêu chí ở thẻ "Tiêu chí".`,
    `${en} (settings can be lost when the workbook is opened on a Mac or on the web). PAR Scorer uses "${name}", as recorded in _par. If that is wrong, pick the catalogue again in the Criteria tab.`,
  );
}

function customLost(recorded: RecordedCatalog, using: Catalog): UserError {
  return new UserError(
    `Trang ẩn _par ghi bộ tiêu chí tùy chỉnh "${recorded.id}" nhưng cài đặt của sổ tính không còn nội dung của bộ đó (cài đặt có thể bị mất khi mở trên máy Mac hoặc trên web). ` +
      `Đang dùng bộ "${using.name}". Tải lại tệp JSON của bộ "${recorded.id}", hoặc bấm "Dùng trang bộ tiêu chí trong sổ tính" nếu sổ tính có trang bộ tiêu chí.`,
    `The hidden _par sheet records the custom catalogue "${recorded.id}", but the workbook's settings no longer hold it (settings can be lost on a Mac or on the web). ` +
      `"${using.name}" is in use. Load the JSON file of "${recorded.id}" again, or click "Use the workbook's catalogue sheet" if the workbook has one.`,
  );
}

/**
 * Loads the remembered catalogue (in Excel) and lists the catalogues to pick from. The document setting is
 * trusted when it agrees with "_par"; when it is missing or disagrees, "_par"'s built-in is used (and the setting
 * mended), and the pane says so. Pure apart from the host given.
 */
export function prepareStartup(host: Host): Startup {
  let notice: Startup["notice"] = null;
  if (host.storage) {
    const before = getActiveCatalog();
    const stored = host.storage.get(ACTIVE_CATALOG_SETTING);
    const loaded = loadActiveCatalog(host.storage);
    notice = loaded.error;
    const recorded = host.recorded;
    const missing = typeof stored !== "string" || stored.trim() === "" || loaded.error !== null;
    if (recorded && (missing || loaded.catalog.id !== recorded.id)) {
      if (recorded.builtin && isBuiltinId(recorded.id)) {
        const catalog = builtinCatalog(recorded.id);
        // Mended in the settings (saveAsync) only here, where something was wrong, and never in a read-only workbook.
        void setActiveCatalog(catalog, host.readOnly ? null : host.storage).catch(() => undefined);
        notice = fromRecord(recorded, missing);
      } else notice = customLost(recorded, getActiveCatalog());
    }
    if (getActiveCatalog() !== before && host.recalculate) host.recalculate().catch(() => undefined);
  }
  catalogKnown();
  const initial = getActiveCatalog();
  const catalogs = builtinCatalogs();
  if (!catalogs.includes(initial)) catalogs.push(initial);
  return { lang: uiLang(host.displayLanguage), catalogs, initial, notice };
}
