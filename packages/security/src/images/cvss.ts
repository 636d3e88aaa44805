/** CVSS v3.x base metric weights (FIRST specification). */
const W = {
  AV: { N: 0.85, A: 0.62, L: 0.55, P: 0.2 },
  AC: { L: 0.77, H: 0.44 },
  UI: { N: 0.85, R: 0.62 },
  C: { H: 0.56, L: 0.22, N: 0 },
} as const;

const roundUp = (x: number) => {
  const i = Math.round(x * 100000);
  return i % 10000 === 0 ? i / 100000 : (Math.floor(i / 10000) + 1) / 10;
};

/**
 * The base score of a CVSS v3.0/3.1 vector (`CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H` → 9.8), or undefined when
 * the vector is not a complete v3 base vector.
 * @see https://www.first.org/cvss/v3.1/specification-document#7-1-Base-Metrics-Equations
 */
export function cvss3BaseScore(vector: string): number | undefined {
  if (!/^CVSS:3\.[01]\//.test(vector)) return undefined;
  const m = new Map(
    vector
      .split('/')
      .slice(1)
      .map((p) => p.split(':') as [string, string]),
  );
  const get = <K extends string>(k: string, table: Record<K, number>) => table[m.get(k) as K];
  const scope = m.get('S');
  const av = get('AV', W.AV);
  const ac = get('AC', W.AC);
  const ui = get('UI', W.UI);
  const pr = scope === 'C' ? get('PR', { N: 0.85, L: 0.68, H: 0.5 }) : get('PR', { N: 0.85, L: 0.62, H: 0.27 });
  const [c, i, a] = ['C', 'I', 'A'].map((k) => get(k, W.C));
  if ([av, ac, ui, pr, c, i, a].some((x) => x === undefined) || (scope !== 'U' && scope !== 'C')) return undefined;
  const iss = 1 - (1 - c!) * (1 - i!) * (1 - a!);
  const impact = scope === 'U' ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ** 15;
  const exploitability = 8.22 * av! * ac! * pr! * ui!;
  if (impact <= 0) return 0;
  return scope === 'U'
    ? roundUp(Math.min(impact + exploitability, 10))
    : roundUp(Math.min(1.08 * (impact + exploitability), 10));
}

/** The qualitative severity of a CVSS score (none counts as low here). */
export function cvssSeverity(score: number): 'critical' | 'high' | 'medium' | 'low' {
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : 'low';
}
