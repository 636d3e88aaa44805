import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployment, namespace, remediateHarness } from '../__fixtures__/remediateHarness.js';

let h: Awaited<ReturnType<typeof remediateHarness>>;
beforeAll(async () => {
  h = await remediateHarness();
});
afterAll(() => h?.stop());

describe('service:fix-selector on the simulated cluster', () => {
  it('sets a selector with a typo to the labels of the pods it was meant for', async () => {
    await h.apply(namespace('svc'), deployment('svc', 'shop', {}), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'shop', namespace: 'svc' },
      spec: { selector: { app: 'shpo' }, ports: [{ port: 80, targetPort: 80 }] },
    } as never);
    await h.advance(20_000);
    const finding = await h.findingFor('service-selector-no-match', 'shop', 'svc');
    const proposal = await h.remediator.diagnose(finding);
    const best = proposal.candidates[0]!;
    expect(best.revision_diff).toEqual(['spec.selector: app=shpo → app=shop']);
    expect(best.evidence.at(-1)?.detail).toBe('its pods carry app=shop; the Service asks app=shpo');
    const proposed = await h.remediator.propose(best, { user: 'alice' });
    if (proposed.kind !== 'operation') throw new Error(proposed.reasons.join('; '));
    const outcome = await h.whileRunning(
      h.remediator.execute(proposed.operation.id, best, { user: 'alice', approver: 'bob' }),
    );
    expect(outcome.status, outcome.message).toBe('VERIFIED');
    expect(outcome.message).toMatch(/2 ready endpoint\(s\) behind service shop/);
  });

  it('declines a selector no workload is one typo away from', async () => {
    await h.apply(namespace('svc2'), deployment('svc2', 'cart', {}), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'billing', namespace: 'svc2' },
      spec: { selector: { app: 'billing' }, ports: [{ port: 80 }] },
    } as never);
    const finding = await h.findingFor('service-selector-no-match', 'billing', 'svc2');
    const proposal = await h.remediator.diagnose(finding, { only: 'service:fix-selector' });
    expect(proposal.declined).toEqual([expect.stringMatching(/no workload in svc2 carries labels one typo away/)]);
  });
});
