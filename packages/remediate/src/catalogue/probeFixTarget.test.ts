import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixFinding } from '../__fixtures__/fixFinding.js';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
  await h.apply(namespace('probes'));
});
afterAll(() => h?.stop());

describe('probe:fix-target on the simulated cluster', () => {
  it('points a readiness probe on a path nginx does not serve at the path its passing liveness probe uses', async () => {
    await h.apply(
      deployment('probes', 'unready', {
        readinessProbe: { httpGet: { path: '/ready', port: 80 }, periodSeconds: 5 },
        livenessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 10 },
      }),
    );
    const finding = await h.findingFor('pod-readiness-probe', 'unready-', 'probes');
    const { candidate, proposal, outcome } = await fixFinding(h, finding);
    expect(candidate.summary).toMatch(
      /point the readinessProbe of app in deployment unready at HTTP GET \/healthz on port 80/,
    );
    expect(candidate.evidence.at(-1)?.detail).toBe(
      "the container's livenessProbe on HTTP GET /healthz on port 80 passes",
    );
    expect(proposal.candidates.map((c) => c.confidence)).toEqual(
      [...proposal.candidates.map((c) => c.confidence)].sort((a, b) => b - a),
    );
    expect(outcome.status, outcome.message).toBe('VERIFIED');
  });

  it('points a liveness probe at the port the container declares instead of one nothing listens on', async () => {
    await h.apply(deployment('probes', 'hanging', { livenessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 } }));
    const finding = await h.findingFor('pod-liveness-probe', 'hanging-', 'probes');
    const { candidate, outcome } = await fixFinding(h, finding);
    expect(candidate.revision_diff[0]).toMatch(/livenessProbe: .*"port":8080.* → .*"port":80\b/);
    expect(candidate.evidence.at(-1)?.detail).toMatch(
      /asks port 8080, which the container does not declare; it declares 80/,
    );
    expect(outcome.status, outcome.message).toBe('VERIFIED');
  });
});
