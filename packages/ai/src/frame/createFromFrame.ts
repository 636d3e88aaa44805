import type { PlanStep } from '@opspilot/core';
import { type Built, question, steps } from '../plan/planContext.js';
import { accessManifests } from './accessManifests.js';
import { createAutoscaler } from './createAutoscaler.js';
import { createCanary } from './createCanary.js';
import { createDataObject } from './createDataObject.js';
import { createService } from './createService.js';
import { type CreationEnv, create } from './createStep.js';
import { createWorkload } from './createWorkload.js';
import { making, newName } from './creationKind.js';
import type { Frame } from './frame.js';
import type { FrameContext } from './frameContext.js';
import { namespaceExtras } from './namespaceExtras.js';
import { namespaceOf } from './pickTargets.js';

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
  const env: CreationEnv = { namespace, needNamespace, done };
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
    case 'CronJob':
      return createWorkload(frame, ctx, what, env);
    case 'Service':
      return createService(frame, ctx, env);
    case 'ConfigMap':
    case 'Secret':
      return createDataObject(frame, what, env);
    case 'HorizontalPodAutoscaler':
      return createAutoscaler(frame, ctx, env);
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
      return createCanary(frame, ctx, env);
  }
}
