/** What the task pane needs at start: the language, the catalogues, the active one, and how to switch it. */
import {
  getActiveCatalog,
  loadActiveCatalog,
  setActiveCatalog,
  SettingsStorage,
} from "../functions/active-catalog";
import { builtinCatalogs, Catalog } from "../scoring";
import { uiLang, UiLang } from "./i18n";

export interface Host {
  inExcel: boolean;
  displayLanguage: string | null;
  /** The workbook's settings (Excel only). */
  storage: SettingsStorage | null;
  /** Recalculates the workbook after a switch (Excel only). */
  recalculate: (() => Promise<void>) | null;
}

export interface Startup {
  lang: UiLang;
  inExcel: boolean;
  catalogs: Catalog[];
  initial: Catalog;
  notice: string | null;
  onSelectCatalog: (catalog: Catalog) => Promise<void>;
}

/** Loads the remembered catalogue (in Excel) and builds the App's props. Pure apart from the host given. */
export function prepareStartup(host: Host): Startup {
  const lang = uiLang(host.displayLanguage);
  let notice: string | null = null;
  if (host.storage) {
    const loaded = loadActiveCatalog(host.storage);
    if (loaded.error) notice = loaded.error.text(lang);
    if (loaded.changed && host.recalculate) host.recalculate().catch(() => undefined);
  }
  const initial = getActiveCatalog();
  const catalogs = builtinCatalogs();
  if (!catalogs.includes(initial)) catalogs.push(initial);
  return {
    lang,
    inExcel: host.inExcel,
    catalogs,
    initial,
    notice,
    onSelectCatalog: async (catalog) => {
      try {
        await setActiveCatalog(catalog, host.storage);
      } finally {
        if (host.recalculate) await host.recalculate();
      }
    },
  };
}
