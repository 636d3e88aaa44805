import { describe, expect, it } from 'vitest';
import type { PodTemplate } from './kubeShapes.js';
import { templateDiff } from './templateDiff.js';

const template = (app: Record<string, unknown>, pod: Record<string, unknown> = {}): PodTemplate => ({
  spec: { containers: [{ name: 'app', image: 'nginx:1.27', ...app }], ...pod },
});

describe('templateDiff', () => {
  it('is empty for templates a pod behaves the same under', () => {
    expect(templateDiff(template({}), template({}))).toEqual([]);
  });
  it('names each changed field of a container and of the pod, from → to', () => {
    expect(
      templateDiff(
        template({ command: ['python3'], image: 'nginx:9' }, { nodeSelector: { a: 'b' } }),
        template({}, {}),
      ),
    ).toEqual([
      'containers[app].image: "nginx:9" → "nginx:1.27"',
      'containers[app].command: ["python3"] → (unset)',
      'spec.nodeSelector: {"a":"b"} → (unset)',
    ]);
  });
  it('says when a container exists on one side only', () => {
    const sidecar: PodTemplate = { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }, { name: 'proxy' }] } };
    expect(templateDiff(sidecar, template({}))).toEqual(['containers[proxy]: present → (unset)']);
  });
});
