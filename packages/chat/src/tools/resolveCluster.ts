import type { ToolClusterInfo, ToolContext } from './toolContext.js';

/**
 * The cluster a tool call means: the one named (by name or id), or the only one in scope. An error message (for the
 * model to act on) when none or several could be meant.
 */
export async function resolveCluster(
  ctx: ToolContext,
  named: string | undefined,
): Promise<{ ok: true; value: ToolClusterInfo } | { ok: false; error: string }> {
  const clusters = await ctx.backend.clusters();
  const names = clusters.map((c) => c.name).join(', ') || 'none';
  if (named) {
    const found = clusters.find((c) => c.id === named || c.name === named);
    return found
      ? { ok: true, value: found }
      : { ok: false, error: `no cluster "${named}" in scope; clusters: ${names}` };
  }
  const [only] = clusters;
  if (only && clusters.length === 1) return { ok: true, value: only };
  return clusters.length
    ? { ok: false, error: `several clusters are in scope: name one in "cluster" (${names})` }
    : { ok: false, error: 'no cluster is in scope of this conversation' };
}
