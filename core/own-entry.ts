/**
 * Records keyed by what users type (node ids, field names) must not see Object.prototype: on a
 * plain `{}`, `record["constructor"]` is a function and `record["__proto__"] = x` replaces the
 * prototype instead of storing an entry. A level whose node id was `constructor` once read as
 * "already fired" and never paged.
 */
export function ownEntry<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as the record's own entry, `__proto__` included (a plain `=` would set the prototype). */
export function putOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
