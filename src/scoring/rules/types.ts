/** A scoring rule: bands tried top to bottom; the first whose condition matches the value gives the points. */
export interface Rule {
  source: string;
  bands: Band[];
}

export interface Band {
  condition: Condition;
  points: Points;
  /** The band's text as written, trimmed ("80%..<100%: 0,5"). */
  text: string;
  /** 1-based character position of the band in the rule source. */
  position: number;
}

export type ComparisonOp = ">=" | ">" | "<=" | "<" | "=";

/** Numbers in conditions are plain numbers: percentages as fractions, dates as Excel serials. */
export interface Bound {
  value: number;
  percent: boolean;
  date: boolean;
}

export type Condition =
  | { kind: "compare"; op: ComparisonOp; bound: Bound }
  | { kind: "range"; low: Bound; high: Bound; highExclusive: boolean }
  | { kind: "boolean"; value: boolean }
  | { kind: "any" };

export type Points =
  | { kind: "constant"; value: number }
  /** Linear interpolation over the band's range condition: low at its lower bound, high at its upper bound. */
  | { kind: "linear"; low: number; high: number }
  | { kind: "expression"; expr: Expr; text: string };

export type Expr =
  | { kind: "num"; value: number }
  | { kind: "var"; name: "x" | "max" }
  | { kind: "neg"; operand: Expr }
  | { kind: "bin"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr };
