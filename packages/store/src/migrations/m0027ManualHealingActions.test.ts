import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestStore, type TestStore } from '../testing/index.js';
import { m0027ManualHealingActions } from './m0027ManualHealingActions.js';

let t: TestStore | undefined;
afterEach(async () => {
  await t?.cleanup();
  t = undefined;
});

const rule = {
  name: 'oom-shop',
  condition_type: 'pod-oom-killed',
  condition_config: { namespaces: ['shop'] },
  action_type: 'oom:raise-memory-limit',
  action_config: {},
};

describe.each(['sqlite', 'postgres'] as const)('migration 0027 (manual healing actions) on %s', (dialect) => {
  it('keeps a manual fix without a rule, reads older actions as RULE, and refuses a rule action without its rule', async () => {
    t = await openTestStore(dialect);
    const r = await t.store.healingRules.create(rule);
    const byRule = await t.store.healingActions.create({ rule_id: r.id, target: 'deployment/shop/api' });
    expect(byRule.trigger).toBe('RULE');
    const manual = await t.store.healingActions.create({
      trigger: 'MANUAL',
      target: 'deployment/shop/web',
      status: 'SUCCEEDED',
      result: { remediation: 'image-pull:previous-image', outcome: 'VERIFIED' },
    });
    expect(await t.store.healingActions.get(manual.id)).toMatchObject({ trigger: 'MANUAL', status: 'SUCCEEDED' });
    expect((await t.store.healingActions.get(manual.id)).rule_id).toBeUndefined();
    expect((await t.store.healingActions.list({ trigger: 'MANUAL' })).items.map((a) => a.id)).toEqual([manual.id]);
    await expect(t.store.healingActions.create({ target: 'deployment/shop/x' })).rejects.toMatchObject({
      name: 'InputError',
    });
    // Deleting a rule still takes its actions with it; manual ones stay.
    await t.store.healingRules.delete(r.id);
    expect((await t.store.healingActions.list({})).items.map((a) => a.id)).toEqual([manual.id]);
  });

  it('is applied to a database that already took the earlier migrations, keeping its actions', async () => {
    t = await openTestStore(dialect);
    const r = await t.store.healingRules.create(rule);
    const before = await t.store.healingActions.create({ rule_id: r.id, target: 'deployment/shop/api' });
    await m0027ManualHealingActions(dialect).down!(t.store.db as never);
    await sql`delete from kysely_migration where name = '0027_manual_healing_actions'`.execute(t.store.db);
    expect((await t.store.migrate()).applied).toEqual(['0027_manual_healing_actions']);
    expect(await t.store.healingActions.get(before.id)).toMatchObject({ rule_id: r.id, trigger: 'RULE' });
    const manual = await t.store.healingActions.create({ trigger: 'MANUAL', target: 'deployment/shop/web' });
    expect(manual.rule_id).toBeUndefined();
  });
});
