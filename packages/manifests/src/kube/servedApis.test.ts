import { describe, expect, it } from 'vitest';
import { BUILT_IN_KINDS } from './builtInKinds.js';
import { REMOVED_APIS } from './removedApis.js';
import { compareKubeVersions, parseKubeVersion, SERVED_SINCE, servedIn } from './servedApis.js';

describe('servedIn', () => {
  it('knows what each version serves, by the deprecation guide', () => {
    expect(servedIn('policy/v1beta1', 'PodSecurityPolicy', '1.24')).toEqual({ served: true });
    expect(servedIn('policy/v1beta1', 'PodSecurityPolicy', 'v1.25.0')).toEqual({
      served: false,
      reason: 'removed',
      removedIn: '1.25',
    });
    expect(servedIn('autoscaling/v2', 'HorizontalPodAutoscaler', '1.22')).toEqual({
      served: false,
      reason: 'not-yet',
      since: '1.23',
    });
    expect(servedIn('autoscaling/v2', 'HorizontalPodAutoscaler', '1.23').served).toBe(true);
    expect(servedIn('batch/v1beta1', 'CronJob', '1.24').served).toBe(true);
    expect(servedIn('batch/v1beta1', 'CronJob', '1.25').served).toBe(false);
    expect(servedIn('batch/v1', 'CronJob', '1.20').served).toBe(false);
    // flowcontrol: v1beta1 1.20–1.25, v1beta2 1.23–1.28, v1beta3 1.26–1.31, v1 from 1.29.
    const flow = (v: string) =>
      ['v1beta1', 'v1beta2', 'v1beta3', 'v1'].filter(
        (version) => servedIn(`flowcontrol.apiserver.k8s.io/${version}`, 'FlowSchema', v).served,
      );
    expect(flow('1.22')).toEqual(['v1beta1']);
    expect(flow('1.24')).toEqual(['v1beta1', 'v1beta2']);
    expect(flow('1.26')).toEqual(['v1beta2', 'v1beta3']);
    expect(flow('1.29')).toEqual(['v1beta3', 'v1']);
    expect(flow('1.32')).toEqual(['v1']);
    expect(servedIn('v1', 'Pod', '1.16').served).toBe(true);
  });

  it('lists only API versions the validator has schemas for, each introduced before it is removed', () => {
    for (const [key, since] of Object.entries(SERVED_SINCE)) {
      const i = key.lastIndexOf('/');
      const [apiVersion, kind] = [key.slice(0, i), key.slice(i + 1)];
      expect(BUILT_IN_KINDS[apiVersion], key).toBeDefined();
      if (kind !== '*') expect(BUILT_IN_KINDS[apiVersion], key).toContain(kind);
      const removed = REMOVED_APIS[key] ?? REMOVED_APIS[`${apiVersion}/*`];
      if (removed) expect(compareKubeVersions(since, removed.removedIn), key).toBeLessThan(0);
    }
  });

  it('reads versions as kubectl and helm write them', () => {
    expect(parseKubeVersion('1.24')).toEqual([1, 24]);
    expect(parseKubeVersion('v1.31.2')).toEqual([1, 31]);
    expect(parseKubeVersion('v1.30.1-eks-1234')).toEqual([1, 30]);
    expect(parseKubeVersion('latest')).toBeUndefined();
    expect(compareKubeVersions('1.9', '1.16')).toBeLessThan(0);
  });
});
