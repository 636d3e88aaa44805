import { describe, expect, it } from 'vitest';
import { ResourceRegistry } from '../../api/resourceRegistry.js';
import type { ResourceType } from '../../api/resourceTypes.js';
import type { KubeObject } from '../../store/kubeObject.js';
import { humanDuration } from './humanDuration.js';
import { evaluateJsonPath } from './jsonPath.js';
import { podState } from './podPrinter.js';
import { toTable } from './toTable.js';

const registry = new ResourceRegistry();
const now = new Date('2026-01-01T01:00:00Z');
const created = '2026-01-01T00:55:00Z';
type Table = {
  columnDefinitions: { name: string; priority: number }[];
  rows: { cells: unknown[]; object?: unknown }[];
};
const table = (type: ResourceType, objects: KubeObject[]) => toTable(type, objects, now) as unknown as Table;
const names = (t: Table, wide = false) =>
  t.columnDefinitions.filter((c) => wide || c.priority === 0).map((c) => c.name);

const pod = (status: Record<string, unknown>, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p', namespace: 'default', creationTimestamp: created, ...extra },
  spec: { containers: [{ name: 'a' }, { name: 'b' }], nodeName: 'node-1' },
  status,
});

describe('humanDuration', () => {
  it.each([
    [5_000, '5s'],
    [119_000, '119s'],
    [150_000, '2m30s'],
    [600_000, '10m'],
    [3 * 3600_000 + 60_000, '3h1m'],
    [30 * 3600_000, '30h'],
    [50 * 3600_000, '2d2h'],
    [40 * 86400_000, '40d'],
    [800 * 86400_000, '2y70d'],
  ])('%d ms is %s', (ms, text) => expect(humanDuration(ms)).toBe(text));
});

describe('pod state as kubectl prints it', () => {
  it('counts ready containers and restarts with the time of the last one', () => {
    const state = podState(
      pod({
        phase: 'Running',
        containerStatuses: [
          {
            name: 'a',
            ready: true,
            restartCount: 2,
            state: { running: {} },
            lastState: { terminated: { finishedAt: '2026-01-01T00:58:00Z' } },
          },
          { name: 'b', ready: false, restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      }),
      now,
    );
    expect(state).toEqual({ ready: '1/2', status: 'CrashLoopBackOff', restarts: '3 (2m ago)' });
  });

  it('shows init progress, terminating pods and completed ones', () => {
    const init = pod({
      phase: 'Pending',
      initContainerStatuses: [{ name: 'i', state: { waiting: { reason: 'PodInitializing' } } }],
    });
    (init.spec as { initContainers: object[] }).initContainers = [{ name: 'i' }];
    expect(podState(init, now).status).toBe('Init:0/1');
    expect(podState(pod({ phase: 'Running' }, { deletionTimestamp: created }), now).status).toBe('Terminating');
    expect(
      podState(
        pod({
          phase: 'Succeeded',
          containerStatuses: [{ name: 'a', state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
        }),
        now,
      ).status,
    ).toBe('Completed');
    expect(
      podState(
        pod({ phase: 'Failed', containerStatuses: [{ name: 'a', state: { terminated: { exitCode: 137 } } }] }),
        now,
      ).status,
    ).toBe('ExitCode:137');
  });
});

describe('toTable', () => {
  it('prints pods with kubectl columns, wide ones at priority 1', () => {
    const t = table(registry.find('', 'v1', 'pods')!, [pod({ phase: 'Running', podIP: '10.244.0.5' })]);
    expect(names(t)).toEqual(['Name', 'Ready', 'Status', 'Restarts', 'Age']);
    expect(names(t, true)).toEqual([
      'Name',
      'Ready',
      'Status',
      'Restarts',
      'Age',
      'IP',
      'Node',
      'Nominated Node',
      'Readiness Gates',
    ]);
    expect(t.rows[0]!.cells).toEqual(['p', '0/2', 'Running', '0', '5m', '10.244.0.5', 'node-1', '<none>', '<none>']);
    expect(t.rows[0]!.object).toMatchObject({ kind: 'PartialObjectMetadata', metadata: { name: 'p' } });
  });

  it('prints events without a leading NAME column and with repeat counts', () => {
    const event: KubeObject = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'p.1', namespace: 'default', creationTimestamp: created },
      involvedObject: { kind: 'Pod', name: 'p' },
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      count: 4,
      firstTimestamp: '2026-01-01T00:50:00Z',
      lastTimestamp: '2026-01-01T00:59:00Z',
    };
    const t = table(registry.find('', 'v1', 'events')!, [event]);
    expect(names(t)).toEqual(['Last Seen', 'Type', 'Reason', 'Object', 'Message']);
    expect(t.rows[0]!.cells.slice(0, 4)).toEqual(['60s (x4 over 10m)', 'Warning', 'BackOff', 'pod/p']);
  });

  it('prints services, deployments and the default storage class as kubectl does', () => {
    const svc: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 's', creationTimestamp: created },
      spec: {
        type: 'NodePort',
        clusterIP: '10.96.0.20',
        ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }],
        selector: { app: 's' },
      },
    };
    expect(table(registry.find('', 'v1', 'services')!, [svc]).rows[0]!.cells).toEqual([
      's',
      'NodePort',
      '10.96.0.20',
      '<none>',
      '80:30080/TCP',
      '5m',
      'app=s',
    ]);
    const dep: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd', creationTimestamp: created },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'd' } },
        template: { spec: { containers: [{ name: 'c', image: 'nginx:1' }] } },
      },
      status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 },
    };
    expect(table(registry.find('apps', 'v1', 'deployments')!, [dep]).rows[0]!.cells).toEqual([
      'd',
      '2/3',
      3,
      2,
      '5m',
      'c',
      'nginx:1',
      'app=d',
    ]);
    const sc: KubeObject = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'standard',
        creationTimestamp: created,
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'rancher.io/local-path',
    };
    expect(table(registry.find('storage.k8s.io', 'v1', 'storageclasses')!, [sc]).rows[0]!.cells[0]).toBe(
      'standard (default)',
    );
  });

  it('uses a CRD printer columns and falls back to NAME and AGE', () => {
    const custom: ResourceType = {
      group: 'example.com',
      version: 'v1',
      kind: 'Widget',
      plural: 'widgets',
      singular: 'widget',
      namespaced: true,
      verbs: [],
      printerColumns: [
        { name: 'Size', type: 'integer', jsonPath: '.spec.size' },
        { name: 'Ready', type: 'string', jsonPath: '.status.conditions[?(@.type=="Ready")].status' },
      ],
    };
    const w: KubeObject = {
      apiVersion: 'example.com/v1',
      kind: 'Widget',
      metadata: { name: 'w', creationTimestamp: created },
      spec: { size: 3 },
      status: {
        conditions: [
          { type: 'Other', status: 'False' },
          { type: 'Ready', status: 'True' },
        ],
      },
    };
    expect(table(custom, [w]).rows[0]!.cells).toEqual(['w', 3, 'True']);
    expect(names(table({ ...custom, printerColumns: undefined }, [w]))).toEqual(['Name', 'Age']);
    expect(evaluateJsonPath(w, '.spec.missing')).toBeUndefined();
  });
});
