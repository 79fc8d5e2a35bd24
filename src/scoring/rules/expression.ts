import { ParError } from "../errors";
import { t } from "../i18n/messages";
import { Expr } from "./types";

/**
 * Arithmetic over x (the value) and max (the criterion's maximum): numbers with "," or "." decimals and
 * optional %, + - * /, parentheses. A small recursive-descent parser; nothing is ever evaluated as code.
 */
interface Token {
  kind: "num" | "var" | "op" | "lparen" | "rparen";
  text: string;
  value?: number;
  offset: number;
}

const MAX_DEPTH = 64;

function tokenize(text: string, base: number): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:[.,]\d+)?%?)|(x|max)\b|([+\-*/×])|(\()|(\)))/iy;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(text);
    if (!m) {
      const at = pos + (text.slice(pos).length - text.slice(pos).trimStart().length);
      throw exprError(text, base + at, detail("rule.exprUnexpected", { token: text[at] }));
    }
    const offset = pos + m[0].length - m[0].trimStart().length;
    if (m[1]) {
      const raw = m[1];
      const percent = raw.endsWith("%");
      const n = Number(raw.replace("%", "").replace(",", "."));
      if (!Number.isFinite(n)) {
        throw new ParError("rule.numberTooLarge", { text: raw.length > 40 ? `${raw.slice(0, 20)}…` : raw }, base + offset);
      }
      tokens.push({ kind: "num", text: raw, value: percent ? n / 100 : n, offset });
    } else if (m[2]) tokens.push({ kind: "var", text: m[2].toLowerCase(), offset });
    else if (m[3]) tokens.push({ kind: "op", text: m[3] === "×" ? "*" : m[3], offset });
    else if (m[4]) tokens.push({ kind: "lparen", text: "(", offset });
    else tokens.push({ kind: "rparen", text: ")", offset });
    pos = re.lastIndex;
  }
  return tokens;
}

/** What is wrong in an expression, in both languages: the message is rendered later, in the user's language. */
interface Detail {
  vi: string;
  en: string;
}

function detail(key: "rule.exprUnexpected" | "rule.exprEnd" | "rule.exprParen", params: Record<string, string> = {}): Detail {
  return { vi: t(key, params, "vi"), en: t(key, params, "en") };
}

function exprError(text: string, position: number, d: Detail): ParError {
  return new ParError("rule.badExpression", { text: text.trim(), detail: d.vi, detailEn: d.en }, position);
}

/** Parses a points expression; `base` is the 1-based position of text[0] in the whole rule. */
export function parseExpression(text: string, base: number): Expr {
  const tokens = tokenize(text, base);
  let i = 0;
  const endPosition = base + text.trimEnd().length;
  const peek = () => tokens[i];
  const fail = (tok: Token | undefined, why?: Detail): never => {
    if (!tok) throw exprError(text, endPosition, why ?? detail("rule.exprEnd"));
    throw exprError(text, base + tok.offset, why ?? detail("rule.exprUnexpected", { token: tok.text }));
  };

  function sum(depth: number): Expr {
    let left = product(depth);
    while (peek()?.kind === "op" && (peek().text === "+" || peek().text === "-")) {
      const op = tokens[i++].text as "+" | "-";
      left = { kind: "bin", op, left, right: product(depth) };
    }
    return left;
  }
  function product(depth: number): Expr {
    let left = unary(depth);
    while (peek()?.kind === "op" && (peek().text === "*" || peek().text === "/")) {
      const op = tokens[i++].text as "*" | "/";
      left = { kind: "bin", op, left, right: unary(depth) };
    }
    return left;
  }
  function unary(depth: number): Expr {
    if (depth > MAX_DEPTH) fail(peek());
    const tok = peek();
    if (tok?.kind === "op" && (tok.text === "-" || tok.text === "+")) {
      i++;
      const operand = unary(depth + 1);
      return tok.text === "-" ? { kind: "neg", operand } : operand;
    }
    return primary(depth);
  }
  function primary(depth: number): Expr {
    const tok = tokens[i++];
    if (!tok) return fail(undefined);
    if (tok.kind === "num") return { kind: "num", value: tok.value! };
    if (tok.kind === "var") return { kind: "var", name: tok.text as "x" | "max" };
    if (tok.kind === "lparen") {
      const inner = sum(depth + 1);
      if (peek()?.kind !== "rparen") fail(peek(), peek() ? undefined : detail("rule.exprParen"));
      i++;
      return inner;
    }
    return fail(tok);
  }

  if (tokens.length === 0) fail(undefined);
  const expr = sum(0);
  if (i < tokens.length) fail(tokens[i]);
  return expr;
}

export function usesVariable(expr: Expr, name: "x" | "max"): boolean {
  switch (expr.kind) {
    case "num":
      return false;
    case "var":
      return expr.name === name;
    case "neg":
      return usesVariable(expr.operand, name);
    case "bin":
      return usesVariable(expr.left, name) || usesVariable(expr.right, name);
  }
}

/** Why an expression has no value: a division by zero, or max used where the criterion has none. */
export class EvaluationFailure {
  constructor(readonly reason: "divByZero" | "needsMax") {}
}

/** Evaluates; throws an EvaluationFailure for a division by zero or a missing max (the caller words it). */
export function evaluateExpression(expr: Expr, vars: { x: number; max: number | null }): number {
  switch (expr.kind) {
    case "num":
      return expr.value;
    case "var":
      if (expr.name === "x") return vars.x;
      if (vars.max === null) throw new EvaluationFailure("needsMax");
      return vars.max;
    case "neg":
      return -evaluateExpression(expr.operand, vars);
    case "bin": {
      const a = evaluateExpression(expr.left, vars);
      const b = evaluateExpression(expr.right, vars);
      switch (expr.op) {
        case "+":
          return a + b;
        case "-":
          return a - b;
        case "*":
          return a * b;
        case "/":
          if (b === 0) throw new EvaluationFailure("divByZero");
          return a / b;
      }
    }
  }
}
