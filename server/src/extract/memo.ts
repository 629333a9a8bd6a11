/**
 * A bounded memo: a corpus names the same organisations, provinces and mentioned codes on thousands of rows
 * (every commune plan mentions its district's and its province's programmes), and working them out again each time
 * was most of the cost of the national corpus's rows (40 641 texts, 176 343 assignments, 98 550 mentions) and of
 * resolving it (each code's level asked for ≈ 300 000 times). Forgets everything when full.
 */
export function remembered<R>(limit: number): (key: string, make: () => R) => R {
  const known = new Map<string, R>();
  return (key, make) => {
    let value = known.get(key);
    if (value === undefined) {
      value = make();
      if (known.size >= limit) known.clear();
      known.set(key, value);
    }
    return value;
  };
}
