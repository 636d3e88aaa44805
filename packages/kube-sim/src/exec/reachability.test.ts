import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesSelector } from './labelSelector.js';
import {
  type Connection,
  decideConnection,
  inCidr,
  type NetworkPolicyLike,
  type PodEnd,
  policyTypes,
} from './reachability.js';

const frontend: PodEnd = { namespace: 'shop', labels: { app: 'frontend' }, ip: '10.244.1.5' };
const backend: PodEnd = {
  namespace: 'shop',
  labels: { app: 'backend', tier: 'api' },
  ip: '10.244.2.7',
  ports: [{ name: 'http', containerPort: 8080 }],
};
const monitor: PodEnd = { namespace: 'monitoring', labels: { app: 'prometheus' }, ip: '10.244.3.9' };
const nsLabels: Record<string, Record<string, string>> = {
  shop: { 'kubernetes.io/metadata.name': 'shop', team: 'shop' },
  monitoring: { 'kubernetes.io/metadata.name': 'monitoring', purpose: 'observability' },
};
const labelsOf = (ns: string) => nsLabels[ns];

const policy = (name: string, spec: NetworkPolicyLike['spec'], namespace = 'shop'): NetworkPolicyLike => ({
  metadata: { name, namespace },
  spec,
});
const conn = (from = frontend, to = backend, port = 8080, protocol?: string): Connection => ({
  from,
  to,
  port,
  ...(protocol ? { protocol } : {}),
});
const decide = (c: Connection, policies: NetworkPolicyLike[]) => decideConnection(c, policies, labelsOf);

describe('label selectors', () => {
  it('matches matchLabels and every operator of matchExpressions', () => {
    const labels = { app: 'web', tier: 'front' };
    expect(matchesSelector({}, labels)).toBe(true);
    expect(matchesSelector({ matchLabels: { app: 'web' } }, labels)).toBe(true);
    expect(matchesSelector({ matchLabels: { app: 'db' } }, labels)).toBe(false);
    expect(matchesSelector({ matchExpressions: [{ key: 'tier', operator: 'In', values: ['front'] }] }, labels)).toBe(
      true,
    );
    expect(matchesSelector({ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['front'] }] }, labels)).toBe(
      false,
    );
    expect(matchesSelector({ matchExpressions: [{ key: 'x', operator: 'NotIn', values: ['a'] }] }, labels)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'app', operator: 'Exists' }] }, labels)).toBe(true);
    expect(matchesSelector({ matchExpressions: [{ key: 'app', operator: 'DoesNotExist' }] }, labels)).toBe(false);
    expect(matchesSelector({ matchExpressions: [{ key: 'app', operator: 'Gt' }] }, labels)).toBe(false);
  });
});

describe('CIDR blocks', () => {
  it('contains addresses of its prefix only', () => {
    expect(inCidr('10.244.2.7', '10.244.0.0/16')).toBe(true);
    expect(inCidr('10.245.2.7', '10.244.0.0/16')).toBe(false);
    expect(inCidr('10.244.2.7', '10.244.2.7/32')).toBe(true);
    expect(inCidr('1.2.3.4', '0.0.0.0/0')).toBe(true);
    expect(inCidr('10.244.2.7', 'fd00::/8')).toBe(false);
    expect(inCidr('nonsense', '10.0.0.0/8')).toBe(false);
    expect(inCidr('10.0.0.1', '10.0.0.0/33')).toBe(false);
  });
});

describe('network policy decisions', () => {
  it('allows everything when no policy selects either pod', () => {
    expect(decide(conn(), [])).toEqual({ allowed: true });
    const elsewhere = policy('deny-all', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] }, 'monitoring');
    expect(decide(conn(), [elsewhere])).toEqual({ allowed: true });
  });

  it('denies ingress to every pod of the namespace under a deny-all policy', () => {
    const denyAll = policy('default-deny', { podSelector: {} });
    expect(policyTypes(denyAll)).toEqual(['Ingress']);
    expect(decide(conn(), [denyAll])).toEqual({ allowed: false, direction: 'ingress', isolatedBy: ['default-deny'] });
  });

  it('denies egress of the selected pods under an egress deny-all, reporting the isolating policies', () => {
    const denyEgress = policy('no-egress', {
      podSelector: { matchLabels: { app: 'frontend' } },
      policyTypes: ['Egress'],
    });
    expect(decide(conn(), [denyEgress])).toEqual({ allowed: false, direction: 'egress', isolatedBy: ['no-egress'] });
    expect(decide(conn(backend, frontend, 80), [denyEgress])).toEqual({ allowed: true });
  });

  it('takes Egress as a policy type when egress rules are written without policyTypes', () => {
    expect(policyTypes(policy('p', { podSelector: {}, egress: [] }))).toEqual(['Ingress', 'Egress']);
  });

  it('allows ingress from pods a podSelector names, in the policy namespace only', () => {
    const allow = policy('allow-frontend', {
      podSelector: { matchLabels: { app: 'backend' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }] }],
    });
    expect(decide(conn(), [allow]).allowed).toBe(true);
    const otherNamespaceFrontend = { ...frontend, namespace: 'monitoring' };
    expect(decide(conn(otherNamespaceFrontend), [allow]).allowed).toBe(false);
    expect(decide(conn(monitor), [allow]).allowed).toBe(false);
  });

  it('allows ingress from namespaces a namespaceSelector names, and from the intersection when both are given', () => {
    const byNamespace = policy('allow-monitoring', {
      podSelector: {},
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { purpose: 'observability' } } }] }],
    });
    expect(decide(conn(monitor), [byNamespace]).allowed).toBe(true);
    expect(decide(conn(), [byNamespace]).allowed).toBe(false);
    const both = policy('allow-prometheus-only', {
      podSelector: {},
      ingress: [
        {
          from: [
            {
              namespaceSelector: { matchLabels: { purpose: 'observability' } },
              podSelector: { matchLabels: { app: 'grafana' } },
            },
          ],
        },
      ],
    });
    expect(decide(conn(monitor), [both]).allowed).toBe(false);
    expect(decide(conn({ ...monitor, labels: { app: 'grafana' } }), [both]).allowed).toBe(true);
  });

  it('allows peers by ipBlock, minus its except ranges', () => {
    const blocks = policy('by-ip', {
      podSelector: {},
      ingress: [{ from: [{ ipBlock: { cidr: '10.244.0.0/16', except: ['10.244.3.0/24'] } }] }],
    });
    expect(decide(conn(), [blocks]).allowed).toBe(true);
    expect(decide(conn(monitor), [blocks]).allowed).toBe(false);
    expect(decide(conn({ ...frontend, ip: undefined }), [blocks]).allowed).toBe(false);
  });

  it('restricts rules to ports by number, range, name and protocol', () => {
    const ports = (p: object) =>
      policy('ports', { podSelector: { matchLabels: { app: 'backend' } }, ingress: [{ ports: [p] }] });
    expect(decide(conn(), [ports({ port: 8080 })]).allowed).toBe(true);
    expect(decide(conn(frontend, backend, 9090), [ports({ port: 8080 })]).allowed).toBe(false);
    expect(decide(conn(frontend, backend, 9090), [ports({ port: 9000, endPort: 9100 })]).allowed).toBe(true);
    expect(decide(conn(), [ports({ port: 'http' })]).allowed).toBe(true);
    expect(decide(conn(), [ports({ port: 'metrics' })]).allowed).toBe(false);
    expect(decide(conn(), [ports({ protocol: 'UDP', port: 8080 })]).allowed).toBe(false);
    expect(decide(conn(frontend, backend, 8080, 'UDP'), [ports({ protocol: 'UDP' })]).allowed).toBe(true);
  });

  it('adds policies up: one allowing rule in any selecting policy is enough', () => {
    const denyAll = policy('default-deny', { podSelector: {}, policyTypes: ['Ingress'] });
    const allow = policy('allow-frontend', {
      podSelector: { matchLabels: { tier: 'api' } },
      ingress: [{ from: [{ podSelector: { matchLabels: { app: 'frontend' } } }], ports: [{ port: 8080 }] }],
    });
    expect(decide(conn(), [denyAll, allow]).allowed).toBe(true);
    expect(decide(conn(monitor), [denyAll, allow])).toEqual({
      allowed: false,
      direction: 'ingress',
      isolatedBy: ['default-deny', 'allow-frontend'],
    });
  });

  it('needs both the egress of the sender and the ingress of the receiver', () => {
    const egressToBackend = policy('egress-backend', {
      podSelector: { matchLabels: { app: 'frontend' } },
      policyTypes: ['Egress'],
      egress: [{ to: [{ podSelector: { matchLabels: { app: 'backend' } } }], ports: [{ port: 'http' }] }],
    });
    expect(decide(conn(), [egressToBackend]).allowed).toBe(true);
    expect(decide(conn(frontend, { ...backend, labels: { app: 'db' } }), [egressToBackend]).allowed).toBe(false);
    const denyIngress = policy('deny', { podSelector: { matchLabels: { app: 'backend' } }, policyTypes: ['Ingress'] });
    expect(decide(conn(), [egressToBackend, denyIngress])).toMatchObject({ allowed: false, direction: 'ingress' });
  });

  it('always lets a pod reach itself', () => {
    const denyAll = policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    expect(decide(conn(backend, backend), [denyAll]).allowed).toBe(true);
  });

  it('never changes a verdict for policies of namespaces neither pod is in (property)', () => {
    const labels = fc.dictionary(fc.constantFrom('app', 'tier', 'role'), fc.constantFrom('a', 'b', 'c'), {
      maxKeys: 3,
    });
    const pod = fc.record({
      namespace: fc.constantFrom('shop', 'monitoring'),
      labels,
      ip: fc.constantFrom('10.244.1.1', '10.244.2.2', '10.244.3.3'),
    });
    const rule = fc.record({ from: fc.constant([{ podSelector: {} }]), to: fc.constant([{ podSelector: {} }]) });
    const stray = fc.record({
      metadata: fc.record({ name: fc.constant('stray'), namespace: fc.constant('elsewhere') }),
      spec: fc.record({
        podSelector: fc.constant({}),
        policyTypes: fc.constantFrom(['Ingress'], ['Egress'], ['Ingress', 'Egress']),
        ingress: fc.array(rule, { maxLength: 1 }),
      }),
    });
    fc.assert(
      fc.property(pod, pod, fc.integer({ min: 1, max: 65535 }), stray, (a, b, port, extra) => {
        const base = decide({ from: a, to: b, port }, []);
        expect(base.allowed).toBe(true);
        expect(decide({ from: a, to: b, port }, [extra as unknown as NetworkPolicyLike])).toEqual(base);
      }),
    );
  });
});
