/**
 * Builds the Excel add-in into dist/ (layout of Microsoft's shared-runtime template):
 *   taskpane.html  loads office.js (Microsoft's CDN), functions.js and taskpane.js (one shared runtime page)
 *   functions.js   the PAR.* custom functions and the scoring core, with the webpack runtime
 *   taskpane.js    the React task pane; dependOn "functions", so both share one instance of every module
 *                  (the active catalogue switched in the pane is the one the functions read)
 *   functions.json Vietnamese metadata (custom-functions-metadata-plugin, emitted once)
 *   functions.en.json  English metadata made from it with src/functions/translations.en.json
 *   manifest.xml (its URLs set to PAR_URL_PROD in production), support.html, assets/*.png
 *
 * Environment:
 *   PAR_URL_PROD   where the production build is hosted, an https URL ending with "/" (default: the development
 *                  https://localhost:3000/); the build prints the URL it wrote into dist/manifest.xml.
 *   PAR_OFFICE_JS=local  copy office.js from @microsoft/office-js into dist/ and load it from there, for offline
 *                  development only: that npm copy is a 2022 build (no notes API) that Microsoft no longer
 *                  supports; anything deployed must load office.js from the CDN, as Office's documentation requires.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsI18nPlugin } = require("./scripts/functions-i18n");

const urlDev = "https://localhost:3000/";

/** Where the production build is hosted: PAR_URL_PROD, checked (https, ending with "/"). */
function productionUrl() {
  const wanted = process.env.PAR_URL_PROD;
  if (!wanted) return urlDev;
  const url = wanted.endsWith("/") ? wanted : `${wanted}/`;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`PAR_URL_PROD="${wanted}" is not a URL. Example: PAR_URL_PROD=https://cchc.example.gov.vn/par-scorer/`);
  }
  if (parsed.protocol !== "https:") throw new Error(`PAR_URL_PROD="${wanted}" must start with https:// (Office loads add-ins over HTTPS only).`);
  return url;
}

/** Microsoft's CDN copy of office.js, which Office's documentation requires for anything deployed. */
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * The local office.js and the files it loads from its own folder when running in Excel (the app-to-file map,
 * Excel's host scripts, the custom functions runtime, telemetry, the vi-VN / en-US strings). Already minified:
 * copied as they are.
 */
function officeJsFiles() {
  const context = path.resolve(__dirname, "node_modules/@microsoft/office-js/dist");
  const files = [
    "office.js",
    "o15apptofilemappingtable.js",
    "custom-functions-runtime.js",
    "excel*.js",
    "telemetry/*.js",
    "vi-vn/office_strings.js",
    "en-us/office_strings.js",
  ];
  return files.map((from) => ({
    from,
    context,
    to: ({ absoluteFilename }) => path.relative(context, absoluteFilename).split(path.sep).join("/"),
    globOptions: { ignore: ["**/*.debug.js"] },
    info: { minimized: true },
  }));
}

/** Says which URLs the build wrote into dist/manifest.xml and where office.js comes from. */
class BuildReportPlugin {
  constructor(manifestUrl, officeJs) {
    this.manifestUrl = manifestUrl;
    this.officeJs = officeJs;
  }

  apply(compiler) {
    compiler.hooks.done.tap("BuildReportPlugin", (stats) => {
      if (stats.hasErrors()) return;
      const lines = [`PAR Scorer: dist/manifest.xml points Excel at ${this.manifestUrl}`, `PAR Scorer: office.js from ${this.officeJs}`];
      if (this.manifestUrl === urlDev) {
        lines.push("PAR Scorer: that is the development server; for your own HTTPS host build with PAR_URL_PROD=https://your.host/path/ (see README).");
      }
      console.log(lines.join("\n"));
    });
  }
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  const urlProd = dev ? urlDev : productionUrl();
  const officeJs = process.env.PAR_OFFICE_JS === "local" ? "office.js" : OFFICE_JS_CDN;
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type checking is `npm run typecheck`: with the appended associate calls the checker reports bogus errors.
              transpileOnly: true,
              // ES modules let webpack tree-shake Fluent UI (tsconfig.json says commonjs for jest and the CLI).
              compilerOptions: { module: "es2020", sourceMap: dev },
            },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new FunctionsI18nPlugin({
        table: path.resolve(__dirname, "src/functions/translations.en.json"),
        source: "functions.json",
        output: "functions.en.json",
        helpBase: urlProd,
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        templateParameters: { officeJs },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().replace(new RegExp(urlDev, "g"), urlProd);
            },
          },
          { from: "src/support.html", to: "support.html" },
          ...(officeJs === "office.js" ? officeJsFiles() : []),
        ],
      }),
      new BuildReportPlugin(urlProd, officeJs === OFFICE_JS_CDN ? OFFICE_JS_CDN : "dist/office.js (local copy, PAR_OFFICE_JS=local)"),
    ],
    performance: {
      // Fluent UI + React make a large task pane; warn only well above it.
      maxAssetSize: 1024 * 1024,
      maxEntrypointSize: 1536 * 1024,
      assetFilter: (file) => /^(taskpane|functions)\.js$/.test(file),
    },
    devServer: {
      hot: true,
      headers: { "Access-Control-Allow-Origin": "*" },
      // webpack-dev-server's self-signed certificate; trust it once in the browser (or install office-addin-dev-certs).
      server: "https",
      port: process.env.npm_package_config_dev_server_port || 3000,
    },
  };
};
