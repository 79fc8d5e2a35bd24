/** Task pane entry: waits for Office, loads the remembered catalogue, renders the App. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { documentSettingsStorage } from "./excel/settings";
import { recalculateWorkbook, startOffice } from "./excel/office";
import { prepareStartup } from "./startup";

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const office = await startOffice();
  const startup = prepareStartup({
    inExcel: office.inExcel,
    displayLanguage: office.displayLanguage,
    storage: office.inExcel ? documentSettingsStorage() : null,
    recalculate: office.inExcel ? recalculateWorkbook : null,
  });
  document.documentElement.lang = startup.lang;
  createRoot(container).render(<App {...startup} />);
}

void main();
