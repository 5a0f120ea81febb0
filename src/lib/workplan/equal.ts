// Structural equality of plain data (what zod and the YAML reader produce: objects, arrays,
// strings, numbers, booleans, null, undefined), strict like node:util's isDeepStrictEqual for such
// data: a key present with `undefined` differs from a missing key. Pure, so it runs in the browser.

/** True when `a` and `b` hold the same plain data. */
export function plainDataEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordB = b as Record<string, unknown>;
  const recordA = a as Record<string, unknown>;
  return keysA.every((key) => Object.hasOwn(recordB, key) && plainDataEqual(recordA[key], recordB[key]));
}
