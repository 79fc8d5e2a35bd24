/**
 * Builds the Excel add-in into dist/ (layout of Microsoft's shared-runtime template):
 *   taskpane.html  loads office.js, functions.js and taskpane.js (one shared runtime page)
 *   functions.js   the PAR.* custom functions and the scoring core, with the webpack runtime
 *   taskpane.js    the React task pane; dependOn "functions", so both share one instance of every module
 *                  (the active catalogue switched in the pane is the one the functions read)
 *   functions.json Vietnamese metadata (custom-functions-metadata-plugin, emitted once)
 *   functions.en.json  English metadata made from it with src/functions/translations.en.json
 *   manifest.xml, assets/*.png, office.js (local copy)
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { FunctionsI18nPlugin } = require("./scripts/functions-i18n");

const urlDev = "https://localhost:3000/";
/** Where the production build is hosted (ends with "/"). Unset: the manifest keeps the localhost URLs. */
const urlProd = process.env.PAR_URL_PROD || urlDev;

/**
 * office.js is served from dist/ (copied from @microsoft/office-js) because Microsoft's CDN cannot be reached
 * everywhere this is built and tested. Production may load it from the CDN instead (build with
 * PAR_OFFICE_JS=cdn): inside Office, office.js loads its host scripts from the folder it was loaded from.
 */
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

module.exports = (env, options) => {
  const dev = options.mode === "development";
  const officeJs = process.env.PAR_OFFICE_JS === "cdn" ? OFFICE_JS_CDN : "office.js";
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
          ...(officeJs === "office.js" ? officeJsFiles() : []),
        ],
      }),
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
