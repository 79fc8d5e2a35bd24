/** The Office adapters without Office: a plain Office global for the common API, office-addin-mock for Excel.run. */
import { OfficeMockObject } from "office-addin-mock";
import { ACTIVE_CATALOG_SETTING, getActiveCatalog, loadActiveCatalog, resetActiveCatalog, setActiveCatalog } from "../../src/functions/active-catalog";
import { officeLoaded, recalculateWorkbook, startOffice } from "../../src/taskpane/excel/office";
import { documentSettingsStorage } from "../../src/taskpane/excel/settings";

type Global = { Office?: unknown; Excel?: unknown };

function officeWithSettings(saveStatus: "succeeded" | "failed") {
  const values: Record<string, unknown> = {};
  let saves = 0;
  const mock = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: "en-US",
      document: {
        settings: {
          get: (key: string) => values[key] ?? null,
          set: (key: string, value: unknown) => {
            values[key] = value;
          },
          saveAsync: (callback: (r: unknown) => void) => {
            saves++;
            callback(saveStatus === "succeeded" ? { status: "succeeded" } : { status: "failed", error: { message: "Sổ tính chỉ đọc" } });
          },
        },
      },
    },
    onReady: async () => ({ host: "Excel", platform: "PC" }),
  };
  return { mock, values, saves: () => saves };
}

afterEach(() => {
  delete (globalThis as Global).Office;
  delete (globalThis as Global).Excel;
  resetActiveCatalog();
});

describe("documentSettingsStorage", () => {
  it("remembers the active catalogue in the document settings and saves with saveAsync", async () => {
    const office = officeWithSettings("succeeded");
    (globalThis as Global).Office = office.mock;
    const storage = documentSettingsStorage();
    await setActiveCatalog("dien-bien-so", storage);
    expect(office.values[ACTIVE_CATALOG_SETTING]).toBe("dien-bien-so");
    expect(office.saves()).toBe(1);

    resetActiveCatalog();
    expect(getActiveCatalog().id).toBe("dien-bien-2018");
    expect(loadActiveCatalog(documentSettingsStorage()).catalog.id).toBe("dien-bien-so");
  });

  it("rejects with Office's message when saveAsync fails", async () => {
    (globalThis as Global).Office = officeWithSettings("failed").mock;
    await expect(setActiveCatalog("dien-bien-so", documentSettingsStorage())).rejects.toThrow("Sổ tính chỉ đọc");
  });
});

describe("startOffice", () => {
  it("reports Excel and its display language", async () => {
    (globalThis as Global).Office = officeWithSettings("succeeded").mock;
    await expect(startOffice()).resolves.toEqual({ inExcel: true, displayLanguage: "en-US" });
  });

  it("outside Office (host null) is a plain browser page, with no display language (the pane speaks Vietnamese)", async () => {
    (globalThis as Global).Office = { HostType: { Excel: "Excel" }, onReady: async () => ({ host: null, platform: null }) };
    await expect(startOffice()).resolves.toEqual({ inExcel: false, displayLanguage: null });
  });

  it("without office.js at all is a plain browser page too, and officeLoaded says so", async () => {
    expect(officeLoaded()).toBe(false);
    await expect(startOffice()).resolves.toEqual({ inExcel: false, displayLanguage: null });
  });

  it("waits for a slow Office.onReady however long it takes, then starts in Excel (no time limit downgrades the session)", async () => {
    jest.useFakeTimers();
    try {
      let ready: (info: unknown) => void = () => undefined;
      const office = officeWithSettings("succeeded").mock;
      (globalThis as Global).Office = { ...office, onReady: () => new Promise((resolve) => (ready = resolve)) };
      let settled: unknown = null;
      const start = startOffice().then((s) => (settled = s));
      jest.advanceTimersByTime(10 * 60_000);
      await Promise.resolve();
      expect(settled).toBeNull();
      ready({ host: "Excel", platform: "PC" });
      await start;
      expect(settled).toEqual({ inExcel: true, displayLanguage: "en-US" });
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("recalculateWorkbook", () => {
  it("asks Excel for a full recalculation", async () => {
    const calls: string[] = [];
    const context = new OfficeMockObject({
      workbook: { application: { calculate: (type: string) => calls.push(type) } },
    });
    (globalThis as Global).Excel = {
      CalculationType: { full: "Full" },
      run: async (batch: (ctx: unknown) => Promise<void>) => batch(context),
    };
    await recalculateWorkbook();
    expect(calls).toEqual(["Full"]);
  });
});
