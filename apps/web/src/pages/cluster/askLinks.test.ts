import { describe, expect, it } from 'vitest';
import { askPath, findingRequest, objectRequest } from './askLinks.js';

describe('Ask links of the cluster browser', () => {
  it('prefills the Ask page with the cluster and the request, encoded', () => {
    const path = askPath('c-1', 'restart deployment backend in namespace todo');
    expect(path.startsWith('/ask?')).toBe(true);
    const params = new URLSearchParams(path.slice('/ask?'.length));
    expect(params.get('cluster')).toBe('c-1');
    expect(params.get('request')).toBe('restart deployment backend in namespace todo');
  });

  it("offers the usual action per kind and a finding's fix first", () => {
    expect(objectRequest({ kind: 'Deployment', name: 'backend', namespace: 'todo' })).toBe(
      'restart deployment backend in namespace todo',
    );
    expect(objectRequest({ kind: 'Node', name: 'worker-1' })).toBe('describe node worker-1');
    expect(objectRequest({ kind: 'Pod', name: 'web-1', namespace: 'todo' })).toBe(
      'show logs of pod web-1 in namespace todo',
    );
    expect(
      findingRequest({ message: 'x', proposedFix: { description: 'raise the limit', command: 'kubectl set …' } }),
    ).toBe('kubectl set …');
    expect(findingRequest({ message: 'x', proposedFix: { description: 'raise the limit' } })).toBe('raise the limit');
    expect(findingRequest({ message: 'pod crashes' })).toBe('fix: pod crashes');
  });
});
