import { describe, expect, it } from 'vitest';
import { applyListType, listStrategyAt, REPLACE } from './patchSchema.js';
import { patchStrategyFor } from './patchStrategyFor.js';

const at = (apiVersion: string, kind: string, path: string) =>
  listStrategyAt(patchStrategyFor(apiVersion, kind)!, path.split('.'));

const POD_SPECS: [string, string, string][] = [
  ['v1', 'Pod', 'spec'],
  ['v1', 'PodTemplate', 'template.spec'],
  ['v1', 'ReplicationController', 'spec.template.spec'],
  ['apps/v1', 'Deployment', 'spec.template.spec'],
  ['apps/v1', 'ReplicaSet', 'spec.template.spec'],
  ['apps/v1', 'StatefulSet', 'spec.template.spec'],
  ['apps/v1', 'DaemonSet', 'spec.template.spec'],
  ['batch/v1', 'Job', 'spec.template.spec'],
  ['batch/v1', 'CronJob', 'spec.jobTemplate.spec.template.spec'],
];

describe('patchStrategyFor', () => {
  it.each(POD_SPECS)('%s %s merges the pod spec at %s', (apiVersion, kind, prefix) => {
    for (const list of ['containers', 'initContainers', 'ephemeralContainers', 'volumes', 'imagePullSecrets']) {
      expect(at(apiVersion, kind, `${prefix}.${list}`), list).toMatchObject({ strategy: 'merge', key: 'name' });
    }
    for (const c of ['containers', 'initContainers', 'ephemeralContainers']) {
      expect(at(apiVersion, kind, `${prefix}.${c}.[].env`)).toMatchObject({ strategy: 'merge', key: 'name' });
      expect(at(apiVersion, kind, `${prefix}.${c}.[].ports`)).toMatchObject({
        strategy: 'merge',
        key: 'containerPort',
      });
      expect(at(apiVersion, kind, `${prefix}.${c}.[].volumeMounts`)).toMatchObject({ key: 'mountPath' });
      expect(at(apiVersion, kind, `${prefix}.${c}.[].envFrom`).strategy).toBe('replace');
    }
    expect(at(apiVersion, kind, `${prefix}.tolerations`).strategy).toBe('replace');
  });

  it('keys container ports by containerPort and protocol for server-side apply, defaulting TCP', () => {
    const ports = at('apps/v1', 'Deployment', 'spec.template.spec.containers.[].ports');
    expect(applyListType(ports)).toEqual({ type: 'map', keys: ['containerPort', 'protocol'] });
    expect(ports.keyDefaults).toEqual({ protocol: 'TCP' });
    expect(applyListType(at('v1', 'Service', 'spec.ports'))).toEqual({ type: 'map', keys: ['port', 'protocol'] });
    expect(at('v1', 'Service', 'spec.ports')).toMatchObject({ strategy: 'merge', key: 'port' });
  });

  it('covers metadata lists and status conditions', () => {
    expect(at('apps/v1', 'Deployment', 'metadata.ownerReferences')).toMatchObject({ strategy: 'merge', key: 'uid' });
    expect(at('v1', 'ConfigMap', 'metadata.finalizers').strategy).toBe('merge');
    expect(at('v1', 'ConfigMap', 'metadata.finalizers').key).toBeUndefined();
    expect(applyListType(at('v1', 'ConfigMap', 'metadata.finalizers')).type).toBe('set');
    expect(at('v1', 'Pod', 'status.conditions')).toMatchObject({ strategy: 'merge', key: 'type' });
    expect(at('apps/v1', 'Deployment', 'status.conditions')).toMatchObject({ strategy: 'merge', key: 'type' });
    expect(applyListType(at('batch/v1', 'Job', 'status.conditions')).type).toBe('atomic');
    expect(at('v1', 'Node', 'spec.taints').strategy).toBe('replace');
  });

  it('replaces lists nobody declared, and knows every built-in group but no custom resource', () => {
    expect(at('apps/v1', 'Deployment', 'spec.template.spec.containers.[].args')).toMatchObject({ strategy: 'replace' });
    expect(at('v1', 'ConfigMap', 'data')).toBe(REPLACE);
    expect(patchStrategyFor('rbac.authorization.k8s.io/v1', 'Role')).toBeDefined();
    expect(patchStrategyFor('example.com/v1', 'Widget')).toBeUndefined();
    expect(patchStrategyFor('monitoring.coreos.com/v1', 'ServiceMonitor')).toBeUndefined();
  });
});
