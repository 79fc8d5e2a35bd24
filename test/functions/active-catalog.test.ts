import {
  ACTIVE_CATALOG_SETTING,
  getActiveCatalog,
  loadActiveCatalog,
  onActiveCatalogChange,
  parseCatalogChoice,
  resetActiveCatalog,
  serializeCatalogChoice,
  setActiveCatalog,
  SettingsStorage,
} from "../../src/functions/active-catalog";
import { builtinCatalog, Catalog, DEFAULT_CATALOG_ID, ParError } from "../../src/scoring";

function memoryStorage(initial: Record<string, unknown> = {}) {
  const data: Record<string, unknown> = { ...initial };
  const calls: string[] = [];
  const storage: SettingsStorage = {
    get: (key) => data[key],
    set: (key, value) => {
      calls.push(`set ${key}`);
      data[key] = value;
    },
    save: async () => {
      calls.push("save");
    },
  };
  return { storage, data, calls };
}

/** A small custom catalogue (as a user might load from a JSON file). */
const custom: Catalog = {
  id: "so-thu-nghiem",
  name: "Bộ thử nghiệm",
  source: null,
  level: "department",
  year: 2024,
  nodes: [
    {
      code: "1",
      name: "Lĩnh vực thử",
      max: null,
      target: null,
      targetText: null,
      rule: null,
      evidence: [],
      evidenceRequirement: null,
      deadline: null,
      lead: null,
      coordinating: null,
      children: [
        {
          code: "1.1",
          name: "Tiêu chí thử",
          max: 2,
          target: null,
          targetText: null,
          rule: ">=50%: 2; *: 0",
          evidence: [{ name: "Báo cáo" }],
          evidenceRequirement: null,
          deadline: "Quý IV",
          lead: "Văn phòng",
          coordinating: null,
          children: [],
        },
      ],
    },
  ],
};

beforeEach(() => resetActiveCatalog());

describe("active catalogue", () => {
  it("defaults to DEFAULT_CATALOG_ID", () => {
    expect(DEFAULT_CATALOG_ID).toBe("dien-bien-2018");
    expect(getActiveCatalog()).toBe(builtinCatalog(DEFAULT_CATALOG_ID));
  });

  it("switches by built-in id, stores the id and saves", async () => {
    const { storage, data, calls } = memoryStorage();
    await setActiveCatalog("dien-bien-so", storage);
    expect(getActiveCatalog().id).toBe("dien-bien-so");
    expect(data[ACTIVE_CATALOG_SETTING]).toBe("dien-bien-so");
    expect(calls).toEqual([`set ${ACTIVE_CATALOG_SETTING}`, "save"]);
  });

  it("switches without storage (outside Excel) and tells listeners", async () => {
    const seen: string[] = [];
    const off = onActiveCatalogChange((c) => seen.push(c.id));
    await setActiveCatalog("dien-bien-so");
    off();
    await setActiveCatalog("dien-bien-2018");
    expect(seen).toEqual(["dien-bien-so"]);
  });

  it("rejects an unknown built-in id with the core's message and keeps the current one", async () => {
    await expect(setActiveCatalog("khong-co")).rejects.toThrow(/Không có bộ tiêu chí "khong-co"/);
    expect(getActiveCatalog().id).toBe(DEFAULT_CATALOG_ID);
  });

  it("stores a custom catalogue as JSON and reads it back", async () => {
    const { storage, data } = memoryStorage();
    await setActiveCatalog(custom, storage);
    const stored = data[ACTIVE_CATALOG_SETTING] as string;
    expect(stored.startsWith("{")).toBe(true);
    expect(serializeCatalogChoice(builtinCatalog("dien-bien-so"))).toBe("dien-bien-so");
    resetActiveCatalog();
    const loaded = loadActiveCatalog(storage);
    expect(loaded.error).toBeNull();
    expect(loaded.changed).toBe(true);
    expect(getActiveCatalog().id).toBe("so-thu-nghiem");
    expect(getActiveCatalog().nodes[0].children[0].rule).toBe(">=50%: 2; *: 0");
  });

  it("loads a stored built-in id; nothing stored keeps the default", () => {
    expect(loadActiveCatalog(memoryStorage().storage)).toEqual({ catalog: builtinCatalog(DEFAULT_CATALOG_ID), changed: false, error: null });
    const loaded = loadActiveCatalog(memoryStorage({ [ACTIVE_CATALOG_SETTING]: "dien-bien-so" }).storage);
    expect(loaded.changed).toBe(true);
    expect(getActiveCatalog()).toBe(builtinCatalog("dien-bien-so"));
  });

  it("keeps the default and reports why when the stored value is unusable", () => {
    const bad = loadActiveCatalog(memoryStorage({ [ACTIVE_CATALOG_SETTING]: '{"id": "x"' }).storage);
    expect(bad.error).toBeInstanceOf(ParError);
    expect(bad.error?.message).toMatch(/^Bộ tiêu chí lưu trong sổ tính \(par.activeCatalog\) không đọc được/);
    expect(bad.changed).toBe(false);
    expect(getActiveCatalog().id).toBe(DEFAULT_CATALOG_ID);
    const unknown = loadActiveCatalog(memoryStorage({ [ACTIVE_CATALOG_SETTING]: "da-xoa" }).storage);
    expect(unknown.error?.message).toMatch(/Không có bộ tiêu chí "da-xoa"/);
  });

  it("parseCatalogChoice validates custom JSON with the core's schema", () => {
    expect(() => parseCatalogChoice(JSON.stringify({ ...custom, nodes: [] }))).toThrow(/ít nhất một lĩnh vực/);
  });
});
