#!/usr/bin/env node
"use strict";
/**
 * Bundles the CLI into one file per entry, and trains V8's code cache for each (src/cli/bundle-loader.ts), so that
 * `par` starts from one file instead of about 130 modules:
 *   lib/cli/par.bundle.js                 bin/par.js's command line (src/cli/main.ts)
 *   lib/cli/aggregate/worker.bundle.js    par aggregate's worker threads (src/cli/aggregate/worker.ts)
 * The sources are bundled as ES modules (TypeScript transpiled only: tsc has checked them and written lib/ for the
 * fallback), so that webpack joins the modules that are imported into one scope: no function, exports object and
 * getter per module (par validate of one workbook starts about 20 ms sooner than from tsc's CommonJS bundled). A
 * module loaded with require() (a command, a writer) still runs only when first required.
 * Our modules and commander are bundled; every other package stays a require() of node_modules, loaded only when
 * a command needs it (exceljs, docx, SheetJS, pdf.js, tesseract.js…).
 * The training runs rank, then validate, the bundled samples with PAR_CODE_CACHE=write.
 */
const { execFileSync } = require("node:child_process");
const { mkdtempSync, readdirSync, rmSync } = require("node:fs");
const { isBuiltin } = require("node:module");
const { tmpdir } = require("node:os");
const path = require("node:path");
const { readFileSync, writeFileSync } = require("node:fs");
const { minify } = require("terser");
const webpack = require("webpack");

const ROOT = path.resolve(__dirname, "..");
const LIB = path.join(ROOT, "lib");
const SRC = path.join(ROOT, "src");
const BUNDLED_PACKAGES = new Set(["commander"]);
const CHILD_PROCESS = /^(node:)?child_process$/;
const fromCommander = (issuer) => /[\\/]node_modules[\\/]commander[\\/]/.test(issuer ?? "");

function bundle() {
  const config = {
    mode: "production",
    target: "node20",
    context: SRC,
    entry: { "cli/par": "./cli/main.ts", "cli/aggregate/worker": "./cli/aggregate/worker.ts" },
    resolve: { extensions: [".ts", ".js", ".json"] },
    module: {
      // createRequire(__filename).resolve(…) stays a resolution at run time (pdf-text.ts): webpack would otherwise
      // make it a module id of the bundle, as it does for require.resolve in an ES module. import() of our modules
      // stays in the one file (no chunk files beside it).
      parser: { javascript: { createRequire: false, dynamicImportMode: "eager" } },
      rules: [
        {
          test: /\.ts$/,
          loader: "ts-loader",
          options: {
            transpileOnly: true,
            configFile: path.join(ROOT, "tsconfig.cli.json"),
            compilerOptions: { module: "esnext", sourceMap: false },
          },
        },
      ],
    },
    output: { path: LIB, filename: "[name].bundle.js", library: { type: "commonjs2" } },
    // Node's own modules are kept external below, but for commander's child_process.
    externalsPresets: { node: false },
    externals: [
      ({ request, contextInfo }, callback) => {
        // Bundled in its place (the plugin below); the request seen here is still the original one.
        if (CHILD_PROCESS.test(request) && fromCommander(contextInfo.issuer)) return callback();
        if (isBuiltin(request)) return callback(null, `commonjs ${request}`);
        if (/^[./]/.test(request)) return callback();
        const name = request.startsWith("@") ? request.split("/").slice(0, 2).join("/") : request.split("/")[0];
        return BUNDLED_PACKAGES.has(name) ? callback() : callback(null, `commonjs ${request}`);
      },
    ],
    plugins: [
      // commander requires node:child_process at load only for subcommands run as programs, which par has none of.
      new webpack.NormalModuleReplacementPlugin(CHILD_PROCESS, (resource) => {
        if (fromCommander(resource.contextInfo.issuer)) resource.request = path.join(SRC, "cli", "lazy-child-process.ts");
      }),
    ],
    // __dirname and __filename stay the bundle's own (lib/cli): src/cli/cli-dir.ts.
    node: { __dirname: false, __filename: false },
    // Readable here; compact() below drops comments and layout.
    optimization: { minimize: false, splitChunks: false, runtimeChunk: false, concatenateModules: true },
    performance: { hints: false },
    devtool: false,
    infrastructureLogging: { level: "error" },
  };
  return new Promise((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}

const BUNDLES = ["cli/par.bundle.js", "cli/aggregate/worker.bundle.js"].map((file) => path.join(LIB, file));

/**
 * Comments and layout dropped, names kept (a user's stack trace still names our functions), ASCII only: Node reads
 * and V8 scans a one-byte file faster, and there is less of it (1,3 MB of UTF-8 becomes about 0,7 MB).
 */
async function compact() {
  const { BUNDLE_HEAD, BUNDLE_TAIL } = require(path.join(LIB, "cli", "bundle-loader.js"));
  for (const file of BUNDLES) {
    const result = await minify(readFileSync(file, "utf8"), {
      compress: false,
      mangle: false,
      keep_classnames: true,
      keep_fnames: true,
      format: { ascii_only: true, comments: false },
    });
    // Text Terser must leave as written (a String.raw template) would keep the file two-byte: write it escaped in the source.
    const wide = /[^\t\n\r\x20-\x7e]/.exec(result.code);
    if (wide) throw new Error(`${path.relative(ROOT, file)} keeps the character U+${wide[0].codePointAt(0).toString(16).toUpperCase()} near "${result.code.slice(Math.max(0, wide.index - 40), wide.index + 10)}"`);
    // Wrapped here as Node would wrap it at each start (src/cli/bundle-loader.ts).
    writeFileSync(file, `${BUNDLE_HEAD}${result.code}${BUNDLE_TAIL}`);
  }
}

function train() {
  const par = path.join(ROOT, "bin", "par.js");
  const samples = path.join(ROOT, "samples", "2026");
  const out = mkdtempSync(path.join(tmpdir(), "par-train-"));
  const env = { ...process.env, PAR_CODE_CACHE: "write" };
  const run = (args) => execFileSync(process.execPath, [par, ...args], { env, stdio: "ignore" });
  try {
    // Exit codes 1 (findings) are expected: the samples carry planted defects. The last run's cache is kept: the
    // command line's cache is validate's (a unit's check is the start that must be quick; aggregate's main thread
    // compiles what else it needs once, in a run of seconds), the worker's is aggregate's.
    const runs = [
      ["aggregate", samples, "-o", path.join(out, "xep-hang.xlsx"), "--threads", "2"],
      ["validate", path.join(samples, "so", "so-tu-phap.xlsx")],
    ];
    for (const args of runs) {
      try {
        run(args);
      } catch (e) {
        if (e.status !== 1) throw e;
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
    // A worker thread ended between writing its cache and renaming it into place leaves the temporary file.
    for (const dir of new Set(BUNDLES.map((b) => path.dirname(b)))) {
      for (const name of readdirSync(dir)) if (/\.cache\.\d+\.\d+\.tmp$/.test(name)) rmSync(path.join(dir, name), { force: true });
    }
  }
}

bundle()
  .then(compact)
  .then(train)
  .catch((e) => {
    console.error(`bundle-cli: ${e.message}`);
    process.exit(1);
  });
