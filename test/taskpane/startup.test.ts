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
