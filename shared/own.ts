/**
 * A look-up of a key that comes from outside (TeX, a file name, a command line, a key press) in a table
 * written as an object literal: only the table's own keys count, so `constructor`, `toString` or
 * `__proto__` never reach Object.prototype.
 */
export function own<V>(table: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
