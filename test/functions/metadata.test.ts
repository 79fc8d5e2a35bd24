/**
 * functions.json as custom-functions-metadata-plugin generates it from the JSDoc, the CustomFunctions.associate
 * calls it makes the plugin append, and functions.en.json made by scripts/functions-i18n.js (the same code the
 * webpack step runs).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import webpack from "webpack";
import * as PAR from "../../src/functions/functions";
import {
  completeFunctionsMetadata,
  FunctionsI18nPlugin,
  FunctionsMetadata,
  TranslationError,
  TranslationTable,
  translateFunctionsJson,
  translateFunctionsMetadata,
} from "../../scripts/functions-i18n";
import tableJson from "../../src/functions/translations.en.json";

const root = path.resolve(__dirname, "../..");
const input = path.join(root, "src/functions/functions.ts");
const table = tableJson as unknown as TranslationTable;

/** Vietnamese parameter names (what Vietnamese Excel shows), per function id. */
const EXPECTED: Record<string, string[]> = {
  SCORE: ["giá_trị", "quy_tắc", "điểm_tối_đa"],
  EXPLAIN: ["giá_trị", "quy_tắc", "điểm_tối_đa"],
  GETMAXPOINTS: ["mã_tiêu_chí"],
  MAX: ["mã_tiêu_chí"],
  NAME: ["mã_tiêu_chí"],
  EVIDENCE: ["mã_tiêu_chí"],
  DEADLINE: ["mã_tiêu_chí"],
  LEAD: ["mã_tiêu_chí"],
  CHOICES: ["quy_tắc_hoặc_mã"],
  CALCULATEINDEX: ["điểm", "điểm_tối_đa", "mã_tiêu_chí"],
  INDEX: ["điểm", "điểm_tối_đa", "mã_tiêu_chí"],
};

/** English parameter names (what English Excel shows). */
const EXPECTED_EN: Record<string, string[]> = {
  SCORE: ["value", "rule", "max"],
  EXPLAIN: ["value", "rule", "max"],
  GETMAXPOINTS: ["code"],
  MAX: ["code"],
  NAME: ["code"],
  EVIDENCE: ["code"],
  DEADLINE: ["code"],
  LEAD: ["code"],
  CHOICES: ["rule_or_code"],
  CALCULATEINDEX: ["scores", "maxes", "codes"],
  INDEX: ["scores", "maxes", "codes"],
};

let generated: Awaited<ReturnType<typeof generateCustomFunctionsMetadata>>;
let metadata: FunctionsMetadata;

beforeAll(async () => {
  generated = await generateCustomFunctionsMetadata(input, false);
  metadata = JSON.parse(generated.metadataJson);
}, 30_000);

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(TranslationError);
    return (e as TranslationError).problems;
  }
  throw new Error("expected a TranslationError");
}

describe("functions.json (Vietnamese, generated)", () => {
  it("generates without errors", () => {
    expect(generated.errors).toEqual([]);
  });

  it("lists every function with its parameters, ids equal to names", () => {
    const listed = Object.fromEntries(metadata.functions.map((f) => [f.id, (f.parameters ?? []).map((p) => p.name)]));
    expect(listed).toEqual(EXPECTED);
    for (const f of metadata.functions) {
      expect(f.name).toBe(f.id);
      expect(f.id).toMatch(/^[A-Z0-9.]+$/);
    }
  });

  it("takes ranges (any, matrix) and returns arrays (the index with a note beside it when a score was capped)", () => {
    for (const f of metadata.functions) {
      for (const p of f.parameters ?? []) expect(p).toMatchObject({ type: "any", dimensionality: "matrix" });
      expect(f.result).toEqual({ dimensionality: "matrix" });
    }
    for (const id of ["SCORE", "EXPLAIN"]) {
      const max = metadata.functions.find((f) => f.id === id)?.parameters?.find((p) => p.name === "điểm_tối_đa");
      expect(max?.optional).toBe(true);
    }
  });

  it("names PAR.MAX and PAR.INDEX by what they return (GETMAXPOINTS, CALCULATEINDEX); the old names still work, out of autocomplete", () => {
    const byId = new Map(metadata.functions.map((f) => [f.id, f]));
    for (const id of ["GETMAXPOINTS", "CALCULATEINDEX"]) expect(byId.get(id)?.options).toBeUndefined();
    for (const id of ["MAX", "INDEX"]) expect(byId.get(id)?.options).toEqual({ excludeFromAutoComplete: true });
    expect(PAR.max([["1.2"]])).toEqual(PAR.getMaxPoints([["1.2"]]));
    expect(PAR.index([[1], [0.5]], [[1], [1]])).toEqual(PAR.calculateIndex([[1], [0.5]], [[1], [1]]));
  });

  it("ends every description with an example, whole (balanced quotes and brackets), short enough to be shown whole", () => {
    const whole = (text: string) => {
      expect(text.length).toBeLessThanOrEqual(255);
      expect((text.match(/"/g) ?? []).length % 2).toBe(0);
      expect((text.match(/\(/g) ?? []).length).toBe((text.match(/\)/g) ?? []).length);
    };
    for (const f of metadata.functions) {
      expect(f.description).toMatch(/Ví dụ: =PAR\.[A-Z]+\(.*\)$/);
      whole(f.description!);
      for (const p of f.parameters ?? []) {
        expect(p.description).toMatch(/Ví dụ: \S.*$/);
        whole(p.description!);
      }
    }
    const en = translateFunctionsMetadata(clone(metadata), table);
    for (const f of en.functions) {
      expect(f.description).toMatch(/E\.g\. =PAR\.[A-Z]+\(.*\)$/);
      expect(f.description).not.toMatch(/\d,\d/); // English Excel: decimal point, "," between arguments
      whole(f.description!);
      for (const p of f.parameters ?? []) whole(p.description!);
    }
  });

  it("lets Excel errors in input cells reach the functions, and links each to its help (completeFunctionsMetadata)", () => {
    const done = completeFunctionsMetadata(clone(metadata), "https://localhost:3000/");
    expect(done.allowErrorForDataTypeAny).toBe(true);
    expect(done.allowCustomDataForDataTypeAny).toBe(true);
    expect(done.functions.find((f) => f.id === "SCORE")?.helpUrl).toBe("https://localhost:3000/support.html#par-score");
    const page = fs.readFileSync(path.join(root, "src/support.html"), "utf8");
    for (const f of done.functions) expect(page).toContain(`id="par-${f.id.toLowerCase()}"`);
  });

  it("describes every function and parameter in Vietnamese", () => {
    const vietnamese = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ]/i;
    for (const f of metadata.functions) {
      expect(f.description).toMatch(vietnamese);
      for (const p of f.parameters ?? []) expect(p.description).toMatch(vietnamese);
    }
  });

  it("associates every id with an exported function (the calls the plugin appends)", () => {
    const exported = PAR as unknown as Record<string, unknown>;
    expect(generated.associate.map((a) => a.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const a of generated.associate) {
      expect(typeof exported[a.functionName]).toBe("function");
      expect(a.sourceFileName.replace(/\\/g, "/")).toMatch(/src\/functions\/functions\.ts$/);
    }
  });
});

describe("functions.en.json (made from functions.json with the translation table)", () => {
  it("gives English parameter names, and fails on a Vietnamese one without its English name", () => {
    const en = translateFunctionsMetadata(clone(metadata), table);
    expect(Object.fromEntries(en.functions.map((f) => [f.id, (f.parameters ?? []).map((p) => p.name)]))).toEqual(EXPECTED_EN);
    const t = clone(table);
    delete t.functions.SCORE.parameters!["giá_trị"].name;
    expect(problemsOf(() => translateFunctionsMetadata(clone(metadata), t))).toEqual(['function SCORE, parameter giá_trị: no English parameter name ("name")']);
  });

  it("keeps ids, names, parameters and types, with the table's English descriptions", () => {
    const en = translateFunctionsMetadata(clone(metadata), table);
    expect(en.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    en.functions.forEach((f, i) => {
      const vi = metadata.functions[i];
      expect({ ...f, description: undefined, parameters: undefined }).toEqual({ ...vi, description: undefined, parameters: undefined });
      expect(f.description).toBe(table.functions[f.id].en);
      expect(f.description).not.toBe(vi.description);
      (f.parameters ?? []).forEach((p, j) => {
        const pv = vi.parameters![j];
        expect({ ...p, description: undefined, name: undefined }).toEqual({ ...pv, description: undefined, name: undefined });
        expect(p.name).toBe(table.functions[f.id].parameters![pv.name].name);
        expect(p.description).toBe(table.functions[f.id].parameters![pv.name].en);
        expect(p.description).not.toBe(pv.description);
      });
    });
    expect(en.functions.find((f) => f.id === "SCORE")?.description).toMatch(/^Scores a criterion by its rule/);
  });

  it("does not change the Vietnamese metadata it reads", () => {
    const copy = clone(metadata);
    translateFunctionsMetadata(copy, table);
    expect(copy).toEqual(metadata);
  });

  it("fails when a function or a parameter has no English entry", () => {
    const t = clone(table);
    delete t.functions.LEAD;
    delete t.functions.SCORE.parameters!["điểm_tối_đa"];
    const problems = problemsOf(() => translateFunctionsMetadata(clone(metadata), t));
    expect(problems).toEqual(
      expect.arrayContaining([
        "function LEAD: no English entry",
        "function LEAD, parameter mã_tiêu_chí: no English entry",
        "function SCORE, parameter điểm_tối_đa: no English entry",
      ]),
    );
    expect(problems).toHaveLength(3);
  });

  it("fails on stale entries (functions or parameters that no longer exist)", () => {
    const t = clone(table);
    t.functions.OLD = { vi: "cũ", en: "old" };
    t.functions.NAME.parameters!.lang = { vi: "ngôn ngữ", en: "language" };
    const problems = problemsOf(() => translateFunctionsMetadata(clone(metadata), t));
    expect(problems).toEqual([
      "function OLD: stale entry (no such function in functions.json)",
      "function NAME, parameter lang: stale entry (no such parameter)",
    ]);
  });

  it("fails when the Vietnamese text changed since it was translated, or the English is empty", () => {
    const m = clone(metadata);
    m.functions[0].description += " (mới)";
    expect(() => translateFunctionsMetadata(m, table)).toThrow(/function SCORE: the Vietnamese text changed/);
    const t = clone(table);
    t.functions.MAX.en = " ";
    expect(() => translateFunctionsMetadata(clone(metadata), t)).toThrow(/function MAX: the English text \("en"\) is empty/);
  });

  it("writes JSON text formatted like the generator's", () => {
    const text = translateFunctionsJson(generated.metadataJson, table);
    expect(JSON.parse(text).functions).toHaveLength(Object.keys(EXPECTED).length);
    expect(text).toMatch(/^\{\n {4}"/);
  });
});

describe("FunctionsI18nPlugin in a webpack build", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "par-i18n-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A build whose only content is functions.json (added the way custom-functions-metadata-plugin adds it). */
  function build(tablePath: string): Promise<webpack.Stats> {
    fs.writeFileSync(path.join(tmp, "entry.js"), "module.exports = 1;\n");
    const addMetadata = {
      apply(compiler: webpack.Compiler) {
        compiler.hooks.compilation.tap("fake-metadata", (compilation) => {
          compilation.assets["functions.json"] = new compiler.webpack.sources.RawSource(generated.metadataJson);
        });
      },
    };
    const compiler = webpack({
      mode: "production",
      context: tmp,
      entry: "./entry.js",
      output: { path: path.join(tmp, "dist") },
      plugins: [
        addMetadata,
        new FunctionsI18nPlugin({ table: tablePath, helpBase: "https://localhost:3000/" }) as unknown as webpack.WebpackPluginInstance,
      ],
    });
    return new Promise((resolve, reject) =>
      compiler.run((err, stats) => {
        compiler.close(() => undefined);
        if (err || !stats) reject(err);
        else resolve(stats);
      }),
    );
  }

  it("emits functions.en.json next to functions.json", async () => {
    const stats = await build(path.join(root, "src/functions/translations.en.json"));
    expect(stats.hasErrors()).toBe(false);
    const en = JSON.parse(fs.readFileSync(path.join(tmp, "dist/functions.en.json"), "utf8"));
    expect(en.functions.find((f: { id: string }) => f.id === "INDEX").description).toBe(table.functions.INDEX.en);
    // functions.json is the generator's, completed: Excel errors reach the functions, each function has its help link.
    const vi = JSON.parse(fs.readFileSync(path.join(tmp, "dist/functions.json"), "utf8"));
    expect(vi).toEqual(completeFunctionsMetadata(JSON.parse(generated.metadataJson), "https://localhost:3000/"));
    expect(en.allowErrorForDataTypeAny).toBe(true);
    expect(en.functions[0].helpUrl).toBe(vi.functions[0].helpUrl);
  }, 60_000);

  it("fails the build when the table lacks an entry", async () => {
    const t = clone(table);
    delete t.functions.EVIDENCE;
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, JSON.stringify(t));
    const stats = await build(bad);
    expect(stats.hasErrors()).toBe(true);
    expect(stats.toString({ all: false, errors: true })).toMatch(/function EVIDENCE: no English entry/);
  }, 60_000);
});
