import type { KubeObject, PlanStep } from '@opspilot/core';
import { type Built, question } from '../plan/planContext.js';
import { type CreationEnv, create, meta } from './createStep.js';
import { type Making, newName } from './creationKind.js';
import type { Frame } from './frame.js';
import type { FrameContext } from './frameContext.js';
import { generatorWorkload } from './generatorWorkload.js';
import { containerImages, imageBaseName, nameWord, podSpecFromText } from './podSpecFromText.js';
import { spokenSchedule } from './spokenSchedule.js';

type Obj = Record<string, unknown>;

/** The kinds {@link createWorkload} makes. */
export type WorkloadMaking = Extract<Making, 'Deployment' | 'Pod' | 'StatefulSet' | 'Job' | 'CronJob'>;

/**
 * A Deployment, Pod, StatefulSet (with its headless Service and a volume claim template), Job or CronJob running the
 * image the request names, its pod spec from {@link podSpecFromText}; a Deployment with a port and `expose` gets its
 * Service. A missing image, name or schedule is asked for.
 */
export async function createWorkload(
  frame: Frame,
  ctx: FrameContext,
  what: WorkloadMaking,
  env: CreationEnv,
): Promise<Built> {
  const { namespace, needNamespace, done } = env;
  const q = frame.quantities;
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
  } else if (what === 'CronJob') {
    const cron = spokenSchedule(frame.text);
    if (!cron)
      return question(
        `How often should cronjob ${name} run? For example: "every 5 minutes", "hourly", "daily at 3:00".`,
      );
    object = await generatorWorkload(
      'CronJob',
      { name, namespace, image: main.image, schedule: cron },
      template,
      ctx.assumptions,
    );
  } else if (what === 'Deployment' || what === 'Job') {
    const fields = { name, namespace, image: main.image, ...(replicas !== undefined ? { replicas } : {}) };
    object = await generatorWorkload(what, fields, template, ctx.assumptions);
  } else {
    const size = q.size ?? '1Gi';
    const path = frame.text.match(/\b(?:at|on|under)\s+(\/[\w./-]*)/i)?.[1] ?? '/data';
    const claim =
      nameWord(
        frame.text.match(/\b(?:volume|claim|pvc)\s+(?:template\s+)?(?:named\s+|called\s+)?([a-z0-9][a-z0-9-]*)/i)?.[1],
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
            ...(q.ports[0] ? { ports: [{ port: q.ports[0], name: 'tcp' }] } : { ports: [{ port: 80, name: 'tcp' }] }),
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
