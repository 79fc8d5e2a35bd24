#!/usr/bin/env node
"use strict";
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (e) {
  if (e && e.code === "MODULE_NOT_FOUND" && String(e.message).includes("lib/cli/main")) {
    process.stderr.write("PAR Scorer chưa được biên dịch. Chạy: npm install (hoặc npm run build:cli)\n");
    process.exit(2);
  }
  throw e;
}
cli.main();
