/**
 * @jest-environment jsdom
 *
 * manifest.xml, offline: read by office-addin-manifest, then checked with jsdom's XML parser (no online validation).
 */
import * as fs from "fs";
import * as path from "path";
import { OfficeAddinManifest } from "office-addin-manifest";

const root = path.resolve(__dirname, "../..");
const manifestPath = path.join(root, "manifest.xml");
const xml = fs.readFileSync(manifestPath, "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

const all = (ns: string, tag: string) => Array.from(doc.getElementsByTagNameNS(ns, tag));
const one = (ns: string, tag: string) => {
  const found = all(ns, tag);
  expect(found).toHaveLength(1);
  return found[0];
};
const child = (el: Element, tag: string) => Array.from(el.children).find((c) => c.localName === tag);
const xsiType = (el: Element) => el.getAttributeNS(NS.xsi, "type");

/** Resources by id: bt:Image, bt:Url, bt:String elements. */
const resources = new Map<string, Element>(
  [...all(NS.bt, "Image"), ...all(NS.bt, "Url"), ...all(NS.bt, "String")].filter((e) => e.hasAttribute("id")).map((e) => [e.getAttribute("id")!, e]),
);
const resource = (id: string | null) => {
  const el = id ? resources.get(id) : undefined;
  if (!el) throw new Error(`resource ${id} is not defined`);
  return el;
};
const resourceValue = (id: string | null) => resource(id).getAttribute("DefaultValue");

const customFunctions = all(NS.ov, "ExtensionPoint").find((e) => xsiType(e) === "CustomFunctions")!;

/** Every English locale office.js knows (its per-locale folders), as "en-GB": an Override matches one exactly. */
const officeJsDist = path.join(root, "node_modules", "@microsoft", "office-js", "dist");
const ENGLISH = fs
  .readdirSync(officeJsDist)
  .filter((d) => /^en-/.test(d) && fs.statSync(path.join(officeJsDist, d)).isDirectory())
  .map((d) => `en-${d.slice(3).toUpperCase()}`)
  .sort();

/** The locales of an element's Overrides, sorted, and their values (all the same, English). */
const overrides = (el: Element) => {
  const list = Array.from(el.children).filter((c) => c.localName === "Override");
  return { locales: list.map((o) => o.getAttribute("Locale")!).sort(), values: new Set(list.map((o) => o.getAttribute("Value"))) };
};

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.localName).toBe("OfficeApp");
  });

  it("reads with office-addin-manifest (offline)", async () => {
    const info = await OfficeAddinManifest.readManifestFile(manifestPath);
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.providerName).toBe("PAR Scorer");
    expect(info.defaultLocale).toBe("vi-VN");
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.permissions).toBe("ReadWriteDocument");
    expect(info.officeAppType).toBe("TaskPaneApp");
    expect(info.defaultSettings?.sourceLocation).toBe("https://localhost:3000/taskpane.html");
    expect(info.displayName).toMatch(/Chấm điểm Chỉ số CCHC/);
  });

  it("has English overrides of the display name and description for every English locale (en-US does not cover en-GB)", () => {
    expect(ENGLISH).toEqual(expect.arrayContaining(["en-AU", "en-CA", "en-GB", "en-IN", "en-NZ", "en-US"]));
    for (const tag of ["DisplayName", "Description"]) {
      const { locales, values } = overrides(one(NS.app, tag));
      expect(locales).toEqual(ENGLISH);
      expect(values.size).toBe(1);
      expect([...values][0]).toMatch(/PAR Index/);
    }
  });

  it("names a support page that the build ships", () => {
    expect(one(NS.app, "SupportUrl").getAttribute("DefaultValue")).toBe("https://localhost:3000/support.html");
    const page = fs.readFileSync(path.join(root, "src", "support.html"), "utf8");
    expect(page).toContain("Hỗ trợ");
    expect(page).not.toMatch(/<script/);
  });

  it("asks for exactly ReadWriteDocument", () => {
    expect(all(NS.app, "Permissions").map((p) => p.textContent?.trim())).toEqual(["ReadWriteDocument"]);
  });

  it("requires the shared runtime, custom functions runtime and ExcelApi", () => {
    const sets = Object.fromEntries(all(NS.app, "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    expect(sets.SharedRuntime).toBe("1.1");
    expect(Number(sets.CustomFunctionsRuntime)).toBeGreaterThanOrEqual(1.1);
    expect(sets.ExcelApi).toBe("1.7");
  });

  it("defines every resid it uses", () => {
    const used = Array.from(doc.getElementsByTagName("*"))
      .map((e) => e.getAttribute("resid"))
      .filter((r): r is string => r !== null);
    expect(used.length).toBeGreaterThan(10);
    for (const id of new Set(used)) expect(resources.has(id)).toBe(true);
    for (const id of resources.keys()) expect(id.length).toBeLessThanOrEqual(32);
  });

  it("declares the PAR namespace for the custom functions", () => {
    expect(customFunctions).toBeDefined();
    const ns = child(customFunctions, "Namespace")!;
    expect(resourceValue(ns.getAttribute("resid"))).toBe("PAR");
  });

  it("runs the task pane and the custom functions in one long-lived runtime", () => {
    const runtimes = all(NS.ov, "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const runtimeId = runtimes[0].getAttribute("resid");
    const page = child(child(customFunctions, "Page")!, "SourceLocation")!;
    const action = all(NS.ov, "Action").find((a) => xsiType(a) === "ShowTaskpane")!;
    const taskpane = child(action, "SourceLocation")!;
    const functionFile = one(NS.ov, "FunctionFile");
    for (const el of [page, taskpane, functionFile]) expect(el.getAttribute("resid")).toBe(runtimeId);
    expect(resourceValue(runtimeId)).toBe("https://localhost:3000/taskpane.html");
    expect(one(NS.app, "SourceLocation").getAttribute("DefaultValue")).toBe(resourceValue(runtimeId));
    // Shared runtime: the action names no TaskpaneId (one task pane per runtime).
    expect(all(NS.ov, "TaskpaneId")).toHaveLength(0);
  });

  it("points the functions metadata at functions.json, and at functions.en.json for every English locale", () => {
    const metadata = child(child(customFunctions, "Metadata")!, "SourceLocation")!;
    const url = resource(metadata.getAttribute("resid"));
    expect(url.getAttribute("DefaultValue")).toBe("https://localhost:3000/functions.json");
    expect(overrides(url)).toEqual({ locales: ENGLISH, values: new Set(["https://localhost:3000/functions.en.json"]) });
    const script = child(child(customFunctions, "Script")!, "SourceLocation")!;
    expect(resourceValue(script.getAttribute("resid"))).toMatch(/^https:\/\/localhost:3000\/\w+\.js$/);
  });

  it("gives user-facing strings a Vietnamese default and one English override per English locale", () => {
    for (const el of all(NS.bt, "String")) {
      const id = el.getAttribute("id");
      if (id === "Functions.Namespace") continue;
      expect(el.getAttribute("DefaultValue")).toBeTruthy();
      const { locales, values } = overrides(el);
      expect(locales).toEqual(ENGLISH);
      expect(values.size).toBe(1);
    }
    expect(resourceValue("GetStarted.Description")).toMatch(/PAR\.SCORE/);
  });

  it("references only icons that exist in assets/ as real PNGs of the stated size", () => {
    const urls = [
      ...all(NS.bt, "Image")
        .filter((e) => e.hasAttribute("id"))
        .map((e) => [e.getAttribute("DefaultValue")!, Number(e.getAttribute("id")!.match(/(\d+)x\d+/)![1])] as const),
      [one(NS.app, "IconUrl").getAttribute("DefaultValue")!, 32] as const,
      [one(NS.app, "HighResolutionIconUrl").getAttribute("DefaultValue")!, 64] as const,
    ];
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const [url, size] of urls) {
      const m = url.match(/^https:\/\/localhost:3000\/(assets\/icon-(\d+)\.png)$/);
      expect(m).not.toBeNull();
      const file = path.join(root, m![1]);
      expect(fs.existsSync(file)).toBe(true);
      const png = fs.readFileSync(file);
      expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });

  it("uses only https://localhost:3000/ URLs (replaced for production by webpack)", () => {
    const urls = xml.match(/https?:\/\/[^"\s<]+/g) ?? [];
    const schemas = new Set(Object.values(NS));
    for (const u of urls.filter((u) => !schemas.has(u))) expect(u).toMatch(/^https:\/\/localhost:3000\//);
  });
});
