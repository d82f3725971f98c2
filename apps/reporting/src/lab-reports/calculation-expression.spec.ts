import { evaluateExpression, ExpressionError, parseExpression, referencedIndexes } from './calculation-expression';

const evaluate = (source: string, values: Record<number, number> = {}) =>
  evaluateExpression(parseExpression(source), new Map(Object.entries(values).map(([k, v]) => [Number(k), v])));

describe('calculation expression', () => {
  it('respects precedence, associativity and parentheses', () => {
    expect(evaluate('1 + 2 * 3')).toBe(7);
    expect(evaluate('(1 + 2) * 3')).toBe(9);
    expect(evaluate('10 - 4 - 3')).toBe(3);
    expect(evaluate('24 / 4 / 2')).toBe(3);
    expect(evaluate('-(2 + 3) * -2')).toBe(10);
    expect(evaluate('.5 * 4')).toBe(2);
  });

  it('reads parameter values by index', () => {
    expect(evaluate('({4} * 10) / {5}', { 4: 12, 5: 4 })).toBe(30);
    expect(referencedIndexes(parseExpression('({4} * 10) / { 5 } + {4}'))).toEqual([4, 5, 4]);
  });

  it('is null for a missing value or a division by zero', () => {
    expect(evaluate('{1} + 1')).toBeNull();
    expect(evaluate('{1} / {2}', { 1: 3, 2: 0 })).toBeNull();
  });

  it.each([
    ['', 'empty expression'],
    ['1 +', 'unexpected end of expression'],
    ['(1 + 2', 'missing closing parenthesis'],
    ['1 2', "unexpected '2' after the end of the expression"],
    ['process.exit(1)', "unexpected character 'p' at position 1"],
    ['{a}', "unexpected character '{' at position 1"],
    ['2 ** 3', "unexpected '*'"],
  ])('refuses %j: %s', (source, message) => {
    expect(() => parseExpression(source)).toThrow(new ExpressionError(message));
  });
});
