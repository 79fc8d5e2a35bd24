/**
 * Starting the pane: at once a page that says what it is waiting for, then the App when Office is ready, however
 * long Excel takes (a slow start never turns the session into "outside Excel"). Without office.js at all
 * (offline, blocked by a proxy) the page says so and shows the catalogues; nothing throws.
 */
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { getActiveCatalog } from "../functions/active-catalog";
import { setWorkbookDateSystem } from "../functions/date-system";
import { App } from "./App";
import { lazyExcelActions } from "./excel/lazy-actions";
import { documentReadOnly, officeLoaded, officeTheme, recalculateWorkbook, startOffice } from "./excel/office";
import { officeRunner } from "./excel/run";
import { documentSettingsStorage } from "./excel/settings";
import { MIN_EXCEL_API, officeApiSupport } from "./excel/support";
import { strings } from "./i18n";
import { prepareStartup } from "./startup";

const plainPage = () => prepareStartup({ displayLanguage: null, storage: null, recalculate: null });

/**
 * After the stored catalogue is loaded at open: the PAR.* formulas may have been calculated before, with the default
 * catalogue (a custom catalogue's codes then give #N/A), and a recalculation does not reliably re-run custom
 * functions left in an error state. So the templates' formulas are written again, as a catalogue switch does, and the
 * workbook recalculated.
 */
async function afterStoredCatalog(): Promise<void> {
  const use = await import(/* webpackChunkName: "excel-actions" */ "./excel/catalog")
    .then(({ useCatalogInWorkbook }) => officeRunner((context) => useCatalogInWorkbook(context, getActiveCatalog())))
    .catch(() => null);
  if (!use?.recalculated) await recalculateWorkbook();
}

export async function boot(container: HTMLElement): Promise<void> {
  const root = createRoot(container);
  if (!officeLoaded()) {
    root.render(<App {...plainPage()} actions={null} officeMissing />);
    return;
  }
  // Vietnamese first, English beside it: Office has not said its language yet.
  root.render(
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12 }}>
        <Spinner size="tiny" labelPosition="after" label={`${strings("vi").waitingForExcel} — ${strings("en").waitingForExcel}`} />
      </main>
    </FluentProvider>,
  );
  const office = await startOffice();
  if (!office.inExcel) {
    root.render(<App {...plainPage()} actions={null} />);
    return;
  }
  const supports = officeApiSupport();
  const oldExcel = !supports(MIN_EXCEL_API);
  const opening = oldExcel
    ? null
    : await import(/* webpackChunkName: "excel-actions" */ "./excel/catalog")
        .then(({ readAtOpen }) => officeRunner((context) => readAtOpen(context)))
        .catch(() => null);
  const recorded = opening?.recorded ?? null;
  // Known before the functions go on (prepareStartup says the catalogue is known) and before any sheet is read.
  if (opening) setWorkbookDateSystem(opening.dates);
  const startup = prepareStartup({
    displayLanguage: office.displayLanguage,
    storage: documentSettingsStorage(),
    recorded,
    readOnly: documentReadOnly(),
    recalculate: afterStoredCatalog,
  });
  const actions = oldExcel ? null : lazyExcelActions({ supports });
  document.documentElement.lang = startup.lang;
  root.render(<App {...startup} actions={actions} oldExcel={oldExcel} theme={officeTheme()} />);
}
