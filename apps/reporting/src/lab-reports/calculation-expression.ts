/**
 * The safe evaluator of report calculations: `+ - * /`, parentheses, numbers and `{index}`
 * references to other parameters. A tiny recursive-descent parser — never eval/Function, so a
 * stored expression can only ever compute a number.
 */
export type Expr =
  | { kind: 'num'; value: number }
  | { kind: 'ref'; index: number }
  | { kind: 'neg'; operand: Expr }
  | { kind: 'bin'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export class ExpressionError extends Error {}

type Token = { t: 'num'; v: number } | { t: 'ref'; v: number } | { t: 'op'; v: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === ' ' || c === '\t') { i += 1; continue; }
    if ('+-*/()'.includes(c)) { tokens.push({ t: 'op', v: c }); i += 1; continue; }
    const num = /^(\d+(\.\d+)?|\.\d+)/.exec(source.slice(i));
    if (num) { tokens.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    const ref = /^\{\s*(\d+)\s*\}/.exec(source.slice(i));
    if (ref) { tokens.push({ t: 'ref', v: Number(ref[1]) }); i += ref[0].length; continue; }
    throw new ExpressionError(`unexpected character '${c}' at position ${i + 1}`);
  }
  return tokens;
}

export function parseExpression(source: string): Expr {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (v: string): boolean => { const t = peek(); return t?.t === 'op' && t.v === v; };

  const factor = (depth: number): Expr => {
    if (depth > 100) throw new ExpressionError('expression is nested too deeply');
    const t = peek();
    if (!t) throw new ExpressionError('unexpected end of expression');
    pos += 1;
    if (t.t === 'num') return { kind: 'num', value: t.v };
    if (t.t === 'ref') return { kind: 'ref', index: t.v };
    if (t.v === '-') return { kind: 'neg', operand: factor(depth + 1) };
    if (t.v === '+') return factor(depth + 1);
    if (t.v === '(') {
      const inner = sum(depth + 1);
      if (!isOp(')')) throw new ExpressionError('missing closing parenthesis');
      pos += 1;
      return inner;
    }
    throw new ExpressionError(`unexpected '${t.v}'`);
  };
  const product = (depth: number): Expr => {
    let left = factor(depth);
    while (isOp('*') || isOp('/')) {
      const op = (tokens[pos] as { v: '*' | '/' }).v;
      pos += 1;
      left = { kind: 'bin', op, left, right: factor(depth) };
    }
    return left;
  };
  const sum = (depth: number): Expr => {
    let left = product(depth);
    while (isOp('+') || isOp('-')) {
      const op = (tokens[pos] as { v: '+' | '-' }).v;
      pos += 1;
      left = { kind: 'bin', op, left, right: product(depth) };
    }
    return left;
  };

  if (tokens.length === 0) throw new ExpressionError('empty expression');
  const expr = sum(0);
  if (pos < tokens.length) throw new ExpressionError(`unexpected '${String(tokens[pos].v)}' after the end of the expression`);
  return expr;
}

/** Every parameter index the expression reads. */
export function referencedIndexes(expr: Expr): number[] {
  switch (expr.kind) {
    case 'num': return [];
    case 'ref': return [expr.index];
    case 'neg': return referencedIndexes(expr.operand);
    case 'bin': return [...referencedIndexes(expr.left), ...referencedIndexes(expr.right)];
  }
}

/** The value, or null when a referenced value is missing/non-numeric or a division by zero occurs. */
export function evaluateExpression(expr: Expr, values: ReadonlyMap<number, number>): number | null {
  switch (expr.kind) {
    case 'num': return expr.value;
    case 'ref': return values.get(expr.index) ?? null;
    case 'neg': {
      const v = evaluateExpression(expr.operand, values);
      return v === null ? null : -v;
    }
    case 'bin': {
      const l = evaluateExpression(expr.left, values);
      const r = evaluateExpression(expr.right, values);
      if (l === null || r === null) return null;
      if (expr.op === '+') return l + r;
      if (expr.op === '-') return l - r;
      if (expr.op === '*') return l * r;
      return r === 0 ? null : l / r;
    }
  }
}
