#!/usr/bin/env node
"use strict";
/**
 * Benchmarks, one figure a line as `name: value unit` (`npm run bench`; `npm run bench -- --large` adds the
 * 12,000-workbook run of bench/aggregate.js).
 * rule-eval-vs-hyperformula: the core's rule evaluation against a real formula engine (HyperFormula, a
 * devDependency used here only) computing the same rules written as the nested IFs provinces type today.
 */
const { HyperFormula } = require("hyperformula");
const { parseBands, score } = require("../lib/scoring");

const CASES = 12_000;
const ROUNDS = 5;

/** Each rule in PAR notation beside the nested IF a spreadsheet would need for it (value in column A). */
const RULES = [
  ["100%: 1; 80%..<100%: 0,5; <80%: 0", (a) => `IF(ABS(${a}-1)<1E-9,1,IF(AND(${a}>=0.8,${a}<1),0.5,IF(${a}<0.8,0,0)))`],
  [">30%: 1; *: 0", (a) => `IF(${a}>0.3,1,0)`],
  [">=20: 1; *: 0", (a) => `IF(${a}>=20,1,0)`],
  [">=90%: 1; 60%..<90%: 0,5..1; *: 0", (a) => `IF(${a}>=0.9,1,IF(AND(${a}>=0.6,${a}<0.9),0.5+(${a}-0.6)/(0.9-0.6)*0.5,0))`],
  ["<=4: 1 - 0,25*x; *: 0", (a) => `IF(${a}<=4,1-0.25*${a},0)`],
];

function makeCases(n) {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const cases = [];
  for (let i = 0; i < n; i++) {
    const r = i % RULES.length;
    const value = r === 2 ? Math.floor(random() * 40) : r === 4 ? Math.floor(random() * 7) : Math.round(random() * 120) / 100;
    cases.push({ rule: r, value });
  }
  return cases;
}

function round2(x) {
  return Math.sign(x) * Math.round(Math.abs(x) * 100 * (1 + 1e-12)) / 100;
}

function timeCore(cases) {
  const out = new Array(cases.length);
  const start = performance.now();
  for (let i = 0; i < cases.length; i++) {
    const r = score(RULES[cases[i].rule][0], cases[i].value);
    out[i] = r.kind === "points" ? r.points : null;
  }
  return { ms: performance.now() - start, out };
}

function timeHyperFormula(cases) {
  const data = cases.map((c, i) => [c.value, `=${RULES[c.rule][1](`A${i + 1}`)}`]);
  const start = performance.now();
  const hf = HyperFormula.buildFromArray(data, { licenseKey: "gpl-v3" });
  const values = hf.getSheetValues(0);
  const ms = performance.now() - start;
  hf.destroy();
  return { ms, out: values.map((row) => round2(row[1])) };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function main() {
  const cases = makeCases(CASES);
  timeCore(cases.slice(0, 500));
  timeHyperFormula(cases.slice(0, 500));
  const core = [];
  const hf = [];
  let check;
  for (let i = 0; i < ROUNDS; i++) {
    const c = timeCore(cases);
    const h = timeHyperFormula(cases);
    core.push(c.ms);
    hf.push(h.ms);
    check = [c.out, h.out];
  }
  const mismatch = check[0].findIndex((v, i) => Math.abs(v - check[1][i]) > 1e-9);
  if (mismatch >= 0) {
    const c = cases[mismatch];
    throw new Error(`core and HyperFormula disagree on case ${mismatch} (${RULES[c.rule][0]} with ${c.value}): ${check[0][mismatch]} vs ${check[1][mismatch]}`);
  }
  const coreMs = median(core);
  const hfMs = median(hf);
  console.log(`rule-eval-cases: ${CASES} cases`);
  console.log(`rule-eval-core: ${Math.round(CASES / (coreMs / 1000))} cases/s`);
  console.log(`rule-eval-hyperformula: ${Math.round(CASES / (hfMs / 1000))} cases/s`);
  console.log(`rule-eval-vs-hyperformula: ${(hfMs / coreMs).toFixed(1)} x`);
}

/** --bands with a 100,000-character label: linear in its length (it once backtracked quadratically, ~10 s). */
function benchBands() {
  const text = `A${" ".repeat(100_000)}B>=90; D`;
  const start = performance.now();
  try {
    parseBands(text);
  } catch {
    // refused (the label is too long): the time to say so is what is measured
  }
  console.log(`bands-parse-100k-label: ${(performance.now() - start).toFixed(1)} ms`);
}

/**
 * `node bench/run.js --only NAME` runs only the part of the bench that prints line NAME (after `npm run build:cli`),
 * e.g. `--only validate-one-workbook`; without it, every line.
 */
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : null;
const { benchValidate, benchAggregate } = require("./core");
const { benchVsLibreOffice, benchNation, benchValidateOne } = require("./aggregate");
const PARTS = [
  [["rule-eval-vs-hyperformula", "rule-eval-core", "rule-eval-hyperformula", "rule-eval-cases"], main],
  [["bands-parse-100k-label"], benchBands],
  [["validate-10k-rows"], benchValidate],
  [["aggregate-200-workbooks"], benchAggregate],
  [["validate-one-workbook"], benchValidateOne],
  [["aggregate-vs-libreoffice-200", "aggregate-200-par", "aggregate-200-libreoffice"], benchVsLibreOffice],
  [["evidence-200-pdfs"], () => require("./evidence").benchEvidence()],
  [["aggregate-12000-workbooks"], benchNation],
];

(async () => {
  if (only) {
    const part = PARTS.find(([names]) => names.includes(only));
    if (!part) throw new Error(`no bench line ${only}; lines: ${PARTS.flatMap(([names]) => names).join(", ")}`);
    await part[1]();
    return;
  }
  main();
  benchBands();
  benchValidate();
  benchAggregate();
  await benchValidateOne();
  await benchVsLibreOffice();
  await require("./evidence").benchEvidence();
  if (process.argv.includes("--large")) await benchNation();
  else console.log("aggregate-12000-workbooks: skipped (generating 12,000 workbooks takes a while: npm run bench -- --large)");
})().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
