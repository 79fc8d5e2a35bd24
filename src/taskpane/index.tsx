/** Task pane entry: waits for Office, loads the remembered catalogue, renders the App with the Excel actions. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { createExcelActions } from "./excel/actions";
import { recalculateWorkbook, startOffice } from "./excel/office";
import { documentSettingsStorage } from "./excel/settings";
import { MIN_EXCEL_API, officeApiSupport } from "./excel/support";
import { prepareStartup } from "./startup";

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const office = await startOffice();
  const startup = prepareStartup({
    displayLanguage: office.displayLanguage,
    storage: office.inExcel ? documentSettingsStorage() : null,
    recalculate: office.inExcel ? recalculateWorkbook : null,
  });
  const oldExcel = office.inExcel && !officeApiSupport()(MIN_EXCEL_API);
  const actions = office.inExcel && !oldExcel ? createExcelActions() : null;
  document.documentElement.lang = startup.lang;
  createRoot(container).render(<App {...startup} actions={actions} oldExcel={oldExcel} />);
}

void main();
