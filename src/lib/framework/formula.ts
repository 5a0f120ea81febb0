// Formulas of derived values (e.g. `teachers_higher / students * 100`) as trees, evaluated by
// walking them (describe.ts words them for readers). Never eval / new Function: a formula is
// content written by an office.
// The parser (parse-formula.ts) runs where frameworks are validated, so the self-check, which gets
// the trees with the framework, does not ship it.
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
export type FunctionName = keyof typeof functions;
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
