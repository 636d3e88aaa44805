import { describe, expect, it } from 'vitest';
import { healthyDeployment, runKubeRule } from '../testing/kubeTesting.js';
import { podUnsafeSysctls } from './podUnsafeSysctls.js';

describe('podUnsafeSysctls', () => {
  it('passes a healthy object', () => {
    expect(
      runKubeRule(podUnsafeSysctls, [
        (() => {
          const d = healthyDeployment();
          d.spec.template.spec.securityContext.sysctls = [{ name: 'net.ipv4.tcp_syncookies', value: '1' }];
          return d;
        })(),
      ]),
    ).toEqual([]);
  });

  it('reports the broken field with a fix', () => {
    const d = healthyDeployment();
    d.spec.template.spec.securityContext.sysctls = [{ name: 'kernel.msgmax', value: '65536' }];
    const objs = [d];
    const v = runKubeRule(podUnsafeSysctls, objs);
    expect(v).toHaveLength(1);
    expect(v[0]?.message).toContain('kernel.msgmax');
    expect(v.every((x) => x.fix !== undefined && x.fix.length > 0)).toBe(true);
  });
});
