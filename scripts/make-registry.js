#!/usr/bin/env node
/**
 * Builds data/don-vi-hanh-chinh-2025.json.gz, the registry of official administrative units after 1 July 2025
 * (34 provinces and cities, 3,321 commune-level units: code, official name, kind, province, predecessors), from a
 * checkout of the public repository thanglequoc/vietnamese-provinces-database (MIT licence):
 *
 *   node scripts/make-registry.js PATH_TO_CHECKOUT [COMMIT_DATE]
 *
 * Units, names and kinds come from its json/full_json_generated_data_vn_units_*.json; the predecessors ("trước sáp
 * nhập") from dataset-generation-scripts/resources/gis/sapnhapbando_geo_objects.sql, a copy of the official map of
 * the 2025 rearrangement. Predecessors are kept only where the text names whole units ("Xã Chà Cang", "Thị trấn
 * Tủa Chùa", "Huyện Bạch Long Vĩ"); parts of units ("một phần diện tích…") are left out.
 *
 * Layout (compact arrays, gzip): { source, licence, date, kinds, provinces: [[code, name, fullName]],
 *   units: [[code, name, kind index, province code, [predecessor, …]?]] }.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const [, , dir, date] = process.argv;
if (!dir) {
  console.error("Cần đường dẫn tới bản sao của thanglequoc/vietnamese-provinces-database");
  process.exit(2);
}
const jsonDir = path.join(dir, "json");
const full = fs.readdirSync(jsonDir).find((f) => f.startsWith("full_json_generated_data_vn_units_"));
const provinces = JSON.parse(fs.readFileSync(path.join(jsonDir, full), "utf8"));
const sql = fs.readFileSync(path.join(dir, "dataset-generation-scripts/resources/gis/sapnhapbando_geo_objects.sql"), "utf8");

/** code → predecessors text, from the rows ('code', 'name', 'province', 'link', 'before', …). */
const before = new Map();
const row = /^\s*\('(\d+)',\s*'((?:[^']|'')*)',\s*(?:'\d+'|NULL),\s*'(?:[^']|'')*',\s*'((?:[^']|'')*)'/gm;
for (const m of sql.matchAll(row)) before.set(m[1], m[3].replace(/''/g, "'"));

const KIND_WORDS = /^(phường|xã|thị trấn|đặc khu|huyện|thị xã|quận|thành phố)\s+(.+)$/i;
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
function predecessors(text) {
  if (!text || /^giữ nguyên$/i.test(text.trim())) return [];
  const out = [];
  const plain = text.replace(/\([^)]*\)/g, " ").replace(/\s+/g, " ");
  for (const piece of plain.split(/,|;|\svà\s/)) {
    const m = piece.trim().match(KIND_WORDS);
    if (!m) continue;
    const name = m[2].trim();
    if (/\s(sau khi|phần còn lại)/i.test(name) || name.split(" ").length > 6) continue;
    const item = `${cap(m[1])} ${name}`;
    if (!out.includes(item)) out.push(item);
  }
  return out;
}

const KINDS = ["Phường", "Xã", "Đặc khu"];
const units = [];
for (const p of provinces) {
  for (const w of p.Wards) {
    const kind = KINDS.indexOf(w.AdministrativeUnitShortName);
    if (kind < 0) throw new Error(`unknown kind ${w.AdministrativeUnitShortName}`);
    const pred = predecessors(before.get(w.Code));
    units.push(pred.length ? [w.Code, w.Name, kind, p.Code, pred] : [w.Code, w.Name, kind, p.Code]);
  }
}
const out = {
  source: "thanglequoc/vietnamese-provinces-database (MIT)",
  file: full,
  date: date ?? null,
  kinds: ["ward", "commune", "special-zone"],
  provinces: provinces.map((p) => [p.Code, p.Name, p.FullName]),
  units,
};
const target = path.join(__dirname, "..", "data", "don-vi-hanh-chinh-2025.json.gz");
fs.writeFileSync(target, zlib.gzipSync(JSON.stringify(out), { level: 9, mtime: 0 }));
const withPred = units.filter((u) => u[4]).length;
console.log(`${provinces.length} tỉnh, ${units.length} đơn vị cấp xã (${withPred} có đơn vị trước sáp nhập) → ${path.relative(process.cwd(), target)} (${fs.statSync(target).size} byte)`);
