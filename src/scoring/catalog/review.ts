/**
 * The review of an imported table, for a person to sign off each rule: per criterion its wording as published, the
 * rule made from it, how it was read (exactly, with an assumption, not read) and three example values with their
 * points. Pure: the command line writes it as a workbook (`par catalog import --review`), the pane shows the states.
 */
import { Lang, t } from "../i18n/messages";
import { parseRule, score } from "../rules";
import type { Condition } from "../rules";
import { formatDate } from "../values";
import type { CriterionReading, ReadingState, TableImport } from "./table";

export interface RuleExample {
  /** The value as a clerk would type it ("95%", "0", "15/12/2025", "Đạt"). */
  value: string;
  points: number;
}

export interface ReviewRow {
  code: string;
  name: string;
  max: number | null;
  wording: string;
  cells: string;
  rule: string;
  state: ReadingState;
  /** The state in words, with what was assumed or why it was not read. */
  how: string;
  examples: RuleExample[];
}

const number = (x: number) => String(Math.round(x * 10000) / 10000).replace(".", ",");
const percent = (x: number) => `${number(x * 100)}%`;

/** The value that stands for a condition, and a neighbour one step inside it. */
function valuesOf(condition: Condition): string[] {
  const show = (value: number, b: { percent: boolean; date: boolean }) => (b.date ? formatDate(value) : b.percent ? percent(value) : number(value));
  const within = (values: string[], b: { percent: boolean }) => (b.percent ? values.filter((v) => Number(v.replace("%", "").replace(",", ".")) <= 100) : values);
  const step = (b: { value: number; percent: boolean; date: boolean }) => (b.percent ? 0.05 : b.date ? 1 : Number.isInteger(b.value) ? 1 : 0.1);
  switch (condition.kind) {
    case "compare": {
      const b = condition.bound;
      const s = step(b);
      if (condition.op === "=") return [show(b.value, b)];
      if (condition.op === ">=") return within([show(b.value, b), show(b.value + s, b), show(b.value + 2 * s, b)], b);
      if (condition.op === ">") return within([show(b.value + s, b), show(b.value + 2 * s, b)], b);
      if (condition.op === "<=") return [show(b.value, b)];
      return b.value - s >= 0 || b.date ? [show(b.value - s, b)] : [];
    }
    case "range":
      return [show(condition.low.value, condition.low)];
    case "boolean":
      return [condition.value ? "có" : "không"];
    case "label":
      return [condition.text];
    case "any":
      return [];
  }
}

/** Three values a rule scores, each from its own band first (then more from its open bands), with their points. */
export function ruleExamples(rule: string, max: number | null, count = 3): RuleExample[] {
  const parsed = parseRule(rule);
  const candidates = parsed.bands.map((b) => valuesOf(b.condition));
  const chosen: string[] = [];
  for (let depth = 0; chosen.length < count && candidates.some((c) => c.length > depth); depth++) {
    for (const c of candidates) if (c[depth] !== undefined && !chosen.includes(c[depth]) && chosen.length < count) chosen.push(c[depth]);
  }
  const out: RuleExample[] = [];
  for (const value of chosen) {
    const r = score(rule, value, max);
    if (r.kind === "points") out.push({ value, points: r.points });
  }
  return out;
}

/** A criterion's reading in words: "đọc đúng nguyên văn", "đọc với giả định: …", "chưa đọc được: …". */
export function readingText(c: CriterionReading, lang: Lang = "vi"): string {
  const head = t(`import.state.${c.state}`, {}, lang);
  if (c.state === "assumption") return `${head}: ${c.assumptions.map((a) => t(`import.assume.${a.key}`, a.params, lang)).join("; ")}`;
  if (c.state === "notRead" && c.reasons.length > 0) return `${head}: ${[...new Set(c.reasons)].map((r) => t(`import.reason.${r}`, {}, lang)).join("; ")}`;
  return head;
}

export function reviewRows(table: TableImport, lang: Lang = "vi"): ReviewRow[] {
  return table.criteria.map((c) => ({
    code: c.code,
    name: c.name,
    max: c.max,
    wording: c.wording.join("\n"),
    cells: c.wordingCells.join(", "),
    rule: c.rule ?? "",
    state: c.state,
    how: readingText(c, lang),
    examples: c.rule ? ruleExamples(c.rule, c.max) : [],
  }));
}

/** How many criteria are in each state. */
export function readingCounts(table: TableImport): Record<ReadingState, number> {
  const counts: Record<ReadingState, number> = { exact: 0, assumption: 0, notRead: 0, noWording: 0 };
  for (const c of table.criteria) counts[c.state]++;
  return counts;
}
