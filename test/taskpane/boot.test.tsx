/**
 * @jest-environment jsdom
 *
 * Starting the pane (boot.tsx) with office.js missing, slow, outside Excel and inside it, on the in-memory Excel.
 */
import { act, screen } from "@testing-library/react";
import { ACTIVE_CATALOG_SETTING, resetActiveCatalog } from "../../src/functions/active-catalog";
import { builtinCatalog } from "../../src/scoring";
import { boot } from "../../src/taskpane/boot";
import { createExcelActions } from "../../src/taskpane/excel/actions";
import { registryMatrix } from "../../src/taskpane/excel/hidden";
import { documentSettingsStorage } from "../../src/taskpane/excel/settings";
import { createFakeExcel, SheetSeed } from "./excel-fixtures";

jest.setTimeout(30_000);

type Global = { Office?: unknown; Excel?: unknown };

let container: HTMLElement;

beforeEach(() => {
  resetActiveCatalog();
  container = document.createElement("div");
  document.body.appendChild(container);
});

afterEach(() => {
  container.remove();
  delete (globalThis as Global).Office;
  delete (globalThis as Global).Excel;
});

async function start(): Promise<void> {
  await act(async () => {
    await boot(container);
  });
}

describe("boot", () => {
  it("without office.js (offline, blocked by a proxy): says so in words, in Vietnamese, and shows the catalogues", async () => {
    await expect(start()).resolves.toBeUndefined();
    const bar = screen.getByRole("group", { name: "Không kết nối được với Office" });
    expect(bar.textContent).not.toMatch(/office\.js/);
    expect(bar.textContent).toContain("appsforoffice.microsoft.com");
    expect(screen.getByRole("tab", { name: "Tiêu chí" })).toBeTruthy();
    expect(screen.queryByText("Đang mở ngoài Excel")).toBeNull();
  });

  it("in a plain browser whose language is English: still Vietnamese first", async () => {
    expect(navigator.language).toMatch(/^en/);
    (globalThis as Global).Office = { HostType: { Excel: "Excel" }, onReady: async () => ({ host: null, platform: null }) };
    await start();
    expect(screen.getByText("Đang mở ngoài Excel")).toBeTruthy();
    expect(document.documentElement.lang).toBe("vi");
  });

  it("a slow Excel: the page says it is waiting, then becomes the pane in Excel once Office is ready", async () => {
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1", values: [["x"]] }] });
    let ready: (info: unknown) => void = () => undefined;
    (globalThis as Global).Office = { ...fake.Office, onReady: () => new Promise((resolve) => (ready = resolve)) };
    (globalThis as Global).Excel = fake.Excel;
    let booted = false;
    await act(async () => {
      void boot(container).then(() => (booted = true));
    });
    expect(screen.getByText(/Đang chờ Excel sẵn sàng/)).toBeTruthy();
    expect(booted).toBe(false);
    await act(async () => {
      ready({ host: "Excel", platform: "OfficeOnline" });
    });
    await screen.findByRole("tab", { name: "Kiểm tra" });
    expect(booted).toBe(true);
    expect(screen.queryByText(/Đang chờ Excel/)).toBeNull();
    expect(screen.queryByText("Đang mở ngoài Excel")).toBeNull();
  });

  it("in Excel with the catalogue setting lost: uses the one _par records, says so, and mends the setting", async () => {
    const matrix = registryMatrix({ owned: [], catalog: { id: "dien-bien-so", builtin: true }, templates: [] });
    const fake = createFakeExcel({ sheets: [{ name: "Sheet1", values: [["x"]] }, { name: "_par", values: matrix, visibility: "VeryHidden" }] });
    (globalThis as Global).Office = fake.Office;
    (globalThis as Global).Excel = fake.Excel;
    await start();
    const name = builtinCatalog("dien-bien-so").name;
    expect(screen.getByTitle(`Bộ tiêu chí đang dùng: ${name}`)).toBeTruthy();
    expect(screen.getByText(/PAR Scorer dùng bộ .* ghi trong trang _par/)).toBeTruthy();
    expect(fake.settings.get(ACTIVE_CATALOG_SETTING)).toBe("dien-bien-so");
  });

  it("opening on a stored catalogue other than the default writes the templates' PAR.* formulas again (not left as computed with the default)", async () => {
    // A workbook with a pane-made template, its catalogue switched to "dien-bien-so" in an earlier session.
    const fake = createFakeExcel({ sheets: [{ name: "Bìa", values: [["Hồ sơ"]] }] });
    (globalThis as Global).Office = fake.Office;
    (globalThis as Global).Excel = fake.Excel;
    const actions = createExcelActions({ run: (batch) => fake.Excel.run(batch), supports: () => true, settings: () => documentSettingsStorage(fake.Office.context.document.settings as never), recalculate: async () => undefined });
    const created = await actions.createTemplate(builtinCatalog("dien-bien-2018"), { unit: "Sở Tư pháp", lang: "vi" });
    await actions.setActiveCatalog(builtinCatalog("dien-bien-so"));
    resetActiveCatalog();
    fake.resetSyncCount();
    await start();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    const rewritten = fake.writes().filter((w) => w.sheet === created.sheet && w.property === "formulas");
    expect(rewritten.length).toBeGreaterThan(0);
    expect(fake.calculations()).toBeGreaterThan(0);
  });

  it("saves the settings at open only when something was mended, and never in a read-only workbook", async () => {
    const matrix = registryMatrix({ owned: [], catalog: { id: "dien-bien-so", builtin: true }, templates: [] });
    const sheets: SheetSeed[] = [{ name: "Sheet1", values: [["x"]] }, { name: "_par", values: matrix, visibility: "VeryHidden" }];
    // Setting and _par agree: nothing to mend, nothing saved.
    const agreed = createFakeExcel({ sheets });
    agreed.settings.set(ACTIVE_CATALOG_SETTING, "dien-bien-so");
    (globalThis as Global).Office = agreed.Office;
    (globalThis as Global).Excel = agreed.Excel;
    await start();
    expect(agreed.settingsSaves()).toBe(0);
    container.remove();
    container = document.createElement("div");
    document.body.appendChild(container);
    resetActiveCatalog();
    // Setting lost in a read-only workbook: _par's catalogue is used, nothing is saved.
    const readOnly = createFakeExcel({ sheets, readOnly: true });
    (globalThis as Global).Office = readOnly.Office;
    (globalThis as Global).Excel = readOnly.Excel;
    await start();
    expect(screen.getByTitle(`Bộ tiêu chí đang dùng: ${builtinCatalog("dien-bien-so").name}`)).toBeTruthy();
    expect(readOnly.settingsSaves()).toBe(0);
  });
});
