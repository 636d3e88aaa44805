import { describe, expect, it } from 'vitest';
import { analyzeWith } from '../__fixtures__/cluster.js';
import { healthyCluster } from '../__fixtures__/healthyCluster.js';
import { nodePressure } from './nodePressure.js';

describe('node-pressure', () => {
  it('reports nothing on a healthy cluster', () => {
    expect(analyzeWith(nodePressure, healthyCluster().objects)).toEqual([]);
  });

  it.each(['MemoryPressure', 'DiskPressure', 'PIDPressure'])('reports %s', (type) => {
    const cluster = healthyCluster();
    const conditions = (cluster.find('Node', 'worker-1').status as { conditions: { type: string; status: string }[] })
      .conditions;
    conditions.find((c) => c.type === type)!.status = 'True';
    const findings = analyzeWith(nodePressure, cluster.objects);
    expect(findings.map((f) => f.id)).toEqual([`node-pressure:node/worker-1:${type}`]);
    expect(findings[0]?.message).toMatch(new RegExp(`^Node worker-1 has ${type}: `));
  });

  it('answers disk pressure with disk, never with CPU or memory tuning', () => {
    const cluster = healthyCluster();
    const conditions = (cluster.find('Node', 'worker-1').status as { conditions: { type: string; status: string }[] })
      .conditions;
    conditions.find((c) => c.type === 'DiskPressure')!.status = 'True';
    const fix = analyzeWith(nodePressure, cluster.objects)[0]?.proposedFix;
    expect(fix?.description).toMatch(/prune unused images/);
    expect(fix?.command).toMatch(/ephemeral-storage/);
    expect(fix?.command).not.toMatch(/cpu|top pods/);
  });
});
