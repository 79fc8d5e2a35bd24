"use strict";
/**
 * Benchmarks of the checking core on grids built in memory (file reading is measured apart):
 *   validate-10k-rows        one unit sheet of 10,000 criterion rows read and validated
 *   aggregate-200-workbooks  200 unit sheets read, validated, summarised and ranked
 */
const core = require("../lib/scoring");

/** A catalogue of 10 fields × 30 criteria × `subs` sub-criteria, each with a rule, evidence and a deadline. */
function syntheticCatalog(subs) {
  const nodes = [];
  for (let f = 1; f <= 10; f++) {
    const criteria = [];
    for (let c = 1; c <= 30; c++) {
      const children = [];
      for (let s = 1; s <= subs; s++) {
        children.push({
          code: `${f}.${c}.${s}`,
          name: `Tiêu chí thành phần ${f}.${c}.${s}`,
          max: 1,
          rule: "100%: 1; 80%..<100%: 0,5; *: 0",
          evidence: ["Kế hoạch CCHC năm", "Báo cáo CCHC năm"],
          deadline: "Ngày 30/12/2018",
        });
      }
      criteria.push({ code: `${f}.${c}`, name: `Tiêu chí ${f}.${c}`, children });
    }
    nodes.push({ code: String(f), name: `Lĩnh vực ${f}`, children: criteria });
  }
  return core.parseCatalog({ id: "bench", name: "Bench", year: 2018, nodes }, "bench.json");
}

/** A unit sheet for the catalogue: every node a row, realistic cells, a defect every 50 rows. */
function unitGrid(catalog, name) {
  const values = [["BẢNG TỰ CHẤM ĐIỂM"], [`Đơn vị: ${name}`], ["Mã", "Tiêu chí", "Điểm tối đa", "Kết quả", "Điểm tự chấm", "Tài liệu kiểm chứng", "Giải trình"]];
  let i = 0;
  const visit = (node) => {
    const max = core.effectiveMax(node);
    if (node.children.length === 0) {
      i++;
      const defect = i % 50 === 0;
      values.push([
        node.code,
        node.name,
        max,
        defect ? 0.85 : 1,
        defect ? 1 : 1,
        // Every cell its own documents (real sheets rarely repeat a reference), so no cache can flatter the figure.
        defect ? null : `Kế hoạch CCHC năm 2018 số ${i}/KH-UBND ngày ${1 + (i % 28)}/12/2017\nBáo cáo CCHC năm 2018 số ${i + 30}/BC-UBND ngày ${1 + (i % 9)}/12/2018`,
        null,
      ]);
    } else {
      values.push([node.code, node.name, max, null, max, null, null]);
      node.children.forEach(visit);
    }
  };
  catalog.nodes.forEach(visit);
  return { name: "Tự đánh giá", values };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeIt(fn, rounds) {
  fn();
  const times = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function benchValidate() {
  const catalog = syntheticCatalog(33); // 10 × 30 × 33 = 9,900 leaves + 310 parents = 10,210 rows
  const grid = unitGrid(catalog, "Sở Bench");
  let findings = 0;
  const ms = timeIt(() => {
    const unit = core.readUnitSheet(grid, "bench");
    findings = core.validateUnit(unit, catalog).length;
  }, 7);
  if (findings === 0) throw new Error("bench sheet should have planted findings");
  console.log(`validate-10k-rows: ${ms.toFixed(1)} ms`);
}

function benchAggregate() {
  const catalog = core.builtinCatalog("dien-bien-2018");
  const grids = [];
  for (let u = 0; u < 200; u++) grids.push(unitGrid(catalog, `Đơn vị ${u + 1}`));
  const ms = timeIt(() => {
    const units = grids.map((grid, u) => {
      const unit = core.readUnitSheet(grid, `u${u}`);
      const findings = core.validateUnit(unit, catalog);
      return { summary: core.buildSummary(unit, catalog, findings), group: u % 2 ? "Sở, ban, ngành" : "UBND cấp huyện", source: null };
    });
    core.rankingSheet(core.buildRanking(units));
  }, 3);
  console.log(`aggregate-200-workbooks: ${(ms / 1000).toFixed(3)} s`);
  console.log(`aggregate-200-workbooks-rate: ${Math.round(200 / (ms / 1000))} workbooks/s`);
}

module.exports = { benchValidate, benchAggregate, unitGrid };
