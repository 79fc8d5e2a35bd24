/**
 * The production build's configuration (webpack.config.js), without running webpack: the URL written into
 * dist/manifest.xml (PAR_URL_PROD), what the build prints about it, and where taskpane.html loads office.js from.
 */
import * as fs from "fs";
import * as path from "path";

const root = path.resolve(__dirname, "../..");
const makeConfig = require(path.join(root, "webpack.config.js")) as (env: unknown, options: { mode: string }) => { plugins: any[] };
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");

function configWith(vars: Record<string, string | undefined>, mode = "production") {
  const saved = { PAR_URL_PROD: process.env.PAR_URL_PROD, PAR_OFFICE_JS: process.env.PAR_OFFICE_JS };
  try {
    for (const [k, v] of Object.entries({ PAR_URL_PROD: undefined, PAR_OFFICE_JS: undefined, ...vars })) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    return makeConfig({}, { mode });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

const plugin = (config: { plugins: any[] }, name: string) => config.plugins.find((p) => p.constructor.name === name);
const copyPatterns = (config: { plugins: any[] }) => plugin(config, "CopyPlugin").patterns as { from: string; transform?: (c: Buffer) => string }[];
const builtManifest = (config: { plugins: any[] }) => copyPatterns(config).find((p) => p.from === "manifest*.xml")!.transform!(Buffer.from(manifest));

/** What the build prints when it is done. */
function printed(config: { plugins: any[] }): string {
  const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
  try {
    plugin(config, "BuildReportPlugin").apply({ hooks: { done: { tap: (_: string, done: (stats: unknown) => void) => done({ hasErrors: () => false }) } } });
    return log.mock.calls.map((c) => c.join(" ")).join("\n");
  } finally {
    log.mockRestore();
  }
}

describe("production build configuration", () => {
  test("by default: office.js from Microsoft's CDN, no local copy, and the build says the manifest still points at localhost", () => {
    const config = configWith({});
    expect(plugin(config, "HtmlWebpackPlugin").userOptions.templateParameters.officeJs).toBe(CDN);
    expect(copyPatterns(config).some((p) => p.from === "office.js")).toBe(false);
    expect(builtManifest(config)).toContain("https://localhost:3000/taskpane.html");
    const said = printed(config);
    expect(said).toContain("dist/manifest.xml points Excel at https://localhost:3000/");
    expect(said).toContain("PAR_URL_PROD=");
    expect(said).toContain(`office.js from ${CDN}`);
  });

  test("PAR_URL_PROD: every URL of dist/manifest.xml on the organisation's host (a missing final / added), and printed", () => {
    const config = configWith({ PAR_URL_PROD: "https://cchc.example.gov.vn/par-scorer" });
    const built = builtManifest(config);
    expect(built).not.toContain("localhost");
    expect(built).toContain('DefaultValue="https://cchc.example.gov.vn/par-scorer/taskpane.html"');
    expect(built).toContain('DefaultValue="https://cchc.example.gov.vn/par-scorer/support.html"');
    expect(printed(config)).toContain("dist/manifest.xml points Excel at https://cchc.example.gov.vn/par-scorer/");
  });

  test("PAR_URL_PROD must be an https URL, and the error says how it should look", () => {
    expect(() => configWith({ PAR_URL_PROD: "http://cchc.example.gov.vn/par/" })).toThrow(/must start with https:\/\//);
    expect(() => configWith({ PAR_URL_PROD: "cchc.example.gov.vn" })).toThrow(/Example: PAR_URL_PROD=https:\/\//);
  });

  test("PAR_OFFICE_JS=local (offline development only): office.js and its files copied and loaded from dist/", () => {
    const config = configWith({ PAR_OFFICE_JS: "local" });
    expect(plugin(config, "HtmlWebpackPlugin").userOptions.templateParameters.officeJs).toBe("office.js");
    expect(copyPatterns(config).some((p) => p.from === "office.js")).toBe(true);
    expect(printed(config)).toContain("local copy");
  });

  test("the development build keeps localhost whatever PAR_URL_PROD says", () => {
    const dev = configWith({ PAR_URL_PROD: "https://cchc.example.gov.vn/par-scorer/" }, "development");
    expect(String(builtManifest(dev))).toBe(manifest);
  });
});
