// Formulas of derived values (e.g. `teachers_higher / students * 100`), parsed by a small
// recursive-descent parser into a tree and evaluated by walking it. Never eval / new Function:
// a formula is content written by an office, and it is checked at build time.
//
// Grammar:  expr   := term (('+' | '-') term)*
//           term   := unary (('*' | '/' | '×' | '÷') unary)*
//           unary  := '-' unary | atom
//           atom   := number | name | name '(' expr (',' expr)* ')' | '(' expr ')'
// Names are point ids ([A-Za-z_][A-Za-z0-9_]*); functions: min, max, ceil, floor.

export type Formula =
  | { kind: 'number'; value: number }
  | { kind: 'ref'; name: string }
  | { kind: 'negate'; operand: Formula }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: Formula; right: Formula }
  | { kind: 'call'; name: FunctionName; args: Formula[] };

const functions = {
  min: (args: number[]) => Math.min(...args),
  max: (args: number[]) => Math.max(...args),
  ceil: (args: number[]) => Math.ceil(args[0] ?? Number.NaN),
  floor: (args: number[]) => Math.floor(args[0] ?? Number.NaN),
} as const;
type FunctionName = keyof typeof functions;
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
      if (!(token.value in functions)) throw new FormulaError(`未知的函数“${token.value}”，可用 min、max、ceil、floor`, token.at);
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

/** The names of the fields a formula refers to, in order of first use. */
export function formulaRefs(formula: Formula): string[] {
  const names = new Set<string>();
  const walk = (node: Formula): void => {
    if (node.kind === 'ref') names.add(node.name);
    else if (node.kind === 'negate') walk(node.operand);
    else if (node.kind === 'binary') {
      walk(node.left);
      walk(node.right);
    } else if (node.kind === 'call') node.args.forEach(walk);
  };
  walk(formula);
  return [...names];
}

/** Evaluate a formula; null when a field has no value or the result is not a finite number (e.g. ÷ 0). */
export function evaluateFormula(formula: Formula, lookup: (name: string) => number | null): number | null {
  const walk = (node: Formula): number | null => {
    switch (node.kind) {
      case 'number':
        return node.value;
      case 'ref':
        return lookup(node.name);
      case 'negate': {
        const value = walk(node.operand);
        return value === null ? null : -value;
      }
      case 'binary': {
        const left = walk(node.left);
        const right = walk(node.right);
        if (left === null || right === null) return null;
        if (node.op === '+') return left + right;
        if (node.op === '-') return left - right;
        if (node.op === '*') return left * right;
        return right === 0 ? null : left / right;
      }
      case 'call': {
        const args = node.args.map(walk);
        if (args.some((value) => value === null)) return null;
        return functions[node.name](args as number[]);
      }
    }
  };
  const result = walk(formula);
  return result !== null && Number.isFinite(result) ? result : null;
}

/** A formula written for readers: ids replaced by their labels, × and ÷ for * and /. */
export function describeFormula(formula: Formula, label: (name: string) => string): string {
  const precedence = (node: Formula) => (node.kind === 'binary' ? (node.op === '+' || node.op === '-' ? 1 : 2) : 3);
  const walk = (node: Formula): string => {
    switch (node.kind) {
      case 'number':
        return String(node.value);
      case 'ref':
        return label(node.name);
      case 'negate':
        return `−${precedence(node.operand) < 3 ? `（${walk(node.operand)}）` : walk(node.operand)}`;
      case 'binary': {
        const symbol = { '+': '＋', '-': '－', '*': '×', '/': '÷' }[node.op];
        const mine = precedence(node);
        const left = precedence(node.left) < mine ? `（${walk(node.left)}）` : walk(node.left);
        const needsRight = precedence(node.right) < mine || (precedence(node.right) === mine && (node.op === '-' || node.op === '/'));
        const right = needsRight ? `（${walk(node.right)}）` : walk(node.right);
        return `${left} ${symbol} ${right}`;
      }
      case 'call': {
        const names = { min: '较小值', max: '较大值', ceil: '向上取整', floor: '向下取整' } as const;
        return `${names[node.name]}（${node.args.map(walk).join('，')}）`;
      }
    }
  };
  return walk(formula);
}
