import { describe, expect, it } from 'vitest';
import { describesExistence } from './describesExistence.js';

describe('a request that describes what should exist', () => {
  it('reads a described existence as a creation', () => {
    for (const text of [
      'A namespace qa-3 is needed',
      'A service account robot4 should exist in the todo namespace',
      'There should be a namespace named qa-6',
      'We need a fresh namespace, qa-5',
      'todo needs a service account named robot6',
      'Deployment res4, image nginx:1.27, resource requests: cpu=100m, memory=128Mi',
      'Pod vol6 (image nginx:1.27) needs configmap todo-config mounted into /etc/config',
      'Set up res5: an nginx:1.27 deployment with 100m CPU',
      'Namespace qa-7',
      'res7 should be a deployment of nginx:1.27',
    ])
      expect(describesExistence(text), text).toBe(true);
  });

  it('never reads a change of an existing object, a read or a bare need as a creation', () => {
    const exists = (name: string) => ['backend', 'frontend'].includes(name);
    for (const text of [
      'service backend: annotate with owner=alice',
      'deployment backend',
      'backend should be a deployment with 3 replicas',
      'the backend deployment should be scaled to 4',
      'which namespaces are there',
      'we need more replicas of backend',
      'run nginx:1.27 in a new deployment web8',
    ])
      expect(describesExistence(text, exists), text).toBe(false);
  });
});
