import { validateFiles } from '@opspilot/manifests';
import { openStore, type Store } from '@opspilot/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeGenerated } from './reviewWorkflow.js';

const PRIVILEGED = `apiVersion: v1
kind: Pod
metadata:
  name: root
  namespace: apps
spec:
  containers:
    - name: root
      image: nginx:1.27
      securityContext:
        privileged: true
`;

let store: Store;
beforeAll(async () => {
  store = await openStore({ sqlitePath: ':memory:' });
  await store.migrate();
});
afterAll(() => store.close());

describe('storeGenerated', () => {
  it('walks a file with a validation error through INVALID to REJECTED, with the results and an audit trail', async () => {
    const files = [{ path: 'k8s/root.yaml', content: PRIVILEGED, resourceType: 'Pod' }];
    const report = await validateFiles(files);
    expect(report.summary.errors).toBeGreaterThan(0);
    const [stored] = await storeGenerated(store, files, report, { user: 'erin', prompt: 'test' });
    expect(stored).toMatchObject({ state: 'REJECTED', errors: report.summary.errors });
    const config = await store.generatedConfigs.get(stored!.id);
    expect(config.review_notes).toMatch(/^rejected automatically: \d+ validation error/);
    expect(config.validation_results.some((r) => r.severity === 'ERROR')).toBe(true);
    const audit = await store.audit.list({ target: `generated_config/${stored!.id}` });
    expect(audit.items.map((e) => e.action).reverse()).toEqual([
      'generated_config.generated',
      'generated_config.validation',
      'generated_config.invalid',
      'generated_config.rejected',
    ]);
    expect((await store.aiCommands.get(config.ai_command_id!)).validation_status).toBe('INVALID');
  });

  it('sends a clean file to NEEDS_REVIEW', async () => {
    const files = [
      {
        path: 'k8s/cm.yaml',
        content: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: apps\ndata:\n  A: b\n',
        resourceType: 'ConfigMap',
      },
    ];
    const [stored] = await storeGenerated(store, files, await validateFiles(files), { user: 'erin', prompt: 'test' });
    expect(stored).toMatchObject({ state: 'NEEDS_REVIEW', errors: 0 });
  });
});
