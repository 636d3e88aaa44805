/** Levenshtein distance, for typos in names (`backnd`). */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const saved = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = saved;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * How well an object name matches what the user said, 0 (not at all) to 100 (exactly): a whole `-`-separated part
 * (`api` in `backend-api`) scores above a prefix (`back`), which scores above a substring; a small typo scores least.
 */
export function nameScore(said: string, name: string): number {
  const s = said.toLowerCase();
  const n = name.toLowerCase();
  if (s === n) return 100;
  const parts = n.split(/[-.]/);
  const saidParts = s.split(/[-.]/);
  if (saidParts.every((p) => parts.includes(p))) return 70;
  if (n.startsWith(s) && s.length >= 3) return 60;
  if (n.includes(s) && s.length >= 3) return 50;
  if (s.length >= 4 && editDistance(s, n) <= Math.min(2, Math.floor(s.length / 4))) return 40;
  return 0;
}
