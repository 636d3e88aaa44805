import { describe, expect, it } from 'vitest';
import { policyObjects } from '../__fixtures__/policyObjects.js';
import { liveResource } from '../posture/toResources.js';
import { auditPolicies } from './auditPolicies.js';
import { mapPolicySentence } from './mapPolicySentence.js';
import { violationLine } from './securityPolicy.js';

const resources = policyObjects().map((o, i) => liveResource(o, 'cluster:test', i));
const D = (...names: string[]) => names.map((n) => `Deployment/${n.includes('/') ? n : `shop/${n}`}`);
const S = (...names: string[]) => names.map((n) => `Service/shop/${n}`);
const I = (...names: string[]) => names.map((n) => `Ingress/shop/${n}`);

/** [sentence, template, parameters (partial), the objects that violate it]. */
const PHRASINGS: [string, string, Record<string, unknown>, string[]][] = [
  [
    'All deployments must have an owner label',
    'k8srequiredlabels',
    { labels: [{ key: 'owner' }] },
    D('other/elsewhere', 'nolabel'),
  ],
  [
    'Deployments in namespace shop must be labelled with owner',
    'k8srequiredlabels',
    { labels: [{ key: 'owner' }] },
    D('nolabel'),
  ],
  [
    'Every workload needs the labels owner and app',
    'k8srequiredlabels',
    { labels: [{ key: 'owner' }, { key: 'app' }] },
    D('other/elsewhere', 'nolabel'),
  ],
  [
    'Deployments must carry the annotation opspilot.dev/contact',
    'k8srequiredannotations',
    { annotations: [{ key: 'opspilot.dev/contact' }] },
    D('noannotation'),
  ],
  ['Images must come from ghcr.io/acme', 'k8sallowedrepos', { repos: ['ghcr.io/acme'] }, D('dockerhub')],
  [
    'Only allow images from the registry ghcr.io/acme or quay.io/acme',
    'k8sallowedrepos',
    { repos: ['ghcr.io/acme', 'quay.io/acme'] },
    D('dockerhub'),
  ],
  ['Containers must not use the latest tag', 'k8sdisallowedtags', { tags: ['latest'] }, D('latest')],
  ['No images tagged latest', 'k8sdisallowedtags', { tags: ['latest'] }, D('latest')],
  ['Images must be pinned by digest', 'k8simagedigests', {}, D('latest', 'nodigest')],
  ['Every container needs a readiness probe', 'k8srequiredprobes', { probes: ['readinessProbe'] }, D('noreadiness')],
  ['Pods must define liveness probes', 'k8srequiredprobes', { probes: ['livenessProbe'] }, D('noliveness')],
  [
    'Containers must have health checks',
    'k8srequiredprobes',
    { probes: ['readinessProbe', 'livenessProbe'] },
    D('noliveness', 'noreadiness'),
  ],
  ['Memory limits must be at most 1Gi', 'k8scontainerlimits', { memory: '1Gi' }, D('bigmem', 'nolimits')],
  ['All containers must set resource limits', 'k8scontainerlimits', {}, D('nolimits')],
  ['CPU requests must not exceed 500m', 'k8scontainerrequests', { cpu: '500m' }, D('norequests')],
  [
    'Containers must set cpu and memory limits and requests',
    'k8srequiredresources',
    { limits: ['cpu', 'memory'], requests: ['cpu', 'memory'] },
    D('nolimits', 'norequests'),
  ],
  ['Limits may be no more than 2 times the requests', 'k8scontainerratios', { ratio: 2 }, D('bigmem')],
  [
    'Deployments may run at most 10 replicas',
    'k8sreplicalimits',
    { ranges: [{ min_replicas: 0, max_replicas: 10 }] },
    D('toomany'),
  ],
  [
    'Deployments must run between 1 and 10 replicas',
    'k8sreplicalimits',
    { ranges: [{ min_replicas: 1, max_replicas: 10 }] },
    D('toomany'),
  ],
  ['Deployments with more than 1 replica need a PodDisruptionBudget', 'k8srequirepdb', { minReplicas: 2 }, D('nopdb')],
  ['No Service may be of type LoadBalancer', 'k8sblockloadbalancer', {}, S('lb')],
  ['Block NodePort services', 'k8sblocknodeport', {}, S('np')],
  ['Services must not use external IPs', 'k8sexternalips', { allowedIPs: [] }, S('ext')],
  ['Only 198.51.100.7 may be used as an external IP', 'k8sexternalips', { allowedIPs: ['198.51.100.7'] }, S('ext')],
  ['Two services must not share the same selector', 'k8suniqueserviceselector', {}, S('dup', 'web')],
  ['Ingresses must be HTTPS only', 'k8shttpsonly', {}, I('plain')],
  ['Every ingress must use TLS', 'k8singresstls', {}, I('plain')],
  ['Ingress hosts must be unique', 'k8suniqueingresshost', {}, I('copy', 'secure')],
  ['No wildcard hosts on ingresses', 'k8sblockwildcardingress', {}, I('wild')],
  ['Pods must not automount the service account token', 'k8spspautomountserviceaccounttokenpod', {}, D('token')],
  ['No container may run privileged', 'k8spspprivilegedcontainer', {}, D('priv')],
  ['Containers must not allow privilege escalation', 'k8spspallowprivilegeescalationcontainer', {}, D('escalate')],
  ['Pods may not use the host PID namespace', 'k8spsphostnamespace', {}, D('hostpid')],
  ['Pods must not use host networking or host ports', 'k8spsphostnetworkingports', {}, D('hostnet', 'hostport')],
  ['hostPath volumes are forbidden', 'k8spsphostfilesystem', { allowedHostPaths: [] }, D('hostpath')],
  [
    'Containers must not add NET_ADMIN or any other capability',
    'k8spspcapabilities',
    { allowedCapabilities: [] },
    D('caps'),
  ],
  ['Containers must drop all capabilities', 'k8spspcapabilities', { requiredDropCapabilities: ['ALL'] }, D('keepcaps')],
  ['Pods must use the RuntimeDefault seccomp profile', 'k8spspseccomp', {}, D('noseccomp')],
  ['Containers must run with the runtime/default AppArmor profile', 'k8spspapparmor', {}, D('unconfined')],
  ['Root filesystems must be read-only', 'k8spspreadonlyrootfilesystem', {}, D('writable')],
  ['Containers must not run as root', 'k8spspallowedusers', {}, D('root')],
];

describe('plain-English policies', () => {
  it('cover at least 30 phrasings and every template', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(PHRASINGS)('"%s" → %s', (sentence, template, parameters, violating) => {
    const mapped = mapPolicySentence(sentence);
    if (!mapped.ok) throw new Error(`${sentence}: ${mapped.reason}`);
    expect(mapped.template).toBe(template);
    expect(mapped.parameters).toMatchObject(parameters);
    const violations = auditPolicies(
      [
        {
          id: 'p',
          name: 'p',
          template: mapped.template,
          parameters: mapped.parameters,
          match: mapped.match,
          enforcement: 'audit',
          enabled: true,
        },
      ],
      resources,
    );
    expect(violations.map((v) => `${v.kind}/${v.namespace}/${v.name}`).sort()).toEqual([...violating].sort());
    for (const v of violations) expect(violationLine(v)).toMatch(/^VIOLATING: \w+\/[\w-]+\/[\w-]+ — .+/);
  });

  it('answers a sentence it cannot map with the closest templates', () => {
    const mapped = mapPolicySentence('Images must come from an approved registry');
    expect(mapped.ok).toBe(false);
    if (mapped.ok) return;
    expect(mapped.reason).toMatch(/k8sallowedrepos.*registries/);
    expect(mapped.closest[0]?.template).toBe('k8sallowedrepos');
  });

  it('never approximates an unrelated sentence', () => {
    const mapped = mapPolicySentence('Pods must not run on Sundays');
    expect(mapped).toMatchObject({ ok: false, reason: 'no policy template matches this sentence' });
  });

  it('shows which template it chose and for what', () => {
    const mapped = mapPolicySentence('Images in namespace shop must come from ghcr.io/acme');
    expect(mapped).toMatchObject({ ok: true, match: { namespaces: ['shop'] } });
    expect(mapped.ok && mapped.explanation).toMatch(
      /^k8sallowedrepos \(Allowed repositories\) with repos=\["ghcr.io\/acme"\] on Pod, Deployment, .*CronJob in shop$/,
    );
  });
});
