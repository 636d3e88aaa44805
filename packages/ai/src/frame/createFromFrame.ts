import type { KubeObject, PlanStep } from '@opspilot/core';
import { SCALABLE_KINDS } from '../intent/kindWords.js';
import { dataValues } from '../intent/matchers/dataValues.js';
import { type Built, question, steps } from '../plan/planContext.js';
import { workloadView } from '../plan/podTemplate.js';
import { withTag } from '../plan/workloadSteps.js';
import { accessManifests } from './accessManifests.js';
import type { Frame } from './frame.js';
import type { FrameContext } from './frameContext.js';
import { namespaceOf, pickTargets } from './pickTargets.js';
import { containerImages, imageBaseName, nameWord, podSpecFromText } from './podSpecFromText.js';
import type { Entity } from './vocabulary.js';

type Obj = Record<string, unknown>;

/** What a creation request makes, from the words that name it. */
type Making =
  | 'Namespace'
  | 'Deployment'
  | 'Pod'
  | 'StatefulSet'
  | 'Service'
  | 'ConfigMap'
  | 'Secret'
  | 'HorizontalPodAutoscaler'
  | 'Job'
  | 'CronJob'
  | 'Access'
  | 'NetworkPolicy'
  | 'Canary'
  | 'ResourceQuota';

const KIND_WORD: Record<string, string> = {
  Namespace: String.raw`namespace|ns`,
  Deployment: String.raw`deployment|deploy`,
  Pod: String.raw`pod`,
  StatefulSet: String.raw`stateful\s*set|statefulset|sts`,
  Service: String.raw`service|svc`,
  ConfigMap: String.raw`config\s*map|configmap`,
  Secret: String.raw`secret`,
  Job: String.raw`(?<!cron\s?)job`,
  CronJob: String.raw`cron\s*job|cronjob`,
  ResourceQuota: String.raw`quota|resource\s*quota`,
};

const POLICY_WORDS =
  /\b(network\s*polic\w*|netpol|firewall|default[- ]deny|deny(?:-all)?\s+polic\w*)\b|\b(?:egress|ingress)\s+(?:rule|polic\w*)\b|\bdns\b.*\b(?:egress|allow\w*|permit\w*|let|reach|resolve|lookups?)\b|\b(?:egress|allow\w*|permit\w*|let)\b.*\bdns\b/i;
const TRAFFIC_RULE =
  /\b(den(?:y|ies|ying|ied)|block\w*|isolat\w*|allow\w*|permit\w*|let|restrict\w*|only)\b.*\b(traffic|ingress|egress|incoming|inbound|outgoing|outbound|connect\w*|reach|talk|dns)\b/i;

function making(frame: Frame): Making | undefined {
  const t = frame.text;
  if (/\bcanary\b/i.test(t)) return 'Canary';
  if (/\b(hpa|auto-?scal\w*|horizontal\s+pod\s+autoscaler|scal\w*\s+automatically)\b/i.test(t))
    return 'HorizontalPodAutoscaler';
  if (/^(?:create|make|add|set\s+up|provision|new|i\s+need)\s+(?:a\s+|an\s+|the\s+)?(?:new\s+)?namespace\b/i.test(t))
    return 'Namespace';
  if ((POLICY_WORDS.test(t) || TRAFFIC_RULE.test(t)) && !/\brole\b|\bservice\s*account\b|\bpermission/i.test(t))
    return 'NetworkPolicy';
  if (
    /\b(role\s*binding|cluster\s*role|(?:read[- ]?only|read|write|full|admin|view|edit)\s+(?:access|permissions?|rights)|permissions?\s+to|can\s+(?:get|list|watch|read|create|delete|update|patch|view)|grant|bind\s+(?:the\s+)?role|\brole\b|able\s+to\s+(?:read|list|get|view))/i.test(
      t,
    )
  )
    return 'Access';
  if (/\bservice\s*account\b|\bserviceaccount\b/i.test(t)) return 'Access';
  if (/\bresource\s*quota|\bquota\b/i.test(t) && !/\bnamespace\b/i.test(t)) return 'ResourceQuota';
  const order: Making[] = [
    'Namespace',
    'StatefulSet',
    'CronJob',
    'Job',
    'Deployment',
    'Pod',
    'ConfigMap',
    'Secret',
    'Service',
  ];
  let first: { kind: Making; at: number } | undefined;
  for (const kind of order) {
    const m = new RegExp(String.raw`\b(?:${KIND_WORD[kind]})s?\b`, 'i').exec(t);
    if (!m) continue;
    if (kind === 'Namespace' && !/^(?:create|make|add|set\s+up|provision|new|i\s+need)\b/i.test(t)) continue;
    // `deploy nginx:1.27 as …`: the verb, not the kind (a Deployment only when nothing else is named).
    if (kind === 'Deployment' && /^deploy$/i.test(m[0])) continue;
    // `with 2 pods`: a replica count, not a kind.
    if (kind === 'Pod' && /(?:^|\s)\d+\s*$|\b(?:two|three|four|five)\s*$/i.test(t.slice(0, m.index))) continue;
    if (first && m.index >= first.at) continue;
    first = { kind, at: m.index };
  }
  if (first) return first.kind;
  if (/\b(deploy|run|launch|start|spin\s+up|host)\b/i.test(t) && containerImages(frame).length)
    return /\bpod\b/i.test(t) ? 'Pod' : 'Deployment';
  return undefined;
}

/** The new object's name: `named X`, `called X`, `as X`, `a X deployment`, or the word after the kind. */
function newName(frame: Frame, kind: string): string | undefined {
  const words = KIND_WORD[kind] ?? kind;
  const named =
    frame.text.match(/\b(?:named|called)\s+["'`]?([a-z0-9][a-z0-9.-]*)/i)?.[1] ??
    frame.text.match(
      /\bas\s+(?:an?\s+)?(?:new\s+)?(?:deployment|pod|statefulset|stateful\s+set|job|cronjob|cron\s+job)?\s*(?:named\s+|called\s+)?([a-z0-9][a-z0-9-]*)\b/i,
    )?.[1];
  const after = frame.text.match(new RegExp(String.raw`\b(?:${words})\s+["'\`]?([a-z0-9][a-z0-9.-]*)`, 'i'))?.[1];
  const before = frame.text.match(
    new RegExp(String.raw`\b(?:an?|the|new)\s+([a-z0-9][a-z0-9-]*)\s+(?:${words})\b`, 'i'),
  )?.[1];
  const isImage = (w: string | undefined) => frame.quantities.images.some((i) => i.toLowerCase() === w?.toLowerCase());
  const fit = (w: string | undefined) =>
    isImage(w) || /^(new|one-off|clusterip|nodeport|headless|single|simple|stateful|cron)$/i.test(w ?? '')
      ? undefined
      : nameWord(w);
  return fit(named) ?? fit(after) ?? fit(before);
}

const meta = (name: string, namespace?: string, labels?: Record<string, string>) => ({
  name,
  ...(namespace ? { namespace } : {}),
  ...(labels ? { labels } : {}),
});

function create(object: KubeObject, what?: string): PlanStep {
  const where = object.metadata.namespace ? ` in namespace ${object.metadata.namespace}` : '';
  return {
    op: 'apply',
    mode: 'create',
    object,
    description: what ?? `create ${object.kind} ${object.metadata.name}${where}`,
  };
}

/** Cron schedules said in words: `every 5 minutes`, `hourly`, `daily at 3:00`, `every day at 02:30`. */
function schedule(text: string): string | undefined {
  const cron = text.match(/["'`]((?:[\d*/,-]+\s+){4}[\d*/,-]+)["'`]/)?.[1];
  if (cron) return cron;
  let m = text.match(/\bevery\s+(\d+)\s+min(?:ute)?s?\b/i);
  if (m) return `*/${m[1]} * * * *`;
  m = text.match(/\bevery\s+(\d+)\s+hours?\b/i);
  if (m) return `0 */${m[1]} * * *`;
  if (/\bevery\s+minute\b/i.test(text)) return '* * * * *';
  if (/\b(hourly|every\s+hour)\b/i.test(text)) return '0 * * * *';
  m = text.match(
    /\b(?:daily|every\s+day|each\s+day|nightly|every\s+night)(?:\s+at\s+(\d{1,2})(?::(\d{2}))?\s*(am|pm)?)?/i,
  );
  if (m) {
    let hour = m[1] ? Number(m[1]) : 0;
    if (m[3]?.toLowerCase() === 'pm' && hour < 12) hour += 12;
    return `${Number(m[2] ?? 0)} ${hour} * * *`;
  }
  if (/\b(weekly|every\s+week)\b/i.test(text)) return '0 0 * * 0';
  return undefined;
}

/**
 * Plans the creation a frame describes — one or several objects as ordered steps: namespaces (with a quota and a
 * default-deny policy), Deployments, Pods, StatefulSets (with a headless Service and volume claim templates), Jobs
 * and CronJobs (pod specs from {@link podSpecFromText}), Services, ConfigMaps, Secrets, HPAs, access (ServiceAccount,
 * Role, RoleBinding) and NetworkPolicies ({@link accessManifests}), and canaries next to a stable Deployment. A
 * missing image or name is asked for; the namespace must exist or be created by an earlier step.
 */
export async function createFromFrame(frame: Frame, ctx: FrameContext): Promise<Built> {
  const what = making(frame);
  if (!what) {
    return question(
      'What should I create? For example: "create a deployment web with image nginx:1.27 and 2 replicas", "create namespace dev", "create a service account reader-sa with read-only access to pods in todo".',
    );
  }
  const there = /\b(there|in\s+it|inside\s+it)\b/i.test(frame.text);
  const createdNs = [...ctx.created].reverse().find((c) => c.kind === 'Namespace')?.name;
  const namespace = (there && createdNs) || namespaceOf(frame, ctx.namespace) || createdNs || 'default';
  const known = (ns: string) =>
    ctx.namespaces.some((n) => n.metadata.name === ns) ||
    ctx.created.some((c) => c.kind === 'Namespace' && c.name === ns);
  const needNamespace = (): Built | undefined => {
    if (!namespaceOf(frame, ctx.namespace) && !createdNs)
      ctx.assumptions.push('namespace default: no namespace was named');
    if (known(namespace)) return undefined;
    return question(
      `Namespace ${namespace} does not exist. Create it first ("create namespace ${namespace}") or name another one.`,
      ctx.namespaces.map((n) => ({ ref: { kind: 'Namespace', name: n.metadata.name }, label: n.metadata.name })),
    );
  };
  const done = (summary: string, list: PlanStep[]): Built => {
    for (const s of list) {
      if (s.op === 'apply')
        ctx.created.push({
          kind: s.object.kind,
          name: s.object.metadata.name,
          ...(s.object.metadata.namespace ? { namespace: s.object.metadata.namespace } : {}),
        });
    }
    return steps(summary, list);
  };
  const q = frame.quantities;
  switch (what) {
    case 'Namespace': {
      const name = newName(frame, 'Namespace');
      if (!name) return question('What should the namespace be called? For example: "create namespace staging".');
      const list: PlanStep[] = [create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } })];
      list.push(...namespaceExtras(frame, name));
      return done(`Create namespace ${name}${list.length > 1 ? ' with its quota and policies' : ''}`, list);
    }
    case 'ResourceQuota': {
      const missing = needNamespace();
      if (missing) return missing;
      const extras = namespaceExtras(frame, namespace);
      if (!extras.length)
        return question(
          'Which limits should the quota set? For example: "create a quota in dev of 10 pods, 4 cpu and 8Gi memory".',
        );
      return done(`Create a resource quota in namespace ${namespace}`, extras);
    }
    case 'Deployment':
    case 'Pod':
    case 'StatefulSet':
    case 'Job':
    case 'CronJob': {
      const images = containerImages(frame);
      const main = images.find((i) => i.role === 'main') ?? images[0];
      const name = newName(frame, what) ?? (main ? imageBaseName(main.image) : undefined);
      if (!main) {
        return question(
          `Which image should ${what.toLowerCase()} ${name ?? ''} run? For example: "create a ${what.toLowerCase()} ${name ?? 'web'} with image nginx:1.27".`.replace(
            /\s+/g,
            ' ',
          ),
        );
      }
      if (!name) return question(`What should the ${what.toLowerCase()} be called?`);
      const missing = needNamespace();
      if (missing) return missing;
      const spec = podSpecFromText(frame, name, main.image, ctx.vocabulary, namespace);
      const labels = { app: name };
      const template = { metadata: { labels }, spec };
      const replicas = q.scale?.mode === 'absolute' ? q.scale.replicas : undefined;
      const list: PlanStep[] = [];
      const after: PlanStep[] = [];
      let object: KubeObject;
      if (what === 'Pod') {
        object = { apiVersion: 'v1', kind: 'Pod', metadata: meta(name, namespace, labels), spec };
      } else if (what === 'Deployment') {
        object = {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: meta(name, namespace, labels),
          spec: { replicas: replicas ?? 1, selector: { matchLabels: labels }, template },
        };
      } else if (what === 'Job') {
        object = {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: meta(name, namespace, labels),
          spec: { backoffLimit: 3, template: { ...template, spec: { ...spec, restartPolicy: 'Never' } } },
        };
      } else if (what === 'CronJob') {
        const cron = schedule(frame.text);
        if (!cron)
          return question(
            `How often should cronjob ${name} run? For example: "every 5 minutes", "hourly", "daily at 3:00".`,
          );
        object = {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          metadata: meta(name, namespace, labels),
          spec: {
            schedule: cron,
            jobTemplate: { spec: { template: { ...template, spec: { ...spec, restartPolicy: 'OnFailure' } } } },
          },
        };
      } else {
        const size = q.size ?? '1Gi';
        const path = frame.text.match(/\b(?:at|on|under)\s+(\/[\w./-]*)/i)?.[1] ?? '/data';
        const claim =
          nameWord(
            frame.text.match(
              /\b(?:volume|claim|pvc)\s+(?:template\s+)?(?:named\s+|called\s+)?([a-z0-9][a-z0-9-]*)/i,
            )?.[1],
          ) ?? 'data';
        const claimName = ['of', 'with', 'for', 'template', 'templates', 'at'].includes(claim) ? 'data' : claim;
        // The claim template is the volume at that path: no other volume of the description is mounted there.
        const replaced = new Set(
          ((spec.containers as Obj[])[0]?.volumeMounts as Obj[] | undefined)
            ?.filter((v) => v.mountPath === path)
            .map((v) => v.name) ?? [],
        );
        if (spec.volumes) spec.volumes = (spec.volumes as Obj[]).filter((v) => !replaced.has(v.name));
        if (Array.isArray(spec.volumes) && !spec.volumes.length) delete spec.volumes;
        const containers = (spec.containers as Obj[]).map((c, i) =>
          i === 0
            ? {
                ...c,
                volumeMounts: [
                  ...((c.volumeMounts as Obj[]) ?? []).filter((v) => v.mountPath !== path),
                  { name: claimName, mountPath: path },
                ],
              }
            : c,
        );
        after.push(
          create(
            {
              apiVersion: 'v1',
              kind: 'Service',
              metadata: meta(name, namespace, labels),
              spec: {
                clusterIP: 'None',
                selector: labels,
                ...(q.ports[0]
                  ? { ports: [{ port: q.ports[0], name: 'tcp' }] }
                  : { ports: [{ port: 80, name: 'tcp' }] }),
              },
            },
            `create headless Service ${name} in namespace ${namespace} (the StatefulSet's network identity)`,
          ),
        );
        object = {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata: meta(name, namespace, labels),
          spec: {
            serviceName: name,
            replicas: replicas ?? 1,
            selector: { matchLabels: labels },
            template: { metadata: { labels }, spec: { ...spec, containers } },
            volumeClaimTemplates: [
              {
                metadata: { name: claimName },
                spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: size } } },
              },
            ],
          },
        };
      }
      list.push(create(object), ...after);
      if (/\b(expose|service|reachable)\b/i.test(frame.text) && q.ports[0] && what === 'Deployment') {
        list.push(
          create({
            apiVersion: 'v1',
            kind: 'Service',
            metadata: meta(name, namespace, labels),
            spec: { selector: labels, ports: [{ port: q.ports[0], targetPort: q.ports[0], protocol: 'TCP' }] },
          }),
        );
      }
      return done(`Create ${what} ${name} in namespace ${namespace} running ${main.image}`, list);
    }
    case 'Service': {
      const named = namespaceOf(frame, ctx.namespace);
      const picked = pickTargets(frame, ctx.vocabulary, ['Deployment', 'StatefulSet', 'DaemonSet', 'Pod'], {
        ...(named ? { namespace: named } : {}),
        preferKindOrder: true,
      });
      const target = picked.kind === 'targets' ? picked.targets[0] : undefined;
      if (picked.kind === 'built') return picked.built;
      const serviceNamespace = target?.namespace ?? namespace;
      if (!target) {
        const missing = needNamespace();
        if (missing) return missing;
      }
      const pairs = Object.fromEntries(Object.entries(q.pairs));
      const selector = Object.keys(pairs).length
        ? pairs
        : target
          ? target.kind === 'Pod'
            ? (target.object.metadata.labels ?? {})
            : workloadView(target.object).matchLabels
          : undefined;
      let name = newName(frame, 'Service');
      if (
        name &&
        target &&
        name === target.name &&
        ctx.vocabulary.entities.some((e) => e.kind === 'Service' && e.name === name && e.namespace === serviceNamespace)
      )
        name = undefined;
      name ??= target ? `${target.name}-svc` : undefined;
      if (!name || !selector || !Object.keys(selector).length)
        return question(
          'Which pods should the service select? For example: "create a service web-svc for deployment web on port 80".',
        );
      const port = q.ports[0] ?? 80;
      const containerPort = target ? workloadView(target.object).containers[0]?.ports?.[0]?.containerPort : undefined;
      const type = /\bnode\s*port\b/i.test(frame.text)
        ? 'NodePort'
        : /\bload\s*balancer\b/i.test(frame.text)
          ? 'LoadBalancer'
          : /\bheadless\b/i.test(frame.text)
            ? 'None'
            : 'ClusterIP';
      const object: KubeObject = {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: meta(name, serviceNamespace),
        spec: {
          ...(type === 'None' ? { clusterIP: 'None' } : { type }),
          selector,
          ports: [{ port, targetPort: q.targetPort ?? containerPort ?? port, protocol: 'TCP' }],
        },
      };
      return done(
        `Create ${type === 'None' ? 'headless' : type} service ${name} in namespace ${serviceNamespace} on port ${port}`,
        [create(object)],
      );
    }
    case 'ConfigMap':
    case 'Secret': {
      const name = newName(frame, what);
      if (!name) return question(`What should the ${what.toLowerCase()} be called?`);
      const missing = needNamespace();
      if (missing) return missing;
      const at = frame.text.toLowerCase().indexOf(name);
      const rest = `${frame.text.slice(0, Math.max(0, at)).replace(/^\S+/, '')} ${frame.text.slice(at + name.length)}`
        .replace(new RegExp(String.raw`\b(?:${KIND_WORD[what]}|new|named|called|store|in|a|an)\b`, 'gi'), ' ')
        .trim();
      const data = { ...dataValues(what, name, rest), ...q.pairs };
      const object: KubeObject =
        what === 'Secret'
          ? { apiVersion: 'v1', kind: 'Secret', metadata: meta(name, namespace), type: 'Opaque', stringData: data }
          : { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, namespace), data };
      return done(`Create ${what} ${name} in namespace ${namespace}`, [create(object)]);
    }
    case 'HorizontalPodAutoscaler': {
      const picked = pickTargets(frame, ctx.vocabulary, SCALABLE_KINDS, {
        ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
      });
      if (picked.kind === 'built') return picked.built;
      if (picked.kind === 'none')
        return question(
          'Which deployment should be autoscaled? For example: "autoscale backend between 2 and 10 pods at 70% cpu".',
        );
      const list: PlanStep[] = [];
      for (const t of picked.targets) {
        const memory = /\b(memory|mem|ram)\b/i.test(frame.text) && !/\bcpu\b/i.test(frame.text);
        const min = q.minReplicas ?? 1;
        const max = q.maxReplicas ?? Math.max(10, min);
        const percent = q.percent ?? 80;
        if (min > max)
          return question(`The minimum (${min}) is above the maximum (${max}). Which bounds did you mean?`);
        if (!q.maxReplicas) ctx.assumptions.push(`at most ${max} replicas: no maximum was named`);
        const object: KubeObject = {
          apiVersion: 'autoscaling/v2',
          kind: 'HorizontalPodAutoscaler',
          metadata: meta(t.name, t.namespace),
          spec: {
            scaleTargetRef: { apiVersion: t.object.apiVersion, kind: t.kind, name: t.name },
            minReplicas: min,
            maxReplicas: max,
            metrics: [
              {
                type: 'Resource',
                resource: {
                  name: memory ? 'memory' : 'cpu',
                  target: { type: 'Utilization', averageUtilization: percent },
                },
              },
            ],
          },
        };
        list.push(
          create(
            object,
            `create HorizontalPodAutoscaler ${t.name}: ${min}–${max} replicas at ${percent}% ${memory ? 'memory' : 'CPU'}`,
          ),
        );
      }
      ctx.acted = picked.targets;
      return done(
        `Autoscale ${picked.targets.map((t) => `${t.kind.toLowerCase()} ${t.namespace}/${t.name}`).join(', ')}`,
        list,
      );
    }
    case 'Access':
    case 'NetworkPolicy': {
      const missing = needNamespace();
      if (missing) return missing;
      const built = accessManifests(frame, what, namespace, ctx);
      if ('question' in built) return question(built.question);
      return done(
        built.summary,
        built.objects.map((o) => create(o)),
      );
    }
    case 'Canary':
      return canary(frame, ctx, done);
  }
}

/** The quota and default-deny policy a namespace description asks for. */
function namespaceExtras(frame: Frame, namespace: string): PlanStep[] {
  const q = frame.quantities;
  const list: PlanStep[] = [];
  const hard: Record<string, string> = {};
  const pods = frame.text.match(/\b(\d+)\s+pods\b|\bpods?\s*(?:=|:|of|to|at)?\s*(\d+)\b/i);
  if (pods && /\bquota|\blimit|\bmax|\bat\s+most|\bcap/i.test(frame.text)) hard.pods = pods[1] ?? pods[2] ?? '';
  if (/\bquota|\blimit|\bmax|\bcap/i.test(frame.text)) {
    for (const r of ['cpu', 'memory'] as const) {
      if (q.requests[r]) hard[`requests.${r}`] = q.requests[r] as string;
      if (q.limits[r]) hard[`limits.${r}`] = q.limits[r] as string;
    }
  }
  if (Object.keys(hard).length) {
    list.push(
      create({
        apiVersion: 'v1',
        kind: 'ResourceQuota',
        metadata: meta(`${namespace}-quota`, namespace),
        spec: { hard },
      }),
    );
  }
  if (
    /\bdefault[- ]deny\b|\bden(?:y|ies|ying|ied)\s+(?:all|everything|by\s+default)\b|\bdenied\b|\bdeny-all\b|\bisolat\w+\b|\block(?:ed)?\s+down\b|\bblock\w*\s+all\b/i.test(
      frame.text,
    )
  ) {
    const egress = /\begress\b|\ball\s+traffic\b|\bboth\s+directions\b|\bin\s+and\s+out\b/i.test(frame.text);
    list.push(
      create(
        {
          apiVersion: 'networking.k8s.io/v1',
          kind: 'NetworkPolicy',
          metadata: meta('default-deny', namespace),
          spec: { podSelector: {}, policyTypes: egress ? ['Ingress', 'Egress'] : ['Ingress'] },
        },
        `create NetworkPolicy default-deny in namespace ${namespace} (no ${egress ? 'traffic in or out' : 'incoming traffic'} unless allowed)`,
      ),
    );
  }
  return list;
}

async function canary(
  frame: Frame,
  ctx: FrameContext,
  done: (summary: string, list: PlanStep[]) => Built,
): Promise<Built> {
  const picked = pickTargets(frame, ctx.vocabulary, ['Deployment'], {
    ...(ctx.namespace ? { namespace: ctx.namespace } : {}),
  });
  if (picked.kind === 'built') return picked.built;
  const stable: Entity | undefined = picked.kind === 'targets' ? picked.targets[0] : undefined;
  if (!stable)
    return question(
      'A canary of which deployment? For example: "create a canary of backend with image todo/backend:1.1".',
    );
  const view = workloadView(stable.object);
  const current = view.containers[0];
  const q = frame.quantities;
  const image = q.images[0] ?? (q.tag && current?.image ? withTag(current.image, q.tag) : undefined);
  if (!image)
    return question(
      `Which image should the canary of ${stable.name} run? For example: "create a canary of ${stable.name} with version 1.1".`,
    );
  const namespace = stable.namespace ?? 'default';
  const name = nameWord(frame.text.match(/\b(?:named|called)\s+([a-z0-9][a-z0-9-]*)/i)?.[1]) ?? `${stable.name}-canary`;
  const shared = Object.fromEntries(
    Object.entries(view.podLabels).filter(([k]) => !/^(track|version|release|stage)$/.test(k)),
  );
  const labels = { ...shared, track: 'canary' };
  const replicas = q.scale?.mode === 'absolute' ? q.scale.replicas : 1;
  const spec = JSON.parse(
    JSON.stringify((stable.object.spec as { template?: { spec?: Obj } })?.template?.spec ?? {}),
  ) as { containers: Obj[] };
  if (spec.containers[0]) spec.containers[0] = { ...spec.containers[0], image };
  const object: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name, namespace, labels),
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec } },
  };
  const list: PlanStep[] = [
    create(
      object,
      `create canary Deployment ${namespace}/${name} running ${image} (${replicas} replica${replicas === 1 ? '' : 's'}) next to ${stable.name}`,
    ),
  ];
  const services = ctx.vocabulary.entities.filter((e) => e.kind === 'Service' && e.namespace === namespace);
  const serving = services.find((s) => {
    const selector = ((s.object.spec as { selector?: Record<string, string> })?.selector ?? {}) as Record<
      string,
      string
    >;
    return (
      Object.keys(selector).length > 0 &&
      Object.entries(selector).every(([k, v]) => labels[k as keyof typeof labels] === v && view.podLabels[k] === v)
    );
  });
  if (serving)
    ctx.assumptions.push(
      `service ${namespace}/${serving.name} selects ${Object.keys(shared).join(', ')}: it sends traffic to ${stable.name} and the canary alike`,
    );
  else {
    list.push(
      create(
        {
          apiVersion: 'v1',
          kind: 'Service',
          metadata: meta(stable.name, namespace),
          spec: {
            selector: shared,
            ports: [{ port: 80, targetPort: current?.ports?.[0]?.containerPort ?? 80, protocol: 'TCP' }],
          },
        },
        `create Service ${namespace}/${stable.name} shared by ${stable.name} and ${name}`,
      ),
    );
  }
  ctx.acted = [stable];
  return done(`Create canary ${name} of ${namespace}/${stable.name} with ${image}`, list);
}
