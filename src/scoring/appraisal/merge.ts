import { Catalog, catalogLabel, LeafScore, leaves, nodeIndex, nodePart } from "../catalog";
import { Lang } from "../i18n/messages";
import { rowsByCode } from "../sheet/scores";
import { UnitRow, UnitSheet } from "../sheet/types";
import { findingText, FindingMessageKey } from "../validate/messages";
import { Finding, FindingKind, Severity } from "../validate/types";
import { formatNumber } from "../values";
import { agencyKey, assignCriteria } from "./assignment";
import { COPY_COLUMNS, FormEntry, ReadForm, Round, scoresDiffer } from "./forms";

/**
 * Merging filled forms into the units' scores.
 *
 * Round 1: each agency's form gives the appraised score and reason of its criteria for every unit. Round 2: each
 * unit's form gives, for the criteria whose appraised score differed from its own, the unit's explanation and the
 * council's final score; the other criteria keep their round-1 score as final.
 *
 * Severities: a conflict, a row that matches nothing, an unreadable or out-of-range score and a missing score are
 * errors (the command exits 1): each leaves a figure of the appraised index wrong or unknown (a blank appraised
 * cell counts 0 points). A changed score without a reason is a warning: the figure itself is right, only the minutes
 * (biên bản) lack the reason; the clerk adds it without the index changing.
 */

export interface MergeUnit {
  /** The unit's name, as its workbook states it (form rows name units this way). */
  unit: string;
  /** The unit's sheet, prepared for the catalogue (its rows by code give where each score goes). */
  sheet: UnitSheet;
  /** The unit's self scores per leaf. */
  self: ReadonlyMap<string, LeafScore>;
  /** Round 2: the round-1 appraised score per leaf (absent in round 1). */
  previous?: ReadonlyMap<string, LeafScore>;
}

export interface MergedCriterion {
  code: string;
  score: LeafScore;
  reason: string | null;
  /** Round 2: the unit's explanation. */
  explanation: string | null;
  /** The form and cell the score came from; null for a round-2 criterion that kept its round-1 score. */
  form: string | null;
  cell: string | null;
  /** The unit's row of this criterion (where the copy gets the score). */
  row: UnitRow;
}

export interface UnitMerge {
  unit: MergeUnit;
  criteria: Map<string, MergedCriterion>;
  findings: Finding[];
}

export interface MergeResult {
  units: UnitMerge[];
  /** Rows naming a unit that is not among those given (they belong to no unit). */
  findings: Finding[];
}

type Params = Record<string, string | number>;

const unitKey = (name: string) => agencyKey(name);

/** Merges the forms of `round` into the units' scores; every form row is used or reported. */
export function mergeForms(round: Round, catalog: Catalog, units: MergeUnit[], forms: ReadForm[], lang: Lang = "vi"): MergeResult {
  const assignment = assignCriteria(catalog);
  const nodes = nodeIndex(catalog);
  const appraisedLeaves = leaves(catalog).filter((n) => !nodePart(catalog, n.code).survey);
  const byUnit = new Map<string, UnitMerge>();
  const result: MergeResult = { units: [], findings: [] };
  for (const u of units) {
    const merge: UnitMerge = { unit: u, criteria: new Map(), findings: [] };
    result.units.push(merge);
    if (!byUnit.has(unitKey(u.unit))) byUnit.set(unitKey(u.unit), merge);
  }
  const pts = (x: LeafScore | undefined) => (typeof x === "number" ? formatNumber(x, lang) : x === "notApplicable" ? "Không áp dụng" : "—");
  const say = (key: FindingMessageKey, p: Params) => findingText(key, p, lang);
  const make = (kind: FindingKind, severity: Severity, code: string | null, sheet: string, cell: string, key: FindingMessageKey, p: Params): Finding => ({
    kind,
    severity,
    code,
    sheet,
    cell,
    message: say(key, { cell, code: code ?? "", ...p }),
  });
  const column = say(round === 1 ? "column.appraised" : "column.final", {});
  const reasonColumn = round === 1 ? "Lý do" : COPY_COLUMNS.reason2;
  const unitNames = units.map((u) => u.unit).join(", ");

  // Each form row: to its unit and criterion, or reported.
  const taken = new Map<UnitMerge, Map<string, FormEntry[]>>();
  const blanks = new Map<UnitMerge, Map<string, FormEntry>>();
  const reported = new Map<UnitMerge, Set<string>>();
  const report = (merge: UnitMerge, code: string) => {
    if (!reported.has(merge)) reported.set(merge, new Set());
    reported.get(merge)!.add(code);
  };
  for (const form of forms) {
    for (const e of form.entries) {
      const merge = byUnit.get(unitKey(e.unit));
      if (!merge) {
        result.findings.push(make("appraisal-unknown", "error", e.code || null, e.sheet, e.unitCell, "appraisal-unknown.unit", { row: e.row, form: e.form, unit: e.unit, units: unitNames }));
        continue;
      }
      const node = nodes.get(e.code);
      if (!node || node.children.length > 0 || nodePart(catalog, node.code).survey) {
        merge.findings.push(make("appraisal-unknown", "error", e.code || null, e.sheet, e.codeCell, "appraisal-unknown.code", { row: e.row, form: e.form, catalog: catalogLabel(catalog) }));
        continue;
      }
      const assigned = assignment.agencyOf.get(node.code) ?? null;
      if (round === 1 && e.agency && assigned && agencyKey(assigned) !== agencyKey(e.agency)) {
        merge.findings.push(make("appraisal-unknown", "error", node.code, e.sheet, e.codeCell, "appraisal-unknown.agency", { row: e.row, form: e.form, assigned, agency: e.agency }));
        continue;
      }
      const base = { unit: merge.unit.unit, form: e.form, column, text: e.text, max: node.max === null ? "—" : formatNumber(node.max, lang) };
      if (e.score === "invalid") {
        merge.findings.push(make("score-invalid", "error", node.code, e.sheet, e.scoreCell, "score-invalid.appraisal", { ...base, why: say("appraisal.notNumber", {}) }));
        report(merge, node.code);
        continue;
      }
      if (typeof e.score === "number" && (e.score < 0 || (node.max !== null && e.score > node.max + 0.005))) {
        merge.findings.push(make("score-invalid", "error", node.code, e.sheet, e.scoreCell, "score-invalid.appraisal", { ...base, why: say("appraisal.outOfRange", {}) }));
        report(merge, node.code);
        continue;
      }
      if (e.score === null) {
        if (!blanks.has(merge)) blanks.set(merge, new Map());
        if (!blanks.get(merge)!.has(node.code)) blanks.get(merge)!.set(node.code, e);
        continue;
      }
      if (!taken.has(merge)) taken.set(merge, new Map());
      const list = taken.get(merge)!.get(node.code) ?? [];
      list.push(e);
      taken.get(merge)!.set(node.code, list);
    }
  }

  for (const merge of result.units) {
    const u = merge.unit;
    const rows = rowsByCode(u.sheet);
    const scored = taken.get(merge) ?? new Map<string, FormEntry[]>();
    const conflicted = new Set<string>();
    for (const [code, list] of scored) {
      const first = list[0];
      const other = list.find((e) => scoresDiffer(e.score as LeafScore, first.score as LeafScore));
      if (other) {
        conflicted.add(code);
        merge.findings.push(
          make("appraisal-conflict", "error", code, first.sheet, first.scoreCell, "appraisal-conflict", {
            unit: u.unit,
            form: first.form,
            value: pts(first.score as LeafScore),
            other: other.form,
            otherCell: `${other.sheet}!${other.scoreCell}`,
            otherValue: pts(other.score as LeafScore),
          }),
        );
        continue;
      }
      const row = rows.get(code);
      if (!row) {
        merge.findings.push(make("appraisal-unknown", "error", code, first.sheet, first.scoreCell, "appraisal-unknown.noRow", { form: first.form, unit: u.unit, sheet: u.sheet.sheet }));
        report(merge, code);
        continue;
      }
      const reason = list.map((e) => e.reason).find((r) => r !== null) ?? null;
      const explanation = list.map((e) => e.explanation).find((r) => r !== null) ?? null;
      const score = first.score as LeafScore;
      merge.criteria.set(code, { code, score, reason, explanation, form: first.form, cell: first.scoreCell, row });
      const before = round === 1 ? u.self.get(code) : u.previous?.get(code);
      if (reason === null && scoresDiffer(score, before)) {
        merge.findings.push(
          make("appraisal-no-reason", "warning", code, first.sheet, first.scoreCell, "appraisal-no-reason", {
            unit: u.unit,
            column,
            value: pts(score),
            self: pts(before),
            form: first.form,
            reasonColumn,
          }),
        );
      }
    }

    // The criteria still without a score.
    for (const node of appraisedLeaves) {
      const code = node.code;
      if (merge.criteria.has(code) || conflicted.has(code)) continue;
      // A row already reported (a score that is no number or out of range, a criterion of another agency) is not
      // reported again as missing: fixing that row is what is needed.
      if (reported.get(merge)?.has(code)) continue;
      const previous = u.previous?.get(code);
      const row = rows.get(code);
      if (round === 2 && !scoresDiffer(u.self.get(code), previous)) {
        // Not disputed: its round-1 score is final.
        if (row && previous !== undefined) merge.criteria.set(code, { code, score: previous, reason: null, explanation: null, form: null, cell: null, row });
        continue;
      }
      if (round === 2 && (previous === undefined || previous === null)) continue;
      const blank = blanks.get(merge)?.get(code);
      const agency = assignment.agencyOf.get(code) ?? null;
      const where = blank
        ? say("appraisal-missing.formCell", { form: blank.form, cell: `${blank.sheet}!${blank.scoreCell}` })
        : round === 2 || agency
          ? say("appraisal-missing.noForm", { agency: round === 2 ? u.unit : agency! })
          : say("appraisal-missing.unassigned", {});
      const fix = round === 1 && !agency && !blank ? say("appraisal-missing.fixUnassigned", {}) : say("appraisal-missing.fixForm", {});
      const cell = blank ? blank.scoreCell : (row?.codeCell.cell ?? "A1");
      merge.findings.push(make("appraisal-missing", "error", code, blank ? blank.sheet : u.sheet.sheet, cell, "appraisal-missing", { unit: u.unit, column, where, fix }));
    }
  }
  return result;
}
