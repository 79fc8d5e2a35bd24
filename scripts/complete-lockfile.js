#!/usr/bin/env node
"use strict";
// Run after `npm install` changes dependencies: npm 11 leaves the other platforms' optional resolver bindings
// (pulled by jest 30) out of package-lock.json, and `npm ci` then refuses the lockfile. Entries are inferred from
// the binding names; npm installs only the one matching the machine.
const fs = require("fs");
const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
const pkgs = lock.packages;
let added = 0;
for (const meta of Object.values(pkgs)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies || {})) {
    const key = `node_modules/${dep}`;
    if (pkgs[key]) continue;
    const m = /resolver-binding-([a-z0-9]+)-([a-z0-9]+)(?:-(gnu|musl|gnueabihf|musleabihf|eabi|msvc))?$/.exec(dep);
    if (!m) { console.error("cannot infer", dep); continue; }
    const [, os, cpu, abi] = m;
    const libc = abi === "gnu" || abi === "gnueabihf" ? ["glibc"] : abi === "musl" || abi === "musleabihf" ? ["musl"] : null;
    // Fields in npm's order: version, then alphabetical.
    const entry = { version, cpu: [cpu], dev: !!meta.dev, ...(libc ? { libc } : {}), license: "MIT", optional: true, os: [os] };
    pkgs[key] = entry;
    added++;
  }
}
// npm's own order (root first, then by path), so a later `npm install` leaves the file as it is.
const ordered = {};
for (const key of Object.keys(pkgs).sort((a, b) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b, "en")))) ordered[key] = pkgs[key];
lock.packages = ordered;
fs.writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log("added", added);
