import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeGenerated } from './generatedConfigWorkflow.js';
import type { Store } from './openStore.js';
import { DIALECTS, openTestStore, type TestStore } from './testing/index.js';

describe.each(DIALECTS)('storeGenerated on %s', (dialect) => {
  let t: TestStore;
  let store: Store;
  beforeAll(async () => {
    t = await openTestStore(dialect);
    store = t.store;
  });
  afterAll(async () => t?.cleanup());

  const files = [
    { path: 'k8s/cm.yaml', content: 'kind: ConfigMap\n', resourceType: 'ConfigMap' },
    { path: 'k8s/root.yaml', content: 'kind: Pod\n', resourceType: 'Pod' },
  ];
  const report = {
    valid: false,
    findings: [
      { file: 'k8s/root.yaml', rule: 'no-privileged', severity: 'ERROR' as const, message: 'privileged', line: 9 },
      { file: 'k8s/cm.yaml', rule: 'labels', severity: 'WARNING' as const, message: 'no labels' },
    ],
  };

  it('sends a clean file to NEEDS_REVIEW and a file with an error through INVALID to REJECTED, audited', async () => {
    const stored = await storeGenerated(store, files, report, { user: 'erin', prompt: 'generate k8s --from x' });
    expect(stored).toMatchObject([
      { path: 'k8s/cm.yaml', state: 'NEEDS_REVIEW', errors: 0, warnings: 1, revision: 1 },
      { path: 'k8s/root.yaml', state: 'REJECTED', errors: 1, warnings: 0, revision: 1 },
    ]);
    const clean = await store.generatedConfigs.get(stored[0]!.id);
    expect(clean).toMatchObject({
      state: 'NEEDS_REVIEW',
      human_review_required: true,
      generator_tool: 'opspilot-generate',
    });
    const bad = await store.generatedConfigs.get(stored[1]!.id);
    expect(bad.review_notes).toBe('rejected automatically: 1 validation error(s)');
    expect(bad.validation_results).toEqual([
      { rule: 'no-privileged', severity: 'ERROR', message: 'privileged', line: 9 },
    ]);
    const actions = async (id: string) =>
      (await store.audit.list({ target: `generated_config/${id}` })).items.map((e) => e.action).reverse();
    expect(await actions(stored[0]!.id)).toEqual([
      'generated_config.generated',
      'generated_config.validation',
      'generated_config.needs_review',
    ]);
    expect(await actions(stored[1]!.id)).toEqual([
      'generated_config.generated',
      'generated_config.validation',
      'generated_config.invalid',
      'generated_config.rejected',
    ]);
    const command = await store.aiCommands.get(clean.ai_command_id!);
    expect(command).toMatchObject({ validation_status: 'INVALID', user_id: 'erin' });
    expect(bad.ai_command_id).toBe(clean.ai_command_id);
  });
});
