import { describe, expect, it } from 'vitest';
import { companions, healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { containerPrivilegedPort } from './containerPrivilegedPort.js';

describe('containerPrivilegedPort', () => {
  it('passes a container on a high port', () => {
    expect(runKubeRule(containerPrivilegedPort, [healthyDeployment(), ...companions()])).toEqual([]);
  });

  it('reports a port below 1024 (not 22, which container-ssh-port reports)', () => {
    const d = healthyDeployment();
    d.spec.template.spec.containers[0].ports.push({ containerPort: 443 }, { containerPort: 22 });
    const v = runKubeRule(containerPrivilegedPort, [d]);
    expect(v.map((x) => x.path)).toEqual(['spec.template.spec.containers[0].ports[1].containerPort']);
    expect(v[0]?.message).toContain('443');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
