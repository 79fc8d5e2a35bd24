/** What the pane needs at start, from the host: language, catalogues, the one remembered in the workbook. */
import { getActiveCatalog, resetActiveCatalog, SettingsStorage } from "../../src/functions/active-catalog";
import { builtinCatalog, builtinCatalogs } from "../../src/scoring";
import { prepareStartup } from "../../src/taskpane/startup";
import { smallCatalog } from "./pane-helpers";

function storageWith(value: unknown): SettingsStorage {
  const data: Record<string, unknown> = { "par.activeCatalog": value };
  return { get: (k) => data[k], set: (k, v) => void (data[k] = v), save: async () => undefined };
}

beforeEach(() => resetActiveCatalog());

describe("prepareStartup", () => {
  it("outside Excel: Vietnamese by default, the built-ins, the default catalogue, no notice", () => {
    const startup = prepareStartup({ displayLanguage: null, storage: null, recalculate: null });
    expect(startup.lang).toBe("vi");
    expect(startup.catalogs).toEqual(builtinCatalogs());
    expect(startup.initial).toBe(builtinCatalog("dien-bien-2018"));
    expect(startup.notice).toBeNull();
  });

  it("English when Office's display language is English", () => {
    expect(prepareStartup({ displayLanguage: "en-GB", storage: null, recalculate: null }).lang).toBe("en");
    expect(prepareStartup({ displayLanguage: "vi-VN", storage: null, recalculate: null }).lang).toBe("vi");
  });

  it("opens on the built-in remembered in the workbook and recalculates because it differs from the default", async () => {
    const recalculate = jest.fn(async () => undefined);
    const startup = prepareStartup({ displayLanguage: "vi-VN", storage: storageWith("dien-bien-so"), recalculate });
    expect(startup.initial).toBe(builtinCatalog("dien-bien-so"));
    expect(getActiveCatalog()).toBe(builtinCatalog("dien-bien-so"));
    expect(startup.catalogs).toHaveLength(builtinCatalogs().length);
    expect(recalculate).toHaveBeenCalledTimes(1);
  });

  it("the default remembered: nothing to recalculate", () => {
    const recalculate = jest.fn(async () => undefined);
    prepareStartup({ displayLanguage: "vi-VN", storage: storageWith("dien-bien-2018"), recalculate });
    expect(recalculate).not.toHaveBeenCalled();
  });

  it("a custom catalogue remembered in the workbook joins the list and is the one in use", () => {
    const startup = prepareStartup({ displayLanguage: "vi-VN", storage: storageWith(JSON.stringify(smallCatalog)), recalculate: null });
    expect(startup.initial.id).toBe("thu");
    expect(startup.catalogs[startup.catalogs.length - 1]).toBe(startup.initial);
    expect(startup.catalogs).toHaveLength(builtinCatalogs().length + 1);
  });

  it("an unreadable stored value keeps the default and gives a notice in both languages", () => {
    const startup = prepareStartup({ displayLanguage: "en-GB", storage: storageWith("{bad json"), recalculate: null });
    expect(startup.initial.id).toBe("dien-bien-2018");
    expect(startup.notice!.text("en")).toBe(
      "The catalogue saved in the workbook (par.activeCatalog) cannot be read. The default is in use; pick the catalogue again in the PAR Scorer pane",
    );
    expect(startup.notice!.text("vi")).toMatch(/^Bộ tiêu chí lưu trong sổ tính \(par.activeCatalog\) không đọc được/);
  });

  it("a failing recalculation at start does not break the start", async () => {
    const recalculate = jest.fn(() => Promise.reject(new Error("calc failed")));
    const startup = prepareStartup({ displayLanguage: "vi-VN", storage: storageWith("dien-bien-so"), recalculate });
    await Promise.resolve();
    expect(startup.initial).toBe(builtinCatalog("dien-bien-so"));
    expect(recalculate).toHaveBeenCalled();
  });

  describe("the catalogue recorded in _par (document settings can be lost)", () => {
    it("the setting is missing: _par's built-in is used, the setting mended, and the pane says so", async () => {
      const storage = storageWith(undefined);
      const save = jest.spyOn(storage, "save");
      const recalculate = jest.fn(async () => undefined);
      const startup = prepareStartup({ displayLanguage: "vi-VN", storage, recorded: { id: "dien-bien-so", builtin: true }, recalculate });
      expect(startup.initial).toBe(builtinCatalog("dien-bien-so"));
      expect(storage.get("par.activeCatalog")).toBe("dien-bien-so");
      expect(save).toHaveBeenCalled();
      expect(recalculate).toHaveBeenCalledTimes(1);
      expect(startup.notice!.text("vi")).toMatch(/^Cài đặt của sổ tính không còn ghi bộ tiêu chí đang dùng .* dùng bộ "Chỉ số CCHC cấp sở/);
      expect(startup.notice!.text("en")).toContain("as recorded in _par");
    });

    it("the setting and _par disagree: _par's is used, and said", () => {
      const startup = prepareStartup({ displayLanguage: "en-US", storage: storageWith("dien-bien-2018"), recorded: { id: "dien-bien-so", builtin: true }, recalculate: null });
      expect(startup.initial.id).toBe("dien-bien-so");
      expect(startup.notice!.text("en")).toMatch(/^The workbook's settings name another catalogue than its hidden _par sheet/);
    });

    it("they agree: no notice, nothing recalculated", () => {
      const recalculate = jest.fn(async () => undefined);
      const startup = prepareStartup({ displayLanguage: "vi-VN", storage: storageWith("dien-bien-2018"), recorded: { id: "dien-bien-2018", builtin: true }, recalculate });
      expect(startup.notice).toBeNull();
      expect(recalculate).not.toHaveBeenCalled();
    });

    it("a custom catalogue the setting still holds agrees with _par's custom record", () => {
      const startup = prepareStartup({ displayLanguage: "vi-VN", storage: storageWith(JSON.stringify(smallCatalog)), recorded: { id: "thu", builtin: false }, recalculate: null });
      expect(startup.initial.id).toBe("thu");
      expect(startup.notice).toBeNull();
    });

    it("_par records a custom catalogue the setting no longer holds: the default stays, and the pane says how to get it back", () => {
      const startup = prepareStartup({ displayLanguage: "vi-VN", storage: storageWith(undefined), recorded: { id: "tinh-2025", builtin: false }, recalculate: null });
      expect(startup.initial.id).toBe("dien-bien-2018");
      expect(startup.notice!.text("vi")).toContain('Tải lại tệp JSON của bộ "tinh-2025"');
    });
  });
});

describe("PAR.* functions called while Excel opens the workbook", () => {
  type Modules = {
    PAR: typeof import("../../src/functions/functions");
    startup: typeof import("../../src/taskpane/startup");
    active: typeof import("../../src/functions/active-catalog");
  };

  /** The functions and the pane's start loaded as in Excel: the custom functions runtime is there first. */
  function loadInExcel(): Modules {
    const scope = globalThis as { CustomFunctions?: unknown };
    scope.CustomFunctions = { associate: () => undefined };
    try {
      let modules!: Modules;
      jest.isolateModules(() => {
        modules = {
          PAR: require("../../src/functions/functions"),
          startup: require("../../src/taskpane/startup"),
          active: require("../../src/functions/active-catalog"),
        };
      });
      return modules;
    } finally {
      delete scope.CustomFunctions;
    }
  }

  afterEach(() => jest.useRealTimers());

  it("wait for the catalogue stored in the workbook instead of answering from the default", async () => {
    const { PAR, startup, active } = loadInExcel();
    const pending = PAR.name([["1.1"]]) as unknown;
    expect(pending).toBeInstanceOf(Promise);
    startup.prepareStartup({ displayLanguage: "vi-VN", storage: storageWith(JSON.stringify(smallCatalog)), recalculate: null });
    await expect(pending).resolves.toEqual([["Kế hoạch CCHC"]]);
    // Known from now on: answers come at once.
    expect(PAR.name([["1.1"]])).toEqual([["Kế hoạch CCHC"]]);
    active.resetActiveCatalog();
  });

  it("answer from the default when nothing is stored, once the start has looked", async () => {
    const { PAR, startup } = loadInExcel();
    const pending = PAR.max([["1.2"]]) as unknown;
    expect(pending).toBeInstanceOf(Promise);
    startup.prepareStartup({ displayLanguage: "vi-VN", storage: storageWith(undefined), recalculate: null });
    await expect(pending).resolves.toEqual(PAR.max([["1.2"]]));
  });

  it("do not wait forever when the pane never starts", async () => {
    jest.useFakeTimers();
    const { PAR, active } = loadInExcel();
    const pending = PAR.score([[1]], [["1.1.1"]]) as unknown as Promise<unknown[][]>;
    expect(pending).toBeInstanceOf(Promise);
    jest.advanceTimersByTime(active.STORED_CATALOG_WAIT_MS);
    jest.useRealTimers();
    await expect(pending).resolves.toEqual(PAR.score([[1]], [["1.1.1"]]));
  });

  it("outside Excel (tests, the plain page) answer at once", () => {
    expect(getActiveCatalog()).toBe(builtinCatalog("dien-bien-2018"));
    const PAR = require("../../src/functions/functions") as typeof import("../../src/functions/functions");
    expect(Array.isArray(PAR.name([["1.1"]]))).toBe(true);
  });
});
