#!/usr/bin/env node
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");

/** The CLI from its bundle and code cache (scripts/bundle-cli.js) when built, else from tsc's files. */
function loadCli() {
  const bundle = join(__dirname, "..", "lib", "cli", "par.bundle.js");
  if (existsSync(bundle)) return require("../lib/cli/bundle-loader.js").requireBundle(bundle);
  return require("../lib/cli/main.js");
}

let cli;
try {
  cli = loadCli();
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("lib/cli/main")) {
    process.stderr.write("PAR Scorer chưa được biên dịch. Chạy: npm install (hoặc npm run build:cli)\n");
    process.exit(2);
  }
  throw e;
}
cli.main();
