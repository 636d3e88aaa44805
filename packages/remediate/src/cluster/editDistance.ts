/**
 * Edit distance of two short strings (label keys and values): insertions, deletions, substitutions and swaps of
 * two neighbouring characters each count one (optimal string alignment), since a swap is the commonest typo.
 */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** Whether `b` is a likely typo of `a`: different, and at most 2 edits apart (1 for words of 4 letters or fewer). */
export function isTypoOf(a: string, b: string): boolean {
  if (a === b) return false;
  return editDistance(a, b) <= (Math.min(a.length, b.length) <= 4 ? 1 : 2);
}
