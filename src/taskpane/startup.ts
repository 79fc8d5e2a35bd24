/** What the task pane needs at start: the language, the catalogues and the one in use (remembered in the workbook). */
import { getActiveCatalog, loadActiveCatalog, SettingsStorage } from "../functions/active-catalog";
import { builtinCatalogs, Catalog, ParError } from "../scoring";
import { uiLang, UiLang } from "./i18n";

export interface Host {
  displayLanguage: string | null;
  /** The workbook's settings (Excel only). */
  storage: SettingsStorage | null;
  /** Recalculates the workbook when the remembered catalogue differs from the default (Excel only). */
  recalculate: (() => Promise<void>) | null;
}

export interface Startup {
  lang: UiLang;
  catalogs: Catalog[];
  initial: Catalog;
  /** Why the remembered catalogue could not be used (shown in the pane's language); null when all was fine. */
  notice: ParError | null;
}

/** Loads the remembered catalogue (in Excel) and lists the catalogues to pick from. Pure apart from the host given. */
export function prepareStartup(host: Host): Startup {
  let notice: ParError | null = null;
  if (host.storage) {
    const loaded = loadActiveCatalog(host.storage);
    notice = loaded.error;
    if (loaded.changed && host.recalculate) host.recalculate().catch(() => undefined);
  }
  const initial = getActiveCatalog();
  const catalogs = builtinCatalogs();
  if (!catalogs.includes(initial)) catalogs.push(initial);
  return { lang: uiLang(host.displayLanguage), catalogs, initial, notice };
}
