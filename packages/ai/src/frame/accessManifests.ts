import type { KubeObject } from '@opspilot/core';
import { KINDS, type KnownKind, kindOfWord } from '../intent/kindWords.js';
import { workloadView } from '../plan/podTemplate.js';
import type { Frame } from './frame.js';
import type { FrameContext } from './frameContext.js';
import { nameWord } from './podSpecFromText.js';
import type { Entity } from './vocabulary.js';

type Built = { summary: string; objects: KubeObject[] } | { question: string };

const READ = ['get', 'list', 'watch'];
const WRITE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];
const VERB_WORDS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

const groupOf = (kind: KnownKind) => {
  const version = KINDS[kind].apiVersion;
  return version.includes('/') ? (version.split('/')[0] as string) : '';
};

/**
 * Access objects from a description: a ServiceAccount, a Role with the verbs (`read-only` → get/list/watch,
 * `manage`/`full` → all, or the verbs named) on the resources named, and the RoleBinding giving it to the account;
 * or a NetworkPolicy: default deny (ingress, egress or both), allow from named workloads or namespaces on ports, or
 * DNS egress.
 */
export function accessManifests(
  frame: Frame,
  what: 'Access' | 'NetworkPolicy',
  namespace: string,
  ctx: FrameContext,
): Built {
  return what === 'Access' ? rbac(frame, namespace, ctx) : networkPolicy(frame, namespace, ctx);
}

function rbac(frame: Frame, namespace: string, ctx: FrameContext): Built {
  const t = frame.text;
  // `reader4 (a service account in todo)`, `reader6, a service account, …`: the name before its apposition.
  const apposition = t.match(
    /\b([a-z0-9][a-z0-9.-]*)\s*(?:,|\(|-)\s*(?:a|an|the|our|my)\s+(?:service\s*account|serviceaccount)\b/i,
  )?.[1];
  const account =
    nameWord(apposition) ??
    nameWord(
      t.match(/\b(?:service\s*account|serviceaccount|sa)\s+(?:named\s+|called\s+)?["'`]?([a-z0-9][a-z0-9.-]*)/i)?.[1],
    ) ??
    nameWord(t.match(/\b([a-z0-9][a-z0-9-]*)\s+(?:service\s*account|serviceaccount)\b/i)?.[1]);
  const roleName = nameWord(t.match(/\brole\s+(?:named\s+|called\s+)?["'`]?([a-z0-9][a-z0-9.-]*)/i)?.[1]);
  const bindingName = nameWord(
    t.match(/\b(?:role\s*binding|binding)\s+(?:named\s+|called\s+)?["'`]?([a-z0-9][a-z0-9.-]*)/i)?.[1],
  );
  const resources: KnownKind[] = [];
  for (const token of frame.tokens) {
    if (/^service$/.test(token.lower) && /^accounts?$/.test(frame.tokens[token.index + 1]?.lower ?? '')) continue;
    const kind = kindOfWord(token.lower);
    if (
      kind &&
      !['ServiceAccount', 'Role', 'RoleBinding', 'Namespace', 'ClusterRole', 'ClusterRoleBinding'].includes(kind) &&
      !resources.includes(kind) &&
      token.lower !== 'sa'
    ) {
      if (token.lower === 'config' && !/\bconfig\s*maps?\b/i.test(t)) continue;
      resources.push(kind);
    }
  }
  if (/\blogs?\b/i.test(t) && !resources.includes('Pod')) resources.push('Pod');
  const named = VERB_WORDS.filter((v) =>
    new RegExp(String.raw`\b${v}\b`, 'i').test(
      t.replace(/\bcreate\s+(?:a|an|the)\b.*?\b(?:role|account|binding)\b/i, ''),
    ),
  );
  const verbs =
    /\b(read[- ]?only|read|view|viewer|look|see)\b/i.test(t) && !/\b(write|edit|manage|full|admin)\b/i.test(t)
      ? READ
      : /\b(write|edit|manage|full|admin|modify|all\s+verbs)\b/i.test(t)
        ? WRITE
        : named.length
          ? named
          : READ;
  // A service account with nothing said about what it may do is only the account.
  const onlyAccount =
    !resources.length &&
    !roleName &&
    !/\b(access|permissions?|rights|read\w*|write|view|edit|manage|admin|role|bind\w*|can|able|grant\w*|allow\w*)\b/i.test(
      t,
    );
  const bindOnly =
    /\bbind\b/i.test(t) &&
    roleName &&
    ctx.vocabulary.entities.length >= 0 &&
    !/\b(can|access|permission|read|write)\b/i.test(t);
  const objects: KubeObject[] = [];
  const exists = (kind: string, name: string) =>
    ctx.vocabulary.entities.some((e) => e.kind === kind && e.name === name && e.namespace === namespace);
  if (account && !exists('ServiceAccount', account)) {
    objects.push({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: account, namespace } });
  }
  if (onlyAccount) {
    if (!account) return { question: 'What should the service account be called?' };
    return { summary: `Create service account ${account} in namespace ${namespace}`, objects };
  }
  if (!resources.length && !bindOnly) {
    return {
      question:
        'Access to which resources? For example: "read-only access to pods for service account reader-sa in todo".',
    };
  }
  const resourceWord = (resources[0] ? KINDS[resources[0]].plural : 'pods').replace(/s$/, '');
  const role =
    roleName ?? `${resourceWord}-${verbs === READ ? 'reader' : verbs === WRITE ? 'editor' : verbs.join('-')}`;
  if (!bindOnly) {
    const groups = new Map<string, string[]>();
    for (const r of resources.length ? resources : (['Pod'] as KnownKind[])) {
      const list = groups.get(groupOf(r)) ?? [];
      list.push(KINDS[r].plural);
      if (r === 'Pod' && /\blogs?\b/i.test(t)) list.push('pods/log');
      groups.set(groupOf(r), list);
    }
    objects.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: role, namespace },
      rules: [...groups].map(([group, list]) => ({ apiGroups: [group], resources: list, verbs })),
    } as KubeObject);
  }
  const subject = account ?? (bindOnly ? undefined : undefined);
  const user = t.match(/\b(?:user|group)\s+([a-z0-9@.-]+)/i);
  if (subject || user) {
    const subjects = subject
      ? [{ kind: 'ServiceAccount', name: subject, namespace }]
      : [
          {
            kind: /\bgroup\b/i.test(user?.[0] ?? '') ? 'Group' : 'User',
            name: user?.[1] ?? '',
            apiGroup: 'rbac.authorization.k8s.io',
          },
        ];
    objects.push({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: bindingName ?? `${role}-${subject ?? user?.[1]}`.slice(0, 63), namespace },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: role },
      subjects,
    } as KubeObject);
  } else if (bindOnly) {
    return { question: `Bind role ${role} to whom? For example: "bind role ${role} to service account reader-sa".` };
  }
  const summary = `Give ${subject ? `service account ${subject}` : user ? user[0] : 'role holders'} ${verbs.join('/')} on ${resources.map((r) => KINDS[r].plural).join(', ') || 'pods'} in namespace ${namespace}`;
  return { summary, objects };
}

const podLabels = (e: Entity) =>
  e.kind === 'Pod' ? (e.object.metadata.labels ?? {}) : workloadView(e.object).podLabels;

const CONNECTS = /^(?:talk|connect|reach|access|call|send|hit|contact)(?:s|es|ed|ing)?$/;

function networkPolicy(frame: Frame, named_namespace: string, ctx: FrameContext): Built {
  const t = frame.text;
  // No namespace named: the one the workloads named live in, when they share one.
  const homes = new Set(
    frame.mentions.flatMap((m) =>
      m.entities.filter((e) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(e.kind)).map((e) => e.namespace),
    ),
  );
  const namespace =
    !frame.namespace && !ctx.namespace && homes.size === 1 ? ([...homes][0] ?? named_namespace) : named_namespace;
  const workloads = frame.mentions
    .map((m) => ({
      m,
      e: m.entities.find(
        (e) => ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'].includes(e.kind) && e.namespace === namespace,
      ),
    }))
    .filter((x): x is { m: (typeof frame.mentions)[number]; e: Entity } => x.e !== undefined);
  const sources: Entity[] = [];
  const targets: Entity[] = [];
  for (const { m, e } of workloads) {
    const before = frame.tokens
      .slice(Math.max(0, m.start - 3), m.start)
      .map((x) => x.lower)
      .join(' ');
    // `frontend can reach backend`, `frontend should be allowed to connect to backend`, `frontend is the only app
    // that can reach it`: the one followed by a verb of connecting (before any other object) is the source.
    const next = workloads.find((w) => w.m.start > m.start)?.m.start ?? frame.tokens.length;
    const following = frame.tokens.slice(m.end, Math.min(next, m.end + 8)).map((x) => x.lower);
    if (following.some((w) => CONNECTS.test(w)) && !/(?:^|\s)(?:to|into)(?:\s+(?:the|pods?|app|of))*$/.test(before))
      sources.push(e);
    else if (/(?:^|\s)(?:from|except)(?:\s+(?:the|pods?|app|of))*$/.test(before)) sources.push(e);
    else targets.push(e);
  }
  // Pods given by a label (`from app=frontend to app=backend`): the workloads whose pods carry it.
  for (const m of t.matchAll(
    /\b(from|to|into|for)\s+(?:the\s+)?(?:pods?\s+)?(?:with\s+|labell?ed\s+)?(?:(?:the\s+)?labels?\s+)?([a-z0-9][\w./-]*)=([\w.-]+)/gi,
  )) {
    const [, preposition, key, value] = m;
    const carriers = ctx.vocabulary.entities.filter(
      (e) =>
        ['Deployment', 'StatefulSet', 'DaemonSet'].includes(e.kind) &&
        e.namespace === namespace &&
        podLabels(e)[key as string] === value,
    );
    const into = /^from$/i.test(preposition ?? '') ? sources : targets;
    for (const e of carriers) if (!sources.includes(e) && !targets.includes(e)) into.push(e);
  }
  const fromNamespace = (frame.input ?? t).match(
    /\bfrom\s+(?:the\s+)?(?:namespace\s+([a-z0-9-]+)|([a-z0-9-]+)\s+namespace)\b/i,
  );
  const sourceNamespace = fromNamespace ? (fromNamespace[1] ?? fromNamespace[2]) : undefined;
  const ports = frame.quantities.ports.map((port) => ({ protocol: 'TCP', port }));
  const target = targets[0];
  const podSelector = target ? { matchLabels: podLabels(target) } : {};
  const named =
    nameWord(t.match(/\b(?:named|called)\s+([a-z0-9][a-z0-9-]*)/i)?.[1]) ??
    nameWord(t.match(/\bpolicy\s+([a-z0-9][a-z0-9-]*)/i)?.[1]);
  if (/\bdns\b/i.test(t)) {
    const object = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: named ?? (target ? `${target.name}-allow-dns` : 'allow-dns-egress'), namespace },
      spec: {
        podSelector,
        policyTypes: ['Egress'],
        egress: [
          {
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    } as KubeObject;
    return {
      summary: `Allow DNS egress (port 53) from ${target ? `pods of ${target.name}` : 'every pod'} in namespace ${namespace}`,
      objects: [object],
    };
  }
  const egress = /\begress\b|\boutgoing\b|\boutbound\b/i.test(t);
  const both = /\ball\s+traffic\b|\bboth\b|\bin\s+and\s+out\b/i.test(t) && !sources.length && !sourceNamespace;
  if (!sources.length && !sourceNamespace) {
    if (
      !/\bden(?:y|ies|ying|ied)\b|\bblock|\bisolat|\bno\s+(?:pod|traffic)\b|\bdefault|\bshould\s+not\s+accept/i.test(t)
    ) {
      return {
        question:
          'Which traffic should the policy allow or deny? For example: "allow traffic to backend only from frontend on port 8000" or "deny all ingress in todo".',
      };
    }
    const types = both ? ['Ingress', 'Egress'] : egress ? ['Egress'] : ['Ingress'];
    const object = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: named ?? (target ? `${target.name}-deny-all` : 'default-deny'), namespace },
      spec: { podSelector, policyTypes: types },
    } as KubeObject;
    return {
      summary: `Deny all ${types.join(' and ').toLowerCase()} traffic ${target ? `of ${target.name}` : 'of every pod'} in namespace ${namespace}`,
      objects: [object],
    };
  }
  if (!target) {
    return { question: 'Traffic to which pods? For example: "allow traffic to backend only from frontend".' };
  }
  const peers = [
    ...sources.map((s) => ({ podSelector: { matchLabels: podLabels(s) } })),
    ...(sourceNamespace
      ? [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': sourceNamespace } } }]
      : []),
  ];
  const object = {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: named ?? `${target.name}-allow-${sources[0]?.name ?? sourceNamespace}`.slice(0, 63), namespace },
    spec: {
      podSelector,
      policyTypes: ['Ingress'],
      ingress: [{ from: peers, ...(ports.length ? { ports } : {}) }],
    },
  } as KubeObject;
  void ctx;
  return {
    summary: `Allow traffic to ${target.name} only from ${[...sources.map((s) => s.name), ...(sourceNamespace ? [`namespace ${sourceNamespace}`] : [])].join(' and ')}${ports.length ? ` on port ${ports.map((p) => p.port).join(', ')}` : ''}`,
    objects: [object],
  };
}
