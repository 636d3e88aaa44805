import { describe, expect, it } from 'vitest';
import { BUILTIN_ANALYZERS } from '../builtinAnalyzers.js';
import { ANALYZER_GUIDES } from './analyzerGuides.js';
import { explainOffline } from './explainOffline.js';

describe('explainOffline', () => {
  it('has a guide for every built-in analyzer and none for unknown ones', () => {
    expect(Object.keys(ANALYZER_GUIDES).sort()).toEqual(BUILTIN_ANALYZERS.map((a) => a.id).sort());
  });

  it('builds the explanation from message, guide, evidence, consequences and fix', () => {
    const root = {
      id: 'pod-oom-killed:pod/shop/web-1:web',
      analyzer: 'pod-oom-killed',
      severity: 'CRITICAL' as const,
      resource: { kind: 'Pod', name: 'web-1', namespace: 'shop' },
      message: 'Container web of pod shop/web-1 was OOMKilled',
      evidence: [
        {
          kind: 'field' as const,
          source: 'pod/shop/web-1 status.containerStatuses[0].lastState',
          detail: '{"terminated":{"reason":"OOMKilled"}}',
        },
      ],
      sensitive: [],
      proposedFix: { description: 'Raise the memory limit', command: 'kubectl patch deployment/web -n shop' },
      docsUrl: 'https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
    };
    const symptom = {
      ...root,
      id: 'deployment-unavailable:deployment/shop/web',
      analyzer: 'deployment-unavailable',
      message: 'Deployment shop/web has 0 of 1 replicas available',
    };
    const text = explainOffline({ id: root.id, severity: 'CRITICAL', rootCause: root, symptoms: [symptom] });
    expect(text.split('\n')).toEqual([
      'Container web of pod shop/web-1 was OOMKilled.',
      `Why: ${ANALYZER_GUIDES['pod-oom-killed']?.cause}`,
      'Evidence:',
      '  - field pod/shop/web-1 status.containerStatuses[0].lastState: {"terminated":{"reason":"OOMKilled"}}',
      'Consequences (1):',
      '  - Deployment shop/web has 0 of 1 replicas available',
      `Check: ${ANALYZER_GUIDES['pod-oom-killed']?.check}`,
      'Fix: Raise the memory limit',
      '  $ kubectl patch deployment/web -n shop',
      'Docs: https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/',
    ]);
  });
});
