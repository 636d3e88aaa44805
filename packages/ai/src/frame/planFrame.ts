export type { FrameContext } from './frameContext.js';

import type { PlanStep } from '@opspilot/core';
import type { Intent, TargetPhrase } from '../intent/intent.js';
import { type KnownKind, SCALABLE_KINDS, WORKLOAD_KINDS } from '../intent/kindWords.js';
import { buildSteps } from '../plan/buildSteps.js';
import { type Built, question, steps, unsupported } from '../plan/planContext.js';
import { createFromFrame } from './createFromFrame.js';
import type { Frame } from './frame.js';
import type { FrameContext } from './frameContext.js';
import { entityCandidate, namespaceOf, pickTargets, whichOneQuestion } from './pickTargets.js';
import { trafficTarget } from './trafficTarget.js';
import type { Entity } from './vocabulary.js';

const LABELLABLE: KnownKind[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Pod',
  'Service',
  'ConfigMap',
  'Secret',
  'Node',
  'Namespace',
  'PersistentVolumeClaim',
];
const DELETABLE: KnownKind[] = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Pod',
  'Service',
  'ConfigMap',
  'Secret',
  'PersistentVolumeClaim',
  'Job',
  'CronJob',
  'Ingress',
  'HorizontalPodAutoscaler',
  'ServiceAccount',
];
/** The kinds a diagnosis or a repair can be about. */
export const INSPECTABLE: KnownKind[] = [
  ...WORKLOAD_KINDS,
  'Pod',
  'Node',
  'Service',
  'PersistentVolumeClaim',
  'Job',
  'CronJob',
  'HorizontalPodAutoscaler',
  'ConfigMap',
];

const phrase = (e: Entity): TargetPhrase => ({
  kind: e.kind,
  name: e.name,
  ...(e.namespace ? { namespace: e.namespace } : {}),
});

/** The steps of one intent per target, merged into one plan; the first question or refusal wins. */
async function each(targets: Entity[], ctx: FrameContext, intentOf: (t: TargetPhrase) => Intent): Promise<Built> {
  const all: PlanStep[] = [];
  const summaries: string[] = [];
  for (const target of targets) {
    const built = await buildSteps(intentOf(phrase(target)), ctx);
    if (built.kind !== 'steps') return built;
    all.push(...built.steps);
    summaries.push(built.summary);
  }
  ctx.acted = targets;
  return steps(summaries.join('; '), all);
}

const FILLER = new Set(['the', 'and', 'for', 'all', 'one', 'its', 'that', 'this', 'with', 'from', 'into', 'please']);

/**
 * The word of the request that begins or ends a part of the name, if any (`the end deployment` → backend,
 * frontend): such objects are offered first when no name matched whole.
 */
function partlyNamed(name: string, frame: Frame, kinds: readonly KnownKind[]): string | undefined {
  const kindWords = new Set(kinds.flatMap((k) => [k.toLowerCase(), `${k.toLowerCase()}s`]));
  return frame.tokens.find((t) => {
    const word = t.lower;
    if (word.length < 3 || !/^[a-z0-9]+$/.test(word) || FILLER.has(word) || kindWords.has(word)) return false;
    if (frame.action && word.startsWith(frame.action.toLowerCase().slice(0, 4))) return false;
    return name.split(/[-.]/).some((part) => part.startsWith(word) || part.endsWith(word));
  })?.lower;
}

function missingTarget(frame: Frame, what: string, kinds: readonly KnownKind[], ctx: FrameContext): Built {
  const namespace = namespaceOf(frame, ctx.namespace);
  const fitting = ctx.vocabulary.entities.filter(
    (e) => kinds.includes(e.kind) && (!namespace || !e.namespace || e.namespace === namespace),
  );
  const words = fitting.map((e) => partlyNamed(e.name, frame, kinds));
  const partial = fitting.filter((_, i) => words[i]);
  const word = words.find(Boolean);
  if (partial.length && word) return whichOneQuestion(word, partial.slice(0, 8), namespace);
  const options = fitting.slice(0, 8);
  const kindWords = [...new Set(kinds.map((k) => k.toLowerCase()))].slice(0, 3).join(' or ');
  return question(
    `Which ${kindWords} should I ${what}?${options.length ? ` For example: ${options.map((e) => `${e.namespace ? `${e.namespace}/` : ''}${e.name}`).join(', ')}.` : ''}`,
    options.map(entityCandidate),
  );
}

const ERROR_WORDS: [RegExp, string][] = [
  [/\berrors?\b/i, 'error|exception|fatal|panic'],
  [/\bexceptions?\b/i, 'exception'],
  [/\bwarn(?:ing)?s?\b/i, 'warn'],
  [/\btime\s*outs?\b|\btimed\s+out\b/i, 'timeout|timed out'],
  [/\bfail(?:ure|ures|ed)?\b/i, 'fail'],
];

function logMatch(text: string): string | undefined {
  const quoted = text.match(
    /\b(?:grep|search|look|filter|find|containing|matching|mentioning|with)\s+(?:for\s+)?["'](.+?)["']/i,
  );
  if (quoted?.[1]) return quoted[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const grep = text.match(/\b(?:grep|search|look)\s+(?:for\s+)?([A-Za-z0-9_-]+)\b/i);
  if (grep?.[1] && !/^(the|in|logs?)$/i.test(grep[1])) {
    return grep[1].toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return ERROR_WORDS.find(([p]) => p.test(text))?.[1];
}

const LIST_FILTERS: [RegExp, 'notRunning' | 'pending' | 'failed' | 'running' | 'crashing' | 'unschedulable'][] = [
  [
    /\bnot\s+running\b|\bnon-?running\b|\baren'?t\s+running\b|\bunhealthy\b|\bnot\s+healthy\b|\bnot\s+ready\b/i,
    'notRunning',
  ],
  [/\bpending\b|\bstuck\b/i, 'pending'],
  [/\bfailed\b|\bfailing\b/i, 'failed'],
  [/\bcrash\w*\b|\brestarting\b/i, 'crashing'],
  [/\bunschedulable\b|\bcordoned\b/i, 'unschedulable'],
  [/\brunning\b/i, 'running'],
];

/**
 * Plans a grounded frame: the targets come from the cluster's vocabulary, the values from the typed extractors, and
 * each target's steps from the planner's step builders (which resolve and read the live objects). Undefined when the
 * frame gives nothing to plan on (the caller then answers as for an unknown request).
 */
export async function planFrame(frame: Frame, ctx: FrameContext): Promise<Built | undefined> {
  const q = frame.quantities;
  const pick = (kinds: readonly KnownKind[], allowAllKinds = false) =>
    pickTargets(frame, ctx.vocabulary, kinds, {
      ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
      ...(ctx.previous ? { previous: ctx.previous } : {}),
      allowAllKinds,
      preferKindOrder: ['get', 'analyze', 'fix', 'logs', 'expose'].includes(frame.action),
    });
  const withTargets = async (
    kinds: readonly KnownKind[],
    verb: string,
    intentOf: (t: TargetPhrase) => Intent,
    allowAllKinds = false,
  ): Promise<Built> => {
    const picked = pick(kinds, allowAllKinds);
    if (picked.kind === 'built') return picked.built;
    if (picked.kind === 'none') return missingTarget(frame, verb, kinds, ctx);
    return each(picked.targets, ctx, intentOf);
  };
  switch (frame.action) {
    case 'scale': {
      const amount = q.scale;
      // `bump backend to 1.1`: a version, not a count.
      if (!amount && (q.tag || q.images.length)) return planFrame({ ...frame, action: 'setImage' }, ctx);
      if (!amount) {
        const picked = pick(SCALABLE_KINDS);
        const names = picked.kind === 'targets' ? picked.targets.map((t) => t.name).join(', ') : 'it';
        return question(
          `To how many replicas should I scale ${names}? For example: "scale ${names} to 3", "by 50%", "up by 2".`,
        );
      }
      return withTargets(SCALABLE_KINDS, 'scale', (target) => ({ action: 'scale', target, amount }));
    }
    case 'restart':
      return withTargets(WORKLOAD_KINDS, 'restart', (target) => ({ action: 'restart', target }));
    case 'rollback':
      return withTargets(WORKLOAD_KINDS, 'roll back', (target) =>
        q.revision ? { action: 'rollback', target, toRevision: q.revision } : { action: 'rollback', target },
      );
    case 'setImage': {
      const image = q.images[0];
      const tag = q.tag;
      if (!image && !tag)
        return question(
          'Which image or version should it run? For example: "update backend to version 1.1" or "set the image of backend to todo/backend:1.1".',
        );
      const container = frame.tokens.find((t) =>
        ctx.vocabulary.entities.some((e) =>
          (
            (e.object.spec as { template?: { spec?: { containers?: { name: string }[] } } })?.template?.spec
              ?.containers ?? []
          ).some((c) => c.name === t.lower && c.name !== e.name),
        ),
      )?.lower;
      return withTargets(WORKLOAD_KINDS, 'update', (target) => ({
        action: 'setImage',
        target,
        ...(image ? { image } : { tag: tag as string }),
        ...(container ? { container } : {}),
      }));
    }
    case 'setEnv': {
      const env = { ...q.pairs };
      const words = frame.text.match(/\b([A-Z][A-Z0-9_]*)\s+(?:to|as|=)\s+("[^"]*"|'[^']*'|\S+)/);
      if (words?.[1] && words[2] && !(words[1] in env)) env[words[1]] = words[2].replace(/^(["'])(.*)\1$/, '$2');
      if (Object.keys(env).length === 0)
        return question(
          'Which variables should I set? Write them as NAME=value, e.g. "set LOG_LEVEL=debug on backend".',
        );
      return withTargets(WORKLOAD_KINDS, 'set the variables on', (target) => ({ action: 'setEnv', target, env }));
    }
    case 'setResources': {
      if (!Object.keys(q.requests).length && !Object.keys(q.limits).length) {
        if (q.size && frame.kinds.includes('PersistentVolumeClaim'))
          return planFrame({ ...frame, action: 'resizeVolume' }, ctx);
        return question(
          'Which CPU or memory amounts? For example: "set the memory limit of backend to 512Mi" or "give backend a cpu request of 250m".',
        );
      }
      return withTargets(WORKLOAD_KINDS, 'change the resources of', (target) => ({
        action: 'setResources',
        target,
        requests: q.requests,
        limits: q.limits,
      }));
    }
    case 'resizeVolume': {
      const size = q.size;
      if (!size) return question('To what size? For example: "resize pvc data to 20Gi".');
      return withTargets(['PersistentVolumeClaim'], 'resize', (target) => ({ action: 'resizeVolume', target, size }));
    }
    case 'expose': {
      // A service with a name of its own (`a service named svc2 in front of web-app`) is created as described.
      const serviceName = frame.text.match(
        /\b(?:service|svc)\s+(?:named\s+|called\s+)?([a-z0-9][a-z0-9-]*)\b|\b(?:named|called)\s+([a-z0-9][a-z0-9-]*)/i,
      );
      const own = serviceName?.[1] ?? serviceName?.[2];
      if (
        own &&
        !/^(for|on|in|to|at|that|which|with|selecting|exposing)$/i.test(own) &&
        !ctx.vocabulary.entities.some((e) => e.name === own)
      ) {
        return createFromFrame({ ...frame, action: 'create', kinds: ['Service', ...frame.kinds] }, ctx);
      }
      const type = /\bnode\s*port\b/i.test(frame.text)
        ? 'NodePort'
        : /\bload\s*balancer\b|\bexternal(?:ly)?\b|\boutside\b|\binternet\b/i.test(frame.text)
          ? 'LoadBalancer'
          : 'ClusterIP';
      const picked = pick([...WORKLOAD_KINDS, 'Pod']);
      if (picked.kind === 'built') return picked.built;
      if (picked.kind === 'none') return missingTarget(frame, 'expose', WORKLOAD_KINDS, ctx);
      const all: PlanStep[] = [];
      const summaries: string[] = [];
      for (const t of picked.targets) {
        const containerPort = (
          t.object.spec as { template?: { spec?: { containers?: { ports?: { containerPort: number }[] }[] } } }
        )?.template?.spec?.containers?.[0]?.ports?.[0]?.containerPort;
        const port = q.ports[0] ?? containerPort;
        if (!port)
          return question(`On which port should ${t.name} be exposed? For example: "expose ${t.name} on port 80".`);
        const built = await buildSteps(
          { action: 'expose', target: phrase(t), port, type, ...(q.targetPort ? { targetPort: q.targetPort } : {}) },
          ctx,
        );
        if (built.kind !== 'steps') return built;
        all.push(...built.steps);
        summaries.push(built.summary);
      }
      ctx.acted = picked.targets;
      return steps(summaries.join('; '), all);
    }
    case 'delete': {
      const kinds: KnownKind[] = frame.kinds.includes('Namespace')
        ? ['Namespace']
        : frame.kinds.includes('Node')
          ? ['Node']
          : DELETABLE;
      const picked = pick(kinds, true);
      if (picked.kind === 'built') return picked.built;
      if (picked.kind === 'none') return missingTarget(frame, 'delete', kinds, ctx);
      if (picked.targets.some((t) => t.kind === 'Node'))
        return unsupported('Deleting a node is not planned here; drain it first ("drain node …").', [
          'drain node sim-worker-1',
        ]);
      return each(picked.targets, ctx, (target) => ({ action: 'delete', target }));
    }
    case 'cordon':
    case 'uncordon':
    case 'drain': {
      const op = frame.action;
      return withTargets(['Node'], op, (target) => ({ action: 'node', op, target }));
    }
    case 'label':
    case 'annotate': {
      const field = frame.action === 'label' && !/\bannotat/i.test(frame.text) ? 'labels' : 'annotations';
      const removing = /\b(remove|delete|drop|unset|clear|take\s+off|strip|unlabel)\b|\btake\b.*\boff\b/i.test(
        frame.text,
      );
      let values: Record<string, string | null> = { ...q.pairs };
      if (q.removals.length) for (const k of q.removals) values[k] = null;
      if (removing && Object.keys(q.pairs).length === 0 && !q.removals.length) {
        const keys =
          frame.text.match(
            /\b(?:remove|delete|drop|unset|clear|take\s+off|strip)\s+(?:the\s+)?(?:labels?\s+|annotations?\s+)?([A-Za-z0-9][\w./-]*(?:\s*(?:,|and)\s*[A-Za-z0-9][\w./-]*)*)\s+(?:labels?\s+|annotations?\s+)?(?:from|on|of)\b/i,
          ) ??
          frame.text.match(
            /\b(?:take|remove|strip|drop|clear)\s+(?:the\s+)?([A-Za-z0-9][\w./-]*)\s+(?:labels?|annotations?)\s+(?:off|away)\b/i,
          );
        const names = (keys?.[1] ?? '')
          .split(/\s*,\s*|\s+and\s+/)
          .filter((k) => k && !/^(labels?|annotations?|the)$/i.test(k));
        values = Object.fromEntries(names.map((k) => [k, null]));
      }
      if (Object.keys(values).length === 0)
        return question(
          `Which ${field === 'labels' ? 'label' : 'annotation'}? Write it as key=value, e.g. "label deployment backend with team=payments".`,
        );
      // Keys named for removal are words of the request, not objects.
      const keyWords = new Set(Object.keys(values).map((k) => k.toLowerCase()));
      const framed = { ...frame, mentions: frame.mentions.filter((m) => !keyWords.has(m.text.toLowerCase())) };
      const picked = pickTargets(framed, ctx.vocabulary, LABELLABLE, {
        ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
        ...(ctx.previous ? { previous: ctx.previous } : {}),
        preferWorkload: true,
      });
      if (picked.kind === 'targets' && !frame.kinds.length)
        for (const t of picked.targets)
          if (
            WORKLOAD_KINDS.includes(t.kind) &&
            ctx.vocabulary.entities.some((e) => e !== t && e.name === t.name && e.namespace === t.namespace)
          )
            ctx.assumptions.push(
              `${t.kind.toLowerCase()} ${t.name}, not the other objects of the same name: say "service ${t.name}" to label the Service`,
            );
      if (picked.kind === 'built') return picked.built;
      if (picked.kind === 'none')
        return missingTarget(frame, field === 'labels' ? 'label' : 'annotate', LABELLABLE, ctx);
      return each(picked.targets, ctx, (target) => ({ action: 'metadata', field, target, values }));
    }
    case 'logs': {
      const match = logMatch(frame.text);
      return withTargets([...WORKLOAD_KINDS, 'Pod', 'Job'], 'read the logs of', (target) => ({
        action: 'logs',
        target,
        ...(q.sinceSeconds ? { sinceSeconds: q.sinceSeconds } : {}),
        ...(q.tailLines ? { tailLines: q.tailLines } : {}),
        ...(match ? { match } : {}),
      }));
    }
    case 'get': {
      const describe = /\b(describe|details?|detailed|status|explain|tell\s+me\s+about|info)\b/i.test(frame.text);
      const picked = pick(INSPECTABLE, true);
      if (picked.kind === 'built') return picked.built;
      if (picked.kind === 'none') return frame.kinds.length ? planFrame({ ...frame, action: 'list' }, ctx) : undefined;
      return each(picked.targets, ctx, (target) => ({ action: 'get', target, describe }));
    }
    case 'analyze':
    case 'fix': {
      const picked = pick(INSPECTABLE, true);
      if (picked.kind === 'built') return picked.built;
      // `why are the pods of huge not scheduled`: the pods of a named workload are the workload's to diagnose.
      if (picked.kind === 'none' && frame.kinds.includes('Pod') && frame.mentions.length)
        return planFrame({ ...frame, kinds: frame.kinds.filter((k) => k !== 'Pod') }, ctx);
      if (picked.kind === 'none') {
        const namespace = namespaceOf(frame, ctx.namespace);
        return buildSteps({ action: 'analyze', ...(namespace ? { namespace } : {}), question: frame.text }, ctx);
      }
      if (frame.action === 'fix') {
        ctx.assumptions.push(
          'repairs are chosen by the remediation catalogue (opspilot fix); this plan diagnoses first and says what is wrong',
        );
      }
      return each(picked.targets, ctx, (target) => ({ action: 'analyze', target, question: frame.text }));
    }
    case 'list': {
      // `get secret db-creds`, read as a listing: a kind named with one of its objects by its exact name is a get.
      const kind = frame.kinds[0];
      const named = frame.mentions.some(
        (m) => m.tier === 'exact' && m.entities.some((e) => e.kind === kind && e.kind !== 'Namespace'),
      );
      if (kind && named && !frame.all) return planFrame({ ...frame, action: 'get' }, ctx);
      return listFrame(frame, ctx);
    }
    case 'changes': {
      const namespace = namespaceOf(frame, ctx.namespace);
      const where = namespace ? ` in namespace ${namespace}` : ' in every namespace';
      const window = q.sinceSeconds ?? 3600;
      const span = window % 3600 === 0 ? `${window / 3600} h` : `${Math.round(window / 60)} min`;
      return steps(`Show what changed in the last ${span}${where}: the audit log, rollouts and events`, [
        {
          op: 'changes',
          sinceSeconds: window,
          ...(namespace ? { namespace } : {}),
          description: `Read the audit log, rollouts and events of the last ${span}${where}`,
        },
      ]);
    }
    case 'switchTraffic': {
      const colour =
        trafficTarget(frame.tokens, frame.mentions, ctx.vocabulary)?.to ??
        frame.text.match(/\b(blue|green|canary|stable)\b/i)?.[1]?.toLowerCase();
      if (!colour) return undefined;
      const services = frame.mentions.filter((m) => m.entities.some((e) => e.kind === 'Service'));
      const picked = pickTargets({ ...frame, mentions: services, kinds: ['Service'] }, ctx.vocabulary, ['Service'], {
        ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
      });
      if (picked.kind === 'built') return picked.built;
      if (picked.kind === 'none') return missingTarget(frame, 'switch', ['Service'], ctx);
      return each(picked.targets, ctx, (target) => ({ action: 'switchTraffic', target, to: colour }));
    }
    case 'create':
      return createFromFrame(frame, ctx);
    default:
      return undefined;
  }
}

function listFrame(frame: Frame, ctx: FrameContext): Promise<Built> {
  const q = frame.quantities;
  const images = /\bimages?\b|\bversions?\b/i.test(frame.text);
  const wide = /\bwide\b|\bwith\s+(?:ips?|nodes?)\b|\bwhich\s+nodes?\b.*\bpods?\b/i.test(frame.text);
  const filter = LIST_FILTERS.find(([p]) => p.test(frame.text))?.[1];
  const kind = frame.kinds[0] ?? 'Pod';
  const namespace = frame.allNamespaces ? undefined : namespaceOf(frame, ctx.namespace);
  const intent: Intent = {
    action: 'list',
    kind: images ? 'Pod' : kind,
    ...(namespace ? { namespace } : {}),
    ...(filter && !(filter === 'running' && images) ? { filter } : {}),
    ...(q.labelSelector ? { labelSelector: q.labelSelector } : {}),
    show: images ? 'images' : wide ? 'wide' : 'default',
  };
  return buildSteps(intent, ctx);
}
