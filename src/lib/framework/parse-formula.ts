// The recursive-descent parser of derived-value formulas (grammar in formula.ts): text → tree,
// with a Chinese error naming the position. Used where frameworks are validated (the content
// schema, a framework file opened in the browser), never by scoring.
import type { Formula, FunctionName } from './formula.ts';

const arity: Record<FunctionName, [number, number]> = { min: [1, 99], max: [1, 99], ceil: [1, 1], floor: [1, 1] };

/** A formula that does not parse; `position` is the 0-based character offset of the problem. */
export class FormulaError extends Error {
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.position = position;
  }
}

type Token = { type: 'number'; value: number; at: number } | { type: 'name'; value: string; at: number } | { type: 'op'; value: string; at: number };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const char = source[i]!;
    if (/\s/u.test(char)) {
      i++;
    } else if (/[0-9.]/u.test(char)) {
      const match = /^(?:\d+(?:\.\d*)?|\.\d+)/u.exec(source.slice(i));
      if (!match) throw new FormulaError(`无法识别的数字（第 ${i + 1} 个字符）`, i);
      tokens.push({ type: 'number', value: Number(match[0]), at: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/u.test(char)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*/u.exec(source.slice(i))!;
      tokens.push({ type: 'name', value: match[0], at: i });
      i += match[0].length;
    } else if ('+-*/×÷(),'.includes(char)) {
      const op = char === '×' ? '*' : char === '÷' ? '/' : char;
      tokens.push({ type: 'op', value: op, at: i });
      i++;
    } else {
      throw new FormulaError(`公式中不能使用字符“${char}”（第 ${i + 1} 个字符）`, i);
    }
  }
  return tokens;
}

/** Parse a formula into its tree; throws FormulaError naming the position of the problem. */
export function parseFormula(source: string): Formula {
  const tokens = tokenize(source);
  let next = 0;
  const peek = () => tokens[next];
  const isOp = (value: string) => {
    const token = peek();
    return token?.type === 'op' && token.value === value;
  };
  const expect = (value: string) => {
    const token = peek();
    if (!isOp(value)) throw new FormulaError(`此处应为“${value}”`, token?.at ?? source.length);
    next++;
  };

  function expression(): Formula {
    let left = term();
    while (isOp('+') || isOp('-')) {
      const op = (tokens[next++] as Token).value as '+' | '-';
      left = { kind: 'binary', op, left, right: term() };
    }
    return left;
  }
  function term(): Formula {
    let left = unary();
    while (isOp('*') || isOp('/')) {
      const op = (tokens[next++] as Token).value as '*' | '/';
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  }
  function unary(): Formula {
    if (isOp('-')) {
      next++;
      return { kind: 'negate', operand: unary() };
    }
    return atom();
  }
  function atom(): Formula {
    const token = peek();
    if (!token) throw new FormulaError('公式不完整', source.length);
    if (token.type === 'number') {
      next++;
      return { kind: 'number', value: token.value };
    }
    if (token.type === 'name') {
      next++;
      if (!isOp('(')) return { kind: 'ref', name: token.value };
      if (!(token.value in arity)) throw new FormulaError(`未知的函数“${token.value}”，可用 min、max、ceil、floor`, token.at);
      const name = token.value as FunctionName;
      next++;
      const args = [expression()];
      while (isOp(',')) {
        next++;
        args.push(expression());
      }
      expect(')');
      const [least, most] = arity[name];
      if (args.length < least || args.length > most) throw new FormulaError(`函数 ${name} 的参数个数不对`, token.at);
      return { kind: 'call', name, args };
    }
    if (token.value === '(') {
      next++;
      const inner = expression();
      expect(')');
      return inner;
    }
    throw new FormulaError(`此处不应出现“${token.value}”`, token.at);
  }

  if (tokens.length === 0) throw new FormulaError('公式为空', 0);
  const tree = expression();
  const rest = peek();
  if (rest) throw new FormulaError(`此处不应出现“${rest.value}”`, rest.at);
  return tree;
}

