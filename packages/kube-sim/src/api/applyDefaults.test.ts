import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../store/kubeObject.js';
import { applyDefaults, defaultJobSelector } from './applyDefaults.js';
import { admitPodSpec, defaultPullPolicy, qosClassOf } from './defaultPodSpec.js';

let next = 0;
const allocate = { clusterIp: () => `10.96.0.${++next + 10}`, nodePort: () => 30000 + next++ };
const obj = (apiVersion: string, kind: string, spec: object, name = 'x'): KubeObject => ({
  apiVersion,
  kind,
  metadata: { name, namespace: 'default' },
  spec: spec as KubeObject['spec'],
});

describe('applyDefaults', () => {
  it('defaults pods as the API server and its admission do', () => {
    const pod = obj('v1', 'Pod', {
      containers: [
        {
          name: 'a',
          image: 'nginx',
          ports: [{ containerPort: 80 }],
          readinessProbe: { httpGet: { path: '/', port: 80 } },
        },
      ],
    });
    applyDefaults(pod, allocate);
    expect(pod.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      serviceAccountName: 'default',
      enableServiceLinks: true,
      containers: [
        {
          imagePullPolicy: 'Always',
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          readinessProbe: {
            timeoutSeconds: 1,
            periodSeconds: 10,
            successThreshold: 1,
            failureThreshold: 3,
            httpGet: { scheme: 'HTTP' },
          },
        },
      ],
    });
    expect((pod.spec as { tolerations: unknown[] }).tolerations).toHaveLength(2);
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('adds the 300 s not-ready and unreachable tolerations unless a NoExecute toleration already covers them', () => {
    const tolerationsOf = (tolerations: unknown[]) => {
      const spec: Record<string, unknown> = { containers: [], tolerations };
      admitPodSpec(spec);
      return spec.tolerations;
    };
    const unreachable = {
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    };
    const own = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 };
    expect(tolerationsOf([own])).toEqual([own, unreachable]);
    // A NoSchedule toleration of the key does not cover NoExecute: the default is still added.
    const noSchedule = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' };
    expect(tolerationsOf([noSchedule])).toEqual([noSchedule, { ...own, tolerationSeconds: 300 }, unreachable]);
    // Tolerating every taint (no key, no effect) covers both.
    expect(tolerationsOf([{ operator: 'Exists' }])).toEqual([{ operator: 'Exists' }]);
  });

  it('picks the pull policy from the tag and the QoS class from resources', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('registry:5000/nginx')).toBe('Always');
    expect(defaultPullPolicy('registry:5000/nginx:1.27')).toBe('IfNotPresent');
    expect(defaultPullPolicy('nginx@sha256:abc')).toBe('IfNotPresent');
    const limits = { cpu: '1', memory: '1Gi' };
    expect(qosClassOf({ containers: [{ resources: { limits } }] })).toBe('Guaranteed');
    expect(qosClassOf({ containers: [{ resources: { requests: { cpu: '1' } } }] })).toBe('Burstable');
  });

  it('defaults deployments and is idempotent, so re-sending a manifest changes nothing', () => {
    const dep = obj('apps/v1', 'Deployment', { template: { spec: { containers: [{ name: 'a', image: 'nginx:1' }] } } });
    applyDefaults(dep, allocate);
    expect(dep.spec).toMatchObject({
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
    const again = structuredClone(dep);
    applyDefaults(again, allocate, dep);
    expect(again).toEqual(dep);
  });

  it('allocates a cluster IP and node ports once and keeps them on update', () => {
    const svc = obj('v1', 'Service', { type: 'NodePort', ports: [{ port: 80 }] });
    applyDefaults(svc, allocate);
    const spec = svc.spec as { clusterIP: string; ports: { nodePort: number; targetPort: number; protocol: string }[] };
    expect(spec).toMatchObject({ sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', ipFamilies: ['IPv4'] });
    expect(spec.ports[0]).toMatchObject({ protocol: 'TCP', targetPort: 80 });
    const replacement = obj('v1', 'Service', { type: 'NodePort', ports: [{ port: 80 }] });
    applyDefaults(replacement, allocate, svc);
    expect(replacement.spec).toMatchObject({
      clusterIP: spec.clusterIP,
      ports: [{ nodePort: spec.ports[0]!.nodePort }],
    });
  });

  it('gives namespaces their phase and name label, secrets their data and jobs their selector', () => {
    const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } };
    applyDefaults(ns, allocate);
    expect(ns).toMatchObject({
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
      metadata: { labels: { 'kubernetes.io/metadata.name': 'team' } },
    });
    const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: { a: 'b' } };
    applyDefaults(secret, allocate);
    expect(secret).toMatchObject({ type: 'Opaque', data: { a: 'Yg==' } });
    expect(secret.stringData).toBeUndefined();
    const job = obj('batch/v1', 'Job', { template: { spec: { restartPolicy: 'Never', containers: [] } } }, 'pi');
    job.metadata.uid = 'u-1';
    applyDefaults(job, allocate);
    defaultJobSelector(job);
    expect(job.spec).toMatchObject({
      completions: 1,
      parallelism: 1,
      backoffLimit: 6,
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } },
      template: { metadata: { labels: { 'batch.kubernetes.io/job-name': 'pi', 'job-name': 'pi' } } },
    });
  });
});
