/**
 * `compute` with its answers remembered by argument: for pure functions asked again and again for
 * few distinct inputs (names, dates, months across an archive). Forgets everything past `limit`
 * entries, so a long run's memory stays bounded.
 */
export function remembered<K, V>(compute: (key: K) => V, limit = 100_000): (key: K) => V {
  const answers = new Map<K, V>();
  return (key) => {
    if (answers.has(key)) return answers.get(key)!;
    const value = compute(key);
    if (answers.size >= limit) answers.clear();
    answers.set(key, value);
    return value;
  };
}
