/**
 * Small helpers on Maps and strings that every index of the site needs.
 * Pure TypeScript: no Astro imports, no I/O.
 */

/** Appends `value` to the list of `key`, creating the list the first time (it then takes the Map's last place). */
export function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Orders two strings by their UTF-16 code units: -1, 0 or 1. The same in
 * every locale (unlike localeCompare), which is what ids, codes and ISO
 * dates want.
 */
export function compareText(a: string, b: string): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
