/**
 * Bilingual custom-function metadata. custom-functions-metadata-plugin writes functions.json from the
 * Vietnamese JSDoc of src/functions/functions.ts; this step reads that file and writes functions.en.json with
 * the English descriptions of src/functions/translations.en.json (the manifest points en-US at it).
 *
 * The table is keyed by function id and parameter name and also records the Vietnamese text it translates,
 * so the build fails when a function or parameter has no English entry, when the table keeps entries for
 * functions or parameters that no longer exist, or when the Vietnamese text changed since it was translated.
 *
 * Plain CommonJS so webpack.config.js and the jest tests use the same code path.
 */
"use strict";

const fs = require("fs");

const PLUGIN_NAME = "FunctionsI18nPlugin";

class TranslationError extends Error {
  constructor(problems) {
    super(
      `functions.json → functions.en.json: ${problems.length} problem(s) in the translation table:\n` +
        problems.map((p) => `  - ${p}`).join("\n"),
    );
    this.name = "TranslationError";
    this.problems = problems;
  }
}

function isText(s) {
  return typeof s === "string" && s.trim() !== "";
}

/** Checks one description against its table entry ({ vi, en }); returns the English text or records problems. */
function translate(where, vi, entry, problems) {
  if (!isText(vi)) problems.push(`${where}: no Vietnamese description in the JSDoc`);
  if (!entry || typeof entry !== "object") {
    problems.push(`${where}: no English entry`);
    return vi;
  }
  if (!isText(entry.en)) problems.push(`${where}: the English text ("en") is empty`);
  if (entry.vi !== vi) problems.push(`${where}: the Vietnamese text changed since it was translated; was ${JSON.stringify(entry.vi)}, now ${JSON.stringify(vi)}`);
  return entry.en;
}

/**
 * The English metadata for a Vietnamese functions.json object. Ids, names, types and options are kept; only
 * descriptions change. Throws a TranslationError listing every missing, stale or outdated entry.
 */
function translateFunctionsMetadata(metadata, table) {
  const problems = [];
  const entries = (table && table.functions) || {};
  const functions = (metadata && metadata.functions) || [];
  const ids = new Set(functions.map((f) => f.id));
  for (const id of Object.keys(entries)) {
    if (!ids.has(id)) problems.push(`function ${id}: stale entry (no such function in functions.json)`);
  }
  const translated = functions.map((fn) => {
    const entry = entries[fn.id];
    const out = { ...fn, description: translate(`function ${fn.id}`, fn.description, entry, problems) };
    const paramEntries = (entry && entry.parameters) || {};
    const names = new Set((fn.parameters || []).map((p) => p.name));
    for (const name of Object.keys(paramEntries)) {
      if (!names.has(name)) problems.push(`function ${fn.id}, parameter ${name}: stale entry (no such parameter)`);
    }
    out.parameters = (fn.parameters || []).map((p) => {
      const where = `function ${fn.id}, parameter ${p.name}`;
      const entry = paramEntries[p.name];
      const description = translate(where, p.description, entry, problems);
      // A Vietnamese parameter name (giá_trị) has an English one (value) for English Excel.
      const name = entry && isText(entry.name) ? entry.name : p.name;
      if (entry && /[^ -~]/.test(name)) problems.push(`${where}: no English parameter name ("name")`);
      return { ...p, name, description };
    });
    return out;
  });
  if (problems.length > 0) throw new TranslationError(problems);
  return { ...metadata, functions: translated };
}

/**
 * What the generator cannot say from the JSDoc, for both languages: input cells holding Excel errors reach the
 * functions (allowErrorForDataTypeAny), which pass them through as Excel's own functions do; and each function's help
 * link (helpUrl), the functions section of the add-in's support page, at the anchor par-<id>.
 */
function completeFunctionsMetadata(metadata, helpBase) {
  const functions = ((metadata && metadata.functions) || []).map((fn) =>
    helpBase ? { ...fn, helpUrl: `${helpBase}support.html#par-${String(fn.id).toLowerCase()}` } : fn,
  );
  return { ...metadata, allowErrorForDataTypeAny: true, functions };
}

/** JSON text of the English file, formatted like the generator's output. */
function translateFunctionsJson(viJsonText, table) {
  return JSON.stringify(translateFunctionsMetadata(JSON.parse(viJsonText), table), null, 4);
}

/**
 * Webpack plugin: after custom-functions-metadata-plugin has added functions.json, emits functions.en.json.
 * Runs on the main compilation only (thisCompilation), so child compilers never emit a second copy.
 */
class FunctionsI18nPlugin {
  constructor({ table, source = "functions.json", output = "functions.en.json", helpBase = null }) {
    this.table = table;
    this.helpBase = helpBase;
    this.source = source;
    this.output = output;
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        compilation.fileDependencies.add(this.table);
        const asset = compilation.getAsset(this.source);
        if (!asset) {
          compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${this.source} was not generated, so ${this.output} cannot be made`));
          return;
        }
        try {
          const table = JSON.parse(fs.readFileSync(this.table, "utf8"));
          const vi = completeFunctionsMetadata(JSON.parse(asset.source.source().toString()), this.helpBase);
          compilation.updateAsset(this.source, new sources.RawSource(JSON.stringify(vi, null, 4)));
          const text = JSON.stringify(translateFunctionsMetadata(vi, table), null, 4);
          compilation.emitAsset(this.output, new sources.RawSource(text));
        } catch (e) {
          compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${e.message}`));
        }
      });
    });
  }
}

module.exports = { translateFunctionsMetadata, translateFunctionsJson, completeFunctionsMetadata, FunctionsI18nPlugin, TranslationError };
