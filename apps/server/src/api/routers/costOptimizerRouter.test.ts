import type { Cluster } from '@opspilot/core';
import { type SimCluster, startSimCluster } from '@opspilot/kube-sim';
import { advanceClock } from '@opspilot/kube-sim/testing';
import { type RunningDaemon, startPrometheus } from '@opspilot/observe/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverToolBackend } from '../../chat/serverToolBackend.js';
import { startBudgetChecks } from '../../cost/budgetChecks.js';
import { startTestApi, type TestApi } from '../../testing/index.js';

describe('the costOptimizer router against a real Prometheus scraping the simulated cost scenario', () => {
  let t: TestApi;
  let sim: SimCluster;
  let prometheus: RunningDaemon;
  let cluster: Cluster;
  /** The operation `ask "rightsize catalog"` planned (by the ask test), applied by the test after it. */
  let askedOperation = '';

  beforeAll(async () => {
    t = await startTestApi();
    sim = await startSimCluster({ scenario: 'cost' });
    prometheus = await startPrometheus({ targets: [{ url: sim.url, token: sim.token, paths: ['/metrics/cadvisor'] }] });
    const response = await t.rest('POST', '/clusters', t.users.admin.token, {
      name: 'shop',
      api_server_url: sim.url,
      kubeconfig: sim.kubeconfig,
      endpoints: { prometheus_url: prometheus.url },
    });
    expect(response.statusCode, response.body).toBe(200);
    cluster = response.json();
    // The viewer sees only the clusters granted to them: here, this one.
    await t.rest('POST', `/users/${t.users.viewer.user.id}/clusters/${cluster.id}`, t.users.admin.token, {});
    for (const user of [t.users.approver, t.users.operator])
      await t.rest('POST', `/users/${user.user.id}/clusters/${cluster.id}`, t.users.admin.token, {});
  }, 60_000);

  /** The test API's clock is manual: bring it to the real time Prometheus records samples at. */
  const now = () => t.clock.advance(Math.max(0, Date.now() - t.clock.now().getTime()));

  afterAll(async () => {
    await prometheus?.stop();
    await sim?.stop();
    await t?.close();
  });

  it('allocates per namespace and workload, with idle cost apart', { timeout: 90_000 }, async () => {
    await expect
      .poll(
        async () => {
          await now();
          const r = await t.rest('GET', `/cost/allocation?since=2m&step=10s`, t.users.viewer.token);
          expect(r.statusCode, r.body).toBe(200);
          const shop = r.json().rows.find((row: { key: string }) => row.key === 'shop');
          return shop?.series.filter((v: number) => v > 0).length ?? 0;
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBeGreaterThan(3);
    const byWorkload = (
      await t.rest('GET', `/cost/allocation?aggregate=workload&since=2m&step=10s&namespace=shop`, t.users.admin.token)
    ).json();
    const keys = byWorkload.rows.map((r: { key: string }) => r.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'shop/Deployment/catalog',
        'shop/Deployment/checkout',
        'shop/Deployment/legacy-report',
        'shop/PersistentVolumeClaim/old-exports',
        'shop/Service/legacy-lb',
      ]),
    );
    const all = (await t.rest('GET', `/cost/allocation?since=2m&step=10s`, t.users.admin.token)).json();
    expect(all.rows.map((r: { key: string }) => r.key)).toContain('__idle__');
    expect(all.currency).toBe('USD');
  });

  it('lists recommendations, saying which containers lack history, and plans one for review', {
    timeout: 120_000,
  }, async () => {
    type Rec = { id: string; type: string; resource: { name: string } };
    let body: { items: Rec[]; insufficient: { reason: string }[] } = { items: [], insufficient: [] };
    const catalogOf = (b: typeof body) => b.items.find((i) => i.type === 'RIGHTSIZE' && i.resource.name === 'catalog');
    // A minute of history is needed (min_history=1m): until then, catalog has "not enough data".
    await expect
      .poll(
        async () => {
          await now();
          const r = await t.rest(
            'GET',
            `/cost/recommendations?window=1h&step=10s&min_history=1m&namespace=shop`,
            t.users.admin.token,
          );
          expect(r.statusCode, r.body).toBe(200);
          body = r.json();
          return catalogOf(body) !== undefined;
        },
        { timeout: 80_000, interval: 3_000 },
      )
      .toBe(true);
    const catalog = catalogOf(body) as Rec & {
      proposed_change: { resources: { requests: { cpu: string } } };
      estimated_monthly_savings: number;
    };
    expect(catalog.proposed_change.resources.requests.cpu).toMatch(/^\d+m$/);
    expect(catalog.estimated_monthly_savings).toBeGreaterThan(0);
    expect(body.items.map((i) => i.resource.name)).toEqual(expect.arrayContaining(['old-exports', 'legacy-lb']));
    const planned = await t.rest('POST', `/cost/recommendations/${catalog.id}/apply`, t.users.admin.token, {});
    expect(planned.statusCode, planned.body).toBe(200);
    expect(planned.json().operation).toMatchObject({ state: 'NEEDS_REVIEW', risk: 'write', cluster_id: cluster.id });
    const trail = await t.store.audit.list({ action: 'cost.recommendation.planned' });
    expect(trail.items.length).toBeGreaterThan(0);
    const strict = (
      await t.rest('GET', `/cost/recommendations?window=14d&step=1h&namespace=shop`, t.users.admin.token)
    ).json();
    expect(strict.insufficient[0].reason).toMatch(/^not enough data \(\d+(\.\d)? hours of 24\)$/);
  });

  it('answers cost questions of ops.ask, and plans "rightsize catalog" for review', { timeout: 180_000 }, async () => {
    await now();
    const ask = async (request: string) => {
      const r = await t.rest('POST', '/ops/ask', t.users.admin.token, { request, cluster_id: cluster.id });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    const monthly = await ask('how much does namespace shop cost per month?');
    expect(monthly).toMatchObject({ kind: 'cost', understood: 'what namespace shop costs per month', currency: 'USD' });
    expect(monthly.amount).toBeGreaterThan(0);
    expect(monthly.answer).toMatch(/^namespace shop costs about \d+\.\d\d USD per month/);
    const daily = await ask('how much does namespace shop cost per day');
    expect(daily.amount * 730).toBeCloseTo(monthly.amount * 24, 0);
    // The open recommendations are answered from: computed here over the minutes of history there are.
    await expect
      .poll(
        async () => {
          await now();
          const r = await t.rest('GET', '/cost/recommendations?window=1h&step=10s&min_history=1m', t.users.admin.token);
          return r
            .json()
            .items.some(
              (i: { type: string; resource: { name: string } }) =>
                i.type === 'RIGHTSIZE' && i.resource.name === 'catalog',
            );
        },
        { timeout: 100_000, interval: 3_000 },
      )
      .toBe(true);
    const save = await ask('what can I save');
    expect(save.kind).toBe('cost');
    expect(save.amount).toBeGreaterThan(0);
    expect(save.lines.map((l: { name: string }) => l.name).join('\n')).toMatch(/RIGHTSIZE shop\/catalog/);
    // The chat and MCP tool reads the same open recommendations.
    const principal = await t.services.auth.authenticateToken(t.users.viewer.token);
    if (!principal) throw new Error('the viewer token does not authenticate');
    const backend = serverToolBackend(t.services, principal);
    const tool = (await backend.costRecommendations?.(cluster.id, { namespace: 'shop', limit: 5 })) as {
      monthly_savings: number;
      items: { type: string; resource: { name: string } }[];
    };
    expect(tool.monthly_savings).toBeGreaterThan(0);
    expect(tool.items.some((i) => i.type === 'RIGHTSIZE' && i.resource.name === 'catalog')).toBe(true);
    const byNs = (await backend.costAllocation?.(cluster.id, { by: 'namespace', sinceHours: 1 })) as {
      rows: { key: string; monthly_rate: number }[];
    };
    expect(byNs.rows.find((r) => r.key === 'shop')?.monthly_rate).toBeGreaterThan(0);
    const before = (await t.store.audit.list({ action: 'cost.recommendation.planned' })).items.length;
    const rightsize = await ask('rightsize catalog');
    expect(rightsize.kind).toBe('operation');
    expect(rightsize.operation).toMatchObject({ state: 'NEEDS_REVIEW', risk: 'write', cluster_id: cluster.id });
    expect(JSON.stringify(rightsize.operation.plan.steps)).toMatch(/catalog/);
    expect((await t.store.audit.list({ action: 'cost.recommendation.planned' })).items.length).toBeGreaterThan(before);
    askedOperation = rightsize.operation.id;
    expect((await ask('rightsize nosuchthing')).answer).toMatch(/^no rightsizing for nosuchthing/);
    expect((await ask('how much does namespace nowhere cost')).answer).toBe('no cost recorded for namespace nowhere');
  });

  it('applies a rightsizing planned by ask through its recommendation, which becomes APPLIED', {
    timeout: 240_000,
  }, async () => {
    // Approved and applied as any operation (`POST /ops/{id}/apply`: the web's Apply button, `opspilot ops apply`).
    const opId = askedOperation;
    expect(opId, 'the ask test planned an operation').toBeTruthy();
    const link = (await t.store.audit.list({ action: 'cost.recommendation.planned' })).items.find(
      (e) => e.details.operation_id === opId,
    );
    const recId = link?.details.recommendation_id as string;
    expect((await t.store.costRecommendations.find(recId))?.status).toBe('OPEN');
    const approved = await t.rest('POST', `/ops/${opId}/approve`, t.users.approver.token, {});
    expect(approved.statusCode, approved.body).toBe(200);
    let settled = false;
    const applying = t.rest('POST', `/ops/${opId}/apply`, t.users.operator.token, {}).finally(() => {
      settled = true;
    });
    while (!settled) await advanceClock(t.clock, 1000);
    const applied = await applying;
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({
      state: 'APPLIED',
      result: expect.stringMatching(/successfully rolled out/),
    });
    // The apply went through the recommendation (the target checked, then audited with the operation's state)...
    const entry = (await t.store.audit.list({ action: 'cost.recommendation.applied' })).items.find(
      (e) => e.details.operation_id === opId,
    );
    expect(entry).toMatchObject({ details: { recommendation_id: recId, state: 'APPLIED' } });
    expect(entry?.status).not.toBe('ERROR');
    expect(entry?.user_id).toBe(t.users.operator.user.id);
    // ...and the recommendation is APPLIED, audited once for this operation.
    expect((await t.store.costRecommendations.find(recId))?.status).toBe('APPLIED');
    const marked = (await t.store.audit.list({ action: 'cost.recommendation.status' })).items;
    expect(marked.filter((e) => e.details.operation_id === opId)).toHaveLength(1);
  });

  it('keeps budgets, reports their spend and forecast, and alerts once per threshold', {
    timeout: 90_000,
  }, async () => {
    await now();
    const set = await t.rest('POST', '/cost/budgets', t.users.admin.token, {
      name: 'shop',
      scope: { namespace: 'shop' },
      amount: 0.0001,
    });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().thresholds_percent).toEqual([50, 80, 100]);
    const list = (await t.rest('GET', '/cost/budgets', t.users.admin.token)).json();
    expect(list.items[0].spend).toBeGreaterThanOrEqual(0);
    const first = (await t.rest('POST', '/cost/budgets/check', t.users.admin.token, {})).json();
    expect(
      first.notices.map((n: { kind: string; threshold_percent: number }) => `${n.kind}:${n.threshold_percent}`),
    ).toEqual(['ACTUAL:50', 'ACTUAL:80', 'ACTUAL:100']);
    const again = (await t.rest('POST', '/cost/budgets/check', t.users.admin.token, {})).json();
    expect(again.notices).toEqual([]);
    const forecast = (await t.rest('GET', '/cost/forecast?history=1h&days=7', t.users.admin.token)).json();
    expect(forecast.points).toHaveLength(7);
  });

  it('checks the budgets on a cron schedule in its time zone, driven by the clock', { timeout: 90_000 }, async () => {
    await now();
    const set = await t.rest('POST', '/cost/budgets', t.users.admin.token, {
      name: 'scheduled',
      scope: { namespace: 'shop' },
      amount: 0.0001,
      thresholds_percent: [80],
    });
    expect(set.statusCode, set.body).toBe(200);
    const events: { payload: { budget_name?: string; message?: string } }[] = [];
    const unsubscribe = t.services.bus.subscribe({ event_types: ['BUDGET_ALERT'] }, (e) => {
      events.push(e as never);
    });
    const checks: { at: Date; count: number }[] = [];
    // Every hour on the hour in India (UTC+5:30): at half past the hour, UTC.
    const schedule = await startBudgetChecks(
      t.services,
      { cron: '0 * * * *', timezone: 'Asia/Kolkata' },
      (notices, at) => checks.push({ at, count: notices.filter((n) => n.message.includes('"scheduled"')).length }),
    );
    try {
      const due = schedule.next() as Date;
      expect(due.getUTCMinutes()).toBe(30);
      expect(due.getTime() - t.clock.now().getTime()).toBeLessThanOrEqual(3_600_000);
      await t.clock.advance(due.getTime() - t.clock.now().getTime() - 1_000);
      expect(checks).toEqual([]);
      await t.clock.advance(1_000);
      await expect.poll(() => checks.length, { timeout: 30_000 }).toBe(1);
      expect(checks[0]).toEqual({ at: due, count: 1 });
      expect(events.some((e) => String(e.payload.message).includes('budget "scheduled" reached 80 %'))).toBe(true);
      expect(schedule.next()?.getTime()).toBe(due.getTime() + 3_600_000);
      // The next hour: the threshold was already notified this period, so nothing new.
      await t.clock.advance(3_600_000);
      await expect.poll(() => checks.length, { timeout: 30_000 }).toBe(2);
      expect(checks[1]?.count).toBe(0);
    } finally {
      schedule.stop();
      unsubscribe();
    }
  });
});
