/**
 * Starting the pane: at once a page that says what it is waiting for, then the App when Office is ready, however
 * long Excel takes (a slow start never turns the session into "outside Excel"). Without office.js at all
 * (offline, blocked by a proxy) the page says so and shows the catalogues; nothing throws.
 */
import { FluentProvider, Spinner, webLightTheme } from "@fluentui/react-components";
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { lazyExcelActions } from "./excel/lazy-actions";
import { documentReadOnly, officeLoaded, officeTheme, recalculateWorkbook, startOffice } from "./excel/office";
import { officeRunner } from "./excel/run";
import { documentSettingsStorage } from "./excel/settings";
import { MIN_EXCEL_API, officeApiSupport } from "./excel/support";
import { strings } from "./i18n";
import { prepareStartup } from "./startup";

const plainPage = () => prepareStartup({ displayLanguage: null, storage: null, recalculate: null });

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
  const recorded = oldExcel
    ? null
    : await import(/* webpackChunkName: "excel-actions" */ "./excel/catalog")
        .then(({ readRecordedCatalog }) => officeRunner((context) => readRecordedCatalog(context)))
        .catch(() => null);
  const startup = prepareStartup({
    displayLanguage: office.displayLanguage,
    storage: documentSettingsStorage(),
    recorded,
    readOnly: documentReadOnly(),
    recalculate: recalculateWorkbook,
  });
  const actions = oldExcel ? null : lazyExcelActions({ supports });
  document.documentElement.lang = startup.lang;
  root.render(<App {...startup} actions={actions} oldExcel={oldExcel} theme={officeTheme()} />);
}
