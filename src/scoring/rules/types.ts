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
  /**
   * A deduction ("1 - 0,25*x": an expression with a subtraction, not itself written negative) stops at 0: only
   * points written negative ("-1", "-0,25*x") take a criterion below 0.
   */
  floorAtZero: boolean;
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
  /** A named outcome ("Ban hành kịp thời"), written in quotes; `key` is its folded form, which values are matched on. */
  | { kind: "label"; text: string; key: string }
  | { kind: "any" };

export type Points =
  | { kind: "constant"; value: number }
  /** Linear interpolation over the band's range condition: low at its lower bound, high at its upper bound. */
  | { kind: "linear"; low: number; high: number }
  | { kind: "expression"; expr: Expr; text: string }
  /** A share of the criterion's maximum: "điểm tối đa" (1), "75% điểm tối đa" / "75% max" (0.75). */
  | { kind: "share"; share: number; text: string };

export type Expr =
  | { kind: "num"; value: number }
  | { kind: "var"; name: "x" | "max" }
  | { kind: "neg"; operand: Expr }
  | { kind: "bin"; op: "+" | "-" | "*" | "/"; left: Expr; right: Expr };
