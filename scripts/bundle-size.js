#!/usr/bin/env node
/**
 * Gzipped sizes of the production bundles in dist/ (run `npm run build` first), checked against the task pane's
 * budget: what a first open loads besides office.js (taskpane.js and the functions.js it shares) ≤ 250 KB gzipped;
 * the chunks loaded later (the criteria tree, the findings, the summary, the Excel layer) are listed apart.
 * Usage: node scripts/bundle-size.js [dist-folder]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_KB = 250;

function gzippedKb(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;
}

function bundleSizes(dir) {
  const sizes = {};
  for (const name of ["taskpane.js", "functions.js"]) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first`);
    sizes[name] = gzippedKb(file);
  }
  return sizes;
}

module.exports = { bundleSizes, BUDGET_KB };

if (require.main === module) {
  const dir = path.resolve(process.argv[2] || path.join(__dirname, "..", "dist"));
  const sizes = bundleSizes(dir);
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  for (const [name, kb] of Object.entries(sizes)) console.log(`${name.padEnd(14)} ${kb.toFixed(1)} KB gzipped`);
  console.log(`${"task pane".padEnd(14)} ${total.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)`);
  const later = fs.readdirSync(dir).filter((f) => f.endsWith(".js") && !(f in sizes) && !/^(office|o15|excel(?!-actions)|custom-functions-runtime)/.test(f));
  const laterKb = later.reduce((n, f) => n + gzippedKb(path.join(dir, f)), 0);
  if (later.length > 0) console.log(`${"loaded later".padEnd(14)} ${laterKb.toFixed(1)} KB gzipped (${later.length} chunks: ${later.join(", ")})`);
  if (total > BUDGET_KB) process.exit(1);
}
