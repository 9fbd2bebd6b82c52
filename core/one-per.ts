/**
 * A getter that makes one value per key object and hands back the same one after: what a process
 * keeps once per database pool or Temporal client (route handlers build their deps per request).
 * Held weakly, so a closed pool's value goes with it.
 */
export function onePer<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    const found = made.get(key);
    if (found !== undefined) return found;
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
