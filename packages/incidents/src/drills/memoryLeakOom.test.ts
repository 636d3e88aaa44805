import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Drill, drillHarness } from './__fixtures__/drillHarness.js';

let d: Drill;
beforeAll(async () => {
  d = await drillHarness('memory-leak');
});
afterAll(() => d?.stop());

const cache = { kind: 'Deployment', namespace: 'todo', name: 'session-cache' };

describe('drill: a memory leak ends in OOM kills', () => {
  it('opens one incident, names the memory limit with the kills and the memory series, raises it by runbook and resolves', async () => {
    // Four minutes of the cache's life: it grows to its 128 MiB limit, is OOMKilled, restarts, and grows again.
    await d.advanceSampling(240_000);
    await d.observe();
    const open = await d.store.incidents.list({ status: 'DETECTED' });
    expect(open.items).toHaveLength(1); // one incident for the workload, not one per pod
    const incident = open.items[0]!;
    expect(incident.affected_resources.some((r) => r.name.startsWith('session-cache'))).toBe(true);

    const analysis = await d.commander.analyze(incident.id, 'alice');
    const top = analysis.causes[0]!;
    expect(top).toMatchObject({
      kind: 'oom',
      subject: cache,
      runbook: { name: 'raise-memory-limit', input: { namespace: 'todo', workload: 'session-cache' } },
    });
    expect(top.summary).toMatch(/grows about 3\d MiB a minute until its 128Mi limit and is OOMKilled/);
    // Evidence: the OOMKilled terminations the pods report, and the memory series rising to the limit.
    const kills = top.evidence.filter((e) => e.kind === 'event');
    expect(kills.length).toBeGreaterThanOrEqual(2);
    expect(kills[0]?.detail).toMatch(/container cache OOMKilled \(exit code 137\) at its 128Mi memory limit/);
    const series = top.evidence.filter(
      (e) => e.kind === 'metric' && e.source.startsWith('memory Pod/todo/session-cache'),
    );
    expect(series.length).toBeGreaterThanOrEqual(1);
    expect(series[0]?.detail).toMatch(
      /working set grew about 3\d MiB\/min, from 6\d MiB to 1[12]\d MiB, dropping back \d+ time/,
    );
    expect(top.confidence).toBeGreaterThan(analysis.causes[1]?.confidence ?? 0);

    // The runbook doubles the limit through a reviewed operation; the cache then levels off under it and is Ready.
    let run = await d.whileRunning(d.commander.executeRunbook(incident.id, { user: 'alice' }));
    expect(run.status).toBe('AWAITING_APPROVAL');
    expect(run.step_results[1]?.output).toMatch(/from 128Mi to 256Mi/);
    run = await d.whileRunning(d.runner.approve(run.id, { user: 'bob' }));
    expect(run.status, JSON.stringify(run.step_results)).toBe('SUCCEEDED');
    const live = await d.gateway.get(cache);
    expect(JSON.stringify(live?.spec)).toContain('"memory":"256Mi"');

    await d.advanceSampling(60_000);
    await d.observe();
    await d.advance(125_000);
    const [resolved] = await d.commander.tick();
    expect(resolved).toMatchObject({ id: incident.id, status: 'RESOLVED' });
    const pm = await d.commander.generatePostMortem(incident.id, 'alice');
    expect(pm.markdown).toContain('runs out of memory');
    expect(pm.markdown).toContain('Runbook **raise-memory-limit** (SUCCEEDED');
  });
});
