import type { Cluster } from '@opspilot/core';
import { createTraceEmitter, type SimCluster, type TraceEmitter } from '@opspilot/kube-sim';
import type { ApiServices } from '../api/apiServices.js';
import { OTLP_TRACES_PATH } from './registerOtlpReceiver.js';

/** Name of the API token the embedded simulated clusters send their traces with (one at a time, revoked on stop). */
export const SIM_TRACES_TOKEN = 'embedded-sim-traces';

/**
 * Makes the embedded simulated clusters send their applications' traces to this server's OTLP receiver
 * (`<url>/v1/traces?cluster=<name>`), every 5 s of their clock, with an API token of the first administrator made for
 * it (earlier ones of that name, left by a server that died, are revoked first). `stop()` stops the emitters and revokes the token. Without an
 * administrator nothing is sent.
 */
export async function startSimTraces(
  services: Pick<ApiServices, 'store' | 'auth' | 'clock' | 'logger'>,
  sims: { sim: SimCluster; cluster: Cluster }[],
  serverUrl: string,
): Promise<{ stop(): Promise<void>; stats(): TraceEmitter['stats'][] }> {
  const admin = (await services.store.users.list({ role: 'ADMIN', disabled: false }, { page_size: 1 })).items[0];
  if (!admin || sims.length === 0) return { stop: async () => {}, stats: () => [] };
  const now = services.clock.now();
  for (const old of await services.store.apiTokens.listForUser(admin.id)) {
    if (old.name === SIM_TRACES_TOKEN && !old.revoked_at)
      await services.store.apiTokens.revoke(old.id, now.toISOString());
  }
  const { token, secret } = await services.auth.createToken(admin.id, SIM_TRACES_TOKEN);
  const emitters = sims.map(({ sim, cluster }) => {
    const emitter = createTraceEmitter(
      { store: sim.store, registry: sim.api.registry, anomalies: sim.anomalies, clock: sim.clock },
      {
        endpoint: `${serverUrl}${OTLP_TRACES_PATH}?cluster=${encodeURIComponent(cluster.name)}`,
        headers: { authorization: `Bearer ${secret}` },
        clusterName: cluster.name,
      },
    );
    emitter.start();
    return emitter;
  });
  return {
    stats: () => emitters.map((e) => ({ ...e.stats })),
    async stop() {
      for (const emitter of emitters) emitter.stop();
      await services.store.apiTokens
        .revoke(token.id, services.clock.now().toISOString())
        .catch((error: unknown) => services.logger.warn({ err: error }, 'revoking the simulated traces token failed'));
    },
  };
}
