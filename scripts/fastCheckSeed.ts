/** The seed every property test uses under `CI=true`, so a CI failure replays anywhere. */
export const CI_FAST_CHECK_SEED = 20_261_206;

/** How the seed of a run was chosen, for the line printed at its start. */
export interface FastCheckSeed {
  seed: number;
  source: 'FC_SEED' | 'CI' | 'random';
}

/**
 * The fast-check seed of one test run: `FC_SEED` when set (to replay a failure), the fixed {@link CI_FAST_CHECK_SEED}
 * under `CI=true` (CI is reproducible), else a random one (local runs keep exploring new inputs).
 */
export function fastCheckSeed(env: Record<string, string | undefined>, random = Math.random): FastCheckSeed {
  const given = env.FC_SEED?.trim();
  if (given) {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not "${given}"`);
    return { seed: seed | 0, source: 'FC_SEED' };
  }
  if (env.CI === 'true') return { seed: CI_FAST_CHECK_SEED, source: 'CI' };
  return { seed: Math.floor(random() * 0x7fffffff), source: 'random' };
}

/** The line a run prints so that any property-test failure in it can be replayed. */
export function describeFastCheckSeed({ seed, source }: FastCheckSeed): string {
  const why = { FC_SEED: 'from FC_SEED', CI: 'fixed under CI=true', random: 'random' }[source];
  return `fast-check seed ${seed} (${why}); replay with FC_SEED=${seed}`;
}
