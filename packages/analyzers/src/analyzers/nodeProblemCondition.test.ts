import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { nodeProblemCondition } from './nodeProblemCondition.js';

describe('node-problem-condition', () => {
  it('reports nothing on a healthy cluster, nor on a problem condition that is False', () => {
    const cluster = healthyCluster();
    (cluster.find('Node', 'worker-1').status as { conditions: unknown[] }).conditions.push({
      type: 'KernelDeadlock',
      status: 'False',
      reason: 'KernelHasNoDeadlock',
    });
    expect(analyzeWith(nodeProblemCondition, cluster.objects)).toEqual([]);
  });

  it('reports the conditions node-problem-detector sets', () => {
    const cluster = healthyCluster();
    (cluster.find('Node', 'worker-1').status as { conditions: unknown[] }).conditions.push(
      {
        type: 'ReadonlyFilesystem',
        status: 'True',
        reason: 'FilesystemIsReadOnly',
        message: 'Filesystem is read-only',
      },
      {
        type: 'FrequentContainerdRestart',
        status: 'True',
        reason: 'FrequentContainerdRestart',
        message: 'containerd is restarting frequently',
      },
    );
    const findings = analyzeWith(nodeProblemCondition, cluster.objects);
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['node-problem-condition:node/worker-1:ReadonlyFilesystem', 'HIGH'],
      ['node-problem-condition:node/worker-1:FrequentContainerdRestart', 'MEDIUM'],
    ]);
    expect(findings[0]?.message).toBe(
      'Node worker-1 reports ReadonlyFilesystem (FilesystemIsReadOnly): Filesystem is read-only',
    );
  });
});
